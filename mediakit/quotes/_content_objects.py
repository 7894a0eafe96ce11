"""The noun-phrase content of an object noun's preposition ("his call for [a special prosecutor]", "concerns
about [racism and job security]") and where a noun-phrase object ends before a phrase about the telling. Mixed
into the analyser through :class:`._content._Content`.
"""

from __future__ import annotations

from ._tokens import _is_cap, _is_word
from ._words import _AUX, _CLAUSE, _DET, _MEDIUM_WORDS, _POSSESSIVE_DET, _PREPS, _TIME_WORDS, _past_like

# first words of a phrase about the telling after a sentence-final frame ("said on the same call", "said with a
# laugh", "said after meeting aides"); chosen on PolNeAR train false negatives
_TAIL_PREPS = frozenset({"on", "in", "at", "during", "after", "before", "with", "from", "outside", "inside", "via",
                         "through", "last", "this", "earlier", "later", "today", "yesterday", "tonight"})
# tokens after a preposition searched for a time or medium word that makes it a phrase about the telling, which
# ends a noun-phrase content ("criticized Lee [during a rally Friday]", "his attack on Pike [last night]");
# chosen on PolNeAR train (rows right after a content-object cue that missed the annotated noun phrase)
_OBJECT_TAIL_WINDOW = 5
# subject pronouns that open a reported clause after an addressee ("told HBC [he] would run")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
# longest quotation inside the noun phrase after an object noun's preposition ('his call for a "revolution"'),
# in words; a longer one is a quotation of its own; chosen by hand
_NOUN_QUOTE_WORDS = 4


