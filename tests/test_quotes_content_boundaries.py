"""Where the content of an indirect attribution starts and ends: phrases about the telling before "that", a
subordinate frame that ends at its comma (issue 3/7). Offsets are checked as text[start:end]."""

from mediakit.quotes import find_attributions


def _contents(text):
    return [text[r["start"]:r["end"]] for r in find_attributions(text) if r["kind"] != "direct"]


def test_addressee_phrase_before_that_is_left_out_of_the_content():
    text = "Ann Lee said to a friend that the harbour plan had failed badly."
    assert _contents(text) == ["the harbour plan had failed badly"]


def test_manner_phrase_before_that_is_left_out_of_the_content():
    text = "Ann Lee replied in an even voice that the harbour plan had failed badly."
    assert _contents(text) == ["the harbour plan had failed badly"]


def test_that_after_a_noun_that_takes_a_clause_stays_with_the_noun():
    text = "The Harbour Council responded to the claims that the harbour plan had failed badly."
    assert not any(c == "the harbour plan had failed badly" for c in _contents(text))


def test_relative_that_after_the_phrase_is_no_content_start():
    text = "Ann Lee spoke to residents that had lost their homes in the flood."
    assert "had lost their homes in the flood" not in _contents(text)


def test_said_by_telephone_after_an_apposition_is_a_verb():
    text = "“We never gave up on the harbour,” Mr. Roe, now 81, said by telephone this week."
    rows = [(r["kind"], text[r["start"]:r["end"]], text[r["speaker_start"]:r["speaker_end"]])
            for r in find_attributions(text)]
    assert ("direct", "We never gave up on the harbour,", "Mr. Roe") in rows


def test_a_participle_with_by_and_its_agent_is_no_cue():
    text = "The harbour plan, reported by the Harbour Council last year, failed badly after the storm."
    assert find_attributions(text) == []


def test_addressee_and_adverb_before_a_quotation_are_left_out():
    text = 'Ann Lee, its acting chairman, told the Harbour News agency simply, "We lost the vote."'
    contents = _contents(text)
    assert not any("Harbour News" in c for c in contents)
    assert all(c.strip('"') == "We lost the vote." for c in contents)
