"""Rows that must not exist, round 2 (issue 14, Deliver 4): a cue word read as a noun, a scare quote read as
speech, and a dash written as the horizontal bar (U+2015). Invented sentences only."""

from __future__ import annotations

from tests.quote_rows import rows, rows_by_verb


def test_horizontal_bar_is_a_dash_around_a_parenthesis():
    text = "Other Republicans \u2015 three officials \u2015 have also said the plan failed."
    assert rows(text) == [("indirect", "the plan failed", "Other Republicans")]


def test_horizontal_bar_reads_like_the_em_dash():
    bar = "Ann Lee \u2015 an aide to the mayor \u2015 said the bridge would close."
    dash = bar.replace("\u2015", "\u2014")
    assert rows(bar) == rows(dash) == [("indirect", "the bridge would close", "Ann Lee")]


def test_scare_quote_in_the_subject_is_no_speech():
    text = 'Just 3 percent of self-described "moderates" said they would back Roe.'
    assert rows(text) == [("indirect", "they would back Roe", '3 percent of self-described "moderates"')]


def test_scare_quote_subject_keeps_its_own_verb():
    text = 'Only a few so-called "centrists" said the levy was fair.'
    got = rows_by_verb(text)
    assert got == [("indirect", "the levy was fair", "said")]
    assert all(kind != "direct" for kind, _, _ in rows(text))


def test_quotation_before_an_inverted_frame_stays_direct():
    text = '"Never again," said Ann Lee.'
    assert rows(text) == [("direct", "Never again,", "Ann Lee")]


def test_noun_after_a_modifier_is_no_verb():
    text = "Turnout figures do not offer a surefire forecast of results."
    assert rows(text) == []


def test_noun_after_a_possessive_and_modifier_is_no_verb():
    text = "The rest is due to changes in its economic forecast and other assumptions."
    assert rows(text) == []


def test_past_form_after_an_apposition_is_still_a_verb():
    text = "Ann Lee, a banker, forecast that rates would rise."
    assert rows(text) == [("indirect", "rates would rise", "Ann Lee")]


def test_agreeing_with_a_clause_is_an_attribution():
    text = "Harbour Lane agreed that the plan failed."
    assert rows(text) == [("indirect", "the plan failed", "Harbour Lane")]


def test_deciding_and_offering_to_act_are_no_attribution():
    assert rows("Harbour Lane decided to pay.") == []
    assert rows("Harbour Lane offered to pay.") == []


def test_scare_quote_and_approximator_after_a_semicolon_open_their_own_row():
    text = ('Just 8 percent of voters said they would back Lee; just 3 percent of self-described "moderates" '
            'said they would back Roe.')
    assert rows(text) == [("indirect", "they would back Lee", "8 percent of voters"),
                          ("indirect", "they would back Roe", '3 percent of self-described "moderates"')]


def test_approximator_after_a_semicolon_opens_the_next_subject():
    text = "Voters said they would back Lee; only three moderates said they would back Roe."
    assert rows(text) == [("indirect", "they would back Lee", "Voters"),
                          ("indirect", "they would back Roe", "three moderates")]


def test_pledged_before_delegates_is_a_participle():
    assert rows("The tally counts pledged delegates and party leaders.") == []
    assert rows("Ann Roe keeps a large pledged delegate lead over Kim.") == []


def test_telling_delegates_is_still_a_report():
    text = "Ann Roe told delegates that the vote was fixed."
    assert rows(text) == [("indirect", "the vote was fixed", "Ann Roe")]


def test_thinking_after_a_modifier_is_the_noun():
    assert rows("That may be wishful thinking, given the tally.") == []
    assert rows("Schools aim to teach critical thinking and arithmetic.") == []


def test_thinking_with_its_clause_is_a_verb():
    text = "Ann Roe left the hall thinking that the vote was lost."
    assert [kind for kind, _, _ in rows(text)] == ["indirect"]
    assert rows_by_verb(text)[0][1:] == ("the vote was lost", "thinking")


def test_disputes_after_a_modifier_is_the_noun():
    assert rows("The town awaits the end of legal and zoning disputes.") == []
    assert rows("Ann Roe disputes that the vote was fixed.") == [("indirect", "the vote was fixed", "Ann Roe")]


def test_interrupting_a_speech_is_no_report():
    assert rows("Protesters interrupted her speech on Sunday.") == []


def test_making_views_known_is_no_report_of_knowing():
    assert rows("Ann Roe made her views known to the council.") == []
    assert rows("Voters will make their voice known on Tuesday.") == []
    assert rows("Ann Roe will make her views known.") == []


def test_scare_quote_after_a_sentence_opening_determiner():
    assert rows('Most "moderates" said they would back Roe.') == [
        ("indirect", "they would back Roe", 'Most "moderates"')]


def test_horizontal_bar_before_an_opening_mark_reads_like_the_em_dash():
    bar = "The mayor was blunt \u2015\u201cWe will close the bridge,\u201d she said."
    dash = bar.replace("\u2015", "\u2014")
    assert rows(bar) == rows(dash) == [("direct", "We will close the bridge,", "she")]
