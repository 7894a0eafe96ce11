"""Indirect (reported) speech: the frames of a sentence ("X said that ...", "X told HBC ...", participles
("..., saying"), noun cues, polls, "reportedly") and which of them are attributions; the content span of each
frame is in :mod:`._content`; noun cues ("his claim that") are in :mod:`._noun_cues`.
"""

from __future__ import annotations

from ._content import _ACCORDING_MIN_WORDS, _FINAL_FRAME_LEFT_WORDS
from ._lexicon import Cue
from ._tokens import _Frame, _is_cap, _is_word
from ._words import (
    _APPEARANCE_OBJECTS,
    _AUX,
    _DET,
    _DOCUMENT_NOUNS,
    _LEADING_SKIP,
    _MEDIUM_WORDS,
    _NEGATED_AUX,
    _NON_SPEAKER_HEADS,
    _POSSESSIVE_PRON,
    _PREPS,
    _QUESTION_WORDS,
    _SUBORDINATORS,
    _TIME_WORDS,
    _past_like,
)

# most tokens from the start of a content to the past tense of its plural subject ("at least six planes filled")
_PAST_CLAUSE_WINDOW = 6

# verbs whose subject voices a noun cue ("expressed concern that", "raised the fear that"), as lower-case forms;
# chosen on PolNeAR train false negatives
_LIGHT_VERBS = frozenset({
    "express", "expressed", "expresses", "expressing", "voice", "voiced", "voices", "voicing", "raise", "raised",
    "raises", "raising", "repeat", "repeated", "repeats", "repeating", "reiterate", "reiterated", "reiterates",
    "reiterating", "make", "made", "makes", "making", "echo", "echoed", "echoes", "echoing", "renew", "renewed",
    "renews", "renewing", "issue", "issued", "issues", "issuing", "share", "shared", "shares", "sharing",
    "give", "gave", "given", "gives", "giving"})
# subjects that hold no belief before "is sure", "was certain" ("it is certain that", "this is sure to")
_EXPLETIVES = frozenset({"it", "this", "that", "there", "what", "which"})
# verbs of belief whose object in a speaker's description is a clause ("Lee, who thinks the plan failed, said"),
# unlike "who has seen the messages", "who wants Gantt removed"
_BELIEF_LEMMAS = frozenset({"think", "believe", "fear", "doubt", "suspect", "expect", "hope"})
# reflexive objects of an evidence verb: "has found itself at the center of", "saw himself as": a state, no report
_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself"})
# verbs of offering, listing, naming and expressing: they report only with a subject that can speak
# (a person, group, organisation or document; "the episode offers another chance" reports nothing) and not
# negated ("did not offer details"); chosen with the verbs on PolNeAR train
_SPEAKER_VERBS = frozenset({"offer", "list", "portray", "characterize", "liken", "express", "go after"})
# words that open a noun-phrase object of "feel" (a sensation, not a belief: "feel the pinch", "felt this way")
_FELT_OBJECT_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "it", "no", "any"})
# auxiliaries that open a yes-no question before its subject ("Do you support ...?", "Would you say ...?")
_QUESTION_AUX = frozenset({"do", "does", "did", "would", "will", "can", "could", "should", "shall", "must"})
# adverbs that attribute their clause to an unnamed source ("is reportedly considering a run"); chosen on PolNeAR
# train false negatives
_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly"})
# the openings of a content that only describes the speaker's anonymity ("who declined to be identified", "asking
# for anonymity", "who asked not to be named"): no reported words; chosen on PolNeAR train false positives
_ANONYMITY_OPENINGS = (("to", "be", "identified"), ("to", "be", "named"), ("to", "be", "quoted"),
                       ("not", "to", "be", "identified"), ("not", "to", "be", "named"), ("for", "anonymity"),
                       ("anonymity",), ("to", "comment"))
# the cues whose "to a request for comment" object reports nothing ("did not respond to a request for comment")
_ANSWER_LEMMAS = frozenset({"respond", "reply", "return"})
# the nouns of an unanswered request in such an object ("to requests for comment", "to messages seeking comment")
_REQUEST_NOUNS = frozenset({"request", "requests", "message", "messages", "call", "calls", "email", "emails",
                            "inquiry", "inquiries", "query", "queries"})
# the most tokens between "to" and the request noun ("to The Harbour Herald's repeated requests"); chosen on
# PolNeAR train
_REQUEST_NOUN_MAX_OFFSET = 6

# adverbs of sequence between a comma and a participle cue ("..., eventually saying", "..., then telling"); set
# by hand
_PARTICIPLE_SEQUENCE_ADVERBS = frozenset({"then", "later", "again", "also", "once", "first", "still", "even", "finally",
                               "eventually", "ultimately", "subsequently", "initially", "repeatedly", "further"})

# prepositions and conjunctions before a participle cue whose subject is the sentence's ("surprised the mayor by
# suggesting that", "erred in saying that")
_GERUND_PREPS = frozenset({"by", "while", "before", "after", "in"})

# past and present forms of verbs of motion or appearance whose subject speaks in a to-infinitive of purpose after
# them ("took to Twitter to say", "stood up to say", "called a news conference to announce"); set by hand
_MOTION_VERBS = frozenset({"took", "takes", "stood", "stands", "rose", "rises", "went", "goes", "came", "comes",
                           "stepped", "steps", "returned", "returns", "appeared", "appears", "turned", "turns",
                           "flew", "flies", "traveled", "travelled", "travels", "walked", "arrived", "arrives",
                           "called", "calls", "held", "holds", "convened", "convenes", "showed", "shows", "sat", "sits",
                           "met", "meets"})
