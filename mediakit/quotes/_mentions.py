"""What a speaker mention looks like, read from its words alone: a pronoun phrase, a plural head, a
description owned by a possessor, an organisation's name, a titled full name, two joined names, a proper
name after "the", a name given by an apposition (used by :mod:`._speakers` to resolve mentions).

>>> _pronoun_led("His Catholic faith"), _possessed("Cameron's spokesman"), _joint_names("Ortiz and Vance")
(True, True, 'Ortiz and Vance')
"""

from __future__ import annotations

import re

from ..text import fold
from ._gazetteer import _DETS, _ORG_WORDS, _TITLE_WORDS, _name_words, _words, name_key
from ._names import _head, _is_group, _is_org, _name_part, _place_words, _role_vocab
from ._speakers_article import _same_person
from ._words import _PREPS, _SPEAKER_NOUNS


def _complement_of_name(text: str, pos: int) -> bool:
    """True when the capitalised words at ``pos`` follow a name and a preposition ("Gov. Ann Lee of Ohio",
    "Tom Vale at Harbour Bank"): the name's place or body, no speaker of its own.

    >>> text = "Gov. Ann Lee of Ohio said it. The research of Ann Lee showed it."
    >>> _complement_of_name(text, text.index("Ohio")), _complement_of_name(text, text.index("Ann Lee showed"))
    (True, False)
    """
    before = text[max(0, pos - 60):pos].split()
    return len(before) >= 2 and before[-1].lower() in _PREPS and before[-2][:1].isupper()


def _full_form(name: str, names: dict[str, str]) -> str:
    """The article's full form of ``name``: the full name it gives that surname when ``name`` is the bare
    surname or a spelling of the same person; a full name of someone else of that surname stays itself
    ("Melania Trump" in an article about Donald Trump).

    >>> _full_form("Trump", {"trump": "Donald Trump"}), _full_form("Melania Trump", {"trump": "Donald Trump"})
    ('Donald Trump', 'Melania Trump')
    """
    best = names.get(name_key(name), name)
    if len(name.split()) > 1 and not _same_person(name, best):
        return name
    return best


_AND_WORDS = {"and", "&", "ve", "и"}


def _joint_names(mention: str) -> str:
    """Two names joined by "and" in one mention ("Ortiz and Vance"), as "Name and Name"; "" otherwise.

    >>> _joint_names("Republican hopefuls Jeb Bush and Chris Christie"), _joint_names("Johnson & Johnson")
    ('Jeb Bush and Chris Christie', '')
    >>> _joint_names("Ortiz and Vance"), _joint_names("the mayor and Ted Cruz"), _joint_names("Russia and Ted Cruz")
    ('Ortiz and Vance', '', '')
    >>> _joint_names("Presidents Lena Maria Ortiz and Tom Vance")
    'Lena Maria Ortiz and Tom Vance'
    """
    raw = _name_words(mention)
    cut = next((i for i, w in enumerate(raw) if w.lower() in _AND_WORDS), None)
    if cut is None or cut == 0 or cut == len(raw) - 1 or _is_org(mention):
        return ""
    left, right = _name_part(" ".join(raw[:cut])), _name_part(" ".join(raw[cut + 1:]))
    if not left or not right or not raw[cut - 1][:1].isupper() or not raw[-1][:1].isupper() \
            or left.split()[-1] != raw[cut - 1].strip(".,"):
        return ""  # "Secretary Ellen Lord and David Trachtenberg": "Lord" read as a title; not sure
    while len(left.split()) > 1 and fold(left.split()[0]).lower().rstrip("s") in _TITLE_WORDS:
        left = left.split(" ", 1)[1]  # "Presidents Lena Maria Ortiz and Tom Vance"
    if left == right or any(all(w in _place_words() for w in _words(side)) for side in (left, right)):
        return ""  # "Johnson & Johnson": one firm; "Florida and Hillary Clinton": a place is no speaker
    return f"{left} and {right}"


# words that make a mention a pronoun phrase, never a name, when they lead it ("I'm", "His Catholic faith",
# "This Well-Known Author", "She and Jack Goldsmith")
_PRONOUN_LEADS = frozenset({"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "his",
                            "its", "their", "our", "my", "your", "this", "these", "those"})


def _pronoun_led(mention: str | None) -> bool:
    """True for a mention whose first word is a pronoun, a possessive or a demonstrative, with or without a
    contraction: no canonical name (a lone pronoun is resolved before this is asked).

    >>> _pronoun_led("I'm"), _pronoun_led("His Catholic"), _pronoun_led("She and Jack Goldsmith")
    (True, True, True)
    >>> _pronoun_led("The New York Times"), _pronoun_led("US State Department"), _pronoun_led("Itzhak Perlman")
    (False, False, False)
    """
    first = str(mention or "").split()[:1]
    if not first or len(first[0]) > 1 and first[0].isupper():
        return False  # "US State Department", "IT": an abbreviation
    w = re.sub(r"['’](m|s|re|ve|ll|d)$", "", first[0].lower())
    return w in _PRONOUN_LEADS


