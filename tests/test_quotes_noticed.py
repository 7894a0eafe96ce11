"""Wrong attributions noticed in review, each with an invented sentence: the whole coordinated subject of a
trailing or inverted verb ("current and former officials said"). Rows are read through ``rows`` (offsets of
the text); each test states the whole list of rows it expects."""

import pandas as pd

from mediakit.quotes import find_attributions
from mediakit.sources import extract_quotes

from .quote_rows import rows


def test_coordinated_modifiers_before_a_trailing_verb_make_one_speaker():
    text = ("As the survey nears its end, inspectors are likely to interview the crew about the delay, "
            "current and former officials said.")
    assert rows(text) == [("indirect", "As the survey nears its end, inspectors are likely to interview the crew about "
                                       "the delay", "current and former officials")]
    (row,) = find_attributions(text)
    assert (row["end"], row["speaker_start"], row["speaker_end"]) == (88, 90, 118)


def test_other_coordinated_subjects_of_a_trailing_verb():
    assert rows("The ferry will cost more than planned, past and present aides said.") == [
        ("indirect", "The ferry will cost more than planned", "past and present aides")]
    assert rows("The ring road will close in May, local and state officials said.") == [
        ("indirect", "The ring road will close in May", "local and state officials")]
    assert rows("The pier failed the test, several current and former engineers said.") == [
        ("indirect", "The pier failed the test", "several current and former engineers")]
    assert rows("The pier failed the test, inspectors and engineers told reporters.") == [
        ("indirect", "The pier failed the test", "inspectors and engineers")]


def test_coordinated_modifiers_opening_the_sentence():
    assert rows("Current and former officials said the ferry plan failed.") == [
        ("indirect", "the ferry plan failed", "Current and former officials")]


def test_coordinated_modifiers_after_an_inverted_verb_and_according_to():
    assert rows("The ferry plan failed, said current and former officials.") == [
        ("indirect", "The ferry plan failed", "current and former officials")]
    assert rows("The ferry plan failed, according to local and state officials.") == [
        ("according_to", "The ferry plan failed", "local and state officials")]


def test_a_clause_before_and_is_no_first_half_of_the_subject():
    assert rows("Prices fell and analysts said the ferry plan failed.") == [
        ("indirect", "the ferry plan failed", "analysts")]
    assert rows("Ann Lee told reporters and officials that the ferry plan failed.") == [
        ("indirect", "the ferry plan failed", "Ann Lee")]


def test_an_amount_said_is_no_inverted_speaker():
    # the dash before "said" invites an inverted subject, but "little" is what was said, not who said it
    assert rows("The storm — a slow one — said little about the bridge closing soon.") == []
    assert rows("The storm — a slow one — said nothing.") == []
    assert rows("The ferry plan failed — said Ann Lee.") == [("indirect", "The ferry plan failed", "Ann Lee")]


def test_saying_little_about_a_topic_reports_the_topic_only():
    assert rows("Ann Lee said little about the bridge.") == [("indirect", "the bridge", "Ann Lee")]
    assert rows("Ann Lee has said almost nothing publicly about the bridge.") == [
        ("indirect", "the bridge", "Ann Lee")]
    # a clause after the amount is what was said
    assert rows("Ann Lee said much of the bridge was lost.") == [
        ("indirect", "much of the bridge was lost", "Ann Lee")]
    assert rows("Ann Lee said nothing on the bridge had changed.") == [
        ("indirect", "nothing on the bridge had changed", "Ann Lee")]


def test_seeing_an_object_after_a_time_preposition_is_no_attribution():
    assert rows("After seeing the sign, the two visitors took the next exit.") == []
    assert rows("Ann Lee quit after seeing the plan fail.") == []
    assert rows("Before seeing the report, Ann Lee said the ferry plan failed.") == [
        ("indirect", "the ferry plan failed", "Ann Lee")]
    # what was seen as a fact or a view stays a report
    assert rows("After seeing that the bridge was closed, the two visitors took the next exit.") == [
        ("indirect", "the bridge was closed", "the two visitors")]
    assert rows("After seeing how the vote went, Ann Lee quit.") == [("indirect", "how the vote went", "Ann Lee")]


def test_the_quoted_words_after_an_inverted_speaker_and_urging_stay_with_the_speaker():
    text = '"We will wait," said Ann Lee, urging those calling for a delay to "wait a week."'
    assert rows(text) == [("direct", "We will wait,", "Ann Lee"),
                          ("mixed", 'those calling for a delay to "wait a week."', "Ann Lee"),
                          ("direct", "wait a week.", "Ann Lee")]


def test_thinking_about_a_thing_is_no_attribution():
    assert rows("Ann Roe is thinking about a run.") == []
    assert rows("Ann Roe was thinking of a run for mayor.") == []
    # a gerund, a question word or an "as" complement is what is thought
    assert rows("Ann Roe is thinking about running for mayor.") == [
        ("indirect", "about running for mayor", "Ann Roe")]
    assert rows("Ann Roe is thinking about what comes next.") == [("indirect", "about what comes next", "Ann Roe")]
    assert rows("Ann Roe has been thinking about the plan as a way out.") == [
        ("indirect", "about the plan as a way out", "Ann Roe")]


def test_an_as_clause_of_time_before_the_speaker():
    assert rows("As the crowd began to chant, Ann Lee joked that the band was late.") == [
        ("indirect", "the band was late", "Ann Lee")]
    assert rows("As the crowd began chanting, Ann Lee joked that the band was late.") == [
        ("indirect", "the band was late", "Ann Lee")]
    assert rows("As the crowd chanted, Ann Lee joked that the band was late.") == [
        ("indirect", "the band was late", "Ann Lee")]
    assert rows("As the crowd began to chant, the band played.") == []
    # a cue with a clause of its own in the "as" clause still reports it
    assert rows("As critics continue to warn that the bridge is weak, Ann Lee said it was safe.") == [
        ("indirect", "the bridge is weak", "critics"), ("indirect", "it was safe", "Ann Lee")]


def test_as_x_said_still_reports_the_main_clause():
    assert rows("As Lee said, the ferry plan failed.") == [("according_to", "the ferry plan failed", "Lee")]
    assert rows("As Lee has said, the ferry plan failed.") == [("according_to", "the ferry plan failed", "Lee")]
    assert rows("The ferry plan failed, as critics have taken to saying.") == [
        ("according_to", "The ferry plan failed", "critics")]


def _speakers(text):
    return [(text[r["start"]:r["end"]], r["speaker"], r["speaker_canonical"])
            for r in extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]})).to_dict("records")]


def test_an_interview_answer_is_the_interviewees():
    text = "We spoke with Ann Lee, the mayor.\n\nQ: What comes next?\n\nA: We rebuild the bridge."
    assert rows(text) == [("indirect", "We rebuild the bridge", "A")]
    (row,) = find_attributions(text)
    assert (row["start"], row["end"], row["speaker_start"], row["speaker_end"]) == (59, 80, 56, 57)
    assert _speakers(text) == [("We rebuild the bridge", "A", "Ann Lee")]


def test_an_interview_answer_after_an_introduction_of_two_people_names_no_one():
    text = ("We spoke with Ann Lee, the mayor, and Tom Park, her aide.\n\nQ: What comes next for the town?\n\n"
            "A: We rebuild the bridge first and fast.")
    assert _speakers(text) == [("What comes next for the town", None, None),
                               ("We rebuild the bridge first and fast", "A", None)]


def test_a_line_opening_with_the_article_a_is_no_answer():
    assert rows("The town voted on Monday.\n\nA crowd gathered: many people came to see the bridge.") == []
