"""Sentence units of an article as token ranges, never cutting through a quotation.

Work per unit grows faster than its length (each quotation and cue looks back through its sentence), so
a "sentence" longer than :data:`MAX_UNIT_TOKENS` (text with no full stops, a list run together) is cut
into pieces at safe points: after a comma, semicolon, colon or dash outside quotations when there is one,
else between tokens outside quotations, else (a quotation longer than the cap) inside the quotation, whose
direct row is then read in the unit where it opens. Units are token ranges, so offsets stay exact.
"""

from __future__ import annotations

import bisect
import re

from ..text import sentence_spans
from ._marks import QuoteSpan, find_quotes
from ._non_reports import _LINK_LABEL_RE
from ._tokens import _is_cap, _is_word
from ._words import _ANSWER_MARKERS, _NAME_QUOTE_MAX, _NEWLINE_RE, _QUESTION_MARKERS

# Longest sentence unit, in tokens; longer ones are cut at safe points (see the module docstring). Set
# above the longest unit of the evaluation data so that results there are unchanged: PolNeAR train's
# longest is 1,503 tokens, dev 765, the s400 gold corpus 67 (measured for this limit, 2026-11-30).
MAX_UNIT_TOKENS = 2000
# A cut is looked for in the last half of the window, so pieces have at least this share of the cap.
_MIN_PIECE_SHARE = 0.5
_CUT_AFTER = frozenset({",", ";", ":", "—", "–"})
# the markers of an interview's turns, each opening a line before a colon ("Q: ...", "A: ...")
_TURN_MARKERS = _QUESTION_MARKERS | _ANSWER_MARKERS
# a line break inside a sentence of hard-wrapped text: a word or comma, the break, a lower-case word; a text with
# at least this many is hard-wrapped (one may be a headline before a lower-case name); set by hand
_WRAPPED_RE = re.compile(r"[\w,][ \t]*\n[ \t]*[a-z]")
_WRAPPED_MIN_LINES = 2

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# a sentence of at most this many tokens opening with a bare frame ("Smith asked.") joins the quotation
# before it; origin unknown, predates this refactor
_SHORT_FRAME_UNIT_TOKENS = 14
# a longer sentence opening with a whole frame ("Hurst's niece, Del. Marcia Pryor, shouted.") joins it up to
# this many tokens; origin unknown, predates this refactor
_LEAD_FRAME_UNIT_TOKENS = 40
# words allowed after such a leading frame before the sentence ends; origin unknown, predates this refactor
_FRAME_TAIL_WORDS = 8
# longest "― Name" signature line under a quotation, in tokens; origin unknown, predates this refactor
_DASH_NAME_TOKENS = 8
# a cue within this many tokens of a sentence start makes it a bare frame; origin unknown, predates this
# refactor
_FRAME_START_WINDOW = 7
# longest comma-enclosed insertion between a cue and its "that" ("She said, twice, that ..."), in tokens; set by
# hand for adverbs and short phrases ("on Monday", "in a statement"), checked on PolNeAR train (qdir12)
_INSERTION_MAX_TOKENS = 6


