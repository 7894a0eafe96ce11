"""Knowing speakers: the gazetteer of people, organisations and news media, name normalisation, and the
typing of a speaker (official, military, expert, industry, media, anonymous, citizen, unknown) with a
country. Resolution inside an article and merging across articles are in :mod:`._speakers`.

Knowledge lives in editable files: ``resources/speakers.yaml`` (the generic gazetteer: news media and
agencies, no story's people), a story pack's ``speakers.yaml`` (the people and organisations of one story,
with the dates each held its role; :func:`load_gazetteer` adds it) and ``resources/speaker_roles.yaml``
(role words, anonymity phrases, country words).

>>> g = load_gazetteer()
>>> g.lookup("Reuters").name, g.lookup("Reuters").type
('Reuters', 'media')
>>> speaker_type_of("Selin Aydar", "a defence economist at the Berlin Policy Forum")
('expert', 'DE')
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .._yaml import load_yaml
from ..matching import TermMatcher
from ..packs import pack_file
from ..text import TOKEN_PATTERN, fold

__all__ = [
    "Entry", "Gazetteer", "load_gazetteer", "as_gazetteer", "load_roles", "speaker_type_of", "name_key",
    "SPEAKER_TYPES",
]

SPEAKER_TYPES = ("official", "military", "campaign", "expert", "industry", "media", "anonymous", "group", "citizen",
                 "unknown")

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                 "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
# The words of a name or mention: the corpus tokenizer's word tokens (mediakit.text.TOKEN_PATTERN) with the
# full stop that closes one kept on it ("Lt.", "Jr.", "U.S."), so titles and initials read as written.
_WORD_RE = re.compile(TOKEN_PATTERN.removeprefix("(?<!\\w)") + r"\.?")


def _name_words(text: str) -> list[str]:
    """The words of ``text`` as names are read: the corpus tokenizer's words, a closing full stop kept.

    >>> _name_words("Lt. Gen. Jean-Yves O'Brien Jr. of the U.S. Army")
    ['Lt.', 'Gen.', 'Jean-Yves', "O'Brien", 'Jr.', 'of', 'the', 'U.S.', 'Army']
    """
    return _WORD_RE.findall(text)
_CYR_RE = re.compile(r"[\u0400-\u04FF]")
_US_RE = re.compile(r"\bUS\b|\bU\.S\.")
_PRONOUNS = {"he", "she", "they", "it", "who", "which", "that", "we", "i", "him", "her", "them",
             "он", "она", "они", "оно", "его", "ее", "её", "их", "который", "которая", "которые",
             "o", "onlar", "kendisi", "his", "its", "their"}
_PERSON_PRONOUNS = {"he", "she", "он", "она", "o", "kendisi", "his", "her", "его", "ее", "её", "him"}
_DETS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "one", "another",
         "bir", "bu", "şu", "o"}
# words that stand before a name but are not part of it ("Secretary of State Jane Doe")
_TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "adm", "prof", "president", "vice", "prime",
    "minister", "secretary", "state", "foreign", "defense", "defence", "deputy", "under", "assistant", "general",
    "spokesman", "spokeswoman", "spokesperson", "senator", "representative", "governor", "ambassador",
    "chairman", "chairwoman", "chief", "head", "director", "leader", "former", "then", "us", "u.s", "u.s.",
    "turkish", "russian", "american", "kremlin", "white", "house", "national", "security", "adviser", "advisor",
    "sir", "lord", "lady", "king", "queen", "sheikh", "pastor", "judge", "justice", "mayor", "congressman",
    "congresswoman", "commissioner", "the", "of", "and", "for", "interior", "finance", "economy", "trade", "energy",
    "abd", "dışişleri", "disisleri", "bakanı", "bakani", "başkanı", "baskani", "cumhurbaşkanı", "cumhurbaskani",
    "savunma", "sanayii", "milli", "milletvekili", "sözcüsü", "sozcusu", "genel", "başkan", "baskan", "sayın",
    "президент", "госсекретарь", "министр", "глава", "пресс-секретарь", "сша", "рф", "турции", "россии",
    "представитель", "посол", "эксперт", "генеральный", "секретарь", "cumhuriyeti", "госдепартамента",
    "мид", "министерства", "президента", "сам", "сама", "сами", "analist", "uzman", "ekonomist", "gazeteci",
    "profesör", "profesor", "doç", "doc", "emekli", "analyst", "economist", "expert", "professor", "турецкий", "российский", "американский",
    "старший", "научный", "сотрудник", "лидер", "тем", "самым",
    # clergy ("Archbishop Aris Vartanian", "Rabbi Ann Lee")
    "archbishop", "bishop", "cardinal", "rabbi", "imam", "reverend", "rev",
}
_ORG_WORDS = {
    "ministry", "department", "house", "kremlin", "pentagon", "agency", "directorate", "presidency", "council",
    "committee", "party", "government", "administration", "office", "institute", "centre", "center",
    "university", "bank", "company", "corp", "inc", "group", "news", "times", "post", "radio", "tv", "nato",
    "commission", "parliament", "congress", "senate", "embassy", "service", "authority", "forum", "foundation",
    "association", "union", "court", "alliance", "organisation", "organization", "campaign", "board", "staff",
    "bakanlığı", "bakanligi", "bakanlık", "bakanlik", "başkanlığı", "baskanligi", "meclis", "hükümet", "hukumet",
    "мид", "министерство", "ведомство", "ведомстве", "кремль", "правительство", "администрация", "госдепартамент",
    "statement", "report", "reports", "notice", "memo", "document", "poll", "survey", "study", "data", "letter",
    "ad", "video", "website", "announcement",
    # a newspaper's or a channel's name ("The Harbour Register", "The Harbour Globe"), never a person's
    "globe", "tribune", "register", "journal", "herald", "gazette", "chronicle", "examiner", "observer", "inquirer",
    "dispatch", "courier", "bulletin", "magazine", "column", "daily", "weekly", "newspaper", "network", "channel",
}
# head nouns of descriptions that denote a person ("the defence chief", "the official", "эксперт")
_HUMAN_HEADS = {
    "chief", "head", "official", "analyst", "expert", "minister", "spokesman", "spokeswoman", "spokesperson",
    "president", "leader", "diplomat", "officer", "executive", "economist", "researcher", "scholar", "senator",
    "governor", "mayor", "director", "secretary", "ambassador", "colonel", "general", "commander", "professor",
    "fellow", "founder", "chairman", "lawmaker", "aide", "adviser", "advisor", "source", "envoy", "owner",
    "strategist", "lawyer", "eksper", "uzman", "yetkili", "yetkilisi", "analist", "эксперт",
    "аналитик", "лидер", "министр", "глава", "представитель", "политолог", "сотрудник",
}
_ROLE_WORDS = {"yetkili", "yetkilisi", "bakanlık", "bakanlik", "muhalefet", "эксперт", "аналитик", "ekonomist",
               "analist", "uzman"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "madam", "she", "her", "она", "ее", "её"}
_MALE_TITLES = {"mr", "he", "him", "his", "он", "его"}
# head nouns of descriptions and the words in an earlier mention that they may refer back to
_SYNONYMS = {
    "chief": {"chief", "head", "director", "president", "leader", "boss", "chairman"},
    "head": {"chief", "head", "director", "president", "leader", "chairman"},
    "official": {"official", "officials", "aide", "spokesman", "spokeswoman", "officer", "yetkili", "yetkilisi"},
    "analyst": {"analyst", "expert", "researcher", "fellow", "economist", "scholar", "professor"},
    "expert": {"analyst", "expert", "researcher", "fellow", "economist", "scholar", "professor", "эксперт"},
    "эксперт": {"эксперт", "аналитик", "сотрудник", "научный", "expert"},
    "minister": {"minister", "secretary", "bakan", "bakanı"},
    "ministry": {"ministry", "bakanlığı", "bakanlik", "bakanlık", "мид", "министерство", "ведомство"},
    "ведомство": {"мид", "министерство", "ведомство"},
    "ведомстве": {"мид", "министерство", "ведомство"},
    "bakanlık": {"bakanlığı", "bakanlık", "bakanligi", "ministry"},
    "yetkili": {"yetkili", "yetkilisi", "official"},
    "president": {"president", "cumhurbaşkanı", "президент", "leader"},
    "leader": {"president", "leader", "лидер", "президент", "cumhurbaşkanı"},
    "лидер": {"президент", "лидер", "leader", "president"},
    "diplomat": {"diplomat", "envoy", "ambassador"},
    "spokesman": {"spokesman", "spokesperson", "spokeswoman"},
    "executive": {"executive", "ceo", "chief", "director", "owner"},
}


def _translit(s: str) -> str:
    return "".join(_CYR.get(ch, ch) for ch in s)


# _norm's patterns: an apostrophe's suffix (English possessive, Turkish case endings) and punctuation
_NORM_SUFFIX_RE = re.compile(r"['’](s|in|ın|un|ün|nin|nın|a|e|ya|ye|da|de|dan|den|ta|te|tan|ten|la|le|yla|yle)\b")
_NORM_PUNCT_RE = re.compile(r"[^\w\s-]")


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    """Folded, lower-case, transliterated form used to compare names: "İlker Aydın" -> "ilker aydin"."""
    s = fold(str(s)).lower()
    s = _NORM_SUFFIX_RE.sub("", s)
    s = _translit(s)
    return " ".join(_NORM_PUNCT_RE.sub(" ", s).split())


_SUFFIX_RE = re.compile(r"['’](s|in|ın|un|ün|nin|nın|a|e|ya|ye|da|de|dan|den|ta|te|tan|ten|la|le|yla|yle)\b",
                        re.IGNORECASE)
_EDGE_PUNCT_RE = re.compile(r"^[^\w]+|[^\w.]+$|(?<=\w{2})\.+$")


def _bare(mention: str) -> str:
    """A mention as a name to look up: possessive and Turkish case suffixes after an apostrophe and the
    punctuation around it left out ("Yılmaz'ın," -> "Yılmaz"; an initial's full stop stays)."""
    return _EDGE_PUNCT_RE.sub("", _SUFFIX_RE.sub("", mention.strip()))


def _stem(word: str, cyrillic: bool = True) -> str:
    """A surname stem that survives Russian case endings and Turkish suffixes: "kaplana" -> "kaplan". The endings
    that only a transliterated Cyrillic name has ("ы", "й", "ого", "ом": "y", "oy", "ogo", "om") are cut only
    from a name written in Cyrillic: "Brady" is not "Brad", nor "Conroy" "Conr".

    >>> _stem("kaplana"), _stem("brady", cyrillic=False), _stem("petrova", cyrillic=False), _stem("conroy", cyrillic=False)
    ('kaplan', 'brady', 'petrov', 'conroy')
    """
    w = word
    for suf in ("ogo", "oy", "oi", "om", "ym", "oj", "u", "a", "e", "y") if cyrillic else ("u", "a", "e"):
        if len(w) > 4 and w.endswith(suf):
            return w[: -len(suf)]
    return w


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # "John G. Wexler Jr.": a generation, not the surname


def name_suffix(name: str) -> str:
    """The generational suffix of a name ("jr" of "Mark Hale Jr."), or "": a Jr. is not his father."""
    parts = _norm(name).split()
    return parts[-1] if len(parts) > 1 and parts[-1] in _SUFFIXES else ""


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key names are merged on: the stemmed, folded surname (a generational suffix left out).

    >>> name_key("Ивана Петрова"), name_key("John G. Wexler Jr.")
    ('petrov', 'wexler')

    A short two-word name ending with a short hyphenated given name whose second part is in lower case ("Park Ji-woo",
    East Asian order) has its surname first, so that a bare "Park" meets it:

    >>> name_key("Park Ji-woo"), name_key("Park"), name_key("Ann Lee-Vale")
    ('park', 'park', 'lee-val')
    """
    raw = name.split()
    if len(raw) == 2 and re.fullmatch(r"[A-Z][a-z]{1,3}-[a-z]{1,4}", raw[1]) and re.fullmatch(r"[A-Z][a-z]{1,4}", raw[0]):
        return _stem(_norm(raw[0]), cyrillic=False)
    parts = _norm(name).split()
    if len(parts) > 1 and parts[-1] in _SUFFIXES:
        parts = parts[:-1]
    return _stem(parts[-1], cyrillic=bool(_CYR_RE.search(name))) if parts else ""


@dataclass
class Entry:
    """One gazetteer record. ``start``/``end`` (the file's ``from:``/``until:``) are the first and last day
    the role was held (None: open); outside them the name still matches but the role does not apply."""

    name: str
    kind: str  # person, organisation, media
    type: str
    country: str = ""
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    describes: list[re.Pattern] = field(default_factory=list)
    start: _dt.date | None = None
    end: _dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, day: _dt.date | None) -> bool:
        """True when the role holds on ``day`` (an unknown day: True)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Gazetteer:
    """Known speakers, looked up by full name or alias (the whole mention, titles aside, matched through the
    package's one token matcher, :class:`mediakit.matching.TermMatcher`) or, for people, by surname (a
    transliterated, stemmed key, :func:`name_key`, that survives Russian case endings: "Ковальчука")."""

    entries: list[Entry]
    by_name: dict[str, Entry] = field(default_factory=dict)
    by_surname: dict[str, list[Entry]] = field(default_factory=dict)
    _described: dict[str, Entry | None] = field(default_factory=dict, repr=False)
    _looked_up: dict[tuple[str, bool], Entry | None] = field(default_factory=dict, repr=False)
    _views: dict[tuple[int, ...], Gazetteer] = field(default_factory=dict, repr=False)

    _matcher: TermMatcher | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for e in self.entries:
            for n in [e.name, *e.aliases]:
                self.by_name.setdefault(_norm(n), e)
            if e.kind == "person":
                for n in [e.name, *e.aliases]:
                    self.by_surname.setdefault(name_key(n), [])
                    if e not in self.by_surname[name_key(n)]:
                        self.by_surname[name_key(n)].append(e)

    def lookup(self, name: str, *, surname: bool = True) -> Entry | None:
        """The entry for ``name`` (exact alias first, then a unique surname match for people)."""
        key = (name, surname)
        if key not in self._looked_up:
            self._looked_up[key] = self._lookup(name, surname)
        return self._looked_up[key]

    def _whole(self, text: str) -> Entry | None:
        """The first entry one of whose names or aliases is the whole of ``text``, through the package's one
        token matcher (:class:`mediakit.matching.TermMatcher`: case and diacritics ignored); a mention in
        another script than the entry's spelling meets it transliterated (``by_name``)."""
        ids = self._term_matcher().fullmatch(text) if text.strip() else []
        if ids:
            return self.entries[ids[0]]
        return self.by_name.get(_norm(text)) if _CYR_RE.search(text) else None

    def _term_matcher(self) -> TermMatcher:
        """The token matcher of the entries' names and aliases (by entry index), built on first use."""
        if self._matcher is None:
            self._matcher = TermMatcher({i: [_bare(n) for n in [e.name, *e.aliases] if _bare(n)]
                                         for i, e in enumerate(self.entries)}, case=False)
        return self._matcher

    def _lookup(self, name: str, surname: bool) -> Entry | None:
        n = _norm(name)
        if not n:
            return None
        bare = _bare(name)
        e = self._whole(bare)
        if e is not None:
            return e
        kept = [w for w in bare.split() if _norm(w) and _norm(w) not in _TITLE_WORDS and _norm(w) not in _DETS]
        e = self._whole(" ".join(kept))
        if e is not None:
            return e
        stripped = " ".join(w for w in n.split() if w not in _TITLE_WORDS and w not in _DETS)
        if surname and stripped:
            cands = self.by_surname.get(name_key(stripped), [])
            first = stripped.split()[0] if len(stripped.split()) > 1 else None
            cands = [c for c in cands if first is None or any(first == _norm(a).split()[0]
                                                              for a in [c.name, *c.aliases])]
            if len(cands) == 1:
                return cands[0]
        return None

    def describe(self, text: str) -> Entry | None:
        """The person a description identifies ("the head of Chile's procurement agency"), if exactly one matches."""
        n = _norm(text)
        if n not in self._described:
            hits = [e for e in self.entries if any(p.search(n) for p in e.describes)]
            self._described[n] = hits[0] if len(hits) == 1 else None
        return self._described[n]

    def media_names(self) -> list[tuple[str, str]]:
        """``(surface form, canonical name)`` of every news organisation, longest first."""
        out = [(n, e.name) for e in self.entries if e.kind == "media" for n in [e.name, *e.aliases]]
        return sorted(out, key=lambda x: -len(x[0]))

    @property
    def dated(self) -> bool:
        """True when some entry holds its role only between dates."""
        return any(e.dated for e in self.entries)

    def on(self, day: _dt.date | None) -> Gazetteer:
        """The gazetteer as it stood on ``day``: entries whose role did not hold then keep their name (and
        aliases) but lose their type, role and descriptions ("the secretary of state" is someone else in
        another year). An unknown day keeps every role. Views are cached by the roles they drop.

        >>> g = Gazetteer([Entry("Ann Lee", "person", "official", "XX", "minister",
        ...                      start=_dt.date(2020, 1, 1), end=_dt.date(2021, 1, 1))])
        >>> g.on(_dt.date(2019, 5, 1)).lookup("Ann Lee").type, g.on(_dt.date(2020, 5, 1)).lookup("Lee").type
        ('unknown', 'official')
        """
        off = tuple(i for i, e in enumerate(self.entries) if not e.holds_on(day))
        if not off:
            return self
        if off not in self._views:
            drop = set(off)
            view = Gazetteer([replace(e, type="unknown", role="", describes=[]) if i in drop else e
                              for i, e in enumerate(self.entries)])
            # a view keeps every entry's names and aliases at the same index: the one matcher serves all views
            view._matcher = self._term_matcher()
            self._views[off] = view
        return self._views[off]

    def off_roles(self, day: _dt.date | None) -> set[str]:
        """Names of the entries whose role does not hold on ``day`` (none when the day is unknown)."""
        return {e.name for e in self.entries if not e.holds_on(day)}

    def dated_names(self) -> set[str]:
        """Names of the entries whose role holds only between dates."""
        return {e.name for e in self.entries if e.dated}


def _read_yaml(name: str) -> dict:
    path = resources.files("mediakit.resources").joinpath(name)
    with path.open(encoding="utf-8") as fh:
        return load_yaml(fh) or {}


def _day(value: object, where: str, key: str) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            day = _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if key == "until" and size < 10:  # "until: 2019-07" is the end of July
            nxt = day.replace(year=day.year + 1) if size == 4 else (
                day.replace(month=day.month + 1) if day.month < 12 else day.replace(year=day.year + 1, month=1))
            day = nxt - _dt.timedelta(days=1)
        return day
    raise ValueError(f"{where}: {key}: {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def _entries(raw: dict, where: str) -> list[Entry]:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected a mapping with people:, organisations: and/or media: lists")
    entries = []
    for kind, key in (("person", "people"), ("organisation", "organisations"), ("media", "media")):
        for item in raw.get(key) or []:
            if not isinstance(item, dict) or "name" not in item:
                raise ValueError(f"{where}: an entry under {key!r} has no name; add 'name: ...'")
            start, end = _day(item.get("from"), where, "from"), _day(item.get("until"), where, "until")
            if start and end and end < start:
                raise ValueError(f"{where}: {item['name']}: until {end} is before from {start}; swap them")
            entries.append(Entry(
                name=str(item["name"]), kind=kind, type=str(item.get("type", "media" if kind == "media" else "unknown")),
                country=str(item.get("country", "")), role=str(item.get("role", "")),
                aliases=[str(a) for a in item.get("aliases") or []],
                describes=[re.compile(p, re.I) for p in item.get("describes") or []],
                start=start, end=end,
            ))
    return entries


@lru_cache(maxsize=8)
def load_gazetteer(story: str | None = None) -> Gazetteer:
    """The speaker gazetteer: the generic one (``resources/speakers.yaml``: news media and agencies), plus,
    with ``story``, a story's people and organisations (a story pack name such as those in
    ``mediakit/stories/``, a pack folder, or a path to a ``speakers.yaml``). The story's entries come first
    (they win where a name is in both).

    >>> g = load_gazetteer()
    >>> g.lookup("Agence France-Presse").name, g.lookup("a stranger") is None
    ('AFP', True)
    """
    generic = _entries(_read_yaml("speakers.yaml"), "mediakit/resources/speakers.yaml")
    if story is None:
        return Gazetteer(generic)
    path = pack_file(story, "speakers")
    if path is None:
        p = Path(story)
        if not p.is_file():
            raise ValueError(f"gazetteer={story!r}: no story pack with a speakers.yaml and no such file; pass a "
                             "pack name (mediakit/stories/<name>), a pack folder or a path to a speakers.yaml")
        path = p
    with open(path, encoding="utf-8") as fh:
        raw = load_yaml(fh) or {}
    return Gazetteer(_entries(raw, str(path)) + generic)


def as_gazetteer(gazetteer: str | Path | Gazetteer | None) -> Gazetteer:
    """The gazetteer an analysis uses for its ``gazetteer=`` option: None -> the generic one; a story name
    or path -> generic plus the story's (:func:`load_gazetteer`); a :class:`Gazetteer` as it is.

    >>> as_gazetteer(None) is load_gazetteer()
    True
    """
    if gazetteer is None:
        return load_gazetteer()
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if isinstance(gazetteer, str | Path):
        return load_gazetteer(str(gazetteer))
    raise TypeError(f"gazetteer must be None, a story name, a path or a Gazetteer, not {type(gazetteer).__name__}")


@dataclass
class Roles:
    anonymity: list[str]
    types: list[tuple[str, set[str], list[str], list[str]]]  # type, words, prefixes, phrases
    countries: list[tuple[str, set[str], list[str]]]  # code, words, phrases


@lru_cache(maxsize=1)
def load_roles() -> Roles:
    """The role, anonymity and country word lists of ``resources/speaker_roles.yaml``."""
    raw = _read_yaml("speaker_roles.yaml")
    types = []
    for t, words in (raw.get("types") or {}).items():
        ws = [fold(str(w)).lower() for w in words]
        types.append((t, {w for w in ws if " " not in w and not w.endswith("*")},
                      [w[:-1] for w in ws if w.endswith("*")], [w for w in ws if " " in w]))
    countries = []
    for c, words in (raw.get("countries") or {}).items():
        ws = [fold(str(w)).lower() for w in words]
        countries.append((str(c), {w for w in ws if " " not in w}, [w for w in ws if " " in w]))
    return Roles([fold(str(p)).lower() for p in raw.get("anonymity") or []], types, countries)


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip(".'’-").lower() for w in _name_words(fold(text)) if w.strip(".'’-"))


@lru_cache(maxsize=65536)
def is_anonymous(text: str) -> bool:
    """True when ``text`` (a mention with its apposition) says the speaker is not named."""
    t = " ".join(_words(text))
    return _anonymity_re().search(t) is not None


@lru_cache(maxsize=1)
def _anonymity_re() -> re.Pattern:
    """One pattern for the anonymity phrases: it matches a text that holds any of them (what ``any(p in t for p in
    load_roles().anonymity)`` tested phrase by phrase)."""
    return re.compile("|".join(re.escape(p) for p in load_roles().anonymity) or "(?!)")


@lru_cache(maxsize=1)
def _not_speakers() -> frozenset[str]:
    return frozenset(" ".join(_words(str(p))) for p in _read_yaml("speaker_roles.yaml").get("not_speakers") or [])


def is_transcript_marker(mention: str) -> bool:
    """True when ``mention`` is only a transcript marker ("Q", "END VIDEO CLIP", "(CROSSTALK)"), which names
    no speaker (the ``not_speakers`` list of speaker_roles.yaml).

    >>> is_transcript_marker("END VIDEO CLIP"), is_transcript_marker("(CROSSTALK)"), is_transcript_marker("Quinn")
    (True, True, False)
    """
    words = _words(mention)
    return bool(words) and " ".join(words) in _not_speakers()


@lru_cache(maxsize=65536)
def country_of(text: str) -> str:
    """The country the words of ``text`` point to ("a German official" -> "DE"), or ""."""
    words = _words(text)
    if ("us" in words or "u.s" in words) and not _US_RE.search(text):
        words = tuple(w for w in words if w not in ("us", "u.s"))  # "told us" is no country
    joined = " " + " ".join(words) + " "
    best, best_n = "", 0
    for code, ws, phrases in load_roles().countries:
        n = sum(1 for w in words if w in ws) + sum(1 for p in phrases if f" {p} " in joined)
        if n > best_n:
            best, best_n = code, n
    return best


@lru_cache(maxsize=1)
def _country_regexes() -> list[tuple[str, re.Pattern]]:
    out = []
    for code, ws, phrases in load_roles().countries:
        # "US" only in capitals: "told us" is no country
        alts = sorted((ws | set(phrases)) - {"us", "u.s", "u.s."}, key=len, reverse=True)
        pat = r"(?i:(?<!\w)(?:" + "|".join(re.escape(w) for w in alts) + r")(?!\w))"
        if "us" in ws:
            pat += r"|\bUS\b|\bU\.S\."
        out.append((code, re.compile(pat)))
    return out


@lru_cache(maxsize=256)
def _article_country(text: str) -> str:
    """The country an article mentions most (by the country words of speaker_roles.yaml), or ""."""
    best, best_n = "", 0
    for code, rx in _country_regexes():
        n = len(rx.findall(text))
        if n > best_n:
            best, best_n = code, n
    return best


@lru_cache(maxsize=65536)
def speaker_type_of(mention: str, description: str = "") -> tuple[str, str]:
    """``(type, country)`` of a speaker from its mention and description, by the role rules.

    >>> speaker_type_of("a German official who asked not to be named")
    ('anonymous', 'DE')
    >>> speaker_type_of("Pavel Zhuravlev", "a senior research fellow at the Volkhov Centre")
    ('expert', '')
    >>> speaker_type_of("Attorney General Jo Roe"), speaker_type_of("the prosecutors"), speaker_type_of("FBI")
    (('official', ''), ('official', ''), ('official', ''))
    """
    text = f"{mention} {description}".strip()
    country = country_of(text)
    if is_anonymous(text):
        return "anonymous", country
    words = _words(text)
    joined = " " + " ".join(words) + " "
    # "Attorney General Jo Roe", "the secretary general": a civilian office, not a military rank
    # (the office's phrase in speaker_roles.yaml types it)
    civil = {j for i, w in enumerate(words) if w == "general" and i and words[i - 1] in _CIVIL_GENERALS
             for j in (i - 1, i)}
    words = tuple("" if i in civil else w for i, w in enumerate(words))
    # a mention whose head is the plural of a keyword types as the keyword ("prosecutors", "his attorneys")
    head = _words(mention)[-1:]
    singular = _singular(head[0]) if head else ""
    for t, ws, prefixes, phrases in _type_rules():
        if not ws.isdisjoint(words) or phrases is not None and phrases.search(joined) or \
                prefixes and any(w.startswith(prefixes) for w in words) or singular in ws:
            return t, country
    return "unknown", country


@lru_cache(maxsize=1)
def _type_rules() -> tuple[tuple[str, set[str], tuple[str, ...], re.Pattern | None], ...]:
    """``load_roles().types`` as :func:`speaker_type_of` reads them: the prefixes as one tuple for
    ``str.startswith`` and the phrases, each padded with spaces, as one pattern that matches where any of them
    stands (None without phrases); the rules are unchanged."""
    return tuple((t, ws, tuple(prefixes),
                  re.compile("|".join(re.escape(f" {p} ") for p in phrases)) if phrases else None)
                 for t, ws, prefixes, phrases in load_roles().types)


# offices named "... general" that are no military rank
_CIVIL_GENERALS = frozenset({"attorney", "secretary", "surgeon", "inspector", "solicitor", "consul", "auditor",
                             "comptroller", "postmaster", "governor", "director", "procurator", "prosecutor"})


def _singular(word: str) -> str:
    """The singular of a regular English plural noun ("attorneys" -> "attorney", "deputies" -> "deputy"),
    else "" (short words and words ending in "ss", "us", "is" are left alone: "press", "us", "analysis").

    >>> _singular("prosecutors"), _singular("deputies"), _singular("press"), _singular("gas")
    ('prosecutor', 'deputy', '', '')
    """
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return ""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]
