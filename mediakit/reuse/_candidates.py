"""The candidate stage of find_reuse: pairs of texts that share winnowed fingerprints, with exact counts.

One job: from the fingerprint table (hashes and texts sorted by hash, as
:meth:`mediakit.reuse._shingles.ShingleIndex.fingerprints` gives it), the pairs of texts sharing enough
fingerprints to be aligned, without expanding stock phrases (fingerprints in many texts) into their pairs:
see :func:`fingerprint_pairs`. The table is read once, in cache-sized chunks.

>>> fh = np.array([7, 7, 7, 8, 8, 9, 9], dtype=np.uint64)
>>> codes, counts = fingerprint_pairs(fh, np.array([0, 1, 2, 0, 1, 0, 1]), 3, max_df=3, min_shared=3)
>>> [(int(c) // 3, int(c) % 3, int(k)) for c, k in zip(codes, counts)]
[(0, 1, 3)]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from ._shingles import _CHUNK, _ranges, splitmix64

__all__ = ["fingerprint_pairs"]

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
    few = counts == 0  # pairs of a posting list with fewer rare fingerprints: their count
    other = codes[few]
    if low is None:
        at = np.minimum(np.searchsorted(all_codes, other), max(len(all_codes) - 1, 0))
        fewer = np.where(all_codes[at] == other, all_counts[at], 0) if len(all_codes) else np.zeros(len(other), np.int64)
    else:  # the length of its run among the sorted codes
        fewer = np.searchsorted(low, other, "right") - np.searchsorted(low, other, "left")
    counts[few] = fewer
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


def _chunks(fh: np.ndarray, chunk: int) -> Iterator[tuple[int, int]]:
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
