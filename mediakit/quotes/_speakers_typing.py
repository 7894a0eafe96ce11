"""Speaker types and countries read from the article around the speaker: the titles and roles a named person
is introduced with anywhere in the article ("campaign chairman Paul Strand"), the country of an unnamed
source ("In Washington, a senior administration official"; the dateline), and the canonical label of an
anonymous source ("anonymous US official"), and a person's gender from their name and description (for
"he" and "she"). Word-level typing itself is :func:`._gazetteer.speaker_type_of`.

>>> _introduced_as("Campaign chairman Paul Strand spoke. Strand said no.", "Paul Strand")
('campaign', '')
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ..text import fold
from ._gazetteer import (
    _HUMAN_HEADS,
    _WORD_RE,
    Gazetteer,
    _article_country,
    _words,
    country_of,
    load_gazetteer,
    name_key,
    speaker_type_of,
)
from ._names import _POSSESSIVE_END_RE, _first_name_lists, _function_words, _is_org, _name_part, _role_vocab


def _type_from_introductions(text: str, records: list[dict], gazetteer: Gazetteer | None = None) -> None:
    """Type named speakers left ``unknown`` from how the article introduces them anywhere, not only where
    they are quoted: the titles and roles before the name ("campaign chairman Paul Strand", "former
    Secretary of State Jane Roe", "HBC host Rita Quill"), a news organisation of ``gazetteer`` owning
    the name ("NBC's Dan Ruiz": media) or an apposition after it ("Roe, the state's attorney general,")."""
    todo: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        c = r.get("speaker_canonical")
        if r.get("speaker_type") == "unknown" and c and not c.startswith("anonymous") and _name_part(c) == c:
            todo[c].append(r)
    media = _media_possessive_re(tuple(f for f, _c in (gazetteer or load_gazetteer()).media_names())) if todo else None
    for name, recs in todo.items():
        t, country = _introduced_as(text, name, media=media)
        if t == "unknown":
            continue
        for r in recs:
            r["speaker_type"] = t
            r["speaker_country"] = r.get("speaker_country") or country


# the words of a name as the gazetteer reads them (the corpus tokenizer's, a closing full stop kept) and the
# marks that can stand in a title or an apposition
_BEFORE_RE = re.compile(_WORD_RE.pattern + r"|[,;:()\"“”—–]")


def _tokens_before(text: str) -> list[str]:
    """The words and apposition marks of ``text`` (what stands before a name).

    >>> _tokens_before("the U.S. envoy, Lt. Gen. Jo Park!")
    ['the', 'U.S.', 'envoy', ',', 'Lt.', 'Gen.', 'Jo', 'Park']
    """
    return _BEFORE_RE.findall(text)


def _ambiguous_type(text: str, mention: str, appos: str, persons: list[str]) -> tuple[str, str]:
    """``(type, country)`` of a bare surname the article gives several people: its own words', else the
    type the article introduces all of them with when they share one ("Sen. Tim Hurst", "Rep. Bobby
    Hurst": official), else unknown."""
    t, c = speaker_type_of(mention, appos)
    if t != "unknown":
        return t, c
    seen = {_introduced_as(text, p, surname=False) for p in persons}
    return seen.pop() if len(seen) == 1 else ("unknown", c)


_AGE_RE = re.compile(r", (\d{1,3}), ")
_YEAR_OLD_RE = re.compile(r"\b\d{1,3}-year-old\b")
_LIVES_RE = re.compile(r"(?:, \d{1,3})?, who (?:lives|lived|has lived|resides|grew up)\b")
_WHO_RE = re.compile(r"who (?:is|was|has been|had been|served as|serves as|heads|headed|runs|ran|leads|led) ")


_DESCRIPTION_OPENERS = {"a", "an", "the", "his", "her", "their", "its", "our"}


def _describes(seg: str, vocab: frozenset[str]) -> bool:
    """True when ``seg`` reads as a description of a person: it opens with an article or a possessive
    ("the state's attorney general", "her senior policy adviser"), has a possessive among its first three
    words ("Mr. Voss's longtime policy adviser") or opens with a role word."""
    words = seg.split()
    if not words:
        return False
    first = words[0].lower()
    return (first in _DESCRIPTION_OPENERS or first in vocab
            or any(w.endswith(("'s", "’s")) for w in words[:3]))


def _appositions(text: str, start: int, end: int, vocab: frozenset[str]) -> tuple[str, bool]:
    """The description beside a name at ``text[start:end]`` and whether an age stands there: an
    apposition after it ("Roe, the state's attorney general,", "Roe, 57, a retired teacher,", "Roe, who was
    coordinator for counterterrorism at ...") or before it ("the owner of the club, Mark Schmidt, ...")."""
    rest = text[end:end + 160]
    aged = bool(_AGE_RE.match(rest))
    if aged:
        rest = rest[_AGE_RE.match(rest).end() - 2:]
    parts = []
    if rest.startswith(", "):
        seg = re.split(r"[,.;:()\n]", rest[2:], maxsplit=1)[0]
        who = _WHO_RE.match(seg)
        seg = seg[who.end():] if who else seg
        if who or _describes(seg, vocab):
            parts.append(seg)
    head = text[max(0, start - 160):start]
    if head.endswith(", "):
        seg = re.split(r"[,;:()\n]|\.\s", head[:-2])[-1].strip()
        if _describes(seg, frozenset()):
            parts.append(seg)
    return " ".join(parts), aged


@lru_cache(maxsize=16)
def _media_possessive_re(forms: tuple[str, ...]) -> re.Pattern | None:
    """A pattern for a news organisation's possessive closing the words before a name ("HBC's",
    "Harbour News'"), from the organisations' surface forms.

    >>> bool(_media_possessive_re(("HBC", "Harbour News")).search("Harbour News’"))
    True
    """
    if not forms:
        return None
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alts + r")(?:'s|’s|'|’)$", re.IGNORECASE)


# a hyphenated given name after a surname, as in names that put the family name first ("Ban Ji-hoon")
_GIVEN_AFTER = r"(?:\s[A-Z][a-z]+-[a-z]+)?"
_GIVEN_AFTER_RE = re.compile(_GIVEN_AFTER)


def _mentions_of(text: str, key: str) -> list[tuple[int, int]]:
    r"""``(start, end)`` of each mention of ``key`` in ``text`` as ``re.finditer(r"(?<![\w])" + re.escape(key) +
    r"(?![\w])" + _GIVEN_AFTER, text)`` gives them (a hyphenated given name after it included), found with
    ``str.find`` instead of compiling a pattern for every name (the compiling was most of the time here).

    >>> _mentions_of("Ban Ji-hoon met Ban. Bank of Ban", "Ban")
    [(0, 11), (16, 19), (29, 32)]
    """
    if not key:
        return [m.span() for m in re.finditer(r"(?<![\w])(?![\w])" + _GIVEN_AFTER, text)]
    out = []
    n, size = len(key), len(text)
    i = text.find(key)
    while i != -1:
        e = i + n
        if (i == 0 or not _is_word_char(text[i - 1])) and (e == size or not _is_word_char(text[e])):
            e = _GIVEN_AFTER_RE.match(text, e).end()
            out.append((i, e))
            i = text.find(key, e)
        else:
            i = text.find(key, i + 1)
    return out


def _after_literal(text: str, literal: str, then: re.Pattern, *, not_before: str = "") -> re.Match | None:
    r"""The match of ``then`` right after the first ``literal`` in ``text`` that no word character (nor a
    character of ``not_before``) precedes and ``then`` matches after; what ``re.search(rf"(?<![\w{not_before}])"
    + re.escape(literal) + then.pattern, text)`` finds, without compiling a pattern for every literal.

    >>> _after_literal("Ann Lees. Ann Lee Bank", "Ann Lee", re.compile(r"\s+([A-Z]\w*)")).group(1)
    'Bank'
    """
    if not literal:
        return re.search(r"(?<![\w" + re.escape(not_before) + "])" + then.pattern, text)
    i = text.find(literal)
    while i != -1:
        if i == 0 or not (_is_word_char(text[i - 1]) or text[i - 1] in not_before):
            m = then.match(text, i + len(literal))
            if m:
                return m
        i = text.find(literal, i + 1)
    return None


def _is_word_char(c: str) -> bool:
    r"""True for a character ``\w`` matches (``re``'s Unicode rule: alphanumeric or the underscore)."""
    return c.isalnum() or c == "_"


def _introduced_as(text: str, name: str, *, surname: bool = True,
                   media: re.Pattern | None = None) -> tuple[str, str]:
    """``(type, country)`` of a named person from the words around the name's mentions in ``text`` (with
    ``surname``, also around mentions of the surname alone): titles and roles before the name, an
    apposition after or before it; a person introduced with an age and nothing else ("Jim Bennett, 57,")
    is a private citizen, as news style gives ages to them.

    >>> _introduced_as("The club's owner, Mark Schmidt, said no. Schmidt left.", "Mark Schmidt")
    ('citizen', '')
    >>> _introduced_as("Jim Bennett, 57, told a voter.", "Jim Bennett")
    ('citizen', '')
    >>> _introduced_as("Ann Ray, who lives near Reno, said no.", "Ann Ray")
    ('citizen', '')
    >>> _introduced_as("The veteran columnist and senior fellow Jo Marr wrote it.", "Jo Marr")
    ('expert', '')
    >>> _introduced_as("Conservative columnist and Daily Post contributor Jo Marr wrote it.", "Jo Marr")
    ('media', '')
    >>> _introduced_as("The economist and former Acme Jo Marr wrote it.", "Jo Marr")
    ('expert', '')
    >>> _introduced_as("Kim Ri-na, the finance minister, spoke.", "Kim")
    ('official', '')
    """
    vocab = _role_vocab()
    last = name.split()[-1]
    keys = [name] + ([last] if last != name and surname else [])
    aged_anywhere = False
    for key in keys:
        for m_start, m_end in _mentions_of(text, key):
            before = _tokens_before(text[max(0, m_start - 120):m_start])
            if media is not None and before and media.search(before[-1]):
                return "media", ""  # "NBC's Dan Ruiz", "Fox News' Rob Quill"
            words: list[str] = []
            near = None  # with two roles joined by "and", how many words the one nearest the name has
            for i in range(len(before) - 1, -1, -1):
                tok = before[i]
                low = fold(tok).lower().strip(".'’")
                if low == "and" and near is None and i and before[i - 1].islower() and before[i - 1] in vocab \
                        and any(w.islower() and w in vocab for w in words):
                    near = len(words)  # "columnist and HBC contributor Roger Will": two roles
                    words.append(tok)
                    continue
                if len(words) >= 8 or not (tok[:1].isupper() or low in vocab or tok.endswith(("'s", "’s"))):
                    break
                words.append(tok)
            appos, aged = _appositions(text, m_start, m_end, vocab)
            # "Jo Roe, a 26-year-old nurse from Derry,", "Jo Roe, who lives outside Sacramento,": how news
            # introduces private people
            aged = aged or bool(_YEAR_OLD_RE.search(appos) or _LIVES_RE.match(text, m_end))
            aged_anywhere = aged_anywhere or aged
            # the role nearest the name first ("lobbyist and campaign chairman Sam Cole": campaign), the
            # other one when the nearest types nothing ("economist and former Acme Jo Marr")
            for ws in ([words[:near], words] if near is not None else [words]):
                t, c = speaker_type_of(" ".join(reversed(ws)), appos)
                if t not in ("unknown", "anonymous"):
                    return t, c
    return ("citizen", "") if aged_anywhere else ("unknown", "")


# words after an unnamed source's head noun that start its post-modifier ("a Democrat familiar with ...")
_AFTER_HEAD = frozenset({"familiar", "involved", "close", "closest", "knowledgeable", "briefed", "speaking", "who",
                         "with", "in", "at", "of", "from", "on", "to", "for", "inside", "within", "that", "which"})
_SOURCE_HEADS = frozenset({"person", "people", "someone", "somebody", "insider", "insiders"})


def _anonymous_role(words: list[str]) -> str:
    """The role an unnamed source is described with: an official, diplomat, source, aide, officer or executive
    named anywhere in the mention, else its head noun when that is a person's role ("a Democratic strategist",
    "a Wade adviser": no official), "source" for a bare person ("a person familiar with ..."), else
    "official".

    >>> _anonymous_role(["a", "senior", "administration", "official"]), _anonymous_role(["a", "party", "strategist"])
    ('official', 'strategist')
    >>> _anonymous_role(["one", "person", "familiar", "with", "the", "talks"]), _anonymous_role(["sources"])
    ('source', 'sources')
    """
    role = next((w for w in reversed(words) if w in ("official", "officials", "diplomat", "diplomats", "source",
                                                     "sources", "aide", "aides", "officer", "executive",
                                                     "yetkili", "yetkilisi", "источник", "чиновник")), "")
    if role:
        return role
    cut = next((i for i, w in enumerate(words) if i and w in _AFTER_HEAD), len(words))
    head = words[cut - 1] if cut else ""
    one = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if head in _SOURCE_HEADS or one in _SOURCE_HEADS:
        return "source"
    if head.isascii() and head.isalpha() and (one in _HUMAN_HEADS or one in _role_vocab()):
        return one
    return "official"


def _canon_anonymous(text: str, country: str) -> str:
    """The canonical label of an unnamed source: "anonymous", the country's adjective, a ministry or agency the
    mention names, and its role (:func:`_anonymous_role`).

    >>> _canon_anonymous("a Democratic strategist", "US"), _canon_anonymous("a German official", "DE")
    ('anonymous US strategist', 'anonymous German official')
    >>> _canon_anonymous("one Democrat familiar with the talks", "US")
    'anonymous US Democrat'
    """
    words = _words(text)
    role = _anonymous_role(words)
    said = re.search(rf"\b{re.escape(role)}\b", text, re.IGNORECASE)
    if said and said.group(0)[:1].isupper() and not said.group(0).isupper() and said.start():
        role = said.group(0)  # "one Democrat familiar with ...": a party's member keeps its capital
    role = {"yetkili": "official", "yetkilisi": "official", "источник": "source", "чиновник": "official"}.get(role, role)
    org = ""
    for o in ("foreign ministry", "finance ministry", "defence ministry", "defense ministry", "treasury",
              "hazine", "disisleri", "maliye", "state department", "pentagon", "white house", "administration"):
        if o in " ".join(words):
            org = {"hazine": "treasury", "disisleri": "foreign ministry", "maliye": "finance ministry"}.get(o, o)
            break
    adj = {"US": "US", "TR": "Turkish", "RU": "Russian", "EU": "European", "NATO": "NATO", "DE": "German",
           "FR": "French", "GB": "British"}.get(country, "")
    if org in ("administration", "state department", "pentagon", "white house"):
        org = ""  # "an administration official": the country only when the text names one
    return " ".join(x for x in ("anonymous", adj, org, role.rstrip("s") if role.endswith("s") and role != "sources" else role) if x)


_DATELINE_RE = re.compile(r"\s*([A-ZÀ-ÖØ-ÞİĞŞ][A-ZÀ-ÖØ-ÞİĞŞ .'’-]{2,40}?)\s*(?:,|\(|—|–|-|:|/)")


_ADMINISTRATION_RE = re.compile(r"\b(?:[A-Z][\w.'’-]*\s+){1,2}administration\b")


def _unnamed_source_country(text: str, r: dict, words: tuple[str, ...]) -> str:
    """The country of an unnamed source whose mention names none ("a senior administration official"):
    the words of its sentence up to the speaker, or after the content that precedes it ("In Washington,
    a senior administration official said ..."), for an administration's official the administration the article names ("the
    Hale administration"), else the article's home country (:func:`_home_country`); "" when the text
    names no country.

    >>> text = "WARSAW - Poland tested it. In Washington, an administration official said it was bad."
    >>> r = {"sent_start": 28, "sent_end": 86, "speaker_start": 43, "speaker_end": 69, "start": 75, "end": 85}
    >>> _unnamed_source_country(text, r, ("an", "administration", "official"))
    'US'
    >>> _unnamed_source_country("An administration official said no.", {}, ("an", "administration", "official"))
    ''
    """
    if r.get("sent_start") is not None:
        s0, s1 = r["sent_start"], r["sent_end"]
        sp0, sp1 = r.get("speaker_start"), r.get("speaker_end")
        if sp0 is not None and r.get("start") is not None and r["start"] < sp0:
            outside = text[max(s0, r["end"]):s1]  # '"...," said an official in Washington'
        else:
            outside = text[s0:sp1 if sp1 is not None else r.get("start", s1)]  # "In Washington, an official"
        c = country_of(outside)
        if c:
            return c
    if "administration" in words:
        named = Counter(country_of(m.group(0)) for m in _ADMINISTRATION_RE.finditer(text))
        named.pop("", None)
        if named:
            return named.most_common(1)[0][0]
    return _home_country(text)


def _home_country(text: str) -> str:
    """The country of an article: the place of its dateline ("HAMBURG (Reuters) -", "PARIS —"), where
    unnamed local sources speak from, else the country it mentions most.

    >>> _home_country("PARIS — A ministry official said ... in Washington and Washington.")
    'FR'
    >>> _home_country("WASHINGTON / BERLIN — A ministry official in Berlin said ... in Berlin.")
    'US'
    """
    m = _DATELINE_RE.match(text)
    if m:
        c = country_of(m.group(1).title())
        if c:
            return c
    return _article_country(text)


@lru_cache(maxsize=1)
def _gender_words() -> dict[str, frozenset[str]]:
    raw = _first_name_lists()
    return {k: frozenset(fold(str(w)).lower() for w in raw.get(k) or []) | frozenset(str(w).lower() for w in raw.get(k) or [])
            for k in ("female", "male", "female_roles", "male_roles", "female_surname_endings", "male_surname_endings")}


def _gender_of(name: str, desc: str = "") -> str:
    """"f", "m" or "" for a person's canonical name and description.

    >>> _gender_of("Ann Lee"), _gender_of("Tom Vance"), _gender_of("Lee Park"), _gender_of("Irina Volkova")
    ('f', 'm', '', 'f')
    >>> _gender_of("Lee Park", "lee park the congresswoman"), _gender_of("Oleg Sokolov")
    ('f', 'm')
    >>> _gender_of("", "his wife jane"), _gender_of("", "her husband")
    ('f', 'm')
    """
    g = _gender_words()
    dwords = set(desc.split())
    fem = bool(dwords & g["female_roles"] or any(_KIN.get(w) == "f" for w in dwords))
    mal = bool(dwords & g["male_roles"] or any(_KIN.get(w) == "m" for w in dwords))
    if fem != mal:
        return "f" if fem else "m"
    words = [w for w in name.split() if w[:1].isalpha()]
    if not words:
        return ""
    given = given_name_gender(words[0])
    if given:
        return given
    if len(words) > 1:
        last = words[-1].lower()
        if any(last.endswith(e) for e in g["female_surname_endings"]):
            return "f"
        if any(last.endswith(e) for e in g["male_surname_endings"]):
            return "m"
    return ""


@lru_cache(maxsize=65536)
def given_name_gender(word: str) -> str:
    """"f" or "m" for a given name the female or the male name list holds (folded or as written, a closing
    full stop aside), "" for any other word and for a name both lists would hold (they hold none now):
    the one rule for :func:`_gender_of` and :func:`named_people`.

    >>> given_name_gender("Ann"), given_name_gender("Tom"), given_name_gender("Lee"), given_name_gender("Irina")
    ('f', 'm', '', 'f')
    """
    g = _gender_words()
    first, low = fold(word).lower().strip("."), word.lower()
    female = first in g["female"] or low in g["female"]
    male = first in g["male"] or low in g["male"]
    return "f" if female and not male else "m" if male and not female else ""


# family words, with the gender they tell ("his wife, Jane," is a woman)
_KIN = {"wife": "f", "mother": "f", "daughter": "f", "sister": "f", "widow": "f", "girlfriend": "f",
        "grandmother": "f", "aunt": "f", "niece": "f", "husband": "m", "father": "m", "son": "m", "brother": "m",
        "widower": "m", "boyfriend": "m", "grandfather": "m", "uncle": "m", "nephew": "m"}


# ---------------------------------------------------------------- people named anywhere, for "he", "she", "they"
# how far before a pronoun a person named outside any speaker's mention may be what it refers to; a guess (a
# paragraph's sentence or two), checked on PolNeAR train
PRONOUN_REACH_CHARS = 300
_NAME_WORD = r"[A-Z][\w’'-]*[a-z][\w’'-]*"
# "Mrs. Lee", "Ms. Ann Lee"; "Ann Lee", "Tom R. Vance" (a given name the name lists know opens it)
_TITLED_NAME = re.compile(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+((?:{_NAME_WORD}\s+)?{_NAME_WORD})(?![\w’'-])")
_GIVEN_NAME = re.compile(rf"(?<![\w’'.-])({_NAME_WORD})\s+((?:[A-Z]\.\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})?)(?![\w’'-])")


_CAP_START = re.compile(r"(?<![\w’'.-])[A-Z]")


@dataclass(frozen=True)
class Named:
    """A person the text names outside a quotation, with the gender the title or given name tells."""

    start: int
    end: int
    name: str
    gender: str


def _outside(spans: list[tuple[int, int]], pos: int) -> bool:
    return not any(s <= pos < e for s, e in spans)


@lru_cache(maxsize=64)
def named_people(text: str) -> tuple[Named, ...]:
    """People named outside quotations with a gendered title or a given name of the name lists, in text order.

    >>> [(p.name, p.gender) for p in named_people("Ann Lee dressed down Mr. Roe. “Tom Vance knew,” she said.")]
    [('Ann Lee', 'f'), ('Roe', 'm')]
    """
    from ._marks import find_quotes

    quoted = [(int(q.start), int(q.end)) for q in find_quotes(text)]
    found: dict[int, Named] = {}
    for m in _TITLED_NAME.finditer(text):
        if _outside(quoted, m.start()):
            found[m.start()] = Named(m.start(), m.end(), m.group(2), "m" if m.group(1) == "Mr" else "f")
    # every capitalised word may open a name ("For Ann Lee": not "For Ann", then "Ann Lee")
    for m in filter(None, (_GIVEN_NAME.match(text, c.start()) for c in _CAP_START.finditer(text))):
        gender = given_name_gender(m.group(1))
        if not gender:
            continue  # no given name of one gender: no person found here (most capitalised words)
        rest = m.group(2).split()
        if len(rest) > 1 and (_is_org(rest[-1]) or fold(rest[-1]).lower() in _function_words()
                              or _POSSESSIVE_END_RE.search(rest[0]) or rest[-1].lower() in _text_lower(text)):
            # "Ann Lee Foundation", "Ann Lee On", "Ann Lee's Iraq", "Ann Lee Age": the name without the word after it
            rest = rest[:-1]
        name = _POSSESSIVE_END_RE.sub("", " ".join([m.group(1), *rest]))  # "Ann Lee's": the name
        if _outside(quoted, m.start()) and not any(p.start <= m.start() < p.end for p in found.values()):
            found[m.start()] = Named(m.start(), m.start() + len(name), name, gender)
    return tuple(found[k] for k in sorted(found))


@lru_cache(maxsize=64)
def _text_lower(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case."""
    return frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", text))


@lru_cache(maxsize=64)
def article_genders(text: str) -> Mapping[str, str]:
    """Full name or surname key -> the one gender the article's titles and given names give it ("Mr. Roe" and
    "Bill Roe": "m"); a name or surname given both genders is left out. Read-only and memoised: every
    pronoun of an article asks for it.

    >>> sorted(article_genders("Ann Lee met Mr. Roe and Ms. Roe. Bill Vance came.").items())
    [('Ann Lee', 'f'), ('Bill Vance', 'm'), ('lee', 'f'), ('vanc', 'm')]
    """
    seen: dict[str, set[str]] = defaultdict(set)
    for p in named_people(text):
        seen[name_key(p.name)].add(p.gender)
        if " " in p.name:
            seen[p.name].add(p.gender)
    return MappingProxyType({k: next(iter(v)) for k, v in seen.items() if len(v) == 1})


def named_before(text: str, pos: int, gender: str) -> Named | None:
    """The latest person of ``gender`` named outside quotations within :data:`PRONOUN_REACH_CHARS` before
    ``pos`` ("Ann Lee dressed down Bill Roe for his remarks. She": Ann Lee), or None."""
    return next((p for p in reversed(named_people(text)) if p.end <= pos and p.start >= pos - PRONOUN_REACH_CHARS
                 and p.gender == gender), None)


# two people named and joined by "and" ("Ann Lee and Tom Vance", "Mr. Lee and Ms. Roe"), whom "they" may mean
_PERSON_REF = rf"(?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD})?"
_JOINED = re.compile(rf"(?<![\w’'.-])({_PERSON_REF})\s+and\s+({_PERSON_REF})(?![\w’'-])")


@lru_cache(maxsize=64)
def joined_people(text: str) -> tuple[tuple[int, str], ...]:
    """Offsets and names of two people named and joined by "and" outside quotations, both known as people by a
    gendered title or a given name.

    >>> joined_people("Ann Lee and Tom Vance met. Harbour Bank and Tom Vance did not.")
    ((0, 'Ann Lee and Tom Vance'),)
    """
    people = {p.start for p in named_people(text)}
    return tuple((m.start(), f"{m.group(1)} and {m.group(2)}") for m in _JOINED.finditer(text)
                 if m.start(1) in people and m.start(2) in people)