# the most tokens between such a verb and the "to" of the speech verb ("stood at a Bell event here to say")
_PURPOSE_MAX_TOKENS = 8

# verbs of aspect before "to" and a verb of belief, whose subject holds the belief ("continues to believe that",
# "began to think that"); set by hand
_INFINITIVE_ASPECT_VERBS = frozenset({"continue", "continues", "continued", "continuing", "began", "begin", "begins", "begun",
                           "started", "start", "starts", "tend", "tends", "tended"})

# heads of a source after "according to" that are otherwise no speakers ("according to one global index",
# "according to the polling average"); set by hand
_RANKING_HEADS = frozenset({"index", "indices", "indexes", "average", "averages", "ranking", "rankings", "tally"})

# adjectives that judge a speech act between a form of "be" and its to-infinitive ("is right to note that", "was
# quick to point out that"); set by hand
_JUDGED_ADJECTIVES = frozenset({"right", "correct", "wrong", "quick", "careful", "eager", "keen", "fair", "wise",
                                "accurate", "mistaken"})
_COPULA_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "am"})

# verbs of turning to an act before "to" and a speech gerund ("pivoted to arguing", "has taken to saying"); set by
# hand
_TURN_VERBS = frozenset({"pivoted", "pivots", "turned", "turns", "took", "taken", "takes", "resorted", "resorts",
                         "switched", "shifted", "moved", "returned"})

# verbs of trying and adjectives of readiness before "to" and a speech verb, whose subject speaks ("tried to argue
# that", "is poised to argue", "were able to convince"); set by hand
_TRYING_VERBS = frozenset({"try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting",
                           "struggle", "struggles", "struggled", "struggling", "managed", "manages", "rushed",
                           "hastened", "sought", "seeks", "seeking", "moved", "moves"})
_READY_ADJECTIVES = frozenset({"poised", "ready", "able", "unable", "set", "prepared", "going", "about", "likely",
                               "unlikely", "expected", "due"})

# words that stand for a whole reported clause after a cue ("I think so", "she said no", "hope not")
_PRO_FORMS = frozenset({"so", "no", "yes", "not"})

# prepositions that open a phrase of the telling's time, medium, place or addressee after a speech cue ("said at the
# time", "wrote to investors"); set by hand
_CIRCUMSTANCE_PREPS = frozenset({"at", "in", "on", "via", "during", "through", "to"})
# verbs of saying and writing whose content such a phrase cannot be (not "respond to", "admit to", "vow to",
# "complain to", "relate to": their object is what they report); set by hand
_TELLING_LEMMAS = frozenset({"say", "write", "tell", "add", "post", "proclaim", "declare", "state", "imply",
                             "acknowledge", "claim", "explain", "announce"})
# the most words of such a phrase of place or outlet ("at the party's state convention in Ohio"); set by hand
_CIRCUMSTANCE_MAX_WORDS = 8

# disputes over a question (attribution_verbs.yaml): they report only the question ("split on whether ...")
_DISPUTE_LEMMAS = frozenset({"disagree on", "disagree over", "clash on", "clash over", "battle on", "battle over",
                             "bicker on", "bicker over", "split on", "split over"})


