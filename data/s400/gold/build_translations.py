"""Build gold/translations.csv (translated passages, offsets into the loaded `text`) from src/*_translations.csv.

Each sheet row names a passage by the first words of its first sentence and the last words of its last
sentence, in both articles; this script locates them in the corpus `load_corpus("data/s400")` returns and
fails loudly if a string is not found. Run from the project root:

    .venv/bin/python data/s400/gold/build_translations.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd

from mediakit import load_corpus

HERE = Path(__file__).resolve().parent


def _span(text: str, first: str, last: str) -> tuple[int, int] | None:
    i = text.find(first)
    j = text.find(last, max(i, 0))
    return None if i < 0 or j < 0 else (i, j + len(last))


def main() -> int:
    corpus = load_corpus(HERE.parent)
    texts = dict(zip(corpus.article_id, corpus.text))
    rows, problems = [], []
    for sheet in sorted((HERE / "src").glob("*_translations.csv")):
        for n, r in enumerate(csv.DictReader(sheet.open(encoding="utf-8")), start=2):
            if r["source_key"] not in texts or r["target_key"] not in texts:
                problems.append(f"{sheet.name}:{n}: unknown article")
                continue
            s = _span(texts[r["source_key"]], r["source_first"], r["source_last"])
            t = _span(texts[r["target_key"]], r["target_first"], r["target_last"])
            if s is None or t is None:
                problems.append(f"{sheet.name}:{n}: {'source' if s is None else 'target'} passage not found")
                continue
            rows.append({"id": r["id"], "source_id": r["source_key"], "target_id": r["target_key"],
                         "source_start": s[0], "source_end": s[1], "target_start": t[0], "target_end": t[1],
                         "kind": r["kind"]})
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    pd.DataFrame(rows).to_csv(HERE / "translations.csv", index=False)
    print(f"gold: {len(rows)} translated passages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
