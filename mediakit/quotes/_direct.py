"""Direct quotations: the frame after a quotation (', he said', ' said Smith'), before it ('Smith said:'),
noun cues ("his call for “...”"), split quotes and frames closing the sentence.
"""

from __future__ import annotations

from ._direct_interrupted import _InterruptedSubject
from ._direct_speakers import _POST_FRAME_WINDOW, _TITLE_LEADS
from ._lexicon import Cue
from ._tokens import _Frame, _is_cap, _is_word
from ._words import (
    _ADV_SKIP,
    _AUX,
    _CLAUSE,
    _DET,
    _INVERTIBLE,
    _MEDIUM_WORDS,
    _POSSESSIVE_DET,
    _PREPS,
    _SUBORDINATORS,
    _TITLES_ABBR,
)

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# longest parenthesis skipped in that search, in tokens; origin unknown, predates this refactor
_PAREN_MAX_TOKENS = 8
# tokens after a quotation searched for a verb missing from the lexicon ("he surmised"); origin unknown,
# predates this refactor
_UNKNOWN_VERB_WINDOW = 8
# tokens before a quotation searched for its cue ("told reporters on Monday:"); origin unknown, predates
# this refactor
_PRE_FRAME_WINDOW = 12
# tokens before a quotation searched for a noun cue ("his call for"); origin unknown, predates this refactor
_NOUN_CUE_WINDOW = 5
# a possessor is looked for this many tokens before a noun cue ("his latest call"); origin unknown, predates
# this refactor
_NOUN_CUE_ADJ_WINDOW = 3
# a capitalised quotation of at least this many words reads as a whole sentence; origin unknown, predates
# this refactor
_SENTENCE_QUOTE_WORDS = 4
# most tokens between a cue and its quotation with a colon ("told reporters on Monday:") ...; origin
# unknown, predates this refactor
_LIGHT_MAX_TOKENS = 10
# ... and without one; origin unknown, predates this refactor
_LIGHT_NO_COLON_TOKENS = 6
# most tokens between the frame of a split quote and its second half (“A,” he said, “B.”); origin unknown,
# predates this refactor
_SPLIT_QUOTE_GAP = 1
# most words after a sentence-final frame (", Smith said on Monday."); origin unknown, predates this
# refactor
_FRAME_TAIL_WORDS = 8
# most tokens between an outer cue and an inner frame ("Hale said he wants"); origin unknown, predates this
# refactor
_OUTER_FRAME_GAP = 3
# longest first conjunct before "and said" whose opening pronoun is the speaker ("he laughed and said"), in tokens;
# set by hand (a verb and its object), checked on PolNeAR train (qdir12)
_CONJUNCT_MAX_TOKENS = 12
# pronouns that can be a clause's subject
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# most words of a scare quote inside a subject noun phrase ('self-described “moderates” said'); set by hand
_SCARE_QUOTE_MAX_WORDS = 2

def _abbreviation_stop(t, m: int, hi: int) -> bool:
    """True when the full stop at token ``m`` closes an abbreviation inside an apposition, not a sentence:
    a capitalised word before it and a comma after it ("Cambridge, Mass., said")."""
    return m > 0 and m + 1 < hi and t.low[m + 1] == "," and _is_cap(t.text[m - 1])

# nouns for the voices of a crowd: "greeted with chants of “...”", "amid cries of “...”"
_CROWD_NOUNS = frozenset({"chant", "chants", "cry", "cries", "shout", "shouts", "slogan", "slogans", "refrain",
                          "chorus", "roar", "jeers", "boos", "cheers", "calls"})


