"""Mixed quotes: quoted fragments inside the writer's or a reported sentence ("will “fully enforce
the law”"), emitted as direct rows flagged ``fragment`` beside the mixed quote that holds them.
"""

from __future__ import annotations

import bisect

from ._direct_speakers import _TITLE_LEADS, _time_phrase
from ._tokens import _Frame, _is_cap, _is_word
from ._words import _DET, _PREPS

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# most words between a cue and a quoted fragment that belongs to it ("called it “a disaster”"); origin
# unknown, predates this refactor
_ADJACENT_GAP_WORDS = 2
# a quotation ending with punctuation and at least this many words ends a clause (no fragment); origin
# unknown, predates this refactor
_CLAUSE_QUOTE_WORDS = 3
# a cue within this many tokens after a quotation makes it no fragment; origin unknown, predates this
# refactor
_CUE_AFTER_QUOTE_WINDOW = 4
# a capitalised quotation of at least this many words reads as a whole sentence; origin unknown, predates
# this refactor
_SENTENCE_QUOTE_WORDS = 4
# a direct quotation "covers" a reported clause when it lies within this many characters of the clause's
# ends (the quote marks and a comma) ...; origin unknown, predates this refactor
_COVERED_SLACK = 2
# ... and leaves less than this share of the clause outside it; origin unknown, predates this refactor
_COVERED_OUTSIDE = 0.35
# fewest words before a quoted fragment for them to be the reported clause around it when the cue follows
# ('He would be a better president “no matter what,” Lee said.'); tuned on PolNeAR train (issue 14): 3 dropped
# 48 right rows ("But “the more interesting issue,”") for 5 wrong ones, so any word will do
_CLAUSE_MIN_WORDS = 1
# shortest unquoted rest of a speaker's sentence after a quotation and its frame, in words; chosen on PolNeAR train
_REST_MIN_WORDS = 3
# first words of a rest after a quotation's frame that is no part of the speaker's sentence: the narrator's next
# clause, the speaker's description, a time phrase about the telling
_REST_BLOCKED = frozenset({"and", "but", "who", "which", "whose", "according", "as", "a", "an", "the", "while",
                           "when", "after", "before", "because", "though", "although", "then", "so", "yet", "now",
                           "less", "more", "just", "only", "shortly", "soon", "even", "this", "last", "earlier",
                           "later", "today", "yesterday", "tonight", "where"})
# lower-case words a title-case name may hold ("Guardians of the Galaxy")
_TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"})


