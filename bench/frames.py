"""Framing benchmarks: codebook accuracy on the demo gold, FrameClassifier on GVFC, scoring speed.

    .venv/bin/python bench/frames.py            # everything (about 5 minutes on 2 cores)
    .venv/bin/python bench/frames.py gold       # only the s400 codebook against data/s400/gold/frames.csv
    .venv/bin/python bench/frames.py gvfc       # only FrameClassifier on ../shared/eval/gvfc_newsframing
    .venv/bin/python bench/frames.py speed      # only scoring speed (10,000 articles, one core)

Prints figures; copy them into bench/README.md (section "Frames"). GVFC data are read from ../shared/eval and
never copied into the project; the section is skipped when that folder is absent.
"""

from __future__ import annotations

import os
import platform
import random
import string
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mediakit as mk  # noqa: E402
from mediakit.framing import FrameClassifier, agreement, score_frames  # noqa: E402

GVFC = ROOT.parent / "shared" / "eval" / "gvfc_newsframing" / "dataset"
GVFC_NAMES = {1: "gun rights", 2: "gun control", 3: "politics", 4: "mental health", 5: "public safety",
              6: "race/ethnicity", 7: "public opinion", 8: "society/culture", 9: "economic"}


def header(title: str) -> None:
    print(f"\n=== {title}")


# ---------------------------------------------------------------- s400 codebook vs demo gold
def bench_gold() -> None:
    header("s400 codebook vs data/s400/gold/frames.csv (dominant frame per sentence)")
    gold_path = ROOT / "data" / "s400" / "gold" / "frames.csv"
    if not gold_path.exists():
        print(f"skipped: {gold_path} not found")
        return
    corpus = mk.load_corpus(ROOT / "data" / "s400")
    scores = score_frames(corpus, "s400")
    gold = pd.read_csv(gold_path)
    a = agreement(gold, scores)
    print(f"codebook s400 v{scores.attrs['codebook_version']}; {a.attrs['n_units']} gold sentences "
          f"({a.attrs['unmatched']} unmatched)")
    print(a.round(3).to_string(index=False))
    macro = a.iloc[-1]
    print(f"macro-F1 (8 frames, 'none' left out) = {macro['f1']:.3f}; accuracy = {a.attrs['accuracy']:.3f}; "
          f"Krippendorff's alpha (coder vs codebook, nominal) = {a.attrs['alpha']:.3f}")
    if "annotator" in gold.columns:
        print("by annotator (each annotator coded different outlets' articles):")
        for ann, sub in gold.groupby("annotator"):
            s = agreement(sub, scores)
            print(f"  {ann}: n={s.attrs['n_units']:3d}  macro-F1={s.iloc[-1]['f1']:.3f}  alpha={s.attrs['alpha']:.3f}")


# ---------------------------------------------------------------- FrameClassifier on GVFC
def _english_labels() -> pd.Series:
    e = pd.read_csv(GVFC / "english.csv")
    return e.drop_duplicates("ImageID").set_index("ImageID")["Q3 Theme1"].astype(int)


def _macro(y_true, y_pred) -> float:
    labels = sorted(set(y_true))
    return float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0))


def bench_gvfc() -> None:
    header("FrameClassifier on GVFC (Akyürek et al. 2020): primary frame of US gun-violence headlines")
    if not GVFC.exists():
        print(f"skipped: {GVFC} not found")
        return
    labels = _english_labels()
    scores, accs = [], []
    t0 = time.perf_counter()
    for k in range(5):
        train = pd.read_csv(GVFC / str(k) / "train.tsv", sep="\t", header=None, quoting=3)
        test = pd.read_csv(GVFC / str(k) / "test_first_frame.tsv", sep="\t", header=None, quoting=3)
        y = train[0].map(labels)
        keep = y.notna()
        clf = FrameClassifier().fit(train.loc[keep, 1].tolist(), y[keep].astype(int).astype(str).tolist())
        pred = clf.predict(test[1].tolist())
        truth = test[2].astype(int).astype(str).to_numpy()
        m = _macro(truth, pred)
        scores.append(m)
        accs.append(float((pred == truth).mean()))
        print(f"split {k}: train {int(keep.sum())}, test {len(test)}; chosen {clf.analyzer_}, C={clf.C_:g} "
              f"(inner CV macro-F1 {clf.cv_score_:.3f}); test macro-F1 {m:.3f}, accuracy {accs[-1]:.3f}")
    print(f"mean over 5 splits: macro-F1 {np.mean(scores):.3f} (sd {np.std(scores):.3f}, min {min(scores):.3f}), "
          f"accuracy {np.mean(accs):.3f}; {time.perf_counter() - t0:.0f} s")
    print("(9 classes: " + ", ".join(f"{k} {v}" for k, v in GVFC_NAMES.items()) + ")")
    bench_turkish(labels)


