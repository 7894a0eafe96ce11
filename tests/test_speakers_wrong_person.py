"""No person credited with another person's quote: a participle's subject is the clause's subject, not a noun
cue's possessor inside the clause; a pronoun that cannot refer to a person is not resolved to one. Invented
sentences only; every field is read through the text's offsets (tests/quote_rows.py)."""

from __future__ import annotations

import pandas as pd

from mediakit.sources import extract_quotes
from tests.quote_rows import rows


def _canonical(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker_canonical) of every row extract_quotes finds in ``text``."""
    q = extract_quotes(pd.DataFrame({"article_id": ["a1"], "outlet": ["x"], "text": [text]}))
    return [(r.quote, None if not isinstance(r.speaker_canonical, str) else r.speaker_canonical)
            for r in q.itertuples()]


# ---------------------------------------------------------------- a participle after a noun cue's possessor
def test_participle_takes_the_clause_subject_not_the_possessor_of_a_noun_cue():
    text = "The union pushed back against Mr. Vance's attack on her record, calling it the mark of a desperate man."
    got = rows(text)
    assert ("indirect", "it the mark of a desperate man", "The union") in got
    assert not any(c.startswith("it the mark") and s == "Mr. Vance" for _k, c, s in got)
    r = next(r for r in got if r[1].startswith("it the mark"))
    assert text.index(r[2]) == 0 and len(r[2]) == 9


def test_possessor_opening_the_clause_still_speaks_through_its_participle():
    text = "Mr. Vance's statement on Monday criticized the plan, calling it a disgrace."
    assert rows(text) == [("indirect", "it a disgrace", "Mr. Vance's statement")]
    assert _canonical(text) == [("it a disgrace", "Vance")]
