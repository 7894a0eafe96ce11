"""The shingle index of find_reuse: tokens, hashed word shingles, winnowed fingerprints and alignment.

One job: turn texts into arrays of 64-bit shingle hashes (numpy, flat with per-text pointers), pick the
winnowed fingerprints that make candidate pairs, and align two texts' shingles into shared passages (token
spans). Offsets, direction and the output table are :mod:`mediakit.reuse._find`'s.

Tokens are those of :data:`mediakit.text.TOKEN_PATTERN` (the shared tokenizer's pattern) on the lower-cased
text, so token boundaries, and every offset derived from them, are those of the parsed corpus.

>>> index = ShingleIndex(["one two three four five six", "zero one two three four five"], 3)
>>> [(a0, a1, b0, b1) for a0, a1, b0, b1, _ in index.align(0, 1, max_gap=2, min_words=3, min_similarity=0.9)]
[(0, 5, 1, 6)]
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp

from ..spans import union_length
from ..text import TOKEN_PATTERN

__all__ = ["ShingleIndex", "Stages", "fingerprint_pairs", "match_text", "token_spans"]

_TOKEN_RE = re.compile(TOKEN_PATTERN)
_U64 = np.uint64


def splitmix64(x: np.ndarray) -> np.ndarray:
    """A fast 64-bit mixer (Steele et al. 2014), vectorised: spreads ids and rolling sums over all bits."""
    with np.errstate(over="ignore"):
        x = x + _U64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> _U64(27))) * _U64(0x94D049BB133111EB)
        return x ^ (x >> _U64(31))


# Elements per chunk of the passes over all shingles (hashing, winnowing): a few MB, so that a pass's
# temporaries stay in the CPU cache, and the time per shingle is the same for any corpus size.
_CHUNK = 1 << 17


def _texts_of(ptr: np.ndarray, c0: int, c1: int) -> np.ndarray:
    """The text number of entries ``c0 .. c1 - 1`` of flat per-text arrays (text ``t`` holds entries
    ``ptr[t] .. ptr[t + 1] - 1``), for one chunk at a time (never an array of every entry's text).

    >>> _texts_of(np.array([0, 3, 3, 5]), 2, 5).tolist()
    [0, 2, 2]
    """
    if c1 <= c0:
        return np.zeros(0, dtype=np.int64)
    t0 = int(np.searchsorted(ptr, c0, "right")) - 1
    t1 = int(np.searchsorted(ptr, c1, "left"))
    return np.repeat(np.arange(t0, t1, dtype=np.int64), np.diff(np.clip(ptr[t0: t1 + 1], c0, c1)))


def _sorted_unique(h: np.ndarray, ptr: np.ndarray, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(h[i], text of i)`` of the entries ``keep`` marks, unique, sorted by hash then text
    (text ``t`` holds entries ``ptr[t] .. ptr[t + 1] - 1``), as two arrays (uint64, int64).

    One in-place sort of 64-bit keys (numpy's vectorised quicksort, far faster than an argsort), each key
    the top bits of a hash above the entry's number among those kept, so the order is by top bits, then
    by entry (that is, by text). One gather brings back each entry's low hash bits and text (packed in
    one 64-bit word), entries whose top bits tie but whose hashes do not (a few hundred in 16 M) are put
    in order, and duplicates are dropped in place. Every pass but the sort runs in cache-sized chunks,
    and no temporary the size of the input is made, so the time per entry stays that of a linear pass
    as the corpus grows (an argsort gathers and allocates at random, which grows faster than n).

    >>> h = np.array([9, 1 << 63, 5, 1 << 63, 2, 5], dtype=np.uint64)
    >>> [x.tolist() for x in _sorted_unique(h, np.array([0, 2, 4, 6]), np.ones(6, dtype=bool))]
    [[2, 5, 5, 9, 9223372036854775808, 9223372036854775808], [2, 1, 2, 0, 0, 1]]
    """
    m = int(np.count_nonzero(keep))
    pbits = max((m - 1).bit_length(), 1)  # bits of an entry's number
    if m == 0 or pbits > 32 or len(ptr) > 1 << 32:  # (more than 4 G entries or texts: plain lexsort)
        pos = np.flatnonzero(keep)
        doc = np.repeat(np.arange(len(ptr) - 1, dtype=np.int64), np.diff(ptr))[pos]
        order = np.lexsort((doc, h[pos]))
        fh, fd = h[pos][order], doc[order]
        first = np.r_[True, (fh[1:] != fh[:-1]) | (fd[1:] != fd[:-1])] if len(fh) else np.zeros(0, dtype=bool)
        return fh[first], fd[first]
    low_bits = _U64((1 << pbits) - 1)
    high_bits = ~low_bits
    key = np.empty(m, dtype=np.uint64)  # top bits of the hash | entry number
    aux = np.empty(m, dtype=np.uint64)  # low bits of the hash << 32 | text
    w = 0
    for c0 in range(0, len(h), _CHUNK):
        kc = keep[c0: c0 + _CHUNK]
        sel = np.flatnonzero(kc)
        doc = _texts_of(ptr, c0, c0 + len(kc))[sel]
        sel += c0
        hh = h[sel]
        k = len(sel)
        np.bitwise_and(hh, high_bits, out=key[w: w + k])
        key[w: w + k] |= np.arange(w, w + k, dtype=np.uint64)
        hh &= low_bits
        hh <<= _U64(32)
        hh |= doc.astype(np.uint64)
        aux[w: w + k] = hh
        w += k
    key.sort()
    hs, ds = key, np.empty(m, dtype=np.int64)  # the keys become the hashes, in place
    down = []  # entries whose hash is below the one before (top bits tie, low bits out of order)
    for c0 in range(0, m, _CHUNK):
        kc = hs[c0: c0 + _CHUNK]
        low = aux[(kc & low_bits).astype(np.intp)]
        kc &= high_bits
        kc |= low >> _U64(32)
        low &= _U64(0xFFFFFFFF)
        ds[c0: c0 + _CHUNK] = low
        c = max(c0 - 1, 0)
        d = np.flatnonzero(hs[c + 1: c0 + len(kc)] < hs[c: c0 + len(kc) - 1])
        if len(d):
            down.append(d + c)
    del aux
    if down:  # sort each run of tied top bits holding such an entry by whole hash, stably (text order)
        top = hs[np.concatenate(down)] >> _U64(pbits)
        start = np.searchsorted(hs, top << _U64(pbits))  # hs is sorted by top bits: binary search holds
        nxt = top + _U64(1)
        end = np.where(nxt >> _U64(64 - pbits) != 0, m, np.searchsorted(hs, nxt << _U64(pbits)))
        start, first = np.unique(start, return_index=True)
        size = end[first] - start
        at = _ranges(start, size)
        run = np.repeat(np.arange(len(size)), size)
        order = np.lexsort((hs[at], run))
        hs[at], ds[at] = hs[at][order], ds[at][order]
    w = 0  # drop duplicates, moving the first of each to the front in place
    prev = None
    for c0 in range(0, m, _CHUNK):
        hc, dc = hs[c0: c0 + _CHUNK], ds[c0: c0 + _CHUNK]
        first = np.empty(len(hc), dtype=bool)
        first[0] = prev is None or (hc[0], dc[0]) != prev
        np.not_equal(hc[1:], hc[:-1], out=first[1:])
        first[1:] |= dc[1:] != dc[:-1]
        prev = (hc[-1], dc[-1])
        k = int(np.count_nonzero(first))
        hs[w: w + k], ds[w: w + k] = hc[first], dc[first]
        w += k
    return hs[:w], ds[:w]


def _rolling_hashes(ids: np.ndarray, k: int) -> np.ndarray:
    """The hash of every run of ``k`` consecutive token ids (``len(ids) - k + 1`` of them, ``k <= len(ids)``):
    a polynomial rolling sum mixed by :func:`splitmix64`, in cache-sized chunks."""
    total = len(ids) - k + 1
    out = np.empty(total, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for c0 in range(0, total, _CHUNK):
            c1 = min(c0 + _CHUNK, total)
            h = ids[c0: c1].copy()
            for j in range(1, k):
                h *= _U64(0x100000001B3)
                h += ids[c0 + j: c1 + j]
            out[c0: c1] = splitmix64(h)
    return out


def token_hashes(tokens: list[str]) -> np.ndarray:
    """A 64-bit id per token string that is the same in every process (blake2b; Python's hash() is salted)."""
    from hashlib import blake2b

    return np.fromiter((int.from_bytes(blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
                        for t in tokens), dtype=np.uint64, count=len(tokens))


# Fingerprints held by more texts than this are not expanded into pairs (see fingerprint_pairs). Measured on
# bench/reuse.py's generated corpora (10k and 100k articles): pairs of texts in groups of 2..K texts grow
# 11.4x from 10k to 100k at K=4, 13.2x at 6, 14.6x at 8, 16.5x at 12 (a fixed df band holds more of the
# fingerprints as the corpus grows), and every pair that gives a passage shares at least 2 fingerprints
# held by 4 texts or fewer (at least 5 of them in all), so K=4 keeps the output while its count stays linear.
_LOW_DF = 4


def fingerprint_pairs(fh: np.ndarray, fd: np.ndarray, n: int, max_df: int, min_shared: int = 1, *,
                      low_df: int = _LOW_DF, bucket: int = 1 << 22, chunk: int = _CHUNK,
                      stats: dict[str, int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Article pairs sharing at least ``min_shared`` fingerprints: ``(codes, counts)``, ``code = a * n + b``.

    ``fh, fd`` are fingerprint hashes and text numbers sorted by hash then text, unique (as
    :meth:`ShingleIndex.fingerprints` returns them, or merged over partitions by find_reuse's hooks);
    fingerprints in more than ``max_df`` texts are skipped. ``a < b``; ``codes`` ascending; ``counts`` is
    the number of fingerprints the two texts share, exact for every pair returned.

    Stock phrases are not expanded into pairs, so the work grows with the corpus, not with the square
    of how many texts a phrase is in. A fingerprint held by at most ``low_df`` texts counts for each of
    its pairs (as 64-bit codes, or, past ``bucket`` pairs, in buckets of first texts ``a``, each about
    ``bucket`` pairs, as 32-bit codes local to the bucket). A fingerprint held by more (up to ``max_df``)
    yields pairs only when it looks like part of a passage reprinted in many texts: when the first two
    and last two of its texts (its posting list's ends) are those of ``min_shared`` fingerprints or more
    (a verbatim reprint gives many fingerprints with one posting list; edited copies lose a fingerprint
    here and there but rarely the ends of most lists). A stock phrase's texts are its own. So a pair is
    a candidate when

    - it shares ``min_shared - 1`` fingerprints of ``low_df`` texts or fewer (and with the others it
      shares, ``min_shared`` in all), or
    - it shares ``min_shared`` fingerprints and one of them is of a posting list like that.

    It is missed only when its shared fingerprints are mostly in more than ``low_df`` texts with
    posting lists of their own (stock phrases); ``low_df >= max_df`` or ``min_shared <= 1`` count every
    pair. ``stats``, when given, receives ``raw_pairs`` (pair codes made), ``lookups`` (fingerprints
    looked up to count the others a pair shares) and ``lists`` (posting lists expanded).
    The result depends on ``fh, fd`` alone (not on how a corpus was partitioned before they were merged),
    not on ``bucket`` nor on ``chunk`` (entries of the table read at a time, see :func:`_scan`).

    >>> fh = np.array([1, 1, 1, 2, 2, 3, 3, 3], dtype=np.uint64)
    >>> fd = np.array([0, 1, 2, 0, 1, 0, 1, 3])
    >>> codes, counts = fingerprint_pairs(fh, fd, 4, max_df=3, min_shared=2)
    >>> [(int(c) // 4, int(c) % 4, int(k)) for c, k in zip(codes, counts)]
    [(0, 1, 3)]
    """
    stats = {} if stats is None else stats
    stats.update(raw_pairs=0, lookups=0, lists=0)
    empty = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if len(fh) < 2 or n < 2:
        return empty
    fd = np.asarray(fd, dtype=np.int64)
    # groups of up to `paired` texts count pairwise; larger ones (up to max_df) are kept as posting lists
    paired = max_df if min_shared <= 1 else max(low_df, 1)
    low, hstart, hsize, htexts, hkey = _scan(fh, fd, n, max_df, paired, bucket, chunk)
    if low is None:  # too many pairs for one array: counted in buckets of first texts
        lstart, lsize = _low_groups(fh, paired, chunk)
        if not len(hsize):
            return _pair_counts(lstart, lstart + lsize, fd, n, min_shared, bucket, stats)
        all_codes, all_counts = _pair_counts(lstart, lstart + lsize, fd, n, 1, bucket, stats)
        del lstart, lsize
        rare = all_counts >= min_shared - 1
        low_codes, low_counts = all_codes[rare], all_counts[rare]
    else:
        stats["raw_pairs"] += len(low)
        low.sort()
        if not len(hsize):  # no posting lists: the pairs are all there is
            return _runs(low, min_shared)
        low_codes, low_counts = _runs(low, min_shared - 1)  # (only where a pair repeats: few places)
    big = _reprinted(hkey, htexts, hsize, min_shared)
    stats["lists"] = len(big)
    big_codes, _ = _pair_counts(hstart[big], hstart[big] + hsize[big], fd, n, 1, bucket, stats)
    codes = np.union1d(low_codes, big_codes)
    at = np.minimum(np.searchsorted(low_codes, codes), max(len(low_codes) - 1, 0))
    counts = np.where(low_codes[at] == codes, low_counts[at], 0) if len(low_codes) else np.zeros(len(codes), np.int64)
    other = codes[counts == 0]  # pairs of a posting list with fewer rare fingerprints: their count
    if low is None:
        at = np.minimum(np.searchsorted(all_codes, other), max(len(all_codes) - 1, 0))
        fewer = np.where(all_codes[at] == other, all_counts[at], 0) if len(all_codes) else np.zeros(len(other), np.int64)
    else:  # the length of its run among the sorted codes
        fewer = np.searchsorted(low, other, "right") - np.searchsorted(low, other, "left")
    counts[counts == 0] = fewer
    counts += _shared(codes, n, htexts, hsize, bucket, stats)
    keep = counts >= min_shared
    return codes[keep], counts[keep]


class _Table(NamedTuple):
    """The fingerprint table as :func:`fingerprint_pairs` uses it (see :func:`_scan`)."""

    low: np.ndarray | None  # pair codes of the groups counted pairwise (unsorted), None past the budget
    hstart: np.ndarray  # the posting lists: where each starts in fd,
    hsize: np.ndarray  # how many texts each holds,
    htexts: np.ndarray  # their texts, one list after the other,
    hkey: np.ndarray  # and a hash of the first two and last two texts of each


def _chunks(fh: np.ndarray, chunk: int):
    """Ranges ``(c0, c1)`` of the sorted ``fh``, about ``chunk`` entries each, each ending at a group's end."""
    total, c0 = len(fh), 0
    while c0 < total:
        c1 = min(c0 + max(chunk, 1), total)
        if c1 < total:
            c1 = int(np.searchsorted(fh, fh[c1 - 1], "right"))
        yield c0, c1
        c0 = c1


def _groups(h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and size of each run of 2 or more equal values of sorted ``h``.

    >>> [x.tolist() for x in _groups(np.array([1, 1, 2, 3, 3, 3], dtype=np.uint64))]
    [[0, 3], [2, 3]]
    """
    same = np.zeros(len(h) + 1, dtype=bool)  # same[i]: entry i has the value of entry i - 1
    np.equal(h[1:], h[:-1], out=same[1: len(h)])
    edge = np.flatnonzero(same[1:] != same[:-1])  # a run's first entry, its last, the next run's first...
    return edge[0::2], edge[1::2] - edge[0::2] + 1


def _low_groups(fh: np.ndarray, paired: int, chunk: int) -> tuple[np.ndarray, np.ndarray]:
    """Start and size of each group of 2 to ``paired`` texts in the sorted fingerprint table."""
    starts, sizes = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for c0, c1 in _chunks(fh, chunk):
        gs, size = _groups(fh[c0: c1])
        low = size <= paired
        starts.append(gs[low] + c0)
        sizes.append(size[low])
    return np.concatenate(starts), np.concatenate(sizes)


def _scan(fh: np.ndarray, fd: np.ndarray, n: int, max_df: int, paired: int, budget: int, chunk: int) -> _Table:
    """One pass over the fingerprint table in cache-sized chunks (``chunk`` entries or so, each ending at
    a group's end): the groups of 2 to ``paired`` texts as their pairs' codes ``a * n + b`` (unsorted;
    None past ``budget`` codes), and the groups of ``paired + 1`` to ``max_df`` texts as posting lists
    (see :class:`_Table`).

    Every array of the whole table is read once, in order, and every temporary is the size of a chunk,
    so the time per fingerprint does not grow with the corpus (passes over whole arrays of the table,
    and gathers from them, slow down once it outgrows the CPU caches).

    >>> fh = np.array([1, 1, 2, 3, 3, 3], dtype=np.uint64)
    >>> t = _scan(fh, np.array([0, 2, 1, 0, 1, 2]), 3, 3, 2, 100, 2)
    >>> t.low.tolist(), t.hstart.tolist(), t.htexts.tolist(), t.hsize.tolist()
    ([2], [3], [0, 1, 2], [3])
    """
    nn = np.int64(n)
    small = np.int32 if n <= np.iinfo(np.int32).max else np.int64  # the posting lists' texts
    codes: list[np.ndarray] | None = []
    made = 0
    hstart: list[np.ndarray] = []
    hsize: list[np.ndarray] = []
    htexts: list[np.ndarray] = []
    hkey: list[np.ndarray] = []
    for c0, c1 in _chunks(fh, chunk):
        d = fd[c0: c1]
        gs, size = _groups(fh[c0: c1])
        if not len(gs):
            continue
        if size.max() > paired:
            high = size > paired
            high &= size <= max_df
            hs, hz = gs[high], size[high]
            hstart.append(hs + c0)
            hsize.append(hz)
            htexts.append(d[_ranges(hs, hz)].astype(small))
            end = hs + hz - 1
            with np.errstate(over="ignore"):  # the first two and last two texts, hashed together
                hkey.append(splitmix64(splitmix64(splitmix64(d[hs].astype(np.uint64)) ^ d[hs + 1].astype(np.uint64))
                                       ^ d[end - 1].astype(np.uint64)) ^ d[end].astype(np.uint64))
        if codes is not None:
            pairs = int((size * (size - 1) // 2)[size <= paired].sum())
            if made + pairs > budget:
                codes = None
            elif pairs:
                codes.append(_group_pairs(d, gs, size, nn, paired, pairs))
                made += pairs
    cat = (lambda parts, dt: np.concatenate(parts) if parts else np.zeros(0, dtype=dt))  # noqa: E731
    return _Table(None if codes is None else cat(codes, np.int64), cat(hstart, np.int64), cat(hsize, np.int64),
                  cat(htexts, small), cat(hkey, np.uint64))


def _group_pairs(d: np.ndarray, gs: np.ndarray, size: np.ndarray, n: np.int64, paired: int,
                 total: int) -> np.ndarray:
    """The codes ``a * n + b`` of every pair of texts in each group ``d[gs[i]: gs[i] + size[i]]`` (sorted
    texts) of at most ``paired`` texts, ``total`` of them: groups of 2 to 4 texts a column at a time (no
    index arrays), larger ones entry by entry (each entry pairs with the entries after it in its group).

    >>> _group_pairs(np.array([1, 2, 0, 1, 3]), np.array([0, 2]), np.array([2, 3]), np.int64(10), 3, 4).tolist()
    [12, 1, 3, 13]
    """
    out = np.empty(total, dtype=np.int64)
    w = 0
    for s in range(2, min(paired, 4) + 1):
        at = gs[size == s]
        if not len(at):
            continue
        cols = [d[at + j] for j in range(s)]
        for i in range(s - 1):
            first = cols[i] * n
            for j in range(i + 1, s):
                np.add(first, cols[j], out=out[w: w + len(at)])
                w += len(at)
    more = (size > 4) & (size <= paired)
    if more.any():
        gs, size = gs[more], size[more]
        m = size - 1
        pos = _ranges(gs, m)
        later = np.repeat(gs + m, m) - pos
        code = np.repeat(d[pos] * n, later)
        code += d[_ranges(pos + 1, later)]
        out[w:] = code
    return out


def _runs(x: np.ndarray, min_len: int) -> tuple[np.ndarray, np.ndarray]:
    """Values of sorted ``x`` that occur at least ``min_len`` times, and how often."""
    if len(x) < min_len:
        return x[:0], np.zeros(0, dtype=np.int64)
    if min_len > 1:  # only runs that long: from the places where x[i] == x[i + 1] (few)
        eq = np.flatnonzero(x[1:] == x[:-1])  # a run of k values gives k - 1 consecutive places
        if not len(eq):
            return x[:0], np.zeros(0, dtype=np.int64)
        first = np.flatnonzero(np.r_[True, eq[1:] != eq[:-1] + 1])
        size = np.diff(np.r_[first, len(eq)]) + 1
        long = size >= min_len
        return x[eq[first[long]]], size[long].astype(np.int64)
    run = np.flatnonzero(np.r_[True, x[1:] != x[:-1], True])
    return x[run[:-1]], np.diff(run).astype(np.int64)


def _ranges(start: np.ndarray, size: np.ndarray) -> np.ndarray:
    """The positions ``start[i] .. start[i] + size[i] - 1`` of every range, concatenated (int64)."""
    if not (size > 0).all():
        start, size = start[size > 0], size[size > 0]
    out = np.ones(int(size.sum()), dtype=np.int64)
    if len(out):
        out[0] = start[0]
        out[np.cumsum(size[:-1])] = start[1:] - start[:-1] - size[:-1] + 1
        np.cumsum(out, out=out)
    return out


def _set_hash(texts: np.ndarray, size: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each set of ``texts`` (``size[i]`` texts each, one set after the other): the sum of
    its texts' numbers mixed by :func:`splitmix64`."""
    x = splitmix64(texts.astype(np.uint64))
    with np.errstate(over="ignore"):
        return np.add.reduceat(x, np.cumsum(size) - size) if len(size) else x[:0]


def _distinct_sets(texts: np.ndarray, size: np.ndarray) -> np.ndarray:
    """The first of each distinct set among ``texts`` (``size[i]`` each, one after the other), ascending.

    Sets are matched by size and hash, then checked entry by entry; a hash collision (never seen in
    practice) is split exactly, in Python.
    """
    h = _set_hash(texts, size)
    order = np.argsort(h, kind="stable")
    hs, ss = h[order], size[order]
    new = np.r_[True, (hs[1:] != hs[:-1]) | (ss[1:] != ss[:-1])]
    first = order[new]  # the first set (in input order) of each run of equal hashes
    run = np.cumsum(new) - 1
    rep = np.empty(len(size), dtype=np.int64)
    rep[order] = first[run]
    check = np.flatnonzero(rep != np.arange(len(size)))  # sets that were matched to another one
    if len(check):
        start = np.cumsum(size) - size
        differ = texts[_ranges(start[check], size[check])] != texts[_ranges(start[rep[check]], size[check])]
        if differ.any():  # hash collision: split the runs involved by their exact sets
            sets = lambda i: tuple(texts[start[i]: start[i] + size[i]].tolist())  # noqa: E731
            bad = np.add.reduceat(differ, np.cumsum(size[check]) - size[check]) > 0
            for r in np.unique(rep[check[bad]]).tolist():
                seen: dict[tuple[int, ...], int] = {}
                for i in np.flatnonzero(rep == r).tolist():
                    rep[i] = seen.setdefault(sets(i), i)
    return np.unique(rep)


def _reprinted(key: np.ndarray, texts: np.ndarray, size: np.ndarray, min_shared: int) -> np.ndarray:
    """Which of the groups ``texts`` holds (``size[i]`` sorted texts each, 2 or more, one group after the
    other; ``key[i]`` a hash of each one's first two and last two texts) to expand into pairs: one of
    each distinct set of texts whose first two and last two texts are those of ``min_shared`` groups or
    more.

    Many fingerprints of a passage reprinted in many texts have the same texts at their ends (all of them
    when the copies are verbatim, most when some copies are edited and lose a fingerprint here and
    there); a stock phrase's texts are its own. Only four texts of each group are looked at, then the
    groups kept are compared in full, so that each set is expanded once.
    """
    # keys shared by min_shared groups or more: one vectorised sort of the keys (not np.unique's argsort and
    # inverse), then a binary search of every key among the few frequent ones
    frequent, _ = _runs(np.sort(key), min_shared)
    if not len(frequent):
        return np.zeros(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(frequent, key), len(frequent) - 1)
    maybe = np.flatnonzero(frequent[at] == key)
    start = np.cumsum(size) - size
    return maybe[_distinct_sets(texts[_ranges(start[maybe], size[maybe])], size[maybe])]


def _pair_counts(gstart: np.ndarray, gend: np.ndarray, fd: np.ndarray, n: int, min_shared: int, bucket: int,
                 stats: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of texts in ``min_shared`` or more of the groups ``fd[gstart[i]: gend[i]]`` (each sorted),
    ``(codes, counts)`` as :func:`fingerprint_pairs` returns them: every pair code in one array, or past
    ``bucket`` of them, in buckets of first texts."""
    empty = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not len(gstart):
        return empty
    # each entry but the last of a group pairs with the `later` entries after it
    m = gend - gstart - 1
    pos = _ranges(gstart, m)
    later = np.repeat(gend - 1, m) - pos
    total = int(later.sum())
    stats["raw_pairs"] += total
    first = fd[pos]
    if total <= bucket:  # few enough for one array of 64-bit codes
        code = np.repeat(first * np.int64(n), later) + fd[_ranges(pos + 1, later)]
        code.sort()
        return _runs(code, min_shared)
    # buckets: ranges of first texts, each with about `bucket` pairs and narrow enough for int32 codes
    per_text = np.bincount(first, weights=later, minlength=n)
    weight = np.cumsum(per_text) - per_text  # pairs whose first text comes before each text
    width = max((2**31 - 1) // n, 1)
    key = (weight // max(bucket, 1)).astype(np.int64) * (n // width + 1) + np.arange(n) // width
    new = np.r_[True, key[1:] != key[:-1]]
    starts = np.flatnonzero(new)  # first text of each bucket
    if len(starts) == 1:  # one bucket: every entry in it, in order
        order, cut = np.arange(len(pos)), np.array([0, len(pos)])
    else:
        which = (np.cumsum(new) - 1)[first]
        order = np.argsort(which.astype(np.uint16) if len(starts) <= 1 << 16 else which, kind="stable")  # radix
        cut = np.searchsorted(which[order], np.arange(len(starts) + 1))
        del which
    codes, counts = [], []
    for k in range(len(starts)):
        sel = order[cut[k]: cut[k + 1]]
        if not len(sel):
            continue
        p, c = pos[sel], later[sel]
        # the partners of entry e are the positions p[e] + 1 .. p[e] + c[e]
        partner = _ranges(p + 1, c)
        # a bucket spans at most `width` first texts, so (a - start) * n + b < 2**31
        local = fd[partner].astype(np.int32)
        del partner
        local += np.repeat(((first[sel] - starts[k]) * n).astype(np.int32), c)
        local.sort()
        kept, size = _runs(local, min_shared)
        codes.append(kept.astype(np.int64) + np.int64(starts[k]) * n)
        counts.append(size)
    if not codes:
        return empty
    return np.concatenate(codes), np.concatenate(counts)


def _shared(codes: np.ndarray, n: int, texts: np.ndarray, size: np.ndarray, bucket: int,
            stats: dict[str, int]) -> np.ndarray:
    """For each pair ``code = a * n + b``, how many of the groups ``texts`` holds (``size[i]`` sorted texts
    each, one group after the other) hold both ``a`` and ``b``.

    Only the memberships of the texts in ``codes`` are kept, one row of groups per text (scipy's CSR, from
    the group-ordered memberships as CSC, a transpose in C: linear in the memberships, where a sort of
    ``text * groups + group`` codes grows faster): the groups two texts share are the product of their
    rows (scipy, in C), in chunks of pairs holding some ``bucket`` memberships.
    """
    out = np.zeros(len(codes), dtype=np.int64)
    if not len(codes) or not len(size):
        return out
    a, b = codes // n, codes % n
    need = np.zeros(n, dtype=bool)
    need[a] = need[b] = True
    # only the texts of the pairs are kept (a group's others can share it with no pair); in chunks of
    # groups holding some _CHUNK texts, so that the temporaries stay in the CPU cache
    end = np.cumsum(size)
    members, helds = [], []
    g0 = 0
    while g0 < len(size):
        t0 = int(end[g0] - size[g0])
        g1 = max(int(np.searchsorted(end, t0 + _CHUNK, "right")), g0 + 1)
        t = texts[t0: int(end[g1 - 1])]
        mine = need[t]
        members.append(t[mine])  # in group order, `held` of each group
        seen = np.cumsum(mine, dtype=np.int64)[end[g0: g1] - t0 - 1]  # texts of the pairs up to each end
        seen[1:] -= seen[:-1].copy()
        helds.append(seen)
        g0 = g1
    member, held = np.concatenate(members), np.concatenate(helds)
    del members, helds
    # that is a group x text matrix in CSC form already (no COO triples): scipy turns it into text rows
    col_ptr = np.zeros(len(held) + 1, dtype=member.dtype if len(member) < 2**31 else np.int64)
    np.cumsum(held, out=col_ptr[1:])
    rows = sp.csc_matrix((np.ones(len(member), dtype=np.int32), member, col_ptr),
                         shape=(n, len(held))).tocsr()
    del member
    ptr = rows.indptr
    stats["lookups"] += int(np.minimum(np.diff(ptr)[a], np.diff(ptr)[b]).sum())
    step = max(bucket // 64, 1)  # pairs per chunk (texts hold some 10-100 sets each)
    for i in range(0, len(codes), step):
        both = rows[a[i: i + step]].multiply(rows[b[i: i + step]])
        out[i: i + step] = np.asarray(both.sum(axis=1)).ravel()
    return out


class Stages:
    """Wall-clock and CPU seconds per stage of a run, added up by name (``wall``, ``cpu``): ``lap(name)``
    charges the time since the last lap (or since the clock was made) to ``name``.

    >>> clock = Stages()
    >>> clock.lap("tokens"); clock.lap("tokens"); sorted(clock.wall)
    ['tokens']
    """

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._last = (time.perf_counter(), time.process_time())

    def lap(self, name: str) -> None:
        now = (time.perf_counter(), time.process_time())
        self.wall[name] = self.wall.get(name, 0.0) + now[0] - self._last[0]
        self.cpu[name] = self.cpu.get(name, 0.0) + now[1] - self._last[1]
        self._last = now

    def skip(self) -> None:
        """Charge the time since the last lap to no stage (it was counted elsewhere)."""
        self._last = (time.perf_counter(), time.process_time())

    def add(self, other: Stages) -> None:
        """Add ``other``'s seconds to these."""
        for mine, theirs in ((self.wall, other.wall), (self.cpu, other.cpu)):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0.0) + v


class ShingleIndex:
    """Token ids and hashed word shingles of a list of texts, stored flat with per-text pointers."""

    def __init__(self, texts: Sequence[str], k: int):
        self.k = k
        self.clock = clock = Stages()
        vocab: dict[str, int] = {}
        setdefault = vocab.setdefault
        flat: list[int] = []  # token numbers, moved into `parts` (numpy) every _CHUNK or so (cache-sized)
        parts: list[np.ndarray] = []
        lens = np.zeros(len(texts), dtype=np.int64)
        for i, text in enumerate(texts):
            low = match_text(text)
            if low is not None:
                toks = _TOKEN_RE.findall(low)
            else:  # lower-casing changed the length: lower each token instead
                toks = _TOKEN_RE.findall(text)
                toks = "\x00".join(toks).lower().split("\x00") if toks else toks
            if not toks:
                continue
            flat.extend([setdefault(t, len(vocab)) for t in toks])
            lens[i] = len(toks)
            if len(flat) >= _CHUNK:
                parts.append(np.array(flat, dtype=np.int64))
                flat.clear()
        parts.append(np.array(flat, dtype=np.int64))
        self.n_tokens = lens
        clock.lap("tokens")
        # A token's id is a hash of the token itself (not its place in this index's vocabulary), so
        # indexes built separately (one per partition, on Dask) give the same shingle hashes.
        ids = token_hashes(list(vocab))
        del flat, vocab
        n_sh = np.maximum(lens - k + 1, 0)
        self.ptr = np.concatenate([[0], np.cumsum(n_sh)]).astype(np.int64)
        tok_ptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        self.hashes = np.empty(int(self.ptr[-1]), dtype=np.uint64)
        if tok_ptr[-1] >= k:
            # keep the shingles that lie inside one text: drop those starting in a text's last k - 1 tokens
            inside = np.ones(int(tok_ptr[-1]) - k + 1, dtype=bool)
            cut = np.minimum(lens, k - 1)
            last = _ranges(tok_ptr[1:] - cut, cut)
            inside[last[last < len(inside)]] = False
            # part by part (each a few MB), with the last k - 1 token ids of the parts before: no array
            # the size of the corpus but the hashes themselves
            w, g0, carry = 0, 0, np.zeros(0, dtype=np.uint64)  # g0: the first token of `seg`
            for part in parts:
                seg = np.concatenate([carry, ids[part]])
                if len(seg) < k:
                    carry = seg
                    continue
                h = _rolling_hashes(seg, k)
                h = h[inside[g0: g0 + len(h)]]
                self.hashes[w: w + len(h)] = h
                w += len(h)
                g0 += len(seg) - k + 1
                carry = seg[len(seg) - k + 1:]
        del parts
        clock.lap("shingles")

    # -- candidates
    def fingerprints(self, window: int) -> tuple[np.ndarray, np.ndarray]:
        """Winnowed (hash, text) pairs, unique, sorted by hash then text."""
        h = self.hashes
        n = len(h)
        if n == 0:
            return h, np.zeros(0, dtype=np.int64)
        # Windows never straddle two texts, so a text's fingerprints depend on that text alone (and a
        # corpus split into partitions gives the same fingerprints); texts shorter than a window keep all.
        keep = np.zeros(n, dtype=bool)
        # m[s] = min of the window starting at s; shingle i is kept when it is the minimum of a window
        # that contains it (shifted numpy minimum/compare: much faster than argmin over a strided view),
        # in chunks of window starts small enough to stay in the CPU cache (the same result in one pass)
        for c0 in range(0, n - window + 1, _CHUNK):
            c1 = min(c0 + _CHUNK, n - window + 1)
            m = h[c0: c1].copy()
            for j in range(1, window):
                np.minimum(m, h[c0 + j: c1 + j], out=m)
            doc = _texts_of(self.ptr, c0, c1 + window - 1)
            inside = doc[: c1 - c0] == doc[window - 1:]
            for j in range(window):
                keep[c0 + j: c1 + j] |= (h[c0 + j: c1 + j] == m) & inside
        n_sh = np.diff(self.ptr)
        short = n_sh < window
        keep[_ranges(self.ptr[:-1][short], n_sh[short])] = True
        return _sorted_unique(h, self.ptr, keep)

    def candidate_pairs(self, *, window: int, max_df: int, min_shared: int) -> np.ndarray:
        """Pairs ``(a, b)``, ``a < b``, sharing at least ``min_shared`` fingerprints."""
        fh, fd = self.fingerprints(window)
        codes, _ = fingerprint_pairs(fh, fd, len(self.ptr) - 1, max_df, min_shared)
        n = np.int64(len(self.ptr) - 1)
        return np.stack([codes // n, codes % n], axis=1)

    def minhash_pairs(self, *, threshold: float, num_perm: int = 128) -> np.ndarray:
        """Pairs of whole texts whose shingle sets reach Jaccard ``threshold`` by datasketch MinHash LSH."""
        from datasketch import MinHash, MinHashLSH

        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        sigs = {}
        for i in range(len(self.ptr) - 1):
            hs = np.unique(self.hashes[self.ptr[i]: self.ptr[i + 1]])
            if not len(hs):
                continue
            m = MinHash(num_perm=num_perm, seed=1, hashfunc=int)
            m.update_batch((hs >> _U64(32)).tolist())  # datasketch wants 32-bit hash values
            sigs[i] = m
            lsh.insert(i, m)
        pairs = {(min(i, j), max(i, j)) for i, m in sigs.items() for j in lsh.query(m) if j != i}
        return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)

    # -- alignment
    def align(self, a: int, b: int, *, max_gap: int, min_words: int, min_similarity: float) -> list[tuple]:
        """Passages shared by texts ``a`` and ``b`` as token spans ``(a0, a1, b0, b1, similarity)``."""
        k = self.k
        ha = self.hashes[self.ptr[a]: self.ptr[a + 1]]
        hb = self.hashes[self.ptr[b]: self.ptr[b + 1]]
        if not len(ha) or not len(hb):
            return []
        ob = np.argsort(hb, kind="stable")
        hbs = hb[ob]
        lo = np.searchsorted(hbs, ha, "left")
        cnt = np.searchsorted(hbs, ha, "right") - lo
        if not cnt.any():
            return []
        i = np.repeat(np.arange(len(ha)), cnt)
        first = np.repeat(np.cumsum(cnt) - cnt, cnt)
        j = ob[np.repeat(lo, cnt) + np.arange(len(i)) - first]
        d = j - i
        order = np.lexsort((i, d))
        i, d = i[order], d[order]
        brk = np.flatnonzero(np.r_[True, (d[1:] != d[:-1]) | (np.diff(i) != 1)])
        run_end = np.r_[brk[1:], len(i)] - 1
        runs = sorted(zip(i[brk].tolist(), (i[run_end] + k).tolist(), d[brk].tolist()))
        # Chain runs (sorted by start in a) into passages across gaps of at most max_gap words.
        passages: list[list[Any]] = []  # [a0, a1, b0, b1, [(a0, a1) covered], [(b0, b1) covered]]
        for a0, a1, dd in runs:
            b0, b1 = a0 + dd, a1 + dd
            best, best_gap = None, None
            for p in passages:
                ga, gb = a0 - p[1], b0 - p[3]
                if -k < ga <= max_gap and -k < gb <= max_gap and b0 > p[2]:
                    g = max(ga, gb)
                    if best_gap is None or g < best_gap:
                        best, best_gap = p, g
            if best is None:
                passages.append([a0, a1, b0, b1, [(a0, a1)], [(b0, b1)]])
            else:
                best[1], best[3] = max(best[1], a1), max(best[3], b1)
                best[4].append((a0, a1))
                best[5].append((b0, b1))
        out = []
        for a0, a1, b0, b1, ca, cb in passages:
            la, lb = a1 - a0, b1 - b0
            if min(la, lb) < min_words:
                continue
            covered = union_length(ca) + union_length(cb)
            sim = covered / (la + lb)
            if sim >= min_similarity:
                out.append((a0, a1, b0, b1, round(sim, 4)))
        # drop passages contained in another one on both sides (echoes of repeated phrases)
        out.sort(key=lambda p: (p[0] - p[1], p[0]))
        kept: list[tuple] = []
        for p in out:
            if not any(q[0] <= p[0] and p[1] <= q[1] and q[2] <= p[2] and p[3] <= q[3] for q in kept):
                kept.append(p)
        return sorted(kept)



def match_text(text: str) -> str | None:
    """``text`` lower-cased with the same length (so offsets carry over), or None when that is impossible.

    Only "İ" lower-cases to two characters in Python; it becomes "i" here. Token boundaries do not depend
    on case, so the tokens of this string are those of ``text``, at the same offsets.
    """
    low = text.replace("İ", "I").lower()
    return low if len(low) == len(text) else None


def token_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Offsets of the tokens ShingleIndex counted in ``text`` (the same text form, so the same tokens)."""
    low = match_text(text)
    spans = np.array([m.span() for m in _TOKEN_RE.finditer(low if low is not None else text)],
                     dtype=np.int64).reshape(-1, 2)
    return spans[:, 0], spans[:, 1]
