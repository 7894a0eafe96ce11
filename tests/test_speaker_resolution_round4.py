"""Who a quote is credited to (speaker resolution, round 4): a verb joined on after a fronted subordinate
clause, a participle fronted after a semicolon, a time phrase with no comma, "helped explain", a contracted
pronoun before "poised to", a name and a companion as one group, a quotation going on with a reported clause,
and a quoted title inside a speaker's apposition. Invented sentences only; every field is read through the
text's offsets (tests/quote_rows.py)."""

from __future__ import annotations

import pandas as pd

import mediakit as mk
from mediakit.quotes import find_attributions
from tests.quote_rows import rows


def _speaker_span(text: str, content: str) -> tuple[int, int] | None:
    """(start, end) of the speaker of the row whose content is ``content``."""
    r = next(r for r in find_attributions(text) if text[r["start"]:r["end"]] == content)
    return None if r["speaker_start"] is None else (r["speaker_start"], r["speaker_end"])


def _table(text: str) -> pd.DataFrame:
    return mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [text]}))


# ---------------------------------------------------------------- joined verbs and fronted clauses
def test_joined_verb_after_a_fronted_subordinate_clause_takes_the_main_clause_subject():
    text = "While the donor did not disclose his backing, he did say he found Lee charming and called his plan bold."
    got = rows(text)
    assert ("indirect", "his plan bold", "he") in got
    assert not any(c == "his plan bold" and s == "the donor" for _k, c, s in got)
    assert _speaker_span(text, "his plan bold") == (46, 48)


def test_participle_after_a_fronted_subordinate_clause_takes_the_main_clause_subject():
    text = "While Roe said the plan failed, Kim told reporters it worked, saying the count was fair."
    assert ("indirect", "the count was fair", "Kim") in rows(text)
    assert _speaker_span(text, "the count was fair") == (32, 35)


def test_joined_verb_without_a_fronted_clause_keeps_the_first_speaker():
    text = "The mayor said the plan failed and called it a disaster."
    assert ("indirect", "it a disaster", "The mayor") in rows(text)


def test_participle_fronted_after_a_semicolon_takes_its_own_clause_subject():
    text = "Ann Lee lost the vote; afterwards, calling the count unfair, her aides said they would appeal."
    got = rows(text)
    assert ("indirect", "the count unfair", "her aides") in got
    assert ("indirect", "they would appeal", "her aides") in got
    assert _speaker_span(text, "the count unfair") == (61, 70)


def test_fronted_adverb_is_no_subject():
    text = "Afterwards, her aides said they would appeal."
    assert rows(text) == [("indirect", "they would appeal", "her aides")]


def test_time_phrase_with_no_comma_before_the_subject():
    text = "A few minutes later they reversed course, rushed inside and said the vote was rigged."
    assert rows(text) == [("indirect", "the vote was rigged", "they")]
    assert _speaker_span(text, "the vote was rigged") == (20, 24)


def test_time_phrase_with_no_comma_before_a_direct_subject():
    text = "Two days ago the mayor said the vote was rigged."
    assert rows(text) == [("indirect", "the vote was rigged", "the mayor")]
    assert _speaker_span(text, "the vote was rigged") == (13, 22)


# ---------------------------------------------------------------- verbs before the cue
def test_helped_before_a_bare_infinitive_cue_is_no_part_of_the_subject():
    text = "Ann Lee helped explain that the plan failed."
    assert rows(text) == [("indirect", "the plan failed", "Ann Lee")]
    assert _speaker_span(text, "the plan failed") == (0, 7)


def test_contracted_pronoun_before_poised_to_speaks():
    text = "He's poised to argue that the law is void."
    assert rows(text) == [("indirect", "the law is void", "He")]
    assert _speaker_span(text, "the law is void") == (0, 2)


def test_contracted_pronoun_before_trying_to_speaks():
    text = "They're trying to argue that the law is void."
    assert rows(text) == [("indirect", "the law is void", "They")]


# ---------------------------------------------------------------- a name and a companion
def test_name_and_her_husband_is_a_group():
    q = _table("Ann Lee and her husband told reporters that they would move.")
    assert q["speaker"].tolist() == ["Ann Lee and her husband"]
    assert q["speaker_type"].tolist() == ["group"]


def test_two_names_stay_a_group():
    q = _table("Ann Lee and Tom Vance told reporters that they would move.")
    assert q["speaker_type"].tolist() == ["group"]
    assert q["speaker_canonical"].tolist() == ["Ann Lee and Tom Vance"]


