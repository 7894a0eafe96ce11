"""A cue coordinated with an earlier verb of the same subject (issue 3/7, Deliver 4): "X left early and did not
say whether ..." -- the subject of the first verb speaks. Each test checks the reported content and its speaker
through the character offsets (text[start:end])."""

from __future__ import annotations

from .conftest import attribution_contents

_contents = attribution_contents


def test_a_negated_cue_with_do_support_after_and_reports_its_clause():
    got = _contents("Ann Lee left early and did not say whether she would return.")
    assert got == {"whether she would return": "Ann Lee"}
    got = _contents("The Harbour Council met on Monday but does not know how the bridge will be paid for.")
    assert got == {"how the bridge will be paid for": "The Harbour Council"}



def test_only_the_coordinated_cue_reports():
    # the clause after the reported one ("and the council met") reports nothing
    got = _contents("Ann Lee left early and did not say whether she would return, and the council met.")
    assert list(got.values()) == ["Ann Lee"]
