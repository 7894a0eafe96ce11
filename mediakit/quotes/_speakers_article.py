"""The people an article names in full, found before its speakers are resolved: a bare surname ("Lusk said")
is the one person the article names in full with it ("Rep. Stephen Lusk"), quoted or not; a surname the
article gives two people ("Lamont Ferris", "Tavia Ferris") names neither, unless one is the article's main
person. Resolution (:mod:`._speakers`) uses it so that no other article's namesake can claim a mention; and
the people an article describes at a sentence's start ("The senator voted no."), whom a later "he" may mean.

>>> names = {}
>>> _full_names_in_text("Rep. Stephen Lusk spoke. Lusk said no.", names), names["lusk"]
({}, 'Stephen Lusk')
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

from .._yaml import load_yaml
from ..text import fold, sentence_spans
from ._gazetteer import (
    _HUMAN_HEADS,
    _ORG_WORDS,
    _TITLE_WORDS,
    _name_words,
    _norm,
    name_key,
    name_suffix,
)
from ._names import (
    _NAME_LEAD_WORDS,
    _common,
    _first_names,
    _function_words,
    _glued_form,
    _is_group,
    _is_org,
    _name_part,
    _role_vocab,
    _same_given,
)
from ._speakers_typing import _KIN, _after_literal

_CAPS_RUN_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+")


_NAME_ABBREVIATIONS = {"jr", "sr", "st"}


def _given_first(form: str) -> bool:
    """True when a full form opens with a known given name or an initial ("Ann Lee", "J. Roe").

    >>> _given_first("Ann Lee"), _given_first("Understated Pardo"), _given_first("J. Roe")
    (True, False, True)
    """
    first = fold(form.split()[0]).lower().strip(".") if form.split() else ""
    return len(first) <= 1 or first in _first_names()


def _caps_runs(text: str, with_offsets: bool = False) -> list:
    """Runs of capitalised words that may be names, cut at sentence ends ("... Policy." and "Kaplan" on
    the next line are two runs): after a line break or a word ending with a full stop that is neither an initial ("J.") nor a
    title ("Sen.", "Jr.").

    >>> _caps_runs("Defence Policy.\\n\\nKaplan Said no. Sen. John F. Kerrigan")
    [['Defence', 'Policy.'], ['Kaplan', 'Said'], ['Sen.', 'John', 'F.', 'Kerrigan']]
    >>> _caps_runs("The U.S. District Judge Carlton W. Rivers ruled.")[-1]
    ['Carlton', 'W.', 'Rivers']

    With ``with_offsets``, each run comes with the offset of the match it was cut from.
    """
    runs = []
    prev = None
    for m in _CAPS_RUN_RE.finditer(text):
        run: list[str] = []
        at = m.start()  # where the current line of the match starts
        first = m.group(0).split(None, 1)[0]
        if prev is not None and len(first) == 2 and first.endswith(".") and prev.end() < m.start() \
                and text[prev.end():m.start()].isspace() and "\n" not in text[prev.end():m.start()]:
            # "U.S. District Judge Carlton W. Rivers", longer than one match: the given name before the initial
            # opens the next run ("Carlton W. Rivers", not "W. Rivers")
            run.append(prev.group(0).split()[-1])
        prev = m
        for line_no, line in enumerate(m.group(0).split("\n")):
            if line_no:
                if run:
                    runs.append((run, at))
                    run = []
                at += len(m.group(0).split("\n")[line_no - 1]) + 1
            for w in line.split():
                run.append(w)
                core = fold(w).lower().strip(".")
                if w.endswith(".") and len(core) > 1 and core not in _TITLE_WORDS and core not in _NAME_ABBREVIATIONS:
                    runs.append((run, at))
                    run = []
        if run:
            runs.append((run, at))
    return runs if with_offsets else [r for r, _p in runs]


class _ArticleNames(dict):
    """Surname key -> the one full name an article gives that surname; ``ambiguous`` holds the keys of
    surnames it gives two or more people ("Lamont Ferris" and "Tavia Ferris"): a bare "Ferris" there stays
    unresolved, within the article and across the corpus."""

    def __init__(self) -> None:
        super().__init__()
        self.ambiguous: dict[str, list[str]] = {}


# a bare surname the article gives two people is the main one's when the article names that one in full at
# least twice and at least twice as often as the other ("Bobby Hurst" five times, "Tim Hurst" once); tuned on
# PolNeAR train (bench/quotes.py), checked on s400
DOMINANT_MIN = 2


DOMINANT_RATIO = 2


def _persons(forms) -> list[list[str]]:
    """Full forms of one surname grouped into people (a form joins a person when it is a shorter or
    longer spelling of one of its forms: :func:`_same_person`).

    >>> _persons(["Keith Lamont Ferris", "Lamont Ferris", "Tavia Ferris"])
    [['Keith Lamont Ferris', 'Lamont Ferris'], ['Tavia Ferris']]
    """
    persons: list[list[str]] = []
    for f in sorted(forms, key=lambda f: (-len(f.split()), f)):
        home = next((p for p in persons if any(_same_person(f, g) for g in p)), None)
        if home is None:
            persons.append([f])
        else:
            home.append(f)
    return persons


def _same_person(a: str, b: str) -> bool:
    """True when one full form is a shorter spelling of the other: its words (initials left out) are all
    in the other ("Lamont Ferris" of "Keith Lamont Ferris", "Mark Hale" of "Mark J. Hale"), a short form
    of the given name counting as the name ("Ben Lee" of "Benjamin L. Lee").

    >>> _same_person("Ben Lee", "Benjamin L. Lee"), _same_person("Ben Lee", "Bob Lee")
    (True, False)
    """
    if name_suffix(a) != name_suffix(b):
        return False  # "Mark Hale Jr." is not "Mark Hale"
    na, nb = _norm(a).split(), _norm(b).split()
    if len(na) > 1 and len(nb) > 1 and na[0] != nb[0] and _same_given(na[0], nb[0]):
        nb = [na[0]] + nb[1:]  # "Ben" and "Benjamin": one given name
    wa, wb = ({w for w in x if len(w) > 1} for x in (na, nb))
    return wa <= wb or wb <= wa


# most characters of an article's first line read as its headline
_HEADLINE_MAX_CHARS = 200
_MAX_NAME_WORDS = 4  # "Jose Luis Ortiz Jr": longer capitalised runs are headlines ("Minority Outreach Undone By Hale")


def _looks_like_full_name(name: str, lower_words: set[str] | frozenset[str]) -> bool:
    """True when a capitalised run reads as a person's full name: at most four words, not in capitals, and
    a first word that is no role or party word ("Republican Hale") and that the text never writes in
    lower case (``lower_words``: a common word at the start of a headline or sentence: "Stop Hale").

    >>> lower = _lower_words("Stop Hale, they chanted; we will stop him. Republican Mark Hale spoke.")
    >>> [_looks_like_full_name(n, lower) for n in ("Stop Hale", "Republican Mark Hale", "Mark Hale")]
    [False, False, True]
    """
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or name.isupper():
        return False
    low = fold(words[0]).lower().strip(".")
    if low in _role_vocab() or low in _function_words() or low in _NAME_LEAD_WORDS:
        return False  # "Despite Vasari's insistence": a preposition opens no name
    return words[0].lower() not in lower_words


def _lower_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case."""
    return {w.rstrip(".") for w in _name_words(text) if w[:1].islower()}


