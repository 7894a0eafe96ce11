"""Translated reprints (mediakit.find_translations, find_reuse(cross_lingual=True)): demo gold and time at scale.

    PYTHONPATH=. .venv/bin/python bench/translation.py                 # demo gold + harbour + 1,000 articles
    PYTHONPATH=. .venv/bin/python bench/translation.py --sizes 10000   # the issue's target size

Gold: data/s400/gold/translations.csv (planted T1-T3 and the Volga Wire editions E1-E2) and the two
translated reprints of tests/data/harbour (TR1, TR2; their README). A found passage is correct when it
overlaps a gold passage of the same pair of articles (either direction) on both sides.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from mediakit import load_corpus
from mediakit.reuse import find_translations

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


def scale(n: int, seed: int = 0, other_share: float = 0.1) -> None:
    """``n`` generated articles (bench/reuse.py's bigram generator), ``other_share`` of them labelled ru/tr,
    dates over 1000 days: the cost is embedding every article that has another-language neighbour within
    max_days, then aligning the candidate pairs."""
    sys.path.insert(0, str(ROOT / "bench"))
    from reuse import generate  # noqa: E402  (the bench's own generator)

    arts = generate(n, seed)[0]
    rng = np.random.default_rng(seed)
    lang = np.where(rng.random(n) < other_share, rng.choice(["ru", "tr"], size=n), "en")
    arts = arts.assign(language=lang)
    t0 = time.perf_counter()
    found = find_translations(arts, progress=False, n_jobs=2)
    dt = time.perf_counter() - t0
    print(f"{n} articles: {dt:.1f} s, {found.attrs['candidates']} candidate pairs, {len(found)} passages")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000])
    args = ap.parse_args()
    demo()
    for n in args.sizes:
        scale(n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
