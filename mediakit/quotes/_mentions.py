"""What a speaker mention looks like, read from its words alone: a pronoun phrase, a plural head, a
description owned by a possessor, an organisation's name, a titled full name, two joined names, a proper
name after "the", a name given by an apposition (used by :mod:`._speakers` to resolve mentions).

>>> _pronoun_led("His Catholic faith"), _possessed("Ashby's spokesman"), _joint_names("Ortiz and Vance")
(True, True, 'Ortiz and Vance')
"""

from __future__ import annotations

import re

from ..text import fold
from ._gazetteer import _DETS, _ORG_WORDS, _PRONOUNS, _TITLE_WORDS, _name_words, _words, name_key
from ._names import (
    _first_names,
    _head,
    _is_group,
    _is_org,
    _name_part,
    _place_words,
    _role_vocab,
)
from ._speakers_article import _same_person
from ._words import _AUX, _DOCUMENT_NOUNS, _KIN_NOUNS, _PREPS, _SPEAKER_NOUNS, _STATEMENT_HEADS, _past_like


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
    ("Nora Hale" in an article about Mark Hale).

    >>> _full_form("Hale", {"hale": "Mark Hale"}), _full_form("Nora Hale", {"hale": "Mark Hale"})
    ('Mark Hale', 'Nora Hale')

    A name cut at a middle initial's full stop ("Jo R" of "Jo R. Roe") is the one full name the article gives
    that opens with it:

    >>> _full_form("Jo R", {"roe": "Jo R. Roe", "lee": "Ann Lee"}), _full_form("Jo R", {"lee": "Ann Lee"})
    ('Jo R. Roe', 'Jo R')
    """
    words = name.split()
    if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper():
        opened = {v for v in names.values() if [w.strip(".") for w in v.split()[:len(words)]] == words
                  and len(v.split()) > len(words)}
        return opened.pop() if len(opened) == 1 else name
    best = names.get(name_key(name), name)
    if len(name.split()) > 1 and not _same_person(name, best):
        return name
    return best


_AND_WORDS = {"and", "&", "ve", "и"}
# the openers and heads of the people named with a person in one subject ("Ann Lee and her husband", "Tom Vance and
# two aides"): relatives, nouns for speakers and a few entourage nouns (set by hand)
_COMPANION_OPENERS = frozenset({"his", "her", "their", "two", "three", "four", "several"})
_COMPANION_HEADS = _KIN_NOUNS | _SPEAKER_NOUNS | {"aides", "aide", "lawyers", "lawyer", "attorneys", "attorney",
                                                  "advisers", "staff", "colleagues", "colleague", "allies", "supporters"}


def _joint_names(mention: str) -> str:
    """Two names joined by "and" in one mention ("Ortiz and Vance"), as "Name and Name"; "" otherwise.

    >>> _joint_names("Republican hopefuls Ned Bell and Chris Quinn"), _joint_names("Johnson & Johnson")
    ('Ned Bell and Chris Quinn', '')
    >>> _joint_names("Ortiz and Vance"), _joint_names("the mayor and Ted Marsh"), _joint_names("Poland and Ted Marsh")
    ('Ortiz and Vance', '', '')
    >>> _joint_names("Presidents Lena Maria Ortiz and Tom Vance")
    'Lena Maria Ortiz and Tom Vance'
    >>> _joint_names("Ann Lee and her husband"), _joint_names("Lee and her remarks")
    ('Ann Lee and her husband', '')
    """
    raw = _name_words(mention)
    cut = next((i for i, w in enumerate(raw) if w.lower() in _AND_WORDS), None)
    if cut is None or cut == 0 or cut == len(raw) - 1 or _is_org(mention):
        return ""
    left, right = _name_part(" ".join(raw[:cut])), _name_part(" ".join(raw[cut + 1:]))
    companion = raw[cut + 1:]
    if left and not right and 2 <= len(companion) <= 3 and companion[0].lower() in _COMPANION_OPENERS \
            and companion[-1].lower().strip(".,") in _COMPANION_HEADS \
            and all(w[:1].isupper() for w in raw[:cut]) and left.split()[-1] == raw[cut - 1].strip(".,"):
        # "Ann Lee and her husband", "Tom Vance and two aides": a name and the people with them, both speak
        return f"{left} and {' '.join(companion)}"
    if not left or not right or not raw[cut - 1][:1].isupper() or not raw[-1][:1].isupper() \
            or left.split()[-1] != raw[cut - 1].strip(".,"):
        return ""  # "Secretary Ana Lord and David Tran": "Lord" read as a title; not sure
    while len(left.split()) > 1 and fold(left.split()[0]).lower().rstrip("s") in _TITLE_WORDS:
        left = left.split(" ", 1)[1]  # "Presidents Lena Maria Ortiz and Tom Vance"
    if left == right or any(all(w in _place_words() for w in _words(side)) for side in (left, right)):
        return ""  # "Johnson & Johnson": one firm; "Florida and Ann Lee": a place is no speaker
    return f"{left} and {right}"


# words that make a mention a pronoun phrase, never a name, when they lead it ("I'm", "His Catholic faith",
# "This Well-Known Author", "She and Jack Fenwick")
_PRONOUN_LEADS = frozenset({"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "his",
                            "its", "their", "our", "my", "your", "this", "these", "those"})


def _pronoun_led(mention: str | None) -> bool:
    """True for a mention whose first word is a pronoun, a possessive or a demonstrative, with or without a
    contraction: no canonical name (a lone pronoun is resolved before this is asked).

    >>> _pronoun_led("I'm"), _pronoun_led("His Catholic"), _pronoun_led("She and Jack Fenwick")
    (True, True, True)
    >>> _pronoun_led("The Harbour Herald"), _pronoun_led("US State Department"), _pronoun_led("Itamar Perel")
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
    """True for a description owned by a possessor: "Ashby's spokesman", "the prime minister's spokesman",
    "Hale's campaign" (not "Daily Ledger's Ed Hollis", a name after the possessor, nor "the head of Chile's
    agency", whose possessive only qualifies the head's complement).

    >>> _possessed("Ashby’s spokesman"), _possessed("the prime minister's spokesman")
    (True, True)
    >>> _possessed("Daily Ledger's Ed Hollis"), _possessed("the spokesman"), _possessed("the head of Chile's agency")
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
    to ("Senate Minority Leader Harry Rand", "House Judiciary Committee Chairman Bob Gaddis").

    >>> _titled_name("Senate Minority Leader Harry Rand", "Harry Rand"), _titled_name("Senate Democrats", "")
    (True, False)
    >>> _titled_name("Lee campaign manager Tom Vance", "Tom Vance"), _titled_name("Harbour Party donor Ann Lee", "Ann Lee")
    (True, True)
    """
    if not name or len(name.split()) < 2 or _is_org(name):
        return False  # "the head of Chile's Procurement Directorate": the organisation itself
    raw = _name_words(mention)
    first = name.split()[0]
    at = max((i for i, w in enumerate(raw) if w.strip(".") == first.strip(".")), default=-1)
    prev = fold(raw[at - 1]).lower().strip(".") if at > 0 else ""
    # "Voss campaign manager Jeff Dorn", "Harbour Party donor Ann Lee": a role or a speaking noun
    return prev in _TITLE_WORDS or prev in _role_vocab() or prev in _SPEAKER_NOUNS and raw[at - 1][:1].islower()


