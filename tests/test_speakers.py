"""Speakers resolved within their article first (issue 3/7, Deliver 3): a bare surname is the person the article
names in full with it; where the article names two people of that surname and neither is its main one, the bare
surname stays unresolved and no other article's namesake claims it."""

from __future__ import annotations

import pandas as pd

import mediakit as mk

# article a: two Scotts, each named in full once: "Scott" is neither
A = ("Lamont Scott was shot on Tuesday. His wife Rakeyia Scott filmed it. "
     "Scott said the police gave no warning.")
# article b: one Scott, quoted in full elsewhere in the corpus
B = "Rep. Bobby Scott spoke in Richmond. Bobby Scott said the bill would pass."
# article c: two Scotts, but Bobby Scott is named three times and Tim Scott once: "Scott" is Bobby Scott
C = ("Bobby Scott could make history. Bobby Scott faces Tim Scott's record. Bobby Scott campaigned. "
     "Scott said he was ready.")
# article d: a Jr. is not his father: the bare surname is the judge the article names
D = "Chief Justice John G. Roberts Jr. spoke. Roberts said the law was clear."
E = "Jennifer Roberts, the mayor, said the city would appeal."


def _quotes() -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": list("abcde"), "outlet": ["x", "y", "x", "y", "x"], "text": [A, B, C, D, E]})
    q = mk.extract_quotes(corpus)
    for r in q.itertuples():       # offsets are sacred
        assert corpus.set_index("article_id").text[r.article_id][r.speaker_start:r.speaker_end] == r.speaker
    return q


def test_bare_surname_of_two_people_in_its_article_stays_unresolved():
    q = _quotes()
    a = q[q.article_id == "a"]
    assert a.speaker.tolist() == ["Scott"]
    assert a.speaker_canonical.isna().all() and (~a.resolved).all()      # not Bobby Scott of article b


def test_bare_surname_resolves_within_its_article_before_the_corpus():
    q = _quotes().set_index("article_id")
    assert q.loc["b", "speaker_canonical"] == "Bobby Scott"
    c = q.loc[["c"]]
    assert c.speaker.tolist() == ["Scott"] and c.speaker_canonical.tolist() == ["Bobby Scott"]   # the main Scott
    d = q.loc[["d"]]
    assert d.speaker.tolist() == ["Roberts"] and d.speaker_canonical.tolist() == ["John G. Roberts"]
    assert q.loc["e", "speaker_canonical"] == "Jennifer Roberts"
    assert q.resolved.sum() == 4 and len(q) == 5
