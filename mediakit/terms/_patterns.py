"""Search patterns for KWIC and collocations: phrase, glob or regex, with case and diacritic rules.

(Lexicon look-ups go through the shared :class:`mediakit.matching.TermMatcher`; tokens come from
:func:`mediakit.parsed.parse_corpus`. This compiles one user search into one regex.)"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..text import fold

__all__ = ["compile_pattern"]


def _fold_classes() -> dict[str, str]:
    """For each ASCII letter, the Latin letters that fold to it (for diacritic-insensitive patterns)."""
    classes: dict[str, set[str]] = defaultdict(set)
    for cp in list(range(0xC0, 0x250)) + [0x1E9E]:
        ch = chr(cp)
        f = fold(ch)
        if len(f) == 1 and f.isascii() and f.isalpha() and f != ch:
            classes[f].add(ch)
    return {k: "".join(sorted(v)) for k, v in classes.items()}


_FOLD_CLASSES = _fold_classes()


def _word_regex(word: str, *, glob: bool, fold_diacritics: bool) -> str:
    out = []
    for ch in word:
        if glob and ch == "*":
            out.append(r"\w*")
        elif glob and ch == "?":
            out.append(r"\w")
        elif fold_diacritics and ch.isalpha() and len(fold(ch)) == 1 and fold(ch).isascii():
            out.append(_letter_class(fold(ch)))
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _letter_class(base: str) -> str:
    """``base`` and the accented letters of the same case that fold to it (IGNORECASE adds the other case)."""
    extra = _FOLD_CLASSES.get(base, "")
    return f"[{base}{extra}]" if extra else re.escape(base)


def _is_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, kind: str = "phrase", *, case: bool | None = None,
                    fold_diacritics: bool = False) -> re.Pattern[str]:
    """Compile a search pattern: ``"phrase"`` (whole words, any whitespace between them), ``"glob"`` (a
    phrase whose ``*`` matches any letters and ``?`` one letter) or ``"regex"`` (as written).

    ``case=None`` ignores case except in words written in capitals ("US" does not find "us"); True
    respects case; False ignores it. ``fold_diacritics`` makes Sao Paulo find São Paulo.

    >>> bool(compile_pattern("sanction*", "glob").search("New Sanctions"))
    True
    >>> bool(compile_pattern("US").search("told us")), bool(compile_pattern("sao paulo", fold_diacritics=True).search("São Paulo"))
    (False, True)
    """
    if kind == "regex":
        flags = re.IGNORECASE if case is False else 0
        try:
            return re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"regex {pattern!r} does not compile ({exc}); check brackets and escapes") from exc
    if kind not in ("phrase", "glob"):
        raise ValueError(f"kind={kind!r} is not a pattern kind; use 'phrase', 'glob' or 'regex'")
    words = pattern.split()
    if not words:
        raise ValueError("empty search pattern; pass a word or phrase")
    parts = []
    for w in words:
        rx = _word_regex(w, glob=kind == "glob", fold_diacritics=fold_diacritics)
        insensitive = case is False or (case is None and not _is_caps_word(w))
        parts.append(f"(?i:{rx})" if insensitive else rx)
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![\w]){body}(?![\w])")
