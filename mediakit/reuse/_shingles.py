"""The shingle index of find_reuse: tokens, hashed word shingles, winnowed fingerprints and alignment.

One job: turn texts into arrays of 64-bit shingle hashes (numpy, flat with per-text pointers), pick the
winnowed fingerprints that make candidate pairs, and align two texts' shingles into shared passages (token
spans). Counting the pairs that share fingerprints is :mod:`mediakit.reuse._candidates`'s; offsets,
direction and the output table are :mod:`mediakit.reuse._find`'s.

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
from typing import Any

import numpy as np

from ..spans import union_length
from ..text import TOKEN_PATTERN

__all__ = ["ShingleIndex", "Stages", "match_text", "token_spans"]

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
