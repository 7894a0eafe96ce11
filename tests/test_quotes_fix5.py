"""Session 15 fix5: subjects behind anonymity relatives, frequency phrases before "that", relatives on things
and subject clauses (invented sentences)."""

from .quote_rows import rows


def test_anonymity_relative_with_auxiliary_is_skipped_back_to_its_head():
    assert rows("A worker who did not want to be named said the plan failed.") == [
        ("indirect", "the plan failed", "A worker")]
    assert rows("A clerk who was not named said the road would close.") == [
        ("indirect", "the road would close", "A clerk")]
    assert rows("An official who asked not to be identified said the plan failed.") == [
        ("indirect", "the plan failed", "An official")]


def test_frequency_phrase_between_cue_and_that_is_no_content():
    assert rows("The mayor has said many times that the bridge is safe.") == [
        ("indirect", "the bridge is safe", "The mayor")]
    assert rows("The coach has said again and again that the team is ready.") == [
        ("indirect", "the team is ready", "The coach")]
    assert rows("The clerk has said a few times that the office will move.") == [
        ("indirect", "the office will move", "The clerk")]


def test_relative_on_a_time_noun_and_bare_infinitive_object_are_no_speakers():
    assert rows("A year that saw the plan fail showed that the port was weak.") == []
    assert rows("It was a season that saw the club lose its best players.") == []
    # a time phrase after the noun only dates it: the relative still speaks for the report
    assert rows("The panel will publish a report this summer that may answer the questions.") == [
        ("indirect", "the questions", "that")]


def test_wh_subject_clause_before_a_modal_and_cue_is_no_speaker():
    assert rows("How the board handles the vote will determine whether the plan survives.") == []
    assert rows("Why the council delays the budget could show whether the town is broke.") == []
    # a cleft keeps its speaker: the cue is the clause's own verb
    assert rows("What the mayor said was that the bridge is safe.")[0][2] == "the mayor"
