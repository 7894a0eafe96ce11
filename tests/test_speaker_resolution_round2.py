"""Who a quote is credited to (speaker resolution, round 2): a closing source with a postmodifier ("people
familiar with the session said") and other subjects of cues."""

from __future__ import annotations

import pandas as pd

import mediakit as mk
from mediakit.quotes._speakers_trailing import trailing_speaker


def _quotes(*texts: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})
    q = mk.extract_quotes(corpus, merge_speakers=False)
    by_id = corpus.set_index("article_id").text
    for r in q.itertuples():  # offsets are sacred
        assert by_id[r.article_id][int(r.start):int(r.end)] == r.quote
        if r.speaker_start is not None and r.speaker_start == r.speaker_start:
            assert by_id[r.article_id][int(r.speaker_start):int(r.speaker_end)] == r.speaker
    return q.reset_index(drop=True)


def test_closing_source_with_familiar_with_postmodifier():
    text = "The mayor plans to veto the harbour bill, people familiar with the session said. Tom Vance left."
    s, e = trailing_speaker(text, text.index(", people"))
    assert text[s:e] == "people familiar with the session"


def test_closing_source_with_close_to_postmodifier():
    text = "The council will delay the vote, officials close to the talks said. Tom Vance left."
    s, e = trailing_speaker(text, text.index(", officials"))
    assert text[s:e] == "officials close to the talks"