class _Indirect:
    """Reported speech (mixed into the analyser of :mod:`._rules`)."""

    def _indirect(self, a: int, b: int, prior: list[_Frame]) -> None:
        if self.lang_rules.sov_reported_speech:
            self._tr_indirect(a, b)
            return
        t = self.t
        k = a
        frames: list[tuple[_Frame, str]] = []
        pro_forms: set[int] = set()  # cue tokens of frames whose content is a pro-form, emitted already
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
            if w == "in" and t.quote[k] == -1 and self.lang == "en":
                vf = self._view_frame(k, a, b)
                if vf is not None:
                    frames.append((vf, "according_to"))
                    k = vf.c1
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
                if np_ is not None and not self._cannot_speak(*np_) and self.lang == "en" \
                        and self._pronoun_content(a, k) is not None:
                    # "... it raised $21 million. That's according to its filings.": the sentence reports the
                    # pronoun that stands for the previous sentence, which annotators mark as the content
                    fr = _Frame(k, acc, Cue("according to", "neutral", "speech", False, "phrase"), np_[0], np_[1])
                    self._emit("according_to", t.start[a], self._pronoun_content(a, k), fr, a, b)
                    k = np_[1]
                    continue
                if np_ is not None and (not self._cannot_speak(*np_) or self._ranking_source(*np_)):
                    frames.append((_Frame(k, acc, Cue("according to", "neutral", "speech", False, "phrase"),
                                          np_[0], np_[1]), "according_to"))
                    k = np_[1]
                    continue
            cue = self._cue_at(k) if t.quote[k] == -1 else None
            passive = k > a and t.low[k - 1] in ("was", "were", "is", "are", "been", "being")
            if cue is None and w == "asked" and self.lang == "en" and t.quote[k] == -1 and k not in self.consumed \
                    and (k + 1 < b and t.low[k + 1] == "by" or passive):
                # "Asked by a reporter whether ..., Lee said"; "he was asked (by a caller) whether ..."
                self._fronted(k, k + 1, self.lex.forms[w], a, b, passive=passive)
            if cue is None or k in self.consumed or not cue[2].indirect:
                k += 1
                continue
            i0, i1, c = cue
            if c.adjective and not self._is_clause(self._skip_pp_right(i1, b), b, False):
                k += 1  # "were worried about the vote", "are skeptical of free trade": the adjective's own cue
                continue
            if t.low[i0] in _LIGHT_VERBS and self._voices_noun_cue(i1, b):
                k = i1  # "expressed concern that ...", "expressed support for ...": the noun cue reports it
                continue
            fr = self._subject_left(i0, a)
            if fr is None and c.form == "base" and c.cls in ("cognition", "evidence") and i0 - 2 >= a and t.low[i0 - 1] == "to" \
                    and t.low[i0 - 2] in _INFINITIVE_ASPECT_VERBS and i1 < b and (t.low[i1] in self.lex.complementizers
                                                                       or c.cls == "cognition" and self._finite_clause(i1, b)):
                # "Ann Lee continues to believe that ...", "polls continue to show that ...": the subject of "continues"
                fr = self._subject_left(i0 - 2, a)
            if fr is None and c.form == "ing" and c.cls == "speech" and i0 - 2 >= a and (
                    t.low[i0 - 1] == "to" and t.low[i0 - 2] in _TURN_VERBS
                    or t.low[i0 - 1] == "of" and i0 - 4 >= a and t.low[i0 - 2] == "point" and t.low[i0 - 3] == "a"
                    and t.low[i0 - 4] in ("made", "make", "makes", "making")):
                # "Lee pivoted to arguing that ...", "has taken to saying", "made a point of saying": the subject of
                # the verb before the gerund
                v = i0 - 2 if t.low[i0 - 1] == "to" else i0 - 4
                fr = self._subject_left(v, a)
                if fr is not None and (fr.s0 < 0 or not self._human(fr.s0, fr.s1)):
                    fr = None
            if fr is None and c.form == "base" and i0 - 2 >= a and t.low[i0 - 1] == "to" and (
                    c.cls == "speech" or c.cls == "evidence" and i1 < b and (
                        t.low[i1] in self.lex.complementizers or self._finite_clause(i1, b))) \
                    and (t.low[i0 - 2] in _TRYING_VERBS and (not t.low[i0 - 2].endswith("ing") or i0 - 3 >= a and (
                        t.low[i0 - 3] in _COPULA_FORMS or t.low[i0 - 3] in (",", "and", "been") or t.low[i0 - 3] in _TIME_WORDS
                        or t.low[i0 - 3].endswith("ly") and len(t.low[i0 - 3]) > 4 or self._contracted_copula(i0 - 3)))
                         or t.low[i0 - 2] in _READY_ADJECTIVES and i0 - 3 >= a and (
                             t.low[i0 - 3] in _COPULA_FORMS or self._contracted_copula(i0 - 3))):
                # (a participle of trying after a noun describes it: "a heckler trying to ask her")
                # "Lee tried to argue that ...", "Lee is poised to argue ...", "have been able to convince judges
                # that ...", "He's poised to argue": the subject of the verb of trying speaks, when it can
                fr = self._subject_left(i0 - 2 if t.low[i0 - 2] in _TRYING_VERBS or self._contracted_copula(i0 - 3)
                                        else i0 - 3, a)
                if fr is not None and (fr.s0 < 0 or not self._human(fr.s0, fr.s1)):
                    fr = None
            if fr is None and c.form == "base" and c.cls == "speech" and i0 - 3 >= a and t.low[i0 - 1] == "to" \
                    and t.low[i0 - 2] in _JUDGED_ADJECTIVES and t.low[i0 - 3] in _COPULA_FORMS \
                    and any(t.low[m] in self.lex.complementizers for m in range(i1, min(b, i1 + 4))):
                fr = self._subject_left(i0 - 3, a)  # "he is correct to note that ...": the subject of "is"
            if fr is not None and c.form == "ing" and i0 > a and t.low[i0 - 1] in _GERUND_PREPS \
                    and fr.s1 == i0:
                fr = None  # "Lee surprised the mayor by suggesting that": the participle's subject is the sentence's
            if fr is not None and fr.s0 >= 0 and i0 > a and t.low[i0 - 1] == "," and c.form in ("past", "s") \
                    and not c.object and not self._human(fr.s0, fr.s1):
                inv = self._subject_right(i1, b, c.lemma)  # "..., are difficult to prove, said Grant Green, ..."
                if inv is not None and self._human(inv.s0, inv.s1) and _is_cap(t.text[inv.s0]):
                    fr = inv
            if fr is None and (self.lang_rules.free_inversion or i0 > a and t.low[i0 - 1] in (",", "—", "–", "-")
                               and c.form in ("past", "s") and not c.object):
                fr = self._subject_right(i1, b, c.lemma)
            if fr is None and self.lang == "en" and c.form == "base" and c.cls == "speech" and not c.object \
                    and i0 > a and t.low[i0 - 1] == "," and t.words(a, i0) >= _FINAL_FRAME_LEFT_WORDS:
                # "..., say some Democrats.", "..., say experts like Ann Lee, ...": a present-tense verb before
                # its plural subject
                inv = self._subject_right(i1, b, c.lemma)
                if inv is not None and self._plural_subject(inv.s0, inv.s1):
                    fr = inv
            jj = self._skip_adverbs_left(i0 - 1, a)
            coord = fr is None and jj > a and t.low[jj] in ("and", "but", "or") and (c.form in ("past", "s") or (
                # "... gave no figures and did not say how ...": a base form after "did", "does" or "do"
                c.form == "base" and any(t.low[x] in ("did", "does", "do") for x in range(jj + 1, i0))
                # "voters may listen and conclude that", "Lee didn't come out and say": a base form coordinated
                # with another after a modal
                or c.form == "base" and jj == i0 - 1 and t.low[jj] == "and" and self._modal_verb_before(jj, a)))
            # "..., calling them liars and vowing to ...": a participle coordinated with an earlier one
            and_ing = fr is None and c.form == "ing" and jj > a and t.low[jj] == "and" and not c.content_object \
                and t.low[i0 - 1] not in (",", "—") and t.low[i0 - 1] not in _GERUND_PREPS \
                and self._participle_before(jj, a)
            # "after initially saying", "– saying", '“Golden Week,” saying': an adverb, an en dash or a comma
            # inside a closing quotation mark before the participle
            ing_open = c.form == "ing" and i0 > a and (
                jj >= a and t.low[jj] in ("after", "before", "while", "by") and jj < i0 - 1
                and all(t.low[x].endswith("ly") for x in range(jj + 1, i0))
                or t.low[i0 - 1] == "–"
                # "..., eventually saying", "..., then telling reporters": a comma and adverbs of time or manner
                or jj >= a and t.low[jj] == "," and jj < i0 - 1 and all(
                    t.low[x] in _PARTICIPLE_SEQUENCE_ADVERBS or t.low[x].endswith("ly") and len(t.low[x]) > 4
                    and not _is_cap(t.text[x]) for x in range(jj + 1, i0))
                or jj >= a and t.low[jj] in _TIME_WORDS and fr is None  # "spending the past week bickering over"
                or i0 - 2 >= a and t.quote[i0 - 1] != -1 and t.mark[i0 - 1] and t.low[i0 - 2] == ",")
            if fr is None and (coord or and_ing or ing_open or c.form == "ing" and i0 > a
                               and (t.low[i0 - 1] in (",", "—") or t.low[i0 - 1] in _GERUND_PREPS)):
                # participle: "..., saying that ..." -- the speaker is the sentence's subject
                fr = _Frame(i0, i1, c)
                before = [f for f, _k in frames if f.s0 >= 0 and self._human(f.s0, f.s1)] + \
                    [f for f in prior if 0 <= f.s0 < i0]
                # the sentence's main speaker, not a nested one nor one of a fronted subordinate clause
                pf = self._participle_frame(before, i0, a)
                if pf is not None:
                    fr.s0, fr.s1, fr.a0, fr.a1, fr.antecedent = pf.s0, pf.s1, pf.a0, pf.a1, pf.antecedent
                else:
                    src = self._prior_subject(i0, self._main_clause_start(a, i0))
                    if src is None and self.lang == "en" and c.form == "ing" \
                            and (np_ := self._fronted_clause_subject(i0, a, b)) is not None:
                        # "Afterwards, calling the count unfair, her aides said": the main clause's subject
                        src = _Frame(-1, -1, None, np_[0], np_[1])
                    if src is not None:
                        fr.s0, fr.s1, fr.a0, fr.a1, fr.antecedent = src.s0, src.s1, src.a0, src.a1, src.antecedent
                fr.coord = True
                if fr.s0 < 0 and coord or and_ing and (fr.s0 < 0 or not self._human(fr.s0, fr.s1)):
                    fr = None  # (a coordinated participle needs a speaking subject: not "the sense of a lull")
                elif t.low[i0 - 1] == "in" and (c.cls != "speech" or fr.s0 < 0 or not self._human(fr.s0, fr.s1)):
                    fr = None  # "erred in saying that": a speech act of a speaking subject (not "a step in determining")
            if fr is None and self.lang == "en" and c.form == "base" and c.cls == "speech" and i0 - 1 > a \
                    and t.low[i0 - 1] == "to":
                fr = self._purpose_subject(i0 - 1, a)  # "took to Twitter to say", "stood at a rally to say"
            if fr is None and self.lang_rules.sov_reported_speech:
                fr = _Frame(i0, i1, c)
            if fr is None and self.lang == "en" and c.form == "ing" and i0 == a and t.quote[i0] == -1:
                # "Calling the count unfair, her aides said ...": a participle opening the sentence, with no
                # that-clause (._according._fronted takes those), reports for the main clause's subject
                if self._fronted(i0, i1, c, a, b):
                    k = i1
                    continue
                # a speech verb only, its phrase up to the comma before that subject a clause or the object of a
                # verb whose object is what it says, with no other cue inside (not "Reading from a prepared text,
                # Lee ...", "Recalling the pitfalls, the party ...", "Listing ... she added, ...")
                np_ = self._fronted_clause_subject(i0, a, b) if c.cls == "speech" else None
                if np_ is not None and all(self._cue_at(m) is None for m in range(i1, np_[0] - 1)) and (
                        c.content_object or self._is_clause(i1, np_[0] - 1, False)):
                    fr = _Frame(i0, i1, c, np_[0], np_[1])
                    fr.coord = True
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
            if c.adjective and (fr.s0 < 0 or t.low[fr.s0] in _EXPLETIVES):
                k = i1  # "it is certain that ...", "the outcome is sure": an adjective of belief needs a believer
                continue
            if c.lemma == "say" and i0 > a and t.low[i0 - 1] in ("easier", "sooner") and i1 < b and t.low[i1] == "than":
                k = i1  # "easier said than done": an idiom, nobody said anything
                continue
            if fr.s0 >= 0 and not fr.inverted and i1 < b and t.low[i1] in _PRO_FORMS and t.quote[i1] == -1 \
                    and (i1 + 1 >= b or t.low[i1 + 1] in (".", ",", ";", "!", "?")):
                # "I think so.", "the candidate said no.", "most said yes, but ...": a pro-form stands for the clause
                self._emit("indirect", t.start[i1], t.end[i1], fr, a, b)
                pro_forms.add(i0)  # (the frame still bounds the content of an earlier one: "Lee, who thinks ...,
                frames.append((fr, "indirect"))  # said no.")
                k = i1 + 1
                continue
            kind = "indirect"
            # "As the crowd began to chant, Lee joked ...": a cue after "to" or a verb of aspect in an "as" clause is
            # no "As X said" but a time; it reports only its own object ("As critics continue to warn that ...")
            nonfinite = (c.form == "base" and t.low[i0 - 1] == "to" or c.form == "ing" and t.low[i0 - 1] not in _AUX) \
                and any(t.low[m] == "," for m in range(i1, b))  # (a main clause follows: not "..., as they took to saying.")
            if nonfinite and fr.s0 > a and t.low[fr.s0 - 1] == "as" and (i1 >= b or t.low[i1] in (",", ";", "—", "–")):
                k = i1
                continue
            if fr.s0 > a and t.low[fr.s0 - 1] == "as" and not nonfinite and (fr.s0 - 1 == a or t.low[fr.s0 - 2] in (",", ";") or (
                    # '..., as the host said in April' after a closing quotation mark: '...,'' as the host said'
                    fr.s0 - 2 > a and t.quote[fr.s0 - 2] != -1 and t.mark[fr.s0 - 2] and t.low[fr.s0 - 3] == ",")):
                kind = "according_to"  # "As the Daily Ledger reported on Monday, the designations ..."
            frames.append((fr, kind))
            k = i1
        frames = [(fr, kind) for fr, kind in frames if not self._as_time(fr, kind, frames, a)]
        if not frames and not prior and poll is not None:
            (fr, (s, e)) = poll
            if not any(t.quote[m] != -1 for m in range(s, e)):
                self._emit("according_to", t.start[s], t.end[e - 1], fr, a, b)
        if not frames and not prior and self.lang == "en":
            self._reportedly(a, b)
        if not frames:
            return
        self._interrupting = set()  # frames between commas inside another frame's content (see _content)
        # a frame whose content is an event reports nothing, so it holds no other frame and does not bound the
        # content of a later one ("In Chicago, organizers added 160 security personnel ..., the Ledger-Times
        # reported.")
        self._silent = set()
        raw = []
        for n_f, (fr, kind) in enumerate(frames):
            raw.append(self._content(fr, kind, a, b, frames, n_f))
            if raw[-1] is not None and (topic := self._amount_topic(fr, *raw[-1])) is not None:
                raw[-1] = (topic, raw[-1][1])  # "said little about the bridge": the topic (._non_reports)
            if raw[-1] is not None and self._no_report(fr, kind, raw[-1][0], raw[-1][1], a, b):
                self._silent.add(n_f)
        # (a pro-form frame reports its pro-form, emitted already, so it holds no later frame: "Lee said yes;
        # Kim said the server was improper")
        raw = [None if fr.c0 in pro_forms else span for span, (fr, _kind) in zip(raw, frames)]
        spans = [None if n_f in self._silent else span for n_f, span in enumerate(raw)]
        # ... but an act on a noun phrase inside the event's object stays part of the event ("rejected
        # Washington's criticism of the deal", "condemned the decision, and Lee criticised Ottawa")
        nested = self._nested_frames(frames, spans, prior) | self._interrupting | {
            n_f for n_f in self._nested_frames(frames, raw, prior)
            if frames[n_f][0].cue is not None and frames[n_f][0].cue.content_object}
        emitted: set[tuple[int, int, int]] = set()
        for n_f, (fr, kind) in enumerate(frames):
            span = spans[n_f]
            if span is None or n_f in nested or fr.c0 in pro_forms:
                continue
            s, e = span
            if (s, e, fr.s0) in emitted and fr.cue is not None and fr.cue.form == "noun":
                continue  # "Lee answered with the claim that ...": the noun cue reports what the verb does
            emitted.add((s, e, fr.s0))
            inner = sorted({t.quote[k] for k in range(s, e) if t.quote[k] != -1})
            if inner:
                # a direct quotation already attributed as a whole is not reported again
                if self._covered_by_direct(t.start[s], t.end[e - 1]):
                    continue
                if kind == "indirect":
                    kind = "mixed"
            if kind == "mixed" and self._has_mixed(t.start[s], t.end[e - 1], t.start[a]):
                continue  # the clause of a fragment before its cue, already emitted with its direct row
            self._emit(kind, t.start[s], t.end[e - 1], fr, a, b)
            if kind == "mixed":
                self._emit_fragments(s, e, fr, a, b)
            cont = self._continuation(fr, kind, s, e, a, b, frames, n_f)
            if cont is not None:
                c_kind = "mixed" if any(t.quote[m] != -1 for m in range(*cont)) else kind
                self._emit(c_kind, t.start[cont[0]], t.end[cont[1] - 1], fr, a, b)
                if c_kind == "mixed":
                    self._emit_fragments(cont[0], cont[1], fr, a, b)

    def _no_report(self, fr: _Frame, kind: str, s: int, e: int, a: int, b: int) -> bool:
        """True when frame ``fr`` with content tokens s..e reports nothing: a verb that needs a clause with a
        noun phrase after it ("condemned the move", "decided to side with"), a negated act ("didn't mention
        his own impact") or an appearance ("has shown little daylight")."""
        t = self.t
        # "..., the Harbour Gazette reported.": a clause opening the sentence before a final frame is reported
        left = e <= fr.c0 and fr.s0 >= 0 and e <= fr.s0 and t.low[fr.s0 - 1] == "," and s == a \
            and t.words(s, e) >= _FINAL_FRAME_LEFT_WORDS and (self._opens_clause(a, e) or self._ends_unit(fr, b) and (
                self._is_clause(s, e, False) or any(_past_like(t.low[m]) for m in range(s, e))))
        # "Dredging the harbour, he promised, was one of his priorities": a subject before a frame between
        # commas and its verb after it make one reported clause around the frame
        split = e <= fr.c0 and s == a and fr.s0 >= 0 and fr.s0 > a and t.low[fr.s0 - 1] == "," and not fr.inverted \
            and self._verb_after_frame(fr, b)
        s_c = s
        if s < fr.c0 and fr.c1 < e:
            # "But, the director added, it's not the way": a content around its own frame is a clause after it
            m = self._skip_pp_right(max(fr.c1, fr.s1, fr.a1), e)
            s_c = m + 1 if m + 1 < e and t.low[m] == "," else s
        if fr.cue is not None and fr.cue.clause and kind == "indirect" and not left and not split \
                and not self._is_clause(s_c, e, fr.cue.infinitive) \
                and not (fr.cue.cls in ("speech", "evidence") and fr.cue.stance != "critical"
                         and self._plural_past_clause(s_c, e)) \
                and not (fr.cue.content_object and self._content_object(fr, s_c, e)):
            return True  # "condemned the move", "decided to side with": an event, not reported speech
        if kind == "indirect" and fr.c0 > a and t.low[fr.c0 - 1] in _NEGATED_AUX and fr.cue is not None \
                and not fr.cue.clause and not self._is_clause(s, e, True):
            return True  # "didn't mention his own impact", "couldn't find anyone": a negated act, no report
        if kind == "indirect" and fr.cue is not None and fr.cue.lemma == "feel" and s < e \
                and t.low[s] in _FELT_OBJECT_OPENERS and not self._is_clause(s, e, False) \
                and not (t.low[s] == "a" and s + 1 < e and t.low[s + 1] in ("little", "bit", "lot")):
            return True  # "feel this way", "feels the spotlight": a sensation, no belief ("feel a little better" is a state)
        if kind == "indirect" and fr.cue is not None and fr.cue.lemma in _DISPUTE_LEMMAS and s < e \
                and t.low[s] not in _QUESTION_WORDS:
            return True  # "was split over the plan while the vote was open": a dispute reports only a question
        if kind == "indirect" and fr.cue is not None and fr.cue.lemma == "back" and s < e \
                and t.low[s] in ("down", "away", "off", "out") and s == fr.c1:
            return True  # "did not back down", "was backing away from": a retreat, not an endorsement
        if kind == "indirect" and self._asks(fr, a, b):
            return True  # "Do you support Ann Lee?", "Would you say the plan failed?": a question, no report
        if kind == "indirect" and self._no_words(fr, s, e):
            return True  # "who declined to be identified", "did not respond to a request for comment"
        if self._not_a_report(fr, kind, s, e):
            return True  # "called off the talks", "posted a loss" (._non_reports)
        if kind == "indirect" and self._only_circumstance(fr, s, e, b):
            return True  # "said at the time", "wrote to investors": where or to whom, no reported words
        return kind == "indirect" and self._appearance(fr, s, e)  # "has shown little daylight"

    def _only_circumstance(self, fr: _Frame, s: int, e: int, b: int) -> bool:
        """True when the content s..e of a verb of saying or writing is only a short phrase of the telling's time,
        medium or place ("said at the time", "said in a statement provided to the Ledger", "writing at the Daily
        Ledger") or its addressee ("wrote to investors"): a preposition first, no verb, nothing reported. The
        phrase ends the sentence (unit ..``b``): not 'wrote to the bank's chief, threatening “a lawsuit,” ...'."""
        t = self.t
        if any(_is_word(t.text[m]) or t.quote[m] != -1 for m in range(e, b)):
            return False
        if fr.cue is None or fr.cue.lemma not in _TELLING_LEMMAS or s + 1 >= e or t.low[s] not in _CIRCUMSTANCE_PREPS \
                or t.words(s, e) > _CIRCUMSTANCE_MAX_WORDS or self._is_clause(s, e, False) or any(
                    t.quote[m] != -1 or t.low[m] in (",", ";", ":", "—", "–") for m in range(s, e)):
            return False
        nxt = t.low[s + 1]
        if not (nxt in _DET or _is_cap(t.text[s + 1]) or t.low[s] == "to" and nxt.endswith("s") and nxt not in self.lex.forms):
            return False  # ("said to be careful", "said in part"): no noun phrase after the preposition
        # (every word after the preposition a noun phrase's, but the participle of a medium: "in a statement provided
        # to the Ledger")
        return not any(t.low[m] in self.lex.forms or t.low[m].endswith("ing") or _past_like(t.low[m])
                       and not (m > s + 1 and t.low[m - 1] in _MEDIUM_WORDS) for m in range(s + 1, e))

    def _plural_past_clause(self, s: int, e: int) -> bool:
        """True when tokens s..e read as a clause whose subject is a plural noun and whose verb is a past tense
        right after it ("at least six planes filled the skies", "sales rose sharply"): no auxiliary or pronoun
        shows it, but a noun phrase is no subject of a past tense followed by more words."""
        t = self.t
        for m in range(s + 1, min(e - 1, s + _PAST_CLAUSE_WINDOW)):
            p, w = t.low[m - 1], t.low[m]
            if t.quote[m] != -1 or not _is_word(t.text[m]) or w in _PREPS:
                return False
            if _past_like(w) and t.text[m].islower() and p.endswith("s") and not p.endswith(("ss", "'s", "’s")) \
                    and t.text[m - 1].islower() and p not in _PREPS and p not in _AUX and _is_word(t.text[m + 1]) \
                    and t.low[m + 1] not in ("by", "in", "on", "at", "for", "to", "from", "with"):
                return True
        return False

    def _as_time(self, fr: _Frame, kind: str, frames, a: int) -> bool:
        """True when the "As X <cue>," frame ``fr`` opening the sentence with nothing after its cue is a time,
        because the main clause after it reports with a cue and "that" of its own ("As the crowd chanted, Ann Lee
        joked that the band was late"): the main clause's frame reports, not the "as" clause's subject."""
        t = self.t
        if kind != "according_to" or fr.cue is None or fr.cue.lemma == "according to" or fr.s0 - 1 != a \
                or fr.c1 >= len(t) or t.low[fr.c1] != ",":
            return False
        return any(f2.s0 > fr.c1 and not f2.inverted and k2 == "indirect" and f2.c1 < len(t)
                   and t.low[f2.c1] in self.lex.complementizers for f2, k2 in frames)

    def _asks(self, fr: _Frame, a: int, b: int) -> bool:
        """True when the frame ``fr`` is the inverted verb of a yes-no question: its sentence opens with an
        auxiliary, its subject follows and a question mark closes it ("Do you support Ann Lee?", "Can he keep
        the voters?"): the question asks whether the subject holds the content and reports nothing.

        >>> from mediakit.quotes import find_attributions
        >>> find_attributions("Do you support Ann Lee?")
        []
        """
        t = self.t
        if fr.s0 < 0 or fr.inverted or fr.s0 - 1 < a or fr.s1 > fr.c0 or t.low[fr.s0 - 1] not in _QUESTION_AUX:
            return False
        m = fr.s0 - 2
        while m >= a and not _is_word(t.text[m]):
            m -= 1
        if m >= a:
            return False  # the auxiliary opens no sentence: "..., as do most voters"
        q = next((m for m in range(fr.c1, b) if t.low[m] in ("?", ".", "!", ";")), None)
        return q is not None and t.low[q] == "?" and all(t.quote[m] == -1 for m in range(fr.s0 - 1, q))

    def _purpose_subject(self, j: int, a: int) -> _Frame | None:
        """Speaker of a speech verb in a to-infinitive of purpose after a verb of motion or appearance ("Lee took
        to Twitter to say ...", "Lee stood at a rally here to say ...", "Lee called a news conference to
        announce ..."): the subject of that verb, when it can speak; ``j`` is the "to" before the speech verb."""
        t = self.t
        m = j - 1
        while m > a and j - m <= _PURPOSE_MAX_TOKENS and _is_word(t.text[m]) and t.quote[m] == -1 \
                and t.low[m] not in _MOTION_VERBS:
            m -= 1
        if m <= a or t.low[m] not in _MOTION_VERBS or m == j - 1:
            return None
        fr = self._subject_left(m, a)
        if fr is None or fr.s0 < 0 or not self._human(fr.s0, fr.s1):
            return None
        return fr

    def _pronoun_content(self, a: int, k: int) -> int | None:
        """End character of "That"/"This" when the sentence a.. is only the pronoun and "is" before the
        "according to" at ``k`` ("That's according to ...", "This is according to ..."), else None."""
        t = self.t
        w = t.low[a]
        if k == a + 1 and w[:4] in ("that", "this") and w[4:] in ("'s", "’s"):
            return t.start[a] + 4
        if k == a + 2 and w in ("that", "this") and t.low[a + 1] in ("is", "was"):
            return t.end[a]
        return None

    def _no_words(self, fr: _Frame, s: int, e: int) -> bool:
        """True when the content s..e of ``fr`` says nothing about the world: the speaker's anonymity or a
        refusal to comment ("declined to be identified", "asked not to be named", "declined to comment"), or an
        unanswered request ("did not respond to a request for comment", "did not return messages")."""
        t = self.t
        low = t.low[s:e]
        if any(tuple(low[:len(o)]) == o for o in _ANONYMITY_OPENINGS):
            return True
        if fr.cue is not None and fr.cue.lemma in _ANSWER_LEMMAS and low and (
                tuple(low[:2]) in (("in", "kind"), ("as", "if"), ("as", "though"))
                or low[0].endswith("ly") and len(low[0]) > 4 and low[0] not in ("early", "only", "family")
                or low[0] in ("more", "less") and len(low) > 1 and low[1].endswith("ly")):
            return True  # "did not respond in kind", "responded enthusiastically by ...": the manner, no words
        return fr.cue is not None and fr.cue.lemma in _ANSWER_LEMMAS and bool(low) and low[0] in ("to",) + tuple(
            _REQUEST_NOUNS) and any(w in _REQUEST_NOUNS for w in low[:_REQUEST_NOUN_MAX_OFFSET + 1])

    def _verb_after_frame(self, fr: _Frame, b: int) -> bool:
        """True when a comma closes the frame ``fr`` and an auxiliary or a past-tense verb follows it: the
        rest of the clause the frame interrupts."""
        t = self.t
        fe = max(fr.c1, fr.s1, fr.a1)
        if fe + 1 >= b or t.low[fe] != ",":
            return False
        w = t.low[fe + 1]
        return w in _AUX or _past_like(w) and not _is_cap(t.text[fe + 1])

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

    def _participle_before(self, j: int, a: int) -> bool:
        """True when a participle phrase that is no cue opens before the "and" at ``j`` in unit a..j ("...,
        trashing the rival and accusing him of ...", "began by crediting Lee and urging him to ..."): a
        participle cue after that "and" is coordinated with it and shares its subject."""
        t = self.t
        for m in range(j - 1, a, -1):
            w = t.low[m]
            if w in (";", ":", ".") or t.quote[m] != -1 and not t.mark[m]:
                return False
            if w.endswith("ing") and len(w) > 4 and not _is_cap(t.text[m]) and (t.low[m - 1] in (
                    ",", "by", "while", "—", "after", "before")
                    # "has been making this case and loudly claiming that": a progressive with its auxiliary
                    or t.low[m - 1] in ("is", "are", "was", "were", "been", "am")
                    and not any(self._cue_at(x) is not None for x in range(a, m - 1))):  # (not inside a report)
                # (a participle cue reports the coordinated one with its own content: "..., calling the move
                # unfair and saying that ..." is one report)
                return self._cue_at(m) is None
        return False

    def _plural_subject(self, s0: int, s1: int) -> bool:
        """True when the noun phrase s0..s1 ends its head word (before "of", "like", "at", "in" or a comma) in a
        plural: "some Democrats", "experts like Ann Lee", "analysts at the bank"."""
        t = self.t
        head = s0
        for m in range(s0, s1):
            if t.low[m] in _PREPS or t.low[m] in (",", "like", "such", "who"):
                break
            if _is_word(t.text[m]):
                head = m
        w = t.low[head]
        return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "'s", "’s", "us", "is"))

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

    def _ranking_source(self, s0: int, s1: int) -> bool:
        """True when the noun phrase s0..s1 after "according to" is an index or an average that ranks or sums up
        ("according to one global index", "according to the Harbour Polling average"), with a determiner: a
        source, unlike the market index that moves."""
        t = self.t
        words = [k for k in range(s0, s1) if _is_word(t.text[k])]
        return len(words) >= 2 and t.low[words[-1]] in _RANKING_HEADS and t.low[words[0]] in (
            "the", "a", "an", "one", "its", "their", "this") and not any(
            t.low[k] in _NON_SPEAKER_HEADS or t.low[k] in ("stock", "industrial") for k in words[:-1])
        # (not "according to the market average": a market's number)

    def _appearance(self, fr: _Frame, s: int, e: int) -> bool:
        """An evidence verb ("show", "find") with a noun-phrase object and a subject that is no document:
        an appearance or a discovery ("Hale has shown little daylight", "showed signs of"), not a report.
        Polls, studies, records and the like report what they show ("the poll showed Hale leading")."""
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
        speaker is reported to have said ("Hale said he wants ...", "said the notice tells banks ...") --
        the outer attribution holds that clause, as the annotators of PolNeAR and of the s400 gold do."""
        out: set[int] = set()
        appos = [(f.a0, f.a1, f.c0) for f, _k in frames if f.a0 >= 0] + [(f.a0, f.a1, f.c0) for f in prior if f.a0 >= 0]
        t = self.t
        for n_f, (fr, _k) in enumerate(frames):
            # (a participle cue opening the words after the comma of a speaker whose verb came first heads a
            # clause of its own, not a description of the speaker: '"...," said Lee, explaining he had worked hard')
            inside = [(a0, a1) for a0, a1, c0 in appos if a0 <= fr.c0 < a1 and c0 != fr.c0
                      and not (fr.c0 == a0 and 0 <= c0 < a0 and fr.cue is not None and fr.cue.form == "ing")]
            if not inside:
                continue
            sp = spans[n_f]
            if sp is not None and fr.s0 >= 0 and t.low[fr.s0] == "who" and fr.cue is not None \
                    and (fr.cue.cls == "speech" or fr.cue.lemma in _BELIEF_LEMMAS and t.low[sp[0]] not in _PREPS) \
                    and not fr.cue.content_object and fr.c1 <= sp[0] < inside[0][1] \
                    and not any(t.low[m] in ("not", "n't", "never") for m in range(fr.s0, fr.c0)):
                # "Voss, who had said he would debate, backed out", "Lee, who thinks the plan failed, said no":
                # a report or belief in the description, whose content ends with the description; not "who asked
                # not to be named", "who writes on defence"
                e = min(sp[1], inside[0][1])
                while e > sp[0] and not _is_word(t.text[e - 1]):
                    e -= 1
                if t.low[sp[0]] not in ("not", "to") and t.words(sp[0], e) >= _ACCORDING_MIN_WORDS and (
                        self._is_clause(sp[0], e, False) or any(_past_like(t.low[m]) for m in range(sp[0], e))):
                    spans[n_f] = (sp[0], e)
                    continue
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

