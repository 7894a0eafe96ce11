"""Translated reprints (mediakit.find_translations, find_reuse(cross_lingual=True)): demo gold and time at scale.

    PYTHONPATH=. .venv/bin/python bench/translation.py                 # demo gold + harbour + 1,000 articles
    PYTHONPATH=. .venv/bin/python bench/translation.py --sizes 10000   # the issue's target size

Gold: data/s400/gold/translations.csv (planted T1-T3 and the Volga Wire editions E1-E2) and the two
translated reprints of tests/data/harbour (TR1, TR2; their README). A found passage is correct when it
overlaps a gold passage of the same pair of articles (either direction) on both sides.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from mediakit import load_corpus
from mediakit.parsed import parse_corpus
from mediakit.reuse import find_reuse, find_translations

ROOT = Path(__file__).resolve().parents[1]


def _hit(g, f) -> bool:
    def ov(a0, a1, b0, b1):
        return min(a1, b1) > max(a0, b0)
    if (g.source_id, g.target_id) == (f.source_id, f.target_id):
        return ov(g.source_start, g.source_end, f.source_start, f.source_end) and \
            ov(g.target_start, g.target_end, f.target_start, f.target_end)
    if (g.source_id, g.target_id) == (f.target_id, f.source_id):
        return ov(g.source_start, g.source_end, f.target_start, f.target_end) and \
            ov(g.target_start, g.target_end, f.source_start, f.source_end)
    return False


def score(gold: pd.DataFrame, found: pd.DataFrame) -> dict:
    rec = [any(_hit(g, f) for f in found.itertuples()) for g in gold.itertuples()]
    prec = [any(_hit(g, f) for g in gold.itertuples()) for f in found.itertuples()]
    return {"gold": len(gold), "found": len(found), "recall": float(np.mean(rec)) if rec else float("nan"),
            "precision": float(np.mean(prec)) if prec else float("nan"),
            "false": [(f.source_id, f.target_id, f.source_sentences, f.similarity)
                      for f, ok in zip(found.itertuples(), prec) if not ok]}


def demo() -> None:
    corpus = load_corpus(ROOT / "data" / "s400")
    t0 = time.perf_counter()
    found = find_translations(corpus)
    s = score(pd.read_csv(ROOT / "data" / "s400" / "gold" / "translations.csv"), found)
    print(f"data/s400: {s['found']} passages in {time.perf_counter() - t0:.1f} s; gold {s['gold']}: "
          f"recall {s['recall']:.2f}, precision {s['precision']:.2f}")
    for f in s["false"]:
        print("   not in gold:", f)
    h = load_corpus(ROOT / "tests" / "data" / "harbour")
    found = find_translations(h)
    print(f"tests/data/harbour: {len(found)} passages: "
          + ", ".join(f"{r.source_id}->{r.target_id} ({r.source_language}->{r.target_language}, "
                      f"{r.source_sentences} sentences, {r.similarity:.2f})" for r in found.itertuples()))


# ---------------------------------------------------------------- generated corpus
LANG_SHARES = {"en": 0.85, "ru": 0.08, "tr": 0.07}
PLANTED_SHARE = 0.02    # share of the articles that belong to a planted translated pair


def generate(n: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` articles in en/ru/tr (:data:`LANG_SHARES`) over 1,000 days and the gold translated passages.

    Background: word-bigram text of each language (bench/reuse.py's Bigrams), trained on the data/s400 and
    tests/data/harbour articles of that language, so every article is on the same story's vocabulary.
    Translated pairs: copies of the 5 gold pairs of data/s400 (T1 ru->en, T2 tr->en, T3 en->tr, E1 en<->ru,
    E2 ru->en; real translations written for the demo corpus), :data:`PLANTED_SHARE` of the articles,
    each copy with light variation: a generated lede paragraph of its own language before each article
    (gold offsets shift with it) and the digits of both articles remapped by one random permutation per
    copy. Copies are spread over the 1,000 days, at least 10 days apart, so that two copies of one
    template never fall within max_days (7) of each other.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from reuse import Bigrams  # noqa: E402  (the bench's own text model)

    rng = np.random.default_rng(seed)
    s400 = load_corpus(ROOT / "data" / "s400", progress=False)
    harbour = load_corpus(ROOT / "tests" / "data" / "harbour", progress=False)
    both = pd.concat([s400, harbour], ignore_index=True)
    gold = pd.read_csv(ROOT / "data" / "s400" / "gold" / "translations.csv")
    templates = [g for _, g in gold.groupby("id", sort=True)]
    n_copies = max(len(templates), int(round(n * PLANTED_SHARE / 2)))
    n_bg = n - 2 * n_copies
    langs = rng.choice(list(LANG_SHARES), p=list(LANG_SHARES.values()), size=n_bg)
    lengths = rng.integers(150, 750, size=n_bg)
    texts = np.empty(n_bg, dtype=object)
    models = {}
    for lang in LANG_SHARES:
        models[lang] = Bigrams(both.loc[both.language == lang, "text"].tolist(), rng)
        idx = np.flatnonzero(langs == lang)
        if len(idx):
            texts[idx] = models[lang].sample(len(idx), lengths[idx])
    outlets = {lang: sorted(both.loc[both.language == lang, "outlet"].unique()) for lang in LANG_SHARES}
    day0 = np.datetime64("2019-01-01")
    rows = [{"article_id": f"g{i}", "outlet": str(rng.choice(outlets[lang])), "language": lang, "text": texts[i],
             "date": day0 + np.timedelta64(int(rng.integers(0, 1000)), "D")} for i, lang in enumerate(langs)]
    by_id = s400.set_index("article_id")
    gold_rows = []
    spacing = max(10, 1000 // n_copies)
    for c in range(n_copies):
        g = templates[c % len(templates)]
        digits = str.maketrans("0123456789", "".join(rng.permutation(list("0123456789"))))
        shift, new_id = {}, {}
        first = pd.Timestamp(min(by_id.loc[a, "date"] for a in (g.source_id.iat[0], g.target_id.iat[0])))
        for aid in (g.source_id.iat[0], g.target_id.iat[0]):
            art = by_id.loc[aid]
            lede = models[art.language].sample(1, np.array([int(rng.integers(25, 50))]))[0] + "\n\n"
            shift[aid], new_id[aid] = len(lede), f"{aid}~{c}"
            when = day0 + np.timedelta64(c * spacing % 1000, "D") + (pd.Timestamp(art.date) - first).to_numpy()
            rows.append({"article_id": new_id[aid], "outlet": art.outlet, "language": art.language,
                         "text": lede + art.text.translate(digits), "date": when})
        for r in g.itertuples():
            gold_rows.append({"id": f"{r.id}~{c}", "source_id": new_id[r.source_id], "target_id": new_id[r.target_id],
                              "source_start": r.source_start + shift[r.source_id],
                              "source_end": r.source_end + shift[r.source_id],
                              "target_start": r.target_start + shift[r.target_id],
                              "target_end": r.target_end + shift[r.target_id]})
    arts = pd.DataFrame(rows)
    arts["date"] = pd.to_datetime(arts["date"])
    arts = arts.sample(frac=1.0, random_state=seed).reset_index(drop=True)  # planted pairs not side by side
    return arts, pd.DataFrame(gold_rows)


def scale(n: int, n_jobs: int, seed: int = 0, probe: bool = True) -> dict:
    """find_reuse(cross_lingual=True) on a generated corpus of ``n`` articles: time, recall, precision.
    ``probe=False`` keeps every candidate pair past the probe (every sentence embedded): the A/B baseline."""
    from mediakit.embedding import clear_embed_cache
    from mediakit.reuse import _translation

    clear_embed_cache()                       # no vectors from an earlier run
    real_probe = _translation._probe
    if not probe:
        _translation._probe = lambda lp, *a, **k: np.ones(len(lp))
    arts, gold = generate(n, seed)
    n_sent = len(parse_corpus(arts).sentences)
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    try:
        found, stats = find_reuse(arts, cross_lingual=True, n_jobs=n_jobs, return_stats=True)
    finally:
        _translation._probe = real_probe
    dt = time.perf_counter() - t0
    load1 = os.getloadavg()[0]
    tr = found[found.kind == "translation"]
    s = score(gold, tr)
    t = stats.translation
    print(f"{'' if probe else '[no probe] '}{n} articles ({n_sent} sentences, {len(gold)} gold passages): {dt:.1f} s with n_jobs={n_jobs} "
          f"(load average {load0:.1f} -> {load1:.1f}); translations {s['found']}: recall {s['recall']:.2f}, "
          f"precision {s['precision']:.2f}; {len(found) - len(tr)} monolingual passages")
    print(f"   candidate pairs {t['candidates']} ({t['probed']} with enough sentences), kept by the probe "
          f"{t['kept']}, aligned {t['aligned']}, "
          f"sentences embedded {t['sentences_embedded']} of {n_sent} ({t['sentences_embedded'] / n_sent:.0%}); "
          f"seconds: {t['timings']}; shingle stages: "
          + ", ".join(f"{k} {v:.1f}" for k, v in stats.timings.items() if k != "translations"), flush=True)
    for f in s["false"][:5]:
        print("   not in gold:", f)
    return {"n": n, "seconds": dt, **{k: s[k] for k in ("recall", "precision")}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000])
    ap.add_argument("--jobs", type=int, default=2, help="embedding processes (the machine has 2 cores)")
    ap.add_argument("--no-demo", action="store_true")
    ap.add_argument("--probe-ab", type=int, metavar="N", help="N articles with and without the probe, same run")
    args = ap.parse_args()
    if not args.no_demo:
        demo()
    if args.probe_ab:
        a, b = scale(args.probe_ab, args.jobs), scale(args.probe_ab, args.jobs, probe=False)
        print(f"probe A/B at {args.probe_ab} articles: {a['seconds']:.1f} s with, {b['seconds']:.1f} s without "
              f"(x{b['seconds'] / a['seconds']:.2f})")
        return 0
    results = [scale(n, args.jobs) for n in args.sizes]
    if len(results) > 1:
        r0 = results[0]
        for r in results[1:]:
            print(f"scaling {r0['n']} -> {r['n']} articles: time x{r['seconds'] / r0['seconds']:.2f} "
                  f"for x{r['n'] / r0['n']:.1f} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
