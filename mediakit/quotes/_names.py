"""What the words of a speaker mention are: the name in it ("Secretary of State Jane Roe" -> "Jane Roe"),
an organisation, a group ("72 percent of Republicans"), a common noun or pronoun that is no name ("Analysts",
"He"), a place that stands for a government ("Paris"). Used by resolution inside an article
(:mod:`._speakers`), the names an article gives (:mod:`._speakers_article`), typing
(:mod:`._speakers_typing`) and merging across articles (:mod:`._speakers_merge`).

>>> _name_part("Sen. Ted Marsh"), _is_group("Critics"), _common("He")
('Ted Marsh', True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold
from ._clauses import _clause_start, _clause_subject, _object_at
from ._gazetteer import (
    _CYR_RE,
    _DETS,
    _HUMAN_HEADS,
    _ORG_WORDS,
    _PRONOUNS,
    _TITLE_WORDS,
    _name_words,
    _read_yaml,
    _words,
    load_roles,
)
from ._words import (
    _ADV_SKIP,
    _AUX,
    _LEADING_ADVERBS,
    _LEADING_SKIP,
    _PREPS,
    _STATEMENT_HEADS,
    _TIME_WORDS,
    _past_like,
)

# a US legislator's party and state after the name: "(D-Nev.)", "(R-N.Y)", "(I-Vt.)"
_PARTY_TAG = re.compile(r"^\(?[DRI]-[A-Z][A-Za-z.]{0,5}\)?\.?$")


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mme", "m"})
# words that count people and open a capitalised run without being a name ("One Republican", "Both Smiths")
_QUANTIFIERS = frozenset({"one", "two", "three", "four", "five", "some", "many", "several", "both", "all", "each",
                          "every", "another", "other", "most", "few", "no"})


# a word's possessive ending; the apostrophe's suffix a name loses (English possessive, Turkish case endings)
_POSSESSIVE_END_RE = re.compile(r"['’]s$")
_NAME_SUFFIX_RE = re.compile(r"['’](s|in|ın|un|ün|nin|nın|a|e|ya|ye|yı|yi|dan|den|nın|ın)$")
_NON_SPACE_RE = re.compile(r"\S+")


@lru_cache(maxsize=65536)
def _name_part(mention: str) -> str:
    """The name in a mention: the last run of capitalised words that are not titles.

    >>> _name_part("Secretary of State Jane Roe")
    'Jane Roe'
    >>> _name_part("ABD Dışişleri Bakanı Jane Roe")
    'Jane Roe'
    >>> _name_part("Daily Ledger's Ed Hollis")
    'Ed Hollis'
    >>> _name_part("One California Republican"), _name_part("Some Democrats")
    ('California Republican', 'Democrats')
    >>> _name_part("Senate Minority Leader Harry M. Rand (D-Nev.)"), _name_part("Rep. Lee Park (R-N.Y)")
    ('Harry M. Rand', 'Lee Park')
    >>> _name_part("House Speaker Jane Roe"), _name_part("Wall Street Mark Hale"), _name_part("Keith Lamont Ferris")
    ('Jane Roe', 'Mark Hale', 'Keith Lamont Ferris')
    >>> _name_part("Harbour Tech CEO Ann Lee"), _name_part("Lena Maria Ortiz")
    ('Ann Lee', 'Lena Maria Ortiz')
    >>> _name_part("Ann Lee Super PAC Chief")
    ''
    >>> _name_part("Mr. King"), _name_part("King Arvid")
    ('King', 'Arvid')
    """
    toks = _name_words(mention)
    pac = next((i for i in range(2, len(toks)) if toks[i] == "PAC" and toks[i - 1].lower() == "super"), None)
    if pac is not None and toks[pac - 2][:1].isupper() and all(
            fold(w).lower().strip(".") in _TITLE_WORDS or fold(w).lower() in _role_vocab() for w in toks[pac + 1:]):
        return ""  # "Ann Lee Super PAC Chief": a person's super PAC is an organisation, no person's name
    while len(toks) > 1 and _PARTY_TAG.match(toks[-1]):
        toks = toks[:-1]  # "Harry M. Rand (D-Nev.)", "Steve Ansel (D-N.Y)": the party and state, no name
    if toks and toks[-1][:1].islower() and toks[-1].isalpha() and len(toks) > 1 and not _CYR_RE.search(toks[-1][:1]) \
            or toks and _CYR_RE.match(toks[-1]) and toks[-1][:1].islower():
        return ""  # "German industry", "Немецкие эксперты": a description ending with its noun
    owned = _owned_complement(toks)
    if owned is not None:
        return owned
    # "Daily Ledger's Ed Hollis": the name is what follows the possessor
    cut = max((i + 1 for i, w in enumerate(toks[:-1]) if _POSSESSIVE_END_RE.search(w) and w[:1].isupper()), default=0)
    toks = [_NAME_SUFFIX_RE.sub("", w) for w in toks[cut:]]
    run: list[str] = []
    for at in range(len(toks) - 1, -1, -1):
        w = toks[at]
        lw = fold(w).lower().strip(".")
        if lw in _TITLE_WORDS and at > 0 and fold(toks[at - 1]).lower().strip(".") in _HONORIFICS and w[:1].isupper():
            lw = ""  # "Mr. King", "Ms. Judge": a surname that is also a title
        if w[:1].isupper() and lw not in _TITLE_WORDS and lw not in _QUANTIFIERS \
                and not (w.isupper() and len(w) > 1 and len(run) == 0 and len(w) <= 3) \
                or w.lower() in ("van", "von", "de", "bin", "al", "el", "la", "le", "da", "di", "du", "ter") and run:
            run.append(w)
        else:
            if run:
                break
    run.reverse()
    # two or more capitalised words, none a given name or an initial, before a given name and a surname
    given = next((j for j in range(2, len(run) - 1) if fold(run[j]).lower() in _first_names()), None)
    if given is not None and not _lead_word(run[0], run[1]) and not any(
            fold(w).lower().strip(".") in _first_names() or len(w.strip(".")) <= 1 for w in run[:given]):
        run = run[given:]  # "Wall Street Mark Hale", "Harbour County Recorder Jane Roe": before "Jane"
    role = max((j for j in range(len(run) - 2) if _lead_word(run[j], run[j + 1])), default=None)
    if role is not None:
        run = run[role + 1:]  # "Speaker Jane Roe", "Harbour Tech CEO Jane Roe": the name is what follows the role
    return " ".join(run).strip(".")


def _owned_complement(toks: list[str]) -> str | None:
    """The name in a possessed description with a complement ("Lee's aggressive attack on Roe", "Lee's lawyer for
    Roe"): the person the complement names is what the description is about, never who it is. A speech act
    ("attack", "letter", "response": :data:`._words._STATEMENT_HEADS`) is its possessor speaking; anything else
    names no one (""). None when the mention is not so built.

    >>> _owned_complement("Ann Lee's aggressive attack on Roe".split()), _owned_complement("Lee's lawyer for Roe".split())
    ('Ann Lee', '')
    >>> _owned_complement("Daily Ledger's Ed Hollis".split()) is None, _owned_complement("the head of Chile's agency".split()) is None
    (True, True)
    """
    own = next((i for i, w in enumerate(toks[:-2]) if w[:1].isupper() and re.search(r"['’]s$", w)), None)
    if own is None or any(w.lower() in _PREPS for w in toks[:own]):
        return None
    rest = toks[own + 1:]
    prep = next((j for j, w in enumerate(rest) if j > 0 and w in _PREPS), None)
    if prep is None or not all(w.islower() and w.replace("-", "").isalpha() for w in rest[:prep]) \
            or not any(w[:1].isupper() for w in rest[prep + 1:]):
        return None
    if fold(rest[prep - 1]).lower() not in _STATEMENT_HEADS:
        return ""
    return _name_part(" ".join([*toks[:own], re.sub(r"['’]s$", "", toks[own])]))


def _lead_word(word: str, nxt: str, glued: bool = False) -> bool:
    """True when ``word``, in front of a person's name whose next word is ``nxt``, is no part of it: a role or
    descriptor ("Speaker", "Billionaire", "Comedian", "Democrat"), or (``glued``: the rest is a full name
    known from elsewhere) a capitalised word that is no given name before a given name ("Street Mark
    Hale": a headline's last word). An initial ("J.") or a given name ("Keith Lamont Ferris") stays; so does
    a word before a given name in a name nobody shortens ("Lena Maria Ortiz").

    >>> _lead_word("Speaker", "Jane"), _lead_word("Street", "Jane"), _lead_word("Street", "Jane", glued=True)
    (True, False, True)
    """
    low = fold(word).lower().strip(".,")
    if len(low) <= 1 or low in _first_names():
        return False
    if low.endswith("s") and (low[:-1] in _role_vocab() or low[:-1] in _TITLE_WORDS):
        return True  # "Presidents Lena Ortiz and Tom Vance"
    return low in _role_vocab() or low in _TITLE_WORDS or glued and fold(nxt).lower().strip(".") in _first_names()


@lru_cache(maxsize=1)
def _first_name_lists() -> dict:
    """resources/first_names.yaml, read once (given names by gender, gendered role words, surname endings)."""
    return _read_yaml("first_names.yaml")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Given names of resources/first_names.yaml by gender (folded, lower case)."""
    raw = _first_name_lists()
    return frozenset(fold(str(w)).lower() for k in ("female", "male") for w in raw.get(k) or [])


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """:func:`_first_names` and the formal names and short forms of resources/first_names.yaml's
    ``short_forms`` that are no common word ("Jeb", "Leo"; not "Will"): the given names that tell a glued word
    in front of a full name known from elsewhere ("Abortions Jeb Roe" of "Jeb Roe"). Not used to cut a
    name inside one mention, where a given name may be a middle name ("Norbert Leo Dunn")."""
    return _first_names() | (frozenset(_given_forms()) - _function_words())


@lru_cache(maxsize=1)
def _given_forms() -> dict[str, frozenset[str]]:
    """``short_forms`` of resources/first_names.yaml: each given name (folded, lower case) -> the formal names
    it is or may stand for ("chris" -> christina, christine, christopher; "benjamin" -> benjamin)."""
    out: dict[str, set[str]] = {}
    for formal, shorts in (_first_name_lists().get("short_forms") or {}).items():
        f = fold(str(formal)).lower()
        out.setdefault(f, set()).add(f)
        for s in shorts or ():
            out.setdefault(fold(str(s)).lower(), set()).add(f)
    return {k: frozenset(v) for k, v in out.items()}


def _same_given(a: str, b: str) -> bool:
    """True when two given names can name one person: the same name, or one a short form of the other
    ("Ben" and "Benjamin"). Two different short forms never meet ("Ted" and "Ed" are two people, though
    both may be an Edward), nor two formal names ("Alexander" and "Alexandra").

    >>> _same_given("Ben", "Benjamin"), _same_given("bob", "Robert"), _same_given("Chris", "Christine")
    (True, True, True)
    >>> _same_given("Ted", "Ed"), _same_given("Alexander", "Alexandra"), _same_given("Mark", "Scott")
    (False, False, False)
    """
    a, b = fold(a).lower().strip("."), fold(b).lower().strip(".")
    if a == b:
        return True
    forms = _given_forms()
    return a in forms.get(b, ()) or b in forms.get(a, ())


def _glued_form(name: str, known) -> str:
    """The known full name (two or more words) that ``name`` ends with when the words in front of it are no
    part of a name (:func:`_lead_word`, or words the article writes in lower case: ``known`` may carry them
    as ``known.lower``); ``name`` itself otherwise.

    >>> _glued_form("Icon Ann Hart", {"Ann Hart"}), _glued_form("Keith Lamont Ferris", {"Lamont Ferris"})
    ('Ann Hart', 'Keith Lamont Ferris')
    >>> _glued_form("More Offensive Things Ann Hart", {"Ann Hart"})
    'Ann Hart'
    """
    words = name.split()
    lower = getattr(known, "lower", ())
    for k in range(1, len(words) - 1):
        rest = " ".join(words[k:])
        if rest not in known or not all(w[:1].isupper() for w in words[:k]):
            continue
        if all(_lead_word(w, words[i + 1], glued=True) or w.lower() in lower or fold(w).lower() in _function_words()
               for i, w in enumerate(words[:k])):
            return rest
        if fold(words[k]).lower() in _given_names() and not any(
                fold(w).lower().strip(".") in _given_names() or len(w.strip(".")) <= 1 for w in words[:k]):
            return rest  # "More Offensive Things Jane Roe": a headline's words before a given name
    return name


# prepositions that open a phrase after a speaker's name and before how they spoke ("Ann Lee in a statement",
# "Tom Vance on Twitter", "Jane Roe of Harbour University")
_PARTICLES = frozenset({"out", "up", "down", "off", "back"})
_TAIL_PREPS = frozenset({"in", "on", "at", "during", "via", "of", "from", "with", "to", "for"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
# participles of what someone else did with a text; their agent ("obtained by the Harbour Post") is no author
_HANDLED_BY = frozenset({"obtained", "seen", "reviewed", "viewed", "acquired", "cited", "quoted", "described",
                         "provided", "shared", "leaked", "forwarded", "posted", "published"})


def _without_tail(mention: str) -> str:
    """``mention`` without what follows a person's full name: a phrase on how they spoke ("in a statement",
    "in a telephone interview"), a parenthetical ("(R-Wis.)") and anything after it, a verb after the
    name ("Mr. Lee tried to defend his remarks"), a place after a given name ("Jane Roe of Ohio"). The
    mention itself when no full name is cut off.

    >>> _without_tail("House Speaker Paul Royce in a statement"), _without_tail("Sen. Ron Lee (R-Wis.) kept")
    ('House Speaker Paul Royce', 'Sen. Ron Lee')
    >>> _without_tail("Mr. Vance tried to defend his remarks"), _without_tail("Chancellor Angela Weber of Germany")
    ('Mr. Vance', 'Chancellor Angela Weber')
    >>> _without_tail("Bank of America"), _without_tail("voters in Ohio"), _without_tail("Ann Lee")
    ('Bank of America', 'voters in Ohio', 'Ann Lee')
    >>> _without_tail("Labor Secretary Ann Lee stopped"), _without_tail("Ann Lee sent out a statement")
    ('Labor Secretary Ann Lee', 'Ann Lee')
    >>> _without_tail("The Harbour Museum issued a report")
    'The Harbour Museum issued a report'
    >>> _without_tail("Mrs. Roe herself")
    'Mrs. Roe'
    >>> _without_tail("Tom Vance for Harbour Polling"), _without_tail("Jo Roe of the Harbour Institute")
    ('Tom Vance', 'Jo Roe')
    >>> _without_tail("United States of the future"), _without_tail("Ann Lee-Vale for Harbour")
    ('United States of the future', 'Ann Lee-Vale')
    >>> _without_tail("A letter from Harbour Legion obtained by The Harbour Post"), _without_tail("Lee on Roe's Tapes")
    ('A letter from Harbour Legion', 'Lee')
    >>> _without_tail("Bank of the West"), _without_tail("Americans for Prosperity")
    ('Bank of the West', 'Americans for Prosperity')
    """
    raw = mention.split()
    cut = next((i for i in range(1, len(raw)) if raw[i].lower().strip(",;:") in _REFLEXIVES
                and raw[i - 1][:1].isupper()), None)
    if cut is not None:
        return " ".join(raw[:cut])  # "Mrs. Roe herself": the person
    cut = next((i for i in range(1, len(raw) - 1) if raw[i] in _HANDLED_BY and raw[i + 1].lower() == "by"), None)
    if cut is not None:
        return " ".join(raw[:cut])  # "A letter from Harbour Legion obtained by the Harbour Post": the letter
    if not raw or raw[0].lower() in _DETS:
        return mention  # "The first parts of the Harbour Line (HL-2) ...": no person's name
    for i in range(1, len(raw)):
        w = raw[i]
        before = " ".join(raw[:i])
        if not raw[i - 1][:1].isupper() and not raw[i - 1].endswith(")"):
            continue
        if w.startswith("(") and len(_name_part(before).split()) >= 2 and not _is_org(_name_part(before)):
            return before  # "Sen. Ron Lee (R-Wis.) kept"
        low = w.lower()
        name = _name_part(before)
        if i == 1 and low == "on" and i + 1 < len(raw) and re.fullmatch(r"[A-Z][a-z'’-]+", raw[0]) \
                and not _is_org(raw[0]) and raw[0].lower() not in _place_words() and raw[0].lower() not in _TIME_WORDS:
            return before  # "Lee on Roe's Transcripts: ...": a headline's speaker and topic
        if low in _TAIL_PREPS and i + 1 < len(raw) and not _is_org(name):
            nxt = raw[i + 1]
            parts = name.split()
            given = bool(parts) and parts[0].lower() in _first_names()
            person = given or len(parts) <= 3 and all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in parts) \
                and not any(w.lower() in _place_words() for w in parts)
            if len(parts) >= 2 and (nxt[:1].islower() and low not in ("of", "to", "for")
                                    or nxt[:1].isupper() and given
                                    or person and (nxt[:1].isupper() and low in ("for", "from", "with")
                                                   or nxt.lower() == "the" and low in ("of", "for", "from", "with"))):
                # "Ann Lee in a statement", "Angela Weber of Germany", "Tom Vance for Harbour Polling", "Jo Roe
                # of the Harbour Institute": the person, whose body or outlet the phrase names
                return before
            if low == "of" and nxt.lower() == "the" and _titled_run(before, name):
                return before  # "Archbishop Aris Vartanian of the Armenian Patriarchate": a titled person's body
        if w[:1].islower() and (_past_like(low) or low.endswith("s")) and low not in _PREPS and low not in _AUX \
                and name and not _is_org(name) and i + 1 < len(raw) and (
                    raw[i + 1].lower() == "to" or _object_at(raw, [x.lower() for x in raw], i + 1)
                    or raw[i + 1].lower() in _PARTICLES and i + 2 < len(raw)
                    and _object_at(raw, [x.lower() for x in raw], i + 2)):
            return before  # "Mr. Vance tried to defend his remarks", "Ann Lee sent out a statement"
        if i == len(raw) - 1 and w[:1].islower() and _past_like(low) and len(name.split()) >= 2 \
                and not _is_org(name):
            return before  # "Labor Secretary Ann Lee stopped": a past verb closing the mention
    return mention


def _titled_run(before: str, name: str) -> bool:
    """True when ``before`` ends with a person's full ``name`` right after a title or role word ("Archbishop
    Aris Vartanian", "Bishop Ann Lee"), so that an "of the ..." after it names the person's body, not more
    of the name ("Bank of the West" has no title)."""
    raw = before.split()
    n = len(name.split())
    if n < 2 or len(raw) <= n or " ".join(raw[-n:]).strip(".") != name:
        return False
    lead = fold(raw[-n - 1]).lower().strip(".,")
    return lead in _TITLE_WORDS or lead in _role_vocab()


@lru_cache(maxsize=65536)
def _is_org(mention: str) -> bool:
    return any(w in _ORG_WORDS for w in _words(mention))


def _head(desc: str) -> str:
    words = [w for w in _words(desc) if w not in _DETS]
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def _roles_extra() -> dict:
    """The ``capitals`` and ``groups`` word lists of speaker_roles.yaml (folded, lower-cased)."""
    raw = _read_yaml("speaker_roles.yaml")
    return {k: frozenset(fold(str(w)).lower() for w in raw.get(k) or []) for k in ("capitals", "groups")}


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words that name a government by its place: the capitals of speaker_roles.yaml ("Paris said") and
    the names of countries there that are no adjectives or people ("Poland", not "Polish" or "Americans")."""
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

    >>> _is_group("72 percent of Republicans"), _is_group("Critics"), _is_group("Ted Marsh")
    (True, True, False)
    >>> _is_group("Aides to Lee"), _is_group("supporters of the mayor"), _is_group("spokesman for Ted Marsh")
    (True, True, False)
    """
    words = [w for w in _words(mention) if w not in _DETS]
    if not words:
        return False
    groups = _roles_extra()["groups"]
    first = words[0]
    if len(words) > 2 and words[1] in ("to", "of", "for", "close", "around", "from") and first.endswith("s") and (
            first in groups or first[:-1] in _HUMAN_HEADS or first in _common_nouns()):
        return True  # "Aides to Lee", "allies of the mayor", "advisers close to him": someone's people
    head = words[-1]
    if any(w in ("percent", "majority", "half", "third", "share", "cohort", "number", "most", "many") for w in words) \
            and "of" in words:
        return True
    if head in groups or head.endswith("ans") and (head in _common_nouns() or head.split("-")[-1] in groups
                                                    or head in _nationality_plurals()):
        return True  # "Republicans", "African-Americans", "Germans"
    if head.endswith("s") and head[:-1] in _HUMAN_HEADS or head in _common_nouns() and head.endswith("s"):
        raw = _name_words(mention)
        # "Polish economists", "Aides" (a sentence's first word): no name
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

    >>> _common("He"), _common("Analysts"), _common("Republicans"), _common("Ted Marsh"), _common("White House")
    (True, True, False, False, False)
    >>> _common("study released Monday")
    True

    A quantity of people or an indefinite description is no name, capitalised or not ("Some Democrats", "A
    Chinese", "many World Bank watchers"), nor a lower-case phrase whose head is a common noun ("former Ohio
    governor"); a name in lower-case company keeps its capitals ("nonpartisan Congressional Budget Office"):

    >>> _common("Some Democrats"), _common("A Chinese"), _common("many World Bank watchers")
    (True, True, True)
    >>> _common("former Ohio governor"), _common("nonpartisan Congressional Budget Office"), _common("A. Lee")
    (True, False, False)
    """
    if not name:
        return True
    raw = _name_words(name)
    if not raw:
        return True
    first = fold(raw[0]).lower().strip(".'’")
    if len(raw) == 1 and (first in _PRONOUNS or first in _DETS or first in _OTHER_PRONOUNS):
        return True
    if len(raw) > 1 and raw[0].lower() in _INDEFINITE_LEADS:
        return True  # "Some Democrats", "A Chinese": people counted or described, no one named
    if len(raw) > 1 and raw[0][:1].islower() and raw[-1][:1].islower() and first != "anonymous":
        return True  # "former Ohio governor", "drawn criticism from some Western capitals": a common noun heads it
    if any(w[:1].isupper() and fold(w).lower().strip(".,") not in _TIME_WORDS for w in raw[1:]):
        return False  # "study released Monday": a weekday or month is no name
    if first in _PRONOUNS or first in _DETS or not raw[0][:1].isupper():
        return True
    return len(raw) == 1 and (first in _common_nouns() or first.endswith("s") and first[:-1] in _common_nouns())


# words opening a mention that counts people or describes someone new: no name follows them in one noun phrase
_INDEFINITE_LEADS = frozenset({"a", "an", "some", "many", "several", "both", "few", "most", "others", "other",
                               "another", "all", "any"})


# words of a time phrase that may close a speaker mention ("A poll released on Thursday"); no abbreviation
# ("Jun") and no month that is also a name ("Carol May")
_TIME_TAIL = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
                        "weekend", "month", "year", "night", "morning", "afternoon", "evening", "day", "today",
                        "yesterday", "tonight", "january", "february", "july", "september", "october",
                        "november", "december"})
_TIME_TAIL_OPENERS = frozenset({"on", "at", "in", "last", "this", "late", "early", "earlier", "next"})


def _without_time(mention: str) -> str:
    """``mention`` without a trailing time phrase that dates a participle ("A poll released on Thursday" ->
    "A poll released") or stands after the speaker ("The Republican National Committee this week"); the
    mention itself when nothing else would be left or no time phrase closes it.

    >>> _without_time("A poll released on Thursday"), _without_time("New polls released Sunday")
    ('A poll released', 'New polls released')
    >>> _without_time("Carol May"), _without_time("Monday"), _without_time("columnist Ai Jun")
    ('Carol May', 'Monday', 'columnist Ai Jun')
    >>> _without_time("Rep. Ann Wells (D-Va.) last month"), _without_time("voters in South Carolina this week")
    ('Rep. Ann Wells (D-Va.)', 'voters in South Carolina this week')
    """
    raw = mention.split()
    k = len(raw)
    while k > 0 and fold(raw[k - 1]).lower().strip(".,") in _TIME_TAIL:
        k -= 1
    if k == len(raw) or k == 0:
        return mention
    if raw[k - 1].lower() in _TIME_TAIL_OPENERS:
        k -= 1
    elif not _past_like(raw[k - 1].lower()) or raw[k - 1][:1].isupper():
        return mention  # "Fenn Sunday": a bare weekday after a name is left as it is
    if k < 2:
        return mention
    rest = raw[:k]
    cap = k
    while cap > 0 and rest[cap - 1][:1].isupper():
        cap -= 1
    if cap < k and any(w.lower() in ("in", "at", "of", "from", "on", "for", "with") for w in rest[:cap]):
        return mention  # "veterans interviewed at rallies in South Carolina this week": no place as the name
    return " ".join(rest)


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


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Words that open a sentence but never a name (the project's stop words, time words, adverbs)."""
    from ..text import _stop_word_list  # not vectorize's loader: that module imports scikit-learn (~1 s)

    stop = _stop_word_list("en") | _stop_word_list("tr") | _stop_word_list("ru")
    return (stop | frozenset(_TIME_WORDS) | frozenset(_ADV_SKIP)
            | frozenset(_LEADING_SKIP) | frozenset(_LEADING_ADVERBS))


_INTRO_LINKS = {"former", "then", "of", "the", "vice", "deputy", "senior", "chief", "retired", "acting", "ex",
                "state", "national", "general", "top", "longtime", "veteran"}


@lru_cache(maxsize=1)
def _role_vocab() -> frozenset[str]:
    roles = load_roles()
    words = {w for _t, ws, _p, phrases in roles.types for w in ws | {x for ph in phrases for x in ph.split()}}
    return frozenset(words | _INTRO_LINKS)


# capitalised words that open a sentence before the speaker's name without being part of it ("Despite George
# Will's warning", "After Smith's remarks"): prepositions and subordinators, which no name begins with
_NAME_LEAD_WORDS = frozenset((_PREPS | {"although", "though", "while", "whereas", "because", "since", "unless",
                                        "if", "when", "once", "until"}) - {"de", "van", "von", "la"})


def _speaker_extent(mention: str, clause: bool = True) -> tuple[int, int]:
    """Character offsets (within ``mention``) of the noun phrase that names the speaker: without a preposition
    opening the sentence before a name ("Despite Roger Will" -> "Roger Will"), a clause after the subject
    ("Local commentators spent the day" -> "Local commentators") or a participle dated by a time phrase ("A
    campaign TV ad released Thursday" -> "A campaign TV ad"), or a subject pronoun closing it ("late Saturday
    he" -> "he"). With ``clause`` False only the preposition and the closing pronoun are cut. The whole mention
    when nothing is cut.

    >>> m = "Despite Roger Will"; s, e = _speaker_extent(m); m[s:e]
    'Roger Will'
    >>> m = "Local commentators spent the day"; s, e = _speaker_extent(m); m[s:e]
    'Local commentators'
    >>> m = "A campaign TV ad released Thursday"; s, e = _speaker_extent(m); m[s:e]
    'A campaign TV ad'
    >>> m = "late Saturday he"; s, e = _speaker_extent(m); m[s:e]
    'he'
    >>> m = "Values Voters Believe In\\nJohn Brandt"; s, e = _speaker_extent(m); m[s:e]
    'John Brandt'
    >>> _speaker_extent("Ann Lee"), _speaker_extent("Carol May")
    ((0, 7), (0, 9))
    """
    toks = [(m.start(), m.end(), m.group()) for m in _NON_SPACE_RE.finditer(mention)]
    if not toks:
        return 0, len(mention)
    first = fold(toks[0][2]).lower()
    if len(toks) > 1 and first in _NAME_LEAD_WORDS and toks[0][2][:1].isupper() and toks[1][2][:1].isupper():
        toks = toks[1:]  # "Despite Roger Will"
    nl = mention.rfind("\n")
    if nl > toks[0][0]:
        after = [t for t in toks if t[0] > nl]
        if after and len(_name_part(mention[after[0][0]:]).split()) >= 2:
            toks = after  # "Values Americans Believe In\nJohn Brandt": a headline's line is no part of the name
    s0 = toks[0][0]
    rest = mention[s0:]
    if len(toks) > 1 and fold(toks[-1][2]).lower() in ("he", "she", "they", "we", "i"):
        return toks[-1][0], toks[-1][1]  # "late Saturday he", "all she": the pronoun is the speaker
    if not clause:
        return s0, toks[-1][1]
    at = _clause_start(rest)
    if at is not None and at > 0:
        head = _clause_subject(rest)
        if head and rest.startswith(head):
            return s0, s0 + len(head)
        if head and " ".join(rest.split()).startswith(head):
            n = len(head.split())
            return s0, toks[n - 1][1] if n <= len(toks) else len(mention)
    short = _without_time(rest)
    words = short.split()
    if short != rest and len(words) >= 3 and _past_like(words[-1].lower()) and words[-1][:1].islower():
        n = len(words) - 1  # "A poll released on Thursday": the participle dates the speaker, names no one
        return s0, toks[n - 1][1]
    return s0, toks[-1][1]