class _Direct(_InterruptedSubject):
    """Direct quotations (mixed into the analyser of :mod:`._rules`)."""

    # ------------------------------------------------------------ direct quotations
    def _post_frame(self, z: int, hi: int) -> _Frame | None:
        """Attribution after a quotation closing at token ``z``: ', he said', ' said Smith',
        ', according to X', ' — сказал он', ' dedi Aksoy'."""
        t = self.t
        k = z
        while k < hi and t.low[k] in (",", "—", "–", "-", "--", ".", "?", "!", "…", "―"):
            if t.low[k] in (".", "?", "!", "…") and self.lang_rules.stop_ends_post_frame:
                # '“...”. Smith said' is rare; a full stop after the quote ends the frame search
                return None
            k += 1
        if k >= hi:
            return None
        if z < hi and t.low[z] in ("―", "—", "–", "-", "--") and _is_cap(t.text[k]):
            # '“...” ― Adriana Rojas': a dash and a name under a quotation
            np_ = self._np_right(k, hi)
            if np_ is not None and (np_[1] >= hi or t.low[np_[1]] in (".", ",", "\n", "―", "—")
                                    or t.quote[np_[1]] != -1):
                return _Frame(-1, -1, None, np_[0], np_[1], inverted=True)
        # according to X
        acc = self._according_at(k)
        if acc is not None:
            a1 = acc
            np_ = self._np_right(a1, hi)
            if np_ is None:
                return None
            fr = _Frame(k, a1, Cue("according to", "neutral", "speech", False, "phrase"), np_[0], np_[1])
            return fr
        # cue first (inverted): said Smith / — сказал он / dedi Aksoy
        k2 = k
        while k2 < hi and (t.low[k2] in _ADV_SKIP and t.low[k2] not in ("is", "was")
                           and not (k2 == k and self._name_modal(k2, True)) or
                           t.low[k2].endswith("ly") and not _is_cap(t.text[k2])):
            # '“...,” Will wrote.': a capitalised modal opening the frame is the speaker's name
            k2 += 1
        cue = self._cue_at(k2)
        if cue is not None:
            i0, i1, c = cue
            if i1 >= hi or t.low[i1] in (".", "!", "?", "…") or t.quote[i1] != -1 and t.mark[i1] and \
                    self.q_tok[t.quote[i1]][0] == i1:
                # bare verb: Turkish '“...” dedi.'; the speaker comes before the quote
                return _Frame(i0, i1, c)
            fr = self._subject_right(i1, hi, c.lemma)
            if fr is None and c.cls == "speech" and c.form == "past":
                fr = self._name_right(i1, hi) or (self._description_right(i1, hi) if c.lemma in _INVERTIBLE else None)
            if fr is not None:
                fr.c0, fr.c1, fr.cue = i0, i1, c
                return fr
            return _Frame(i0, i1, c)
        unknown = self._unknown_verb_frame(k, hi)
        if t.low[k] in ("and", "but"):
            # '... Hale, who has called the pact “insanity,” and Voss, who says ...': a conjunction opens a
            # new clause; its speaker is not the quotation's
            return unknown
        interrupted = self._subject_phrase_cue(k, hi)
        if interrupted is not None:
            return interrupted
        # subject first: he said / Smith, a fellow at X, said / the official told reporters
        skip_to = -1
        for m in range(k, min(hi, k + _POST_FRAME_WINDOW)):
            if t.quote[m] != -1:
                break
            cue = self._cue_at(m)
            if cue is None:
                if t.low[m] == "." and m > k and (t.low[m - 1] in _TITLES_ABBR or len(t.text[m - 1]) == 1
                                                  and t.text[m - 1].isupper() or _abbreviation_stop(t, m, hi)):
                    continue
                if t.low[m] == "(":
                    depth_end = m
                    while depth_end < hi and t.low[depth_end] != ")" and depth_end - m < _PAREN_MAX_TOKENS:
                        depth_end += 1
                    skip_to = depth_end
                    continue
                if m <= skip_to:
                    continue
                if t.low[m] in (".", ";", "!", "?") or (t.low[m] in _CLAUSE and t.low[m] not in ("and", "who")
                                                         and not (t.low[m] == "now" and t.low[m - 1] == ",")):
                    break  # (", now 81 and retired, said": an apposition)
                continue
            fr = self._subject_left(m, k) or self._name_with_appositions(k, m)
            if fr is None:
                break
            if k == z and fr.s0 == k and fr.s1 == k + 1 and t.low[k] in ("who", "which", "that"):
                break  # 'a “trade prosecutor” who reports to ...': the relative's antecedent is the quoted phrase
            if fr.antecedent is None and fr.s0 != k and not (fr.s0 > k and self._only_skippable(k, fr.s0)) \
                    and (fr.a0 == -1 or not self._only_skippable(k, fr.s0)):
                break  # the subject must start the frame
            fr.c0, fr.c1, fr.cue = cue
            return fr
        return unknown

    def _unknown_verb_frame(self, k: int, hi: int) -> _Frame | None:
        """'“...,” he surmised.' / '“...,” Hale barked.' / '“...” pressed Quill': a verb missing from the
        lexicon right after a quotation, recognised by its shape (a past tense between the quote and a
        name or pronoun, then the sentence's end)."""
        t = self.t
        if not self.lang_rules.guess_unknown_verbs or k >= hi:
            return None
        w = t.low[k]
        # inverted: “...,” barked Hale.
        if w.endswith("ed") and k + 1 < hi and _is_cap(t.text[k + 1]) and w not in _AUX:
            np_ = self._np_right(k + 1, hi)
            if np_ is not None and (np_[1] >= hi or t.low[np_[1]] in (".", ",", "!", "?")):
                return _Frame(k, k + 1, Cue(w, "neutral"), np_[0], np_[1], inverted=True)
        # subject first: he surmised / the Republican nominee riffed
        for m in range(k + 1, min(hi, k + _UNKNOWN_VERB_WINDOW)):
            v = t.low[m]
            if not _is_word(v) or t.quote[m] != -1:
                return None
            if (v.endswith("ed") or v.endswith("s") and m + 1 < hi and t.low[m + 1] in (".", ",")) \
                    and not _is_cap(t.text[m]) and v not in _AUX and v not in _PREPS:
                np_ = self._np_left(m - 1, k)
                if np_ is None or np_[0] != k:
                    return None
                nxt = t.low[m + 1] if m + 1 < hi else "."
                # ('“Go home,” Lee barked and a guard ...': "and" after a name or a pronoun and the verb)
                if nxt in (".", ",", "!", "?", ";", ":") or nxt in _PREPS or nxt.endswith("ly") or nxt == "and":
                    pron = t.low[np_[0]] in self.pronouns and np_[1] - np_[0] == 1
                    named = all(_is_cap(t.text[x]) or t.low[x] in (".", "-") for x in range(*np_))
                    if not (pron or named or nxt != "and" and t.low[np_[0]] in _DET and v.endswith("ed")):
                        return None  # '“impossible” alongside the new missiles.' has no verb
                    return _Frame(m, m + 1, Cue(v, "neutral"), np_[0], np_[1])
                return None
        return None

    def _scare_quote_subject(self, o: int, c: int, e: int, z: int, a: int) -> bool:
        """A scare quote of one or two words inside a subject noun phrase, right before the subject's verb
        ('3 percent of self-described “moderates” said they ...'): a word of the phrase before it (no comma, colon
        or cue), the verb right after it, no punctuation inside; the writer's distance, nobody's speech."""
        t = self.t
        if o <= a or z >= len(t) or t.words(c, e) > _SCARE_QUOTE_MAX_WORDS or t.words(c, e) != e - c:
            return False
        p = t.low[o - 1]
        if not _is_word(p) or p in self.lex.forms or p in self.lex.complementizers \
                or _is_cap(t.text[o - 1]) and p not in _DET:  # ('Most “moderates” said': a determiner opens it)
            return False
        cue = self._cue_at(z)
        return cue is not None and cue[0] == z and cue[2].form in ("past", "s", "base")

    def _only_skippable(self, a: int, b: int) -> bool:
        t = self.t
        return all(t.low[k] in ("then", ",", "—", "–", "-") for k in range(a, b))


    def _pre_frame(self, o: int, lo: int) -> _Frame | None:
        """Attribution before a quotation opening at token ``o``: 'Smith said:', 'He added,',
        'López told HBC:', 'Yılmaz,' (Turkish, the verb follows the quote)."""
        t = self.t
        j = o - 1
        if j < lo:
            return None
        colon = t.low[j] in (":",)
        if t.low[j] in (":", ",", "—", "–", "-"):
            j -= 1
        if j >= lo and t.low[j] in self.lex.complementizers:
            j -= 1
        lead = self._lead_in_source(o, lo) if t.low[o - 1] in (",", ":") else None
        if lead is not None:
            return lead
        opening = self._opening_inverted_frame(o, lo)
        if opening is not None:
            return opening
        if colon and j - 1 >= lo and t.low[j - 1] in _SUBJECT_PRONOUNS and t.text[j].islower() \
                and t.low[j].endswith("ed") and self._cue_at(j, backward=True) is None:
            # 'Asked which county he liked, he demurred: “...”': a verb the lexicon lacks, with its own subject,
            # ends the clause before the colon (no cue further back, "Asked", stands for it)
            return _Frame(j, j + 1, Cue(t.low[j], "neutral"), j - 1, j)
        # look back for the cue: at most a few light tokens between it and the quote
        for m in range(j, max(lo, j - _PRE_FRAME_WINDOW) - 1, -1):
            if t.quote[m] != -1:
                break
            cue = self._cue_at(m, backward=True)
            if cue is not None:
                i0, i1, c = cue
                between = range(i1, j + 1)
                if not self._light(between, c, colon or self._sentence_quote(o)):
                    break
                fr = self._subject_left(i0, lo)
                if fr is None and (self.lang_rules.free_inversion or (i0 == lo or t.low[i0 - 1] in (",", "—", "–", "-"))
                                   and c.form in ("past", "s") and not c.object):
                    # "said Smith:" / "— заявил Петров: «...»"
                    fr = self._subject_right(i1, j + 1, c.lemma)
                if fr is None and colon and c.form == "ing" and i1 == j + 1 and i0 - 1 > lo and t.low[i0 - 1] == ",":
                    # 'The Ledger confirmed that account, reporting:' (also read from the next paragraph's
                    # quotation): the participle's subject is the clause's
                    fr = self._prior_subject(i0 - 1, lo)
                    fr = fr if fr is not None and fr.s0 >= 0 and self._speaking_subject(fr.s0, fr.s1) else None
                if fr is None:
                    fr = _Frame(i0, i1, c)
                fr.c0, fr.c1, fr.cue = i0, i1, c
                return fr
            if t.low[m] in (".", ";", "!", "?"):
                break
        nominal = self._nominal_frame(o, lo)
        if nominal is not None:
            return nominal
        if colon:
            # a colon with no verb: "Her answer: “...”", "Hale on Twitter: “...”"
            np_ = self._np_left(j, lo)
            if np_ is not None and np_[0] == lo:
                subj = self._clause_subject(np_[0], np_[1])
                if subj is not None:
                    # "He visited the hospital: “...”": a clause before the colon; its subject speaks
                    return _Frame(np_[1], np_[1], None, subj[0], subj[1])
                return _Frame(np_[1], np_[1], None, np_[0], np_[1])
            if np_ is not None and np_[1] == j + 1 and _is_cap(t.text[j]):
                # inside a sentence only a name ends the phrase before the colon: "... doesn't surprise
                # pollster Jane Roe: “...”", "More from Lee: “...”" (not "... makes that clear: “...”");
                # the words before its first capital belong to the clause
                s0 = max([np_[0]] + [k + 1 for k in range(np_[0], j) if t.low[k] in _PREPS])  # "More from"
                s0 = next(k for k in range(s0, np_[1]) if _is_cap(t.text[k]))
                role = s0 > np_[0] and not _is_cap(t.text[s0 - 1]) and self._human(s0 - 1, s0)
                if (role or t.low[s0 - 1] == "from") and self._speaking_subject(s0, np_[1]) \
                        and not any(t.low[k].endswith(("'s", "’s", "'", "’")) for k in range(s0, np_[1])):
                    # a role noun before the name ("pollster Jane Roe") or "from"; not a possessive
                    # ("The Harbour News' Ann Lee: “...”" cites an article)
                    return _Frame(np_[1], np_[1], None, s0, np_[1])
            # a verb the lexicon lacks: "he demurred: “...”"
            if j - 1 >= lo and t.low[j - 1] in self.pronouns and t.low[j - 1] not in ("it", "this", "that", "which") \
                    and t.text[j][:1].islower():
                return _Frame(j, j + 1, Cue(t.low[j], "neutral"), j - 1, j)
        if self.lang_rules.subject_before_quote and t.low[o - 1] in (",", "—", "–", "-", ":"):
            # "Yılmaz, “...” dedi." -- the subject precedes the quote, the verb follows it
            np_ = self._np_left(o - 2, lo)
            if np_ is not None:
                return _Frame(-1, -1, None, np_[0], np_[1])
        return None

    def _opening_inverted_frame(self, o: int, lo: int) -> _Frame | None:
        """'Said Ann Lee, who grew up with him in the neighborhood, “...”': a sentence opening with a capitalised
        past-tense speech verb and its speaker (with a description between commas), then a comma and the
        quotation. None unless the speaker's noun phrase follows the verb right away."""
        t = self.t
        if o - 1 <= lo or t.low[o - 1] not in (",", ":"):
            return None
        k = lo
        while k < o and not _is_word(t.text[k]):
            k += 1
        if k >= o or not _is_cap(t.text[k]) or t.quote[k] != -1:
            return None
        cue = self._cue_at(k)
        if cue is None or cue[0] != k or cue[2].cls != "speech" or cue[2].form not in ("past", "s") or cue[2].object:
            return None
        fr = self._subject_right(cue[1], o - 1, cue[2].lemma) or self._name_right(cue[1], o - 1)
        if fr is None or fr.s0 != cue[1] or any(t.quote[m] != -1 for m in range(k, o)):
            return None
        fr.c0, fr.c1, fr.cue = cue
        fr.inverted = True
        return fr

    def _nominal_frame(self, o: int, lo: int) -> _Frame | None:
        """A noun cue just before a quotation: "his call for “...”", "chants of “...”", "Hale's remarks:
        “...”". The speaker is the possessor, if any."""
        t = self.t
        nouns = self.lex.nouns
        for m in range(o - 1, max(lo, o - _NOUN_CUE_WINDOW) - 1, -1):
            w = t.low[m]
            if t.quote[m] != -1 or w in (".", ";", "!", "?"):
                return None
            if w in nouns:
                between = [t.low[k] for k in range(m + 1, o)]
                if any(x not in ("of", "for", "to", ":", ",", "that", "was", "is", "were", "are", "as", "—", "-",
                                 "read", "reads", "reading", "saying")
                       for x in between):
                    return None
                fr = _Frame(m, m + 1, Cue(w, "neutral", "speech", False, "noun"))
                k = m - 1
                while k >= lo and k > m - _NOUN_CUE_ADJ_WINDOW and t.low[k] not in _POSSESSIVE_DET and not t.low[k].endswith(("'s", "’s")) \
                        and _is_word(t.low[k]) and t.low[k] not in _DET and not _is_cap(t.text[k]):
                    k -= 1  # adjectives: "his latest call"
                if k >= lo and t.low[k] in _POSSESSIVE_DET:
                    fr.s0, fr.s1 = k, k + 1
                elif k >= lo and t.low[k].endswith(("'s", "’s")):
                    np_ = self._np_left(k, lo)
                    fr.s0, fr.s1 = np_ if np_ is not None else (k, k + 1)
                elif t.low[o - 1] == ":":
                    # "Hale issued the following statement: “...”": the subject of the verb before the noun
                    src = self._prior_subject(m, lo)
                    if src is not None and src.s0 >= 0 and self._speaking_subject(src.s0, src.s1):
                        fr.s0, fr.s1, fr.a0, fr.a1 = src.s0, src.s1, src.a0, src.a1
                return fr
        return None

    def _crowd_noun(self, fr: _Frame) -> bool:
        """True for a noun for voices with no owner inside a prepositional phrase ("was greeted with chants of
        “...”", "amid cries of “...”"): unnamed voices, never the sentence's subject."""
        t = self.t
        if fr.cue is None or fr.cue.form != "noun" or fr.c0 < 1 or t.low[fr.c0] not in _CROWD_NOUNS:
            return False  # (not "in hopes that “...”", "in order to “...”": the subject's own words)
        k = fr.c0 - 1
        while k > 0 and _is_word(t.low[k]) and not _is_cap(t.text[k]) and t.low[k] not in _PREPS \
                and t.low[k] not in _DET and t.low[k] not in _POSSESSIVE_DET and fr.c0 - k <= _NOUN_CUE_ADJ_WINDOW:
            k -= 1  # adjectives: "with loud chants of"
        return t.low[k] in _PREPS

    def _sentence_quote(self, o: int) -> bool:
        """A quotation opening at ``o`` after a comma that reads as a whole sentence (capital, 4+ words)."""
        t = self.t
        if o < 1 or t.low[o - 1] not in (",", ":") or t.quote[o] == -1:
            return False
        _o, c, e, _z = self.q_tok[t.quote[o]]
        return _is_cap(t.text[c]) and t.words(c, e) >= _SENTENCE_QUOTE_WORDS

    def _light(self, rng: range, cue: Cue, colon: bool) -> bool:
        """Tokens between a cue and a quotation that keep them together ("told reporters on Monday")."""
        t = self.t
        n = len(rng)
        if n == 0:
            return True
        if n > _LIGHT_MAX_TOKENS:
            return False
        for k in rng:
            w = t.low[k]
            if w in (".", ";", "!", "?"):
                return False
            if self.lex.forms.get(w) is not None and self.lex.forms[w].form in ("past", "s") and w not in _MEDIUM_WORDS:
                return False
        return colon or n <= _LIGHT_NO_COLON_TOKENS

    def _direct(self, a: int, b: int, units_info: dict) -> None:
        """Direct quotations of the unit tokens a..b."""
        t = self.t
        qs = sorted({t.quote[k] for k in range(a, b) if t.quote[k] != -1})
        if a in self.cut_inside:  # a quotation cut by the length cap is read where it opens
            qs = [qi for qi in qs if self.q_tok[qi][0] >= a]
        prev_frame: _Frame | None = None
        prev_end = a
        for n_q, qi in enumerate(qs):
            o, c, e, z = self.q_tok[qi]
            nxt_o = self.q_tok[qs[n_q + 1]][0] if n_q + 1 < len(qs) else b
            content_words = t.words(c, e)
            fr: _Frame | None = None
            final_clause: tuple[int, int] | None = None
            from_pre = shared_cue = False
            pre_lo = prev_end
            starts_unit = t.words(a, o) == 0
            if self._is_title(o, c, e, a) or self._scare_quote_subject(o, c, e, z, a):
                prev_end = z
                continue
            fragment = self._is_fragment(qi, a, b)
            post = self._post_frame(z, nxt_o)
            pre = self._pre_frame(o, pre_lo) if o > pre_lo else None
            ends_comma = t.low[e - 1] in (",",) or (z > e and t.low[z - 1] in (",",)) or \
                (z < len(t) and t.low[z] == ",")
            if post is not None and pre is not None and self._next_sentence_frame(post, pre, e, z, ends_comma):
                post = None  # 'Lee called Vance “reckless.” Ann Park said ...': Park's frame is the next sentence's
            elif post is not None and pre is None and not starts_unit and not ends_comma \
                    and t.low[e - 1] in (".", "!", "?") and not post.inverted and post.s0 >= z and self._opens_quote_after(post):
                post = None  # 'calls her “a fine person.” He adds, “...”': the frame introduces the next quotation
            if post is not None and (ends_comma or starts_unit or pre is None or post.cue is not None and
                                     (post.s0 >= 0 or post.cue.lemma == "according to")):
                fr = post
                if not fr.inverted and fr.cue is not None and fr.s0 >= z and t.low[e - 1] in (".", "!", "?") \
                        and self._clause_after_frame(fr):
                    # '“...” She says he is unqualified.': the next sentence's frame also reports its own clause;
                    # its cue stays free for that indirect attribution
                    shared_cue = True
                if fr.s0 < 0 and pre is not None and pre.s0 >= 0 and pre.cue is None:
                    fr.s0, fr.s1, fr.a0, fr.a1 = pre.s0, pre.s1, pre.a0, pre.a1
                elif fr.s0 < 0 and self.lang_rules.subject_before_quote:
                    np_ = self._np_left(o - 2, pre_lo) if o - 2 >= pre_lo and t.low[o - 1] in (",", ":") else None
                    if np_ is not None:
                        fr.s0, fr.s1 = np_
            elif pre is not None and (pre.cue is not None or pre.s0 >= 0) and (pre.c0 >= 0 or post is not None):
                fr = pre
                if fr.cue is None and post is not None:
                    fr.c0, fr.c1, fr.cue = post.c0, post.c1, post.cue
                elif fr.c0 > pre_lo and (fr.s0 < 0 or fr.s0 > pre_lo and t.low[fr.s0 - 1] != ","
                                         and not (t.low[fr.s0] == "who" and fr.antecedent is not None
                                                  and fr.cue is not None and fr.cue.cls == "speech")):
                    # (not 'attacked a surrogate who said voters should “...”': the relative clause speaks)
                    # "Hale said he wants “...”": the outermost speaker of the sentence holds the quote
                    outer = self._outer_frame(pre_lo, fr.s0 if fr.s0 >= 0 else fr.c0, fr.s0 < 0)
                    conj = self._conjunct_subject(fr, pre_lo) if fr.s0 < 0 and t.low[o - 1] in (",", ":") else None
                    if conj is not None:
                        # '..., he laughed and said, “...”': the pronoun opening the first conjunct speaks, not
                        # the subject of a clause before it ("When Lee was asked if the mayor would speak")
                        fr = _Frame(fr.c0, fr.c1, fr.cue, conj, conj + 1, -1, -1, None)
                        from_pre = True
                    elif outer is not None and fr.s0 < 0 and fr.cue is not None and fr.c0 > pre_lo \
                            and t.low[self._skip_adverbs_left(fr.c0 - 1, pre_lo)] in ("and", "but") \
                            and t.low[o - 1] in (",", ":"):
                        # 'X said the plan was dead and added, “...”': the coordinated verb introduces the
                        # quotation with the outer subject; the outer cue keeps its own clause
                        fr = _Frame(fr.c0, fr.c1, fr.cue, outer.s0, outer.s1, outer.a0, outer.a1, outer.antecedent)
                        from_pre = True
                    elif outer is not None and fr.s0 < 0 and fr.cue is not None and fr.cue.form == "ing" \
                            and fr.c0 - 1 > pre_lo and t.low[fr.c0 - 1] == "," and fr.c0 > outer.c1 \
                            and (t.low[o - 1] in (",", ":") or outer.cue is not None and not outer.cue.content_object
                                 and self._clause_before(self._skip_pp_right(outer.c1, fr.c0 - 1), fr.c0 - 1)):
                        # 'Lee urged women to vote for her, saying, “...”': the participle introduces the quotation
                        # with the outer subject; the outer cue keeps its own clause
                        fr = _Frame(fr.c0, fr.c1, fr.cue, outer.s0, outer.s1, outer.a0, outer.a1, outer.antecedent)
                        from_pre = True
                    elif outer is not None:
                        # the outer cue still heads the clause it reports ("Over the years, she said, email has
                        # helped ... and admitted “...”", "X is sickening, Lee said, noting ... “...”"): the
                        # quotation takes its speaker, not its cue
                        shared_cue = True
                        fr = outer
                        from_pre = True
            elif prev_frame is not None and o - prev_end <= _SPLIT_QUOTE_GAP:
                # the second half of a split quote: “A,” he said, “B.”
                fr = prev_frame
            if fr is None and starts_unit and n_q == len(qs) - 1:
                fr = self._signature_line(z)
            if fr is None and starts_unit and n_q == len(qs) - 1:
                # '“We are frustrated” by the shooting, Nefzi said.': the frame ends the sentence
                fr = self._final_frame(z, b)
                final_clause = self._final_clause(o, z, fr) if fr is not None else None
            if fr is None and starts_unit and n_q == len(qs) - 1 and t.words(z, b) == 0:
                # '“... right?” Lee remarked, alluding to the actor's latest role.': the sentence closed inside the
                # marks, and the next one opens with the frame
                fr = self._frame_opening_next(b)
            if fr is None and fragment or fragment and self.lang_rules.sov_reported_speech:
                prev_end = z  # Turkish fragments come with the reported clause around them
                continue
            cue_before = fr is None and not starts_unit and content_words >= _SENTENCE_QUOTE_WORDS and \
                any(self._cue_at(m) is not None and t.low[m] not in _TITLE_LEADS for m in range(pre_lo, o))
            if fr is None and not starts_unit and content_words >= _SENTENCE_QUOTE_WORDS and not cue_before:
                # 'Hubbard called the program “a replacement program for ...”': a quotation inside a
                # sentence with a speaking subject of its own is that subject's, not the previous speaker's
                src = self._prior_subject(o, a)
                if src is not None and src.s0 >= 0 and self._speaking_subject(src.s0, src.s1):
                    fr = src
            if cue_before and t.low[o - 1] in (":", ",") and not self._clause_goes_on(o, pre_lo):
                # 'Hale took a risk, telling the crowd, “...”': the quotation the sentence's own cue
                # introduces is its subject's, not the previous sentence's speaker's
                fr = self._cue_frame_before(o, pre_lo)
            elif cue_before:
                # 'He added, though, that in the end “...”': the quotation inside the clause of the sentence's
                # own cue belongs to the mixed quote that cue heads
                prev_end = z
                continue
            if fr is None:
                if not starts_unit and content_words < _SENTENCE_QUOTE_WORDS:
                    prev_end = z
                    continue
                units_info.setdefault("pending", []).append((qi, a, b))
                prev_end = z
                continue
            from_pre = from_pre or fr is pre
            if fragment and fr is not post and not from_pre:
                prev_end = z
                continue
            if fragment and from_pre and not self._adjacent(pre, o):
                prev_end = z
                continue
            if fr.s0 < 0 and not self._crowd_noun(fr):
                anchor = fr.c0 if fr.c0 >= 0 else o
                src = None
                if self.lang == "en" and fr.cue is not None and fr.cue.form == "ing" and a < fr.c0 < o:
                    # '..., where 50 protesters had gathered, chanting “...”': the later clause's subject
                    src = self._later_clause_subject([], fr.c0, a)
                if src is None:
                    src = self._prior_subject(min(anchor, o), a)
                if (src is None or src.s0 < 0) and prev_frame is not None and prev_frame.s0 >= 0 \
                        and fr.cue is not None and fr.cue.form == "ing" and fr.c0 > 0 and t.low[fr.c0 - 1] == ",":
                    # '“...,” said Ann Lee, adding that “...”': the participle's subject is the speaker of the
                    # sentence's previous quotation, inverted after it where the subject search cannot see it
                    src = prev_frame
                if (src is None or src.s0 < 0) and fr.cue is not None and fr.cue.form == "ing" and fr.c0 >= a \
                        and t.words(a, fr.c0) == 0:
                    src = self._previous_sentence_speaker(a)  # 'Lee said ... . Adding, “...”'
                if src is not None:
                    fr = _Frame(fr.c0, fr.c1, fr.cue, src.s0, src.s1, src.a0, src.a1, src.antecedent)
            if self.lang == "en" and (nf := self._noun_clause_frame(fr, o, a, b)) is not None:
                fr = nf  # 'Lee mocked Vance's claim that the mayor “founded the gang”': Vance's words
            raw = fr
            fr = self._refine_subject(fr, o, a)
            clause = self._post_clause(fr, post, pre_lo, o, c, z) if not starts_unit else final_clause
            self._emit_direct(qi, fr, a, b, fragment=clause is not None)
            if clause is not None:
                # 'He would be a better president “no matter what,” one user said.': the reported clause
                # is the mixed quote; the quoted words are its fragment
                self._emit("mixed", clause[0], clause[1], fr, a, b)
            if raw is post and not fragment and ends_comma:
                rest = self._quote_continuation(fr, z, nxt_o)
                if rest is not None:
                    # '“Only you,” she said, would use the occasion to ...': the speaker's sentence goes on
                    # unquoted after the frame; the rest is reported too
                    self._emit("indirect", t.start[rest[0]], t.end[rest[1] - 1], fr, a, b)
            if not fragment and not shared_cue:  # a fragment's cue still heads the mixed quote around it
                for k in range(max(fr.c0, 0), max(fr.c1, 0)):
                    self.consumed.add(k)
            units_info.setdefault("frames", []).append(fr)
            prev_frame = fr
            prev_end = max(z, fr.c1, fr.s1, fr.a1, raw.s1, raw.a1)
        units_info["last_frame"] = prev_frame

    def _frame_opening_next(self, b: int) -> _Frame | None:
        """The frame that opens the sentence at token ``b`` in the same paragraph and is followed by a comma or
        the sentence's end ('Lee remarked, alluding to ...', 'said Lee.'); not a subject and verb that go
        on with their own clause ('Lee said the plan was dead')."""
        t = self.t
        n = len(t)
        if b >= n or b < 1 or "\n" in self.text[t.end[b - 1]:t.start[b]] or t.quote[b] != -1:
            return None
        hi = b
        while hi < n and t.quote[hi] == -1 and t.low[hi] not in (".", "!", "?", ";", ":") \
                and "\n" not in self.text[t.end[hi - 1]:t.start[hi]]:
            hi += 1
        fr = self._post_frame(b, hi)
        if fr is None or fr.cue is None or fr.s0 < 0 or fr.cue.lemma == "according to" \
                or min(fr.s0, fr.c0) != b:
            return None
        tail = max(fr.c1, fr.s1, fr.a1)
        if tail + 1 < n and t.quote[tail + 1] != -1:
            return None  # 'He added, “...”': the frame introduces the next quotation
        if any(t.low[k] in self.lex.complementizers for k in range(tail, min(hi, tail + _OUTER_FRAME_GAP + 1))) \
                or self._clause_follows(tail, hi):
            return None  # 'He said, twice, that he ...': the frame reports a clause of its own
        if tail < hi and t.low[tail] not in (",", ".", "!", "?") and fr.cue.object and not fr.inverted \
                and (_is_cap(t.text[tail]) or t.low[tail] in ("the", "a", "an") and tail + 1 < hi and _is_cap(t.text[tail + 1])) \
                and self._after_addressee(fr, tail, hi) == tail:
            return fr  # '“...?” Hale told Britain’s HBC in an interview when asked ...': an addressee, no clause
        return fr if tail >= hi or t.low[tail] in (",", ".", "!", "?") else None

    def _final_frame(self, z: int, b: int) -> _Frame | None:
        """A frame closing the sentence after a comma: ', Smith said.', ', said Smith, a fellow at X.'."""
        t = self.t
        for m in range(b - 1, z, -1):
            if t.quote[m] != -1:
                return None
            if t.low[m] != ",":
                continue
            fr = self._post_frame(m, b)
            if fr is None or fr.cue is None or fr.s0 < 0:
                return None
            tail = max(fr.c1, fr.s1, fr.a1)
            if t.words(tail, b) > _FRAME_TAIL_WORDS:
                return None
            return fr
        return None

    def _outer_frame(self, lo: int, s0: int, any_distance: bool) -> _Frame | None:
        """The speech cue with a subject whose reported clause holds the inner frame starting at ``s0``
        ("Hale said he wants", "told reporters that he viewed"): at most three tokens between them, or
        any distance when the inner cue has no subject ("said the amendment was intended to highlight")."""
        t = self.t
        for m in range(lo, s0):
            if t.quote[m] != -1 or t.low[m] in (";", ":"):
                return None
            cue = self._cue_at(m)
            if cue is None or cue[2].cls != "speech":
                continue
            if not any_distance and s0 - cue[1] > _OUTER_FRAME_GAP and not self._that_clause_gap(cue[1], s0):
                continue
            fr = self._subject_left(m, lo)
            if fr is None:
                continue
            if any(t.low[k] in (";", ":") or t.quote[k] != -1 for k in range(cue[1], s0)):
                return None
            fr.c0, fr.c1, fr.cue = cue
            return fr
        return None


    def _conjunct_subject(self, fr: _Frame, lo: int) -> int | None:
        """The subject pronoun opening the clause whose verb a subjectless cue is coordinated with ('...,
        he laughed and said', 'when she thanked them and then boomed'): the pronoun's token, when it opens
        its clause (after a comma or a subordinator, or at ``lo``) and no speech cue stands between it and
        the "and"; None otherwise ('Lee said he was tired and added': the outer frame's case)."""
        t = self.t
        k = self._skip_adverbs_left(fr.c0 - 1, lo)
        if k <= lo or t.low[k] not in ("and", "but"):
            return None
        for m in range(k - 1, max(lo - 1, k - 1 - _CONJUNCT_MAX_TOKENS), -1):
            w = t.low[m]
            if w in (",", ";", ":") or t.quote[m] != -1 or self._cue_at(m) is not None:
                return None
            if w in _SUBJECT_PRONOUNS:
                opens = m == lo or t.low[m - 1] in (",", ";") or t.low[m - 1] in _SUBORDINATORS
                return m if opens and m + 1 < k else None
        return None

    def _that_clause_gap(self, i: int, s0: int) -> bool:
        """True when the inner frame starting at ``s0`` opens the that-clause of the cue ending at ``i``, past
        an adverb or an addressee: 'He said, however, that he hopes “...”', 'told NPR correspondent Ann Lee
        that he believes “...”' (no verb, clause word or quotation in between)."""
        t = self.t
        if s0 - 1 <= i or t.low[s0 - 1] != "that" or s0 - 1 - i > _LIGHT_MAX_TOKENS:
            return False
        for k in range(i, s0 - 1):
            w = t.low[k]
            if w in _CLAUSE and t.low[k - 1] == "," and t.low[k + 1] == ",":
                continue  # an adverb between commas (", however,")
            if t.quote[k] != -1 or w in (";", ":", ".", "!", "?", "(") or w in _AUX or w in _CLAUSE \
                    or w in self.lex.forms:
                return False
        return True

    def _emit_direct(self, qi: int, fr: _Frame, a: int, b: int, inherited: bool = False,
                     fragment: bool = False) -> None:
        q = self.quotes[qi]
        self._emit("direct", q.start, q.end, fr, a, b, inherited=inherited, fragment=fragment)