class _ContentObjects:
    """Noun-phrase objects of cues (mixed into the analyser through :class:`._content._Content`)."""

    def _object_end(self, s: int, e: int) -> int:
        """End of the noun-phrase content s..e of a content-object cue without the phrase about the telling
        that follows it: a time word ("Pike last night"), or a preposition with a time or medium word
        close after it ("Lee during a rally Friday", "the plan in a speech on Monday")."""
        t = self.t
        for m in range(s + 1, e):
            w = t.low[m]
            if w in _TIME_WORDS and w not in ("may", "march", "fall", "past") or w in (";", ":", "(") \
                    and t.quote[m] == -1:
                break
            if w in _TAIL_PREPS and w not in _TIME_WORDS and any(
                    t.low[x] in _TIME_WORDS and t.low[x] not in ("may", "march", "fall", "this", "past")
                    or t.low[x] in _MEDIUM_WORDS or t.low[x][:1].isdigit()
                    for x in range(m + 1, min(e, m + 1 + _OBJECT_TAIL_WINDOW))):
                break
        else:
            return e
        while m > s + 1 and not _is_word(t.text[m - 1]):
            m -= 1
        return m

    def _noun_object(self, s: int, hi: int) -> tuple[int, int] | None:
        """Token span of the noun phrase after an object noun's preposition ("his call for [a special
        prosecutor]"), cut before a past-tense word, the likely verb of the main clause ("his endorsement of
        [Marsh] surprised ...")."""
        t = self.t
        np_ = self._np_right(s, hi, allow_cues=True)
        if np_ is None:
            return None
        e = self._noun_object_more(s, np_[1], hi)
        for m in range(s + 1, e):
            if _past_like(t.low[m]) and not _is_cap(t.text[m]) and t.low[m - 1] not in _DET:
                e = m  # (not "the closed primary system": a participle after a determiner modifies the noun)
                break
            if _is_cap(t.text[m - 1]) and _is_cap(t.text[s]) and not _is_cap(t.text[m]) and (
                    t.low[m] in _AUX or t.low[m] in self.lex.forms
                    or t.low[m].endswith("s") and not t.low[m].endswith("ss")):
                e = m  # "his attacks on Curiel are unusual": a name and then the main clause's verb
                break
        e = self._object_end(s, e)
        e = self._relative_after_object(s, e, hi)
        return (s, e) if e > s else None

    def _relative_after_object(self, s: int, e: int, hi: int) -> int:
        """End of the noun object s..e taken on over a relative clause right after it ("his call for [rates that
        rise with earnings]"): to the next comma, semicolon, colon or dash, or the end of the unit. ``e`` when no
        relative pronoun with its verb follows."""
        t = self.t
        if e + 1 >= hi or t.low[e] not in ("that", "which", "who", "whose") or t.quote[e] != -1:
            return e
        nxt = t.low[e + 1]
        # the relative pronoun is the subject of a verb right after it ("that [rise]", "who [had]", "that
        # [essentially] protected"), not a complementizer before a subject ("that [the] plan ...")
        if not (t.text[e + 1].isalpha() and t.text[e + 1].islower()) or nxt in _DET or nxt in _PREPS \
                or nxt in _SUBJECT_PRONOUNS or nxt in _POSSESSIVE_DET or nxt in _CLAUSE:
            return e
        m = e + 1
        chain = True  # still in the relative clause's own verb group ("that [would rise]", "who [had escaped]")
        while m < hi and not (t.low[m] in (",", ";", ":", "—", "–", "(") and t.quote[m] == -1):
            verb = t.low[m] in _AUX or _past_like(t.low[m]) and not _is_cap(t.text[m])
            if verb and not chain and t.low[m - 1] not in ("and", "or", "to") and t.low[m - 1] not in _AUX \
                    and t.low[m - 1] not in _DET:
                while m > e + 2 and t.low[m - 1].endswith("ly"):
                    m -= 1  # "... after the collapse [instantly resonated]": the main clause's verb
                break
            chain = chain and (m == e + 1 or verb or t.low[m].endswith("ly"))
            m += 1
        while m > e + 1 and not _is_word(t.text[m - 1]) and not (t.quote[m - 1] != -1 and t.mark[m - 1]):
            m -= 1
        return m

    def _relative_at(self, s: int, hi: int) -> int:
        """The first relative pronoun after token ``s`` ("Wall Street executives [who] had ..."), or ``hi``: a
        verb after it is the relative clause's, not the noun phrase's."""
        t = self.t
        return next((m for m in range(s + 1, hi) if t.low[m] in ("who", "which", "whose", "that")), hi)

    def _noun_object_more(self, s: int, e: int, hi: int) -> int:
        """End of the noun phrase s..e after an object noun's preposition taken on over what the phrase finder
        stops at: a short quotation inside it ('his call for a "revolution"') and a second noun phrase
        coordinated with "and"/"or" ("concerns about [racism and job security]"), not a verb ("his call for
        talks and said ...") nor a phrase under a possessive, which names an act of its own ("praise of the
        mayor's response and [his] refusal to ...")."""
        t = self.t
        while e < hi:
            if t.quote[e] != -1 and t.mark[e] and e > s:
                q = t.quote[e]
                c = e + 1
                while c < hi and t.quote[c] == q and not t.mark[c]:
                    c += 1
                if c >= hi or t.quote[c] != q or t.words(e, c) > _NOUN_QUOTE_WORDS:
                    return e
                e = c + 1  # ('his call for a "revolution"': the quoted word is the phrase's noun)
                continue
            if t.low[e] in ("and", "or") and e + 1 < hi and t.quote[e] == -1 and t.quote[e + 1] == -1 \
                    and not self._finite_clause(e + 1, self._relative_at(e + 1, hi)) \
                    and t.low[e + 1] not in _SUBJECT_PRONOUNS \
                    and t.low[e + 1] not in _POSSESSIVE_DET:
                nxt = self._np_right(e + 1, hi, allow_cues=True)
                if nxt is None or any(_past_like(t.low[m]) or t.low[m] in self.lex.forms
                                      for m in range(e + 1, nxt[1])):
                    return e
                e = nxt[1]
                continue
            return e
        return e
