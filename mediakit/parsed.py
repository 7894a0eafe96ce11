"""The parsed corpus: sentences and tokens of every article with exact character offsets, computed once.

Frames, quotes, tone, KWIC, naming and reuse all need the same two tables. :func:`parse_corpus` builds them
with the shared splitter and tokenizer of :mod:`mediakit.text` and caches the result by a content hash of
the ``(article_id, text)`` pairs, so the second analysis of a corpus gets them for free, and any change to
any text (or id) gives a new hash and a fresh parse.

>>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["The US refused. Berlin waited.", "Берлин ответил."]})
>>> pc = parse_corpus(arts)
>>> pc.sentences.values.tolist()
[['a', 0, 0, 15], ['a', 1, 16, 30], ['b', 0, 0, 15]]
>>> pc.tokens[["token", "norm", "folded"]].values.tolist()[:3]
[['The', 'the', 'the'], ['US', 'US', 'us'], ['refused', 'refused', 'refused']]
>>> parse_corpus(arts) is pc
True

This is a module of its own rather than part of :mod:`mediakit.text`: text.py holds pure functions of one
string (no pandas, nothing cached), this module holds the corpus-level tables and their cache.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ._lru import LRUCache
from .text import TOKEN_PATTERN, NewsTokenizer, sentence_spans

__all__ = ["ParsedCorpus", "parse_corpus", "corpus_key", "parse_cache_info", "clear_parse_cache"]

SENTENCE_COLUMNS = ["article_id", "sentence", "start", "end"]
TOKEN_COLUMNS = ["article_id", "sentence", "start", "end", "token", "norm", "folded"]
_TOKEN_RE = re.compile(TOKEN_PATTERN)
CACHE_SIZE = 8  # parsed corpora kept in memory (least recently used dropped first)

_NORM = NewsTokenizer()                                              # case folded, acronyms kept
_FOLDED = NewsTokenizer(keep_acronyms=False, fold_diacritics=True)   # lower case, diacritics folded


@dataclass(frozen=True, eq=False)
class ParsedCorpus:
    """Sentences and tokens of a corpus (read-only; build it with :func:`parse_corpus`).

    Attributes
    ----------
    key : content hash of the ``(article_id, text)`` pairs it was built from.
    article_ids, texts : the articles, in corpus order.
    sentences : ``article_id, sentence, start, end``: ``sentence`` numbers an article's sentences from 0.
    tokens : ``article_id, sentence, start, end, token, norm, folded``: ``token == text[start:end]``;
        ``norm`` is the vectoriser's form (lower case except acronyms such as US, NATO; ’ written ');
        ``folded`` is lower case without diacritics (Gündoğdu -> gundogdu, İ -> i, ё -> е), for matching.
    token_bounds : row range ``[token_bounds[i], token_bounds[i + 1])`` of article ``i`` in ``tokens``.
    sentence_bounds : the same for ``sentences``.
    """

    key: str
    article_ids: tuple[str, ...]
    texts: tuple[str, ...]
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    token_bounds: np.ndarray
    sentence_bounds: np.ndarray
    _position: dict[str, int] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return (f"ParsedCorpus({len(self.article_ids)} articles, {len(self.sentences)} sentences, "
                f"{len(self.tokens)} tokens, key={self.key[:12]})")

    def __len__(self) -> int:
        return len(self.article_ids)

    def text(self, article_id: Any) -> str:
        """The text of one article.

        >>> parse_corpus(pd.DataFrame({"article_id": ["x"], "text": ["Hi."]})).text("x")
        'Hi.'
        """
        return self.texts[self._index(article_id)]

    def article_tokens(self, article_id: Any) -> pd.DataFrame:
        """The rows of ``tokens`` for one article.

        >>> parse_corpus(pd.DataFrame({"article_id": ["x"], "text": ["No, sir."]})).article_tokens("x")["token"].tolist()
        ['No', 'sir']
        """
        i = self._index(article_id)
        return self.tokens.iloc[self.token_bounds[i]:self.token_bounds[i + 1]]

    def sentence_of(self, article_ids: Iterable[Any], positions: Iterable[int]) -> np.ndarray:
        """Index of the sentence holding each character position (-1 between sentences or for unknown ids).

        >>> pc = parse_corpus(pd.DataFrame({"article_id": ["x"], "text": ["One. Two."]}))
        >>> pc.sentence_of(["x", "x", "x", "y"], [0, 4, 5, 0]).tolist()
        [0, -1, 1, -1]
        """
        ids = [str(a) for a in article_ids]
        pos = np.asarray(list(positions), dtype=np.int64)
        out = np.full(len(pos), -1, dtype=np.int64)
        starts = self.sentences["start"].to_numpy(np.int64)
        ends = self.sentences["end"].to_numpy(np.int64)
        for k, (aid, p) in enumerate(zip(ids, pos)):
            i = self._position.get(aid)
            if i is None:
                continue
            lo, hi = self.sentence_bounds[i], self.sentence_bounds[i + 1]
            j = lo + np.searchsorted(starts[lo:hi], p, side="right") - 1
            if j >= lo and p < ends[j]:
                out[k] = j - lo
        return out

    def _index(self, article_id: Any) -> int:
        try:
            return self._position[str(article_id)]
        except KeyError:
            raise KeyError(f"article_id {article_id!r} is not in this parsed corpus; parse the corpus that "
                           "holds it") from None


# ---------------------------------------------------------------- cache
_CACHE = LRUCache(CACHE_SIZE)


def corpus_key(article_ids: Iterable[Any], texts: Iterable[str]) -> str:
    """Content hash of ``(article_id, text)`` pairs (blake2b, order matters).

    >>> corpus_key(["a"], ["x"]) == corpus_key(["a"], ["x"]) != corpus_key(["a"], ["y"])
    True
    """
    h = hashlib.blake2b(digest_size=20)
    for aid, text in zip(article_ids, texts):
        a = str(aid).encode("utf-8", "surrogatepass")
        t = text.encode("utf-8", "surrogatepass")
        h.update(len(a).to_bytes(8, "little"))
        h.update(a)
        h.update(len(t).to_bytes(8, "little"))
        h.update(t)
    return h.hexdigest()


def parse_cache_info() -> dict[str, int]:
    """``hits``, ``misses``, ``size`` and ``maxsize`` of the parse cache.

    >>> sorted(parse_cache_info())
    ['hits', 'maxsize', 'misses', 'size']
    """
    return _CACHE.info()


def clear_parse_cache() -> None:
    """Forget every cached parse (and reset the counters).

    >>> clear_parse_cache(); parse_cache_info()["size"]
    0
    """
    _CACHE.clear()


# ---------------------------------------------------------------- building
def parse_corpus(articles: pd.DataFrame | ParsedCorpus, *, text_col: str = "text", cache: bool = True) -> ParsedCorpus:
    """Sentences and tokens of every article (see :class:`ParsedCorpus`), cached by content.

    ``articles`` needs ``article_id`` and ``text`` columns (missing texts count as empty); a
    :class:`ParsedCorpus` is returned as it is. The cache keeps the last :data:`CACHE_SIZE` corpora.

    >>> arts = pd.DataFrame({"article_id": ["t"], "text": ["İstanbul'da 2.5 milyar $ ödendi."]})
    >>> parse_corpus(arts).tokens[["start", "end", "token", "folded"]].values.tolist()
    [[0, 11, "İstanbul'da", "istanbul'da"], [12, 15, '2.5', '2.5'], [16, 22, 'milyar', 'milyar'], [25, 31, 'ödendi', 'odendi']]
    """
    if isinstance(articles, ParsedCorpus):
        return articles
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"parse_corpus needs the corpus DataFrame (article_id, text), not {type(articles).__name__}")
    missing = [c for c in ("article_id", text_col) if c not in articles.columns]
    if missing:
        raise KeyError(f"articles have no {', '.join(map(repr, missing))} column; pass the table from load_corpus()")
    ids = articles["article_id"].astype(str).tolist()
    texts = [t if isinstance(t, str) else "" for t in articles[text_col].tolist()]
    key = corpus_key(ids, texts)
    hit = _CACHE.get(key) if cache else None
    if hit is not None:
        return hit
    parsed = _build(key, ids, texts)
    if cache:
        _CACHE.put(key, parsed)
    return parsed


def _build(key: str, ids: list[str], texts: list[str]) -> ParsedCorpus:
    s_start: list[int] = []
    s_end: list[int] = []
    s_count = np.zeros(len(texts), dtype=np.int64)
    t_start: list[int] = []
    t_end: list[int] = []
    t_sent: list[int] = []
    tokens: list[str] = []
    t_count = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        spans = sentence_spans(text)
        s_count[i] = len(spans)
        s_start.extend(s for s, _ in spans)
        s_end.extend(e for _, e in spans)
        matches = list(_TOKEN_RE.finditer(text))
        t_count[i] = len(matches)
        if not matches:
            continue
        starts = [m.start() for m in matches]
        tokens.extend(m.group() for m in matches)
        t_start.extend(starts)
        t_end.extend(m.end() for m in matches)
        # A token never straddles sentences (sentences end at white space): the one starting at or before it.
        sent_starts = np.fromiter((s for s, _ in spans), dtype=np.int64, count=len(spans))
        t_sent.extend((np.searchsorted(sent_starts, starts, side="right") - 1).tolist())
    sent_ids = np.repeat(np.asarray(ids, dtype=object), s_count)
    sentences = pd.DataFrame({
        "article_id": sent_ids,
        "sentence": np.concatenate([np.arange(n) for n in s_count]) if len(s_count) else np.zeros(0, np.int64),
        "start": np.asarray(s_start, dtype=np.int64),
        "end": np.asarray(s_end, dtype=np.int64),
    }, columns=SENTENCE_COLUMNS)
    tok = pd.Series(tokens, dtype=object)
    codes_u, uniques = pd.factorize(tok)
    norm = np.asarray([_NORM.normalize(u) for u in uniques], dtype=object)
    folded = np.asarray([_FOLDED.normalize(u) for u in uniques], dtype=object)
    tokens_df = pd.DataFrame({
        "article_id": np.repeat(np.asarray(ids, dtype=object), t_count),
        "sentence": np.asarray(t_sent, dtype=np.int64),
        "start": np.asarray(t_start, dtype=np.int64),
        "end": np.asarray(t_end, dtype=np.int64),
        "token": tok.to_numpy(),
        "norm": norm[codes_u] if len(tok) else np.zeros(0, dtype=object),
        "folded": folded[codes_u] if len(tok) else np.zeros(0, dtype=object),
    }, columns=TOKEN_COLUMNS)
    position: dict[str, int] = {}
    for i, aid in enumerate(ids):
        position.setdefault(aid, i)
    return ParsedCorpus(key=key, article_ids=tuple(ids), texts=tuple(texts), sentences=sentences, tokens=tokens_df,
                        token_bounds=np.r_[0, np.cumsum(t_count)].astype(np.int64),
                        sentence_bounds=np.r_[0, np.cumsum(s_count)].astype(np.int64), _position=position)
