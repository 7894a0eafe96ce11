"""Build the gold files (offsets into the loaded `text`) from the annotators' sheets in gold/src/.

The annotators wrote each quote, sentence and reused passage as an exact string of the article body;
this script finds each string in the corpus table that `mediakit.load_corpus("data/s400")` returns and
writes quotes.csv, frames.csv and reuse.csv with character offsets. Run from the project root:

    .venv/bin/python data/s400/gold/build_gold.py

It fails loudly if any annotation cannot be located, so the gold always validates against the corpus.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd

from mediakit import load_corpus
from mediakit.corpus import strip_boilerplate
from mediakit.text import normalize_text

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent


def _key_index(corpus: pd.DataFrame) -> dict[str, str]:
    keys = {}
    for row in corpus.itertuples():
        keys[row.article_id] = row.article_id
        keys.setdefault(row.title, row.article_id)
    return keys


def _locate(text: str, needle: str, cursor: int) -> tuple[int, int] | None:
    needle = normalize_text(needle)
    candidates = [needle]
    stripped, _, _ = strip_boilerplate(needle)  # a passage may begin with a wire dateline the loader removed
    if stripped != needle:
        candidates.append(stripped)
    for cand in candidates:
        for start_at in (cursor, 0):
            i = text.find(cand, start_at)
            if i >= 0:
                return i, i + len(cand)
    return None


def main() -> int:
    corpus = load_corpus(CORPUS)
    texts = dict(zip(corpus.article_id, corpus.text))
    keys = _key_index(corpus)
    problems: list[str] = []

    def resolve(sheet: str, lineno: int, key: str) -> str | None:
        aid = keys.get(key)
        if aid is None:
            problems.append(f"{sheet}:{lineno}: unknown article {key!r}")
        return aid

    quotes, frames, reuse = [], [], []
    cursors: dict[tuple[str, str], int] = {}
    for sheet in sorted((HERE / "src").glob("*_quotes.csv")):
        for n, r in enumerate(csv.DictReader(sheet.open(encoding="utf-8")), start=2):
            aid = resolve(sheet.name, n, r["article_key"])
            if aid is None:
                continue
            span = _locate(texts[aid], r["quote"], cursors.get(("q", aid), 0))
            if span is None:
                problems.append(f"{sheet.name}:{n}: quote not found in {aid}: {r['quote'][:60]!r}")
                continue
            cursors[("q", aid)] = span[0]
            quotes.append({"article_id": aid, "start": span[0], "end": span[1], "kind": r["kind"],
                           "speaker": r["speaker"], "verb": r["verb"], "quote": texts[aid][span[0]:span[1]],
                           "annotator": sheet.stem.split("_")[0]})
    for sheet in sorted((HERE / "src").glob("*_frames.csv")):
        for n, r in enumerate(csv.DictReader(sheet.open(encoding="utf-8")), start=2):
            aid = resolve(sheet.name, n, r["article_key"])
            if aid is None:
                continue
            span = _locate(texts[aid], r["sentence"], 0)
            if span is None:
                problems.append(f"{sheet.name}:{n}: sentence not found in {aid}: {r['sentence'][:60]!r}")
                continue
            frames.append({"article_id": aid, "start": span[0], "end": span[1], "frame": r["frame"],
                           "sentence": texts[aid][span[0]:span[1]], "annotator": sheet.stem.split("_")[0]})
    for sheet in sorted((HERE / "src").glob("*_reuse.csv")):
        for n, r in enumerate(csv.DictReader(sheet.open(encoding="utf-8")), start=2):
            sid, tid = resolve(sheet.name, n, r["source_key"]), resolve(sheet.name, n, r["target_key"])
            if sid is None or tid is None:
                continue
            s = _locate(texts[sid], r["source_passage"], 0)
            t = _locate(texts[tid], r["target_passage"], 0)
            if s is None or t is None:
                problems.append(f"{sheet.name}:{n}: passage not found ({'source' if s is None else 'target'})")
                continue
            reuse.append({"source_id": sid, "target_id": tid, "source_start": s[0], "source_end": s[1],
                          "target_start": t[0], "target_end": t[1], "kind": r["kind"]})
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    pd.DataFrame(quotes).sort_values(["article_id", "start"]).to_csv(HERE / "quotes.csv", index=False)
    pd.DataFrame(frames).sort_values(["article_id", "start"]).to_csv(HERE / "frames.csv", index=False)
    pd.DataFrame(reuse).sort_values(["source_id", "target_id", "source_start"]).to_csv(HERE / "reuse.csv",
                                                                                         index=False)
    print(f"gold: {len(quotes)} quotes in {len({q['article_id'] for q in quotes})} articles, "
          f"{len(frames)} frame sentences, {len(reuse)} reused passages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
