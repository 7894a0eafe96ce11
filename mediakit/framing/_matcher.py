"""The codebook cue matcher (internal): words and phrases by token look-up, patterns by regex.

Used by :class:`mediakit.framing.codebook.Codebook`; it knows nothing of files or validation.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..text import fold

# Tokens for matching: runs of letters/digits, joined by apostrophes (the ending after it is dropped).
_MATCH_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHE_RE = re.compile(r"['’]")


def cue_tokens(text: str) -> list[str]:
    """Split a cue into word units; a trailing ``*`` stays on its word."""
    out = []
    for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*\*?", text):
        out.append(m.group())
    return out


def token_keys(raw: str) -> tuple[str, str]:
    """(case-folded key, case-kept key) of a token: apostrophe ending dropped, diacritics folded."""
    base = _APOSTROPHE_RE.split(raw, 1)[0]
    kept = fold(base)
    return kept.lower(), kept


def is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Matcher:
    """Cues compiled for speed: words and phrases are matched on tokens with dictionary look-ups (one pass
    per sentence, whatever the size of the lexicon); each pattern runs once over the lower-cased text.

    Written by hand because no well-kept library matches a weighted, multi-frame lexicon with prefix
    wildcards on tokens and reports which cue hit; one regex alternation over hundreds of cues is ~20x slower.
    """

    IGNORE = -1

    def __init__(self, codebook: Any):
        self.n_frames = len(codebook.frames)
        self._units: dict[tuple[str, bool, bool], int] = {}
        self._exact: dict[str, list[int]] = {}
        self._exact_case: dict[str, list[int]] = {}
        self._prefix: list[tuple[str, bool, int]] = []
        self._cache: dict[str, frozenset[int]] = {}
        self._prefix_index: dict[str, list[tuple[str, bool, int]]] | None = None
        # sequence cues: (unit ids, frame index or IGNORE, weight as signed float, label)
        self._seqs: list[tuple[tuple[int, ...], int, float, str]] = []
        self._by_first: dict[int, list[int]] = {}
        # patterns: (compiled for lower-cased text or None, leading \\b stripped?, compiled ignoring case,
        # frame, weight, label)
        self._patterns: list[tuple[re.Pattern[str] | None, bool, re.Pattern[str], int, float, str]] = []
        for phrase in codebook.ignore:
            self._add_seq(phrase, self.IGNORE, 0.0, phrase)
        for fi, frame in enumerate(codebook.frames):
            for sign, cues in ((1.0, frame.cues), (-1.0, frame.negative)):
                for cue in cues:
                    label = cue.text if sign > 0 else f"-{cue.text}"
                    if cue.kind == "patterns":
                        low, lead_b = _lower_pattern(cue.text)
                        self._patterns.append((low, lead_b, re.compile(cue.text, re.IGNORECASE),
                                               fi, sign * cue.weight, label))
                    else:
                        self._add_seq(cue.text, fi, sign * cue.weight, label)

    def _unit(self, word: str) -> int:
        prefix = word.endswith("*")
        word = word.rstrip("*")
        case = is_caps(word)
        low, kept = token_keys(word)
        key = (kept if case else low, prefix, case)
        if key not in self._units:
            uid = len(self._units)
            self._units[key] = uid
            if prefix:
                self._prefix.append((key[0], case, uid))
            else:
                (self._exact_case if case else self._exact).setdefault(key[0], []).append(uid)
        return self._units[key]

    def _add_seq(self, text: str, frame: int, weight: float, label: str) -> None:
        units = tuple(self._unit(w) for w in cue_tokens(text))
        idx = len(self._seqs)
        self._seqs.append((units, frame, weight, label))
        self._by_first.setdefault(units[0], []).append(idx)

    def _units_of(self, raw: str) -> frozenset[int]:
        if self._prefix_index is None:  # wildcard cues bucketed by their first 3 letters (all have >= 3)
            self._prefix_index = {}
            for p, case, uid in self._prefix:
                self._prefix_index.setdefault(p[:3] if len(p) >= 3 else "", []).append((p, case, uid))
        low, kept = token_keys(raw)
        ids = list(self._exact.get(low, ())) + list(self._exact_case.get(kept, ()))
        for key in {low[:3], kept[:3], ""}:  # "": the rare stems shorter than 3 after folding
            ids += [uid for p, case, uid in self._prefix_index.get(key, ()) if (kept if case else low).startswith(p)]
        hit = frozenset(ids)
        if len(self._cache) < 1_000_000:
            self._cache[raw] = hit
        return hit

    def match_spans(self, text: str, spans: list[tuple[int, int]]) -> list[dict[int, tuple[float, list[str]]]]:
        """For each ``(start, end)`` span of ``text``: ``{frame index: (score, cues)}`` before thresholds."""
        results: list[dict[int, tuple[float, list[str]]]] = [{} for _ in spans]
        if not spans:
            return results
        findall = _MATCH_TOKEN_RE.findall
        cache = self._cache
        miss = self._units_of
        masked: list[tuple[int, int]] = []
        for si, (s, e) in enumerate(spans):
            units = [cache[t] if t in cache else miss(t) for t in findall(text, s, e)]
            if any(units):  # most sentences of most texts hit nothing: skip them at C speed
                self._match_tokens(text, s, e, units, results[si], masked)
        if self._patterns:
            self._match_patterns(text, spans, masked, results)
        return results

    def _match_patterns(self, text: str, spans, masked, results) -> None:
        if masked:  # blank ignored names so that patterns do not see them either (same length)
            chars = list(text)
            for a, b in masked:
                chars[a:b] = " " * (b - a)
            text = "".join(chars)
        low = text.lower()
        same = len(low) == len(text)  # lower() may lengthen a few letters (İ); then match ignoring case
        starts = [s for s, _ in spans]
        for rx_low, lead_b, rx_case, fi, w, label in self._patterns:
            if same and rx_low is not None:
                found = _finditer_b(rx_low, low) if lead_b else rx_low.finditer(low)
            else:
                found = rx_case.finditer(text)
            for m in found:
                si = bisect.bisect_right(starts, m.start()) - 1
                if si >= 0 and m.start() < spans[si][1]:
                    _add(results[si], fi, w, label)

    def _match_tokens(self, text: str, s: int, e: int, units: list[frozenset[int]], out: dict,
                      masked: list[tuple[int, int]]) -> None:
        n = len(units)
        seqs = self._seqs
        by_first = self._by_first
        hits: list[tuple[int, int, int]] = []  # (position, length, seq index)
        for i in range(n):
            for u in units[i]:
                for qi in by_first.get(u, ()):
                    seq = seqs[qi][0]
                    L = len(seq)
                    if i + L <= n and all(seq[j] in units[i + j] for j in range(1, L)):
                        hits.append((i, L, qi))
        if not hits:
            return
        blocked = [False] * n
        ignores = [h for h in hits if seqs[h[2]][1] == self.IGNORE]
        if ignores:
            pos = [(m.start(), m.end()) for m in _MATCH_TOKEN_RE.finditer(text, s, e)]
            for i, L, _ in ignores:
                for j in range(i, i + L):
                    blocked[j] = True
                masked.append((pos[i][0], pos[i + L - 1][1]))
        for i, L, qi in hits:
            _, fi, w, label = seqs[qi]
            if fi == self.IGNORE or (ignores and any(blocked[i:i + L])):
                continue
            _add(out, fi, w, label)


def _lower_pattern(pattern: str) -> tuple[re.Pattern[str] | None, bool]:
    """The pattern for lower-cased text: literals lower-cased, escapes (\\S, \\B, \\x41) and group names kept.

    Matching a lower-cased pattern on lower-cased text is what IGNORECASE does, 4x faster in CPython's re.
    A leading ``\\b`` is removed and checked by hand (:func:`_finditer_b`): it stops re from skipping ahead
    to candidate first letters, another 2-10x. Returns (None, False) when the result does not compile.
    """
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            j = i + 2
            if pattern[i + 1] == "N" and j < n and pattern[j] == "{":
                j = pattern.find("}", j) + 1 or n
            out.append(pattern[i:j])
            i = j
        elif pattern.startswith(("(?P<", "(?P="), i):
            j = pattern.find(">" if pattern[i + 3] == "<" else ")", i) + 1 or n
            out.append(pattern[i:j])
            i = j
        else:
            out.append(c.lower())
            i += 1
    low = "".join(out)
    lead_b = low.startswith("\\b") and low[2:3] not in ("{", "*", "+", "?")
    if lead_b:
        low = low[2:]
    try:
        return re.compile(low), lead_b
    except re.error:
        return None, False


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _finditer_b(rx: re.Pattern[str], text: str):
    """``finditer`` of ``\\b`` + ``rx``: the same matches, found by searching ``rx`` and checking the boundary."""
    pos, n = 0, len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            return
        p = m.start()
        if (p > 0 and _is_word(text[p - 1])) != (p < n and _is_word(text[p])):
            yield m
            pos = m.end() if m.end() > p else p + 1
        else:
            pos = p + 1


def _add(out: dict[int, tuple[float, list[str]]], fi: int, w: float, label: str) -> None:
    score, cues = out.get(fi, (0.0, []))
    cues.append(label)
    out[fi] = (score + w, cues)