class _Mixed:
    """Quoted fragments and mixed quotes (mixed into the analyser of :mod:`._rules`)."""

    def _adjacent(self, fr: _Frame, o: int) -> bool:
        """A quoted fragment right after its cue ("chanted “USA!”", "called it “a disaster”")."""
        t = self.t
        k = max(fr.c1, fr.s1)
        gap = [w for w in t.low[k:o] if _is_word(w)]
        return len(gap) <= _ADJACENT_GAP_WORDS

    def _is_fragment(self, qi: int, a: int, b: int) -> bool:
        """A quoted phrase inside a sentence of the writer's ("will “fully enforce the law”"): short, not
        starting the sentence, not ending with the sentence's punctuation."""
        t = self.t
        o, c, e, z = self.q_tok[qi]
        words = t.words(c, e)
        if t.words(a, o) == 0:
            return False
        if o - 1 >= a and t.low[o - 1] in (":",):
            return False
        inner_end = t.low[e - 1]
        ends_clause = inner_end in (".", "?", "!", ",", "…") and words >= _CLAUSE_QUOTE_WORDS
        if ends_clause and (z >= b - 1 or t.low[z] in (",", "—", "–", "-")
                            or any(self._cue_at(m) is not None for m in range(z, min(b, z + _CUE_AFTER_QUOTE_WINDOW)))):
            return False
        cap_start = _is_cap(t.text[c]) and words >= _SENTENCE_QUOTE_WORDS
        return not (cap_start and (o - 1 >= a and t.low[o - 1] in (",", "—", "–", "-", "that")))


    def _emit_fragments(self, s: int, e: int, fr: _Frame, a: int, b: int) -> None:
        """The quoted words inside a mixed quote (tokens s..e) are also direct quotations of its speaker;
        they are flagged ``fragment`` so that profiles count the attribution once."""
        t = self.t
        self._flag_inner_directs(t.start[s], t.end[e - 1], fr, t.start[a])
        for qi in sorted({t.quote[k] for k in range(s, e) if t.quote[k] != -1}):
            q = self.quotes[qi]
            if self._is_title(*self.q_tok[qi][:3], a):
                continue  # 'a play called “Los Hijos de Vargas,”' names a play
            if q.start >= t.start[s] and q.end <= t.end[e - 1] + 1 and not self._has_direct(q.start, q.end):
                own = self._clause_frame(fr, self.q_tok[qi][0])
                if own is None and self.lang == "en":
                    own = self._noun_clause_frame(fr, self.q_tok[qi][0], a, b)
                if own is None and fr.s0 >= 0 and _time_phrase(t.low, fr.s0, fr.s1):
                    # 'he has battled the city, at one point calling the mayor a “...”': not "one point"
                    own = self._past_time_phrase(fr, self.q_tok[qi][0], a)
                self._emit("direct", q.start, q.end, own or fr, a, b, fragment=True)

    def _noun_clause_frame(self, fr: _Frame, o: int, a: int, b: int) -> _Frame | None:
        """The frame of a noun cue with a possessor whose that-clause holds a quoted fragment opening at token
        ``o`` inside the mixed quote of ``fr`` ('Lee blamed the media for seizing on Vance's claim that the mayor
        “founded the gang”': the fragment is Vance's words, not Lee's); None when no such cue stands between
        the mixed quote's cue and the fragment, or a quotation, a semicolon or another cue comes between."""
        t = self.t
        lo = max(fr.c1, fr.s1)
        if lo >= o:
            lo = a  # ('..., Vance's claim that the mayor “founded the gang,” saying ...': a frame after the fragment)
        for m in range(o - 2, lo - 1, -1):
            if t.quote[m] != -1 or t.low[m] in (";", ":"):
                return None
            if self._cue_at(m) is not None:
                return None
            if t.low[m] in self.lex.clause_nouns and t.low[m + 1] == "that":
                nf = self._noun_frame(m, a, b)
                if nf is None or nf.s0 < 0 or nf.s0 < lo or not self._speaking_subject(nf.s0, nf.s1):
                    return None
                return nf
        return None

    def _clause_frame(self, fr: _Frame, o: int) -> _Frame | None:
        """The frame of the clause holding a quoted fragment that opens at token ``o`` when it is not the mixed
        quote's ('Where he used to claim that ..., on Tuesday he said it posed “a risk”': the fragment is the
        second "he"'s): the nearest speech cue before the fragment, after a comma that follows the mixed
        quote's cue, with a speaking subject of its own and no break between the cue and the fragment; else
        None."""
        t = self.t
        lo = max(fr.c1, fr.s1)
        first = min(k for k in (fr.c0, fr.s0) if k >= 0)
        if fr.c0 < 0 or lo >= o or first > 0 and t.low[first - 1] == ",":
            return None  # ('Nor, he said, did he say anything “...”': a parenthetical frame heads the sentence)
        for m in range(o - 1, lo - 1, -1):
            if t.quote[m] != -1 or t.low[m] in (";", ":"):
                return None
            cue = self._cue_at(m)
            if cue is None or cue[2].cls != "speech" or cue[1] > o or t.low[m] in _TITLE_LEADS:
                continue
            if any(w in (",", "—", "–", "-") for w in t.low[cue[1]:o]):
                return None  # ('as Ibarra has said - and he can “...”': the cue's clause ended)
            inner = self._subject_left(m, lo)
            if inner is None or inner.s0 < 0 or not self._speaking_subject(inner.s0, inner.s1) \
                    or "," not in t.low[lo:inner.s0]:
                return None
            inner.c0, inner.c1, inner.cue = cue
            return inner
        return None

    def _flag_inner_directs(self, s: int, e: int, fr: _Frame, sent_start: int) -> None:
        """Direct rows of this sentence already emitted inside the mixed quote ``s..e`` (character offsets) with
        its cue or its speaker ('said he was “shocked” to even hear of it') are its fragments: flagged, so
        that the attribution is counted once, as the mixed quote (not a quotation by another speaker inside it,
        'said Lee called it “a disaster”')."""
        t = self.t
        cue = t.start[fr.c0] if fr.c0 >= 0 else None
        spk = t.start[fr.s0] if fr.s0 >= 0 else None
        for rec in reversed(self.out):
            if rec["sent_start"] < sent_start:
                break
            if rec["kind"] != "direct" or rec["fragment"] or rec["start"] < s or rec["end"] > e:
                continue
            if (cue is not None and rec["verb_start"] == cue) or (spk is not None and rec["speaker_start"] == spk):
                rec["fragment"] = True

    def _post_clause(self, fr: _Frame, post: _Frame | None, lo: int, o: int, c: int,
                     z: int) -> tuple[int, int] | None:
        """The reported clause of a quoted fragment whose cue follows it ('Gore “made a mistake,” Lee said.'):
        character offsets from the first word after ``lo`` (the unit start or the previous quotation) to the
        closing mark (token ``z - 1``), when the frame is ``post`` and no cue stands between ``lo`` and the
        opening mark ``o``; else None."""
        t = self.t
        if post is None or fr.c0 != post.c0 or fr.c0 < z or self.lang_rules.sov_reported_speech:
            return None  # (Turkish fragments come with the reported clause around them: see :mod:`._turkish`)
        k = lo
        while k < o and not _is_word(t.low[k]):
            k += 1
        if t.words(k, o) < _CLAUSE_MIN_WORDS or any(self._cue_at(m) is not None for m in range(k, o)) \
                and not self._cued_clause_before(fr, k, o, z):
            return None  # ('The “wise Latina”': a phrase, no clause)
        inner = [w for w in t.text[c:z] if _is_word(w) and w.lower() not in _TITLE_SMALL_WORDS]
        if inner and all(_is_cap(w) for w in inner):
            return None  # 'the hosts of “Morning Ledger,” Lee said': a title-case name, not words of the speaker
        if k <= fr.s0 < z:
            return None  # 'Lehel, the hacker known as “Guccifer,” told ...': the speaker's own noun phrase
        if t.low[o - 1] in (",", ":", "—", "–", "-") and _is_cap(t.text[c]):
            return None  # 'In a statement, “We will appeal,” Lee said.': a whole sentence, quoted
        return t.start[k], t.end[z - 1]

    def _cued_clause_before(self, fr: _Frame, k: int, o: int, z: int) -> bool:
        """True when the words k..o before a quoted fragment are a clause with one cue whose subject opens it,
        and the frame ``fr`` after the fragment's closing mark (token ``z - 1``) ends the sentence after a comma
        ('Lee threatened “a major lawsuit,” the official said.'): the final frame reports that whole clause."""
        t = self.t
        cues = [m for m in range(k, o) if self._cue_at(m) is not None]
        e = self.q_tok[t.quote[o]][2]
        if len(cues) != 1 or any(t.quote[m] != -1 for m in range(k, o)) or "\n" in self.text[t.start[k]:t.start[o]] \
                or fr.inverted or fr.s0 < z or fr.c0 < fr.s0 or t.low[e - 1] != "," and t.low[z] != ",":
            return False
        end = max(fr.c1, fr.s1, fr.a1)
        if end < len(t) and t.low[end] not in (".", "!", "?"):
            return False  # (the frame ends the sentence: not '..., the official said, and left.')
        sub = self._subject_left(cues[0], k)
        return sub is not None and sub.s0 == k and sub.s1 <= cues[0]

    def _quote_continuation(self, fr: _Frame, z: int, hi: int) -> tuple[int, int] | None:
        """Token span of the unquoted rest of a speaker's sentence after a quotation ending with a comma (closing
        mark before token ``z``) and its subject-first frame between commas: '“Only you,” she said, [would use
        the occasion to ...]', "''It is a better use of fuel,'' he added, [to run a hybrid ferry]",
        '“It's our hard luck,” he said, [that both skippers had ties to the dock]'. None when the rest is no part of
        the sentence: another quotation, a phrase about the telling ("in an interview"), a participle ("adding"),
        the narrator's next clause ("and", "but") or the speaker's description ("who")."""
        t = self.t
        if fr.cue is None or fr.cue.cls != "speech" or fr.inverted or fr.s0 < z or fr.c0 < z \
                or self.lang_rules.sov_reported_speech:
            return None
        fe = self._skip_pp_right(max(fr.c1, fr.s1, fr.a1), hi)
        if fe + 1 >= hi or t.low[fe] != ",":
            return None
        k = fe + 1
        end = hi
        while end > k and not _is_word(t.text[end - 1]):
            end -= 1
        w = t.low[k]
        if any(t.quote[m] != -1 for m in range(k, end)) or not t.text[k][:1].islower() or w in _REST_BLOCKED \
                or w in _DET \
                or w.endswith("ing") or w in _PREPS and not (w == "to" and k + 1 < end and t.text[k + 1].isalpha()
                                                               and t.low[k + 1] not in _DET):
            return None
        if t.words(k, end) < _REST_MIN_WORDS or any(self._cue_at(m) is not None for m in range(k, min(end, k + 3))):
            return None
        return k, end

    def _final_clause(self, o: int, z: int, fr: _Frame) -> tuple[int, int] | None:
        """The clause a quotation opening the sentence (mark ``o``, closing mark ``z - 1``) begins when words of the
        writer's follow it right after the closing mark, before the final frame ('“We are frustrated” by the shooting, Nefzi said.'): character
        offsets from the opening mark to the last word before the frame's comma; None when no word stands
        between the quotation and that comma."""
        t = self.t
        e = self.q_tok[t.quote[o]][2]
        if self.lang_rules.sov_reported_speech:
            return None  # (Turkish: '“...” diyen Kaplan, ...': the verb after the quotation is its own frame)
        if z >= len(t) or not _is_word(t.low[z]) or t.low[e - 1] in (",", ".", "!", "?", "…"):
            return None  # ('“We won,” Lee, who ..., told reporters': the quotation is the whole clause)
        f = min(x for x in (fr.c0, fr.s0) if x >= 0)
        comma = next((m for m in range(f - 1, z - 1, -1) if t.low[m] == ","), -1)
        if comma <= z or t.words(z, comma) == 0:
            return None
        return t.start[o], t.end[comma - 1]

    def _has_mixed(self, s: int, e: int, sent_start: int) -> bool:
        """True when a mixed quote with content ``s..e`` (character offsets) was already emitted in the
        sentence starting at ``sent_start``."""
        for rec in reversed(self.out):
            if rec["sent_start"] < sent_start:
                return False
            if rec["kind"] == "mixed" and rec["start"] == s and rec["end"] == e:
                return True
        return False

    def _has_direct(self, s: int, e: int) -> bool:
        """True when a direct quotation with content ``s..e`` (character offsets) was already emitted."""
        return (s, e) in self.direct_set

    def _covered_by_direct(self, s: int, e: int) -> bool:
        """True when one emitted direct quotation covers the span ``s..e`` (character offsets) up to
        :data:`_COVERED_SLACK` characters at each side and leaves less than :data:`_COVERED_OUTSIDE` of it
        outside: the clause is that quotation, not a reported one."""
        spans = self.direct_sorted
        for i in range(bisect.bisect_left(spans, (s - _COVERED_SLACK,)), len(spans)):
            rs, re_ = spans[i]
            if rs > e + _COVERED_SLACK:
                break
            if re_ <= e + _COVERED_SLACK:
                outside = (e - s) - (re_ - rs)
                if outside < _COVERED_OUTSIDE * (e - s):
                    return True
        return False
