"""Counting terms in C for :mod:`mediakit.vectorize`: the article x term matrix of unigrams
(:func:`count_unigrams`), and term counts summed per group without that matrix (what distinctive terms needs).

:func:`mediakit.vectorize.fit_group_counts` counts each slice of the corpus in its own process with
:func:`count_part` and sums the slices with :func:`merge_parts`. A slice comes back as compact arrays: its
vocabulary of single words (strings, in first-seen order), the term keys (int64: a word's id, or for a
bigram ``(id1 + 1) << 32 | id2``) and one row per (term, group) with the count and the number of articles,
so neither a slice's matrix nor millions of bigram strings are built or sent between processes. Bigram
strings are made only for the terms that survive ``min_df`` / ``max_df`` when the counts are of the whole
corpus. The last group (``n_groups``) collects articles without a group: their terms stay in the vocabulary
(as they do in scikit-learn's fit) with zero counts in every group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from .text import BOUNDARY, NewsTokenizer

_BATCH = 1000     # articles per batch of tokens counted at once
_COMPACT_EVERY = 16   # batches whose (term, group) rows are summed into one


class Part(NamedTuple):
    """The counts of one slice: ``words`` (its single-word vocabulary), sorted unique ``keys`` of the terms
    counted, and per (term, group) row: ``term`` (index into keys), ``group``, ``count``, ``docs``."""
    words: list[str]
    keys: np.ndarray
    term: np.ndarray
    group: np.ndarray
    count: np.ndarray
    docs: np.ndarray


def batches(texts: Sequence[str] | pa.Array) -> Any:
    """The texts in batches of Python strings (a pyarrow array is turned into strings one batch at a time)."""
    for b in range(0, len(texts), _BATCH):
        chunk = texts[b:b + _BATCH]
        yield chunk.to_pylist() if isinstance(chunk, pa.Array | pa.ChunkedArray) else chunk


def encoded_batches(texts: Sequence[str] | pa.Array, raw_tokens: Callable[[str], list[str]], end: str | None = None
                    ) -> Any:
    """Per batch of texts: their raw tokens dictionary-encoded by pyarrow (hashed in C++, not per token in
    Python) and the number of tokens per text; ``end`` (e.g. a boundary marker) is appended after each text."""
    extra = 0 if end is None else 1
    for batch in batches(texts):
        toks: list[str] = []
        lengths = np.empty(len(batch), dtype=np.int64)
        for i, doc in enumerate(batch):
            found = raw_tokens(doc)
            toks += found
            if end is not None:
                toks.append(end)
            lengths[i] = len(found) + extra
        yield pc.dictionary_encode(pa.array(toks, type=pa.string())), lengths


def _reduce(keys: np.ndarray, rows: np.ndarray, counts: np.ndarray | None, codes: np.ndarray, n_groups: int,
            binary: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(row, key) occurrences (``counts`` each, or one) -> unique keys and (term, group, count, docs) rows."""
    uk, inv = np.unique(keys, return_inverse=True)
    pair = rows.astype(np.int64) << 32 | inv
    if counts is None:                  # token occurrences: count each (row, term)
        pair, c = np.unique(pair, return_counts=True)
    else:                               # a matrix: each (row, term) once, with its count
        c = counts
    if binary:
        c = np.ones(len(pair), dtype=np.int64)
    g = codes[pair >> 32]
    idx = (pair & 0xFFFFFFFF) * (n_groups + 1) + np.where(g < 0, n_groups, g)
    cell, at = np.unique(idx, return_inverse=True)
    count = np.bincount(at, weights=c, minlength=len(cell)).astype(np.int64)
    docs = np.bincount(at, minlength=len(cell)).astype(np.int64)
    return _rows(uk, cell, n_groups, count, docs)


