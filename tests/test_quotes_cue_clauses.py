"""Cue rules (issue 3/7, Deliver 4): speech, report and cognition verbs that report a clause, and the
grammatical tests that keep a cue lemma from reading a noun phrase or an idiom as reported content. Each test
checks the reported content through the character offsets (text[start:end])."""

from __future__ import annotations

from .conftest import attribution_contents

_contents = attribution_contents


def test_convince_and_persuade_report_the_clause_after_the_addressee():
    got = _contents("Ann Lee has persuaded wealthy donors that she can win the district.")
    assert got == {"she can win the district": "Ann Lee"}
    got = _contents("The Harbour Council convinced many residents that the park would stay open.")
    assert got == {"the park would stay open": "The Harbour Council"}


def test_convince_without_a_clause_reports_nothing():
    assert _contents("Ann Lee convinced him to run for the seat.") == {}
    assert _contents("The Harbour Council won a convincing victory on Tuesday.") == {}


def test_confide_guess_and_resent_report_only_a_clause():
    got = _contents("Ann Lee confided to a friend that she would leave the council.")
    assert got == {"she would leave the council": "Ann Lee"}
    assert _contents("Ann Lee guessed that the family was from Ohio.") == {"the family was from Ohio": "Ann Lee"}
    got = _contents("Harbour Council members resent that the state has cut their budget.")
    assert got == {"the state has cut their budget": "Harbour Council members"}
    assert _contents("Ann Lee guessed right.") == {}
    assert _contents("Ann Lee has long resented the mayor's easy path.") == {}


def test_demonstrate_reports_only_with_that():
    got = _contents("Ann Lee has demonstrated that critics of the plan pay a price.")
    assert got == {"critics of the plan pay a price": "Ann Lee"}
    assert _contents("A spokesman for Ann Lee demonstrated just how easily the seat could be won.") == {}


def test_complain_reports_the_clause_after_its_addressee():
    got = _contents("On Thursday, Ann Lee complained to a local radio host that the vote was unfair.")
    assert got == {"the vote was unfair": "Ann Lee"}


def test_give_voices_a_noun_cue():
    got = _contents("Ann Lee gave firm assurances that she would work with the Harbour Council.")
    assert got == {"she would work with the Harbour Council": "Ann Lee"}


def test_a_yes_no_question_reports_nothing():
    assert _contents("Do you support Ann Lee?") == {}
    assert _contents("Would you say the Harbour Council failed?") == {}
    # a question inside a report, or a statement with the same verb, still reports
    assert _contents("You support Ann Lee.") == {"Ann Lee": "You"}
    got = _contents("Ann Lee asked whether voters support the plan?")
    assert got == {"whether voters support the plan": "Ann Lee"}


def test_the_object_of_a_verb_of_causing_speaks_the_infinitive_cue():
    got = _contents("The abrupt announcement led some members to speculate that the club had money troubles.")
    assert got == {"the club had money troubles": "some members"}
    got = _contents("The delay has caused many residents to wonder whether the Harbour Council will act.")
    assert got == {"whether the Harbour Council will act": "many residents"}
    got = _contents("The vote left Ann Lee to wonder what went wrong.")
    assert got == {"what went wrong": "Ann Lee"}


def test_a_verb_of_causing_with_no_speaker_before_to_reports_nothing():
    assert _contents("The storm left it to others to wonder what went wrong.") == {}


def test_a_dispute_over_a_question_reports_the_question():
    got = _contents("Harbour Council members are split on whether the park should stay open.")
    assert got == {"whether the park should stay open": "Harbour Council members"}
    got = _contents("Two council members clashed over how to release the files.")
    assert got == {"how to release the files": "Two council members"}
    # no clause: a dispute over a noun phrase reports nothing
    assert _contents("Ann Lee and the mayor disagree on taxes.") == {}


def test_force_and_drive_make_their_object_the_speaker():
    got = _contents("The vote forced Ann Lee to admit that the plan had failed.")
    assert got == {"the plan had failed": "Ann Lee"}


def test_adjectives_of_not_knowing_and_an_adverb_before_the_adjective():
    got = _contents("Many residents were unaware that the permits had expired.")
    assert got == {"the permits had expired": "Many residents"}
    got = _contents("Ann Lee was unsure why the vote had been delayed.")
    assert got == {"why the vote had been delayed": "Ann Lee"}
    got = _contents("Harbour Council members are well aware that the budget is short.")
    assert got == {"the budget is short": "Harbour Council members"}
    assert _contents("Ann Lee is unsure.") == {}


def test_a_plan_reports_its_to_infinitive_only():
    got = _contents("Voters liked Ann Lee's plan to rebuild the harbour.")
    assert got == {"to rebuild the harbour": "Ann Lee"}
    # a pronoun's plan leaves the planner to an antecedent: not reported
    assert _contents("Voters liked his plan to rebuild the harbour.") == {}
    assert _contents("Ann Lee fought plans by the company that owns the pier to close it.") == {}
    assert _contents("The plan that Ann Lee had drafted failed in March.") == {}


def test_a_plan_opening_the_sentence_is_a_subject_not_a_report():
    assert _contents("HARBOUR CITY — The council's plan to sell the pier, outlined on Monday, would cost jobs.") == {}
    assert _contents("Ann Lee is making plans to visit the harbour.") == {}


def test_the_manner_of_a_response_is_no_report():
    assert _contents("Ann Lee did not respond in kind.") == {}
    assert _contents("The Harbour Council responded enthusiastically by cutting the fees.") == {}
    assert _contents("Ann Lee responded as if she had been insulted.") == {}
    got = _contents("Ann Lee responded that the fees would stay.")
    assert got == {"the fees would stay": "Ann Lee"}


def test_feel_with_a_noun_phrase_object_reports_no_belief():
    assert _contents("Local shops could feel a budget pinch next year.") == {}
    assert _contents("Ann Lee does not feel the same way about the mayor.") == {}
    got = _contents("Ann Lee feels the council has lost its way.")
    assert got == {"the council has lost its way": "Ann Lee"}


def test_back_down_is_a_retreat_not_an_endorsement():
    assert _contents("Ann Lee did not back down on Tuesday.") == {}
    assert _contents("Ann Lee was backing away from the plan.") == {}
    assert _contents("Ann Lee is backing Harbour Council candidates.") == {"Harbour Council candidates": "Ann Lee"}
