"""Participles and subjects, round 5 (issue 14, Deliver 3/4): a participle cue after an inverted speaker, a
participle opening the sentence, a participle after a fronted phrase, a participle phrase inside a subject and
a parenthesis between dashes inside a subject. Invented sentences only."""

from __future__ import annotations

from tests.quote_rows import rows, rows_by_verb


def test_participle_after_an_inverted_speaker_reports_its_own_clause():
    text = "The plan failed, said Ann Lee, adding that it was a shame."
    assert rows(text) == [("indirect", "The plan failed", "Ann Lee"), ("indirect", "it was a shame", "Ann Lee")]
    assert [v for _, _, v in rows_by_verb(text)] == ["said", "adding"]


def test_participle_after_an_inverted_speaker_and_description():
    text = "The plan failed, said Ann Lee, the mayor, adding that it was a shame."
    assert rows(text) == [("indirect", "The plan failed", "Ann Lee"), ("indirect", "it was a shame", "Ann Lee")]


def test_inverted_speaker_with_a_clause_after_it_keeps_the_right_content():
    # no participle after the speaker's comma: the content on the right stays
    text = "Ann Lee said on Monday that the plan failed."
    assert rows(text) == [("indirect", "the plan failed", "Ann Lee")]
