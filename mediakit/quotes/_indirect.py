"""Indirect (reported) speech: "X said that ...", "X told NTV ...", participles ("..., saying"), and the
content span of each frame.
"""

from __future__ import annotations

from ._lexicon import Cue
from ._tokens import _Frame, _is_cap, _is_word
from ._words import (
    _APPEARANCE_OBJECTS,
    _AUX,
    _CLAUSE_BREAKS,
    _DET,
    _DOCUMENT_NOUNS,
    _LEADING_SKIP,
    _MEDIUM_WORDS,
    _NEGATED_AUX,
    _NON_SPEAKER_HEADS,
    _POSSESSIVE_DET,
    _POSSESSIVE_PRON,
    _PREPS,
    _SUBORDINATORS,
    _TIME_WORDS,
    _past_like,
)

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# a later frame more than this many tokens after a cue ends the cue's content; origin unknown, predates this
# refactor
_NEXT_FRAME_GAP = 2
# shortest reported clause, in words (tokens for Turkish); origin unknown, predates this refactor
_MIN_CONTENT_WORDS = 2
# tokens after "told" searched for the complementizer that ends the addressee; origin unknown, predates this
# refactor
_ADDRESSEE_WINDOW = 10
# shortest "according to" content, in words; origin unknown, predates this refactor
_ACCORDING_MIN_WORDS = 3
# words of a phrase about the telling after the verb of a sentence-final frame ("..., the report said on
# Thursday."); chosen by hand, not tuned
_FINAL_FRAME_TAIL_WORDS = 3
# a sentence-final frame after a comma keeps a left clause of at least this many words; origin unknown,
# predates this refactor
_FINAL_FRAME_LEFT_WORDS = 4
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
_ARTICLES = frozenset({"the", "a", "an"})
# heads of the noun phrase after "in" that make it a source ("in a new Fox News poll"); this and the next two
# sets chosen on PolNeAR train (false negatives, then the false positives "in the polls", "voters in the survey")
_POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys"})
# words that may follow the poll's name in its noun phrase ("a poll released Sunday", "the survey of 400 voters")
_POLL_TAIL = frozenset({"released", "conducted", "published", "taken", "out", "of", "by", "from", "in", "on",
                        "this", "last", "earlier", "average", "averages", "results"})
# ... when a determiner names one poll ("a new Fox News poll", "the CBS poll", "the latest Fox polls")
_POLL_DETS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her", "our"})
# adjectives skipped between a noun cue and its possessor or voicing verb ("his repeated public claims that"),
# at most; chosen on PolNeAR train
_NOUN_CUE_MODIFIERS = 3
# verbs whose subject voices a noun cue ("expressed concern that", "raised the fear that"), as lower-case forms;
# chosen on PolNeAR train false negatives
_LIGHT_VERBS = frozenset({
    "express", "expressed", "expresses", "expressing", "voice", "voiced", "voices", "voicing", "raise", "raised",
    "raises", "raising", "repeat", "repeated", "repeats", "repeating", "reiterate", "reiterated", "reiterates",
    "reiterating", "make", "made", "makes", "making", "echo", "echoed", "echoes", "echoing", "renew", "renewed",
    "renews", "renewing", "issue", "issued", "issues", "issuing", "share", "shared", "shares", "sharing"})
# determiners that, with one noun, name an event as the object of a speech act ("condemned the move") rather
# than what was said; chosen on PolNeAR train (the false positives "criticized the decision", "rejected those
# days") and the rule of issue 3/7 that an event is no attribution
_EVENT_DETS = frozenset({"the", "this", "that", "these", "those", "such", "its", "their"})
# head nouns of an object that names a measure or a decision, not what was said ("condemned the US sanctions as
# unilateral", "announced restrictions against the agency", "dismissed the threat of sanctions"): an event, like
# a determiner and one noun; chosen on the s400 gold (no attribution there) after the verbs of judging took
# noun-phrase objects on PolNeAR train
_EVENT_NOUNS = frozenset({"decision", "decisions", "move", "moves", "sanction", "sanctions", "restriction",
                          "restrictions", "penalty", "penalties", "measure", "measures", "step", "steps", "action",
                          "actions", "threat", "threats"})
# verbs of naming, whose object with its "as" complement is what was said ("described the sanctions as an
# attack"): the measure nouns above do not make their object an event
_NAMING_LEMMAS = frozenset({"call", "describe", "refer to", "portray", "characterize", "liken"})
# first words of a phrase about the telling after a sentence-final frame ("said on the same call", "said with a
# laugh", "said after meeting aides"); chosen on PolNeAR train false negatives
_TAIL_PREPS = frozenset({"on", "in", "at", "during", "after", "before", "with", "from", "outside", "inside", "via",
                         "through", "last", "this", "earlier", "later", "today", "yesterday", "tonight"})
