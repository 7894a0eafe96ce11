"""Quotation marks of archive and treebank text: doubled apostrophes and ``...'' with exact offsets."""

from __future__ import annotations

import pandas as pd

from mediakit.quotes import find_quotes
from mediakit.sources import extract_quotes


def _quotes(text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "text": [text]}))


def test_single_apostrophe_inside_doubled_marks_is_an_apostrophe():
    text = "''The farmers' market closes at noon,'' the organiser said. ''We open again on Sunday.''"
    got = [(q.start, q.end, text[q.start:q.end]) for q in find_quotes(text)]
    assert got == [(2, 37, "The farmers' market closes at noon,"), (62, 86, "We open again on Sunday.")]
    q = _quotes(text)
    direct = q[q["kind"] == "direct"]
    assert list(direct["quote"]) == ["The farmers' market closes at noon,", "We open again on Sunday."]
    assert all(text[s:e] == x for s, e, x in zip(direct["start"], direct["end"], direct["quote"]))
    assert set(direct["speaker"]) == {"the organiser"}


def test_single_mark_closes_doubled_ones_only_when_no_doubled_mark_follows():
    # archive text that lost one apostrophe of the closing pair: the quote ends there and does not swallow
    # the next paragraph
    text = "The shop sells ''fresh bread.'\n\n''We bake at four,'' the baker said."
    got = [text[q.start:q.end] for q in find_quotes(text)]
    assert got == ["fresh bread.", "We bake at four,"]
    assert all(q.paragraphs == 1 for q in find_quotes(text))


def test_treebank_quotes():
    text = "``We will rebuild the bridge,'' the engineer told reporters."
    (q,) = find_quotes(text)
    assert (q.start, q.end, q.open_start, q.close_end, q.mark) == (2, 29, 0, 31, "``")
    rows = _quotes(text)
    row = rows[rows["kind"] == "direct"].iloc[0]
    assert text[row["start"]:row["end"]] == "We will rebuild the bridge,"
    assert text[row["speaker_start"]:row["speaker_end"]] == "the engineer"
