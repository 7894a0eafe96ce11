"""Where the content of an indirect attribution ends when it is the noun phrase after an object noun's
preposition ("his call for ...", "concern about ..."): a participle after a determiner, a short quotation and a
coordinated noun phrase stay in it. Offsets are checked as text[start:end]."""

from mediakit.quotes import find_attributions

from .quote_rows import rows_by_verb as _rows


def test_participle_after_a_determiner_stays_in_the_noun_object():
    text = "Ann Lee also expressed concern about the closed harbour market in Dover."
    assert _rows(text) == [("indirect", "the closed harbour market in Dover", "concern about")]


def test_past_tense_after_the_noun_object_still_ends_it():
    text = "Ann Lee's endorsement of Tom Kerr surprised the harbour council."
    assert _rows(text) == [("indirect", "Tom Kerr", "endorsement of")]


def test_coordinated_noun_phrases_stay_in_the_noun_object():
    text = "Ann Lee made a loud call for fair pay and safer cranes at the rally."
    assert _rows(text) == [("indirect", "fair pay and safer cranes", "call for")]


def test_a_verb_after_and_is_no_part_of_the_noun_object():
    text = "The union repeated its call for talks and walked out of the meeting."
    rows = _rows(text)
    assert ("indirect", "talks", "call for") in rows
    assert not any("walked" in content for _kind, content, _verb in rows)


def test_a_possessive_phrase_after_and_names_an_act_of_its_own():
    text = "Ann Lee won praise for her support for the harbour plan and his refusal to sell the docks."
    rows = _rows(text)
    assert ("indirect", "the harbour plan", "support for") in rows


def test_a_short_quotation_is_the_noun_of_the_object():
    text = 'The senator repeated his call for a "harbour revolution" at the rally.'
    rows = _rows(text)
    assert ("mixed", 'a "harbour revolution"', "call for") in rows
    start = text.index("a \"harbour")
    row = next(r for r in find_attributions(text) if r["kind"] == "mixed")
    assert (row["start"], row["end"]) == (start, start + len('a "harbour revolution"'))


def test_a_relative_clause_stays_with_the_noun_object():
    text = "Ann Lee renewed her call for a levy that would rise with earnings, the paper said."
    rows = _rows(text)
    assert ("indirect", "a levy that would rise with earnings", "call for") in rows


def test_an_article_after_an_inverted_speaker_opens_the_description():
    text = "The harbour plan had failed, said Ann Lee, the head of the dockers union."
    rows = _rows(text)
    assert ("indirect", "The harbour plan had failed", "said") in rows
    assert not any(content.startswith("the head of") for _kind, content, _verb in rows)


def test_a_relative_clause_on_the_noun_object_ends_before_the_main_verb():
    text = ("Her attacks on the harbour board and the bankers who had backed the sale quickly won over the "
            "dockers.")
    rows = _rows(text)
    assert ("indirect", "the harbour board and the bankers who had backed the sale", "attacks on") in rows


def test_a_relative_clause_with_a_plain_verb_stays_with_the_noun_object():
    text = "His plan calls for fees that rise with tonnage and includes rebates for small boats."
    rows = _rows(text)
    assert ("indirect", "fees that rise with tonnage and includes rebates for small boats", "calls for") in rows


def test_a_description_with_a_relative_clause_after_an_inverted_speaker_is_no_content():
    text = "The harbour plan had failed, said Ann Lee, the head of a union that has fought the plan for years."
    assert _rows(text) == [("indirect", "The harbour plan had failed", "said")]
