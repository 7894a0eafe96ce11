"""Whether a would-be speaker mention is a clause or a sentence fragment rather than a noun phrase ("Lee
released her medical records", "That's the takeaway from ..."), where that clause begins, and the noun
phrases around it (its subject, its last noun phrase). Used by the name rules of :mod:`._names` and by
resolution inside an article (:mod:`._speakers`).

>>> _clause_like("the report was"), _clause_subject("Pro-government commentators spent the day")
(True, 'Pro-government commentators')
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold
from ._words import _AUX, _NOT_PLURAL, _PREPS, _SPEAKER_NOUNS, _past_like

# words a contraction's "'s" follows when it is "is" or "has", not a possessive ("That's", "It's", "There's")
_IS_BASES = frozenset({"that", "it", "there", "here", "what", "who", "he", "she", "where", "how", "let", "this"})
# words that open an object after a verb ("released her medical records", "published a report")
_OBJECT_OPENERS = frozenset({"the", "a", "an", "her", "his", "its", "their", "our", "my", "your", "this", "these",
                             "those", "him", "them", "us", "me"})
_HEADLINE_WORDS = 9  # a run this long of capitalised words is a headline, not a name


@lru_cache(maxsize=65536)
def _clause_like(name: str | None) -> bool:
    """True when a would-be canonical name is a clause or a sentence fragment, not a noun phrase: a
    contraction ("That's the takeaway from ..."), an auxiliary or modal ("the report was"), a past or
    present verb with its object ("Lee released her medical records", "the committee published a
    report"), a subject pronoun inside it ("the scholars I interviewed"), or a title-case headline of nine or
    more words.

    >>> _clause_like("That's the lesson from freshly filed Harbour Licensing Board")
    True
    >>> _clause_like("Lee released her medical records"), _clause_like("Video That Lee Can’t Hide From")
    (True, True)
    >>> _clause_like("Hale's campaign"), _clause_like("Committee To Protect Journalists"), _clause_like("Ed Hollis")
    (False, False, False)
    >>> _clause_like("the man accused of fraud"), _clause_like("Will Denton"), _clause_like("retired officers")
    (False, False, False)
    >>> _clause_like("heads the Senate Banking Committee"), _clause_like("the scholars I interviewed")
    (True, True)
    >>> _clause_like("anonymous US official")
    False
    >>> _clause_like("interviewed Harbour Times reporter Ann Lee"), _clause_like("sparked anger from Democrats")
    (True, True)
    >>> _clause_like("unnamed US officials said"), _clause_like("elected officials")
    (False, False)
    """
    return _clause_start(str(name or "")) is not None


def _clause_start(name: str) -> int | None:
    """Index of the word of ``name`` where a clause begins (its verb, contraction or subject pronoun), 0 for a
    headline, None for a noun phrase.

    >>> _clause_start("Pro-government commentators spent the day"), _clause_start("Ann Lee")
    (2, None)
    """
    raw = name.split()
    if len(raw) >= _HEADLINE_WORDS and all(w[:1].isupper() or not w[:1].isalpha() for w in raw):
        return 0
    low = [fold(w).lower().replace("’", "'").strip(".,;:!?\"“”()") for w in raw]
    for i, w in enumerate(low):
        if w.endswith("n't"):
            return i
        m = re.match(r"^([a-z]+)'(s|re|ve|ll|m|d)$", w)
        if m and (m.group(2) != "s" or m.group(1) in _IS_BASES):
            return i
        if i > 0 and w in ("he", "she", "they", "we", "i"):
            return i  # "the constitutional scholars I interviewed", "the tone of the campaign he"
        if i == 0 and raw[i][:1].islower() and i + 1 < len(low) and _object_at(raw, low, i + 1) \
                and (w.endswith("s") or _past_like(w)) and w not in _OBJECT_OPENERS:
            return i  # "heads the Senate Banking Committee", "stars a Santa Claus impersonator"
        if i == 0 and raw[0][:1].islower() and w.endswith("ed") and len(low) >= 3 and w not in _OBJECT_OPENERS \
                and (raw[1][:1].isupper() and raw[1][:2] != raw[1][:2].upper() or low[2] in _PREPS):
            return i  # "interviewed Daily Ledger reporter Ben Tully", "sparked criticism from Democrats"
        if i == 0 or not raw[i][:1].islower() or w in _PREPS:
            continue
        if w in _AUX:
            return i  # "the report was", "the group has"
        if i + 1 < len(low) and _object_at(raw, low, i + 1) and (_past_like(w) or w.endswith("s")) \
                and w not in ("has", "was", "is", "as", "thus", "plus"):
            return i  # "Lee released her medical records", "Mercer says the"
    return None


def _name_verb_at(raw: list[str], low: list[str], i: int) -> bool:
    """True when word ``i`` is a present verb in -s after a name opening the phrase and before a preposition
    ("Lee apologizes for Roe", "Ann Lee comes with ..."), not a plural noun for people after a name or a
    capitalised modifier ("Vance supporters at the rally", "Democratic insiders in Ohio"). ``raw`` are the
    words as written, ``low`` their lower-case forms (tokens or words).

    >>> _name_verb_at("Lee apologizes for Roe".split(), "lee apologizes for roe".split(), 1)
    True
    >>> _name_verb_at("Lee supporters in Ohio".split(), "lee supporters in ohio".split(), 1)
    False
    """
    w = low[i]
    return 0 < i < len(low) - 1 and raw[i][:1].islower() and w.isalpha() and w.endswith("s") \
        and not w.endswith(("ss", "us", "is")) and w not in _NOT_PLURAL and w not in _SPEAKER_NOUNS \
        and low[i + 1] in _PREPS and raw[i + 1][:1].islower() \
        and all(raw[x][:1].isupper() and raw[x][1:2].islower() or raw[x] == "." for x in range(i))


def _object_at(raw: list[str], low: list[str], i: int) -> bool:
    """True when word ``i`` opens an object: a lower-case determiner or pronoun ("her", "a"), never an
    abbreviation ("US" in "anonymous US official")."""
    return low[i] in _OBJECT_OPENERS and raw[i][:1].islower()


def _clause_subject(name: str) -> str:
    """The noun phrase before the verb of a clause-like mention ("Pro-government commentators spent the day"
    -> "Pro-government commentators"), or "" when the clause has none that can name a speaker.

    >>> _clause_subject("Pro-government commentators spent the day"), _clause_subject("That's the takeaway")
    ('Pro-government commentators', '')
    >>> _clause_subject("Brandt (who has 25 delegates to date)")
    'Brandt'
    """
    at = _clause_start(name)
    if at is None:
        return name
    words = name.split()[:at]
    while words and (words[-1][:1] in "(,;:–—-" or words[-1].lower() in ("who", "which", "that", "to")):
        words = words[:-1]  # "Brandt (who has 25 delegates)": "Brandt"; "research to be released": "research"
    head = " ".join(words)
    return "" if not head or _clause_like(head) else head


def _clause_tail(name: str) -> str:
    """The last noun phrase of a clause-like antecedent, after its last verb or preposition ("the ministry's
    reaction followed a statement by the White House" -> "the White House"); "" when there is none.

    >>> _clause_tail("the ministry's reaction followed a statement by the White House")
    'the White House'
    """
    raw = name.split()
    low = [fold(w).lower().strip(".,;:") for w in raw]
    cut = max((i for i, w in enumerate(low) if raw[i][:1].islower() and (w in _PREPS or w in _AUX or _past_like(w)
                                                                        or w.endswith("s") and w not in _DETS_PLAIN)),
              default=None)
    return " ".join(raw[cut + 1:]) if cut is not None else ""


_DETS_PLAIN = frozenset({"this", "its", "his", "us"})
