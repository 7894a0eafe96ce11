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


def test_participle_opening_the_sentence_speaks_for_the_main_subject():
    text = "Calling the count unfair, her aides said they would appeal."
    assert rows(text) == [("indirect", "the count unfair", "her aides"), ("indirect", "they would appeal", "her aides")]


def test_participle_with_a_bare_clause_opening_the_sentence():
    text = "Saying the count was unfair, her aides said they would appeal."
    assert rows(text) == [("indirect", "the count was unfair", "her aides"),
                          ("indirect", "they would appeal", "her aides")]


def test_participle_after_an_adverb_speaks_for_the_main_subject():
    text = "Afterwards, calling the count unfair, her aides said they would appeal."
    assert rows(text) == [("indirect", "the count unfair", "her aides"), ("indirect", "they would appeal", "her aides")]


def test_participle_after_a_fronted_phrase_speaks_for_the_main_subject():
    text = "After the vote, saying the count was unfair, her aides said they would appeal."
    assert rows(text) == [("indirect", "the count was unfair", "her aides"),
                          ("indirect", "they would appeal", "her aides")]


def test_fronted_participle_content_ends_at_the_subject():
    text = "After saying he was tired of the delays, the mayor left the hall early."
    assert rows(text) == [("indirect", "he was tired of the delays", "the mayor")]


def test_fronted_participle_with_no_words_reports_nothing():
    assert rows("Reading from a prepared text, Ann Lee mispronounced the name of the ward.") == []
    assert rows("Recalling the storms of last winter, the council began repairs early.") == []


def test_plural_subject_counted_in_an_aside_between_dashes():
    text = "Two aldermen — both from the east ward — said the bridge would close."
    assert rows(text) == [("indirect", "the bridge would close", "Two aldermen")]
    text = "The aldermen — three of them — said the bridge would close."
    assert rows(text) == [("indirect", "the bridge would close", "The aldermen")]


def test_aside_naming_people_after_a_plural_subject():
    text = "Two aldermen -- three officials -- said the bridge would close."
    assert rows(text) == [("indirect", "the bridge would close", "Two aldermen")]


def test_uncounted_aside_after_a_subject_that_is_no_speaker_stays_silent():
    assert rows("The storm — a slow one — said the bridge would close.") == []


def test_subject_before_a_verb_and_its_object_speaks_for_a_participle():
    text = "The mayor left the hall thinking that the vote was lost."
    assert rows(text) == [("indirect", "the vote was lost", "The mayor")]


def test_subject_before_a_verb_and_its_object_with_a_bare_clause():
    text = "The senator signed the bill saying it was fair."
    assert rows(text) == [("indirect", "it was fair", "The senator")]


def test_participle_with_a_quotation_after_an_inverted_speaker():
    text = 'The plan failed, said Ann Lee, adding: "It was a shame."'
    assert rows(text) == [("indirect", "The plan failed", "Ann Lee"), ("direct", "It was a shame.", "Ann Lee")]
    text = 'The plan failed, said Ann Lee, the mayor, adding: "It was a shame."'
    assert rows(text) == [("indirect", "The plan failed", "Ann Lee"), ("direct", "It was a shame.", "Ann Lee")]


def test_participle_after_a_manner_adverb_speaks_for_the_main_subject():
    text = "Slowly, calling the count unfair, her aides said they would appeal."
    assert rows(text) == [("indirect", "the count unfair", "her aides"), ("indirect", "they would appeal", "her aides")]
