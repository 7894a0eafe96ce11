"""The entities an article's speakers are resolved to (:class:`_Ent`: a person, organisation, group or
anonymous source, with its description and gender) and what a pronoun refers to among them: the latest person
of its gender ("he", "she"), organisation ("it") or group ("they"), or someone the text names just before it
outside any speaker's mention (used by :mod:`._speakers`).

>>> ents = [_Ent("Ann Lee", "person", "unknown", "", "ann lee", 0, "f"),
...         _Ent("Tom Vance", "person", "unknown", "", "tom vance", 20, "m")]
>>> _antecedent("she", 40, ents).canonical, _antecedent("he", 40, ents).canonical
('Ann Lee', 'Tom Vance')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .._furniture import _us_state_forms
from ._gazetteer import (
    _FEMALE_TITLES,
    _MALE_TITLES,
    _PERSON_PRONOUNS,
    Gazetteer,
    _words,
    name_key,
    speaker_type_of,
)
from ._mentions import _full_form
from ._names import _name_part
from ._speakers_typing import (
    PRONOUN_REACH_CHARS,
    _gender_of,
    article_genders,
    joined_people,
    named_before,
)
from ._words import _SPEAKER_NOUNS


@dataclass
class _Ent:
    canonical: str
    kind: str  # person, org, anon, group
    type: str
    country: str
    desc: str  # mention + apposition words, for matching descriptions
    pos: int
    gender: str = ""

    def __post_init__(self) -> None:
        self.describe_with(self.desc.split())

    def describe_with(self, words: list[str]) -> None:
        """Add what a legislator's party-and-state tag among ``words`` stands for to the description ("Sen. Jo
        Roe (R-Fla.)": republican, florida), so that "the Florida senator" can refer back to her."""
        have = set(self.desc.split())
        extra = [w for tok in words if _PARTY_TAG_WORD.match(tok) for w in _party_tag_words(tok) if w not in have]
        if extra:
            self.desc = " ".join([self.desc, *dict.fromkeys(extra)])


_PARTY_TAG_WORD = re.compile(r"^[dri]-[a-z.]{2,6}$")
_PARTIES = {"d": "democrat democratic", "r": "republican", "i": "independent"}


def _party_tag_words(tag: str) -> list[str]:
    """The words a legislator's party-and-state tag stands for.

    >>> _party_tag_words("r-fla"), _party_tag_words("d-n.y"), _party_tag_words("d-day")
    (['republican', 'florida'], ['democrat', 'democratic', 'new', 'york'], [])
    """
    party, _, state = tag.partition("-")
    name = _us_state_forms().get(state.replace(".", ""))
    return [*_PARTIES[party].split(), *name.split()] if name and party in _PARTIES else []


def _gender_hint(ent: _Ent, words: list[str]) -> None:
    """Set ``ent.gender`` from a title ("Mrs."), a gendered role word in its description ("congresswoman"),
    its first name or a Russian surname ending (resources/first_names.yaml); left empty when none tells."""
    if words and words[0] in _FEMALE_TITLES:
        ent.gender = "f"
    elif words and words[0] in _MALE_TITLES:
        ent.gender = "m"
    else:
        ent.gender = ent.gender or _gender_of(ent.canonical, ent.desc)


