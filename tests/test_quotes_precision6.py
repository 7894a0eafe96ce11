"""Rows whose speaker would be the pronoun "it" (issue 14, Deliver 3 and 4): an expletive "it" before a passive
report names no one, and a few frames with "it" report nothing. Invented sentences; every field is read through
the offsets (tests/quote_rows.py)."""

from .quote_rows import rows


def test_expletive_it_before_a_passive_report_names_no_speaker():
    assert rows("It should be noted that the fund was closed.") == [("indirect", "the fund was closed", None)]
    assert rows("It was announced that the plant would close.") == [("indirect", "the plant would close", None)]
    assert rows("It is expected that the board will vote on Monday.") == [
        ("indirect", "the board will vote on Monday", None)]
    assert rows("The mayor left early, and it is said that he was angry.") == [("indirect", "he was angry", None)]
    assert rows("It was widely reported that the mill paid $4 million.") == [
        ("indirect", "the mill paid $4 million", None)]


def test_it_before_an_active_report_still_speaks():
    # an organisation's "it" with an active verb is a speaker (resolved or not), not an expletive
    assert rows("It said the mill would close in May.") == [("indirect", "the mill would close in May", "It")]


def test_back_after_a_copula_is_an_adverb():
    assert rows("Though it is back to 11 knots, it is still slow.") == []
    assert rows("The senator will back the bill.") == [("indirect", "the bill", "The senator")]


def test_cue_after_back_to_takes_the_subject_of_the_copula():
    text = "By evening, the mayor was back to implying that the count had been rigged."
    assert rows(text) == [("indirect", "the count had been rigged", "the mayor")]


def test_see_fit_is_an_idiom():
    assert rows("The council acted as it saw fit in the matter.") == []
    assert rows("Towns may spend the grant how they see fit.") == []


def test_participle_coordinated_with_an_adjective_is_no_cue():
    text = "For the mayor, it would be a bold and measured step from a place of calm."
    assert rows(text) == []
    text = "The aide said she had been a fair and determined partner in a hard year."
    assert rows(text) == [("indirect", "she had been a fair and determined partner in a hard year", "The aide")]


def test_how_often_a_post_was_shared_reports_nothing():
    assert rows("The photo went viral; it was retweeted over 25,000 times.") == []
    assert rows("The clip was posted on Monday and it was retweeted 900 times.") == []


def test_and_before_a_closing_frame_is_no_part_of_its_content():
    text = "It says the town has never been richer, and the port agrees."
    assert rows(text) == [("indirect", "the town has never been richer", "It"),
                          ("indirect", "the town has never been richer", "the port")]
    assert rows("Taxes will rise, and most economists agree.") == [
        ("indirect", "Taxes will rise", "most economists")]


def test_a_text_that_reads_like_another_reports_nothing():
    text = "The note was signed by a doctor, though it reads more like a press release from the campaign."
    assert rows(text) == []
    assert rows("The sign reads like an apology.") == []


def test_threatening_a_thing_reports_nothing():
    text = "That is troubling because it threatens the work that economists did to fight the idea that debt is bad."
    assert rows(text) == []
    assert rows("The mayor threatened to sue the union.") == [("indirect", "to sue the union", "The mayor")]


def test_report_inside_a_fronted_subordinate_clause_ends_at_the_main_clause():
    text = "At a moment when it was said that the ferry might never sail again, the captain proved that wrong."
    assert rows(text) == [("indirect", "the ferry might never sail again", None)]
    assert rows("When the mayor said that taxes would rise, the crowd booed.") == [
        ("indirect", "taxes would rise", "the mayor")]
    text = "When the mayor said that the plan, which cost $4 million, was dead, the crowd cheered."
    assert rows(text) == [("indirect", "the plan, which cost $4 million, was dead", "the mayor")]