def _plural_head(head: str) -> bool:
    """True for the plural of a noun for people ("confidants", "aides", "officials"; not "boss", "analysis").

    >>> _plural_head("confidants"), _plural_head("aides"), _plural_head("spokesman"), _plural_head("boss")
    (True, True, False, False)
    """
    return len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))


def _possessed(mention: str) -> bool:
    """True for a description owned by a possessor: "Cameron's spokesman", "the prime minister's spokesman",
    "Trump's campaign" (not "Fox News's Ed Henry", a name after the possessor, nor "the head of Turkey's
    agency", whose possessive only qualifies the head's complement).

    >>> _possessed("Cameron’s spokesman"), _possessed("the prime minister's spokesman")
    (True, True)
    >>> _possessed("Fox News's Ed Henry"), _possessed("the spokesman"), _possessed("the head of Turkey's agency")
    (False, False, False)
    """
    raw = _name_words(mention)
    at = next((i for i, w in enumerate(raw[:-1]) if re.search(r"['’]s$", w)), None)
    return at is not None and not any(w[:1].isupper() for w in raw[at + 1:]) \
        and not any(w.lower() in ("of", "for", "at", "to", "in") for w in raw[:at])


def _org_mention(mention: str, name: str) -> bool:
    """True when a mention names an organisation rather than the titled person ``name`` in it."""
    return _is_org(mention) and not _titled_name(mention, name)


def _titled_name(mention: str, name: str) -> bool:
    """True when a person's full name follows a title in the mention, whatever organisation the title belongs
    to ("Senate Minority Leader Harry Reid", "House Judiciary Committee Chairman Bob Goodlatte").

    >>> _titled_name("Senate Minority Leader Harry Reid", "Harry Reid"), _titled_name("Senate Democrats", "")
    (True, False)
    >>> _titled_name("Lee campaign manager Tom Vance", "Tom Vance"), _titled_name("Harbour Party donor Ann Lee", "Ann Lee")
    (True, True)
    """
    if not name or len(name.split()) < 2 or _is_org(name):
        return False  # "the head of Turkey's Defense Industry Directorate": the organisation itself
    raw = _name_words(mention)
    first = name.split()[0]
    at = max((i for i, w in enumerate(raw) if w.strip(".") == first.strip(".")), default=-1)
    prev = fold(raw[at - 1]).lower().strip(".") if at > 0 else ""
    # "Sanders campaign manager Jeff Weaver", "Harbour Party donor Ann Lee": a role or a speaking noun
    return prev in _TITLE_WORDS or prev in _role_vocab() or prev in _SPEAKER_NOUNS and raw[at - 1][:1].islower()


def _appositive_name(mention: str, appos: str) -> str:
    """The person's name an apposition gives to a description with no name of its own, or "".

    >>> _appositive_name("his top aide", "Tad Devine"), _appositive_name("The city’s mayor", "Ann Lee")
    ('Tad Devine', 'Ann Lee')
    >>> _appositive_name("Ann Lee", "the mayor"), _appositive_name("the mayor", "a former teacher")
    ('', '')
    >>> _appositive_name("the ministry", "Harbour Council")
    ''
    >>> _appositive_name("his campaign manager", "Ann Lee")  # an organisation's person, not the organisation
    'Ann Lee'
    """
    appos = " ".join(appos.split()).strip(" ,")
    if not appos or _name_part(mention) and not _possessed(mention) or _head(mention) in _ORG_WORDS \
            or _is_group(mention):
        return ""
    raw = _name_words(appos)
    name = _name_part(appos)
    if not name or len(name.split()) < 2 or len(raw) > 4 or not all(w[:1].isupper() for w in raw) \
            or _is_org(appos) or name != appos.strip(".") or len(raw[-1].strip(".")) == 1:
        return ""  # "Andrew J": an apposition cut at an initial's full stop
    return name


def _proper_name(mention: str) -> bool:
    """ "The White House", "the Chicago Police Department": two capitalised words after the article make a
    name, never a description of an earlier speaker (unlike "the ministry", "the Turkish ministry" or "the head
    of Turkey's Defense Industry Directorate")."""
    raw = _name_words(mention)
    if raw and raw[0].lower() in _DETS:
        raw = raw[1:]
    return bool(raw) and raw[0][:1].isupper() and sum(w[:1].isupper() for w in raw) >= 2
