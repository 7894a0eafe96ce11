"""Speakers never take another speaker's name (issue 3/7, held-out check "no person credited with another
person's quote"): a capitalised organisation name is a name, not a description of the previous speaker; a
relative pronoun's antecedent is the noun phrase before it, not the clause; a participle is not part of a
speaker's noun phrase. Made-up sentences modelled on errors found on real news (PolNeAR dev)."""

from __future__ import annotations

import pandas as pd

import mediakit as mk

TEXT = ("Senator Jane Doe is seizing upon a Harbour Times report that the company lost $900 million.\n\n"
        "The Harbour Council is saying that the revelations are troubling.\n\n"
        "To settle the question, they turned to the Northbridge Police Department which reported "
        "\u201c2,521 shooting incidents\u201d in the city.\n\n"
        "The National Farmers Union noted the comments and said that the law had failed.")


def _quotes() -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [TEXT]})
    q = mk.extract_quotes(corpus)
    for r in q.itertuples():       # offsets are sacred
        assert TEXT[r.speaker_start:r.speaker_end] == r.speaker
        assert TEXT[r.start:r.end] == r.quote
    return q


def test_capitalised_organisation_is_not_the_previous_speaker():
    q = _quotes()
    council = q[q.speaker == "The Harbour Council"]
    union = q[q.speaker == "The National Farmers Union"]
    assert len(council) == 1 and len(union) >= 1
    assert set(council.speaker_canonical) == {"Harbour Council"}
    assert set(union.speaker_canonical) == {"National Farmers Union"}


def test_relative_pronoun_takes_the_noun_phrase_not_the_clause():
    q = _quotes()
    which = q[q.speaker == "which"]
    assert len(which) >= 1
    assert set(which.speaker_canonical) == {"Northbridge Police Department"}


def test_participle_is_not_part_of_the_speaker():
    q = _quotes()
    report = q[q.quote.str.startswith("the company lost")]
    assert report.speaker.tolist() == ["a Harbour Times"]


def test_clause_before_a_by_participle_gives_its_subject_pronoun():
    text = ("Maria Lopez runs the fact-check desk. On March 3 they published the results of their check by "
            "announcing that the claim was false.")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [text]}))
    row = q[q.quote.str.startswith("the claim was false")]
    assert len(row) == 1
    r = row.iloc[0]
    assert text[r.speaker_start:r.speaker_end] == r.speaker == "they"


def test_reduced_relative_clause_keeps_its_head_noun():
    text = "All the experts I interviewed said that the bridge was safe."
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [text]}))
    assert q.speaker.tolist() != ["I"]


def _one(text: str) -> pd.DataFrame:
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [text]}))
    for r in q.itertuples():
        assert text[r.speaker_start:r.speaker_end] == r.speaker
    return q


def test_first_name_that_is_also_an_auxiliary_after_an_inverted_cue():
    q = _one("\u201cWe are ready,\u201d said May Lindqvist, the mayor.")
    assert q.speaker.tolist() == ["May Lindqvist"]
    # a capitalised auxiliary opening a question is no name
    assert _one("\u201cWe are ready,\u201d he said. Will the council agree?").speaker.tolist() == ["he"]


def test_role_words_between_a_modifier_and_a_name_belong_to_the_subject():
    q = _one("In response to the ruling, Republican presidential nominee Jack Harlan issued a statement: "
             "\u201cThis is a disgrace.\u201d")
    assert q.speaker.tolist() == ["Republican presidential nominee Jack Harlan"]
    assert q.speaker_canonical.tolist() == ["Jack Harlan"]
