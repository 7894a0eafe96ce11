"""A quotation after a name and a colon inside a sentence: the name before the colon speaks."""

from __future__ import annotations

import pandas as pd

from mediakit.sources import extract_quotes


def _direct(text: str) -> pd.DataFrame:
    q = extract_quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "text": [text]}))
    return q[q["kind"] == "direct"]


def test_role_and_name_before_a_colon_speak():
    text = ("The late surge in the polls did not surprise the county pollster Maria Okafor: "
            "“Late deciders always break toward the candidate who is visible in the last week.”")
    (row,) = _direct(text).itertuples()
    assert text[row.start:row.end].startswith("Late deciders always break")
    assert text[row.speaker_start:row.speaker_end] == "Maria Okafor"


def test_a_clause_before_a_colon_names_nobody():
    # the phrase before the colon ends with a place, not a speaker: no speaker is taken from it
    text = ("The mayor's office issued a short note after the storm hit Port Elgin: "
            "“All schools will stay closed until the roads are cleared.”")
    q = _direct(text)
    assert "Port Elgin" not in set(q["speaker"].dropna())


def test_a_newspaper_byline_before_a_colon_is_not_a_speaker():
    text = ("The weekend's reading list goes on with the Herald's Tom Becker: "
            "“The old ferry terminal will become a market hall, the city confirmed on Friday.”")
    q = _direct(text)
    assert "Tom Becker" not in set(q["speaker"].dropna())
