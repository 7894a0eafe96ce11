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