def _pronoun_antecedent(text: str, pron: str, pos: int, ents: list[_Ent], names: dict[str, str],
                        gz: Gazetteer, sent_start: int = -1) -> _Ent | None:
    """The entity a pronoun refers to (:func:`_antecedent`), or else someone the text names just before it
    outside a quotation and outside any speaker's mention: a person of the pronoun's gender ("Ann Lee dressed
    down Bill Roe for his remarks. She said"; also where the pronoun's own sentence, from ``sent_start``,
    names them after the entity found: "As Mr. Roe seized on it to renew his call"), two people joined by
    "and" for "they" ("Ann Lee and Tom Vance met voters. They said"), when no later organisation or group was
    named."""
    ent = _antecedent(pron, pos, ents, article_genders(text))
    if pron in ("they", "them", "their"):
        joined = next((j for j in reversed(joined_people(text)) if pos - PRONOUN_REACH_CHARS <= j[0] < pos), None)
        if joined is not None and (ent is None or ent.pos < joined[0]):
            both = [_full_form(_name_part(n) or n, names) for n in joined[1].split(" and ")]
            canon = " and ".join(both)
            ent = _Ent(canon, "group", "group", "", " ".join(_words(canon)), joined[0])
            ents.append(ent)
        if ent is not None and 0 <= ent.pos < sent_start \
                and (near := _plural_people_between(text, sent_start, pos, ent.canonical)) is not None:
            # "Critics got mad because they ...", "officials are reviewing the visas while they ...": a plural
            # noun for people in the pronoun's own sentence, when the entity found is named before it, is the
            # likelier antecedent: that group, not an earlier body, said it
            return _Ent(near[1], "group", "group", "", " ".join(_words(near[1])), near[0])
        return ent
    if pron in ("he", "she", "his", "her") and (cat := _cataphoric_name(text, sent_start, pos, pron, names)):
        # "While he refused to release them, Mr. Vance deemed ...": a pronoun in a fronted subordinate clause
        # stands for the main clause's subject named after it, not for someone named earlier
        e = gz.lookup(cat[1])
        t, c = (e.type, e.country) if e is not None and e.kind == "person" else speaker_type_of(cat[1], "")
        ent = _Ent(e.name if e is not None and e.kind == "person" else cat[1], "person", t, c,
                   " ".join(_words(cat[1])), cat[0], "f" if pron in ("she", "her") else "m")
        ents.append(ent)
        return ent
    if pron in ("he", "she", "his", "her"):
        p = named_before(text, pos, "f" if pron in ("she", "her") else "m")
        if p is not None and ent is not None and not (
                ent.pos < sent_start <= p.start and not _SAME_GENDER[p.gender].search(text, sent_start, p.start)):
            # the entity found, unless the pronoun's sentence names someone of that gender after it, before any
            # pronoun of that gender ("Though he did not mention Tom Vance, he said": still the one before)
            p = None
        if p is not None:
            best = _full_form(p.name, names)
            e = gz.lookup(best)
            t, c = (e.type, e.country) if e is not None and e.kind == "person" else speaker_type_of(best, "")
            ent = _Ent(e.name if e is not None and e.kind == "person" else best, "person", t, c,
                       " ".join(_words(best)), p.start, p.gender)
            ents.append(ent)
    return ent


# a fronted subordinate clause opening a sentence ("While he ...", "Even as she ...")
_FRONTED_SUB = re.compile(r"\s*(?:While|Although|Though|When|Before|After(?! all\b)|As|Because|Since|Once|Until"
                          r"|Even as|Even though|Even if|Even while)\s")
# the main clause's subject named after that clause's comma, then its verb: "Mr. Vance deemed", "Lee said"
_MAIN_NAME = re.compile(r",\s+((?:(Mr|Mrs|Ms|Sen|Rep|Gov|Dr)\.\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2})"
                        r"(?=\s+[a-z])")
_NOT_NAMES = {"The", "This", "That", "These", "Those", "It", "They", "We", "There", "He", "She", "I", "You", "Its",
              "His", "Her", "Their", "Our", "Some", "Many", "Most", "All", "Both", "Others", "Critics", "Officials"}


def _cataphoric_name(text: str, sent_start: int, pos: int, pron: str, names: dict[str, str]) -> tuple[int, str] | None:
    """(offset, full name) of the person a pronoun at ``pos`` inside a fronted subordinate clause opening the
    sentence at ``sent_start`` stands for: the main clause's subject after the clause's comma, a person the
    article names in full or with a title of the pronoun's gender; else None.

    >>> _cataphoric_name("While he refused, Mr. Vance deemed it fair.", 0, 6, "he", {})
    (18, 'Mr. Vance')
    >>> _cataphoric_name("While he refused, Lee deemed it fair.", 0, 6, "he", {"lee": "Tom Lee"})
    (18, 'Tom Lee')
    >>> _cataphoric_name("While he refused, Lee deemed it fair.", 0, 6, "he", {}) is None
    True
    """
    if sent_start < 0 or not _FRONTED_SUB.match(text, sent_start, pos) or "," in text[sent_start:pos]:
        return None
    c = text.find(",", pos)
    if c < 0 or any(ch in text[pos:c] for ch in ".!?;:\"“”"):
        return None
    m = _MAIN_NAME.match(text, c)
    if m is None or m.group(1).split()[0] in _NOT_NAMES:
        return None
    name, title = m.group(1), m.group(2)
    if title in ("Mrs", "Ms") and pron in ("he", "his") or title == "Mr" and pron in ("she", "her"):
        return None
    if title:
        return m.start(1), _full_form(name, names) if len(name.split()) == 2 else name
    full = _full_form(name, names)
    if len(full.split()) < 2:
        return None  # (a bare surname the article gives no full name: unsure)
    if _gender_of(full) not in ("", "f" if pron in ("she", "her") else "m"):
        return None  # ("After ... he ..., Mayor Ann Roe said": not her)
    return m.start(1), full