def _dictionary() -> dict[str, str]:
    """The dataset's Turkish->English word list (OmittedCodeSwitch: the line-aligned pair of files)."""
    d = GVFC / "turkish" / "OmittedCodeSwitch"
    tr = (d / "turkish_words.txt").read_text(encoding="utf-8").splitlines()
    en = (d / "english_words.txt").read_text(encoding="utf-8").splitlines()
    return {t.strip().lower(): e.strip() for t, e in zip(tr, en) if t.strip()}


def _translate_words(text: str, dictionary: dict[str, str]) -> str:
    """Word-by-word gloss: each Turkish word (or its longest listed prefix, for suffixed forms) in English."""
    out = []
    for w in text.split():
        core = w.strip(".,:;!?\"'“”‘’()").lower()
        hit = dictionary.get(core)
        if hit is None:
            for cut in range(len(core) - 1, 2, -1):
                if core[:cut] in dictionary:
                    hit = dictionary[core[:cut]]
                    break
        out.append(hit or w)
    return " ".join(out)


def bench_turkish(labels: pd.Series) -> None:
    header("FrameClassifier on the GVFC Turkish dev set (100 Turkish headlines, primary frame)")
    tdev = pd.read_csv(GVFC / "turkish" / "turkish_dev.csv")
    truth = tdev["frame1"].astype(int).astype(str).to_numpy()
    print("label counts:", tdev["frame1"].value_counts().sort_index().to_dict())
    english = pd.read_csv(GVFC / "english.csv")
    english = english[english["Q3 Theme1"].isin(GVFC_NAMES)]
    en_clf = FrameClassifier().fit(english["news_title"].tolist(), english["Q3 Theme1"].astype(str).tolist())
    print(f"English model on all 1,300 English headlines: {en_clf.analyzer_}, C={en_clf.C_:g}")
    raw = en_clf.predict(tdev["headline"].tolist())
    print(f"(a) English model on the Turkish text as is:       macro-F1 {_macro(truth, raw):.3f}, "
          f"accuracy {(raw == truth).mean():.3f}")
    gloss = [_translate_words(h, _dictionary()) for h in tdev["headline"]]
    g = en_clf.predict(gloss)
    print(f"(b) English model on a word-by-word dictionary gloss: macro-F1 {_macro(truth, g):.3f}, "
          f"accuracy {(g == truth).mean():.3f}  (the dataset's 386-word list)")
    mt_path = GVFC / "turkish" / "TrainEnTestTr2En" / "dev.tsv"
    mt = pd.read_csv(mt_path, sep="\t", header=None, quoting=3)
    if len(mt) == len(tdev) and (mt[0].to_numpy() == tdev["guid"].to_numpy()).all():
        p = en_clf.predict(mt[1].astype(str).tolist())
        print(f"(c) English model on the dataset's English machine translation: macro-F1 {_macro(truth, p):.3f}, "
              f"accuracy {(p == truth).mean():.3f}")
    fs_train = pd.read_csv(GVFC / "turkish" / "FewShot" / "train.tsv", sep="\t", header=None, quoting=3)
    fs_dev = pd.read_csv(GVFC / "turkish" / "FewShot" / "dev.tsv", sep="\t", header=None, quoting=3)
    frame1 = tdev.drop_duplicates("guid").set_index("guid")["frame1"].astype(int).astype(str)
    ytr, ydv = fs_train[0].map(frame1), fs_dev[0].map(frame1)
    ok = ytr.notna()
    tr_clf = FrameClassifier(cv=3).fit(fs_train.loc[ok, 1].tolist(), ytr[ok].tolist())
    p = tr_clf.predict(fs_dev[1].tolist())
    truth_dv = ydv.to_numpy()
    print(f"(d) Turkish few-shot (40 coded Turkish headlines -> the other 60): macro-F1 {_macro(truth_dv, p):.3f}, "
          f"accuracy {(p == truth_dv).mean():.3f}  ({tr_clf.analyzer_}, C={tr_clf.C_:g})")
    mixed = FrameClassifier().fit(english["news_title"].tolist() + fs_train.loc[ok, 1].tolist(),
                                  english["Q3 Theme1"].astype(str).tolist() + ytr[ok].tolist())
    p = mixed.predict(fs_dev[1].tolist())
    print(f"(e) English + the 40 Turkish, on the same 60:           macro-F1 {_macro(truth_dv, p):.3f}, "
          f"accuracy {(p == truth_dv).mean():.3f}  ({mixed.analyzer_}, C={mixed.C_:g})")
    majority = np.full(len(truth), "3")
    print(f"baseline, always 'politics' (3): macro-F1 {_macro(truth, majority):.3f}, accuracy {(majority == truth).mean():.3f}")


