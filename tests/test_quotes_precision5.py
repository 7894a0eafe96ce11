"""Rows that are no attributions in the sense of issue 14 (Deliver 4): a cue word that is a noun after a verb
and an adjective, a speaker that is a clause, a time phrase read as content. Invented sentences; every field
is read through the offsets (tests/quote_rows.py)."""

from .quote_rows import rows


def test_plural_noun_after_a_verb_and_a_demonym_reports_nothing():
    # "fears" after "to calm European" is the verb's object, not "European" fearing anything
    text = "The minister tried to calm European fears that the currency would collapse."
    assert rows(text) == []


def test_plural_noun_after_a_verb_an_adjective_and_a_demonym_reports_nothing():
    text = "The minister sought to soothe mounting Nordic doubts about the tender."
    assert rows(text) == [("indirect", "to soothe mounting Nordic doubts about the tender", "The minister")]


def test_name_after_a_speech_verb_still_speaks():
    # a capitalised subject after a verb of saying with no "that" stays the subject of its own cue
    assert rows("Aides said Lee fears the vote will fail.") == [("indirect", "Lee fears the vote will fail", "Aides")]
    assert rows("In the letter, Lee fears that the vote will fail.") == [("indirect", "the vote will fail", "Lee")]


def test_the_before_a_dotted_acronym_and_a_demonym_opens_one_subject():
    # "the U.S. and European officials" is one speaker; "the U.S. and" is no part of the content
    text = "The pier failed, the U.S. and European officials said."
    assert rows(text) == [("indirect", "The pier failed", "the U.S. and European officials")]
    assert rows("The pier failed, U.S. and European officials said.") == [
        ("indirect", "The pier failed", "U.S. and European officials")]


def test_time_phrase_between_a_verb_and_its_infinitive_is_no_content():
    text = "The president sought on Wednesday to ease worries."
    assert rows(text) == [("indirect", "to ease worries", "The president")]
    assert rows("The mayor vowed last month to rebuild the old pier.") == [
        ("indirect", "to rebuild the old pier", "The mayor")]
    # a "that" after the time phrase still opens the content
    assert rows("The mayor said on Monday to reporters that the pier had failed.") == [
        ("indirect", "the pier had failed", "The mayor")]


def test_a_phrase_of_time_medium_or_addressee_alone_is_no_content():
    assert rows("The senator said at the time.") == []
    assert rows("Ann Lee said in a statement provided to the Ledger.") == []
    assert rows("The mayor wrote to investors.") == []
    assert rows("Ann Lee was writing at the Daily Ledger.") == []
    # a clause after the phrase is still reported, and verbs whose object is what they report keep it
    assert rows("Ann Lee said at the rally.") == []
    assert rows("Ann Lee said at the rally that the plan failed.") == [("indirect", "the plan failed", "Ann Lee")]
    assert rows("Ann Lee vowed to focus on the budget.") == [("indirect", "to focus on the budget", "Ann Lee")]
    assert rows("Ann Lee wrote to the board that the plan failed.") == [("indirect", "the plan failed", "Ann Lee")]


def test_a_time_phrase_after_an_as_frame_leaves_the_content_on_the_left():
    text = "The senator fell ill, as the Ledger reported a few days later."
    assert rows(text) == [("according_to", "The senator fell ill", "the Ledger")]
    assert rows("As the Ledger reported on Friday, the mayor was still in Ohio.") == [
        ("according_to", "the mayor was still in Ohio", "the Ledger")]


def test_quoted_titles_of_shows_and_songs_are_no_quotations():
    text = "Ann Lee, who has starred in “Harbour Lights” and “Nights of the River,” posted the clip online on Monday."
    assert rows(text) == []
    assert rows('His rallies are the political equivalent of "The Long Show." She says he is unfit.') == [
        ("indirect", "he is unfit", "She")]
    assert rows('Lee addressed the crowd in another interview with "The Morning Hour," remarking that the vote '
                'was close.') == [("indirect", "the vote was close", "Lee")]
    assert rows('Lee took the stage to "Eye of the Storm." "We will win," she said.') == [
        ("direct", "We will win,", "she")]
