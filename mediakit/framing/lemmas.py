"""Lemmas for the codebooks' ``lemmas:`` cues: simplemma's dictionaries, which ship inside the package.

simplemma (MIT licence, pure Python, about 19 MB with the dictionaries of some 50 languages, nothing
downloaded at run time) maps a word form to its dictionary form by look-up, with rules for unknown forms;
it knows Russian, Turkish, English, German, Arabic and more (:data:`LANGUAGES`). A language's dictionary
is opened on its first use (0.1 s for Russian with the index mediakit ships for en, ru and tr; about 0.7 s
for a language without one).

>>> lemma = lemmatizer("ru")
>>> lemma("санкций"), lemma("экономики")
('санкция', 'экономика')
>>> lemmatizer("tr")("yaptırımları")
'yaptırım'
"""

from __future__ import annotations

import atexit
import functools
from collections.abc import Callable
from typing import Any

__all__ = ["lemmatizer", "LANGUAGES"]

LANGUAGES = ("ar", "bg", "cs", "de", "el", "en", "es", "fa", "fr", "hu", "it", "nl", "pl", "pt", "ro", "ru", "sk",
             "sv", "tr", "uk")


class _Lemmatizer:
    """``word -> lemma`` for one language, cached per word; pickled by language (engines ship codebooks).

    The first :data:`_STREAM_WORDS` distinct words are looked up in simplemma's front-coded stream as it ships
    (its ``low_memory`` backend, entered by the index mediakit ships for en, ru and tr:
    :mod:`mediakit.framing._lemma_index`; other languages build one, about 0.7 s; then ~40 us a word); from
    then on in the decoded dictionary (1.7 s for Russian, then ~7 us a word, some 300 MB). The same lemmas
    either way (simplemma's two backends of the same data); a report on a few hundred articles never needs
    the second.

    Words looked up are kept across runs in the user's cache folder (:mod:`mediakit._usercache`, one file
    per language and simplemma version, written when the process ends): a run whose words were all seen
    before never reads simplemma's dictionaries (the first Russian or Turkish look-up of a run opens the
    stream, about 0.1 s). Turn it off with ``MEDIAKIT_CACHE_DIR=off``.
    """

    def __init__(self, language: str):
        self.language = language
        self._cache: dict[str, str] | None = None  # read from the user cache on first use
        self._new: dict[str, str] = {}
        self._looked_up = 0

    def __call__(self, word: str) -> str:
        cache = self._cache if self._cache is not None else self._load()
        hit = cache.get(word)
        if hit is None:
            hit = _simplemma(self._looked_up < _STREAM_WORDS).lemmatize(word, lang=self.language)
            self._looked_up += 1
            if len(cache) < _CACHE_LIMIT:
                cache[word] = hit
                if not self._new:
                    _TO_SAVE.append(self)
                self._new[word] = hit
        return hit

    def _file(self) -> str:
        from importlib.metadata import version

        return f"lemmas-{self.language}-simplemma-{version('simplemma')}.json"

    def _load(self) -> dict[str, str]:
        from .._usercache import read_json

        stored = read_json(self._file())
        self._cache = {k: v for k, v in stored.items() if isinstance(v, str)}
        return self._cache

    def save(self) -> None:
        """Add the words looked up since the last save to the user cache (merged with what another process
        stored meanwhile)."""
        if not self._new:
            return
        from .._usercache import read_json, write_json

        stored = read_json(self._file())
        room = max(_CACHE_LIMIT - len(stored), 0)
        stored.update(dict(list(self._new.items())[:room]))
        write_json(self._file(), stored)
        self._new = {}

    def __reduce__(self) -> tuple:
        return (lemmatizer, (self.language,))

    def __repr__(self) -> str:
        return f"lemmatizer({self.language!r})"


_CACHE_LIMIT = 200_000
_STREAM_WORDS = 20_000  # distinct words per language looked up in the stream before the dictionary is decoded


_TO_SAVE: list[_Lemmatizer] = []  # lemmatizers with words not yet in the user cache


@atexit.register
def _save_all() -> None:
    while _TO_SAVE:
        _TO_SAVE.pop().save()


@functools.cache
def _simplemma(low_memory: bool) -> Any:
    import simplemma
    from simplemma.strategies.default import DefaultStrategy

    if not low_memory:
        return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy())
    from ._lemma_index import IndexedStreamFactory

    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=IndexedStreamFactory()))


@functools.cache
def lemmatizer(language: str) -> Callable[[str], str]:
    """A function ``word -> lemma`` for one language code (one per code, cached per word, picklable).

    >>> import pickle
    >>> pickle.loads(pickle.dumps(lemmatizer("tr")))("yaptırımlar")
    'yaptırım'
    >>> lemmatizer("xx")
    Traceback (most recent call last):
    ...
    ValueError: no lemmatiser for language 'xx'; a codebook's lemmas: may use ar, bg, cs, de, el, en, es, fa, \
fr, hu, it, nl, pl, pt, ro, ru, sk, sv, tr, uk
    """
    if language not in LANGUAGES:
        raise ValueError(f"no lemmatiser for language {language!r}; a codebook's lemmas: may use "
                         f"{', '.join(LANGUAGES)}")
    return _Lemmatizer(language)