def test_name_alone_is_no_group():
    q = _table("Ann Lee told reporters that she would move.")
    assert q["speaker_type"].tolist() != ["group"]


# ---------------------------------------------------------------- quotations inside a reported clause
def test_quotation_going_on_with_a_pronoun_subjects_clause_is_a_mixed_quote():
    text = 'He said the delay was the fault of pilots, "not by a long stretch."'
    assert rows(text) == [("mixed", 'the delay was the fault of pilots, "not by a long stretch."', "He"),
                          ("direct", "not by a long stretch.", "He")]


def test_quotation_going_on_with_a_full_names_clause_is_a_mixed_quote():
    text = 'Ann Lee said the delay was the fault of pilots, "not by a long stretch."'
    got = rows(text)
    assert got[0] == ("mixed", 'the delay was the fault of pilots, "not by a long stretch."', "Ann Lee")
    assert _speaker_span(text, "not by a long stretch.") == (0, 7)


def test_quotation_after_an_earlier_speaker_keeps_its_own_sentences_speaker():
    text = 'Kim Roe spoke first. "We can win," she said. Ann Lee said the count was wrong, "not by a mile."'
    got = rows(text)
    assert ("direct", "not by a mile.", "Ann Lee") in got
    assert _speaker_span(text, "not by a mile.") == (45, 52)


def test_quotation_a_participle_introduces_stays_direct():
    text = 'Ann Lee took a risk, telling the crowd, "We will win."'
    assert rows(text) == [("direct", "We will win.", "Ann Lee")]


def test_quoted_title_inside_an_apposition_keeps_the_name_as_speaker():
    text = 'Ann Lee, star of "The Show," stated that the plan failed.'
    assert rows(text) == [("indirect", "the plan failed", "Ann Lee")]
    assert _speaker_span(text, "the plan failed") == (0, 7)


def test_participle_after_a_quoted_title_takes_the_sentence_subject():
    text = 'Ann Lee, who backs Kim, trashed Roe on "The Show," calling it a "no-brainer" to prosecute.'
    assert all(s == "Ann Lee" for _k, _c, s in rows(text))
    assert rows(text)


# ---------------------------------------------------------------- who-relatives
def test_plural_head_with_a_who_relative_before_say_speaks():
    text = "Supporters who came to the city say they will back Kim."
    assert rows(text) == [("indirect", "they will back Kim", "Supporters")]
    assert _speaker_span(text, "they will back Kim") == (0, 10)


def test_infinitive_inside_the_relative_does_not_end_it():
    text = "Many supporters who came to the city to protest the count say they will back Kim."
    assert ("indirect", "they will back Kim", "Many supporters") in rows(text)


def test_singular_head_with_a_who_relative_does_not_agree_with_say():
    text = "The man who came to the city say they will back Kim."
    assert not any(c == "they will back Kim" for _k, c, _s in rows(text))


def test_lower_case_contracted_pronoun_after_an_adverb_speaks():
    text = "Now he’s poised to argue that the state is his."
    assert rows(text) == [("indirect", "the state is his", "he")]
    assert _speaker_span(text, "the state is his") == (4, 6)


# ---------------------------------------------------------------- participles after a frame or a fronted clause
def test_participle_after_a_final_frame_takes_that_frames_speaker():
    text = "Kim intends to give a speech this month, Mr. Lee said, adding that it would be short."
    assert ("indirect", "it would be short", "Mr. Lee") in rows(text)
    assert _speaker_span(text, "it would be short") == (41, 48)


def test_participle_after_a_fronted_clause_with_a_quoted_comma_takes_the_main_subject():
    text = 'When Roe pointed out that Kim calls it "Medicare for all," Ann Lee seized upon the reference, repeating that it was wrong.'
    assert ("indirect", "it was wrong", "Ann Lee") in rows(text)
    assert _speaker_span(text, "it was wrong") == (59, 66)


def test_adverb_phrase_opening_the_sentence_is_no_subject():
    text = "Shortly after the merger, the families had mobilized, warning that jobs would go."
    assert rows(text) == [("indirect", "jobs would go", "the families")]
    text = "More recently, she has spoken out against the law, citing the cost."
    assert rows(text) == [("indirect", "the cost", "she")]


def test_helped_before_a_bare_infinitive_of_persuasion_is_a_cue_with_the_helpers_subject():
    text = "Ann Lee helped convince voters that the plan failed."
    assert rows(text) == [("indirect", "the plan failed", "Ann Lee")]
    assert _speaker_span(text, "the plan failed") == (0, 7)