def _rows(uk: np.ndarray, cell: np.ndarray, n_groups: int, count: np.ndarray, docs: np.ndarray
          ) -> tuple[np.ndarray, ...]:
    """(keys, term, group, count, docs) from cells ``term * (n_groups + 1) + group``, in compact dtypes."""
    small = np.int32 if max(len(uk), len(cell)) < 2 ** 31 else np.int64
    return (uk, (cell // (n_groups + 1)).astype(small), (cell % (n_groups + 1)).astype(np.int32),
            count.astype(np.int64), docs.astype(small))


def _compact(pieces: list[tuple[np.ndarray, ...]], n_groups: int) -> tuple[np.ndarray, ...]:
    """Batches' (keys, term, group, count, docs) summed over one set of unique keys."""
    if not pieces:
        z = np.zeros(0, dtype=np.int64)
        return z, z, z, z, z
    keys = np.concatenate([k[t] for k, t, *_ in pieces])
    group = np.concatenate([p[2] for p in pieces])
    count = np.concatenate([p[3] for p in pieces])
    docs = np.concatenate([p[4] for p in pieces])
    uk, inv = np.unique(keys, return_inverse=True)
    del keys
    cell, at = np.unique(inv * (n_groups + 1) + group, return_inverse=True)
    del inv, group
    return _rows(uk, cell, n_groups, np.bincount(at, weights=count, minlength=len(cell)),
                 np.bincount(at, weights=docs, minlength=len(cell)))


def count_part(analyzer: Any, texts: Sequence[str] | pa.Array, codes: np.ndarray, n_groups: int,
               binary: bool) -> Part:
    """Count the unigrams and/or bigrams of a :class:`mediakit.vectorize.NewsAnalyzer` (``ngram_range`` (1, 1),
    (1, 2) or (2, 2)) per group, as its ``__call__`` would produce them: the tokenizer's folding and the stop
    words are applied once per distinct raw token; a bigram never crosses a sentence end or an article and
    neither of its words is a stop word."""
    tok, stop = analyzer.tokenizer, analyzer.stop_words
    lo, hi = analyzer.ngram_range
    raw_tokens = NewsTokenizer(lowercase=False, fold_diacritics=False, boundaries=hi > 1,
                               unshout=tok.lowercase and tok.keep_acronyms)
    normalize = tok.normalize
    words: dict[str, int] = {}               # term -> id, in first-seen order (stop words included)
    stops: list[bool] = []
    raw_ids: dict[str, int] = {BOUNDARY: -1}  # raw token -> term id; -1: a sentence end or an article's end
    pieces = []
    at = 0
    for encoded, lengths in encoded_batches(texts, raw_tokens, BOUNDARY):
        distinct = encoded.dictionary.to_pylist()
        for raw in set(distinct).difference(raw_ids):
            term = normalize(raw)
            if term not in words:
                words[term] = len(words)
                stops.append(term in stop)
            raw_ids[raw] = words[term]
        ids = np.fromiter(map(raw_ids.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        tid = ids[encoded.indices.to_numpy()]
        del encoded
        rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        good = tid >= 0
        good[good] = ~np.asarray(stops, dtype=bool)[tid[good]]      # a word that is not a stop word
        keys, krows = [], []
        if lo == 1:
            keys.append(tid[good])
            krows.append(rows[good])
        if hi >= 2:
            pair = good[:-1] & good[1:]
            keys.append((tid[:-1][pair] + 1) << 32 | tid[1:][pair])
            krows.append(rows[:-1][pair])
        keys, krows = np.concatenate(keys), np.concatenate(krows)
        if len(keys):
            pieces.append(_reduce(keys, krows, None, codes[at:at + len(lengths)], n_groups, binary))
            if len(pieces) == _COMPACT_EVERY:      # bigrams repeat across batches: sum them now and then
                pieces = [_compact(pieces, n_groups)]
        at += len(lengths)
    return Part(list(words), *_compact(pieces, n_groups))


def part_from_matrix(X: sp.spmatrix, terms: np.ndarray, codes: np.ndarray, n_groups: int) -> Part:
    """A slice counted by any vectoriser (``(matrix, sorted terms)``) as a :class:`Part`: every term a word."""
    X = sp.coo_matrix(X)
    if not X.nnz:
        z = np.zeros(0, dtype=np.int64)
        return Part(terms.tolist(), z, z, z, z, z)
    return Part(terms.tolist(), *_reduce(X.col.astype(np.int64), X.row, X.data, codes, n_groups, False))


def merge_parts(parts: Sequence[Part], n_groups: int, keep: Callable[[np.ndarray, np.ndarray], np.ndarray] | None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sum slices: ``(counts, docs, terms)``, ``n_groups x terms`` float arrays (rows: groups, without the
    articles that have none) over the terms sorted as scikit-learn sorts them. ``keep(docs, totals)`` of the
    terms (over the articles with a group) says which terms to keep, before any bigram string is made."""
    index: dict[str, int] = {}
    keys, term, group, count, docs = [], [], [], [], []
    for p in parts:
        gid = np.fromiter((index.setdefault(w, len(index)) for w in p.words), dtype=np.int64, count=len(p.words))
        k = p.keys
        if len(k) and k[-1] >> 32:      # bigram keys: both words renumbered
            big = k >> 32 > 0
            k = k.copy()
            k[~big] = gid[k[~big]]
            k[big] = (gid[(k[big] >> 32) - 1] + 1) << 32 | gid[k[big] & 0xFFFFFFFF]
        elif len(k):
            k = gid[k]
        keys.append(k[p.term])
        term.append(p.term)
        group.append(p.group)
        count.append(p.count)
        docs.append(p.docs)
    words = np.array(list(index), dtype=object)
    del index
    allkeys = np.concatenate(keys)
    del keys, term
    uk, inv = np.unique(allkeys, return_inverse=True)
    del allkeys
    group, count, docs = np.concatenate(group), np.concatenate(count), np.concatenate(docs)
    grouped = group < n_groups           # totals over the articles with a group (what the statistics see)
    df_all = np.bincount(inv, weights=docs * grouped, minlength=len(uk))
    tf_all = np.bincount(inv, weights=count * grouped, minlength=len(uk))
    kept = keep(df_all, tf_all) if keep is not None else np.ones(len(uk), dtype=bool)
    del df_all, tf_all
    uk = uk[kept]
    new = np.cumsum(kept) - 1
    big = uk >> 32 > 0
    strings = np.empty(len(uk), dtype=object)
    strings[~big] = words[uk[~big]]
    if big.any():
        first, second = words[(uk[big] >> 32) - 1], words[uk[big] & 0xFFFFFFFF]
        strings[big] = [a + " " + b for a, b in zip(first.tolist(), second.tolist())]
    order = np.argsort(strings, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    rows = kept[inv] & grouped
    cell = group[rows].astype(np.int64) * len(uk) + rank[new[inv[rows]]]
    size = n_groups * len(uk)
    counts = np.bincount(cell, weights=count[rows], minlength=size).reshape(n_groups, len(uk))
    dfs = np.bincount(cell, weights=docs[rows], minlength=size).reshape(n_groups, len(uk))
    return counts, dfs, strings[order]


def count_unigrams(vectorizer: Any, texts: Sequence[str] | pa.Array) -> tuple[sp.csr_matrix, np.ndarray]:
    """What scikit-learn's fit gives with a unigram NewsAnalyzer (no vocabulary limits), counted in C:
    the tokenizer's case folding, diacritic folding and stop words are applied once per distinct raw token
    (the regex's output) instead of once per token, and the tokens of a batch of articles are hashed
    (pyarrow's dictionary encoding) and counted (numpy) in C."""
    params = vectorizer.get_params()
    analyzer = params["analyzer"]
    tok, stop = analyzer.tokenizer, analyzer.stop_words
    raw_tokens = NewsTokenizer(lowercase=False, fold_diacritics=False, boundaries=False,   # the regex's tokens
                               unshout=tok.lowercase and tok.keep_acronyms)
    normalize = tok.normalize
    vocabulary: dict[str, int] = {}          # term -> id, in first-seen order
    raw_ids: dict[str, int] = {}             # raw token -> term id, -1 for a stop word
    data, indices = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int32)]   # no texts: no batch
    indptr = [np.zeros(1, dtype=np.int64)]
    nnz = 0
    for encoded, lengths in encoded_batches(texts, raw_tokens):
        distinct = encoded.dictionary.to_pylist()
        for raw in set(distinct).difference(raw_ids):     # raw tokens not seen before: fold them once
            term = normalize(raw)
            raw_ids[raw] = -1 if term in stop else vocabulary.setdefault(term, len(vocabulary))
        ids = np.fromiter(map(raw_ids.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        cols = ids[encoded.indices.to_numpy()] if len(distinct) else np.zeros(0, dtype=np.int64)
        rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        keep = cols >= 0
        key, counts = np.unique(rows[keep] << 32 | cols[keep], return_counts=True)
        data.append(counts)
        indices.append((key & 0xFFFFFFFF).astype(np.int32))
        indptr.append(np.cumsum(np.bincount(key >> 32, minlength=len(lengths))) + nnz)
        nnz += len(key)
    terms = np.array(list(vocabulary), dtype=object)
    order = np.argsort(terms, kind="stable")                 # scikit-learn sorts its vocabulary
    index_dtype = np.int32 if max(nnz, len(terms)) < 2 ** 31 else np.int64
    rank = np.empty(len(order), dtype=index_dtype)
    rank[order] = np.arange(len(order))
    dtype = params.get("dtype", np.int64)
    values = np.concatenate(data).astype(dtype, copy=False)
    del data
    columns = rank[np.concatenate(indices)] if nnz else np.zeros(0, index_dtype)
    del indices
    X = sp.csr_matrix((values, columns, np.concatenate(indptr).astype(index_dtype)), shape=(len(texts), len(terms)))
    if params.get("binary"):
        X.data.fill(1)
    return X, terms[order]