# last words of a firm's or body's name beyond the organisation words ("Grand Central Publishing", "Harbour Press")
_ORG_TAILS = frozenset({"publishing", "publishers", "press", "books", "media", "partners", "holdings", "capital",
                        "entertainment", "records", "studios", "pictures", "airlines", "industries", "enterprises",
                        "communications", "systems", "technologies", "labs", "co", "llc", "ltd", "plc"})


# particles of surnames, written in lower case inside a name ("de Luca", "van Buren")
_PARTICLES = frozenset({"de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "du", "al", "el",
                        "bin", "ibn", "ter", "st", "st."})


# prepositions, pronouns and auxiliaries, never inside a person's name ("Photo From Debate", "Words On Them",
# "Was Lee"); not the modals, which are names too ("Yin Myint May")
_HEADLINE_WORDS = frozenset({"on", "from", "to", "in", "at", "with", "for", "by", "about", "over", "after", "before",
                             "them", "him", "her", "us", "it", "is", "was", "are", "were", "has", "have", "does",
                             "did", "the", "a", "an"})


# up to three capitalised words after a name ("Grand Central" + " Publishing")
_CAPS_AFTER_RE = re.compile(r"((?:\s+[A-Z][\w&’'-]*){1,3})")


@lru_cache(maxsize=64)
def _lower_words_of(text: str) -> frozenset[str]:
    return frozenset(_lower_words(text))