class _Units:
    """Quote mapping and sentence units (mixed into the analyser of :mod:`._rules`)."""

    # ------------------------------------------------------------ setup
    def _map_quotes(self) -> None:
        t = self.t
        starts = t.start
        keep: list[QuoteSpan] = []
        spans: list[tuple[int, int, int, int]] = []
        for q in find_quotes(self.text):
            o = bisect.bisect_left(starts, q.open_start)
            c = bisect.bisect_left(starts, q.start)
            e = bisect.bisect_left(starts, q.end)
            z = bisect.bisect_left(starts, q.close_end)
            if c >= e:
                continue
            if self._is_name_quote(q, c, e, o):
                continue
            keep.append(q)
            spans.append((o, c, e, z))
        self.quotes, self.q_tok = keep, spans
        for qi, (o, c, e, z) in enumerate(spans):
            for k in range(o, z):
                t.quote[k] = qi
                t.mark[k] = k < c or k >= e

    def _is_name_quote(self, q: QuoteSpan, c: int, e: int, o: int) -> bool:
        """«Речной Вестник», “Sunday Night Revue”: a short run of capitalised words with no punctuation is a
        name in quotes, not a quotation (unless a cue verb or a colon introduces it)."""
        t = self.t
        words = t.text[c:e]
        if not q.closed or len(words) > _NAME_QUOTE_MAX:
            return False
        if any(not _is_word(w) and w not in ("-", "&", ".", "'", "’") for w in words) or words[-1] in (".", ","):
            return False
        if not all(_is_cap(w) or w.lower() in ("of", "the", "and", "for", "de", "in", "on") or w[:1].isdigit()
                   for w in words if _is_word(w)):
            return False
        prev = o - 1
        if prev >= 0 and t.low[prev] in (",", "—"):
            prev -= 1
        z = bisect.bisect_left(t.start, q.close_end)
        if z < len(t) and _is_cap(t.text[z]) and _is_word(t.text[z]):
            return True  # «Речной Вестник» Ольга Зайцева: the addressee before the speaker's name
        return not (prev >= 0 and (t.low[prev] == ":" or self._cue_at(prev, backward=True) is not None))

    def _units(self) -> list[tuple[int, int]]:
        """Sentences as token ranges, never cutting through a quotation."""
        t = self.t
        starts = t.start
        n = len(t)
        bounds = []
        for s, e in self._line_spans():
            a = bisect.bisect_left(starts, s)
            b = bisect.bisect_left(starts, e)
            if b - 2 > a and t.text[a] in _TURN_MARKERS and t.low[a + 1] == ":" and t.quote[a] == -1 \
                    and (a == 0 or "\n" in self.text[t.end[a - 1]:t.start[a]]):
                a += 2  # "Q: How did you feel?", "A: I felt ...": an interview's turn opens after its marker
            if b > a:
                bounds.append([a, b])
        if not bounds:
            return []
        # merge sentences that a quotation crosses
        merged: list[list[int]] = []
        for a, b in bounds:
            if merged and t.quote[a] != -1 and t.quote[a] == t.quote[merged[-1][1] - 1] and not (
                    t.mark[a] and a == self.q_tok[t.quote[a]][0]):
                merged[-1][1] = b
            else:
                merged.append([a, b])
        # "“Why?” Smith asked." is split after the question mark: rejoin a short frame to its quote
        out: list[list[int]] = []
        for a, b in merged:
            if out:
                pa, pb = out[-1]
                last = pb - 1
                while last > pa and not _is_word(t.text[last]) and t.quote[last] == -1:
                    last -= 1
                if (t.quote[last] != -1 and t.mark[last] and t.quote[a] == -1 and self._same_paragraph(pb - 1, a)
                        and (b - a <= _SHORT_FRAME_UNIT_TOKENS and self._frame_starts_unit(a, b) or b - a <= _LEAD_FRAME_UNIT_TOKENS and self._leads_frame(a, b))
                        and not self._reports_own_clause(a, b)):
                    out[-1][1] = b
                    continue
            out.append([a, b])
        return self._cap_units([(a, min(b, n)) for a, b in out])

    def _cap_units(self, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Cut units longer than :data:`MAX_UNIT_TOKENS` at safe points (see the module docstring)."""
        out: list[tuple[int, int]] = []
        for a, b in units:
            while b - a > MAX_UNIT_TOKENS:
                cut = self._safe_cut(a + int(MAX_UNIT_TOKENS * _MIN_PIECE_SHARE), a + MAX_UNIT_TOKENS)
                out.append((a, cut))
                a = cut
            out.append((a, b))
        return out

    def _safe_cut(self, lo: int, hi: int) -> int:
        """The token index to cut before, in lo..hi: after punctuation outside quotations, else outside
        quotations, else at ``hi`` inside a quotation (recorded in ``self.cut_inside``)."""
        q = self.t.quote
        low = self.t.low
        outside = None
        for k in range(hi, lo, -1):
            if q[k] == -1 and q[k - 1] == -1:
                if low[k - 1] in _CUT_AFTER:
                    return k
                if outside is None:
                    outside = k
        if outside is not None:
            return outside
        self.cut_inside.add(hi)
        return hi

    def _line_spans(self) -> list[tuple[int, int]]:
        """Sentences, also cut at a single line break that ends a sentence or opens a quotation (texts that
        separate paragraphs with one newline), or that ends a headline (a line closed by a semicolon or by no
        mark at all, before a capital); hard-wrapped lines inside a sentence (the next one in lower case) stay
        together."""
        text = self.text
        # a hard-wrapped text (lines that go on in lower case) breaks lines before names too ("told the council
        # that\nAnn Lee would"): there a line closed by no mark is no headline
        headlines = len(_WRAPPED_RE.findall(text)) < _WRAPPED_MIN_LINES
        out = []
        for s, e in sentence_spans(text):
            k = s
            for m in _NEWLINE_RE.finditer(text, s, e):
                before = text[k:m.start()].rstrip()
                after = text[m.end():e].lstrip()
                # (a headline closed by a semicolon or no mark, before a capital: "Mills slow on overcapacity;\nOutput")
                if before and after and (before[-1] in ".?!\"”’»:" or after[0] in "“\"«„‘―—–"
                                         or headlines and (before[-1] == ";" or before[-1].isalnum()) and after[0].isupper()
                                         or _LINK_LABEL_RE.match(text, text.rfind("\n", 0, m.start()) + 1) is not None):  # "READ MORE: ..."
                    out.append((k, m.start()))
                    k = m.end()
            out.append((k, e))
        return out

    def _leads_frame(self, a: int, b: int) -> bool:
        """True when tokens a..b open with a whole attribution frame ("Hurst's niece, state Del. Marcia
        Pryor, shouted to the crowd.") that ends the sentence."""
        fr = self._post_frame(a, b)
        return fr is not None and fr.cue is not None and fr.s0 == a and fr.c0 < b and \
            self.t.words(max(fr.c1, fr.a1, fr.s1), b) <= _FRAME_TAIL_WORDS

    def _reports_own_clause(self, a: int, b: int) -> bool:
        """True when the sentence a..b opens with a frame whose cue takes a that-clause of its own ("She said,
        twice, that the ruling was wrong."): it reports its own words, and is no frame of the quotation
        before it."""
        t = self.t
        for k in range(a, min(b, a + _FRAME_START_WINDOW)):
            if t.quote[k] != -1:
                return False
            cue = self._cue_at(k)
            if cue is not None:
                return self._clause_follows(cue[1], b) or self._interrupts_clause(a, k, cue[1], b)
        return False

    def _interrupts_clause(self, a: int, k: int, j: int, b: int) -> bool:
        """True when the frame whose cue spans k..j stands between commas inside the sentence a..b, with words
        before it and at least two after it ("The ferry firm, she predicted, would call back."): it interrupts a
        clause of its own, so it is no frame of the quotation before it."""
        t = self.t
        comma = next((m for m in range(k - 1, a, -1) if t.low[m] == ","), None)
        if comma is None or not any(_is_word(t.text[m]) for m in range(a, comma)):
            return False
        if j < b and t.low[j] != ",":  # "..., said Ann Lee, ...": the inverted speaker before the comma
            m = j
            while m < b and m - j <= _INSERTION_MAX_TOKENS and t.low[m] not in (",", ".", ";") and t.quote[m] == -1:
                m += 1
            j = m
        return j < b and t.low[j] == "," and t.words(j + 1, b) >= 2 and t.quote[j + 1] == -1

    def _clause_follows(self, j: int, b: int) -> bool:
        """True when a that-clause opens at token ``j`` (before ``b``), after at most one short insertion
        between commas ("said, on Monday, that the ruling was wrong"); not a pronoun "that" ("said that
        too", "said that.")."""
        t = self.t
        if j < b and t.low[j] == ",":
            m = j + 1
            while m < b and t.low[m] != "," and t.quote[m] == -1 and m - j <= _INSERTION_MAX_TOKENS:
                m += 1
            if m < b and t.low[m] == ",":
                j = m + 1
        return j + 2 < b and t.low[j] in self.lex.complementizers and t.quote[j] == -1 \
            and _is_word(t.low[j + 1]) and _is_word(t.low[j + 2])

    def _same_paragraph(self, i: int, j: int) -> bool:
        return "\n" not in self.text[self.t.end[i]:self.t.start[j]]

    def _frame_starts_unit(self, a: int, b: int) -> bool:
        """True when tokens a..b begin with "NP cue" or "cue NP" (a bare attribution frame), or are a dash
        and a name ("― Steve Quinlan.")."""
        t = self.t
        if t.low[a] in ("―", "—", "–") and a + 1 < b and _is_cap(t.text[a + 1]) and b - a <= _DASH_NAME_TOKENS:
            return True
        for k in range(a, min(b, a + _FRAME_START_WINDOW)):
            cue = self._cue_at(k)
            if cue is not None:
                return True
            if self.t.quote[k] != -1:
                return False
        return False
