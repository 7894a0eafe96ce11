"""What NewsTokenizer reads past or rewrites before it tokenises: clock times, a US legislator's party and state
("(R-Fla.)"), headings and datelines set in capitals, and possessive apostrophes. Each function returns a new string for tokens only (lengths may change),
never one to take offsets from.

>>> _drop_clock_times("Updated 10:30 a.m. ET: the vote")
'Updated  : the vote'
>>> _lower_datelines("WASHINGTON — The vote")
'washington — The vote'
>>> _drop_party_tags("Sen. Jo Roe (I-Vt.) and Rep. Al Lee, R-Fla., met on D-Day; D-N.Y. and R-TX too")
'Sen. Jo Roe ( ) and Rep. Al Lee,  , met on D-Day;   and   too'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ._stopwords import _function_words

# Clock times are furniture of live blogs and datelines, never terms: "10:30", "10:30:15", "5 p.m", "5pm",
# "10 A.M", with a following time zone ("3:45 p.m ET"), and a bare lower-case "a.m"/"p.m" ("at five p.m").
# A full stop after "p.m" is left in place, so it still ends the sentence for n-grams.
_ZONE = r"(?:\.?\s(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|MSK|TRT)(?!\w))?"
_MERIDIEM = r"\s?[AaPp]\.?[Mm](?!\w)"
_CLOCK_RE = re.compile(r"(\d\d?)(?:(:[0-5]\d(?::[0-5]\d)?(?!:?\d))(?:" + _MERIDIEM + ")?|" + _MERIDIEM + ")" + _ZONE)
# Scanning a whole text for _CLOCK_RE costs as much as tokenising it; these anchors start with a literal
# character, which the regex engine finds fast, and _CLOCK_RE is tried only just before each of them.
_CLOCK_ANCHORS = (
    (":", re.compile(r":[0-5]\d")),
    (".", re.compile(r"\.[mM](?!\w)")),
    ("m", re.compile(r"m(?:(?<=\d[pPaA]m)|(?<=\d [pPaA]m))(?!\w)")),
    ("M", re.compile(r"M(?:(?<=\d[pPaA]M)|(?<=\d [pPaA]M))(?!\w)")),
)


def _clock_spans(doc: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the clock times in ``doc`` (see _CLOCK_RE); possibly overlapping."""
    spans = []
    for literal, anchor in _CLOCK_ANCHORS:
        if literal not in doc:
            continue
        for m in anchor.finditer(doc):
            at = m.start()
            j = at - 1
            while j >= 0 and j >= at - 8 and (doc[j].isdigit() or doc[j] in ": .aApP"):
                j -= 1
            for start in range(j + 1, at):              # the leftmost clock time reaching the anchor
                before = doc[start - 1] if start else " "
                if not doc[start].isdigit() or before.isalnum() or before in "_:.,/-":
                    continue
                c = _CLOCK_RE.match(doc, start)
                if c and c.end() > at and int(c.group(1)) <= (23 if c.group(2) else 12):
                    spans.append((start, c.end()))
                    break
            else:
                if literal == "." and at and doc[at - 1] in "ap" and not (at > 1 and (
                        doc[at - 2].isalnum() or doc[at - 2] == "_")):
                    spans.append((at - 1, at + 2))     # a bare "a.m"/"p.m"
    return spans


# Words in capitals that are not acronyms: a heading or headline set in capitals ("HOW CHINA'S DECLINE AFFECTS
# THE REST OF THE WORLD": three or more such words in a row, one of them a function word such as THE, or two of
# six letters or more) and a dateline's place at the start of a line near the top ("WASHINGTON — ", "NEW YORK
# (AP) — ", "BERLIN - ", "ПАРИЖ, 12 июля"). NewsTokenizer writes them in lower case, so that "THE" and
# "WASHINGTON" are not terms of an outlet that shouts its headings or datelines; "FBI, CIA and NATO" stay.
_UP = "A-ZÀ-ÖØ-ÞА-ЯЁİŞĞ"
_CAPS_WORD = f"[{_UP}][{_UP}0-9'’.&-]*"
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_SHOUT_RUN_RE = re.compile(rf"(?<![\w'’.-])(?:{_CAPS_WORD}[,:]?[ \t]+){{2,}}{_CAPS_WORD}(?![\w'’-])")
_DATELINE_RE = re.compile(   # matched at line starts only
    rf"[ \t]*(?:{_CAPS_WORD}[ \t]+){{0,2}}{_CAPS_WORD}"
    rf"(?=(?:,[ \t]*[A-Z][a-z]+\.?)?[ \t]*(?:\([^)\n]{{1,30}}\)[ \t]*)?(?:[—–]|-[ \t])"
    rf"|,[ \t]*(?:(?:{_MONTHS})[a-z]*\.?[ \t]+\d|\d{{1,2}}[ \t]+\w))")
_DATELINE_WITHIN = 600   # characters from the top where a dateline is looked for