# ---------------------------------------------------------------- speed
def _synthetic_articles(n: int, seed: int = 0) -> pd.DataFrame:
    """n articles of 25 sentences drawn from the English demo corpus, plus ~1 unseen word per 40 tokens so
    that the vocabulary grows as in a real corpus (the matcher caches per word type)."""
    rng = random.Random(seed)
    corpus = mk.load_corpus(ROOT / "data" / "s400")
    corpus = corpus[corpus["language"] == "en"]
    sents = [s for t in corpus["text"] for s, _, _ in mk.split_sentences(t)]
    outlets = sorted(corpus["outlet"].unique())
    rows = []
    for i in range(n):
        paras = []
        for _ in range(5):
            para = []
            for _ in range(5):
                s = rng.choice(sents)
                w = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 10)))
                para.append(s.replace(" ", f" {w} ", 1) if rng.random() < 0.6 else s)
            paras.append(" ".join(para))
        rows.append({"article_id": f"a{i}", "outlet": outlets[i % len(outlets)], "date": pd.Timestamp("2020-01-01"),
                     "title": rng.choice(sents)[:90], "text": "\n\n".join(paras)})
    return pd.DataFrame(rows)


def bench_speed(n: int = 10_000) -> None:
    header(f"speed: score_frames on {n:,} articles, one core")
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        pinned = "pinned to one core"
    except (AttributeError, OSError):
        pinned = "not pinned"
    arts = _synthetic_articles(n)
    words = int(arts["text"].str.split().str.len().sum())
    score_frames(arts.head(20), "s400")  # load the codebook once (compiled at load, cached)
    for name in ("s400", "policy_frames"):
        t0 = time.perf_counter()
        scores = score_frames(arts, name)
        dt = time.perf_counter() - t0
        print(f"{name}: {dt:.1f} s for {n:,} articles ({words / 1e6:.1f} M words, {scores['sentence'].size:,} rows; "
              f"{n / dt:,.0f} articles/s; {pinned})")
    t0 = time.perf_counter()
    mk.frame_profile(scores, n_boot=2000, n_perm=2000)
    print(f"frame_profile on that table (2000 bootstrap, 2000 permutations): {time.perf_counter() - t0:.1f} s")


def main(argv: list[str]) -> int:
    what = set(argv) or {"gold", "gvfc", "speed"}
    print(f"mediakit {mk.__version__}; Python {platform.python_version()}; {os.cpu_count()} cores")
    if "gold" in what:
        bench_gold()
    if "gvfc" in what:
        bench_gvfc()
    if "speed" in what:
        bench_speed()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
