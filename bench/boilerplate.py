"""Does outlet boilerplate drive the distinctive terms? Real news (PolNeAR), three loader settings. Prints figures:

    .venv/bin/python bench/boilerplate.py [--split train dev]

PolNeAR's articles (../shared/eval/polnear, when present; 7 US outlets, 2016 campaign, written by the outlets,
not by us) are written to a temporary CSV and loaded three ways: ``boilerplate="keep"`` (nothing learned), the
learning rule as it was before 2026-11-30 evening (a sentence in 20% of an outlet's articles), and the rule now
(2.5%, near-copies). For each: passages learned, articles with a wire dateline found, and how many of each
outlet's top 20 distinctive terms are *boilerplate terms*: terms at least half of whose occurrences in that
outlet's articles lie in passages the current rule learns (an editor's note, a "like our page" plug, a
correction line). Also counted, with the current loader: *furniture terms*, words of the outlet's own name as
its articles write it (:data:`WRITTEN`, read off the texts for this bench; the library learns them) and words
in capitals that the corpus otherwise writes in lower case (a heading or dateline set in capitals: "THE",
"WASHINGTON"), and *house-style terms*: honorifics, lone letters (middle initials), possessive forms
("sanders's" beside "sanders"), legislators' party-and-state tags ("i-vt") and dotted acronyms ("U.S" beside
"US"), which an outlet's style guide makes and its coverage does not. The learning thresholds were chosen by reading train's learned passages, so train figures are
in-sample; dev was not used to choose anything.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mediakit.corpus._learn as learn  # noqa: E402
from mediakit.corpus import load_corpus  # noqa: E402
from mediakit.terms import distinctive_terms  # noqa: E402

SHARED = ROOT.parent / "shared"
TOP = 20
OLD_SHARE = 0.2
WRITTEN = {"huff-post": "huffington post", "nyt": "new york times", "wash-post": "washington post",
           "usa-today": "usa today", "west-journal": "western journalism", "breitbart": "breitbart",
           "politico": "politico"}
HONORIFICS = {"mr", "mrs", "ms", "messrs", "dr"}


def _polnear(split: str) -> pd.DataFrame:
    spec = importlib.util.spec_from_file_location("sq", SHARED / "tools" / "score_quotes.py")
    sq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sq)
    arts, _ = sq.load_polnear(str(SHARED / "eval" / "polnear" / "data" / split))
    arts["date"] = "2016-10-01"  # PolNeAR's texts carry no date column; terms do not use it
    return arts[["article_id", "outlet", "date", "text"]]


def _load(path: Path, mode: str) -> tuple[pd.DataFrame, float]:
    defaults, real_near = dict(learn.learn_spans.__kwdefaults__), learn.NEAR_WORDS
    if mode == "old":  # the rule before: 20% of an outlet's articles, verbatim sentences only
        learn.learn_spans.__kwdefaults__["min_share"] = OLD_SHARE
        learn.NEAR_WORDS = 10**9
    try:
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = load_corpus(path, progress=False, boilerplate="keep" if mode == "keep" else "learn")
        return df, time.perf_counter() - t0
    finally:
        learn.learn_spans.__kwdefaults__.update(defaults)
        learn.NEAR_WORDS = real_near


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


_PARTY_TAG = re.compile(r"^[dri]-[a-z.]{2,6}$", re.IGNORECASE)


def _house_style(term: str) -> bool:
    """A term an outlet's style guide makes: an honorific, a lone letter (a middle initial), a possessive form
    ("sanders's", "sanders'"), a legislator's party-and-state tag ("i-vt", "r-fla") or a dotted acronym ("U.S"
    beside "US"), each the same word as another outlet's plain one."""
    words = term.split()
    return any(w in HONORIFICS or (len(w) == 1 and w.isalpha() and w not in "ai")
               or w.endswith(("'s", "’s", "'", "’")) or _PARTY_TAG.match(w)
               or "." in w and w.replace(".", "").isupper() for w in words)


def run(split: str) -> None:
    arts = _polnear(split)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"polnear_{split}.csv"
        arts.to_csv(path, index=False)
        loaded = {mode: _load(path, mode) for mode in ("keep", "old", "new")}
    new = loaded["new"][0]
    in_bp: dict[tuple[str, str], int] = {}
    in_all: dict[tuple[str, str], int] = {}
    for row in new.itertuples():
        for w in _words(row.boilerplate.replace(learn.SEPARATOR, " ")):
            in_bp[row.outlet, w] = in_bp.get((row.outlet, w), 0) + 1
            in_all[row.outlet, w] = in_all.get((row.outlet, w), 0) + 1
        for w in _words(row.text):
            in_all[row.outlet, w] = in_all.get((row.outlet, w), 0) + 1

    def driven(outlet: str, term: str) -> bool:
        ws = _words(term)
        return bool(ws) and all(in_bp.get((outlet, w), 0) >= 0.5 * max(in_all.get((outlet, w), 0), 1) for w in ws)

    print(f"PolNeAR {split}: {len(arts)} articles, {arts.outlet.nunique()} outlets")
    print(f"{'loader':28} {'load s':>7} {'articles w/ learned':>20} {'wire set':>9} {'boilerplate terms in top 20':>28}")
    for mode, label in (("keep", "boilerplate='keep'"), ("old", f"learned, old rule ({OLD_SHARE:.0%})"),
                        ("new", f"learned, now ({learn.MIN_SHARE:.1%})")):
        df, secs = loaded[mode]
        terms = distinctive_terms(df, by="outlet", top=TOP)
        bad = [(g, t) for g, t in zip(terms["group"], terms["term"], strict=True) if driven(g, t)]
        print(f"{label:28} {secs:7.2f} {int((df.boilerplate != '').sum()):20d} {int((df.wire != '').sum()):9d} "
              f"{len(bad):28d}")
        if bad:
            print("    " + ", ".join(f"{g}:{t}" for g, t in bad[:25]))
    lower = pd.Series([w for t in new.text for w in re.findall(r"\b[a-z]{3,}\b", t)]).value_counts()
    terms = distinctive_terms(new, by="outlet", top=TOP)

    def furniture(outlet: str, term: str) -> bool:
        own = set(WRITTEN.get(outlet, outlet).split())
        shouted = term.isupper() and len(term) >= 3 and lower.get(term.lower(), 0) >= 10
        return shouted or bool(set(_words(term)) & own)

    found = [(g, t) for g, t in zip(terms["group"], terms["term"], strict=True) if furniture(g, t)]
    print(f"furniture terms in the top {TOP} (own name as written, words in capitals): {len(found)}"
          + (": " + ", ".join(f"{g}:{t}" for g, t in found) if found else ""))
    style = [(g, t) for g, t in zip(terms["group"], terms["term"], strict=True) if _house_style(t)]
    print(f"house-style terms in the top {TOP} (honorifics, initials, possessives, party tags, dotted acronyms): {len(style)}"
          + (": " + ", ".join(f"{g}:{t}" for g, t in style) if style else ""))
    learned = new.loc[new.boilerplate != "", ["outlet", "boilerplate"]]
    print("passages learned now (outlet, articles, first 90 characters):")
    for (outlet, passage), n in learned.value_counts().sort_index().items():
        print(f"    {outlet:14} {n:3d}  {passage[:90]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", nargs="+", default=["train", "dev"], choices=["train", "dev"])
    args = ap.parse_args()
    if not (SHARED / "eval" / "polnear").is_dir():
        print("PolNeAR not found under ../shared/eval; nothing to measure")
        return
    for split in args.split:
        run(split)


if __name__ == "__main__":
    main()
