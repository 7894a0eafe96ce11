"""The shipped stop-word and house-style word lists, read once (the bottom of the text layer: no imports
from mediakit).

>>> "the" in _stop_word_list("en"), "the" in _function_words()
(True, True)
"""

from __future__ import annotations

from functools import cache, lru_cache


@lru_cache(maxsize=16)
def _stop_word_list(lang: str, folder: str = "stopwords") -> frozenset[str]:
    """The shipped stop words of one language (``mediakit/resources/{folder}/{lang}.txt``); the file must
    exist (:func:`mediakit.vectorize.load_stop_words` checks the code and says which exist). ``folder``
    "style_words" reads the house-style words (honorifics, initials) that terms drop but the quote rules keep.

    >>> "the" in _stop_word_list("en"), "mr" in _stop_word_list("en"), "mr" in _stop_word_list("en", "style_words")
    (True, False, True)
    """
    from importlib import resources

    path = resources.files("mediakit.resources").joinpath(folder).joinpath(f"{lang}.txt")
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line.replace("’", "'"))
    return frozenset(words)


@cache
def _function_words() -> frozenset[str]:
    """The shipped stop words (en, ru, tr) of three letters or more: a run of capitals holding one is prose."""
    return frozenset(w.lower() for lang in ("en", "ru", "tr") for w in _stop_word_list(lang) if len(w) >= 3)