def _lower_runs(doc: str) -> str:
    r"""``doc`` with headings in capitals in lower case (for tokens only, as :func:`_lower_datelines`).

    >>> _lower_runs("HOW CHINA'S DECLINE AFFECTS THE WORLD\nThe US and NATO said. FBI, CIA, NSA and NATO.")
    "how china's decline affects the world\nThe US and NATO said. FBI, CIA, NSA and NATO."
    """
    return _SHOUT_RUN_RE.sub(_lower_run, doc)


def _lower_run(m: re.Match[str]) -> str:
    run = m.group()
    words = [w.strip(",:'’.-") for w in run.split()]
    small = _function_words()
    if any(w.lower() in small for w in words) or sum(len(w) >= 6 for w in words) >= 2:
        return run.replace("İ", "i").lower()
    return run


def _lower_dateline(m: re.Match[str]) -> str:
    return m.group().replace("İ", "i").lower() if sum(c.isalpha() for c in m.group()) > 3 else m.group()


def _lower_datelines(doc: str) -> str:
    r"""``doc`` with the place of a dateline that opens a line near the top in lower case (a text without one
    comes back as it is; lengths may change, so this is for tokens only, never for offsets).

    >>> _lower_datelines("BERLIN - The vote.\nПАРИЖ, 12 июля. /ИА Гавань/. Text\nUS - EU talks")
    'berlin - The vote.\nпариж, 12 июля. /ИА Гавань/. Text\nUS - EU talks'
    >>> _lower_datelines("NEW YORK (AP) — FBI, CIA, NSA and NATO, the US, EU and UN.")
    'new york (AP) — FBI, CIA, NSA and NATO, the US, EU and UN.'
    """
    starts, pos = [], 0
    while 0 <= pos < _DATELINE_WITHIN:
        starts.append(pos)
        pos = doc.find("\n", pos, _DATELINE_WITHIN)
        pos = pos + 1 if pos >= 0 else -1
    found = [m for m in map(lambda at: _DATELINE_RE.match(doc, at), starts) if m is not None]
    if not found:
        return doc
    parts, last = [], 0
    for m in found:
        parts += [doc[last:m.start()], _lower_dateline(m)]
        last = m.end()
    return "".join(parts) + doc[last:]


def _caps_run(tokens: Iterable[str], k: int = 3) -> bool:
    """True when ``k`` tokens in a row are in capitals (the only texts a heading in capitals can be in)."""
    n = 0
    for t in tokens:
        if t.isupper():
            n += 1
            if n >= k:
                return True
        else:
            n = 0
    return False


def _drop_clock_times(doc: str) -> str:
    """``doc`` with every clock time replaced by a space (a text without one comes back as it is)."""
    spans = _clock_spans(doc)
    if not spans:
        return doc
    out, pos = [], 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        out.append(doc[pos:max(pos, start)])
        out.append(" ")
        pos = end
    out.append(doc[pos:])
    return "".join(out)


# a possessive "'s" or a bare apostrophe that ends a word ("Voss's", "workers'", "'no'"); not "Kaya'nın",
# "O'Brien" or "rock'n'roll". It opens with the apostrophe so the engine only stops at apostrophes.
_POSSESSIVE_RE = re.compile(r"'(?<=\w')s?(?![\w'])")


# A US legislator's party and state, written after the name by some outlets' style ("Sen. Jo Roe (I-Vt.)",
# "Rep. Al Lee, R-Fla.,", "D-N.Y.", "R-TX") and not by others ("Republican of Florida"): the style makes the
# term "r-fla" one outlet's, so NewsTokenizer reads past it. The states' forms are resources/us_states.yaml's
# (the quote rules read the same list); "D-Day" and "I-95" are no tags.
@lru_cache(maxsize=1)
def _us_state_rows() -> tuple[tuple[str, ...], ...]:
    """resources/us_states.yaml's rows: a state's name, then the forms a tag writes for it."""
    from importlib import resources

    from ._yaml import load_yaml

    with resources.files("mediakit.resources").joinpath("us_states.yaml").open(encoding="utf-8") as fh:
        rows = (load_yaml(fh) or {}).get("states", [])
    return tuple(tuple(str(x) for x in row) for row in rows)


@lru_cache(maxsize=1)
def _us_state_forms() -> dict[str, str]:
    """Every form a party-and-state tag writes for a state, in lower case without full stops -> the state's
    name (resources/us_states.yaml).

    >>> _us_state_forms()["fla"], _us_state_forms()["ny"], _us_state_forms()["tex"]
    ('florida', 'new york', 'texas')
    """
    return {form.lower().replace(".", ""): name for name, *forms in _us_state_rows() for form in forms}


@lru_cache(maxsize=1)
def _party_tag_re() -> re.Pattern[str]:
    written = sorted({f.rstrip(".") for _name, *forms in _us_state_rows() for f in forms}, key=len, reverse=True)
    return re.compile(rf"(?<![\w.-])[DRI]-(?:{'|'.join(map(re.escape, written))})\.?(?![\w-])")


def _drop_party_tags(doc: str) -> str:
    """``doc`` with every party-and-state tag replaced by a space (a text without one comes back as it is)."""
    if "-" not in doc:
        return doc
    return _party_tag_re().sub(" ", doc)
