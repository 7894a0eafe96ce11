"""Who is speaking: resolve speaker mentions inside an article ("he", "the defence chief", "López" ->
"María López") and merge names across articles (López, Maria Lopez, María López). The gazetteer and
speaker typing they use are in :mod:`._gazetteer`.

>>> merge_names(["Lopez", "Maria Lopez"])["Lopez"]
'Maria Lopez'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..text import fold
from ._gazetteer import (
    _CYR_RE,
    _DETS,
    _FEMALE_TITLES,
    _HUMAN_HEADS,
    _MALE_TITLES,
    _ORG_WORDS,
    _PERSON_PRONOUNS,
    _PRONOUNS,
    _ROLE_WORDS,
    _SYNONYMS,
    _TITLE_WORDS,
    Gazetteer,
    _article_country,
    _norm,
    _read_yaml,
    _words,
    as_gazetteer,
    country_of,
    is_anonymous,
    load_gazetteer,
    load_roles,
    name_key,
    name_suffix,
    speaker_type_of,
)
from ._words import _ADV_SKIP, _LEADING_ADVERBS, _LEADING_SKIP, _TIME_WORDS

__all__ = ["resolve_speakers", "merge_names", "clear_caches"]


# ---------------------------------------------------------------- resolution inside an article
@dataclass
class _Ent:
    canonical: str
    kind: str  # person, org, anon, group
    type: str
    country: str
    desc: str  # mention + apposition words, for matching descriptions
    pos: int
    gender: str = ""


@lru_cache(maxsize=65536)
def _name_part(mention: str) -> str:
    """The name in a mention: the last run of capitalised words that are not titles.

    >>> _name_part("Secretary of State Jane Roe")
    'Jane Roe'
    >>> _name_part("ABD Dışişleri Bakanı Jane Roe")
    'Jane Roe'
    >>> _name_part("Fox News's Ed Henry")
    'Ed Henry'
    """
    toks = re.findall(r"[\w'’.-]+", mention)
    if toks and toks[-1][:1].islower() and toks[-1].isalpha() and len(toks) > 1 and not _CYR_RE.search(toks[-1][:1]) \
            or toks and _CYR_RE.match(toks[-1]) and toks[-1][:1].islower():
        return ""  # "Turkish industry", "Российские эксперты": a description ending with its noun
    # "Fox News's Ed Henry": the name is what follows the possessor
    cut = max((i + 1 for i, w in enumerate(toks[:-1]) if re.search(r"['’]s$", w) and w[:1].isupper()), default=0)
    toks = [re.sub(r"['’](s|in|ın|un|ün|nin|nın|a|e|ya|ye|yı|yi|dan|den|nın|ın)$", "", w) for w in toks[cut:]]
    run: list[str] = []
    for w in reversed(toks):
        lw = fold(w).lower().strip(".")
        if w[:1].isupper() and lw not in _TITLE_WORDS and not (w.isupper() and len(w) > 1 and len(run) == 0
                                                              and len(w) <= 3) \
                or w.lower() in ("van", "von", "de", "bin", "al", "el", "la", "le", "da", "di", "du", "ter") and run:
            run.append(w)
        else:
            if run:
                break
    return " ".join(reversed(run)).strip(".")


@lru_cache(maxsize=65536)
def _is_org(mention: str) -> bool:
    return any(w in _ORG_WORDS for w in _words(mention))


def _head(desc: str) -> str:
    words = [w for w in _words(desc) if w not in _DETS]
    return words[-1] if words else ""


def _canon_anonymous(text: str, country: str) -> str:
    words = _words(text)
    role = next((w for w in reversed(words) if w in ("official", "officials", "diplomat", "diplomats", "source",
                                                     "sources", "aide", "aides", "officer", "executive",
                                                     "yetkili", "yetkilisi", "источник", "чиновник")), "official")
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


def resolve_speakers(text: str, records: list[dict], *, gazetteer: Gazetteer | None = None,
                     subjects: list[tuple[int, int]] | None = None) -> None:
    """Fill ``speaker``, ``speaker_canonical``, ``speaker_type`` and ``speaker_country`` of the records of
    one article (in place), resolving pronouns and descriptions to the entity introduced before them.
    ``subjects`` are offsets of names opening sentences that are no speakers ("López played down the
    sanctions."): a later "he" may refer to them."""
    gz = gazetteer or load_gazetteer()
    ents: list[_Ent] = []
    names = _ArticleNames()  # surname key -> longest full name in this article
    # first pass: every named mention, so that "López" meets "María López" wherever it appears
    for r in records:
        if r.get("speaker_start") is None:
            continue
        m = text[r["speaker_start"]:r["speaker_end"]]
        n = _name_part(m)
        if n and not _is_org(m) and not _is_org(n):
            k = name_key(n)
            if len(n.split()) > len(names.get(k, "").split()):
                names[k] = n
    names.ambiguous = _full_names_in_text(text, names)
    events = [(r["speaker_start"] if r.get("speaker_start") is not None else r["start"], 1, i, r)
              for i, r in enumerate(records)]
    taken = {(r["speaker_start"], r["speaker_end"]) for r in records if r.get("speaker_start") is not None}
    events += [(sp[0], 0, i, sp) for i, sp in enumerate(subjects or []) if (sp[0], sp[1]) not in taken]
    for _pos, is_record, _i, r in sorted(events, key=lambda x: (x[0], x[1], x[2])):
        if not is_record:
            _add_subject(text, r, ents, names, gz)
            continue
        s0 = r.get("speaker_start")
        r.setdefault("speaker", None)
        r["speaker_canonical"], r["speaker_type"], r["speaker_country"] = None, "unknown", ""
        r["resolved"] = False
        if s0 is None:
            continue
        mention = text[s0:r["speaker_end"]]
        r["speaker"] = mention
        appos = text[r["appos_start"]:r["appos_end"]] if r.get("appos_start") is not None else ""
        # "..., said an official who spoke on condition of anonymity": the phrase may stand anywhere in the
        # sentence of a speaker who is not named
        r["_anon"] = r.get("sent_start") is not None and not _name_part(mention) \
            and _words(mention)[:1] not in (("who",), ("he",), ("she",), ("they",), ("it",)) \
            and is_anonymous(text[r["sent_start"]:r["sent_end"]])
        ent = _resolve_one(text, mention, appos, r, ents, names, gz)
        if ent is None:
            # unresolved: the mention stays in `speaker`; a pronoun or a common noun is no canonical name
            r["speaker_type"], r["speaker_country"] = speaker_type_of(mention, appos)
            if r.pop("_anon", False):
                r["speaker_type"] = "anonymous"
            r["speaker_canonical"] = None if _common(mention) else _clean_description(mention)
            if _is_group(mention) and r["speaker_type"] != "anonymous":
                r["speaker_type"] = "group"
            r["resolved"] = r["speaker_canonical"] is not None
            continue
        r.pop("_anon", None)
        canon = ent.canonical or None
        if ent.kind != "anon" and _common(canon):
            canon = None  # "analysts", "a bank teller", "the official": a description, not a name
        r["speaker_canonical"], r["speaker_type"], r["speaker_country"] = canon, ent.type, ent.country
        r["resolved"] = canon is not None
        low = _words(mention)
        if low and low[0] in ("he", "she", "он", "она") and not ent.gender:
            ent.gender = "f" if low[0] in ("she", "она") else "m"
    _type_from_introductions(text, records)


_CAPS_RUN_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+")
_NAME_ABBREVIATIONS = {"jr", "sr", "st"}


def _caps_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words that may be names, cut at sentence ends ("... Policy." and "Korkmaz" on
    the next line are two runs): after a line break or a word ending with a full stop that is neither an initial ("J.") nor a
    title ("Sen.", "Jr.").

    >>> _caps_runs("Defence Policy.\\n\\nKorkmaz Said no. Sen. John F. Kennedy")
    [['Defence', 'Policy.'], ['Korkmaz', 'Said'], ['Sen.', 'John', 'F.', 'Kennedy']]
    """
    runs = []
    for m in _CAPS_RUN_RE.finditer(text):
        run: list[str] = []
        for line_no, line in enumerate(m.group(0).split("\n")):
            if line_no and run:
                runs.append(run)
                run = []
            for w in line.split():
                run.append(w)
                core = fold(w).lower().strip(".")
                if w.endswith(".") and len(core) > 1 and core not in _TITLE_WORDS and core not in _NAME_ABBREVIATIONS:
                    runs.append(run)
                    run = []
        if run:
            runs.append(run)
    return runs


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Words that open a sentence but never a name (the project's stop words, time words, adverbs)."""
    from ..vectorize import load_stop_words

    return (load_stop_words(["en", "tr", "ru"]) | frozenset(_TIME_WORDS) | frozenset(_ADV_SKIP)
            | frozenset(_LEADING_SKIP) | frozenset(_LEADING_ADVERBS))


class _ArticleNames(dict):
    """Surname key -> the one full name an article gives that surname; ``ambiguous`` holds the keys of
    surnames it gives two or more people ("Lamont Scott" and "Rakeyia Scott"): a bare "Scott" there stays
    unresolved, within the article and across the corpus."""

    def __init__(self) -> None:
        super().__init__()
        self.ambiguous: dict[str, list[str]] = {}


# a bare surname the article gives two people is the main one's when the article names that one in full at
# least twice and at least twice as often as the other ("Bobby Scott" five times, "Tim Scott" once); tuned on
# PolNeAR train (bench/quotes.py), checked on s400
DOMINANT_MIN = 2
DOMINANT_RATIO = 2


def _persons(forms) -> list[list[str]]:
    """Full forms of one surname grouped into people (a form joins a person when it is a shorter or
    longer spelling of one of its forms: :func:`_same_person`).

    >>> _persons(["Keith Lamont Scott", "Lamont Scott", "Rakeyia Scott"])
    [['Keith Lamont Scott', 'Lamont Scott'], ['Rakeyia Scott']]
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
    in the other ("Lamont Scott" of "Keith Lamont Scott", "Donald Trump" of "Donald J. Trump")."""
    if name_suffix(a) != name_suffix(b):
        return False  # "Donald Trump Jr." is not "Donald Trump"
    wa, wb = ({w for w in _norm(x).split() if len(w) > 1} for x in (a, b))
    return wa <= wb or wb <= wa


_MAX_NAME_WORDS = 4  # "Martin Luther King Jr": longer capitalised runs are headlines ("Minority Outreach Undone By Trump")


def _looks_like_full_name(name: str, lower_words: set[str] | frozenset[str]) -> bool:
    """True when a capitalised run reads as a person's full name: at most four words, not in capitals, and
    a first word that is no role or party word ("Republican Trump") and that the text never writes in
    lower case (``lower_words``: a common word at the start of a headline or sentence: "Stop Trump").

    >>> lower = _lower_words("Stop Trump, they chanted; we will stop him. Republican Donald Trump spoke.")
    >>> [_looks_like_full_name(n, lower) for n in ("Stop Trump", "Republican Donald Trump", "Donald Trump")]
    [False, False, True]
    """
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or name.isupper():
        return False
    low = fold(words[0]).lower().strip(".")
    if low in _role_vocab() or low in _function_words():
        return False
    return words[0].lower() not in lower_words


def _lower_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case."""
    return {w for w in re.findall(r"[\w'’-]+", text) if w[:1].islower()}


def _full_names_in_text(text: str, names: dict[str, str]) -> dict[str, list[str]]:
    """Resolve within the article first: a speaker named by surname alone ("Lynch said") is the person
    the article names in full with that surname ("Rep. Stephen Lynch"), when it names exactly one such
    person, even where that person is not quoted. Fills ``names`` (surname key -> full name) in place, so
    that no other article's namesake can claim the mention, and returns the surnames the article gives
    two or more people, each with one full form per person (those are dropped from ``names``: a bare
    mention of them names no one).

    >>> names = {}
    >>> _full_names_in_text("Rep. Stephen Lynch of Boston spoke. Later Lynch said no.", names)
    {}
    >>> names["lynch"]
    'Stephen Lynch'
    >>> names = {"jordan": "Jim Jordan"}
    >>> _full_names_in_text("Jim Jordan and Chuck Jordan met. Jordan said no.", names), "jordan" in names
    ({'jordan': ['Chuck Jordan', 'Jim Jordan']}, False)

    Where one of them is the article's main person (named in full at least ``DOMINANT_RATIO`` times as
    often as any other, and at least ``DOMINANT_MIN`` times), the bare surname is that person:

    >>> names = {}
    >>> _full_names_in_text("Bobby Scott spoke. Tim Scott did not. Bobby Scott won. Scott said so.", names)
    {}
    >>> names["scott"]
    'Bobby Scott'
    """
    found: dict[str, Counter] = defaultdict(Counter)
    skip = _function_words()
    roles = _role_vocab()
    lower = _lower_words(text)
    for words in _caps_runs(text):
        # "Later Lynch", "But Jane Roe", "Republican Donald Trump": words before the name
        while words and (words[0].lower().strip(".,") in skip or fold(words[0]).lower().strip(".,") in roles):
            words = words[1:]
        n = _name_part(" ".join(words))
        if n and len(n.split()) > 1 and not _is_org(n) and not _is_group(n) and not _common(n) \
                and _looks_like_full_name(n, lower):
            found[name_key(n)][n] += 1
    ambiguous: dict[str, list[str]] = {}
    for key, forms in found.items():
        if len(names.get(key, "").split()) > 1:
            forms[names[key]] += 0  # a quoted full name counts as a person of that surname
        persons = _persons(forms)
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


def _type_from_introductions(text: str, records: list[dict]) -> None:
    """Type named speakers left ``unknown`` from how the article introduces them anywhere, not only where
    they are quoted: the titles and roles before the name ("campaign chairman Paul Manafort", "former
    Secretary of State Jane Roe") or an apposition after it ("Roe, the state's attorney general,")."""
    todo: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        c = r.get("speaker_canonical")
        if r.get("speaker_type") == "unknown" and c and not c.startswith("anonymous") and _name_part(c) == c:
            todo[c].append(r)
    for name, recs in todo.items():
        t, country = _introduced_as(text, name)
        if t == "unknown":
            continue
        for r in recs:
            r["speaker_type"] = t
            r["speaker_country"] = r.get("speaker_country") or country


_INTRO_LINKS = {"former", "then", "of", "the", "vice", "deputy", "senior", "chief", "retired", "acting", "ex",
                "state", "national", "general", "top", "longtime", "veteran"}
_TOKEN_RE = re.compile(r"[\w'’.-]+|[,;:()\"“”—–]")


@lru_cache(maxsize=1)
def _role_vocab() -> frozenset[str]:
    roles = load_roles()
    words = {w for _t, ws, _p, phrases in roles.types for w in ws | {x for ph in phrases for x in ph.split()}}
    return frozenset(words | _INTRO_LINKS)


def _ambiguous_type(text: str, mention: str, appos: str, persons: list[str]) -> tuple[str, str]:
    """``(type, country)`` of a bare surname the article gives several people: its own words', else the
    type the article introduces all of them with when they share one ("Sen. Tim Scott", "Rep. Bobby
    Scott": official), else unknown."""
    t, c = speaker_type_of(mention, appos)
    if t != "unknown":
        return t, c
    seen = {_introduced_as(text, p, surname=False) for p in persons}
    return seen.pop() if len(seen) == 1 else ("unknown", c)


def _introduced_as(text: str, name: str, *, surname: bool = True) -> tuple[str, str]:
    """``(type, country)`` of a named person from the words around the name's mentions in ``text`` (with
    ``surname``, also around mentions of the surname alone)."""
    vocab = _role_vocab()
    last = name.split()[-1]
    keys = [name] + ([last] if last != name and surname else [])
    for key in keys:
        for m in re.finditer(r"(?<![\w])" + re.escape(key) + r"(?![\w])", text):
            before = _TOKEN_RE.findall(text[max(0, m.start() - 120):m.start()])
            words: list[str] = []
            for tok in reversed(before):
                low = fold(tok).lower().strip(".'’")
                if len(words) >= 8 or not (tok[:1].isupper() or low in vocab or tok.endswith(("'s", "’s"))):
                    break
                words.append(tok)
            appos = ""
            rest = text[m.end():m.end() + 160]
            if rest.startswith(", "):
                seg = re.split(r"[,.;:()\n]", rest[2:], maxsplit=1)[0]
                first = seg.split()[0].lower() if seg.split() else ""
                if first in ("a", "an", "the") or first.endswith(("'s", "’s")) or first in vocab:
                    appos = seg
            t, c = speaker_type_of(" ".join(reversed(words)), appos)
            if t not in ("unknown", "anonymous"):
                return t, c
    return "unknown", ""


def _add_subject(text: str, span: tuple, ents: list[_Ent], names: dict[str, str], gz: Gazetteer) -> None:
    """A name opening a sentence ("Lena Hart, a defence economist, was blunt.", "The Turkish Foreign
    Ministry condemned the move.") becomes a candidate antecedent for later pronouns and descriptions."""
    mention = text[span[0]:span[1]]
    appos = text[span[2]:span[3]] if len(span) > 3 and span[2] >= 0 else ""
    desc = " ".join(_words(f"{mention} {appos}"))
    words = _words(mention)
    stripped = " ".join(w for w in words if w not in _DETS)
    e = gz.lookup(mention, surname=False) or (gz.lookup(stripped, surname=False) if stripped else None)
    if e is not None and e.kind != "person":
        ents.append(_Ent(e.name, "org", e.type, e.country, desc, span[0]))
        return
    if _is_org(mention):
        t, c = speaker_type_of(mention, appos)
        ents.append(_Ent(_clean_description(mention), "org", t, c, desc, span[0]))
        return
    name = _name_part(mention)
    if not name or all(w in _place_words() for w in _words(name)) or name.isupper():
        return
    k = name_key(name)
    if len(name.split()) == 1 and k in getattr(names, "ambiguous", ()):
        # a surname the article gives two people: a later "he" refers to someone, but to no name
        ents.append(_Ent("", "person", *_ambiguous_type(text, mention, appos, names.ambiguous[k]), desc, span[0]))
        return
    e = gz.lookup(names.get(k, name))
    if e is not None and e.kind == "person":
        ents.append(_Ent(e.name, "person", e.type, e.country, desc, span[0]))
    elif k in names or len(name.split()) >= 2:
        t, c = speaker_type_of(mention, appos)
        ent = _Ent(names.get(k, name), "person", t, c, desc, span[0])
        _gender_hint(ent, words)
        ents.append(ent)


def _resolve_one(text, mention, appos, r, ents, names, gz) -> _Ent | None:
    pos = r["speaker_start"]
    words = _words(mention)
    low = words[0] if len(words) == 1 else ""
    full = f"{mention} {appos}"
    # relative pronoun: its antecedent noun phrase
    if low in ("who", "which", "that", "который", "которая", "которые") and r.get("antecedent"):
        a0, a1 = r["antecedent"]
        sub = dict(r, speaker_start=a0, speaker_end=a1, antecedent=None)
        return _resolve_one(text, text[a0:a1], appos, sub, ents, names, gz)
    if low in _PRONOUNS:
        return _antecedent(low, pos, ents)
    if is_anonymous(full) or _indefinite_source(words) or r.get("_anon") and not _is_group(mention):
        country = country_of(full) or _unnamed_source_country(text, r, words)
        canon = _canon_anonymous(full, country)
        ent = _Ent(canon, "anon", "anonymous", country, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    head = words[-1] if words else ""
    raw = re.findall(r"[\w'’.-]+", mention)
    if _is_group(mention) or words and words[0] in ("a", "an") and (
            not _name_part(mention) or len(raw) > 1 and raw[1][:1].islower()):
        # "critics", "72 percent of Republicans", "a bank teller": a group or a new person described, never
        # an earlier speaker or a gazetteer entry
        t, c = speaker_type_of(mention, appos)
        group = _is_group(mention)
        canon = _clean_description(mention)
        if not group or not all(w[:1].isupper() for w in re.findall(r"[\w'’.-]+", canon)):
            canon = ""  # a description ("a bank teller", "72 percent of Republicans") names no one
        ent = _Ent(canon, "group" if group else "person",
                   "group" if group and t != "anonymous" else t, c, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    if words and words[0] in ("the", "this", "that") and head in _HUMAN_HEADS or len(words) == 1 and head in _ROLE_WORDS:
        # "the defence chief", "the agency president", "the official", "Yetkili": a description of someone
        ref = _description_antecedent(words, pos, ents)
        if ref is None:
            e = gz.describe(full)
            if e is not None:
                ref = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country,
                           " ".join(_words(full)), pos)
                ents.append(ref)
        if ref is not None:
            return ref
    if words and all(w in _place_words() for w in words if w not in _DETS):
        # "Paris", "Ottawa", "Russia": a government named by its capital or country
        ent = _Ent(_clean_description(mention), "org", "official", country_of(mention), " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    name = _name_part(mention)
    if name and (all(w in _place_words() for w in _words(name)) or name.isupper() and len(name) <= 8
                 or any(ch.isdigit() for ch in name)):
        name = ""  # "the head of Turkey's agency", "NAFTA", "F-16": no person's name
    if name and not _is_org(mention) and words and words[0] not in ("the", "a", "an") or name and len(name.split()) > 1 \
            and not _is_org(mention):
        k = name_key(name)
        if len(name.split()) == 1 and k in getattr(names, "ambiguous", ()):
            # "Scott" where the article names Lamont Scott and Rakeyia Scott: unresolved, and no other
            # article's or the gazetteer's Scott may claim it
            ent = _Ent("", "person", *_ambiguous_type(text, mention, appos, names.ambiguous[k]),
                       " ".join(_words(full)), pos)
            ents.append(ent)
            return ent
        best = names.get(k, name)
        e = gz.lookup(best) or gz.lookup(name) or gz.lookup(" ".join(name.split()[-2:]))
        if e is not None:
            ent = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country,
                       " ".join(_words(full)) + " " + fold(e.role).lower(), pos)
        else:
            t, c = speaker_type_of(mention, appos)
            prior = next((x for x in reversed(ents) if x.kind == "person" and name_key(x.canonical) == k), None)
            if prior is not None and t == "unknown":
                t, c = prior.type, c or prior.country
            ent = _Ent(best, "person", t, c, " ".join(_words(full)), pos)
        _gender_hint(ent, words)
        ents.append(ent)
        return ent
    # organisations and descriptions
    stripped = " ".join(w for w in words if w not in _DETS)
    e = gz.lookup(mention, surname=False) or (gz.lookup(stripped, surname=False) if stripped else None)
    if e is not None and e.kind != "person":
        ent = _Ent(e.name, "org", e.type, e.country, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    if words and words[0] in ("the", "this", "that") or (len(words) <= 3 and not any(
            w[:1].isupper() for w in re.findall(r"\w+", mention)[1:])):
        ref = _description_antecedent(words, pos, ents)
        if ref is not None:
            return ref
        e = gz.describe(full)
        if e is not None:
            ent = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country, " ".join(_words(full)), pos)
            ents.append(ent)
            return ent
    e = gz.describe(full)
    if e is not None:
        ent = _Ent(e.name, "person", e.type, e.country, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    t, c = speaker_type_of(mention, appos)
    kind = "org" if _is_org(mention) else "group" if words and words[-1].endswith("s") else \
        "person" if head in _HUMAN_HEADS or head in _ROLE_WORDS else "thing"
    canon = _clean_description(mention)
    ent = _Ent(canon, kind, t, c, " ".join(_words(full)), pos)
    ents.append(ent)
    return ent


_DATELINE_RE = re.compile(r"\s*([A-ZÀ-ÖØ-ÞİĞŞ][A-ZÀ-ÖØ-ÞİĞŞ .'’-]{2,40}?)\s*(?:,|\(|—|–|-|:|/)")
_ADMINISTRATION_RE = re.compile(r"\b(?:[A-Z][\w.'’-]*\s+){1,2}administration\b")


def _unnamed_source_country(text: str, r: dict, words: tuple[str, ...]) -> str:
    """The country of an unnamed source whose mention names none ("a senior administration official"):
    the words of its sentence up to the speaker, or after the content that precedes it ("In Washington,
    a senior administration official said ..."), for an administration's official the administration the article names ("the
    Trump administration"), else the article's home country (:func:`_home_country`); "" when the text
    names no country.

    >>> text = "ANKARA - Turkey tested it. In Washington, an administration official said it was bad."
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
    """The country of an article: the place of its dateline ("ISTANBUL (Reuters) -", "PARIS —"), where
    unnamed local sources speak from, else the country it mentions most.

    >>> _home_country("PARIS — A ministry official said ... in Washington and Washington.")
    'FR'
    >>> _home_country("WASHINGTON / ANKARA — A ministry official in Ankara said ... in Ankara.")
    'US'
    """
    m = _DATELINE_RE.match(text)
    if m:
        c = country_of(m.group(1).title())
        if c:
            return c
    return _article_country(text)


@lru_cache(maxsize=1)
def _roles_extra() -> dict:
    """The ``capitals`` and ``groups`` word lists of speaker_roles.yaml (folded, lower-cased)."""
    raw = _read_yaml("speaker_roles.yaml")
    return {k: frozenset(fold(str(w)).lower() for w in raw.get(k) or []) for k in ("capitals", "groups")}


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words that name a government by its place: the capitals of speaker_roles.yaml ("Paris said") and
    the names of countries there that are no adjectives or people ("Russia", not "Russian" or "Americans")."""
    words = {w for _c, ws, _p in load_roles().countries for w in ws
             if not w.endswith(("ish", "ian", "ans", "ese", "ch", "ий", "ая", "ие", "'s")) and w not in _ORG_WORDS
             and w not in ("american", "european", "administration", "alliance", "amerikan", "alman", "ingiliz",
                           "fransiz", "german", "turk", "rus")}
    capitals = {c for c in _roles_extra()["capitals"] if " " not in c}
    return frozenset(words | capitals | {"united", "states"})


@lru_cache(maxsize=65536)
def _is_group(mention: str) -> bool:
    """True when a mention names a group of people: a plural head ("critics", "Republicans", "many
    analysts", "72 percent of Republicans") with no person's name.

    >>> _is_group("72 percent of Republicans"), _is_group("Critics"), _is_group("Ted Cruz")
    (True, True, False)
    """
    words = [w for w in _words(mention) if w not in _DETS]
    if not words:
        return False
    groups = _roles_extra()["groups"]
    head = words[-1]
    if any(w in ("percent", "majority", "half", "third", "share", "cohort", "number", "most", "many") for w in words) \
            and "of" in words:
        return True
    if head in groups or head.endswith("ans") and (head in _common_nouns() or head.split("-")[-1] in groups
                                                    or head in _nationality_plurals()):
        return True  # "Republicans", "African-Americans", "Russians"
    if head.endswith("s") and head[:-1] in _HUMAN_HEADS or head in _common_nouns() and head.endswith("s"):
        raw = re.findall(r"[\w'’.-]+", mention)
        # "Turkish economists", "Aides" (a sentence's first word): no name
        return bool(raw) and (raw[-1][:1].islower() or len(raw) == 1) and not _is_org(mention)
    return False


_OTHER_PRONOUNS = {"you", "i", "we", "me", "us", "one", "someone", "anyone", "everyone", "nobody", "somebody",
                   "others", "another", "both", "all", "some", "many", "most", "few", "none", "each"}


@lru_cache(maxsize=1)
def _nationality_plurals() -> frozenset[str]:
    """Plural nationality words of speaker_roles.yaml ("americans") and those made from its adjectives
    ("russian" -> "russians")."""
    words = {w for _c, ws, _p in load_roles().countries for w in ws}
    return frozenset({w for w in words if w.endswith("ans")} | {w + "s" for w in words if w.endswith("an")})


@lru_cache(maxsize=65536)
def _common(name: str | None) -> bool:
    """True when a would-be canonical name is a pronoun, a determiner or a common noun phrase ("He", "The",
    "analysts", "bank teller in Ohio"): no capitalised word after the first, and the first a pronoun,
    determiner or known common noun.

    >>> _common("He"), _common("Analysts"), _common("Republicans"), _common("Ted Cruz"), _common("White House")
    (True, True, False, False, False)
    """
    if not name:
        return True
    raw = re.findall(r"[\w'’.-]+", name)
    if not raw:
        return True
    first = fold(raw[0]).lower().strip(".'’")
    if len(raw) == 1 and (first in _PRONOUNS or first in _DETS or first in _OTHER_PRONOUNS):
        return True
    if any(w[:1].isupper() for w in raw[1:]):
        return False
    if first in _PRONOUNS or first in _DETS or not raw[0][:1].isupper():
        return True
    return len(raw) == 1 and (first in _common_nouns() or first.endswith("s") and first[:-1] in _common_nouns())


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """Nouns for people that are no names ("Analysts" opening a sentence), from the role and group lists;
    party and nationality plurals ("Republicans", "Americans") are names of groups and stay out."""
    roles = load_roles()
    proper = {w for t, ws, _p, _ph in roles.types if t == "campaign" for w in ws} | \
        {w for _c, ws, _p in roles.countries for w in ws}
    common = _HUMAN_HEADS | _roles_extra()["groups"] | {w for _t, ws, _p, _ph in roles.types for w in ws}
    return frozenset(common - proper)


def _indefinite_source(words: list[str]) -> bool:
    """"a senior administration official", "a source familiar": an unnamed single source."""
    return bool(words) and words[0] in ("a", "an", "one", "bir") and any(
        w in ("official", "source", "diplomat", "aide", "yetkili", "yetkilisi", "insider") for w in words[-3:])


def _clean_description(mention: str) -> str:
    words = mention.split()
    while words and words[0].lower() in _DETS:
        words = words[1:]
    return " ".join(words) or mention


def _gender_hint(ent: _Ent, words: list[str]) -> None:
    if words and words[0] in _FEMALE_TITLES:
        ent.gender = "f"
    elif words and words[0] in _MALE_TITLES:
        ent.gender = "m"


def _antecedent(pron: str, pos: int, ents: list[_Ent]) -> _Ent | None:
    """The entity a pronoun refers to: the latest person (he, she) or organisation/group (it, they)."""
    if pron in ("i", "we"):
        return None
    person = pron in _PERSON_PRONOUNS
    want = "f" if pron in ("she", "her", "она", "ее", "её") else "m" if pron in ("he", "him", "his", "он", "его") else ""
    for e in reversed(ents):
        if e.pos >= pos:
            continue
        if person and e.kind in ("person", "anon") and (not want or not e.gender or e.gender == want):
            return e
        if not person and pron in ("it", "its", "оно") and e.kind == "org":
            return e
        if not person and pron in ("they", "their", "them", "они", "их", "onlar") and e.kind in ("org", "group", "anon"):
            return e
    if not person:
        for e in reversed(ents):
            if e.pos < pos:
                return e
    return None


def _description_antecedent(words: list[str], pos: int, ents: list[_Ent]) -> _Ent | None:
    """"the defense chief", "the ministry", "the official", "эксперт": the latest entity whose
    description shares the head noun (or a synonym of it)."""
    head = words[-1] if words else ""
    if not head:
        return None
    syn = _SYNONYMS.get(head, {head}) | {head}
    plural = head.endswith("s")
    for e in reversed(ents):
        if e.pos >= pos or e.kind == "group" and not plural:
            continue  # "the official" is one person, not the officials named before
        dwords = set(e.desc.split())
        if dwords & syn:
            return e
    org_head = head in _ORG_WORDS
    for e in reversed(ents):
        if e.pos >= pos:
            continue
        if org_head and e.kind == "org" or not org_head and e.kind in ("person", "anon") and head in (
                "official", "president", "minister", "chief", "head", "analyst", "expert", "economist", "executive",
                "spokesman", "spokeswoman", "senator", "diplomat", "эксперт", "yetkili"):
            return e
    return None


# ---------------------------------------------------------------- across articles
def clear_caches() -> None:
    """Empty the memo caches of name normalisation and typing (for cold-start timing)."""
    for fn in (_norm, name_key, _words, is_anonymous, country_of, speaker_type_of, _name_part, _is_org,
               _article_country):
        fn.cache_clear()
    gz = load_gazetteer()
    gz._described.clear()
    gz._looked_up.clear()


def merge_names(canonicals: list[str | None], kinds: list[str] | None = None, *,
                gazetteer: str | Gazetteer | None = None) -> dict[str, str]:
    """Map each person name to one spelling shared across articles: the gazetteer's (``gazetteer``: None
    for the generic one, a story name or path, or a :class:`Gazetteer`), else the most frequent full form
    among names with the same surname and the same first name. A bare surname joins a full name only when
    the corpus names one person of that surname; groups ("Republicans"), descriptions and places never
    merge. ``kinds`` is accepted for compatibility and not used.

    >>> m = merge_names(["Lopez", "Maria Lopez", "María López", "Maria Lopez"])
    >>> m["Lopez"], m["María López"]
    ('Maria Lopez', 'Maria Lopez')
    >>> "Flynn" in merge_names(["Flynn", "Michael Flynn", "John Flynn"])
    False
    >>> from mediakit.quotes import Entry
    >>> gz = Gazetteer([Entry("María José López", "person", "official")])
    >>> merge_names(["Lopez", "Maria Lopez"])["Lopez"], merge_names(["Lopez", "Maria Lopez"], gazetteer=gz)["Lopez"]
    ('Maria Lopez', 'María José López')
    """
    gz = as_gazetteer(gazetteer)
    counts = Counter(c for c in canonicals if isinstance(c, str) and c)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        part = _name_part(name)
        if name.startswith("anonymous") or _is_org(name) or not part or " and " in name \
                or all(w in _place_words() for w in _words(part)) or _is_group(name) or _common(name) \
                or _norm(part) != _norm(name):
            continue  # only persons' names merge: no groups, descriptions or places
        groups[name_key(name)].append(name)
    out: dict[str, str] = {}
    for _key, members in groups.items():
        full = [m for m in members if len(m.split()) > 1]
        # a bare surname joins a full name only when one person of that surname is named in the corpus
        # ("Flynn" is not "Michael Flynn" when "John Flynn" is quoted too)
        persons = {(_norm(f).split()[0], name_suffix(f)) for f in full}
        for m in members:
            e = gz.lookup(m)
            if e is not None:
                out[m] = e.name
                continue
            first = _norm(m).split()[0] if len(m.split()) > 1 else None
            if first is None and len(persons) != 1:
                continue
            compatible = [f for f in full if first is None or _norm(f).split()[0] == first
                          and name_suffix(f) == name_suffix(m)]
            if compatible:
                # the most frequent full form, Latin script first (reports are read in a Latin script)
                out[m] = max(compatible, key=lambda f: (f.isascii() or fold(f).isascii(),
                                                        counts[f] + sum(counts[g] for g in compatible
                                                                        if _norm(g) == _norm(f)), len(f)))
    # spellings that differ only by diacritics meet on the most frequent one
    by_norm: dict[str, list[str]] = defaultdict(list)
    for m in set(out.values()):
        by_norm[_norm(m)].append(m)
    for forms in by_norm.values():
        if len(forms) > 1:
            best = max(forms, key=lambda f: (counts[f], f))
            for m, v in list(out.items()):
                if v in forms:
                    out[m] = best
    return out