def _appositive_name(mention: str, appos: str) -> str:
    """The person's name an apposition gives to a description with no name of its own, or "".

    >>> _appositive_name("his top aide", "Tad Finch"), _appositive_name("The city’s mayor", "Ann Lee")
    ('Tad Finch', 'Ann Lee')
    >>> _appositive_name("Ann Lee", "the mayor"), _appositive_name("the mayor", "a former teacher")
    ('', '')
    >>> _appositive_name("the ministry", "Harbour Council")
    ''
    >>> _appositive_name("his campaign manager", "Ann Lee")  # an organisation's person, not the organisation
    'Ann Lee'
    >>> _appositive_name("a third", "Jo Roe"), _appositive_name("critics", "Jo Roe")
    ('Jo Roe', '')
    """
    appos = " ".join(appos.split()).strip(" ,")
    if not appos or _name_part(mention) and not _possessed(mention) or _head(mention) in _ORG_WORDS \
            or _is_group(mention) and _plural_head(_head(mention)):
        return ""  # (a count of one is a person: "And a third, Jo Roe, said")
    raw = _name_words(appos)
    name = _name_part(appos)
    if not name or len(name.split()) < 2 or len(raw) > 4 or not all(w[:1].isupper() for w in raw) \
            or _is_org(appos) or name != appos.strip(".") or len(raw[-1].strip(".")) == 1:
        return ""  # "Andrew J": an apposition cut at an initial's full stop
    return name


