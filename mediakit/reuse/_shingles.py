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
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..spans import union_length
from ..text import TOKEN_PATTERN

__all__ = ["ShingleIndex", "fingerprint_pairs", "match_text", "token_spans"]

_TOKEN_RE = re.compile(TOKEN_PATTERN)
_U64 = np.uint64


def splitmix64(x: np.ndarray) -> np.ndarray:
    """A fast 64-bit mixer (Steele et al. 2014), vectorised: spreads ids and rolling sums over all bits."""
    with np.errstate(over="ignore"):
        x = x + _U64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> _U64(27))) * _U64(0x94D049BB133111EB)
        return x ^ (x >> _U64(31))


def token_hashes(tokens: list[str]) -> np.ndarray:
    """A 64-bit id per token string that is the same in every process (blake2b; Python's hash() is salted)."""
    from hashlib import blake2b

    return np.fromiter((int.from_bytes(blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
                        for t in tokens), dtype=np.uint64, count=len(tokens))


def fingerprint_pairs(fh: np.ndarray, fd: np.ndarray, n: int, max_df: int, min_shared: int = 1, *,
                      bucket: int = 1 << 22) -> tuple[np.ndarray, np.ndarray]:
    """Article pairs sharing at least ``min_shared`` fingerprints: ``(codes, counts)``, ``code = a * n + b``.

    ``fh, fd`` are fingerprint hashes and text numbers sorted by hash then text, unique (as
    :meth:`ShingleIndex.fingerprints` returns them, or merged over partitions by find_reuse's hooks);
    fingerprints in more than ``max_df`` texts are skipped. ``a < b``; ``codes`` ascending; ``counts`` is
    the number of fingerprints the two texts share.

    The pairs of each fingerprint are counted in buckets of first texts ``a`` (ranges holding about
    ``bucket`` pairs of fingerprints, so no more than that is ever in memory at once, as 32-bit codes local
    to the bucket), and only the pairs with ``min_shared`` or more are kept from each: the many pairs
    that share one or two stock phrases are never gathered for the whole corpus.

    >>> fh = np.array([1, 1, 1, 2, 2, 3, 3, 3], dtype=np.uint64)
    >>> fd = np.array([0, 1, 2, 0, 1, 0, 1, 3])
    >>> codes, counts = fingerprint_pairs(fh, fd, 4, max_df=3, min_shared=2)
    >>> [(int(c) // 4, int(c) % 4, int(k)) for c, k in zip(codes, counts)]
    [(0, 1, 3)]
    """
    empty = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if len(fh) < 2 or n < 2:
        return empty
    same = fh[1:] == fh[:-1]  # entry i + 1 has the fingerprint of entry i
    gstart = np.flatnonzero(same & ~np.r_[False, same[:-1]])  # the groups of 2 or more texts
    gend = np.flatnonzero(same & ~np.r_[same[1:], False]) + 2
    del same
    ok = gend - gstart <= max_df
    gstart, gend = gstart[ok], gend[ok]
    if not len(gstart):
        return empty
    # each entry but the last of a group pairs with the `later` entries after it
    m = gend - gstart - 1
    pos = np.arange(int(m.sum()), dtype=np.int64) + np.repeat(gstart - (np.cumsum(m) - m), m)
    later = np.repeat(gend - 1, m) - pos
    fd = np.asarray(fd, dtype=np.int64)
    first = fd[pos]
    # buckets: ranges of first texts, each with about `bucket` pairs and narrow enough for int32 codes
    per_text = np.bincount(first, weights=later, minlength=n)
    weight = np.cumsum(per_text) - per_text  # pairs whose first text comes before each text
    width = max((2**31 - 1) // n, 1)
    key = (weight // max(bucket, 1)).astype(np.int64) * (n // width + 1) + np.arange(n) // width
    new = np.r_[True, key[1:] != key[:-1]]
    starts = np.flatnonzero(new)  # first text of each bucket
    which = (np.cumsum(new) - 1)[first]
    order = np.argsort(which.astype(np.uint16) if len(starts) <= 1 << 16 else which, kind="stable")  # radix
    cut = np.searchsorted(which[order], np.arange(len(starts) + 1))
    del which
    fd32 = fd.astype(np.int32)
    codes, counts = [], []
    for k in range(len(starts)):
        sel = order[cut[k]: cut[k + 1]]
        if not len(sel):
            continue
        p, c = pos[sel], later[sel]
        total = int(c.sum())
        itype = np.int32 if total + len(fd) < 2**31 else np.int64
        # the partners of entry e are the positions p[e] + 1 .. p[e] + c[e]
        partner = np.repeat((p + 1 - (np.cumsum(c) - c)).astype(itype), c)
        partner += np.arange(total, dtype=itype)
        # a bucket spans at most `width` first texts, so (a - start) * n + b < 2**31
        local = fd32[partner]
        del partner
        local += np.repeat(((first[sel] - starts[k]) * n).astype(np.int32), c)
        local.sort()
        kept, size = _runs(local, min_shared)
        codes.append(kept.astype(np.int64) + np.int64(starts[k]) * n)
        counts.append(size)
    if not codes:
        return empty
    return np.concatenate(codes), np.concatenate(counts)


def _runs(x: np.ndarray, min_len: int) -> tuple[np.ndarray, np.ndarray]:
    """Values of sorted ``x`` that occur at least ``min_len`` times, and how often."""
    if len(x) < min_len:
        return x[:0], np.zeros(0, dtype=np.int64)
    if min_len > 1:  # only runs that long: look where x[i] == x[i + min_len - 1] (few places)
        at = np.flatnonzero(x[min_len - 1:] == x[: len(x) - min_len + 1])
        at = at[(at == 0) | (x[at - 1] != x[at])]
        values = x[at]
        return values, np.searchsorted(x, values, "right").astype(np.int64) - at
    run = np.flatnonzero(np.r_[True, x[1:] != x[:-1], True])
    return x[run[:-1]], np.diff(run).astype(np.int64)


class ShingleIndex:
    """Token ids and hashed word shingles of a list of texts, stored flat with per-text pointers."""

    def __init__(self, texts: Sequence[str], k: int):
        self.k = k
        vocab: dict[str, int] = {}
        setdefault = vocab.setdefault
        flat: list[int] = []
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
        self.n_tokens = lens
        # A token's id is a hash of the token itself (not its place in this index's vocabulary), so
        # indexes built separately (one per partition, on Dask) give the same shingle hashes.
        ids = token_hashes(list(vocab))[np.asarray(flat, dtype=np.int64)]
        n_sh = np.maximum(lens - k + 1, 0)
        self.ptr = np.concatenate([[0], np.cumsum(n_sh)]).astype(np.int64)
        tok_ptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        total = len(ids)
        if total >= k:
            with np.errstate(over="ignore"):
                h = ids[: total - k + 1].copy()
                for j in range(1, k):
                    h = h * _U64(0x100000001B3) + ids[j: total - k + 1 + j]
            h = splitmix64(h)
            # keep the shingles that lie inside one text
            starts = np.repeat(tok_ptr[:-1], n_sh) + (np.arange(int(n_sh.sum())) - np.repeat(self.ptr[:-1], n_sh))
            self.hashes = h[starts]
        else:
            self.hashes = np.zeros(0, dtype=np.uint64)
        self.doc = np.repeat(np.arange(len(texts), dtype=np.int64), n_sh)

    # -- candidates
    def fingerprints(self, window: int) -> tuple[np.ndarray, np.ndarray]:
        """Winnowed (hash, text) pairs, unique, sorted by hash then text."""
        h = self.hashes
        n = len(h)
        if n == 0:
            return h, self.doc
        # Windows never straddle two texts, so a text's fingerprints depend on that text alone (and a
        # corpus split into partitions gives the same fingerprints); texts shorter than a window keep all.
        keep = np.zeros(n, dtype=bool)
        if n >= window:
            # m[s] = min of the window starting at s; shingle i is kept when it is the minimum of a window
            # that contains it (shifted numpy minimum/compare: much faster than argmin over a strided view).
            m = h[: n - window + 1].copy()
            for j in range(1, window):
                np.minimum(m, h[j: n - window + 1 + j], out=m)
            inside = self.doc[: n - window + 1] == self.doc[window - 1:]
            for j in range(window):
                keep[j: j + len(m)] |= (h[j: j + len(m)] == m) & inside
        n_sh = np.diff(self.ptr)
        keep |= (n_sh < window)[self.doc]
        pos = np.flatnonzero(keep)
        fh, fd = h[pos], self.doc[pos]
        order = np.argsort(fh, kind="stable")  # positions run in text order, so ties stay sorted by text
        fh, fd = fh[order], fd[order]
        first = np.ones(len(fh), dtype=bool)
        first[1:] = (fh[1:] != fh[:-1]) | (fd[1:] != fd[:-1])
        return fh[first], fd[first]

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
