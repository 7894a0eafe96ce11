"""Content that a frame shapes beyond one clause: the clause around an "according to" phrase, a content
that continues after its source or after an interrupting frame, and the block of text after a colon.
"""

from __future__ import annotations

from ._content import (
    _ADDRESSEE_ONLY_WORDS,
    _AROUND_SUBORDINATORS,
    _ARTICLES,
    _FINAL_FRAME_LEFT_WORDS,
    _MIN_CONTENT_WORDS,
)
from ._content_objects import _OBJECT_TAIL_WINDOW, _TAIL_PREPS
from ._tokens import _Frame, _is_word
from ._words import (
    _AUX,
    _DET,
    _LEADING_SKIP,
    _MEDIUM_WORDS,
    _PREPS,
    _TIME_WORDS,
    _past_like,
)

# shortest rest of a sentence read as the second part of the content around a frame between commas ("It was
# impossible, Gabuyev said, so the leaders divided the labor"), in words; chosen on PolNeAR train
_CONTINUATION_MIN_WORDS = 3
# first words of a rest that is no continuation of the content: the narrator's next clause or the speaker's
# description; chosen on PolNeAR train (the time words after the s400 gold's "said on Wednesday, less than ...")
_CONT_BLOCKED = frozenset({"and", "but", "who", "which", "whose", "adding", "according", "as", "a", "an", "the",
                           "citing", "noting",
                           # a time phrase about the telling: "said on Wednesday, less than three months after"
                           "less", "more", "just", "only", "shortly", "soon", "hours", "days", "weeks", "months",
                           "years", "minutes", "moments", "long", "even"})
# most tokens of a source's description after "according to X" before the comma where the interrupted clause
# goes on ("according to sailors who spoke with the press later, was ..."); chosen on PolNeAR train
_SOURCE_TAIL_TOKENS = 12
# longest fronted adverbial before an "according to" phrase between commas that the reported clause after it
# takes in ("Since last May, according to X, ..."), in words; chosen on PolNeAR train false negatives
_AROUND_LEFT_WORDS = 5
# most words of a quoted term inside the subordinate clause before an "according to" phrase ('While most were
# elevated to the “confidential” level, according to ...'); set by hand
_SCARE_QUOTE_WORDS = 3
# longest unquoted paragraph taken as what a frame ending with a colon announces ("he said:\n\nLet no one ..."),
# in tokens; a longer run with no blank line is the rest of an article, not a block quotation; chosen by hand
_BLOCK_MAX_TOKENS = 200


