"""Who speaks for a cue (issue 3/7, Deliver 4): the subject left of the cue is a noun phrase that can speak, not a
time phrase ("the past week"), a preposition ("aside from") or half of a coordinated subject. Each test checks
the speaker and the reported content through the character offsets (text[start:end])."""

from __future__ import annotations

from .conftest import attribution_contents

_contents = attribution_contents


def test_a_name_and_a_noun_for_a_person_speak_together():
    got = _contents("Ann Lee and the mayor clashed over whether the bridge should be rebuilt.")
    assert got == {"whether the bridge should be rebuilt": "Ann Lee and the mayor"}
    got = _contents("The mayor and Ann Lee said that the bridge would be rebuilt.")
    assert got == {"the bridge would be rebuilt": "The mayor and Ann Lee"}
    got = _contents("Ann Lee and her lawyer said that the bridge would be rebuilt.")
    assert got == {"the bridge would be rebuilt": "Ann Lee and her lawyer"}


def test_a_coordination_after_a_verb_is_not_joined():
    got = _contents("Officials met Ann Lee and the mayor said that the bridge would be rebuilt.")
    assert got == {"the bridge would be rebuilt": "the mayor"}


def test_a_pronoun_and_a_noun_keep_the_noun():
    got = _contents("She and her aides said that the bridge would be rebuilt.")
    assert list(got) == ["the bridge would be rebuilt"]
    assert got["the bridge would be rebuilt"] != "She"


def test_aside_from_is_not_part_of_the_speaker():
    got = _contents("The rally was quiet, aside from the candidates debating whether taxes should rise.")
    assert set(got.values()) == {"the candidates"}


def test_time_spent_is_not_the_speaker():
    got = _contents("The two senators spent the past week bickering over who should lead the committee.")
    assert got == {"who should lead the committee": "The two senators"}
    assert _contents("Ann Lee spent Monday arguing that taxes should rise.") == {"taxes should rise": "Ann Lee"}
    got = _contents("The mayor has spent months insisting that the bridge is safe.")
    assert got == {"the bridge is safe": "The mayor"}


def test_a_time_phrase_before_the_cue_is_skipped_to_the_subject():
    got = _contents("Harbour Council members, spending the past week bickering over who should lead, met.")
    assert "the past week" not in got.values()
    got = _contents("Police had last month charged Ann Lee with battery.")
    assert set(got.values()) == {"Police"}
    got = _contents("Ann Lee, who last year threatened to close down the ferry, is running.")
    assert set(got.values()) == {"who"}


def test_an_aside_between_spaced_hyphens_is_skipped_to_the_speaker():
    text = "Ann Lee - the mayor's sister and co-host of his radio show - told the Daily Ledger that the bridge was unsafe."
    assert _contents(text) == {"the bridge was unsafe": "Ann Lee"}
    assert _contents("The well-known co-host told the paper that it was unsafe.") == {
        "it was unsafe": "The well-known co-host"}


def test_a_time_phrase_before_a_name_is_not_part_of_the_speaker():
    text = "The Daily Ledger reported that night Ann Lee testified that the bridge was unsafe."
    assert _contents(text)["the bridge was unsafe"] == "Ann Lee"
    assert _contents("This week Ann Lee said that the bridge was unsafe.") == {"the bridge was unsafe": "Ann Lee"}
    assert _contents("June Carter said that the bridge was unsafe.") == {"the bridge was unsafe": "June Carter"}


def test_a_participle_after_by_takes_the_sentence_subject():
    text = "Ann Lee has gone further than the mayor on housing by proposing that the council build more homes."
    assert _contents(text) == {"the council build more homes": "Ann Lee"}
    text = "Ann Lee surprised the mayor by suggesting that the council build more homes."
    assert _contents(text) == {"the council build more homes": "Ann Lee"}


def test_the_sentence_subject_skips_a_fronted_time_phrase_and_a_state_abbreviation():
    text = "A few minutes later, Ann Lee followed up by lamenting that the job was dull."
    assert _contents(text) == {"the job was dull": "Ann Lee"}
    text = "At a regatta that month in Salem, Ore., the retired judge ended her speech by saying that the bridge was safe."
    assert _contents(text) == {"the bridge was safe": "the retired judge"}
    text = "The day before, at a fair in Lyme, Conn., Ann Lee was just as blunt, claiming that the bridge was safe."
    assert _contents(text) == {"the bridge was safe": "Ann Lee"}


def test_a_time_phrase_after_the_speaker_is_not_part_of_it():
    assert _contents("A study released last year found that the bridge was unsafe.") == {
        "the bridge was unsafe": "A study"}
    assert _contents("The council this week said that the bridge was unsafe.") == {
        "the bridge was unsafe": "The council"}
    assert _contents("Kristen Day said that the bridge was unsafe.") == {"the bridge was unsafe": "Kristen Day"}
