"""No person credited with another person's quote: a participle's subject is the clause's subject, not a noun
cue's possessor inside the clause; a pronoun that cannot refer to a person is not resolved to one. Invented
sentences only; every field is read through the text's offsets (tests/quote_rows.py)."""

from __future__ import annotations

import pandas as pd

from mediakit.quotes import find_attributions
from mediakit.sources import extract_quotes
from tests.quote_rows import rows


def _canonical(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker_canonical) of every row extract_quotes finds in ``text``."""
    q = extract_quotes(pd.DataFrame({"article_id": ["a1"], "outlet": ["x"], "text": [text]}))
    return [(r.quote, None if not isinstance(r.speaker_canonical, str) else r.speaker_canonical)
            for r in q.itertuples()]


# ---------------------------------------------------------------- a participle after a noun cue's possessor
def test_participle_takes_the_clause_subject_not_the_possessor_of_a_noun_cue():
    text = "The union pushed back against Mr. Vance's attack on her record, calling it the sign of a tired campaign."
    got = rows(text)
    assert ("indirect", "it the sign of a tired campaign", "The union") in got
    assert not any(c.startswith("it the sign") and s == "Mr. Vance" for _k, c, s in got)
    r = next(r for r in got if r[1].startswith("it the sign"))
    assert text.index(r[2]) == 0 and len(r[2]) == 9


def test_possessor_opening_the_clause_still_speaks_through_its_participle():
    text = "Mr. Vance's statement on Monday criticized the plan, calling it a disgrace."
    assert rows(text) == [("indirect", "it a disgrace", "Mr. Vance's statement")]
    assert _canonical(text) == [("it a disgrace", "Vance")]


# ---------------------------------------------------------------- a participle closing a later clause
def test_participle_after_a_but_clause_takes_that_clauses_subject_not_its_object():
    text = "Vance pivoted to talking about trade, but the host brought him back to the vote, asking Vance to share his views."
    got = rows(text)
    assert ("indirect", "Vance to share his views", "the host") in got
    r = next(r for r in find_attributions(text) if text[r["start"]:r["end"]] == "Vance to share his views")
    assert (r["speaker_start"], r["speaker_end"]) == (42, 50)


def test_participle_after_a_relative_clause_on_an_object_name_takes_that_name():
    text = ("For an hour, the nominee sat with Speaker Ann Lee, who a week ago surprised him by declaring she could "
            "not yet back his bid.")
    assert rows(text) == [("indirect", "she could not yet back his bid", "who")]
    assert _canonical(text) == [("she could not yet back his bid", "Ann Lee")]


def test_participle_after_two_relative_clauses_the_last_an_act_takes_their_name():
    text = ("The senator was rallying for an academic named Tom Vance, who is running for the House and who worked "
            "the crowd, praising the senator's integrity.")
    assert _canonical(text) == [("the senator's integrity", "Tom Vance")]


def test_participle_after_a_descriptive_relative_clause_stays_with_the_subject():
    text = ("He rose to the defense of Tom Vance, the embattled head of the league, who is under investigation, "
            "saying Mr. Vance should be given a prize.")
    assert rows(text) == [("indirect", "Mr. Vance should be given a prize", "He")]


def test_relative_clause_on_the_subject_before_the_verb_keeps_the_subject():
    text = "Sen. Ann Lee, R-Ohio, who faces a tough race, withdrew her endorsement, saying he lacks the temperament."
    assert rows(text) == [("indirect", "he lacks the temperament", "Sen. Ann Lee")]
    assert _canonical(text) == [("he lacks the temperament", "Ann Lee")]


def test_participle_after_a_relative_clause_inside_what_was_said_stays_with_the_sayer():
    text = "Ann Lee said the mayor, who resigned on Monday, was wrong, adding that the city would recover."
    assert ("indirect", "the city would recover", "Ann Lee") in rows(text)


# ---------------------------------------------------------------- "they" after a plural noun of its own sentence
def test_they_after_a_named_group_of_its_own_sentence_is_that_group_not_an_earlier_body():
    text = ("The Tax Board issued a ruling on Monday. Yet Harbour Democrats stalled the levy because they said the "
            "ruling was unfair.")
    assert rows(text) == [("indirect", "the ruling was unfair", "they")]
    assert _canonical(text) == [("the ruling was unfair", "Harbour Democrats")]


def test_they_after_a_plural_common_noun_is_not_credited_to_an_earlier_body():
    text = "The Tax Board issued a ruling on Monday. Critics got mad because they said the ruling was unfair."
    assert rows(text) == [("indirect", "the ruling was unfair", "they")]
    assert _canonical(text)[0][1] != "Tax Board"


def test_they_with_no_plural_noun_in_its_sentence_still_takes_the_earlier_body():
    text = "The Tax Board issued a ruling on Monday. They said the ruling was fair."
    assert _canonical(text) == [("the ruling was fair", "Tax Board")]


# ---------------------------------------------------------------- a pronoun in a fronted subordinate clause
def test_pronoun_in_a_fronted_clause_stands_for_the_main_subject_named_after_it():
    text = ("Tom Vance, the mayor, spoke on Monday. Ann Lee ran the port. While he refused to release the files, "
            "Mr. Roe said the release of some records was fair.")
    assert rows(text) == [("indirect", "to release the files", "he"),
                          ("indirect", "the release of some records was fair", "Mr. Roe")]
    assert _canonical(text) == [("to release the files", "Roe"), ("the release of some records was fair", "Roe")]


def test_pronoun_in_a_fronted_clause_before_a_bare_unknown_surname_keeps_the_earlier_person():
    text = "Tom Vance, the mayor, spoke on Monday. While he refused to release the files, Roe said it was fair."
    assert ("indirect", "to release the files", "he") in rows(text)
    assert ("to release the files", "Tom Vance") in _canonical(text)


def test_after_all_is_no_fronted_clause():
    text = "Mr. Vance spoke on Monday. After all, he said, the plan had failed."
    assert _canonical(text) == [("the plan had failed", "Vance")]


# ---------------------------------------------------------------- a quotation after "as reported by" a source
def test_quotation_after_as_reported_by_goes_on_in_the_speakers_words():
    text = ('"I would have fixed it," Lee noted in an interview with a local podcast, as reported by the Harbour '
            'Times. "And I would take corrective action."')
    got = rows(text)
    assert ("direct", "And I would take corrective action.", "Lee") in got
    assert ("direct", "I would have fixed it,", "Lee") in got
    assert _canonical(text)[-1] == ("And I would take corrective action.", "Lee")


def test_quotation_after_a_reported_sentence_with_no_quotation_stays_with_the_source():
    text = 'The plan failed, as reported by the Harbour Times. "We are done."'
    assert ("direct", "We are done.", "the Harbour Times") in rows(text)


# ---------------------------------------------------------------- a participle's subject past a place or a title
def test_participle_after_a_place_with_a_state_takes_the_pronoun_subject_not_the_state():
    text = "By Sunday she had canceled a much-heralded rally slated for Friday in Dover, Del., citing the storm."
    assert rows(text) == [("indirect", "the storm", "she")]
    r = find_attributions(text)[0]
    assert (r["speaker_start"], r["speaker_end"]) == (10, 13)


def test_fronted_when_clause_with_a_title_ends_at_its_comma():
    text = "But when Mr. Hale asked the publisher to reprint the book, it declined, citing legal risks."
    assert ("indirect", "legal risks", "it") in rows(text)
    assert not any(c == "legal risks" and s == "Mr. Hale" for _k, c, s in rows(text))


# ---------------------------------------------------------------- a case name's "v." ends no sentence
def test_case_name_v_does_not_end_the_sentence_nor_make_the_second_party_a_speaker():
    text = ("Lee attacked Vance, saying he would appoint judges who would overturn Smith v. Jones, and reminded the "
            "audience of remarks Vance made about the court.")
    got = rows(text)
    assert ("indirect", "the audience of remarks Vance made about the court", "Lee") in got
    assert ("indirect", "Vance, saying he would appoint judges who would overturn Smith v. Jones", "Lee") in got
    assert not any(s == "Jones" for _k, _c, s in got)


# ---------------------------------------------------------------- a quoted fragment inside a noun cue's clause
def test_fragment_inside_a_possessors_claim_is_the_possessors_words():
    text = ("Ann Lee blamed the media for seizing on Tom Vance’s claim that the mayor “founded the gang,” saying "
            "they were nitpicking.")
    got = rows(text)
    assert ("direct", "founded the gang,", "Tom Vance") in got
    assert ("direct", "founded the gang,", "Ann Lee") not in got
    assert ("founded the gang,", "Tom Vance") in _canonical(text)


def test_fragment_inside_a_claim_with_no_possessor_stays_with_the_sentence_speaker():
    text = "Ann Lee blamed the media for seizing on the claim that the mayor “founded the gang.”"
    assert ("direct", "founded the gang.", "Ann Lee") in rows(text)


def test_quotation_after_a_participle_closing_a_relative_clause_is_that_clauses_name():
    text = ("The senator was rallying for an academic named Tom Vance, who is running for the House and who worked "
            "the crowd, praising \"the senator’s integrity\" as he promised to fight.")
    assert ("direct", "the senator’s integrity", "who") in rows(text)
    assert ("the senator’s integrity", "Tom Vance") in _canonical(text)


def test_participle_after_a_where_clause_with_a_counted_subject_takes_that_subject():
    text = ("The mayor spoke near the plaza, where about 50 protesters had gathered on Monday, chanting "
            "\"no contract, no peace\" after the talks failed.")
    assert ("mixed", "\"no contract, no peace\" after the talks failed", "50 protesters") in rows(text)


def test_direct_participle_after_a_relative_clause_inside_what_was_said_stays_with_the_sayer():
    text = 'Ann Lee said the mayor, who resigned on Monday, was wrong, adding, "The city will recover."'
    assert ("direct", "The city will recover.", "Ann Lee") in rows(text)


def test_pronoun_in_a_fronted_after_clause_stands_for_the_main_subject_of_its_gender():
    he = ("Tom Vance ran the police unit. After failing to persuade traders that he understands their worries, "
          "Mayor Ed Roe said he visits the docks.")
    assert rows(he) == [("indirect", "their worries", "he"), ("indirect", "he visits the docks", "Mayor Ed Roe")]
    assert _canonical(he)[0] == ("their worries", "Ed Roe")
    she = he.replace("Ed Roe", "Ann Roe")
    assert _canonical(she)[0] == ("their worries", "Tom Vance")


def test_it_never_stands_for_a_person():
    """"It says ..." after a sentence that names only a person: the pronoun is no person, so the row stays
    unresolved instead of crediting Ann Lee (before, the fallback took the latest entity of any kind)."""
    text = "Ann Lee opened the harbour fair on Monday. It says the town has never been richer."
    q = extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert q[["quote", "speaker"]].values.tolist() == [["the town has never been richer", "It"]]
    assert q["speaker_canonical"].isna().all() and not q["resolved"].any()
    start, end = int(q["speaker_start"].iloc[0]), int(q["speaker_end"].iloc[0])
    assert text[start:end] == "It"