class _ContentFrames:
    def _according_around(self, fr: _Frame, kind: str, a: int, k: int, e: int, right0: int, hi: int):
        """Token span of a whole sentence that an "according to" phrase between commas interrupts after a
        fronted adverbial ("Since last May, according to the union, 400 workers have left"; "The next day,
        according to Lee, the mayor made new demands"): the adverbial belongs to the reported clause. None
        unless the left part is a short phrase with no verb and the right part a clause."""
        t = self.t
        if kind != "according_to" or fr.cue is None or fr.cue.lemma != "according to" or fr.c0 <= a \
                or t.low[fr.c0 - 1] != ",":
            return None
        s = a
        while s < fr.c0 and (not _is_word(t.text[s]) or t.low[s] in ("but", "and", "so", "yet")):
            s += 1
        cont = self._continues_after_source(right0, hi)
        if cont is not None and t.words(s, fr.c0) >= _MIN_CONTENT_WORDS and not any(
                t.low[m] in (";", ":") for m in range(s, fr.c0)):
            # "At the root of the delay, according to Lee, was a decision ...", "Hale gave his blessing,
            # according to court papers, becoming the owner": the clause goes on after the source (a verb or a
            # participle), so the sentence around the phrase is reported whole
            e2 = hi
            while e2 > cont and not _is_word(t.text[e2 - 1]) and not (t.quote[e2 - 1] != -1 and t.mark[e2 - 1]):
                e2 -= 1
            return (s, e2)
        if right0 >= hi or t.low[right0] != "," or t.words(k, e) < _MIN_CONTENT_WORDS + 1:
            return None
        left = [m for m in range(s, fr.c0 - 1) if _is_word(t.text[m])]
        # "While most were marked confidential, according to an official, two were marked secret": a clause
        # under a subordinator leans on the main clause after the phrase; the sentence is reported whole
        sub = bool(left) and t.low[left[0]] in _AROUND_SUBORDINATORS and len(left) >= _MIN_CONTENT_WORDS + 1 \
            and not any(t.quote[m] != -1 and not self._scare_quote_at(m) or t.low[m] in (";", ":")
                        for m in range(s, fr.c0 - 1))
        pp = bool(left) and t.low[left[0]] in _PREPS  # "Over the long term": a cue's form in it is a noun
        if not left or not sub and (len(left) > _AROUND_LEFT_WORDS or any(
                t.low[m] in _AUX and t.low[m] not in _TIME_WORDS or _past_like(t.low[m])
                or t.low[m] in self.lex.forms and not pp
                or t.low[m] in self.pronouns or t.quote[m] != -1 or t.low[m] in (",", ";", ":")
                for m in range(s, fr.c0 - 1))):
            return None
        if t.low[k] in ("who", "which", "whose", "that", "a", "an") or t.quote[k] != -1 \
                or not (self._is_clause(k, e, False) or any(_past_like(t.low[m]) for m in range(k, e))):
            return None  # "..., according to the union, a group that ...": an apposition, no clause
        return (s, e)

    def _scare_quote_at(self, m: int) -> bool:
        """True when token ``m`` is in a short quotation of at most :data:`_SCARE_QUOTE_WORDS` words (a term the
        writer marks, 'elevated to the “confidential” level'), no quoted speech."""
        t = self.t
        qo, _qc, _qe, qz = self.q_tok[t.quote[m]]
        return t.words(qo, qz) <= _SCARE_QUOTE_WORDS

    def _addressee_then_subordinate(self, k: int, hi: int) -> bool:
        """True when tokens from ``k`` are a short noun phrase (an addressee) and then a subordinate clause about
        the telling: '..., the harbour master told his closest pilots as he labored over the chart.'"""
        t = self.t
        for m in range(k, min(hi, k + _ADDRESSEE_ONLY_WORDS + 1)):
            w = t.low[m]
            if w in ("as", "while", "after", "before", "during") and m > k:
                return True
            if not _is_word(t.text[m]) or t.quote[m] != -1 or w in _AUX or w in self.lex.complementizers \
                    or w in ("he", "she", "they", "it", "we", "i", "you") or w in self.lex.forms:
                return False
        return False

    def _continues_after_source(self, right0: int, hi: int) -> int | None:
        """After an "according to" source (and its description up to a comma), the token where the interrupted
        clause goes on, when it opens with a finite verb ("..., according to Lee, was a decision") or a participle
        ("..., becoming the owner"); else None (a subordinate clause after it, "..., although ...", is no part of
        what the source reports: tests/test_attribution_constructions.py)."""
        t = self.t
        m = right0
        for part in range(2):  # the source's description, then one apposition ("Lee, a former envoy, was ...")
            if part:
                m += 1
                if m >= hi or t.low[m] not in _DET:
                    return None
            while m < hi and t.low[m] != "," and t.quote[m] == -1 and _is_word(t.text[m]) \
                    and m - right0 <= _SOURCE_TAIL_TOKENS:
                m += 1
            if m + 1 >= hi or t.low[m] != "," or t.quote[m + 1] != -1:
                return None
            w = t.low[m + 1]
            verb = w in ("is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
                         "might")
            ing = w.endswith("ing") and len(w) > 4 and t.text[m + 1].islower() and w not in self.lex.forms
            if verb or ing:
                return m + 1
        return None

    def _block_after_colon(self, fr: _Frame, c_: int) -> tuple[int, int] | None:
        """Token span of the unquoted paragraph a frame ending with a colon announces ("In a speech last July, he
        said:" and then, on the next lines, his words without quotation marks): from the paragraph's first word to
        the next blank line (at most :data:`_BLOCK_MAX_TOKENS` tokens). None unless a line break follows the
        colon, the frame has a subject that speaks and a speech cue, and the paragraph opens with no quotation
        mark (a quoted one is a direct quotation)."""
        t = self.t
        n = len(t)
        k = c_ + 1
        if fr.s0 < 0 or fr.cue is None or fr.cue.cls != "speech" or fr.cue.form == "noun" or k >= n \
                or "\n" not in self.text[t.end[c_]:t.start[k]] or t.quote[k] != -1 or not _is_word(t.text[k]) \
                or not self._speaking_subject(fr.s0, fr.s1):
            return None
        e = k + 1
        while e < n and e - k < _BLOCK_MAX_TOKENS and self.text.count("\n", t.end[e - 1], t.start[e]) < 2:
            e += 1
        if e - k >= _BLOCK_MAX_TOKENS:
            return None
        while e > k and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
            e -= 1
        return (k, e) if t.words(k, e) >= _FINAL_FRAME_LEFT_WORDS else None

    def _continuation(self, fr: _Frame, kind: str, s: int, e: int, a: int, b: int, frames, n_f: int):
        """Token span of the rest of a sentence that a frame interrupts: "It was impossible, Gabuyev said,
        so the leaders divided the labor" reports both sides; the left one is the content found, this is
        the right one. None unless the content opens the sentence, the frame stands between commas and the
        rest is a clause of its own words (not a phrase about the telling, not another frame)."""
        t = self.t
        if kind != "indirect" or fr.cue is None or fr.cue.cls != "speech" or fr.s0 < 0 or e > fr.c0:
            return None
        if fr.inverted and fr.a0 >= 0 and any(t.low[m] in ("who", "whose", "which") for m in range(fr.a0, fr.a1)):
            return None  # "..., said Kim, an expert who wrote books, papers and essays": the description goes on
        first = a
        while first < s and (not _is_word(t.text[first]) or t.low[first] in _LEADING_SKIP):
            first += 1
        if first != s:
            return None
        fe = max(fr.c1, fr.s1, fr.a1)
        fe = self._skip_pp_right(fe, b)
        if fe >= b or t.low[fe] != ",":
            return None
        hi = b
        for fr2, _k in frames[n_f + 1:]:
            if fr2.cue is None or fr2.cue.cls == "speech":  # "..., so the leaders decided to ..." goes on
                hi = min(hi, min(x for x in (fr2.s0, fr2.c0) if x >= 0))
        k = fe + 1
        if k >= hi:
            return None
        end = hi
        while end > k and not _is_word(t.text[end - 1]) and not (t.quote[end - 1] != -1 and t.mark[end - 1]):
            end -= 1
        # "In any case, Mr. Lowe said, the market was over-supplied": after a speaker-first frame an article
        # opens the rest of the content when a finite clause follows (after "said Ann Lee," it opens her
        # description)
        article = t.low[k] in _ARTICLES and not fr.inverted and self._is_clause(k, end, False)
        # "..., he said, by creating a bubble" goes on; "..., he said, in an interview on Monday" is about the telling
        telling = t.low[k] in _PREPS and (t.low[k] in _TAIL_PREPS or any(
            t.low[x] in _TIME_WORDS or t.low[x] in _MEDIUM_WORDS or t.low[x][:1].isdigit()
            for x in range(k + 1, min(end, k + 1 + _OBJECT_TAIL_WINDOW))))
        if t.quote[k] != -1 or telling or t.low[k] in _CONT_BLOCKED and not article \
                or t.low[k] in _TIME_WORDS or t.low[k].endswith("ing"):
            return None
        if t.words(k, end) < _CONTINUATION_MIN_WORDS:
            return None
        if fr.inverted and fr.a0 >= 0 and not self._is_clause(k, end, False) and not any(
                _past_like(t.low[m]) or t.low[m] in self.lex.forms for m in range(k, end)):
            return None  # "..., said Ann Lee, director of the institute at the University of Kent, Canterbury."
        # a quoted fragment inside the rest is the speaker's words in it ('Hollis, Ibarra said, had been in the
        # Senate for "a thousand years"'); a whole quotation there has its own direct row
        if any(t.quote[m] != -1 for m in range(k, end)) and self._covered_by_direct(t.start[k], t.end[end - 1]):
            return None
        return (k, end)

    def _skip_interrupting_frame(self, fr: _Frame, kind: str, k: int, hi: int, frames, n_f: int) -> int:
        """Where the content of frame ``fr`` starts when another frame between commas stands right after its
        cue ("He agreed, the mayor said, that the port should reopen"): after that frame and its comma, at
        "that". The frame between commas is recorded in ``self._interrupting`` and gives no row of its own:
        the clause is what the first cue reports, and the inner frame only says who tells of it. ``k``
        unchanged otherwise."""
        t = self.t
        if kind != "indirect" or k >= hi or t.low[k] != "," or fr.inverted:
            return k
        for n2, (fr2, _k2) in enumerate(frames[n_f + 1:], n_f + 1):
            start = min(x for x in (fr2.s0, fr2.c0) if x >= 0)
            if start != k + 1 or fr2.cue is None or fr2.cue.cls != "speech":
                continue
            end = self._skip_pp_right(max(fr2.c1, fr2.s1, fr2.a1), hi)
            if end + 1 < hi and t.low[end] == "," and t.low[end + 1] in self.lex.complementizers:
                self._interrupting.add(n2)
                return end + 1
        return k