def _proper_name(mention: str) -> bool:
    """ "The White House", "the Chicago Police Department": two capitalised words after the article make a
    name, never a description of an earlier speaker (unlike "the ministry", "the German ministry" or "the head
    of Chile's Procurement Directorate"). So does an acronym ("The HBC", "the DNC"), even one that roles
    use ("DNC chair"): a body's short name, never a person described with it ("Ann Lee, a regular guest on
    the HBC" does not make "The HBC" Ann Lee). One capitalised word is no name ("the Senator", "the
    Republican", and "the Herald", which may stand for "The Harbour Herald" named before).

    >>> _proper_name("The White House"), _proper_name("The HBC"), _proper_name("the DNC")
    (True, True, True)
    >>> _proper_name("the German ministry"), _proper_name("the Senator"), _proper_name("the Herald")
    (False, False, False)
    >>> _proper_name("the younger Mr. Roe")
    True
    """
    raw = _name_words(mention)
    if raw and raw[0].lower() in _DETS:
        raw = raw[1:]
    if any(fold(w).lower().strip(".") in ("mr", "mrs", "ms", "dr") and nxt[:1].isupper() for w, nxt in zip(raw, raw[1:])):
        return True  # "the younger Mr. Roe": a person named, not described
    if len(raw) == 1 and len(_name_words(mention)) == 2:
        word = raw[0].strip(".,’'")
        return len(word) > 1 and word.isupper() and word.isalpha()
    return bool(raw) and raw[0][:1].isupper() and sum(w[:1].isupper() for w in raw) >= 2


# ---------------------------------------------------------------- the canonical name a user sees
# heads of an event, a result or a quality: no one speaks through them ("Monday night's results", "Hale's
# inexperience", "the rupture over ...", "News footage from the scene")
_EVENT_HEADS = frozenset({
    "results", "result", "footage", "inexperience", "rupture", "victory", "defeat", "loss", "win", "plight",
    "situation", "temperament", "ability", "role", "manner", "decision", "coverage", "integration", "language",
    "stridency", "reaction", "response", "rhetoric", "attacks", "name", "debate", "primary", "caucus", "outcome",
    "election", "race", "crisis", "scandal", "controversy", "incident", "scene", "move", "push", "failure",
    "success", "performance", "experience", "record", "history", "career", "behavior", "behaviour", "style",
    "tone", "approach", "strategy", "policy", "policies", "plan", "platform", "agenda", "fire-breathing"})
_WEEKDAYS_MONTHS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                              "january", "february", "march", "april", "june", "july", "august", "september",
                              "october", "november", "december"})
_MONTHS = frozenset({"january", "february", "march", "april", "june", "july", "august", "september", "october",
                     "november", "december"})
_LOWER_TIME = frozenset({"week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "day",
                         "today", "yesterday", "tonight"})
_TIME_OPENERS = frozenset({"on", "at", "in", "last", "this", "late", "early", "earlier", "next", "a", "that"})
_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "de", "van", "von", "al", "el", "bin", "la", "le", "da",
                         "di", "du", "ter", "&"})
# adverbs and conjunctions opening a sentence, never a name's first word (not the stop-word lists: "Jan",
# "April", "Most Democrats" must stay)
_SENTENCE_ADVERBS = frozenset({"perhaps", "maybe", "possibly", "probably", "certainly", "surely", "clearly",
                               "plus", "but", "and", "also", "meanwhile", "however", "yet", "indeed",
                               "instead", "moreover", "furthermore", "finally", "still"})
# lower-case words before a name that count or place it, not describe it ("both the United States", "most ...")
_LEAD_NOT_MODIFIER = frozenset({"both", "most", "all", "some", "many", "several", "few", "each", "every", "any",
                                "no", "other", "another", "only", "even", "also", "just", "than", "and", "or"})
_POSSESSIVE = re.compile(r"^(.*\w)(?:['’]s|s['’])$")


def _owner(word: str) -> str:
    """A possessor without its possessive ending: "Lee's" -> "Lee", "Voss’" -> "Voss"."""
    return re.sub(r"(?<=s)['’]$|['’]s$", "", word)


