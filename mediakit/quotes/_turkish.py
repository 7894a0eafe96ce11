"""Turkish reported speech (subject-object-verb): the clause stands between the subject and the verb.
"""

from __future__ import annotations

from ._lexicon import Cue
from ._tokens import _Frame, _is_cap, _is_word
from ._words import _TR_SUBJECT_NOUNS

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# longest sentence-initial Turkish subject (up to its comma or particle), in tokens; origin unknown,
# predates this refactor
_TR_SUBJECT_MAX_TOKENS = 16
# shortest "X'e göre" content, in tokens; origin unknown, predates this refactor
_TR_MIN_CONTENT_TOKENS = 2
# longest speaker after a participle ("... hatırlatan Ulusoy,"), in tokens; origin unknown, predates this
# refactor
_TR_PARTICIPLE_SPEAKER_TOKENS = 6


class _Turkish:
    """Turkish rules (mixed into the analyser of :mod:`._rules`)."""

    def _tr_subject(self, a: int, b: int) -> tuple[int, int, int] | None:
        """The sentence-initial subject of a Turkish sentence: tokens up to the first comma or up to a
        particle (de, da, ise). Returns ``(start, end, content_start)``."""
        t = self.t
        k = a
        while k < b and not _is_word(t.text[k]) and t.quote[k] == -1:
            k += 1
        for m in range(k, min(b, k + _TR_SUBJECT_MAX_TOKENS)):
            if t.quote[m] != -1:
                return None
            w = t.low[m]
            if w == "," and m > k:
                return (k, m, m + 1)
            if w in ("de", "da", "ise") and m > k and (_is_cap(t.text[m - 1]) or t.low[m - 1] in _TR_SUBJECT_NOUNS):
                return (k, m, m + 1)
            if w in (".", ";", ":") or self._cue_at(m) is not None:
                return None
        return None

    def _tr_indirect(self, a: int, b: int) -> None:
        """Turkish reported speech: 'Yılmaz, kararın ... olduğunu söyledi.' -- the clause stands between
        the subject (up to its comma or particle) and the verb; converbs ('belirterek') and 've' chain
        several clauses; '... hatırlatan Ulusoy, ...' puts the speaker after a participle; 'X'e göre'."""
        t = self.t
        subj = self._tr_subject(a, b)
        first_comma = next((m for m in range(a, b) if t.low[m] == "," and t.quote[m] == -1), b)
        if any(t.low[m] == "göre" for m in range(a, first_comma)):
            subj = None  # "Smith'e göre ABD, ...": no subject before the comma
        start = subj[2] if subj else a
        s0, s1 = (subj[0], subj[1]) if subj else (-1, -1)
        k = start
        while k < b:
            if t.quote[k] != -1:
                k += 1
                continue
            w = t.low[k]
            if w == "göre" and k > a:
                np_ = self._np_left(k - 1, a)
                if np_ is not None:
                    e = b
                    while e > k + 1 and not _is_word(t.text[e - 1]) and not t.mark[e - 1]:
                        e -= 1
                    fr = _Frame(k, k + 1, Cue("göre", "neutral", "speech", False, "phrase"), np_[0], np_[1])
                    if e - (k + 1) >= _TR_MIN_CONTENT_TOKENS and not self._covered_by_direct(t.start[k + 1], t.end[e - 1]):
                        self._emit("according_to", t.start[k + 1], t.end[e - 1], fr, a, b)
                        self._emit_fragments(k + 1, e, fr, a, b)
                    start = b
                k += 1
                continue
            cue = self._cue_at(k)
            if cue is None or k in self.consumed:
                k += 1
                continue
            i0, i1, c = cue
            e = i0
            while e > start and t.low[e - 1] in ("de", "da", ",", "ve"):
                e -= 1
            cs = start
            while cs < e and (t.low[cs] in ("ve", ",") or not _is_word(t.text[cs]) and t.quote[cs] == -1):
                cs += 1
            fr = _Frame(i0, i1, c, s0, s1)
            participle = t.low[i1 - 1].endswith(("an", "en")) and i1 < b and _is_cap(t.text[i1])
            if participle:
                # "... hatırlatan Ulusoy, ...": the speaker follows the participle
                m = i1
                while m < b and t.low[m] != "," and m - i1 < _TR_PARTICIPLE_SPEAKER_TOKENS:
                    m += 1
                fr.s0, fr.s1 = i1, m
                s0, s1 = i1, m
                nxt = m + 1
            else:
                nxt = i1
            if s0 >= 0 and fr.s0 >= 0:
                # the head name of a long subject: "... araştırmacısı Selin Aksoy"
                fr.s0, fr.s1, fr.a0, fr.a1 = self._tr_head(fr.s0, fr.s1)
            if e - cs >= 1 and t.words(cs, e) >= 1:
                inner = any(t.quote[m] != -1 for m in range(cs, e))
                if not (inner and self._covered_by_direct(t.start[cs], t.end[e - 1])):
                    self._emit("mixed" if inner else "indirect", t.start[cs], t.end[e - 1], fr, a, b)
                    self._emit_fragments(cs, e, fr, a, b)
            start = nxt
            k = nxt
        return

    def _tr_head(self, s0: int, s1: int) -> tuple[int, int, int, int]:
        """Split a Turkish subject into its head name (the last capitalised run) and the description."""
        t = self.t
        e = s1
        while e > s0 and not _is_cap(t.text[e - 1]):
            e -= 1
        if e == s0:
            return s0, s1, -1, -1
        b0 = e - 1
        while b0 > s0 and _is_cap(t.text[b0 - 1]):
            b0 -= 1
        if b0 == s0:
            return s0, e, -1, -1
        return b0, e, s0, b0
