"""Noun cues of reported speech: a voiced noun ("expressed concern that"), a possessed one ("his claim that",
"Hale's vow to"), opinion phrases ("in his view") and polls ("in a new Daily Ledger poll"), with who voices them.
"""

from __future__ import annotations

import dataclasses

from ._content import _ACCORDING_MIN_WORDS
from ._indirect import _LIGHT_VERBS
from ._lexicon import Cue
from ._tokens import _Frame, _is_cap, _is_word
from ._words import (
    _AUX,
    _DET,
    _LEADING_SKIP,
    _POSSESSIVE_DET,
    _PREPS,
    _SUBORDINATORS,
    _past_like,
)

# Each value: what it bounds, then where it was tuned (the thresholds of the content spans are in _content.py).
# heads of the noun phrase after "in" that make it a source ("in a new Daily Ledger poll"); this and the next two
# sets chosen on PolNeAR train (false negatives, then the false positives "in the polls", "voters in the survey")
_POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys"})
# words that may follow the poll's name in its noun phrase ("a poll released Sunday", "the survey of 400 voters")
_POLL_TAIL = frozenset({"released", "conducted", "published", "taken", "out", "of", "by", "from", "in", "on",
                        "this", "last", "earlier", "average", "averages", "results"})
# ... when a determiner names one poll ("a new Daily Ledger poll", "the HBC poll", "the latest Ledger polls")
_POLL_DETS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her", "our"})
# adjectives skipped between a noun cue and its possessor or voicing verb ("his repeated public claims that"),
# at most; chosen on PolNeAR train
_NOUN_CUE_MODIFIERS = 3
# noun cues of a pledge that report a to-infinitive as what was pledged ("his promise to build a wall",
# "Hale's vow to deport ..."); chosen on PolNeAR train false negatives
_INFINITIVE_NOUNS = frozenset({"promise", "promises", "pledge", "pledges", "vow", "vows", "threat", "threats",
                               "call", "calls", "demand", "demands", "plan", "plans"})
# the most tokens between a past-tense verb and the "with" of its noun cue ("stirred controversy with an
# assertion that"); a verb's object is short
_WITH_VERB_TOKENS = 3
# capitalised adverbs that open a sentence before a possessor ("Perhaps Mr. Lee's most surprising suggestion")
_SENTENCE_ADVERBS = frozenset({"perhaps", "maybe", "indeed", "still", "yet", "now", "instead", "meanwhile",
                               "similarly", "likewise", "finally", "ultimately", "again", "then"})
# the most tokens of an addressee or time phrase between a voiced noun cue and its that-clause ("made the case
# to 23 progressive group leaders that"); chosen on PolNeAR train false negatives
_NOUN_ADDRESSEE_TOKENS = 8
# nouns of opinion that "in" with a possessor makes a source phrase ("in his view", "in Lee's opinion"); chosen
# on PolNeAR train false negatives
_VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "assessment", "telling"})


