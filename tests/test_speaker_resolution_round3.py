"""Who a quote is credited to (speaker resolution, round 3): a name and its verb before a plural noun cue, a
relative "whom" clause, whose-relatives, coordinated subjects, "at which point" and interview transcripts.
Invented sentences only; every field is read through the text's offsets (tests/quote_rows.py)."""

from __future__ import annotations

from mediakit.quotes import find_attributions
from tests.quote_rows import rows


def _speaker_span(text: str, content: str) -> tuple[int, int] | None:
    """(start, end) of the speaker of the row whose content is ``content``."""
    r = next(r for r in find_attributions(text) if text[r["start"]:r["end"]] == content)
    return None if r["speaker_start"] is None else (r["speaker_start"], r["speaker_end"])


# ---------------------------------------------------------------- a name and its verb is no subject
def test_plural_noun_cue_after_name_in_a_prepositional_phrase_is_no_verb():
    text = "Lee apologizes for Roe comments; the senator said the remarks were wrong."
    assert rows(text) == [("indirect", "the remarks were wrong", "the senator")]
    assert _speaker_span(text, "the remarks were wrong") == (33, 44)


def test_name_and_its_present_verb_before_a_preposition_is_a_clause_not_a_subject():
    text = ("Ann Lee ran the harbour board for years. Lee comes with the right calling card: she ran the port. "
            "Tom Vance said the port was busy.")
    assert ("indirect", "the port was busy", "Tom Vance") in rows(text)
    assert not any(speaker and speaker.startswith("Lee comes") for _k, _c, speaker in rows(text))


def test_plural_noun_for_people_after_a_name_stays_a_subject():
    text = "Lee supporters at the rally said the count was fair."
    assert rows(text) == [("indirect", "the count was fair", "Lee supporters")]


def test_verb_after_name_in_a_prepositional_phrase_keeps_its_subject():
    text = "Tensions rose after Lee calls Roe a liar in a speech."
    assert [r[2] for r in rows(text)] == ["Lee"]
    assert _speaker_span(text, rows(text)[0][1]) == (20, 23)


# ---------------------------------------------------------------- relative "whom"
def test_fronted_when_asked_whom_is_no_speaker_of_the_main_clause():
    text = "When asked whom she supported, Ms. Young smiled and said she had not decided."
    assert rows(text) == [("indirect", "whom she supported", None),
                          ("indirect", "she had not decided", "Ms. Young")]
    assert _speaker_span(text, "she had not decided") == (31, 40)


def test_subject_inside_a_whom_clause_speaks_its_verb():
    text = "Ann Lee backed the mayor, whom she called a tireless reformer."
    assert ("indirect", "a tireless reformer", "she") in rows(text)
    assert _speaker_span(text, "a tireless reformer") == (31, 34)


def test_subject_inside_a_who_clause_speaks_its_verb():
    text = "Voters were asked who they thought was the best candidate."
    assert ("indirect", "was the best candidate", "they") in rows(text)
    assert _speaker_span(text, "was the best candidate") == (22, 26)


def test_relative_whom_with_a_verb_of_its_own_keeps_the_antecedent():
    text = "The clerk whom the paper interviewed said the ballots were safe."
    assert rows(text) == [("indirect", "the ballots were safe", "The clerk")]


# ---------------------------------------------------------------- relative clauses split by commas
def test_whose_relative_split_by_an_apposition_is_skipped_like_a_who_relative():
    text = "Ann Lee, whose company, Bluefin, sells boats, said the tax would hurt sales."
    assert rows(text) == [("indirect", "the tax would hurt sales", "Ann Lee")]
    assert _speaker_span(text, "the tax would hurt sales") == (0, 7)


def test_who_relative_split_by_a_phrase_is_skipped():
    text = "Ann Lee, who, as mayor, cut taxes, told reporters that the plan worked."
    assert rows(text) == [("indirect", "the plan worked", "Ann Lee")]


def test_relative_clause_ending_before_a_second_verb_is_no_speaker_chain():
    text = "The mayor, whose plan failed, resigned, said Ann Lee."
    assert [r[2] for r in rows(text)] == ["Ann Lee"]


# ---------------------------------------------------------------- coordinated subjects
def test_name_and_a_relative_are_one_coordinated_subject():
    text = "Ann Lee and her husband told reporters that they would move."
    assert rows(text) == [("indirect", "they would move", "Ann Lee and her husband")]
    assert _speaker_span(text, "they would move") == (0, 23)