# tokens after a preposition searched for a time or medium word that makes it a phrase about the telling, which
# ends a noun-phrase content ("criticized Clinton [during a rally Friday]", "his attack on Carson [last night]");
# chosen on PolNeAR train (rows right after a content-object cue that missed the annotated noun phrase)
_OBJECT_TAIL_WINDOW = 5
# reflexive objects of an evidence verb: "has found itself at the center of", "saw himself as": a state, no report
_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself"})
# longest addressee (with a time phrase) after a sentence-final "told" that leaves the content on the left
# ("..., the minister told a Senate panel on Wednesday."), in words; chosen on PolNeAR train false negatives
_ADDRESSEE_ONLY_WORDS = 7
# longest fronted adverbial before an "according to" phrase between commas that the reported clause after it
# takes in ("Since last May, according to X, ..."), in words; chosen on PolNeAR train false negatives
_AROUND_LEFT_WORDS = 5
# verbs of offering, listing, naming and expressing: they report only with a subject that can speak
# (a person, group, organisation or document; "the episode offers another chance" reports nothing) and not
# negated ("did not offer details"); chosen with the verbs on PolNeAR train
_SPEAKER_VERBS = frozenset({"offer", "list", "portray", "characterize", "liken", "express", "go after"})
# adverbs that attribute their clause to an unnamed source ("is reportedly considering a run"); chosen on PolNeAR
# train false negatives
_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly"})
# one-word objects of a content-object verb that name a person ("endorsed him"); with a capitalised name
# ("endorsed Clinton") the only one-word contents kept; chosen on PolNeAR train false negatives
_PERSON_OBJECTS = frozenset({"him", "her", "them", "us", "me", "himself", "herself", "themselves"})


