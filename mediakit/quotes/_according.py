""""According to X" phrases (and their Russian and Turkish counterparts in the lexicon), and fronted
frames: a participle or "Asked" opening the sentence before its subject ("Noting that ..., the group ...").
"""

from __future__ import annotations

from ._tokens import _Frame, _is_cap, _is_word

# words that open a fronted question after "Asked" ("Asked whether ...", "Asked about ...", "Asked to ...")
_QUESTION_OPENERS = frozenset({"if", "whether", "what", "how", "why", "who", "whom", "when", "where", "which",
                               "about", "to"})
# words before a fronted frame that leave it fronted ("When asked about ...", "But noting that ...")
_FRONT_SKIP = frozenset({"when", "while", "after", "before", "once", "but", "and", "also", "later", "then"})
# the fronted content is at least this many words; chosen on PolNeAR train false negatives ("Asked about it")
_FRONTED_MIN_WORDS = 2


class _According:
    """According-to attributions (mixed into the analyser of :mod:`._rules`)."""

    def _according_at(self, k: int) -> int | None:
        """End token of an "according to" phrase starting at ``k``, else None."""
        t = self.t
        if t.low[k] not in self.lex.according_first:
            return None
        for ph in self.lex.according_to:
            L = len(ph)
            if tuple(t.low[k:k + L]) == ph:
                if ph == ("per",) and not (k + 1 < len(t) and _is_cap(t.text[k + 1])):
                    continue
                return k + L
        return None

    def _fronted(self, i0: int, i1: int, cue, a: int, b: int) -> bool:
        """Emit the content of a fronted frame with no subject of its own and return True: a
        participle opening the sentence reports a that-clause for the sentence's subject ("Noting that only
        one senator voted with them, the group vowed ..."); "Asked" (at the start, or after "when") reports
        the question put to the subject, with no speaker: the asker is not named ("Asked whether ..., Lee
        said ..."; "asked by" is no cue). False when the shape does not hold."""
        t = self.t
        asked = t.low[i0] == "asked"
        if not (asked or cue.form == "ing"):
            return False
        f = a
        while f < i0 and (not _is_word(t.text[f]) or t.low[f] in _FRONT_SKIP):
            f += 1
        if f != i0 and not (asked and t.low[i0 - 1] in ("when", "after")):
            return False
        # a phrase cue ("asked about") keeps its preposition in the question
        k, s0, s1 = (i0 + 1 if asked else i1), -1, -1
        if k >= b or t.quote[k] != -1:
            return False
        if asked:
            if t.low[k] not in _QUESTION_OPENERS:
                return False
        elif t.low[k] not in self.lex.complementizers and t.low[k] not in _QUESTION_OPENERS - {"about", "to"}:
            return False
        e = k
        while e < b and t.low[e] not in (",", ";", ":", "—", "–") and t.quote[e] == -1:
            e += 1
        if t.words(k, e) < _FRONTED_MIN_WORDS or e < b and t.quote[e] != -1:
            return False
        stop = e
        while e > k and not _is_word(t.text[e - 1]):
            e -= 1  # the sentence's final stop
        if not asked:
            if stop >= b or t.low[stop] != ",":
                return False
            np_ = self._np_right(stop + 1, b)
            if np_ is None or self._cannot_speak(*np_):
                return False
            s0, s1 = np_
            k += t.low[k] in self.lex.complementizers
        self._emit("indirect", t.start[k], t.end[e - 1], _Frame(i0, i1, cue, s0, s1), a, b)
        return True