def test_role_and_its_aides_are_one_coordinated_subject_like_two_names():
    assert rows("The mayor and her aides said the vote was fair.") == [
        ("indirect", "the vote was fair", "The mayor and her aides")]
    assert rows("Ann Lee and Tom Vance said the vote was fair.") == [
        ("indirect", "the vote was fair", "Ann Lee and Tom Vance")]


def test_possessive_phrase_naming_no_person_is_not_coordinated():
    text = "In the debate, Tom Vance and his plans drew criticism. Ann Lee said the plans would fail."
    assert ("indirect", "the plans would fail", "Ann Lee") in rows(text)
    assert all(speaker != "Tom Vance and his plans" for _k, _c, speaker in rows(text))


# ---------------------------------------------------------------- the noun of a fronted adverbial
def test_at_which_point_is_no_part_of_the_subject():
    text = "The mayor spoke for an hour, at which point the crowd chanted that he should resign."
    assert rows(text) == [("indirect", "he should resign", "the crowd")]
    assert _speaker_span(text, "he should resign") == (44, 53)


def test_by_which_time_is_no_part_of_the_subject():
    text = "The vote was late, by which time the senators had said the bill was dead."
    assert rows(text) == [("indirect", "the bill was dead", "the senators")]


# ---------------------------------------------------------------- interview turns
_INTERVIEW = ("Ann Lee, a nurse from Ohio, spoke to us.\n\nQ: How did you feel?\n\n"
              "A: I felt hopeless, because nobody listened.")


def test_question_turn_marker_is_neither_content_nor_speaker():
    got = rows(_INTERVIEW)
    assert all(not content.startswith("Q:") and speaker not in ("Q", "you") for _k, content, speaker in got)
    assert ("indirect", "How did you feel", None) in got
    assert _INTERVIEW.index("How did you feel") == 45


def test_answer_turn_marker_is_no_part_of_the_content():
    text = "Ann Lee spoke to us.\n\nQ: Why did you stay?\n\nA: Because they needed help, I think."
    # (the answer as a whole is the interviewee's turn, its "A" marker the speaker: tests/test_quotes_noticed.py)
    assert rows(text) == [("indirect", "Why did you stay", None), ("indirect", "Because they needed help", "I"),
                          ("indirect", "Because they needed help, I think", "A")]
    r = [r for r in find_attributions(text) if r["verb"] == "think"][0]
    assert (r["start"], r["end"], r["speaker_start"]) == (47, 71, 73)


# ---------------------------------------------------------------- verbs coordinated in a later clause
def test_coordinated_verb_takes_the_subject_of_its_own_clause():
    text = "I came home from school, and a neighbor came by and told me they had been taken away."
    assert rows(text) == [("indirect", "they had been taken away", "a neighbor")]
    assert _speaker_span(text, "they had been taken away") == (29, 39)


def test_verb_of_aspect_before_an_ing_cue_is_no_part_of_the_subject():
    assert rows("Ann Lee began arguing that the plan would fail.") == [
        ("indirect", "the plan would fail", "Ann Lee")]
    text = "Ann Lee, a former budget director, moved to a bank and began writing that the plan would fail."
    assert rows(text) == [("indirect", "the plan would fail", "Ann Lee")]
    assert _speaker_span(text, "the plan would fail") == (0, 7)


# ---------------------------------------------------------------- a semicolon bounds the subject search
def test_participle_after_a_semicolon_takes_the_subject_of_its_own_clause():
    text = "Ann Lee lost the vote; the winner, Tom Vance, thanked voters, saying the count was fair."
    assert rows(text) == [("indirect", "the count was fair", "the winner")]
    assert _speaker_span(text, "the count was fair") == (23, 33)


def test_who_relative_closed_by_a_place_is_skipped():
    text = "Ann Lee, who is a pastor in Dover, Ohio, slammed the plan as reckless."
    assert [r[2] for r in rows(text)] == ["Ann Lee"]
    assert _speaker_span(text, rows(text)[0][1]) == (0, 7)


def test_who_relative_closed_by_an_apposition_is_skipped():
    text = "Ann Lee, who runs a firm, Bluefin, said the tax would hurt sales."
    assert rows(text) == [("indirect", "the tax would hurt sales", "Ann Lee")]


# ---------------------------------------------------------------- a verb and its object before a participle
def test_verb_and_object_before_a_participle_cue_is_no_speaker():
    text = "Ann Lee also sent a letter saying the plan would fail."
    assert rows(text) == [("indirect", "the plan would fail", "Ann Lee")]
    assert _speaker_span(text, "the plan would fail") == (0, 7)


def test_base_verb_and_object_after_a_modal_before_a_participle_cue_is_no_speaker():
    text = "The council will send a letter urging the mayor to resign."
    assert rows(text) == [("indirect", "the mayor to resign", "The council")]
