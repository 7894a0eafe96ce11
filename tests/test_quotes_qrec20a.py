"""Rules of helper qrec20a: content on the left of its frame, direct and mixed quotes."""

from mediakit.quotes import find_attributions


def _rows(text):
    return [(r["kind"], text[r["start"]:r["end"]], r["verb"]) for r in find_attributions(text)]


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