def _strip_time(toks: list[str]) -> list[str]:
    """``toks`` without a closing time phrase ("St. Paul City Council on Wednesday", "Ann Lee last week"); a
    month right after a capitalised word is a surname ("Tom March"), not a date.

    >>> _strip_time("Ann Lee last week".split()), _strip_time("Tom March".split()), _strip_time("Lee in March".split())
    (['Ann', 'Lee'], ['Tom', 'March'], ['Lee'])
    """
    k = len(toks)
    while k > 1 and (fold(toks[k - 1]).lower().strip(".,") in _WEEKDAYS_MONTHS
                     and not (fold(toks[k - 1]).lower().strip(".,") in _MONTHS and toks[k - 2][:1].isupper())
                     or toks[k - 1].islower() and toks[k - 1].strip(".,") in _LOWER_TIME):
        k -= 1
    if k < len(toks):
        while k > 1 and toks[k - 1].islower() and toks[k - 1] in _TIME_OPENERS:
            k -= 1
    return toks[:k]


def _agent_name(toks: list[str]) -> str:
    """The name after "by" closing a description ("a report ... by the Harbour Council" -> "Harbour Council"),
    or ""."""
    at = max((i for i, w in enumerate(toks) if w == "by"), default=None)
    if at is None:
        return ""
    rest = toks[at + 1:]
    while rest and rest[0].lower() in _DETS:
        rest = rest[1:]
    if rest and rest[0][:1].isupper() and all(w[:1].isupper() or w in _NAME_LINKS for w in rest):
        return " ".join(rest)
    return ""


def _canonical_name(name: str | None) -> str | None:
    """The canonical speaker name a user sees (see :func:`_canonical_words`), a body a person leads written one
    way however the possessive is spelled: "Lee's campaign", "Lee’s campaign" and "Lee campaign" are all "Lee
    campaign", "Rep. Jo Roe's office" is "Jo Roe office".

    >>> _canonical_name("Lee’s campaign"), _canonical_name("Voss' campaign"), _canonical_name("Rep. Jo Roe's office")
    ('Lee campaign', 'Voss campaign', 'Jo Roe office')
    >>> _canonical_name("Lee's chief of staff"), _canonical_name("much of Ann Lee's team")
    ("Lee's chief of staff", "much of Ann Lee's team")
    """
    out = _canonical_words(name)
    m = _OWNED_BODY.match(out) if out else None
    if m and all(w[:1].isupper() or fold(w).lower().strip(".,") in _role_vocab() for w in m.group(1).split()):
        # (not "much of Mark Hale's team", "Roe put her finger on one facet of Lee's campaign": a clause)
        owner = _name_part(m.group(1))
        if owner:
            return f"{owner} {m.group(2)}"
    return out


# a body a person leads, named with the person's possessive
_OWNED_BODY = re.compile(r"^(.*\w)(?:['’]s|(?<=s)['’]) (campaign|office|administration|staff|team)$")


