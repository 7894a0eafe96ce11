"""Direct quotations: the frame after a quotation (', he said', ' said Smith'), before it ('Smith said:'),
noun cues ("his call for “...”"), split quotes and frames closing the sentence.
"""

from __future__ import annotations

import bisect
import re

from ._lexicon import Cue
from ._tokens import _Frame, _is_cap, _is_word
from ._words import (
    _ADV_SKIP,
    _AUX,
    _CLAUSE,
    _DET,
    _HUMAN_NOUNS,
    _INVERTIBLE,
    _LEADING_SKIP,
    _MEDIUM_WORDS,
    _POSSESSIVE_DET,
    _PREPS,
    _SPEAKING_PRONOUNS,
    _TIME_WORDS,
    _TITLES_ABBR,
)

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# tokens after a quotation searched for "Smith, a fellow at X, said"; origin unknown, predates this refactor
_POST_FRAME_WINDOW = 28
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
# most tokens between an outer cue and an inner frame ("Trump said he wants"); origin unknown, predates this
# refactor
_OUTER_FRAME_GAP = 3
# most tokens of a speaker named right after an inverted cue when the general noun-phrase reading fails
# ("said former Pennsylvania Gov. and party chairman Ed Rendell"); chosen on PolNeAR train (the longest
# such speaker there has 10 tokens)
_NAME_RIGHT_MAX_TOKENS = 12
# words that may follow such a speaker: the sentence goes on with an apposition, a time or place
# ("said Sean Spicer in a tweet", "scoffed Arianna Gil, 22, who ...")
# a signature line under a quotation: a line break, a dash, then the speaker's name ("\n\n- Bernie Sanders.")
_SIGNATURE_RE = re.compile(r"[ \t]*\n+[ \t]*[-–—―][ \t]*(?=[A-Z])")
# most characters searched after the quotation for that line
_SIGNATURE_WINDOW = 12
# a quotation in title case right after one of these (or a possessive: "CNN's “New Day.”") is the title of a
# show, book, film or advertisement, not a quotation, even with its comma or full stop inside the marks
_TITLE_LEADS = {"on", "called", "titled", "entitled", "named", "show", "program", "programme", "book", "film",
                "movie", "album", "song", "series", "column", "podcast", "ad", "spot", "documentary", "play"}
# small words a title may keep in lower case ("Meet the Press", "Los Hijos de Trump")
_TITLE_SMALL = {"of", "the", "and", "for", "a", "an", "in", "on", "to", "with", "at", "by", "de", "la", "los", "el"}
# most words of such a title; chosen on PolNeAR train (show and book titles there have at most six)
_TITLE_MAX_WORDS = 6
_AFTER_INVERTED_NAME = {",", ".", "!", "?", ";", ":", "(", "—", "–", "in", "on", "at", "during", "who", "after",
                        "when", "while", "before", "of", "from"}