class _NounCues:
    def _voices_noun_cue(self, k: int, b: int) -> bool:
        """True when a noun cue with its that-clause or preposition follows token ``k`` after at most a
        determiner and a few adjectives ("[expressed] deep concern that", "[expressed] their support for")."""
        t = self.t
        f = k + (k < b and (t.low[k] in _DET or t.low[k] in _POSSESSIVE_DET))
        for m in range(f, min(b - 1, f + _NOUN_CUE_MODIFIERS + 1)):
            w = t.low[m]
            if w in self.lex.clause_nouns and t.low[m + 1] == "that" \
                    or w in self.lex.object_nouns and t.low[m + 1] in self.lex.object_nouns[w][1]:
                return True
            if not _is_word(t.text[m]):
                return False
        return False

    def _view_frame(self, k: int, a: int, b: int) -> _Frame | None:
        """"In his view, ...", "..., in Professor Lee's opinion.": "in" with a possessor and a noun of opinion
        between commas (or opening the sentence) attributes the clause around it to the possessor, like
        "according to". Returns the frame (the possessor as its speaker), else None."""
        t = self.t
        m = k + 1
        if m >= b:
            return None
        if t.low[m] in _POSSESSIVE_DET and t.low[m] != "your":
            s0, s1 = m, m + 1
        else:
            s0 = m
            while m < b and _is_cap(t.text[m]) and not t.low[m].endswith(("'s", "’s")):
                m += 1
            if m >= b or not (_is_cap(t.text[m]) and t.low[m].endswith(("'s", "’s"))):
                return None
            s1 = m + 1
        n = s1
        while n < b and n - s1 < _NOUN_CUE_MODIFIERS and t.low[n] not in _VIEW_NOUNS and t.text[n][:1].islower() \
                and t.text[n].isalpha():
            n += 1  # "in his own view", "in their considered opinion"
        if n >= b or t.low[n] not in _VIEW_NOUNS:
            return None
        first = a
        while first < k and (not _is_word(t.text[first]) or t.low[first] in _LEADING_SKIP):
            first += 1
        before = t.low[k - 1] if k > a else ""
        after = t.low[n + 1] if n + 1 < b else ""
        if not (first == k or before in (",", "—", "–")) or not (after in (",", ".", ";", "—", "–") or n + 1 >= b):
            return None  # "a shift in their view of the deal": a noun phrase, no attribution
        return _Frame(k, n + 1, Cue("in view", "cognitive", "cognition", False, "phrase"), s0, s1)

    def _poll_frame(self, k: int, a: int, b: int):
        """ "Lee led Voss 2-1 in an HBC News/Dunmore poll", "In the new Ledger-HBC poll, Hale wins ...":
        a poll or survey that "in" introduces is the source of the clause it reports, like "according to".
        Returns the frame and the content's token span, or None."""
        t = self.t
        np_ = self._np_right(k + 1, b, allow_cues=True)
        if np_ is None or not any(t.low[m] in _POLL_NOUNS for m in range(*np_)):
            return None
        heads = [m for m in range(*np_) if t.low[m] in _POLL_NOUNS]
        det = t.low[np_[0]] in _POLL_DETS or t.low[np_[0]].endswith(("'s", "’s")) and heads[0] > np_[0]
        if not det or heads[0] - np_[0] < 2 and t.low[heads[0]] in ("polls", "surveys"):
            return None  # "in polls", "in the polls", "in most surveys": the polls in general, no source
        h = heads[-1] + 1
        if h < b and _is_word(t.text[h]) and not _is_cap(t.text[h]) and not t.low[h][:1].isdigit() \
                and t.low[h] not in _POLL_TAIL:
            return None  # "voters in the survey approved": a verb follows, the phrase is inside a noun phrase
        fr = _Frame(k, k + 1, Cue("in", "evidential", "evidence", False, "phrase"), np_[0], np_[1])
        first = a
        while first < k and (not _is_word(t.text[first]) or t.low[first] in _LEADING_SKIP):
            first += 1
        if first == k:  # "In the new Ledger-HBC poll, CONTENT."
            if np_[1] >= b or t.low[np_[1]] != ",":
                return None
            s, e = np_[1] + 1, b
        else:  # "CONTENT in a new Daily Ledger poll released Thursday."
            if np_[1] < b and _is_word(t.text[np_[1]]):
                return None  # "Just 13% of voters in the survey approved": the phrase is inside a noun phrase
            s, e = a, k
            for m in range(a, k):
                if t.low[m] in (",", ";", ":", "—", "–") or t.low[m] in _SUBORDINATORS \
                        or t.low[m] in self.lex.complementizers or t.low[m] in ("where", "which", "who"):
                    s = m + 1
        while e > s and not _is_word(t.text[e - 1]):
            e -= 1
        while s < e and not _is_word(t.text[s]):
            s += 1
        if t.words(s, e) < _ACCORDING_MIN_WORDS or not self._is_clause(s, e, False) and not any(
                t.low[m][:1].isdigit() or t.low[m] in ("led", "leads", "lead", "leading", "trails", "trailed")
                for m in range(s, e)):
            return None
        return fr, (s, e)

    def _noun_frame(self, k: int, a: int, b: int) -> _Frame | None:
        """A noun cue with a that-clause and a speaker: "his claim that ...", "Hale's warning that ...",
        "Voss expressed concern that ...". None without a possessor or a voicing verb's subject (the
        allegations of nobody in particular are no attribution), or when "that" opens a relative clause
        ("a claim that was rejected")."""
        t = self.t
        if k + 2 < b and t.low[k + 1] == "to" and t.low[k] in _INFINITIVE_NOUNS and t.quote[k + 2] == -1 \
                and t.text[k + 2][:1].islower() and t.text[k + 2].isalpha() and t.low[k + 2] not in _DET \
                and t.low[k + 2] not in _POSSESSIVE_DET and not t.low[k + 2].endswith(("ing", "ed")):
            # "his promise to build a wall": a pledge with its to-infinitive reports what was promised
            cue = dataclasses.replace(self.lex.clause_nouns[t.low[k]], infinitive=True)
            fr = self._noun_speaker(_Frame(k, k + 1, cue), k, a)
            if fr is not None and t.low[k] in ("plan", "plans") and (not _is_cap(t.text[fr.s0])
                    or not t.low[fr.s1 - 1].endswith(("'s", "’s"))
                    or not (fr.s0 - 1 >= a and t.text[fr.s0 - 1].isalpha() and t.text[fr.s0 - 1].islower())):
                # "is making plans to question ...": only a named possessor's plan is a proposal ("his plan" leaves
                # the planner to a pronoun's antecedent, too often another person's), and only after a verb or
                # preposition ("critics attacked Lee's plan to ...", "on his plan to ..."); opening the sentence
                # (after a dateline too) it is the subject of another predicate ("WASHINGTON — The ministry's plan
                # to ..., outlined on Monday, would ...")
                return None
            return fr
        if t.low[k] in ("plan", "plans"):
            return None  # "plans by the company that owns ...", "the plan that passed": a plan reports only "to ..."
        if k + 3 < b and t.low[k + 1] in ("by", "from") and t.quote[k + 1] == -1:
            # "claims by intelligence agencies that ...", "criticism from rivals that ...": the speaker follows
            np_ = self._np_right(k + 2, b)
            if np_ is None or np_[1] + 1 >= b or t.low[np_[1]] != "that" or t.quote[np_[1] + 1] != -1 \
                    or t.low[np_[1] + 1] in _AUX or t.low[np_[1] + 1] in self.lex.forms \
                    or self._cannot_speak(*np_):
                return None
            fr = _Frame(k, k + 1, self.lex.clause_nouns[t.low[k]], np_[0], np_[1])
            fr.inverted = True
            return fr
        cue = self.lex.clause_nouns[t.low[k]]
        th = k + 1
        if th + 1 < b and t.low[th] in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday", "yesterday", "today") and t.low[th + 1] == "that":
            th += 1  # "Hale's assertion Monday that ...": a day between the noun and its clause
        elif th + 2 < b and t.low[th] in ("to", "for") and t.quote[th] == -1 and cue.cls == "speech":
            # "made the case to Democrats gathered in the capital that ...", "making the case for weeks that":
            # an addressee or a time phrase before the clause (the speaker must voice the noun: see below)
            m = th + 1
            while m < b and m - th <= _NOUN_ADDRESSEE_TOKENS and t.low[m] != "that" and t.quote[m] == -1 \
                    and _is_word(t.text[m]) and t.low[m] not in _AUX and t.low[m] not in ("who", "which"):
                m += 1
            if m >= b or t.low[m] != "that" or m == th + 1:
                return None
            th = m
            cue = dataclasses.replace(cue, object=True)
        pred = th
        if pred < b and t.low[pred].endswith("ly") or pred < b and t.low[pred] in ("long", "always", "still"):
            pred += 1  # "His message long has been that"
        if pred + 1 < b and t.low[pred] in ("has", "had") and t.low[pred + 1] == "been":
            pred += 1
        if pred + 1 < b and t.low[pred] in ("is", "was", "been") and t.low[pred + 1] == "that":
            # "Their fear is that ...", "Lee's most explosive claim was that ...": the predicate reports the
            # possessor's words (a possessor is needed: "the point is that" has no speaker)
            th = pred + 1
            fr = self._noun_speaker(_Frame(k, k + 1, cue), k, a)
            if fr is None or fr.s1 > k or not (t.low[fr.s0] in _POSSESSIVE_DET or t.low[fr.s1 - 1].endswith(("'s", "’s"))):
                return None
            if th + 1 < b and t.quote[th + 1] == -1 and _is_word(t.text[th + 1]) and t.low[th + 1] not in _AUX:
                fr.c1 = th  # the content starts after "is that"
                return fr
            return None
        if th + 1 >= b or t.low[th] != "that" or t.quote[th + 1] != -1:
            return None
        nxt = t.low[th + 1]
        if nxt in _AUX or nxt in self.lex.forms or not _is_word(t.text[th + 1]) or nxt in _PREPS:
            return None  # "a claim that was rejected", "concerns that prompted ...": relative clauses
        fr = self._noun_speaker(_Frame(k, k + 1, cue), k, a)
        if fr is not None and cue.object and not self._voiced(k, a):
            return None  # "his case to the court that ...": only "made the case to ... that" reports the clause
        return fr

    def _voiced(self, k: int, a: int) -> bool:
        """True when a verb that voices a noun cue ("made", "is making") stands before the noun at ``k`` after
        at most a determiner and a few adjectives ("made an impassioned case")."""
        t = self.t
        m = k - 1
        while m >= a and k - 1 - m < _NOUN_CUE_MODIFIERS and t.text[m][:1].islower() and _is_word(t.text[m]) \
                and t.low[m] not in _DET and t.low[m] not in _LIGHT_VERBS:
            m -= 1
        if m >= a and (t.low[m] in _DET or t.low[m] in _POSSESSIVE_DET):
            m -= 1
        return m >= a and t.low[m] in _LIGHT_VERBS

    def _verb_before_with(self, m: int, a: int) -> int:
        """The past-tense verb a few words before "with" at ``m`` whose act the noun cue after it names
        ("stirred controversy with an assertion that", "answered with the claim that"), or -1."""
        t = self.t
        for v in range(m - 1, max(a, m - 1 - _WITH_VERB_TOKENS) - 1, -1):
            if t.quote[v] != -1 or not _is_word(t.text[v]) or t.low[v] in _PREPS:
                return -1
            if _past_like(t.low[v]) and t.text[v][:1].islower() and (v == a or t.low[v - 1] not in _AUX):
                return v
        return -1

    def _noun_speaker(self, fr: _Frame, k: int, a: int) -> _Frame | None:
        """Frame ``fr`` of the noun cue at ``k`` with its speaker: the possessor ("his", "Sen. Ted Marsh's")
        or the subject of a verb that voices it ("expressed concern"); None without one."""
        t = self.t
        m = k - 1
        while m >= a and m > k - 1 - _NOUN_CUE_MODIFIERS and t.text[m][:1].islower() and _is_word(t.text[m]) \
                and t.low[m] not in _POSSESSIVE_DET and t.low[m] not in _PREPS \
                and (t.low[m] not in _DET or t.low[m] == "most" and m + 1 < k) \
                and not (t.low[m] in _LIGHT_VERBS and m - 1 >= a and t.low[m - 1] not in _POSSESSIVE_DET
                         and not t.low[m - 1].endswith(("'s", "’s"))):
            m -= 1  # adjectives: "his repeated claims that", "deep concern that", "her most explosive claim"
        if m < a:
            return None
        w = t.low[m]
        if w in _POSSESSIVE_DET and w not in ("my", "your", "our"):
            fr.s0, fr.s1 = m, m + 1
            return fr
        if w.endswith(("'s", "’s")) and _is_cap(t.text[m]):
            s0 = m  # the name run: "Sen. Ted Marsh's"
            while s0 - 1 >= a and (_is_cap(t.text[s0 - 1]) or t.low[s0 - 1] == "." and s0 - 2 >= a
                                   and _is_cap(t.text[s0 - 2])):
                s0 -= 1
            while s0 < m and (t.low[s0] in _LEADING_SKIP or t.low[s0] in _SENTENCE_ADVERBS):
                s0 += 1  # "But Lee's claim", "Perhaps Mr. Lee's suggestion": the opener is no part of the name
            fr.s0, fr.s1 = s0, m + 1
            return fr
        if w in _DET and m - 1 >= a:
            m -= 1  # "raised the concern that"
            w = t.low[m]
        with_verb = w == "with" and t.low[m + 1] in ("a", "an", "the")
        if with_verb:
            m = self._verb_before_with(m, a)  # "Hale stirred controversy with an assertion that ..."
            w = t.low[m] if m >= a else ""
        if w in _LIGHT_VERBS or with_verb and m >= a:
            sub = self._subject_left(m, a)
            if sub is not None and sub.s0 >= 0 and not self._cannot_speak(sub.s0, sub.s1) \
                    and self._human(sub.s0, sub.s1):
                fr.s0, fr.s1, fr.a0, fr.a1, fr.antecedent = sub.s0, sub.s1, sub.a0, sub.a1, sub.antecedent
                return fr
        return None

