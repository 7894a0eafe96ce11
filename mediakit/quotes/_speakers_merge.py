"""Speaker names merged across articles: the same full name, or a bare surname the corpus (or the gazetteer)
gives one person; groups, descriptions and places never merge. Names are resolved inside each article first
(:mod:`._speakers`); a surname an article gives two people reaches this step unresolved.

>>> merge_names(["Lopez", "Maria Lopez"])["Lopez"]
'Maria Lopez'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..text import fold
from ._gazetteer import (
    Gazetteer,
    _article_country,
    _norm,
    _words,
    as_gazetteer,
    country_of,
    is_anonymous,
    load_gazetteer,
    name_key,
    name_suffix,
    speaker_type_of,
)
from ._names import (
    _common,
    _first_names,
    _given_forms,
    _glued_form,
    _is_group,
    _is_org,
    _name_part,
    _place_words,
    _same_given,
)
from ._speakers_typing import _gender_of, given_name_gender

__all__ = ["merge_names", "clear_caches", "untitled_name"]


def clear_caches() -> None:
    """Empty the memo caches of name normalisation and typing (for cold-start timing)."""
    for fn in (_norm, name_key, _words, is_anonymous, country_of, speaker_type_of, _name_part, _is_org,
               _article_country, given_name_gender):
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
    >>> "Boyce" in merge_names(["Boyce", "Michael Boyce", "John Boyce"])
    False
    >>> merge_names(["Street Mary Lopez", "Mary Lopez"])["Street Mary Lopez"]
    'Mary Lopez'
    >>> merge_names(["Keith Lamont Ferris", "Lamont Ferris"]).get("Keith Lamont Ferris")  # a given name stays
    'Keith Lamont Ferris'
    >>> merge_names(["Vega Roe", "Linda Vega Roe"])["Vega Roe"]  # a two-word surname
    'Linda Vega Roe'
    >>> merge_names(["Jeb Roe", "Abortions Jeb Roe"]).get("Jeb Roe", "Jeb Roe")  # no given name before it
    'Jeb Roe'
    >>> merge_names(["F.A.A", "Big Win A"])  # an acronym and a cut name are no person's names
    {}
    >>> merge_names(["George W. Roe", "George W. Roe", "George P. Roe"])["George P. Roe"]  # another initial
    'George P. Roe'
    >>> from mediakit.quotes import Entry
    >>> gz = Gazetteer([Entry("María José López", "person", "official")])
    >>> merge_names(["Lopez", "Maria Lopez"])["Lopez"], merge_names(["Lopez", "Maria Lopez"], gazetteer=gz)["Lopez"]
    ('Maria Lopez', 'María José López')
    """
    gz = as_gazetteer(gazetteer)
    counts = Counter(c for c in canonicals if isinstance(c, str) and c)
    groups: dict[str, list[str]] = defaultdict(list)
    people = set()
    glued: dict[str, str] = {}
    titled: dict[str, tuple[str, str]] = {}
    for name in list(counts):
        t = _TITLED.fullmatch(name)
        if t is not None:
            titled[name] = ("m" if t.group(1) == "Mr" else "f", t.group(2))  # "Mr. Roe": after the full names
            continue
        part = _name_part(name)
        if name.startswith("anonymous") or _is_org(name) or not part or " and " in name \
                or all(w in _place_words() for w in _words(part)) or _is_group(name) or _common(name) \
                or "." in part and " " not in part and part == part.upper() or len(part.split()[-1].strip(".")) == 1:
            # only persons' names merge: no groups, descriptions or places, no dotted acronym ("F.A.A"), no
            # name cut at an initial ("Jo R", "Big Win A")
            continue
        if _norm(part) != _norm(name):
            lead = name[:-len(part)].split() if name.endswith(" " + part) else []
            if len(part.split()) > 1 and lead and all(w[:1].isupper() for w in lead):
                glued[name] = part  # "Speaker Jane Roe": a role in front of the name
                people.add(part)
            continue
        people.add(name)
    # "Leadership Jane Roe" where the corpus names "Jane Roe": words glued in front of a name are no part of it
    glued.update({n: g for n in people if len(n.split()) > 2 and (g := _glued_form(n, people)) != n})
    people -= set(glued)
    for name in people:
        groups[name_key(name)].append(name)
    for name, g in glued.items():
        counts[g] += counts[name]
    out: dict[str, str] = {}
    for _key, members in groups.items():
        full = [m for m in members if len(m.split()) > 1]
        # a bare surname joins a full name only when one person of that surname is named in the corpus
        # ("Boyce" is not "Michael Boyce" when "John Boyce" is quoted too)
        firsts = {_norm(f).split()[0] for f in full}
        persons = {(_given_key(_norm(f).split()[0], firsts), name_suffix(f)) for f in full}
        for m in members:
            e = gz.lookup(m)
            if e is not None:
                out[m] = e.name
                continue
            first = _norm(m).split()[0] if len(m.split()) > 1 else None
            if first is None and len(persons) != 1:
                continue
            # "Vega Roe" of "Linda Vega Roe": a two-word surname after a given name
            longer = {f for f in full if f.endswith(" " + m) and _norm(f).split()[0] in _first_names()}
            if first is not None and first not in _first_names() and len({_norm(f) for f in longer}) == 1:
                out[m] = max(longer, key=lambda f: (counts[f], f))  # "Vega Roe": a two-word surname
                continue
            compatible = [f for f in full if first is None or _same_given(_norm(f).split()[0], first)
                          and name_suffix(f) == name_suffix(m) and _same_initial(f, m)]
            if first is not None and len({_given_key(_norm(f).split()[0], firsts) for f in compatible}) > 1:
                # "Chris Roe" where the corpus names Christopher Roe and Christine Roe: only the same name
                compatible = [f for f in compatible if _norm(f).split()[0] == first]
            if compatible:
                # the most frequent full form, Latin script first (reports are read in a Latin script), one in
                # capitals last (a transcript's label); on a tie the form itself decides, as below (two spellings
                # differing only by diacritics tie, and the set order of `people` varied with the hash seed)
                out[m] = max(compatible, key=lambda f: (f.isascii() or fold(f).isascii(), not f.isupper(),
                                                        counts[f] + sum(counts[g] for g in compatible
                                                                        if _norm(g) == _norm(f)), len(f), f))
    for name, g in glued.items():
        out[name] = out.get(g, g)
    for name, (gender, surname) in titled.items():
        out[name] = _titled_person(gender, surname, groups.get(name_key(surname), []), counts, out)
    # spellings that differ only by diacritics meet on the most frequent one; by case, on the one not in capitals
    # (a transcript's label "JOEL BENSON" is "Joel Benson")
    by_norm: dict[str, list[str]] = defaultdict(list)
    for m in set(out.values()):
        by_norm[_norm(m)].append(m)
    for forms in by_norm.values():
        if len(forms) > 1:
            best = max(forms, key=lambda f: (not f.isupper(), counts[f], f))
            for m, v in list(out.items()):
                if v in forms:
                    out[m] = best
    return out