_PLURAL_WORD = re.compile(r"[A-Za-z]+(?:['’](?![a-z]))?")


def _plural_people_between(text: str, lo: int, hi: int, canonical: str) -> tuple[int, str] | None:
    """The last plural noun for people or groups in text[lo:hi] ("voters", "officials", "Senate Democrats") that
    is no word of ``canonical``, with the capitalised words right before it: (offset, words), else None.

    >>> _plural_people_between("Critics got mad because", 0, 23, "Tax Board"), _plural_people_between(
    ...     "Senate Democrats blocked it because", 0, 35, "Senate Democrats")
    ((0, 'Critics'), None)
    >>> _plural_people_between("Yet Senate Democrats blocked it because", 0, 39, "Tax Board")
    (4, 'Senate Democrats')
    """
    own = {w.lower() for w in _words(canonical)}
    found = None
    for m in _PLURAL_WORD.finditer(text, lo, hi):
        w = m.group().lower().rstrip("'’")
        if w not in own and (w in _SPEAKER_NOUNS and (w.endswith("s") and not w.endswith("ss") or w == "people")):
            found = m
    if found is None:
        return None
    start = found.start()
    for prev in reversed(list(_PLURAL_WORD.finditer(text, lo, start))):
        if text[prev.end():start].strip() or not prev.group()[:1].isupper() or prev.group().lower() in _OPENERS:
            break
        start = prev.start()
    return start, text[start:found.end()].rstrip("'’")


# words that may stand capitalised before a plural noun without being part of its name ("Even Latino voters")
_OPENERS = {"yet", "but", "and", "so", "the", "when", "while", "as", "because", "if", "this", "that", "in", "for",
            "even", "many", "some", "most", "other", "all", "both", "few", "several", "top", "maybe", "still"}


_SAME_GENDER = {"f": re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]erself)\b"),
                "m": re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")}


def _antecedent(pron: str, pos: int, ents: list[_Ent], genders: Mapping[str, str] | None = None) -> _Ent | None:
    """The entity a pronoun refers to: the latest person (he, she) or organisation/group (it, they); a person
    whose gender the entity does not tell may have it from ``genders`` (surname key -> the gender the
    article's titles and given names give it: "Mr. Roe" is no "she")."""
    if pron in ("i", "we"):
        return None
    person = pron in _PERSON_PRONOUNS
    want = "f" if pron in ("she", "her", "она", "ее", "её") else "m" if pron in ("he", "him", "his", "он", "его") else ""
    for e in reversed(ents):
        if e.pos >= pos:
            continue
        gender = e.gender or _article_gender(e.canonical, genders or {})
        if person and e.kind in ("person", "anon") and (not want or not gender or gender == want):
            return e
        if not person and pron in ("it", "its", "оно") and e.kind == "org":
            return e
        if not person and pron in ("they", "their", "them", "они", "их", "onlar") and e.kind in ("org", "group", "anon"):
            return e
    if not person:
        # "they" never stands for one person, "it" for no person at all: resolved to "Ann Lee" they would
        # credit her with a crowd's, a poll's or a report's words (a relative "who"/"which" without antecedent
        # takes the latest entity of any kind)
        plural = pron in ("they", "their", "them", "они", "их", "onlar")
        neuter = pron in ("it", "its", "оно")
        for e in reversed(ents):
            if e.pos < pos and not (plural and e.kind == "person") and not (neuter and e.kind in ("person", "anon")):
                return e
    return None


def _article_gender(canonical: str, genders: dict[str, str]) -> str:
    """The gender the article gives a person: their full name as written with a given name or title, or a bare
    surname's (never a full name's surname alone: "Nora Hale" is no "Mr. Hale").

    >>> _article_gender("Roe", {"roe": "m"}), _article_gender("Jo Roe", {"roe": "m"}), _article_gender("", {})
    ('m', '', '')
    """
    if not canonical:
        return ""
    return genders.get(canonical) or (genders.get(name_key(canonical), "") if len(canonical.split()) == 1 else "")