class _Direct:
    """Direct quotations (mixed into the analyser of :mod:`._rules`)."""

    # ------------------------------------------------------------ direct quotations
    def _post_frame(self, z: int, hi: int) -> _Frame | None:
        """Attribution after a quotation closing at token ``z``: ', he said', ' said Smith',
        ', according to X', ' — сказал он', ' dedi Ergüven'."""
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
            # '“...” ― Adriana Rodarte': a dash and a name under a quotation
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
        # cue first (inverted): said Smith / — сказал он / dedi Ergüven
        k2 = k
        while k2 < hi and (t.low[k2] in _ADV_SKIP and t.low[k2] not in ("is", "was") or
                           t.low[k2].endswith("ly") and not _is_cap(t.text[k2])):
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
        # subject first: he said / Smith, a fellow at X, said / the official told reporters
        skip_to = -1
        for m in range(k, min(hi, k + _POST_FRAME_WINDOW)):
            if t.quote[m] != -1:
                break
            cue = self._cue_at(m)
            if cue is None:
                if t.low[m] == "." and m > k and (t.low[m - 1] in _TITLES_ABBR or len(t.text[m - 1]) == 1
                                                  and t.text[m - 1].isupper()):
                    continue
                if t.low[m] == "(":
                    depth_end = m
                    while depth_end < hi and t.low[depth_end] != ")" and depth_end - m < _PAREN_MAX_TOKENS:
                        depth_end += 1
                    skip_to = depth_end
                    continue
                if m <= skip_to:
                    continue
                if t.low[m] in (".", ";", "!", "?") or (t.low[m] in _CLAUSE and t.low[m] not in ("and", "who")):
                    break
                continue
            fr = self._subject_left(m, k)
            if fr is None:
                break
            if fr.antecedent is None and fr.s0 != k and not (fr.s0 > k and self._only_skippable(k, fr.s0)) \
                    and (fr.a0 == -1 or not self._only_skippable(k, fr.s0)):
                break  # the subject must start the frame
            fr.c0, fr.c1, fr.cue = cue
            return fr
        return unknown

    def _name_right(self, i: int, hi: int) -> _Frame | None:
        """A person's full name right after an inverted past-tense speech cue, with the capitalised titles and
        lower-case role words before it: '“...,” said RNC spokesman Sean Spicer in a tweet', '“...,” scoffed
        Arianna Gil, 22, who ...', '“...,” said Will Doyle, a professor'. Used where the general noun-phrase
        reading stops early (a name word that is also an auxiliary, "and" between two titles, a cue word
        later in the sentence) or the verb is not one that usually inverts: the name must end in two
        capitalised words and be followed by the sentence's end, a comma or a time or place phrase, so that
        an object ('“...” blasted Hillary Clinton as a disgrace') is not read as the speaker."""
        t = self.t
        k, last_cap = i, -1
        while k < hi and k - i < _NAME_RIGHT_MAX_TOKENS and t.quote[k] == -1:
            w, x = t.low[k], t.text[k]
            if _is_word(w) and _is_cap(x) and w not in _TIME_WORDS and w != "i":
                last_cap = k
            elif w == "." and k > i and (t.low[k - 1] in _TITLES_ABBR or len(t.text[k - 1]) == 1
                                         and t.text[k - 1].isupper()) \
                    or w == "and" and k > i and k + 1 < hi and _is_cap(t.text[k + 1]):
                pass  # an abbreviated title ("Gov.") or "and" between two titles
            elif not (_is_word(w) and x.islower() and w not in _AUX and w not in _CLAUSE and w not in _PREPS
                      and w not in _DET and w not in self.lex.forms and w not in self.pronouns):
                break  # only role words ("spokesman", "former") may stand between the capitalised words
            k += 1
        end = last_cap + 1
        if last_cap < i + 1 or not (_is_cap(t.text[last_cap - 1]) and _is_word(t.low[last_cap - 1])):
            return None
        if end < hi and t.low[end] not in _AFTER_INVERTED_NAME and "\n" not in self.text[t.end[end - 1]:t.start[end]]:
            return None
        fr = _Frame(i, i, None, i, end, inverted=True)
        if end < hi and t.low[end] == ",":
            f = end + 1
            while f < hi and t.low[f] not in (",", ".", ";", ":", "(", ")") and t.quote[f] == -1 \
                    and f - end < _POST_FRAME_WINDOW:
                f += 1
            if f > end + 1 and self._looks_like_np(end + 1, f):
                fr.a0, fr.a1 = end + 1, f
        return fr

    def _description_right(self, i: int, hi: int) -> _Frame | None:
        """A person described after an inverted past-tense speech cue, where the noun-phrase reading stops at
        what follows the description: '“...,” said one owner of a shop that sells ...', '“...,” said the
        base chief known as Bob': a determiner, then words up to a noun for people before any verb."""
        t = self.t
        if i >= hi or t.low[i] not in ("the", "a", "an", "one", "another"):
            return None
        for k in range(i + 1, min(hi, i + _NAME_RIGHT_MAX_TOKENS)):
            w = t.low[k]
            if not _is_word(w) or w in _AUX or w in _CLAUSE or w in self.lex.forms or t.quote[k] != -1:
                return None
            if w in _HUMAN_NOUNS:
                end = k + 1
                while end < hi and t.low[end] in _PREPS and t.low[end] in ("of", "at", "for") and end + 2 <= hi \
                        and _is_word(t.low[end + 1]):
                    # "owner of a shop", "professor at Yale": the head's complement, up to the next clause
                    end += 2
                    while end < hi and _is_word(t.low[end]) and t.low[end] not in _CLAUSE and \
                            t.low[end] not in self.lex.forms and t.low[end] not in _AUX and \
                            not t.low[end].endswith("ing") and end - k < _NAME_RIGHT_MAX_TOKENS:
                        end += 1
                if end < hi and t.low[end] not in ("known", "named") and (
                        t.low[end] in _AUX or t.low[end] in self.lex.forms or t.low[end].endswith("ed")):
                    return None  # 'said the candidate could win': the subject of a reported clause
                return _Frame(i, i, None, i, end, inverted=True)
        return None

    def _unknown_verb_frame(self, k: int, hi: int) -> _Frame | None:
        """'“...,” he surmised.' / '“...,” Trump barked.' / '“...” pressed Hannity': a verb missing from the
        lexicon right after a quotation, recognised by its shape (a past tense between the quote and a
        name or pronoun, then the sentence's end)."""
        t = self.t
        if not self.lang_rules.guess_unknown_verbs or k >= hi:
            return None
        w = t.low[k]
        # inverted: “...,” barked Trump.
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
                if nxt in (".", ",", "!", "?", ";", ":") or nxt in _PREPS or nxt.endswith("ly"):
                    pron = t.low[np_[0]] in self.pronouns and np_[1] - np_[0] == 1
                    named = all(_is_cap(t.text[x]) or t.low[x] in (".", "-") for x in range(*np_))
                    if not (pron or named or t.low[np_[0]] in _DET and v.endswith("ed")):
                        return None  # '“impossible” alongside the new missiles.' has no verb
                    return _Frame(m, m + 1, Cue(v, "neutral"), np_[0], np_[1])
                return None
        return None

    def _only_skippable(self, a: int, b: int) -> bool:
        t = self.t
        return all(t.low[k] in ("then", ",", "—", "–", "-") for k in range(a, b))


    def _pre_frame(self, o: int, lo: int) -> _Frame | None:
        """Attribution before a quotation opening at token ``o``: 'Smith said:', 'He added,',
        'López told NTV:', 'Yılmaz,' (Turkish, the verb follows the quote)."""
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
                    # "said Smith:" / "— заявил Лавров: «...»"
                    fr = self._subject_right(i1, j + 1, c.lemma)
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
            # a colon with no verb: "Her answer: “...”", "Trump on Twitter: “...”"
            np_ = self._np_left(j, lo)
            if np_ is not None and np_[0] == lo:
                return _Frame(np_[1], np_[1], None, np_[0], np_[1])
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

    def _lead_in_source(self, o: int, lo: int) -> _Frame | None:
        """A source phrase opening the sentence and ending with a comma right before a quotation: "According
        to the newspaper, “...”", "As Vulture put it, “...”", "As The Post's Dana Milbank puts it, “...”". The
        quotation is a direct quote of that source (not the according-to clause around it)."""
        t = self.t
        k = lo
        while k < o and (t.low[k] in _LEADING_SKIP or not _is_word(t.low[k]) and t.quote[k] == -1):
            k += 1
        end = o - 1  # the comma or colon
        a1 = self._according_at(k) if k < end and t.low[end] == "," else None
        if a1 is not None:
            np_ = self._np_right(a1, end)
            if np_ is None or np_[1] != end:
                return None
            return _Frame(k, a1, Cue("according to", "neutral", "speech", False, "phrase"), np_[0], np_[1])
        # "As X put it," / "..., as X, a professor of law, put it:" (anywhere in the sentence)
        if end - lo < 4 or t.low[end - 1] != "it" or t.low[end - 2] not in ("put", "puts"):
            return None
        k = next((m for m in range(end - 3, max(lo, end - _POST_FRAME_WINDOW) - 1, -1) if t.low[m] == "as"), -1)
        np_ = self._np_right(k + 1, end - 2) if k >= 0 else None
        if np_ is None or np_[0] != k + 1 or t.quote[k + 1:end - 2].count(-1) != end - 3 - k:
            return None
        return _Frame(end - 2, end - 1, Cue("put", "neutral", "speech", False, "past"), np_[0], np_[1])

    def _nominal_frame(self, o: int, lo: int) -> _Frame | None:
        """A noun cue just before a quotation: "his call for “...”", "chants of “...”", "Trump's remarks:
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
                    # "Trump issued the following statement: “...”": the subject of the verb before the noun
                    src = self._prior_subject(m, lo)
                    if src is not None and src.s0 >= 0 and self._speaking_subject(src.s0, src.s1):
                        fr.s0, fr.s1, fr.a0, fr.a1 = src.s0, src.s1, src.a0, src.a1
                return fr
        return None

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
            from_pre = False
            pre_lo = prev_end
            starts_unit = t.words(a, o) == 0
            if self._is_title(o, c, e, a):
                prev_end = z
                continue
            fragment = self._is_fragment(qi, a, b)
            post = self._post_frame(z, nxt_o)
            pre = self._pre_frame(o, pre_lo) if o > pre_lo else None
            ends_comma = t.low[e - 1] in (",",) or (z > e and t.low[z - 1] in (",",)) or \
                (z < len(t) and t.low[z] == ",")
            if post is not None and (ends_comma or starts_unit or pre is None or post.cue is not None and
                                     (post.s0 >= 0 or post.cue.lemma == "according to")):
                fr = post
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
                elif fr.c0 > pre_lo and (fr.s0 < 0 or fr.s0 > pre_lo and t.low[fr.s0 - 1] != ","):
                    # "Trump said he wants “...”": the outermost speaker of the sentence holds the quote
                    outer = self._outer_frame(pre_lo, fr.s0 if fr.s0 >= 0 else fr.c0, fr.s0 < 0)
                    if outer is not None:
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
            if fr is None and fragment or fragment and self.lang_rules.sov_reported_speech:
                prev_end = z  # Turkish fragments come with the reported clause around them
                continue
            cue_before = fr is None and not starts_unit and content_words >= _SENTENCE_QUOTE_WORDS and \
                any(self._cue_at(m) is not None and t.low[m] not in _TITLE_LEADS for m in range(pre_lo, o))
            if fr is None and not starts_unit and content_words >= _SENTENCE_QUOTE_WORDS and not cue_before:
                # 'Huckabee called the program “a replacement program for ...”': a quotation inside a
                # sentence with a speaking subject of its own is that subject's, not the previous speaker's
                src = self._prior_subject(o, a)
                if src is not None and src.s0 >= 0 and self._speaking_subject(src.s0, src.s1):
                    fr = src
            if cue_before and t.low[o - 1] in (":", ","):
                # 'Trump took a risk, telling the crowd, “...”': the quotation the sentence's own cue
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
            if fr.s0 < 0:
                anchor = fr.c0 if fr.c0 >= 0 else o
                src = self._prior_subject(min(anchor, o), a)
                if src is not None:
                    fr = _Frame(fr.c0, fr.c1, fr.cue, src.s0, src.s1, src.a0, src.a1, src.antecedent)
            fr = self._refine_subject(fr, o, a)
            self._emit_direct(qi, fr, a, b)
            if not fragment:  # a fragment's cue still heads the mixed quote around it
                for k in range(max(fr.c0, 0), max(fr.c1, 0)):
                    self.consumed.add(k)
            units_info.setdefault("frames", []).append(fr)
            prev_frame = fr
            prev_end = max(z, fr.c1, fr.s1, fr.a1)
        units_info["last_frame"] = prev_frame

    def _cue_frame_before(self, o: int, a: int) -> _Frame | None:
        """The first speech cue of the sentence a..o that has a speaking subject, with that subject."""
        for m in range(a, o):
            cue = self._cue_at(m)
            if cue is None or cue[2].cls != "speech" or self.t.low[m] in _TITLE_LEADS:
                continue
            fr = self._subject_left(m, a)
            if fr is not None and fr.s0 >= 0 and self._speaking_subject(fr.s0, fr.s1):
                fr.c0, fr.c1, fr.cue = cue
                return fr
        return None

    def _refine_subject(self, fr: _Frame, o: int, a: int) -> _Frame:
        """The speaker of a frame whose subject names nobody: a relative "that"/"which" ('a voice that said
        “...”', 'a sign which read “...”') or a word of a fronted adverbial ('Hours later, Trump told
        Reuters, “...”', 'Likewise, a paper ... had this to say: “...”') gives way to the sentence's speaking
        subject (after the adverbial's comma), when it has one."""
        t = self.t
        if fr.s0 < 0 or fr.s1 - fr.s0 != 1:
            return fr
        w = t.low[fr.s0]
        end = min(x for x in (fr.c0, o) if x >= 0)
        src = None
        if w in ("that", "which"):
            # the outermost speaker of the sentence ('He said he has seen schools that reminded him of “...”')
            np_ = self._sentence_subject(a, fr.s0)
            src = _Frame(-1, -1, None, np_[0], np_[1]) if np_ is not None else None
            if src is None or not self._speaking_subject(src.s0, src.s1):
                src = self._prior_subject(fr.s0, a)
        elif fr.s0 == a and _is_cap(t.text[fr.s0]) and (
                w in _ADV_SKIP or w in _LEADING_SKIP or w in _TIME_WORDS or w.endswith(("ly", "wise"))
                or fr.s1 < end and t.low[fr.s1] in ("later", "ago", "after", "in", "before")):
            comma = next((k for k in range(fr.s1, end) if t.low[k] == ","), -1)
            if comma >= 0 and not self._in_full_name(t.text[fr.s0]):
                np_ = self._sentence_subject(comma + 1, end)
                src = _Frame(-1, -1, None, np_[0], np_[1]) if np_ is not None else None
        if src is None or src.s0 < 0 or not self._speaking_subject(src.s0, src.s1):
            return fr
        return _Frame(fr.c0, fr.c1, fr.cue, src.s0, src.s1, src.a0, src.a1, src.antecedent, fr.inverted)

    def _in_full_name(self, word: str) -> bool:
        """True when the article writes ``word`` after another capitalised word on the same line ("Donald
        Trump" for "Trump"): a surname, not a word that opens sentences."""
        return re.search(r"\b[A-Z][\w'’-]*[ \u00a0]+" + re.escape(word) + r"\b", self.text) is not None

    def _speaking_subject(self, s0: int, s1: int) -> bool:
        """A sentence subject that surely names a speaker: a personal pronoun, a full name (two capitalised
        words, not a headline in capitals), a surname the article gives in full elsewhere, or a noun for
        people ("the spokesman"). Single capitalised words that open sentences ("Perhaps", "Thirteen") and
        headlines ("BROADWAY BEAT") are not."""
        t = self.t
        words = [k for k in range(s0, s1) if _is_word(t.text[k])]
        if not words:
            return False
        if len(words) == 1 and (t.low[words[0]] in _SPEAKING_PRONOUNS or t.low[words[0]] in self.pronouns):
            return t.low[words[0]] in _SPEAKING_PRONOUNS and t.low[words[0]] != "who"
        if t.low[words[0]] in _DET or t.low[words[0]] in _POSSESSIVE_DET or t.low[words[0]][:1].isdigit():
            words = words[1:]  # "The", "His", "Each" alone name nobody; "the spokesman" is read below
            if not words:
                return False
        caps = [k for k in words if _is_cap(t.text[k])]
        if caps and all(t.text[k].isupper() for k in caps):
            return False
        if len(caps) >= 2 and _is_cap(t.text[words[-1]]):
            return True
        if len(caps) == 1 and len(words) == 1:
            return self._in_full_name(t.text[words[0]])
        return not caps and self._human(words[0], s1)

    def _is_title(self, o: int, c: int, e: int, a: int) -> bool:
        """A quoted title inside a sentence: title-case words (a comma or full stop may sit inside the marks)
        after a possessive or a word that introduces a name: 'on Fox News Channel's “Sunday Morning
        Futures,” Issa said', 'appearance on “Meet the Press.”', 'a play called “Los Hijos de Trump,”'."""
        t = self.t
        if o <= a:
            return False
        while e > c and t.low[e - 1] in (",", "."):
            e -= 1
        words = [t.text[k] for k in range(c, e)]
        if not words or len(words) > _TITLE_MAX_WORDS or not _is_cap(words[0]):
            return False
        if not all(_is_cap(w) or w.lower() in _TITLE_SMALL for w in words if _is_word(w)) or \
                any(not _is_word(w) and w not in ("-", "&", "'", "’", ":") for w in words):
            return False
        prev = o - 1
        if t.low[prev] == "," and prev > a:
            prev -= 1
        w = t.low[prev]
        return w in _TITLE_LEADS or w.endswith(("'s", "’s")) and len(w) > 2

    def _signature_line(self, z: int) -> _Frame | None:
        """A quotation standing alone, signed on the next line with a dash and the speaker's name (fact checks,
        quote boxes): '“...”\n\n- Bernie Sanders.', '“...”\n\n-President Obama, tweeting after the speech.'."""
        t = self.t
        if z < 1 or z >= len(t):
            return None
        p = t.end[z - 1]
        m = _SIGNATURE_RE.match(self.text, p, p + _SIGNATURE_WINDOW)
        if m is None:
            return None
        k = bisect.bisect_left(t.start, m.end())
        line_end = self.text.find("\n", m.end())
        hi = bisect.bisect_left(t.start, line_end) if line_end != -1 else len(t)
        np_ = self._np_right(k, hi) if k < hi else None
        if np_ is None or np_[0] != k or not _is_cap(t.text[np_[1] - 1]) or \
                np_[1] < hi and t.low[np_[1]] not in (",", "."):
            return None
        return _Frame(-1, -1, None, np_[0], np_[1], inverted=True)

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
        ("Trump said he wants", "told reporters that he viewed"): at most three tokens between them, or
        any distance when the inner cue has no subject ("said the amendment was intended to highlight")."""
        t = self.t
        for m in range(lo, s0):
            if t.quote[m] != -1 or t.low[m] in (";", ":"):
                return None
            cue = self._cue_at(m)
            if cue is None or cue[2].cls != "speech":
                continue
            if not any_distance and s0 - cue[1] > _OUTER_FRAME_GAP:
                continue
            fr = self._subject_left(m, lo)
            if fr is None:
                continue
            if any(t.low[k] in (";", ":") or t.quote[k] != -1 for k in range(cue[1], s0)):
                return None
            fr.c0, fr.c1, fr.cue = cue
            return fr
        return None


    def _emit_direct(self, qi: int, fr: _Frame, a: int, b: int, inherited: bool = False) -> None:
        q = self.quotes[qi]
        self._emit("direct", q.start, q.end, fr, a, b, inherited=inherited)
