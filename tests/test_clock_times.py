"""Clock times never become terms (3/7 item 1: live-blog timestamps "p.m", "00", "a.m" in real news)."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit._furniture import _clock_spans
from mediakit.terms import distinctive_terms
from mediakit.text import NewsTokenizer
from mediakit.vectorize import group_term_matrix, make_vectorizer

CLOCK_TOKENS = {"00", "30", "45", "10", "a.m", "p.m", "A.M", "P.M", "PM", "AM", "pm", "EST", "ET", "9pm", "6AM"}

BLOG = pd.DataFrame({
    "outlet": ["Wire"] * 3 + ["Desk"] * 3,
    "text": [
        "10:00 a.m. ET: Voting opened. 10:30 a.m.: turnout was high. 11:45 PM EST: counting.",
        "Polls close at 8 p.m. and results come at 9pm. Turnout was high at 12:00.",
        "6AM to 9AM EST, the vote; at five p.m. the count began. Turnout again.",
        "The council met and voted on the levy after a long debate.",
        "The levy passed; the council debate was long and the vote close.",
        "A council vote on the levy: debate ended, vote taken.",
    ],
})


def test_tokenizer_drops_clock_times_and_keeps_their_neighbours():
    tok = NewsTokenizer()
    assert tok("Updated 10:30 a.m. ET: the vote") == ["updated", "the", "vote"]
    assert tok("at 5 p.m., 5pm, 5 PM, 17:05:09 and 9AM EST") == ["at", "and"]
    assert tok("Rain at 3:45 p.m. Traffic jams.") == ["rain", "at", "traffic", "jams"]
    # not clock times: ratios, scores and versions, a bare P.M (prime minister, the term "PM": dots of an acronym are style), a year, long numbers
    assert tok("won 2:1, ran 3:10:45:00, the P.M. spoke, v1.2:30, 2016 and 125:30") == [
        "won", "2", "1", "ran", "3", "10", "45", "00", "the", "PM", "spoke", "v1.2", "30", "2016", "and", "125", "30"]


def test_clock_spans_index_the_text():
    text = "At 10:30 a.m. EST and 7 p.m., not 25:00 or 2:5."
    spans = _clock_spans(text)
    assert sorted({text[s:e] for s, e in spans}) == ["10:30 a.m. EST", "7 p.m"]


def test_boundaries_and_ngrams_stay_right():
    tok = NewsTokenizer(boundaries=True)
    # the full stop after "p.m" still ends the sentence, so no bigram bridges it
    assert tok("Doors open at 7 p.m. Crowds came.") == ["doors", "open", "at", "\x00", "crowds", "came"]
    vec = make_vectorizer(stop_words="en", ngram_range=(1, 2)).fit(["Doors open at 7 p.m. Crowds came."])
    assert "open crowds" not in vec.vocabulary_ and "p.m" not in vec.vocabulary_


@pytest.mark.parametrize("kw", [{}, {"ngram_range": (1, 2)}, {"n_jobs": 2}, {"n_boot": 3}, {"stop_words": None}])
def test_no_clock_term_in_distinctive_terms(kw):
    out = distinctive_terms(BLOG, min_docs=1, **({"stop_words": "en"} | kw))
    terms = set(out["term"])
    words = {w for t in terms for w in t.split()}
    assert not words & CLOCK_TOKENS, sorted(words & CLOCK_TOKENS)
    assert {"turnout", "levy"} <= terms


def test_no_clock_term_in_the_scikit_learn_path():
    m = group_term_matrix(BLOG, stop_words=None, kind="tfidf")
    assert not set(m.columns) & CLOCK_TOKENS and "turnout" in m.columns