# a bare surname after a gendered title ("Mr. Roe", "Mrs. Roe"), as resolution leaves it (._speakers)
_TITLED = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")


def untitled_name(name: str | None) -> str | None:
    """A canonical name without the gendered title that resolution keeps on a bare surname for the merge
    ("Mr. Roe" -> "Roe"): what a table whose names are not merged across articles shows.

    >>> untitled_name("Mr. Roe"), untitled_name("Ann Roe"), untitled_name(None)
    ('Roe', 'Ann Roe', None)
    """
    t = _TITLED.fullmatch(name) if isinstance(name, str) else None
    return t.group(2) if t else name


def _titled_person(gender: str, surname: str, members: list[str], counts: Counter, out: dict[str, str]) -> str:
    """"Mr. Roe": the one person of that surname in the corpus whose given name is not the other gender's
    ("Tom Roe" beside "Ann Roe"); with none or several, the bare surname (merged as a bare surname is).

    >>> c, both = Counter({"Tom Roe": 2, "Ann Roe": 1}), ["Tom Roe", "Ann Roe"]
    >>> _titled_person("m", "Roe", both, c, {}), _titled_person("f", "Roe", both, c, {})
    ('Tom Roe', 'Ann Roe')
    >>> _titled_person("m", "Roe", ["Tom Roe", "Bob Roe"], c, {})
    'Roe'
    """
    other = "f" if gender == "m" else "m"
    people: dict[str, list[str]] = defaultdict(list)
    for f in members:
        if len(f.split()) > 1 and _gender_of(f) != other:
            people[_norm(out.get(f, f))].append(out.get(f, f))
    if len(people) != 1:
        return out.get(surname, surname)
    forms = next(iter(people.values()))
    return max(forms, key=lambda f: (counts[f], f))


def _same_initial(a: str, b: str) -> bool:
    """False when two names give different middle initials ("George P. Roe" is not "George W. Roe"); a name
    without one may be either.

    >>> _same_initial("George W. Roe", "George P. Roe"), _same_initial("George W. Roe", "George Roe")
    (False, True)
    """
    ia = {w.strip(".") for w in a.split()[1:-1] if len(w.strip(".")) == 1}
    ib = {w.strip(".") for w in b.split()[1:-1] if len(w.strip(".")) == 1}
    return not ia or not ib or ia == ib


def _given_key(first: str, firsts: set[str]) -> str:
    """The person a given name stands for among the given names ``firsts`` of one surname in the corpus: a
    short form is its formal name when the corpus writes exactly one of its formal names ("ben" -> "benjamin"
    beside "Benjamin Lee"), itself otherwise.

    >>> _given_key("ben", {"ben", "benjamin"}), _given_key("chris", {"chris", "christopher", "christine"})
    ('benjamin', 'chris')
    """
    formal = [f for f in _given_forms().get(first, ()) if f != first and f in firsts]
    return formal[0] if len(formal) == 1 else first