def _thing_name(name: str, text: str) -> str:
    """"org" or "thing" for a capitalised name that is no person's, "" for one that may be: a name opening a
    longer organisation's name in the text ("Grand Central" of "Grand Central Publishing") is that
    organisation; a name whose first word is no given name and one the text writes in lower case is
    capitalised common words ("Exclusive Excerpt" over an "exclusive excerpt", "Was Lee" in a headline; not
    "Tina Small" over "small firms").

    >>> text = "Grand Central Publishing agreed. Grand Central won. An exclusive excerpt. Exclusive Excerpt."
    >>> _thing_name("Grand Central", text), _thing_name("Exclusive Excerpt", text), _thing_name("Ann Lee", text)
    ('org', 'thing', '')
    """
    words = name.split()
    if len(words) < 2 or _given_first(name) or fold(words[0]).lower().strip(".") in _TITLE_WORDS \
            or fold(words[0]).lower().strip(".") in _role_vocab():
        return ""  # "Admiral Dunmore": a titled person
    longer = _after_literal(text, name, _CAPS_AFTER_RE, not_before="’'-")
    if longer and (_is_org(longer.group(1)) or any(w.lower() in _ORG_TAILS for w in longer.group(1).split())):
        return "org"
    lower = _lower_words_of(text)
    first = words[0]
    if first.lower() in _PARTICLES:
        return ""  # "De Luca"
    if any(w.lower() in _HEADLINE_WORDS for w in words[1:]):
        return "thing"  # "Photo From Debate Surfaces", "Words On Them": a headline's words
    return "thing" if fold(first).lower().strip(".,") in lower or first.lower() in lower else ""


class _Known(set):
    """Full names an article gives, with the words it writes in lower case (``lower``)."""

    lower: set[str] | frozenset[str] = frozenset()


def _full_names_in_text(text: str, names: dict[str, str]) -> dict[str, list[str]]:
    """Resolve within the article first: a speaker named by surname alone ("Lusk said") is the person
    the article names in full with that surname ("Rep. Stephen Lusk"), when it names exactly one such
    person, even where that person is not quoted. Fills ``names`` (surname key -> full name) in place, so
    that no other article's namesake can claim the mention, and returns the surnames the article gives
    two or more people, each with one full form per person (those are dropped from ``names``: a bare
    mention of them names no one).

    >>> names = {}
    >>> _full_names_in_text("Rep. Stephen Lusk of Boston spoke. Later Lusk said no.", names)
    {}
    >>> names["lusk"]
    'Stephen Lusk'
    >>> names = {"jarvis": "Jim Jarvis"}
    >>> _full_names_in_text("Jim Jarvis and Chuck Jarvis met. Jarvis said no.", names), "jarvis" in names
    ({'jarvis': ['Chuck Jarvis', 'Jim Jarvis']}, False)

    Where one of them is the article's main person (named in full at least ``DOMINANT_RATIO`` times as
    often as any other, and at least ``DOMINANT_MIN`` times), the bare surname is that person:

    >>> names = {}
    >>> _full_names_in_text("Bobby Hurst spoke. Tim Hurst did not. Bobby Hurst won. Hurst said so.", names)
    {}
    >>> names["hurst"]
    'Bobby Hurst'

    Capitalised words glued in front of a name the article gives ("... on Wall Street\\nMark Hale" read
    as "Street Mark Hale") are no part of it:

    >>> names = {"roe": "Street Jane Roe"}
    >>> _full_names_in_text("Jane Roe spoke. Jane Roe won. Roe said so.", names), names["roe"]
    ({}, 'Jane Roe')
    """
    found: dict[str, Counter] = defaultdict(Counter)
    skip = _function_words()
    roles = _role_vocab()
    lower = _lower_words_of(text)  # the memo _thing_name reads too
    head, _sep, _body = text.partition("\n")
    body_start = len(head) + 1 if _sep and len(head) <= _HEADLINE_MAX_CHARS else None
    in_body: set[str] = set()  # full forms written below the headline
    for words, pos in _caps_runs(text, with_offsets=True):
        # "Later Lusk", "But Jane Roe", "Republican Mark Hale": words before the name
        while words and (words[0].lower().strip(".,") in skip or fold(words[0]).lower().strip(".,") in roles):
            words = words[1:]
        n = _name_part(" ".join(words))
        if n and len(n.split()) > 1 and not _is_org(n) and not _is_group(n) and not _common(n) \
                and _looks_like_full_name(n, lower):
            # "Mr. Roe's father, Tom Roe", "Tom Roe's brother": a relative of the article's person, named only
            # to say so; a person of that surname, but no vote for who the bare surname is
            found[name_key(n)][n] += 0 if _kin_mention(text, pos, n) else 1
            if body_start is not None and pos >= body_start:
                in_body.add(n)
    ambiguous: dict[str, list[str]] = {}
    for key, forms in found.items():
        known = _Known(f for f in forms if len(f.split()) > 1)
        known.lower = lower
        if key in names:
            names[key] = _glued_form(names[key], known)  # "Street Mark Hale" where "Mark Hale" is named
        glued = {f: _glued_form(f, known) for f in forms}
        for f, g in glued.items():
            if g != f:
                forms[g] += forms.pop(f)
        if len(names.get(key, "").split()) > 1:
            forms[names[key]] += 0  # a quoted full name counts as a person of that surname
        persons = _persons(forms)
        if len(persons) > 1 and body_start is not None:
            # "Understated Pardo raises political profile." over an article on Thomas Pardo: a headline's word
            # before a surname names no second person when the body never writes that form and the word is no
            # given name ("Ann Lee" in a headline over "Lee" and "Tom Lee" stays a person)
            kept = [p for p in persons if any(f in in_body or _given_first(f) for f in p)]
            if kept and len(kept) < len(persons):
                for p in persons:
                    if p not in kept:
                        for f in p:
                            forms.pop(f, None)
                            if names.get(key) == f:
                                del names[key]  # a quoted "President On Hale" in the headline
                persons = kept
        if len(persons) > 1:
            top, second = sorted((sum(forms[f] for f in p) for p in persons), reverse=True)[:2]
            main = max(persons, key=lambda p: sum(forms[f] for f in p))
            if top < DOMINANT_MIN or top < DOMINANT_RATIO * second:
                # two people of one surname, neither the article's main one
                ambiguous[key] = sorted(max(p, key=lambda f: (len(f.split()), f)) for p in persons)
                names.pop(key, None)
                continue
            names[key] = max(main, key=lambda f: (len(f.split()), f))
        elif key not in names or len(names[key].split()) < 2:
            names[key] = max(forms, key=lambda f: (len(f.split()), f))
    return ambiguous