def _canonical_words(name: str | None) -> str | None:
    """The canonical speaker name a user sees, from the words resolution gave: no closing time phrase, verb or
    preposition ("St. Paul City Council on Wednesday", "President Ann Lee spent", "Lee landed himself in hot
    water last week by"), no lower-case modifier before a proper name ("nonpartisan Harbour Budget Office"), no
    headline word glued before "The" ("Enter The Harbour Post"); a person's statement or event is the person
    ("Director Ann Lee's news conference"), a body named after a possessor is the body; an event, result,
    quality ("Monday night's results", "Lee's inexperience") or gerund phrase ("Adopting the recommendations of
    a hearing officer") is no name (None). Anything else is returned as it is.

    >>> _canonical_name("Harbour City Council on Wednesday"), _canonical_name("President Ann Lee spent")
    ('Harbour City Council', 'President Ann Lee')
    >>> _canonical_name("Lee landed himself in deep trouble last month by")
    'Lee'
    >>> _canonical_name("nonpartisan Harbour Budget Office"), _canonical_name("fact-checking site Truthmeter")
    ('Harbour Budget Office', 'Truthmeter')
    >>> _canonical_name("Enter The Harbour Post"), _canonical_name("Director Ann Lee's news conference")
    ('The Harbour Post', 'Ann Lee')
    >>> _canonical_name("Monday night’s results"), _canonical_name("Adopting the recommendations of a panel")
    (None, None)
    >>> _canonical_name("Chancellor Ann Lee's center-right Harbour Union"), _canonical_name("Lee's campaign")
    ('Harbour Union', 'Lee campaign')
    >>> _canonical_name("anonymous US official"), _canonical_name("USA Ledger"), _canonical_name("Carol May")
    ('anonymous US official', 'USA Ledger', 'Carol May')
    >>> _canonical_name("Ann Lee's Facebook post"), _canonical_name("On Lee"), _canonical_name("Perhaps Harbour City")
    ('Ann Lee', None, 'Harbour City')
    >>> _canonical_name("Mr. Lee on Harbourland by"), _canonical_name("Council on Harbour Relations")
    ('Mr. Lee', 'Council on Harbour Relations')
    >>> _canonical_name("13 in Lakeside"), _canonical_name("2010 to 2013 the Harbour Party")
    (None, 'Harbour Party')
    """
    if not name:
        return name
    toks = name.split()
    low0 = fold(toks[0]).lower()
    if low0 in ("anonymous", "unnamed"):
        return name
    # a capitalised word opening the sentence that never opens a name: a preposition leads a topic ("On
    # Hale", the rest of a headline "HBC President On Hale"), an adverb or conjunction is dropped ("Perhaps
    # Poland", "Plus Democrats")
    first = fold(toks[0]).lower().strip(".,;:")
    if len(toks) > 1 and toks[0][:1].isupper() and not toks[0].isupper() and first not in _DETS \
            and first not in _first_names():
        if first in _PREPS and toks[1][:1].isupper() and first != "about":
            return None  # not "About 40 rabbis" (a count)
        if first in _SENTENCE_ADVERBS and toks[1][:1].isupper():
            toks = toks[1:]
    # a person's super PAC is the PAC, never the person: "Former Ann Lee Super PAC Chief" -> "Ann Lee Super PAC"
    pac = next((i for i in range(1, len(toks)) if toks[i] == "PAC" and toks[i - 1].lower() == "super"), None)
    if pac is not None and pac >= 2 and all(w[:1].isupper() for w in toks[:pac]):
        toks = toks[:pac + 1]
        while len(toks) > 4 and fold(toks[0]).lower().strip(".") in _TITLE_WORDS | {"former"}:
            toks = toks[1:]
    # a headline word glued before "The": "Enter The Harbour Herald"
    the = next((i for i in range(1, len(toks) - 1) if toks[i] == "The"), None)
    if the is not None and all(w[:1].isupper() and w.isalpha() and fold(w).lower() not in _PRONOUNS
                               and fold(w).lower() not in _DETS for w in toks[:the]):
        toks = toks[the:]
    # a closing time phrase, preposition or verb: "... on Wednesday", "... last week by", "Ann Lee spent"
    prev = None
    while toks != prev:
        prev = toks
        toks = _strip_time(toks)
        while len(toks) > 1 and toks[-1].islower() and toks[-1] in _PREPS:
            toks = toks[:-1]
    verb = next((i for i in range(1, len(toks)) if toks[i].islower() and toks[i].isalpha()
                 and (_past_like(toks[i]) or toks[i] in _AUX) and not _POSSESSIVE.match(toks[i - 1])
                 and all(w[:1].isupper() or w in _NAME_LINKS for w in toks[:i])), None)
    if verb is not None:
        toks = toks[:verb]
        while toks and toks[-1] in _NAME_LINKS:
            toks = toks[:-1]
        if not toks:
            return None
    if len(toks) > 1 and toks[-1][:1].isupper() and _POSSESSIVE.match(toks[-1]):
        toks = [*toks[:-1], _owner(toks[-1])]  # "Lee's" (its noun cut as a verb)
    # a person's name and a topic or place after it: "Mr. Roe on Harbourland", "Ann Lee in Paris"
    at = next((i for i in range(2, min(len(toks) - 1, 4)) if toks[i] in ("on", "in", "at")), None)
    if at is not None and all(w[:1].isupper() for w in toks[:at]) and not _POSSESSIVE.match(toks[at - 1]) \
            and (fold(toks[0]).lower().strip(".") in ("mr", "mrs", "ms", "dr") or fold(toks[0]).lower() in _first_names()):
        toks = toks[:at]
    # a body "in" a place: "Harbour Memorial Museum in Lakeside" is the museum
    at = next((i for i in range(2, len(toks) - 1) if toks[i] == "in"), None)
    if at is not None and all(w[:1].isupper() and not _POSSESSIVE.match(w) for w in toks[:at]) \
            and all(w[:1].isupper() for w in toks[at + 1:]) and fold(toks[0]).lower() not in _DETS:
        toks = toks[:at]
    if len(toks) > 2 and toks[0].isdigit() and toks[1] in ("in", "on", "at"):
        return None  # "Nov. 13 in Paris": a date and a place, no one
    # a span of years before the name: "From 2010 to 2013 the Harbour Party"
    the = next((i for i in range(1, len(toks) - 1) if toks[i].lower() == "the"), None)
    if the is not None and toks[0].isdigit() and all(w.isdigit() or w.islower() for w in toks[:the]):
        toks = toks[the + 1:]
    low = [fold(w).lower().strip(".,;:") for w in toks]
    if len(toks) > 1 and low[0].endswith("ing") and len(low[0]) > 5 and "-" not in low[0] and toks[1].islower() \
            and low[0] not in _first_names():
        return None  # "Adopting the recommendations of a hearing officer", "Holding signs"
    # a possessor and what is theirs: "Ann Lee's news conference", "Ann Lee's center-right Harbour Union"
    own = next((i for i in range(len(toks) - 1) if toks[i][:1].isupper() and _POSSESSIVE.match(toks[i])), None)
    if own is not None:
        rest = toks[own + 1:]
        k = next((j for j, w in enumerate(rest) if w[:1].isupper()), None)
        if k is not None and 0 < k <= 2 and len(rest) - k >= 2 and not any(w in _PREPS for w in rest[:k]) \
                and all(w[:1].isupper() or w in _NAME_LINKS for w in rest[k:]):
            return " ".join(rest[k:])  # the body the possessor leads
        if k == 0 and len(rest) > 1 and rest[-1] in _STATEMENT_HEADS and all(w[:1].isupper() for w in rest[:-1]):
            # "Roe's Facebook post", "Roe's Senate testimony": the possessor speaks
            return _name_part(" ".join([*toks[:own], _owner(toks[own])])) or None
        if k is None or any(w in _PREPS for w in rest[:k]):
            # "Mr. Roe's reaction to the attacks in Harbourland": what the possessor said, not a place's name
            cut = next((j for j, w in enumerate(rest) if j > 0 and w in _PREPS), len(rest))
            head = fold(rest[cut - 1]).lower().strip(".,;:")
            if head in _STATEMENT_HEADS:
                return _name_part(" ".join([*toks[:own], _owner(toks[own])])) or None
            if head in _EVENT_HEADS:
                return None
        return " ".join(toks)
    # a description led by a common noun: "the rupture over Mr. Mercer", "a report ... by the Harbour Council"
    prep = next((i for i in range(1, len(toks)) if toks[i].islower() and toks[i] in _PREPS), None)
    head = low[prep - 1] if prep is not None else low[-1]
    if (toks[prep - 1] if prep is not None else toks[-1]).islower():
        agent = _agent_name(toks)
        if agent and any(w in _STATEMENT_HEADS or w in _EVENT_HEADS or w in _DOCUMENT_NOUNS for w in low):
            return agent
        at = prep - 1 if prep is not None else len(low) - 1
        if head in _EVENT_HEADS and not (at > 0 and low[at - 1] in _DOCUMENT_NOUNS):
            return None  # "the rupture over ...", not "entrance poll results" (a document's findings)
        if prep is not None and toks[0].islower() and any(w[:1].isupper() for w in toks[prep:]):
            return None  # "government in Beijing", "critics in the United States": a description
    # lower-case modifiers before a proper name: "nonpartisan Congressional Budget Office"
    if toks[0].islower() and toks[0] not in _NAME_LINKS:
        k = next((j for j, w in enumerate(toks) if w[:1].isupper()), None)
        if k is not None and k <= 2 and not any(w in _PREPS or w in _DETS or w in _LEAD_NOT_MODIFIER
                                                or not w.replace("-", "").isalpha() for w in toks[:k]) \
                and (len(toks) - k >= 2 or not toks[k].isupper()) \
                and all(w[:1].isupper() or w in _NAME_LINKS for w in toks[k:]):
            return " ".join(toks[k:])
    return " ".join(toks)
