"""Recall rules, round 2 (session 13, helper qrec2): attribution frames the quote rules used to miss or
mis-bound. Each test checks the reported content and its speaker through the character offsets
(text[start:end]) of invented sentences."""

from __future__ import annotations

from .quote_rows import rows as _rows


def test_said_by_a_year_or_day_is_a_deadline_not_a_passive_agent():
    text = "The mayor said by 2030 the city would have 50 ferries."
    assert _rows(text) == [("indirect", "by 2030 the city would have 50 ferries", "The mayor")]
    text = "The mayor said by Friday the city would have 50 ferries."
    assert _rows(text) == [("indirect", "by Friday the city would have 50 ferries", "The mayor")]


def test_another_after_but_is_the_subject_of_its_speech_verb():
    text = "One company says there are 2,400 docks, but another says there are 1,800."
    assert _rows(text) == [("indirect", "there are 2,400 docks", "One company"),
                           ("indirect", "there are 1,800", "another")]
    text = "One firm said it would sell, and another said it would not."
    assert _rows(text) == [("indirect", "it would sell", "One firm"), ("indirect", "it would not", "another")]


def test_who_relative_content_ends_before_the_main_clause_verb():
    text = "Lee, who said the plan was dead, walked out of the room."
    assert [(k, c) for k, c, _ in _rows(text)] == [("indirect", "the plan was dead")]
    text = "Lee, who said the plan was dead, is now running for mayor."
    assert [(k, c) for k, c, _ in _rows(text)] == [("indirect", "the plan was dead")]
    # a second comma inside the content leaves it whole: only the first comma may close it
    text = "Lee, who said the plan, drafted in May, was dead, walked out."
    assert [c for _, c, _ in _rows(text)] == ["the plan, drafted in May, was dead, walked out"]


def test_phrase_between_a_post_quote_subject_and_its_verb():
    text = "“We had sailors,” Orme, after a long pause, said of Dunn."
    assert _rows(text) == [("direct", "We had sailors,", "Orme")]


def test_evidence_verb_after_seems_to_takes_the_subject_of_seems():
    text = "The report seems to show that the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "The report")]
    text = "The mayor appeared to believe that the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "The mayor")]


def test_noun_cue_after_with_takes_the_subject_of_the_verb_before_it():
    text = "Vance stirred anger with an assertion that the pilots were lazy."
    assert _rows(text) == [("indirect", "the pilots were lazy", "Vance")]
    # no verb before "with": no speaker, no row
    assert _rows("A man with the belief that the plan failed sat down.") == []


def test_purpose_infinitive_with_a_short_object_reports_nothing_on_its_left():
    text = "The bill passed on Friday, and Ann Lee took to Twitter to say thanks."
    assert _rows(text) == []
    text = "Ann Lee took to Twitter to say the bill was a disgrace."
    assert _rows(text) == [("indirect", "the bill was a disgrace", "Ann Lee")]


def test_frame_after_a_pro_form_answer_is_not_swallowed_by_it():
    text = "Lee said yes; Kim said the server was improper."
    assert _rows(text) == [("indirect", "yes", "Lee"), ("indirect", "the server was improper", "Kim")]
    text = "Some 46 percent said yes, compared with 23 percent who said the server was improper."
    assert [(k, c) for k, c, _ in _rows(text)] == [("indirect", "yes"), ("indirect", "the server was improper")]
