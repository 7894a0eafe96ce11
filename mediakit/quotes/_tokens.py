"""Tokens of one article as parallel lists with character offsets, and the attribution frame the rules
build on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from ..text import TOKEN_PATTERN
from ._lexicon import Cue

# The word tokens are the corpus tokenizer's (mediakit.text.TOKEN_PATTERN, the parsed layer's tokens); the
# rules also need punctuation and quote marks as tokens ('' is one mark).
_TOKEN_RE = re.compile(TOKEN_PATTERN.removeprefix("(?<!\\w)") + r"|''|[^\w\s]")


@dataclass(slots=True)
class Tokens:
    """Tokens of one text as parallel lists (fast to index): text, lower case, start and end offsets,
    the top-level quote a token belongs to (-1 outside), and whether it is one of that quote's marks.

    ``n_words[k]`` counts the word tokens (starting with a letter or digit) before token ``k`` and
    ``n_and_but[k]`` the word tokens "and"/"but" before it, so that the rules count the words of any token
    range in constant time (counting them token by token made long sentences quadratic).

    >>> t = _tokenize("He said: we will, and then go.")
    >>> t.words(0, len(t)), t.words(3, 6), t.words(6, 3), t.words_but_and(0, len(t))
    (7, 2, 0, 6)
    """

    text: list[str]
    low: list[str]
    start: list[int]
    end: list[int]
    quote: list[int]
    mark: list[bool]
    n_words: list[int]
    n_and_but: list[int]

    def __len__(self) -> int:
        return len(self.text)

    def words(self, a: int, b: int) -> int:
        """The number of word tokens among tokens ``a..b`` (end exclusive; 0 when ``b <= a``)."""
        return self.n_words[b] - self.n_words[a] if b > a else 0

    def words_but_and(self, a: int, b: int) -> int:
        """The number of word tokens among tokens ``a..b`` other than "and" and "but"."""
        return self.words(a, b) - (self.n_and_but[b] - self.n_and_but[a] if b > a else 0)


def _tokenize(text: str) -> Tokens:
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    st = [s for s, _ in spans]
    en = [e for _, e in spans]
    toks = [text[s:e] for s, e in spans]
    # the horizontal bar (U+2015) is read as the em dash it stands for ("Republicans ― three officials ― said")
    low = text.lower().replace("\u2015", "\u2014")
    if len(low) == len(text):  # lower() kept the length: slice it ("İ" is the exception)
        lows = [low[s:e] for s, e in spans]
    else:
        lows = [w.lower().replace("\u2015", "\u2014") for w in toks]
    n = len(toks)
    # running counts (_is_word inlined: this runs on every token of every article)
    n_words = list(accumulate([1 if w[:1].isalnum() else 0 for w in toks], initial=0))
    n_and_but = list(accumulate([1 if w in ("and", "but") else 0 for w in lows], initial=0))
    return Tokens(toks, lows, st, en, [-1] * n, [False] * n, n_words, n_and_but)


_NAME_WORD_CHARS = frozenset("'’-")


def _after_cap_word(text: str, word: str) -> bool:
    r"""True when ``text`` writes ``word`` after a capitalised word and spaces on the same line: what
    ``re.search(r"\b[A-Z][\w'’-]*[ \u00a0]+" + re.escape(word) + r"\b", text)`` finds, read around each
    occurrence of ``word`` instead of compiling a pattern for every word.

    >>> _after_cap_word("Later, Ann Roe left.", "Roe"), _after_cap_word("Roe left. then Roe", "Roe")
    (True, False)
    """
    if not word or word[0] in " \u00a0":
        return re.search(r"\b[A-Z][\w'’-]*[ \u00a0]+" + re.escape(word) + r"\b", text) is not None
    size = len(text)
    i = text.find(word)
    while i != -1:
        e = i + len(word)
        j = i
        while j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        if j < i and (e > 0 and _word_char(text[e - 1])) != (e < size and _word_char(text[e])):
            q = j - 1  # back over the capitalised word: a capital A-Z at a word boundary opens it
            while q >= 0 and (_word_char(text[q]) or text[q] in _NAME_WORD_CHARS):
                if "A" <= text[q] <= "Z" and (q == 0 or not _word_char(text[q - 1])):
                    return True
                q -= 1
        i = text.find(word, i + 1)
    return False


def _word_char(c: str) -> bool:
    r"""A character ``\w`` matches (alphanumeric or the underscore)."""
    return c.isalnum() or c == "_"


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
