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
        if pd.notna(r.speaker_start):
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


def test_linking_verb_before_likely_to_say_is_not_part_of_the_speaker():
    text = "Older riders appeared more likely to describe her as steady. Tom Vance left."
    q = _quotes(text)
    r = q[q.verb == "describe"].iloc[0]
    assert r.speaker == "Older riders"
    assert int(r.speaker_start) == 0 and int(r.speaker_end) == len("Older riders")


def test_fronted_participle_clause_takes_the_main_clause_subject():
    text = "After saying he was nervous about the vote, the senator asked for a delay. Tom Vance left."
    q = _quotes(text)
    r = q[q.verb == "saying"].iloc[0]
    assert r.quote == "he was nervous about the vote"
    assert r.speaker == "the senator"
    assert int(r.speaker_start) == text.index("the senator")



def test_fronted_asked_keeps_no_speaker():
    # the question of a fronted "asked" is someone else's: no speaker (tests/test_attribution_constructions.py)
    text = "When asked whom she supported, Ms. Young smiled and said she was undecided."
    q = _quotes(text)
    r = q[q.verb == "asked"].iloc[0]
    assert r.quote == "whom she supported"
    assert pd.isna(r.speaker)
