"""Quote rules for content on the left of its frame, and for direct and mixed quotes (issue 3/7)."""

from mediakit.quotes import find_attributions

from .quote_rows import rows_by_verb as _rows


def test_outer_cue_keeps_its_clause_when_a_quotation_inside_takes_its_speaker():
    text = ("Over the years, she said, the letters have kept Ann Lee close to the council, and she laughed and "
            "admitted “letters can be a curse.”")
    rows = _rows(text)
    assert ("direct", "letters can be a curse.", "said") in rows
    assert any(k in ("indirect", "mixed") and c.startswith("the letters have kept Ann Lee") and v == "said"
               for k, c, v in rows)


def test_final_frame_cue_reports_the_left_clause_despite_a_quotation_after_it():
    text = ("The Harbour Council’s plan is reckless, Ann Lee said Tuesday in Dover, noting the mayor “wants to "
            "build on sand.”")
    rows = _rows(text)
    assert ("indirect", "The Harbour Council’s plan is reckless", "said") in rows


def test_inverted_frame_with_a_comma_inside_the_description_reports_the_left_clause():
    text = ("The council has a strong case and support from all major groups in the city, said Ann Lee, director of "
            "the Harbour Institute at the University of Kent, Canterbury, Centre for Regional Change.")
    rows = _rows(text)
    assert ("indirect", "The council has a strong case and support from all major groups in the city", "said") in rows
    assert not any("Canterbury" in c for _k, c, _v in rows)


def test_a_quoted_title_in_the_phrase_after_a_final_frame_leaves_the_content_on_the_left():
    text = "The Harbour Council was split over the plan while the vote was open, Ann Lee said Monday on WXYZ’s “Morning Talk.”"
    rows = _rows(text)
    assert ("indirect", "The Harbour Council was split over the plan while the vote was open", "said") in rows
    assert not any("Morning Talk" in c for _k, c, _v in rows)


def test_the_unquoted_rest_of_a_speakers_sentence_after_a_quotation_and_its_frame():
    text = "“Only the council,” Ann Lee said, would use the harbour fund to rebuild the old pier. The vote is Monday."
    rows = _rows(text)
    assert ("direct", "Only the council,", "said") in rows
    assert ("indirect", "would use the harbour fund to rebuild the old pier", "said") in rows
    text = "“It is bad luck,” she said, that both ships were moored at the Harbour Council’s pier."
    assert ("indirect", "that both ships were moored at the Harbour Council’s pier", "said") in _rows(text)


def test_no_rest_after_a_quotation_frame_when_the_narrator_goes_on():
    for text in ("“We will win,” Ann Lee said, and the crowd in the Harbour Council hall cheered.",
                 "“You will have to ask the mayor,” Ann Lee said, another reference to the long harbour dispute.",
                 "“We will win,” Ann Lee said, adding that the Harbour Council would vote."):
        assert not any(k == "indirect" and c.startswith(("and the crowd", "another", "adding")) for k, c, _v in _rows(text))


def test_a_quotation_after_a_sentence_ending_with_a_frame_takes_its_speaker():
    text = ("Or maybe the Harbour Council, digital consultant Ann Lee says. “Several surveys suggest a second look "
            "is occurring in Dover.”")
    recs = find_attributions(text)
    direct = [r for r in recs if r["kind"] == "direct"]
    assert [text[r["start"]:r["end"]] for r in direct] == ["Several surveys suggest a second look is occurring in Dover."]
    assert text[direct[0]["speaker_start"]:direct[0]["speaker_end"]].endswith("Ann Lee")


def test_a_quotation_opening_the_sentence_after_a_reported_clause_takes_its_speaker():
    text = "Ann Lee touted her record on the Harbour Council. “We need to find ways to support the workers of this port.”"
    recs = find_attributions(text)
    direct = [r for r in recs if r["kind"] == "direct"]
    assert [text[r["start"]:r["end"]] for r in direct] == ["We need to find ways to support the workers of this port."]
    assert text[direct[0]["speaker_start"]:direct[0]["speaker_end"]] == "Ann Lee"


def test_a_sentence_opening_with_said_and_its_speaker_before_the_quotation():
    text = "The pier was rebuilt last year. Said Ann Lee, who grew up near the harbour, “We were all so proud of it.”"
    direct = [r for r in find_attributions(text) if r["kind"] == "direct"]
    assert [text[r["start"]:r["end"]] for r in direct] == ["We were all so proud of it."]
    assert text[direct[0]["speaker_start"]:direct[0]["speaker_end"]] == "Ann Lee"


def test_a_verb_missing_from_the_lexicon_after_a_quotation_before_and():
    text = "“Go back to the harbour,” Ann Lee barked and a guard escorted the reporter out."
    direct = [r for r in find_attributions(text) if r["kind"] == "direct"]
    assert [(text[r["start"]:r["end"]], r["verb"]) for r in direct] == [("Go back to the harbour,", "barked")]


def test_a_question_quoted_before_told_and_a_long_addressee_phrase():
    text = ("The mayor criticised her plan. “It looks like we will not get along, who knows?” Ann Lee told the Harbour "
            "Gazette in an interview aired on Friday when asked how ties with the pilots would fare if she won the vote.")
    direct = [r for r in find_attributions(text) if r["kind"] == "direct"]
    assert [(text[r["start"]:r["end"]], r["verb"]) for r in direct] == [
        ("It looks like we will not get along, who knows?", "told")]
    assert text[direct[0]["speaker_start"]:direct[0]["speaker_end"]] == "Ann Lee"


def test_a_belief_inside_the_clause_a_final_frame_reports_does_not_cut_it():
    text = "The harbour work gives her a purpose, and she finds that in public service, Ann Lee said."
    rows = _rows(text)
    assert ("indirect", "The harbour work gives her a purpose, and she finds that in public service", "said") in rows


def test_told_closing_a_sentence_with_a_fronted_phrase_reports_the_sentence():
    text = ("Despite a run of costly delays on Tuesday night, Ann Lee remains committed to the harbour plan, her "
            "top aide, Tom Reed, told the Harbour Gazette.")
    rows = _rows(text)
    assert ("indirect", "Despite a run of costly delays on Tuesday night, Ann Lee remains committed to the harbour "
            "plan", "told") in rows


def test_a_second_description_with_a_relative_clause_after_an_inverted_speaker():
    text = ("“We are extremely happy” about the vote, said Ann Lee, director of the Harbour Union, a union that has "
            "broken away from many other groups.")
    rows = _rows(text)
    assert ("mixed", "“We are extremely happy” about the vote", "said") in rows
    assert not any(c.startswith("a union") for _k, c, _v in rows)


def test_an_unquoted_paragraph_after_a_frame_ending_with_a_colon():
    text = ("Ann Lee did not spare the council. In a speech last July, she said:\n\nLet no one be mistaken, the harbour "
            "plan is a failure.\nIt cannot be ignored.\n\nThe council did not answer.")
    rows = _rows(text)
    assert ("indirect", "Let no one be mistaken, the harbour plan is a failure.\nIt cannot be ignored", "said") in rows
    assert not any("did not answer" in c for _k, c, _v in rows)