_KIN_WORDS = "|".join(_KIN)
_KIN_BEFORE = re.compile(rf"\b(?:{_KIN_WORDS}),\s*$")
_KIN_AFTER = re.compile(rf"['’]s\s+(?:{_KIN_WORDS})\b")


def _kin_mention(text: str, pos: int, name: str) -> bool:
    """True when the full name at ``pos`` is named as someone's relative: in apposition to a kin word ("his
    father, Tom Roe") or as the possessor of one ("Tom Roe's brother").

    >>> t = "Mr. Roe's father, Tom Roe, spoke. Ann Roe's son ran. Ann Roe won."
    >>> _kin_mention(t, 18, "Tom Roe"), _kin_mention(t, 34, "Ann Roe"), _kin_mention(t, 52, "Ann Roe")
    (True, True, False)
    """
    at = text.find(name, pos)
    if at < 0:
        return False
    return bool(_KIN_BEFORE.search(text, max(0, at - 20), at) or _KIN_AFTER.match(text, at + len(name)))


# ---------------------------------------------------------------- people described at a sentence's start
def _singular_people() -> set[str]:
    """The singular nouns for one person of resources/speaker_nouns.yaml ("candidate", "judge"; not its
    collectives nor plurals)."""
    raw = load_yaml(resources.files("mediakit.resources").joinpath("speaker_nouns.yaml").read_text("utf-8"))
    en = raw.get("en") or {}
    words = {str(w).lower() for key in ("roles", "people") for w in en.get(key) or ()}
    return {w for w in words if not w.endswith("s") and (w + "s" in words or w + "es" in words)
            or w in ("spokesman", "spokeswoman", "spokesperson", "chairman", "man", "woman")}


# a sentence opening with a description of one person: a determiner, up to three lower-case modifiers and a
# head ("The senator from Ohio voted ...", "Her spokesman denied ...", "But the retired general went on ...")
_DESCRIBED = re.compile(r"[\s“‘\"'(]*(?:(?:But|And|Then|Yet|Still|So)\s+)?((?:The|His|Her|Their|the|his|her|their)"
                        r"(?:\s+[a-z][a-z-]*){1,4})(?![\w’'-])(?!\s*[’']s)")
_PERSON_HEADS = frozenset((_HUMAN_HEADS | set(_KIN) | _singular_people()) - _ORG_WORDS)


def _described_subjects(text: str) -> list[tuple[int, int]]:
    """Offsets of descriptions of one person opening a sentence, up to their head noun ("The senator" of "The
    senator from Ohio voted against it.", "Her spokesman" of "Her spokesman denied it.").

    >>> text = "Ann Lee won. The senator from Ohio voted no. The vote was close. Her spokesman denied it."
    >>> [text[s:e] for s, e in _described_subjects(text)]
    ['The senator', 'Her spokesman']
    """
    out = []
    for s0, s1 in sentence_spans(text):
        m = _DESCRIBED.match(text, s0, s1)
        if m is None:
            continue
        words = m.group(1).split()
        # the first person noun after the determiner ends the description ("The senator" of "The senator
        # from Ohio"); a word that is no modifier before it ("The vote was") means no person is described
        for k, w in enumerate(words[1:], 1):
            if w in _PERSON_HEADS and not (k + 1 < len(words) and words[k + 1] in _PERSON_HEADS):
                end = m.start(1) + len(" ".join(words[:k + 1]))
                out.append((m.start(1), end))
                break
            if w in _AUX_LIKE:
                break
    return out


# words that end the modifiers of a described subject: its verb has begun ("The vote was close")
_AUX_LIKE = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may",
                       "did", "does", "do", "said", "says", "of", "in", "for", "to", "on", "at", "with", "from"})
