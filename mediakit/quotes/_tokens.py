"""Tokens of one article as parallel lists with character offsets, and the attribution frame the rules
build on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._lexicon import Cue

_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’\-]\w+)*|''|[^\w\s]")


@dataclass(slots=True)
class Tokens:
    """Tokens of one text as parallel lists (fast to index): text, lower case, start and end offsets,
    the top-level quote a token belongs to (-1 outside), and whether it is one of that quote's marks."""

    text: list[str]
    low: list[str]
    start: list[int]
    end: list[int]
    quote: list[int]
    mark: list[bool]

    def __len__(self) -> int:
        return len(self.text)


def _tokenize(text: str) -> Tokens:
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    st = [s for s, _ in spans]
    en = [e for _, e in spans]
    toks = [text[s:e] for s, e in spans]
    low = text.lower()
    if len(low) == len(text):  # lower() kept the length: slice it ("İ" is the exception)
        lows = [low[s:e] for s, e in spans]
    else:
        lows = [w.lower() for w in toks]
    n = len(toks)
    return Tokens(toks, lows, st, en, [-1] * n, [False] * n)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _is_word(w: str) -> bool:
    return w[:1].isalnum()


# ---------------------------------------------------------------- the article analyser
@dataclass(slots=True)
class _Frame:
    """An attribution frame: the cue tokens and the speaker mention tokens (token indices, end exclusive)."""

    c0: int
    c1: int
    cue: Cue | None
    s0: int = -1
    s1: int = -1
    a0: int = -1  # apposition (description of the speaker) tokens
    a1: int = -1
    antecedent: tuple[int, int] | None = None  # for "who"/"which": the NP it refers to
    inverted: bool = False
    coord: bool = False  # the cue shares the subject of an earlier verb ("rejected X and suggested that")