class _Indirect:
    """Reported speech (mixed into the analyser of :mod:`._rules`)."""

    def _indirect(self, a: int, b: int, prior: list[_Frame]) -> None:
        if self.lang_rules.sov_reported_speech:
            self._tr_indirect(a, b)
            return
        t = self.t
        k = a
        frames: list[tuple[_Frame, str]] = []
        cand = self.lex.candidates
        low = t.low
        nouns = self.lex.clause_nouns
        onouns = self.lex.object_nouns
        watch = self.lex.watch  # cue words, noun cues and "in" (one test per token on the common path)
        poll = None
        while k < b:
            w = low[k]
            if w not in watch:
                k += 1
                continue
            if w == "in" and poll is None and t.quote[k] == -1 and self.lang == "en":
                poll = self._poll_frame(k, a, b)
            if w in nouns and t.quote[k] == -1:
                nf = self._noun_frame(k, a, b)
                if nf is not None:
                    frames.append((nf, "indirect"))
                    k += 2
                    continue
            if w in onouns and t.quote[k] == -1 and k + 2 < b and t.low[k + 1] in onouns[w][1]:
                nf = self._noun_speaker(_Frame(k, k + 2, onouns[w][0]), k, a)
                if nf is not None:
                    frames.append((nf, "indirect"))
                    k += 2
                    continue
            if w not in cand or t.quote[k] != -1 and not t.mark[k]:
                k += 1
                continue
            acc = self._according_at(k) if t.quote[k] == -1 else None
            if acc is not None:
                np_ = self._np_right(acc, b, allow_cues=True)
                pron = [m for m in range(k, acc) if t.low[m] in self.pronouns or t.low[m] in _POSSESSIVE_PRON]
                if np_ is None and pron:
                    np_ = (pron[0], pron[0] + 1)  # "по его словам", "in his words"
                if np_ is not None and not self._cannot_speak(*np_):
                    frames.append((_Frame(k, acc, Cue("according to", "neutral", "speech", False, "phrase"),
                                          np_[0], np_[1]), "according_to"))
                    k = np_[1]
                    continue
            cue = self._cue_at(k) if t.quote[k] == -1 else None
            if cue is None and w == "asked" and self.lang == "en" and t.quote[k] == -1 and k not in self.consumed \
                    and k + 1 < b and t.low[k + 1] == "by":
                self._fronted(k, k + 1, self.lex.forms[w], a, b)  # "Asked by a reporter whether ..., Lee said"
            if cue is None or k in self.consumed or not cue[2].indirect:
                k += 1
                continue
            i0, i1, c = cue
            if t.low[i0] in _LIGHT_VERBS and self._voices_noun_cue(i1, b):
                k = i1  # "expressed concern that ...", "expressed support for ...": the noun cue reports it
                continue
            fr = self._subject_left(i0, a)
            if fr is None and (self.lang_rules.free_inversion or i0 > a and t.low[i0 - 1] in (",", "—", "–", "-")
                               and c.form in ("past", "s") and not c.object):
                fr = self._subject_right(i1, b, c.lemma)
            jj = self._skip_adverbs_left(i0 - 1, a)
            coord = fr is None and jj > a and t.low[jj] in ("and", "but", "or") and c.form in ("past", "s")
            if fr is None and (coord or c.form == "ing" and i0 > a
                               and t.low[i0 - 1] in (",", "by", "while", "before", "after", "—")):
                # participle: "..., saying that ..." -- the speaker is the sentence's subject
                fr = _Frame(i0, i1, c)
                before = [f for f, _k in frames if f.s0 >= 0 and self._human(f.s0, f.s1)] + \
                    [f for f in prior if 0 <= f.s0 < i0]
                if before:
                    pf = min(before, key=lambda f: f.c0)  # the sentence's main speaker, not a nested one
                    fr.s0, fr.s1, fr.a0, fr.a1, fr.antecedent = pf.s0, pf.s1, pf.a0, pf.a1, pf.antecedent
                else:
                    src = self._prior_subject(i0, a)
                    if src is not None:
                        fr.s0, fr.s1, fr.a0, fr.a1, fr.antecedent = src.s0, src.s1, src.a0, src.a1, src.antecedent
                fr.coord = True
                if fr.s0 < 0 and coord:
                    fr = None
            if fr is None and self.lang_rules.sov_reported_speech:
                fr = _Frame(i0, i1, c)
            if fr is None:
                if self.lang == "en":
                    self._fronted(i0, i1, c, a, b)  # "Asked whether ..., X said": frames inside still count
                k = i1
                continue
            fr.c0, fr.c1, fr.cue = i0, i1, c
            if fr.s0 >= 0 and self._cannot_speak(fr.s0, fr.s1):
                k = i1  # "the index declined 1.2 per cent": a price or a market does not speak
                continue
            if c.lemma in _SPEAKER_VERBS and (fr.s0 < 0 or not self._human(fr.s0, fr.s1) and not any(
                    t.low[m] in _DOCUMENT_NOUNS for m in range(fr.s0, fr.s1))
                    or i0 > a and (t.low[i0 - 1] in ("not", "n't", "never") or t.low[i0 - 1] in _NEGATED_AUX)):
                k = i1  # "the episode offers a chance", "did not offer details": no one said anything
                continue
            kind = "indirect"
            if fr.s0 > a and t.low[fr.s0 - 1] == "as" and (fr.s0 - 1 == a or t.low[fr.s0 - 2] in (",", ";")):
                kind = "according_to"  # "As the Daily Ledger reported on Monday, the designations ..."
            frames.append((fr, kind))
            k = i1
        if not frames and not prior and poll is not None:
            (fr, (s, e)) = poll
            if not any(t.quote[m] != -1 for m in range(s, e)):
                self._emit("according_to", t.start[s], t.end[e - 1], fr, a, b)
        if not frames and not prior and self.lang == "en":
            self._reportedly(a, b)
        if not frames:
            return
        spans = [self._content(fr, kind, a, b, frames, n_f) for n_f, (fr, kind) in enumerate(frames)]
        nested = self._nested_frames(frames, spans, prior)
        for n_f, (fr, kind) in enumerate(frames):
            span = spans[n_f]
            if span is None or n_f in nested:
                continue
            s, e = span
            # "..., the Harbour Gazette reported.": a clause opening the sentence before a final frame is reported
            left = e <= fr.c0 and fr.s0 >= 0 and e <= fr.s0 and t.low[fr.s0 - 1] == "," and s == a \
                and t.words(s, e) >= _FINAL_FRAME_LEFT_WORDS and (self._opens_clause(a, e) or self._ends_unit(fr, b) and (
                    self._is_clause(s, e, False) or any(_past_like(t.low[m]) for m in range(s, e))))
            if fr.cue is not None and fr.cue.clause and kind == "indirect" and not left \
                    and not self._is_clause(s, e, fr.cue.infinitive) \
                    and not (fr.cue.content_object and self._content_object(fr, s, e)):
                continue  # "condemned the move", "decided to side with": an event, not reported speech
            if kind == "indirect" and fr.c0 > a and t.low[fr.c0 - 1] in _NEGATED_AUX and fr.cue is not None \
                    and not fr.cue.clause and not self._is_clause(s, e, True):
                continue  # "didn't mention his own impact", "couldn't find anyone": a negated act, no report
            if kind == "indirect" and self._appearance(fr, s, e):
                continue  # "has shown little daylight": how someone looks, not what a source reports
            inner = sorted({t.quote[k] for k in range(s, e) if t.quote[k] != -1})
            if inner:
                # a direct quotation already attributed as a whole is not reported again
                if self._covered_by_direct(t.start[s], t.end[e - 1]):
                    continue
                if kind == "indirect":
                    kind = "mixed"
            self._emit(kind, t.start[s], t.end[e - 1], fr, a, b)
            if kind == "mixed":
                self._emit_fragments(s, e, fr, a, b)
            cont = self._continuation(fr, kind, s, e, a, b, frames, n_f)
            if cont is not None:
                self._emit(kind, t.start[cont[0]], t.end[cont[1] - 1], fr, a, b)


    def _according_around(self, fr: _Frame, kind: str, a: int, k: int, e: int, right0: int, hi: int):
        """Token span of a whole sentence that an "according to" phrase between commas interrupts after a
        fronted adverbial ("Since last May, according to the union, 400 workers have left"; "The next day,
        according to Lee, the mayor made new demands"): the adverbial belongs to the reported clause. None
        unless the left part is a short phrase with no verb and the right part a clause."""
        t = self.t
        if kind != "according_to" or fr.cue is None or fr.cue.lemma != "according to" or fr.c0 <= a \
                or t.low[fr.c0 - 1] != "," or right0 >= hi or t.low[right0] != "," or t.words(k, e) < _MIN_CONTENT_WORDS + 1:
            return None
        s = a
        while s < fr.c0 and (not _is_word(t.text[s]) or t.low[s] in ("but", "and", "so", "yet")):
            s += 1
        left = [m for m in range(s, fr.c0 - 1) if _is_word(t.text[m])]
        if not left or len(left) > _AROUND_LEFT_WORDS or any(
                t.low[m] in _AUX and t.low[m] not in _TIME_WORDS or _past_like(t.low[m]) or t.low[m] in self.lex.forms
                or t.low[m] in self.pronouns or t.quote[m] != -1 or t.low[m] in (",", ";", ":")
                for m in range(s, fr.c0 - 1)):
            return None
        if t.low[k] in ("who", "which", "whose", "that", "a", "an") or t.quote[k] != -1 \
                or not (self._is_clause(k, e, False) or any(_past_like(t.low[m]) for m in range(k, e))):
            return None  # "..., according to the union, a group that ...": an apposition, no clause
        return (s, e)

    def _reportedly(self, a: int, b: int) -> None:
        """A sentence with no frame whose verb "reportedly" (or "allegedly") qualifies reports its clause for
        an unnamed source ("The agency is reportedly making arrangements to ..."): the clause from its subject
        to the end of the sentence, with no speaker."""
        t = self.t
        adv = next((m for m in range(a, b) if t.low[m] in _HEARSAY_ADVERBS and t.quote[m] == -1), None)
        if adv is None or any(t.quote[m] != -1 for m in range(a, b)):
            return
        s = a
        for m in range(a, adv):  # the clause the adverb is in: after a fronted phrase or an earlier clause
            if t.low[m] in (",", ";", ":", "—", "–") or t.low[m] in _SUBORDINATORS:
                s = m + 1
        while s < adv and (not _is_word(t.text[s]) or t.low[s] in _LEADING_SKIP):
            s += 1
        e = b
        while e > adv and not _is_word(t.text[e - 1]):
            e -= 1
        if t.words(s, e) < _ACCORDING_MIN_WORDS or s == adv and (adv + 1 >= b or t.low[adv + 1] != ",") \
                or adv > a and t.low[adv - 1] in _PREPS:
            return  # "..., reportedly winning over ...", "for allegedly violating": no clause of its own
        fr = _Frame(adv, adv + 1, Cue(t.low[adv], "evidential", "evidence", False, "phrase"))
        self._emit("indirect", t.start[s], t.end[e - 1], fr, a, b)

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

    def _ends_unit(self, fr: _Frame, b: int) -> bool:
        """True when nothing but punctuation follows the frame's verb (and an inverted speaker) in the unit:
        "In Seattle, marchers honored the victims, a local station reported." ends with its frame."""
        t = self.t
        return not any(_is_word(t.text[m]) or t.quote[m] != -1 for m in range(max(fr.c1, fr.s1), b))

    def _opens_clause(self, a: int, e: int) -> bool:
        """True when the words a..e of a sentence can be a clause reported by a frame after them: the first word
        (after "and", "but", "also") is no preposition, subordinator or time word ("With 214 delegates at stake",
        "Just before the flight took off", "Friday morning, as ...") and no comma or quotation stands inside."""
        t = self.t
        k = a
        while k < e and (not _is_word(t.text[k]) or t.low[k] in _LEADING_SKIP):
            k += 1
        if k >= e or t.low[k] in _PREPS or t.low[k] in _SUBORDINATORS or t.low[k] in ("just", "to", "your", "my") \
                or t.low[k] in _TIME_WORDS and t.low[k] not in ("this", "that", "these", "may", "march"):
            return False
        end = e - 1 if t.low[e - 1] == "," else e
        return not any(t.low[m] in (",", ";", ":") or t.quote[m] != -1 for m in range(k, end))

    def _poll_frame(self, k: int, a: int, b: int):
        """ "Clinton led Sanders 2-1 in an NBC News/Marist poll", "In the new Post-ABC poll, Trump wins ...":
        a poll or survey that "in" introduces is the source of the clause it reports, like "according to".
        Returns the frame and the content's token span, or None."""
        t = self.t
        np_ = self._np_right(k + 1, b, allow_cues=True)
        if np_ is None or not any(t.low[m] in _POLL_NOUNS for m in range(*np_)):
            return None
        heads = [m for m in range(*np_) if t.low[m] in _POLL_NOUNS]
        if t.low[np_[0]] not in _POLL_DETS or heads[0] - np_[0] < 2 and not t.low[heads[0]].endswith("l"):
            return None  # "in polls", "in the polls", "in most surveys": the polls in general, no source
        h = heads[-1] + 1
        if h < b and _is_word(t.text[h]) and not _is_cap(t.text[h]) and not t.low[h][:1].isdigit() \
                and t.low[h] not in _POLL_TAIL:
            return None  # "voters in the survey approved": a verb follows, the phrase is inside a noun phrase
        fr = _Frame(k, k + 1, Cue("in", "evidential", "evidence", False, "phrase"), np_[0], np_[1])
        first = a
        while first < k and (not _is_word(t.text[first]) or t.low[first] in _LEADING_SKIP):
            first += 1
        if first == k:  # "In the new Post-ABC poll, CONTENT."
            if np_[1] >= b or t.low[np_[1]] != ",":
                return None
            s, e = np_[1] + 1, b
        else:  # "CONTENT in a new Fox News poll released Thursday."
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
        """A noun cue with a that-clause and a speaker: "his claim that ...", "Trump's warning that ...",
        "Sanders expressed concern that ...". None without a possessor or a voicing verb's subject (the
        allegations of nobody in particular are no attribution), or when "that" opens a relative clause
        ("a claim that was rejected")."""
        t = self.t
        if k + 2 >= b or t.low[k + 1] != "that" or t.quote[k + 2] != -1:
            return None
        nxt = t.low[k + 2]
        if nxt in _AUX or nxt in self.lex.forms or not _is_word(t.text[k + 2]) or nxt in _PREPS:
            return None  # "a claim that was rejected", "concerns that prompted ...": relative clauses
        return self._noun_speaker(_Frame(k, k + 1, self.lex.clause_nouns[t.low[k]]), k, a)

    def _noun_speaker(self, fr: _Frame, k: int, a: int) -> _Frame | None:
        """Frame ``fr`` of the noun cue at ``k`` with its speaker: the possessor ("his", "Sen. Ted Cruz's")
        or the subject of a verb that voices it ("expressed concern"); None without one."""
        t = self.t
        m = k - 1
        while m >= a and m > k - 1 - _NOUN_CUE_MODIFIERS and t.text[m][:1].islower() and _is_word(t.text[m]) \
                and t.low[m] not in _POSSESSIVE_DET and t.low[m] not in _DET and t.low[m] not in _PREPS \
                and not (t.low[m] in _LIGHT_VERBS and m - 1 >= a and t.low[m - 1] not in _POSSESSIVE_DET
                         and not t.low[m - 1].endswith(("'s", "’s"))):
            m -= 1  # adjectives: "his repeated claims that", "deep concern that"
        if m < a:
            return None
        w = t.low[m]
        if w in _POSSESSIVE_DET and w not in ("my", "your", "our"):
            fr.s0, fr.s1 = m, m + 1
            return fr
        if w.endswith(("'s", "’s")) and _is_cap(t.text[m]):
            s0 = m  # the name run: "Sen. Ted Cruz's"
            while s0 - 1 >= a and (_is_cap(t.text[s0 - 1]) or t.low[s0 - 1] == "." and s0 - 2 >= a
                                   and _is_cap(t.text[s0 - 2])):
                s0 -= 1
            fr.s0, fr.s1 = s0, m + 1
            return fr
        if w in _DET and m - 1 >= a:
            m -= 1  # "raised the concern that"
            w = t.low[m]
        if w in _LIGHT_VERBS:
            sub = self._subject_left(m, a)
            if sub is not None and sub.s0 >= 0 and not self._cannot_speak(sub.s0, sub.s1) \
                    and self._human(sub.s0, sub.s1):
                fr.s0, fr.s1, fr.a0, fr.a1, fr.antecedent = sub.s0, sub.s1, sub.a0, sub.a1, sub.antecedent
                return fr
        return None

    def _continuation(self, fr: _Frame, kind: str, s: int, e: int, a: int, b: int, frames, n_f: int):
        """Token span of the rest of a sentence that a frame interrupts: "It was impossible, Gabuyev said,
        so the leaders divided the labor" reports both sides; the left one is the content found, this is
        the right one. None unless the content opens the sentence, the frame stands between commas and the
        rest is a clause of its own words (not a phrase about the telling, not another frame)."""
        t = self.t
        if kind != "indirect" or fr.cue is None or fr.cue.cls != "speech" or fr.s0 < 0 or e > fr.c0:
            return None
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
        while end > k and not _is_word(t.text[end - 1]):
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
        if t.words(k, end) < _CONTINUATION_MIN_WORDS or any(t.quote[m] != -1 for m in range(k, end)):
            return None
        return (k, end)

    def _content_object(self, fr: _Frame, s: int, e: int) -> bool:
        """True when s..e is the noun-phrase object of a speech act whose object is what it says ("called
        Trump unhinged", "called for a special prosecutor", "described the field as good"): right after the
        cue, with a subject that can speak (a person, group or organisation, or a document), and more than an
        event named by a determiner and one noun ("condemned the move"), which names what happened, not what
        was said. A phrase of time or place first ("the penalties announced on Monday") is no object."""
        t = self.t
        if fr.s0 < 0 or s < fr.c1 or t.low[s] in _PREPS or t.low[s] in _TIME_WORDS or not (
                fr.cue.form == "noun" or self._human(fr.s0, fr.s1)
                or any(t.low[k] in _DOCUMENT_NOUNS for k in range(fr.s0, fr.s1))):
            return False
        if fr.cue.form == "noun":
            return True  # "her support for the candidate": the object noun names the act; its object is the content
        n = 0
        for k in range(s, e):  # the noun phrase up to a preposition: "the move on Monday" is "the move"
            if t.low[k] in (",", ";", ":", ".") or n and t.low[k] in _PREPS and t.low[k] != "of":
                break
            n += 1
        head = s
        while head + 1 < e and _is_word(t.text[head + 1]) and t.low[head + 1] not in _PREPS \
                and t.low[head + 1] != "as" and not t.low[head + 1].endswith("ed"):
            head += 1
        if t.low[head] in _EVENT_NOUNS and fr.cue.lemma not in _NAMING_LEMMAS:
            return False  # "condemned the US sanctions", "dismissed the threat of sanctions": a measure
        # "likened the race to a crash", "portrayed the plan as a gift": the complement says what was said
        return n > 2 or t.low[s] not in _EVENT_DETS or fr.cue.lemma in _NAMING_LEMMAS and any(
            t.low[k] in ("as", "to") for k in range(s, e))

    def _object_end(self, s: int, e: int) -> int:
        """End of the noun-phrase content s..e of a content-object cue without the phrase about the telling
        that follows it: a time word ("Carson last night"), or a preposition with a time or medium word
        close after it ("Clinton during a rally Friday", "the plan in a speech on Monday")."""
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
        [Cruz] surprised ...")."""
        t = self.t
        np_ = self._np_right(s, hi, allow_cues=True)
        if np_ is None:
            return None
        e = np_[1]
        for m in range(s + 1, e):
            if _past_like(t.low[m]) and not _is_cap(t.text[m]):
                e = m
                break
            if _is_cap(t.text[m - 1]) and _is_cap(t.text[s]) and not _is_cap(t.text[m]) and (
                    t.low[m] in _AUX or t.low[m] in self.lex.forms
                    or t.low[m].endswith("s") and not t.low[m].endswith("ss")):
                e = m  # "his attacks on Curiel are unusual": a name and then the main clause's verb
                break
        e = self._object_end(s, e)
        return (s, e) if e > s else None

    def _cannot_speak(self, s0: int, s1: int) -> bool:
        """True when the noun phrase s0..s1 names no possible source: its head is a price, an index, a
        market or an economic quantity ("the index", "shares", "the lira"), or it is a cue's participle alone."""
        t = self.t
        words = [k for k in range(s0, s1) if _is_word(t.text[k])]
        if not words:
            return False
        head = t.low[words[-1]]
        if len(words) == 1 and head.endswith("ing") and head in self.lex.forms:
            return True  # "was considering supporting the governor": a participle is no subject of "supporting"
        # "the polling average", "a survey index" report what polls found
        return head in _NON_SPEAKER_HEADS and not any(t.low[k] == "of" or t.low[k].startswith(("poll", "survey"))
                                                      for k in words)

    def _appearance(self, fr: _Frame, s: int, e: int) -> bool:
        """An evidence verb ("show", "find") with a noun-phrase object and a subject that is no document:
        an appearance or a discovery ("Trump has shown little daylight", "showed signs of"), not a report.
        Polls, studies, records and the like report what they show ("the poll showed Trump leading")."""
        if fr.cue is None or fr.cue.cls != "evidence" or s >= e:
            return False
        t = self.t
        if fr.s0 >= 0 and any(t.low[k] in _DOCUMENT_NOUNS for k in range(fr.s0, fr.s1)):
            return False
        if t.low[s] in _REFLEXIVES or t.low[s] in ("way", "ways") or s + 1 < e and t.low[s] in ("a", "new") \
                and t.low[s + 1] in ("way", "ways"):
            return True  # "found itself at the center of", "found ways to press his agenda": no finding reported
        return t.low[s] in _APPEARANCE_OBJECTS and not self._is_clause(s, e, False)

    def _nested_frames(self, frames, spans, prior: list[_Frame]) -> set[int]:
        """Indices of frames that are no attribution of their own: a cue inside the description of a
        speaker ("Tom Baker, a colonel who writes on defence, argued"), or inside the words another
        speaker is reported to have said ("Trump said he wants ...", "said the notice tells banks ...") --
        the outer attribution holds that clause, as the annotators of PolNeAR and of the s400 gold do."""
        out: set[int] = set()
        appos = [(f.a0, f.a1) for f, _k in frames if f.a0 >= 0] + [(f.a0, f.a1) for f in prior if f.a0 >= 0]
        for n_f, (fr, _k) in enumerate(frames):
            if any(a0 <= fr.c0 < a1 for a0, a1 in appos):
                out.add(n_f)
        for n_f, (fr, _k) in enumerate(frames):
            if n_f in out:
                continue
            for m, (f2, _k2) in enumerate(frames):
                sp = spans[m]
                if m != n_f and m not in out and sp is not None and f2.cue is not None and f2.cue.cls == "speech" \
                        and f2.c0 < fr.c0 and sp[0] <= fr.c0 < sp[1]:
                    out.add(n_f)
                    break
        return out


    def _content(self, fr: _Frame, kind: str, a: int, b: int, frames, n_f) -> tuple[int, int] | None:
        """Token span of the reported clause of frame ``fr`` in unit a..b."""
        t = self.t
        right0 = max(fr.c1, fr.s1 if fr.inverted or kind == "according_to" else fr.c1,
                     fr.a1 if (fr.inverted or kind == "according_to") else fr.c1)
        # the next frame whose subject starts a new clause ends this content
        hi = b
        for fr2, _k in frames[n_f + 1:]:
            s2 = fr2.c0 if fr2.coord else min(x for x in (fr2.s0, fr2.c0) if x >= 0) if fr2.s0 >= 0 else fr2.c0
            if s2 > right0 + _NEXT_FRAME_GAP and (t.low[s2 - 1] in _CLAUSE_BREAKS or t.low[s2 - 1] in _SUBORDINATORS
                                    and t.low[s2 - 2] == ","):
                hi = s2 - 1 if t.low[s2 - 1] in _CLAUSE_BREAKS else s2 - 2
                break
        k = right0
        if fr.cue is not None and fr.cue.form == "noun" and fr.cue.content_object:
            return self._noun_object(right0, hi)
        if self.lang_rules.sov_reported_speech and kind != "according_to":
            # Turkish: the reported clause stands between the subject and the verb
            s = (fr.s1 if fr.s1 >= 0 else a)
            if fr.a1 >= 0:
                s = max(s, fr.a1)
            while s < fr.c0 and not _is_word(t.text[s]):
                s += 1
            e = fr.c0
            return (s, e) if e - s >= _MIN_CONTENT_WORDS else None
        # skip the addressee, time phrases and "that"
        if fr.cue is not None and fr.cue.object and kind != "according_to":
            for m in range(k, min(hi, k + _ADDRESSEE_WINDOW)):
                if t.low[m] in self.lex.complementizers:
                    k = m
                    break
                if t.low[m] in (",", ";", ":", ".") or t.quote[m] != -1:
                    break
            else:
                pass
        k = self._skip_pp_right(k, hi)
        if k + 1 < hi and t.low[k].endswith("ly") and t.low[k + 1] in self.lex.complementizers:
            k += 1  # "has said repeatedly that ...": an adverb before the complementizer
        while k < hi and (t.low[k] in self.lex.complementizers or t.low[k] in (",", ":", "—", "–")):
            k += 1
        e = hi
        while e > k and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
            e -= 1
        # "Most economists agree, the report said.": what follows is a later frame closing the sentence (its
        # subject opens it, its verb ends it), so this cue reports nothing on its right; that frame reports
        # the clause on its left
        if k > right0 and t.low[k - 1] == "," and fr.s0 == a and any(
                fr2.s0 == k and not fr2.inverted and (fr2.c1 == e or fr2.c1 < e and t.low[fr2.c1] in _TAIL_PREPS
                                                      and t.words(fr2.c1, e) <= _FINAL_FRAME_TAIL_WORDS)
                for fr2, _k2 in frames[n_f + 1:]):
            return None
        words = t.words(k, e)
        around = self._according_around(fr, kind, a, k, e, right0, hi)
        if around is not None:
            return around
        left_words = t.words_but_and(a, fr.c0)
        acc_left = kind == "according_to" and fr.c0 > a and t.low[fr.c0 - 1] == "," and left_words >= _ACCORDING_MIN_WORDS and (
            words < _ACCORDING_MIN_WORDS or right0 < b and t.low[right0] in ("which", "who", "that", "whose") or t.low[k - 1] == ",")
        # "..., María López, president of the agency, said on Wednesday, less than ...": a sentence-final
        # frame after a comma keeps the clause on its left
        frame_start = min(x for x in (fr.s0, fr.c0) if x >= 0) if fr.s0 >= 0 else fr.c0
        csq = (kind != "according_to" and not fr.inverted and frame_start > a and t.low[frame_start - 1] == ","
               and left_words >= _FINAL_FRAME_LEFT_WORDS and k > right0 and t.low[k - 1] == "," and fr.s0 >= 0)
        # "..., said an official who spoke on condition of anonymity": a relative clause on the inverted
        # speaker describes the speaker; the content is on the left
        rel = fr.inverted and k < hi and t.low[k] in ("who", "whose", "which") and left_words >= _MIN_CONTENT_WORDS
        # "..., Anne Richards said on the same call." / "..., Biden said, clutching the lectern": what follows
        # a sentence-final frame is a phrase about the telling (a preposition or a participle first, no
        # complementizer), so the content is on the left
        tail = (kind != "according_to" and not acc_left and frame_start > a and t.low[frame_start - 1] == ","
                and left_words >= _FINAL_FRAME_LEFT_WORDS and fr.s0 >= 0 and k < hi
                and fr.cue is not None and fr.cue.form != "phrase" and fr.antecedent is None
                and t.low[fr.s0] not in ("who", "which", "that")
                and (t.low[k] in _TAIL_PREPS or t.low[k].endswith("ing") and t.low[k - 1] == ","
                     and t.low[k] not in self.lex.forms)
                and not any(t.low[m] in self.lex.complementizers or t.quote[m] != -1 for m in range(right0, hi)))
        # "..., Clinton leads by 271 delegates(,) according to a count by the AP": an according-to phrase after
        # a clause of its own reports that clause, unless a subordinator or "that" leads into it ("after,
        # according to him, Televisa censured his report")
        if kind == "according_to" and fr.cue is not None and fr.cue.lemma == "according to" \
                and left_words >= _ACCORDING_MIN_WORDS:
            p = fr.c0 - 1
            while p > a and t.low[p] == ",":
                p -= 1
            acc_left = t.low[p] not in _SUBORDINATORS and t.low[p] not in self.lex.complementizers \
                and t.low[p] not in _PREPS and _is_word(t.text[p])
        # "..., Defense Secretary Lee Park told a Senate panel Wednesday.": a sentence-final frame whose verb takes
        # an addressee and no clause after it reports the clause on its left
        addressee = (kind == "indirect" and not fr.inverted and fr.cue is not None and fr.cue.lemma == "tell"
                     and fr.s0 >= 0 and self._opens_clause(a, frame_start)
                     and frame_start > a and t.low[frame_start - 1] == "," and left_words >= _FINAL_FRAME_LEFT_WORDS
                     and right0 < hi and t.words(right0, hi) <= _ADDRESSEE_ONLY_WORDS
                     and not self._is_clause(right0, hi, True)
                     and not any(t.low[m] in self.lex.complementizers or t.quote[m] != -1 for m in range(right0, hi)))
        acc_left = acc_left or csq or rel or tail or addressee
        if (words >= _MIN_CONTENT_WORDS and kind != "according_to" or words >= _ACCORDING_MIN_WORDS) and not acc_left:
            return (k, e)
        if words == 1 and kind == "indirect" and not acc_left and fr.cue is not None and fr.cue.content_object \
                and k == right0 and (_is_cap(t.text[k]) or t.low[k] in _PERSON_OBJECTS):
            return (k, e)  # "endorsed Clinton", "criticized him": a one-word object names who the act is about
        # the content is on the left: "..., Smith said." / "..., according to X."
        left_end = min(x for x in (fr.s0, fr.c0) if x >= 0) if fr.s0 >= 0 else fr.c0
        if kind == "according_to":
            left_end = fr.c0
        s = a
        # start after a previous frame of this unit
        for fr2, _k2 in frames[:n_f]:
            end2 = max(fr2.c1, fr2.s1, fr2.a1)
            if fr2.cue is not None and fr2.cue.content_object and not fr2.inverted and fr2.s0 >= 0 \
                    and (fr2.s0 == s or t.low[fr2.s0 - 1] not in (",", ";", ":")):
                continue  # "The union condemned the move, the mayor said.": the act is part of what was said
            if end2 <= left_end:
                s = max(s, end2)
        e = left_end
        while e > s and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
            e -= 1
        while s < e and (not _is_word(t.text[s]) and not (t.quote[s] != -1 and t.mark[s])
                         or t.low[s] in ("but", "and", "so", "yet")):
            s += 1
        words = t.words(s, e)
        if words >= _MIN_CONTENT_WORDS:
            return (s, e)
        return None
