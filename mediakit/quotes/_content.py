"""The content span of a reported-speech frame: the clause on the right of the cue or on its left (a
sentence-final frame), an addressee or phrase skipped before the clause, and a noun-phrase object that is what
was said (its ends: :mod:`._content_objects`). Content a frame shapes beyond one clause (around "according to",
continuing after an interrupting frame, a block after a colon) is in :mod:`._content_frames`.
"""

from __future__ import annotations

from ._content_objects import _SUBJECT_PRONOUNS, _TAIL_PREPS, _ContentObjects
from ._tokens import _Frame, _is_cap, _is_word
from ._words import (
    _ARTICLES,
    _AUX,
    _CLAUSE,
    _CLAUSE_BREAKS,
    _DET,
    _DOCUMENT_NOUNS,
    _LEADING_SKIP,
    _MEDIUM_WORDS,
    _POSSESSIVE_DET,
    _PREPS,
    _QUESTION_WORDS,
    _SUBORDINATORS,
    _TIME_UNITS,
    _TIME_WORDS,
    _past_like,
)

# approximators that open a subject the next frame's subject search leaves out ("...; just 3 percent of ... said")
_SUBJECT_APPROXIMATORS = frozenset({"just", "only", "about", "nearly", "almost", "roughly", "some", "over", "under"})

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
# tokens after a preposition searched for the "that" that ends a phrase about the telling ("said to a friend
# that", "replied in an even voice that", "elaborated in an editorial piece for The Harbour Journal that"); chosen by
# hand (7 until session 14; 10 changed no PolNeAR train count and bounded two contents better)
_PHRASE_BEFORE_THAT_WINDOW = 10
# words that end the search for that "that": a clause or coordination starts before it
_PHRASE_STOPS = frozenset(_CLAUSE) - {"even", "just", "only", "also", "now", "then", "here", "there", "that"}
# nouns that take a "that" clause of their own ("responded to the claims that ...": the clause belongs to the
# noun); general English
_CLAUSE_NOUNS = frozenset({
    "fact", "claim", "claims", "accusation", "accusations", "allegation", "allegations", "assertion",
    "assertions", "idea", "notion", "belief", "charge", "charges", "condition", "news", "evidence", "suggestion",
    "suggestions", "argument", "arguments", "hope", "hopes", "fear", "fears", "concern", "concerns", "promise",
    "chance", "possibility", "sense", "impression", "feeling", "view", "theory", "rumor", "rumors", "reports",
    "assurance", "assurances", "warning", "warnings",
    "question", "insistence", "assumption", "conclusion", "proposition", "expectation", "expectations",
    "speculation", "hint", "sign", "signs", "indication", "indications", "proof", "reminder"})
# words that open a sentence without being part of its content ("And yet, ..., Syria remains ...")
# adverbs between a frame and the predicate it interrupts ("The mayor, Lee said, never forgets ..."); set by hand
_PREDICATE_ADVERBS = frozenset({"never", "also", "still", "only", "often", "always", "already", "rarely", "seldom",
                                "usually", "now", "just", "really", "clearly", "simply", "largely", "no", "not"})
# words opening an indirect question after an addressee ("explained to reporters why ..."); set by hand
_ASKED_QUESTION_WORDS = frozenset({"why", "how", "whether", "if"})  # (not "who", "when": relatives)
# most tokens of a relative phrase before a frame that interrupts it ("the existence of which, many say, ...")
_RELATIVE_PHRASE_TOKENS = 6
# most tokens of a noun phrase opened by a determiner before such a frame ("The nickname, she explained, exists")
_SUBJECT_FRAGMENT_TOKENS = 4
_CONNECTIVES = frozenset({"and", "but", "yet", "so", "still", "now", "then", "also", "however", "indeed", "instead",
                          "meanwhile", "rather", "thus", "nor", "or"})
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
# longest phrase about the telling between a cue and its to-infinitive ("promised Sunday at a Las Vegas rally
# to end ..."), in tokens; chosen on PolNeAR train false negatives
_TELLING_BEFORE_TO_TOKENS = 8
# words before a frame that open a clause of the sentence's own (a frame after them bounds what a later
# sentence-final frame reports: "Lee said the plan failed, and Kim said ..., officials said")
_FRAME_OPENERS = frozenset({"and", "but", "or", "so", "yet", "then", "also", "however"})
# longest addressee (with a time phrase) after a sentence-final "told" that leaves the content on the left
# ("..., the minister told a Senate panel on Wednesday."), in words; chosen on PolNeAR train false negatives
_ADDRESSEE_ONLY_WORDS = 7
# subordinators that open a clause before an "according to" phrase between commas, whose sentence is then
# reported whole ("While most were marked confidential, according to an official, two were marked secret");
# chosen on PolNeAR train false negatives
_AROUND_SUBORDINATORS = frozenset({"although", "though", "while", "whereas", "because", "when", "after", "before",
                                   "if", "since", "unless", "once"})
# one-word objects of a content-object verb that name a person ("endorsed him"); with a capitalised name
# ("endorsed Lee") the only one-word contents kept; chosen on PolNeAR train false negatives
_PERSON_OBJECTS = frozenset({"him", "her", "them", "us", "me", "himself", "herself", "themselves"})


# tokens after the article of a second description of an inverted speaker searched for its relative pronoun
# ("said Ann Lee, director of the union, a group [that] has ..."); chosen by hand, checked on PolNeAR train
_APPOSITION_RELATIVE_WINDOW = 6
# possessives that open a clause's subject after an addressee ("told reporters [his] plan was ready"); "her" is
# left out: after "told" it is the addressee ("told her the plan ...")
_POSSESSIVE_OBJECTS = frozenset({"his", "their", "its", "our", "my"})
# first words after an according-to source that continue its description rather than open the content
# ("according to a document filed [by] ...", "according to an official [who] spoke ...")
_SOURCE_TAILS = frozenset({"by", "and", "who", "whose", "which", "that", "for", "from", "of", "with"})
# words that open an indirect question after an addressee ("asked Lee [whether] she would ...")
# prepositions of a phrase about the telling between a verb and its clause ("said in a statement the ...")
_TELLING_PREPS = frozenset({"in", "on", "during", "at", "via", "through"})
# tokens after the start of a clause searched for its auxiliary or finite verb ("the port should", "the new
# plan would")
_CLAUSE_VERB_WINDOW = 5


# a finite auxiliary or copula that opens the main clause's predicate after a relative clause
_MAIN_AUX = frozenset({"is", "was", "has", "had", "will", "would", "can", "could", "did", "does"})


# adverbs before a time phrase after a frame ("as Newsline reported, even on Friday morning, ..."); set by hand
_TAIL_ADVERBS = frozenset({"even", "just", "again", "also", "only", "first"})
# the counts before "times"/"occasions" in a frequency phrase between a cue and its "that" ("said many times
# that", "has argued on several occasions that")
_FREQUENCY_COUNTS = frozenset({"many", "several", "numerous", "countless", "multiple", "few", "two", "three",
                               "four", "five", "dozens", "hundreds", "some", "various", "repeated"})
# fixed frequency phrases ("again and again", "time and again", "over and over")
_FREQUENCY_PHRASES = (("again", "and", "again"), ("time", "and", "again"), ("over", "and", "over", "again"),
                      ("over", "and", "over"), ("time", "after", "time"))


def _frequency_phrase_at(low: list[str], k: int, hi: int) -> int:
    """The number of tokens of a frequency phrase opening at ``k`` ("many times", "a few times", "on several
    occasions", "again and again", "time and again"); 0 when none opens there."""
    for ph in _FREQUENCY_PHRASES:
        if tuple(low[k:min(hi, k + len(ph))]) == ph:
            return len(ph)
    m = k + 1 if k < hi and low[k] == "on" else k
    if m < hi and low[m] == "a" and m + 1 < hi and low[m + 1] in ("few", "number"):
        m += 3 if low[m + 1] == "number" and m + 2 < hi and low[m + 2] == "of" else 2
    elif m < hi and low[m] in _FREQUENCY_COUNTS:
        m += 1
    else:
        return 0
    if m < hi and low[m] in ("times", "occasions") and (low[k] != "on" or low[m] == "occasions"):
        return m + 1 - k
    return 0
# units of time and the counts and words around them in a time phrase ("a few days later", "two weeks ago")
_TIME_PHRASE_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few",
                          "several", "many", "couple", "of", "later", "earlier", "ago", "afterward", "afterwards",
                          "before", "after", "last", "next", "that", "this", "same"})


class _Content(_ContentObjects):
    """Content spans of indirect frames (mixed into the analyser of :mod:`._rules`)."""

    def _clause_before(self, s: int, e: int) -> bool:
        """True when tokens s..e are a clause or a to-infinitive (not "to investors": a phrase)."""
        t = self.t
        if s < e and t.low[s] == "to":
            return s + 1 < e and t.text[s + 1][:1].islower() and t.low[s + 1] not in _DET
        return self._is_clause(s, e, False)

    def _relative_around(self, fr: _Frame, kind: str, a: int, k: int, e: int, right0: int, hi: int):
        """Token span of a relative clause that a frame between commas interrupts right after its pronoun
        ("..., which, his advisers believe, would lead to ...", "(the existence of which, many say, represents
        ...)"): from the relative phrase to the end of the clause. None unless the frame has a subject and a
        speech or cognition cue and the rest opens with a predicate."""
        t = self.t
        if kind != "indirect" or fr.s0 < 0 or fr.cue is None or fr.cue.cls not in ("speech", "cognition") \
                or fr.inverted or k >= e:
            return None
        fs = min(fr.s0, fr.c0)
        if fs - 2 < a or t.low[fs - 1] != "," or t.low[fs - 2] not in ("which", "who", "whom") \
                or k <= right0 or t.low[k - 1] != "," or self._skip_pp_right(max(fr.c1, fr.s1), hi) != k - 1 \
                or not self._predicate_at(k, e, True):
            return None
        for m in range(k + 1, e - 1):
            if t.low[m] == "," and t.quote[m] == -1 and t.text[m + 1].islower() and (
                    t.low[m + 1] in _AUX or _past_like(t.low[m + 1])):
                e = m  # "The mayor, who, aides said, was tired, left early": the main clause's verb ends it
                break
        s_ = fs - 2
        while s_ - 1 >= a and t.low[s_ - 1] not in (",", "(", ";", ":", "—", "–") and t.quote[s_ - 1] == -1 \
                and fs - s_ < _RELATIVE_PHRASE_TOKENS:
            s_ -= 1
        return (s_, e) if s_ == a or t.low[s_ - 1] in (",", "(", ";", ":", "—", "–") else None

    def _predicate_at(self, k: int, e: int, subject: bool = False) -> bool:
        """True when tokens from ``k`` open a predicate with no subject of its own: an auxiliary or a past tense,
        after at most one adverb ("was dead", "never forgets", "made him question"; not "the levy could ...");
        a present tense in -s counts after an adverb or, with ``subject`` (a short noun phrase before the frame),
        alone ("The nickname, she explained, exists ...")."""
        t = self.t
        if k < e - 1 and t.low[k] in _PREDICATE_ADVERBS:
            k += 1
            subject = True
        w = t.low[k]
        if subject and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w.isalpha() and t.text[k].islower() \
                and w not in _PREPS and k + 1 < e and t.low[k + 1] not in _AUX:
            return True
        return w in _AUX or _past_like(w) and t.text[k].islower()

    def _fronted_phrase(self, a: int, e: int) -> bool:
        """True when tokens a..e before a frame between commas are a fronted phrase of place or time with no
        verb ("In Miami, [Lee said,] ...", "On Tuesday, ..."): no clause of its own to report."""
        t = self.t
        k = a
        while k < e and (not _is_word(t.text[k]) or t.low[k] in _LEADING_SKIP):
            k += 1
        if k >= e or not (t.low[k] in _PREPS or t.low[k] in _TIME_WORDS) \
                or t.low[k] in ("this", "that", "these", "those", "may", "march"):
            return False  # "This sort of opining, HBC claimed, violates ...": a subject, not a fronted phrase
        return not any(t.low[m] in _AUX or _past_like(t.low[m]) or t.low[m] in self.lex.forms or t.quote[m] != -1
                       for m in range(k, e))

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

    def _fronted_then_clause(self, a: int, e: int) -> bool:
        """True when the words a..e open with a fronted phrase up to a comma ("Despite a series of defeats on
        Tuesday,", "After the vote,") and a clause follows it that could be reported (see :meth:`_opens_clause`)."""
        t = self.t
        k = a
        while k < e and (not _is_word(t.text[k]) or t.low[k] in _LEADING_SKIP):
            k += 1
        if k >= e or not (t.low[k] in _PREPS or t.low[k] in _SUBORDINATORS):
            return False
        m = next((x for x in range(k, e) if t.low[x] in (",", ";", ":") or t.quote[x] != -1), e)
        return m + 1 < e and t.low[m] == "," and t.words(m + 1, e) >= _FINAL_FRAME_LEFT_WORDS \
            and self._opens_clause(m + 1, e) and (self._is_clause(m + 1, e, False)
                                                  or any(_past_like(t.low[x]) for x in range(m + 2, e)))

    def _skip_telling_before_infinitive(self, k: int, hi: int) -> int:
        """Where the content starts when a phrase about the telling stands between the cue and its
        to-infinitive ("promised [Sunday at a Lyme harbour rally] to end ...", "pledged [on Monday] to cut ..."):
        at "to". ``k`` unchanged unless the phrase opens with a time word or a preposition of the telling and
        holds only words."""
        t = self.t
        if k >= hi or not (t.low[k] in _TIME_WORDS or t.low[k] in _TAIL_PREPS) or t.quote[k] != -1:
            return k
        for m in range(k + 1, min(hi - 1, k + _TELLING_BEFORE_TO_TOKENS)):
            w = t.low[m]
            if not _is_word(t.text[m]) or t.quote[m] != -1 or w in self.lex.complementizers or w in self.lex.forms \
                    or w.endswith("ing") and len(w) > 4:
                return k  # ("agreed on creating a commission to examine ...": the gerund is what was agreed)
            if w == "to":
                nxt = t.text[m + 1]
                verb = nxt[:1].islower() and nxt.isalpha() and t.low[m + 1] not in _DET \
                    and t.low[m + 1] not in _POSSESSIVE_DET and not t.low[m + 1].endswith(("s", "ing"))
                return m if verb else k
        return k

    def _content_object(self, fr: _Frame, s: int, e: int) -> bool:
        """True when s..e is the noun-phrase object of a speech act whose object is what it says ("called
        Hale unhinged", "called for a special prosecutor", "described the field as good"): right after the
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

    def _description_then_relative(self, k: int, e: int) -> bool:
        """True when tokens k..e are a noun phrase whose first verb stands after a relative pronoun ("the head of
        a union [that has] fought ..."): a description, not a clause."""
        t = self.t
        for m in range(k + 1, e):
            w = t.low[m]
            if w in ("that", "who", "which", "whose") and m > k + 1:
                return True
            if w in _AUX or _past_like(w) and not _is_cap(t.text[m]) or w in self.lex.forms or t.quote[m] != -1 \
                    or w in (",", ";", ":"):
                return False
        return False

    def _after_addressee(self, fr: _Frame, k: int, hi: int) -> int:
        """Start of a reported clause with no "that" after the addressee of a verb that takes one ("told
        reporters [the port would reopen]", "told HBC on Monday [he would run]") or after a phrase about the
        telling ("said in a statement [the port would reopen]"): the first subject pronoun, or determiner
        after a noun, that opens a clause within a few words. ``k`` when there is none."""
        t = self.t
        if k >= hi:
            return k
        medium = t.low[k] in _TELLING_PREPS
        if not (fr.cue.object or medium) or t.low[k] in self.lex.complementizers or t.low[k] in _CLAUSE \
                or t.low[k] in _SUBJECT_PRONOUNS or t.low[k] in _PREPS and not medium:
            return k
        seen_medium = False
        for m in range(k + 1, min(hi, k + _ADDRESSEE_WINDOW)):
            w = t.low[m]
            # "said in a statement", "said on Monday"; not "elaborated on the message [he felt ...]"
            seen_medium = seen_medium or w in _TIME_WORDS or w in _MEDIUM_WORDS and t.low[k] == "in" \
                or m == k + 1 and t.low[k] in ("in", "at") and _is_cap(t.text[m])  # "said in Ohio the plan ..."
            if w in _QUESTION_WORDS and fr.cue.object and not medium and m - k <= _ADDRESSEE_ONLY_WORDS \
                    and all(_is_word(t.text[x]) and (t.low[x] not in _PREPS or t.low[x + 1] in _TIME_WORDS)
                            for x in range(k, m)):
                return m  # "asked Hale how high the wall would be": the question after the addressee
            if not _is_word(t.text[m]) or t.quote[m] != -1 or w in self.lex.complementizers or w in _CLAUSE \
                    or w in self.lex.forms or w.endswith("ing") or w == "to":
                return k
            p = t.low[m - 1]
            if p in _PREPS or p in _ARTICLES or p in _POSSESSIVE_OBJECTS:
                continue
            if (w in _SUBJECT_PRONOUNS or w in _ARTICLES or w in _POSSESSIVE_OBJECTS) and (seen_medium or not medium) \
                    and self._finite_clause(m, hi):
                return m
        return k

    def _skip_phrase_before_that(self, fr: _Frame, kind: str, k: int, hi: int) -> int:
        """Start of the "that" clause after a prepositional phrase between the cue and "that" ("said [to a
        friend] that ...", "replied [in an even voice] that ...", "wrote [on his blog] that"): the phrase is
        about the telling, not what was said. The phrase is a preposition and a noun phrase (no verb, no
        infinitive, no noun that takes a clause of its own: "responded to the claims that"), and "that" opens a
        clause, not a relative ("to cities that have mourned") or a time phrase ("that day"); ``k`` when there
        is no such phrase.

        >>> from mediakit.quotes import find_attributions
        >>> text = "Ann Lee replied in an even voice that the harbour plan had failed."
        >>> [text[r["start"]:r["end"]] for r in find_attributions(text)]
        ['the harbour plan had failed']
        """
        t = self.t
        if kind == "according_to" or fr.cue is None or k + 2 >= hi or t.low[k] not in _PREPS or t.low[k] == "of":
            return k
        first = t.low[k + 1]
        # ("explained to reporters why ...": a plural noun after "to" is an addressee too)
        plural = first.isalpha() and first.endswith("s") and not first.endswith("ss") and first not in self.lex.forms
        if t.low[k] == "to" and not (first in _DET or first in _PERSON_OBJECTS or _is_cap(t.text[k + 1]) or plural):
            return k  # "urged him to name cities that ...": an infinitive, not a phrase about the telling
        for m in range(k + 1, min(hi - 1, k + _PHRASE_BEFORE_THAT_WINDOW)):
            w = t.low[m]
            if t.low[k] == "to" and w in _ASKED_QUESTION_WORDS and m - 1 > k and fr.cue.cls == "speech" \
                    and t.low[m - 1] not in _PREPS and t.low[m - 1] not in _DET and _is_word(t.text[m + 1]):
                return m  # "explained to reporters why the mayor was chosen": the addressee, then the question
            # ("responded to the claims that ...": the clause belongs to the noun, someone else's; "answered with
            # the claim that ...": the speaker's own)
            if w == "that" and m - 1 > k and t.low[m - 1] not in _PREPS and t.low[m - 1] not in _DET \
                    and (t.low[m - 1] not in _CLAUSE_NOUNS or t.low[k] == "with") and t.low[m + 1] not in _TIME_WORDS \
                    and t.low[m + 1] not in _AUX and not _past_like(t.low[m + 1]) and t.low[m + 1] not in self.lex.forms:
                return m
            noun = t.low[k] == "with" and w in _CLAUSE_NOUNS and (t.low[m - 1] in _DET or t.low[m - 1] in _POSSESSIVE_DET)
            if not _is_word(t.text[m]) or t.quote[m] != -1 or w in _PHRASE_STOPS or w in _AUX \
                    or w in self.lex.forms and not noun or _past_like(w) or w == "to" or w.endswith("ing") and m == k + 1:
                return k  # (but "answered with the claim that": the speaker's own claim, a noun after its determiner)
        return k

    def _addressee_before_quotation(self, fr: _Frame, k: int, hi: int) -> int:
        """Start of a quotation after the addressee of a verb that takes one and a comma ("told [the Harbour
        News agency simply], “We lost.”"): the addressee is whom, the quotation is what. ``k`` otherwise.

        >>> from mediakit.quotes import find_attributions
        >>> text = 'Ann Lee told the Harbour News agency simply, "We lost the vote."'
        >>> [(r["kind"], text[r["start"]:r["end"]]) for r in find_attributions(text)]
        [('direct', 'We lost the vote.')]
        """
        t = self.t
        if not fr.cue.object or k >= hi or not _is_word(t.text[k]) or t.low[k] in self.lex.complementizers:
            return k
        for m in range(k + 1, min(hi - 1, k + _ADDRESSEE_WINDOW)):
            w = t.low[m]
            if w == "," and t.quote[m] == -1 and t.quote[m + 1] != -1 and t.mark[m + 1]:
                return m + 1
            if not _is_word(t.text[m]) or t.quote[m] != -1 or w in _CLAUSE or w in _AUX or w in self.lex.forms \
                    or _past_like(w):
                return k
        return k

    def _finite_clause(self, s: int, hi: int) -> bool:
        """True when a clause with its subject starts at ``s``: an auxiliary or a finite verb form within the
        first few words after a pronoun or a short noun phrase ("the port should reopen", "he wants")."""
        t = self.t
        if t.low[s] in _SUBJECT_PRONOUNS:
            return s + 1 < hi and _is_word(t.text[s + 1]) and t.low[s + 1] not in _PREPS and t.low[s + 1] != "to"
        for m in range(s + 1, min(hi, s + _CLAUSE_VERB_WINDOW)):
            w = t.low[m]
            if not _is_word(t.text[m]) or w in _PREPS or t.quote[m] != -1:
                return False
            if w in _AUX or _past_like(w) or w in self.lex.forms and self.lex.forms[w].form == "past":
                return True
        return False

    def _relative_main_verb(self, fr: _Frame, k: int, e: int) -> int:
        """End of the content of a cue in a relative clause between commas ("Lee, who said the plan was dead,
        left the room"): the comma before the main clause's past-tense verb closes it, when the content before
        it is a clause and no frame of speech follows."""
        t = self.t
        if fr.s0 < 1 or t.low[fr.s0] != "who" or t.low[fr.s0 - 1] != "," or fr.antecedent is None:
            return e
        for m in range(k + 2, e - 1):
            if t.low[m] != "," or t.quote[m] != -1:
                continue
            w = t.low[m + 1]
            if "," in t.low[k + 1:m]:
                return e  # "who said the plan, which failed, was dead": only the first comma may close it
            if t.text[m + 1][:1].islower() and (_past_like(w) or w in _MAIN_AUX) and w not in self.lex.forms \
                    and m + 1 not in self.consumed and self._is_clause(k, m, False) \
                    and not any(x in self.consumed for x in range(m + 1, e)):
                return m
        return e

    def _before_quotation_frame(self, k: int, e: int) -> int:
        """End of a content k..e that runs into the frame closing the sentence after a quoted fragment
        ('Lee called the plan “a failure,” the official said.': the official's frame, consumed by the quotation,
        is no content of "called"): the closing mark before that frame's subject; ``e`` otherwise."""
        t = self.t
        last = e
        while last > k and not _is_word(t.text[last - 1]):
            last -= 1
        m = last - 1
        if m <= k or m not in self.consumed or t.quote[m] != -1 or self._cue_at(m) is None:
            return e
        for j in range(m - 1, max(k, m - _FINAL_FRAME_LEFT_WORDS - 1), -1):
            if t.quote[j] != -1:
                if t.mark[j] and (t.low[j - 1] == "," or t.low[j + 1] == ",") and t.quote[j] != t.quote[j + 1] \
                        and all(_is_word(t.text[x]) for x in range(j + 1 + (t.low[j + 1] == ","), m)):
                    return j + 1
                return e
        return e

    def _time_phrase_only(self, k: int, hi: int) -> bool:
        """True when the words from ``k`` to the next comma or the end are a time ("a few days later", "even on
        Friday morning", "two weeks ago"): an adverb of degree, then a count and a unit of time or a time phrase."""
        t = self.t
        while k < hi and t.low[k] in _TAIL_ADVERBS:
            k += 1
        m = next((x for x in range(k, hi) if t.low[x] in (",", ";", "—", "–") or t.quote[x] != -1), hi)
        while m > k and not _is_word(t.text[m - 1]):
            m -= 1
        if m <= k:
            return False
        if t.low[k] in _PREPS and t.low[k] != "to":
            return self._skip_pp_right(k, m) >= m
        words = [x for x in range(k, m) if _is_word(t.text[x])]
        return any(t.low[x] in _TIME_UNITS or t.low[x] in _TIME_WORDS for x in words) and all(
            t.low[x] in _ARTICLES or t.low[x] in _TIME_UNITS or t.low[x] in _TIME_WORDS or t.low[x].isdigit()
            or t.low[x] in _TIME_PHRASE_WORDS for x in words)

    def _subordinate_end(self, fr: _Frame, kind: str, a: int, k: int, e: int) -> int:
        """The end of content k..e of a frame inside a subordinate clause that opens the sentence ("At a time
        when it was said that the party might lose, the leader stayed home"): the comma before the main clause,
        the first comma followed by a subject and its verb; else ``e``."""
        t = self.t
        lead = fr.s0 if fr.s0 >= 0 else fr.c0
        if kind != "indirect" or lead - 1 <= a and lead - 1 != a or lead < 1 \
                or t.low[lead - 1] not in _AROUND_SUBORDINATORS or t.low[lead - 1] in ("because", "since") \
                or any(t.low[m] in (",", ";", ":") or t.quote[m] != -1 for m in range(a, lead)):
            return e
        for m in range(k + 1, e - 1):
            if t.low[m] == "," and t.quote[m] == -1 and t.words(k, m) >= _MIN_CONTENT_WORDS \
                    and t.low[m + 1] not in ("who", "which", "that", "whose") \
                    and (np_ := self._sentence_subject(m + 1, e)) is not None and np_[0] == m + 1 \
                    and np_[1] < e and self._predicate_at(np_[1], e):
                # (a verb that needs a clause keeps the main clause when its own words are none: "When Lee
                # challenges Kim on the budget, she is ...")
                return m if fr.cue is None or not fr.cue.clause or self._is_clause(k, m, fr.cue.infinitive) else e
        return e

    def _content(self, fr: _Frame, kind: str, a: int, b: int, frames, n_f) -> tuple[int, int] | None:
        """Token span of the reported clause of frame ``fr`` in unit a..b."""
        t = self.t
        right0 = max(fr.c1, fr.s1 if fr.inverted or kind == "according_to" else fr.c1,
                     fr.a1 if (fr.inverted or kind == "according_to") else fr.c1)
        # the next frame whose subject starts a new clause ends this content
        hi = b
        for fr2, _k in frames[n_f + 1:]:
            s2 = fr2.c0 if fr2.coord else min(x for x in (fr2.s0, fr2.c0) if x >= 0) if fr2.s0 >= 0 else fr2.c0
            while fr2.coord and s2 - 1 > right0 and t.low[s2 - 1].endswith("ly") and t.low[s2 - 2] == ",":
                s2 -= 1  # "..., eventually saying": the adverb opens the participle's clause
            while not fr2.coord and s2 - 1 > right0 + 1 and t.low[s2 - 1] in _SUBJECT_APPROXIMATORS \
                    and t.text[s2 - 1].islower() and t.low[s2 - 2] in (";", "—", "–"):
                s2 -= 1  # "...; just 3 percent of moderates said ...": an approximator opens the next subject
            if s2 > right0 + _NEXT_FRAME_GAP and (t.low[s2 - 1] in _CLAUSE_BREAKS or t.low[s2 - 1] in _SUBORDINATORS
                                    and t.low[s2 - 2] == ",") and not self._digit_comma(s2 - 1):
                hi = s2 - 1 if t.low[s2 - 1] in _CLAUSE_BREAKS else s2 - 2
                break
        if fr.coord and not fr.inverted and fr.c1 < fr.s0 - 1 < hi and t.low[fr.s0 - 1] == ",":
            hi = fr.s0 - 1  # "Calling the count unfair, her aides said": the participle's phrase ends at its subject
        for m in range(right0 + 1, hi):
            if m in self.consumed and t.quote[m] == -1 and t.low[m].endswith("ing") and t.low[m - 1] == "," \
                    and m + 1 < hi and t.low[m + 1] not in (",", ":") and fr.cue is not None \
                    and not fr.cue.content_object and self._clause_before(self._skip_pp_right(right0, m - 1), m - 1):
                hi = m - 1  # "..., calling them “very boring”": the participle heads its own quotation
                break
        if fr.cue is not None and fr.cue.lemma == "in view" and fr.c0 > a and t.words(a, fr.c0) >= _MIN_CONTENT_WORDS \
                and t.words(right0, hi) >= _MIN_CONTENT_WORDS:
            # "The only other action, in Lee's view, would be ...": the phrase between commas holds the whole
            # sentence around it
            s, e = a, hi
            while s < fr.c0 and not _is_word(t.text[s]) and not (t.quote[s] != -1 and t.mark[s]):
                s += 1
            while e > right0 and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
                e -= 1
            return (s, e)
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
        k = self._skip_phrase_before_that(fr, kind, k, hi)
        if k == right0 and fr.cue is not None and kind == "indirect" and fr.cue.cls == "speech":
            k = self._after_addressee(fr, k, hi)
            k = self._addressee_before_quotation(fr, k, hi)
        k = self._skip_interrupting_frame(fr, kind, k, hi, frames, n_f)
        if k + 1 < hi and t.low[k].endswith("ly") and t.low[k + 1] in self.lex.complementizers:
            k += 1  # "has said repeatedly that ...": an adverb before the complementizer
        n_freq = _frequency_phrase_at(t.low, k, hi)
        if n_freq and k + n_freq < hi and t.low[k + n_freq] in self.lex.complementizers:
            k += n_freq  # "has said many times that ...", "on several occasions that": how often, not content
        while k < hi and (t.low[k] in self.lex.complementizers or t.low[k] in (",", ":", "—", "–")):
            k += 1
        if kind == "according_to" and fr.cue is not None and fr.cue.lemma != "according to" and k > right0 \
                and t.low[k - 1] == "," and fr.s0 > a and t.low[fr.s0 - 1] == "as" and self._time_phrase_only(k, hi):
            # "As the Ledger reported, even on Friday morning, the mayor was ...": a time between commas after
            # the "as" frame dates the report; the clause after it is what was reported
            m = next((x for x in range(k, hi) if t.low[x] == "," and t.quote[x] == -1), hi)
            if m + 1 < hi and self._is_clause(m + 1, hi, False):
                k = m + 1
        if fr.cue is not None and fr.cue.clause and fr.cue.infinitive and kind == "indirect":
            k = self._skip_telling_before_infinitive(k, hi)
        e = hi
        for m in range(k + 1, hi):
            j = self._skip_adverbs_left(m - 1, k) if m in self.consumed and t.quote[m] == -1 else -1
            if j > k and t.low[j] in ("and", "but"):
                e = j  # "said the plan was dead and added, “...”": the coordinated cue heads its own quotation
                break
            if j > k and t.low[j] == "," and t.low[m].endswith("ing") and m + 1 < hi and t.low[m + 1] in (",", ":"):
                e = j  # "urged women to vote for her, saying, “...”": the participle heads its own quotation
                break
        for m in range(k + 1, e - 1):
            if t.low[m] == "," and t.low[m + 1] == "according" and t.low[m + 2] == "to" and t.quote[m] == -1:
                e = m  # "said the plan failed, according to two aides": the phrase is about the telling
                break
        e = self._before_quotation_frame(k, e)
        e = self._relative_main_verb(fr, k, e)
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
        if fr.cue is not None and fr.cue.form == "noun" and k < e and t.low[k] == "to":
            e = self._infinitive_end(k, e)
        words = t.words(k, e)
        rel = self._relative_around(fr, kind, a, k, e, right0, hi)
        if rel is not None:
            return rel
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
               and left_words >= _FINAL_FRAME_LEFT_WORDS and fr.s0 >= 0
               # ("Win or lose, the mayor says, the port aims to ...": a short phrase on the left, no clause,
               # leaves the clause on the right; the subject's words do not count for the left)
               # (but a noun phrase before a clause stays on the left: "A new bridge, the mayor decided, the town
               # would not build")
               and (t.words_but_and(a, frame_start) >= _FINAL_FRAME_LEFT_WORDS or self._is_clause(a, frame_start - 1, False)
                    or right0 < hi and t.low[right0] in ("-", "—", "–")
                    or t.low[a] in _DET and k < hi and not self._predicate_at(k, hi, True)
                    or k < hi and t.low[k] in ("which", "who", "whose"))
               # "..., analysts say; in 2012, ...": a semicolon after the frame closes it like a comma
               # (not "asserted that, taxes aside, ...": a comma after the complementizer opens an interjection)
               # ("..., Lee's allies believe — backers she will need ...": a dash after the frame closes it too)
               and (k > right0 and (t.low[k - 1] == "," and not (k - 2 == right0 and t.low[right0] in self.lex.complementizers)
                                    or t.low[k - 1] in ("—", "–") and k - 1 == right0)
                    or k == right0 and k < hi and t.low[k] == ";")
               # "And yet, her aides say, Syria remains a priority": a connective alone on the left reports nothing
               and t.words(a, frame_start) - sum(t.low[m] in _CONNECTIVES for m in range(a, frame_start))
               >= _MIN_CONTENT_WORDS and not self._fronted_phrase(a, frame_start))
        # "..., said an official who spoke on condition of anonymity": a relative clause on the inverted
        # speaker describes the speaker; the content is on the left
        rel = fr.inverted and left_words >= _MIN_CONTENT_WORDS and (k < hi and t.low[k] in ("who", "whose", "which") or (
            # "..., said Mark Kessler, an expert who has written books, papers and essays on the topic."
            fr.a0 >= 0 and any(t.low[m] in ("who", "whose", "which") for m in range(fr.a0, fr.a1))
            and k == fr.a1 + 1 and t.low[fr.a1] == ","
            # "..., said Ann Lee, director of the institute at the University of Kent, Canterbury.": the rest after
            # a comma in the description is more of it (no verb, no clause), not what was said
            or fr.a0 >= 0 and k == fr.a1 + 1 and t.low[fr.a1] == "," and frame_start > a
            and t.low[frame_start - 1] == "," and left_words >= _FINAL_FRAME_LEFT_WORDS
            and (not self._is_clause(k, e, False) and not any(
                _past_like(t.low[m]) or t.low[m] in self.lex.forms or t.quote[m] != -1 for m in range(k, e))
                 # "..., said Ann Lee, director of the union, a group that has broken away from ...": a second
                 # description with its relative clause
                 or t.low[k] in ("a", "an") and any(t.low[m] in ("that", "who", "which", "whose")
                                                    for m in range(k + 2, min(e, k + _APPOSITION_RELATIVE_WINDOW)))))
            # "..., said Ann Lee, the head of a union that has fought the plan": a description the speaker finder
            # left out, whose only verbs stand in its relative clause
            or fr.a0 < 0 and fr.s1 >= 0 and k == fr.s1 + 1 and t.low[fr.s1] == "," and t.low[k] in _ARTICLES
            and frame_start > a and t.low[frame_start - 1] == "," and left_words >= _FINAL_FRAME_LEFT_WORDS
            and self._description_then_relative(k, e)
            # "The plan failed, said Ann Lee, adding that ...": a participle cue after the inverted speaker's
            # comma heads a report of its own; the inverted verb reports the clause on its left
            or frame_start > a and t.low[frame_start - 1] == "," and right0 + 1 < hi and k > right0
            and t.low[right0] == "," and (any(fr2.c0 == right0 + 1 and fr2.coord and fr2.cue is not None
                                              and fr2.cue.form == "ing" for fr2, _k2 in frames[n_f + 1:])
                                          # ('..., adding: "..."': the participle of a quotation's frame)
                                          or right0 + 1 in self.consumed and t.quote[right0 + 1] == -1
                                          and (cue_k := self._cue_at(right0 + 1)) is not None
                                          and cue_k[2].form == "ing"))
        # "..., Anne Prior said on the same call." / "..., Hollis said, clutching the lectern": what follows
        # a sentence-final frame is a phrase about the telling (a preposition or a participle first, no
        # complementizer), so the content is on the left
        # ('... time to "settle down," Moreau said in an interview.': the comma may stand inside a closing quotation)
        comma = frame_start > a and (t.low[frame_start - 1] == "," or frame_start - 1 > a and t.low[frame_start - 2] == ","
                                     and t.quote[frame_start - 1] != -1 and t.mark[frame_start - 1])
        tail = (kind != "according_to" and not acc_left and comma
                and left_words >= _FINAL_FRAME_LEFT_WORDS and fr.s0 >= 0 and k < hi
                and fr.cue is not None and fr.cue.form != "phrase" and fr.antecedent is None
                and t.low[fr.s0] not in ("who", "which", "that")
                and (t.low[k] in _TAIL_PREPS and not (k + 1 < hi and t.low[k] == "at" and t.low[k + 1] in ("least", "most"))
                     or t.low[k].endswith("ing") and t.low[k - 1] == "," and t.low[k] not in self.lex.forms)
                # (a quoted title is no quotation: "..., he said on HBC’s “Morning Ledger.”")
                # (only up to a semicolon: "..., his aides argued in interviews; rather, it was ... that ...")
                and not any(t.low[m] in self.lex.complementizers or t.quote[m] != -1
                            and not self._is_title(*self.q_tok[t.quote[m]][:3], a)
                            for m in range(right0, next((x for x in range(right0, hi) if t.low[x] == ";"), hi)))
                # "In the long run, many pilots say, this effect could ...": a fronted phrase on the left
                # is no clause, so the clause after the frame is the content
                and not self._fronted_phrase(a, frame_start))
        # "..., Lee leads by 271 delegates(,) according to a count by the Ledger": an according-to phrase after
        # a clause of its own reports that clause, unless a subordinator or "that" leads into it ("after,
        # according to him, HBC censured his report")
        if kind == "according_to" and fr.cue is not None and fr.cue.lemma == "according to" \
                and left_words >= _ACCORDING_MIN_WORDS:
            p = fr.c0 - 1
            while p > a and (t.low[p] == "," or t.low[p] == "." and p + 1 < fr.c0 and t.low[p + 1] == ","
                             and t.end[p - 1] == t.start[p] and t.text[p - 1][:1].isupper()):
                p -= 1  # ("... in Salem, Mass., according to": a capitalised abbreviation's period; not "10 p.m.")
            acc_left = t.low[p] not in _SUBORDINATORS and t.low[p] not in self.lex.complementizers \
                and t.low[p] not in _PREPS and _is_word(t.text[p])
        # "according to a court document filed [by the attorney]", "according to an official [who spoke on ...]",
        # "according to documents from Ann Blair, [a close friend of ...]", "as Newsline reported [a few days
        # later]": what follows the source is the rest of its description or a phrase about the telling
        # ("According to Ann Cole, a friend of the mayor, the mayor called ...": the next frame's subject after
        # the description's comma ends ``hi`` there; the content goes on to the unit's end)
        hi_d = b if hi < b and t.low[hi] == "," and fr.c0 == a + sum(not _is_word(t.text[x]) for x in range(a, fr.c0)) \
            and t.low[k] in ("a", "an") else hi
        if kind == "according_to" and not acc_left and k < hi and k >= right0 and (
                k == right0 and t.low[k] in _SOURCE_TAILS
                or t.low[k] in ("a", "an") and t.low[k - 1] == "," and fr.a1 < 0
                and not self._is_clause(k, next((x for x in range(k, hi_d) if t.low[x] == ","), k), False)
                and any(t.low[x] == "," for x in range(k, hi_d))
                or fr.cue is not None and fr.cue.lemma != "according to" and k == right0
                and (t.low[k] in _PREPS and t.low[k] != "to" or t.low[k] in _TIME_WORDS or self._time_phrase_only(k, hi))
                and not self._is_clause(k, e, False)):
            lead = frame_start - 1 if frame_start > a and t.low[frame_start - 1] == "as" else frame_start
            lead = fr.c0 if fr.cue is not None and fr.cue.lemma == "according to" else lead
            if left_words < _ACCORDING_MIN_WORDS or lead <= a or t.low[lead - 1] not in (",", "—", "–") \
                    and not (t.quote[lead - 1] != -1 and t.mark[lead - 1]):
                # nothing reported on the left: the content is the clause after the description's comma
                m = next((x for x in range(k, hi_d) if t.low[x] == "," or t.quote[x] != -1), hi_d)
                end = hi_d
                while end > m and not _is_word(t.text[end - 1]):
                    end -= 1
                if m < end and t.low[m] == "," and t.words(m + 1, end) >= _ACCORDING_MIN_WORDS \
                        and (self._is_clause(m + 1, end, False) or t.low[k] in ("a", "an")
                             # "..., the contractors assembled their weapons": a past tense after the subject
                             or not _past_like(t.low[m + 1]) and any(_past_like(t.low[x]) for x in range(m + 2, end))):
                    return (m + 1, end)
                return None
            acc_left = True
        # "..., Defense Secretary Lee Park told a Senate panel Wednesday.": a sentence-final frame whose verb takes
        # an addressee and no clause after it reports the clause on its left
        addressee = (kind == "indirect" and not fr.inverted and fr.cue is not None and fr.cue.lemma == "tell"
                     and fr.s0 >= 0 and (self._opens_clause(a, frame_start) or self._fronted_then_clause(a, frame_start))
                     and frame_start > a and t.low[frame_start - 1] == "," and left_words >= _FINAL_FRAME_LEFT_WORDS
                     and right0 < hi and (t.words(right0, hi) <= _ADDRESSEE_ONLY_WORDS
                                          and not self._is_clause(right0, hi, True)
                                          or self._addressee_then_subordinate(right0, hi))
                     and not any(t.low[m] in self.lex.complementizers or t.quote[m] != -1 for m in range(right0, hi)))
        acc_left = acc_left or csq or rel or tail or addressee
        if kind == "indirect" and not acc_left and words >= _MIN_CONTENT_WORDS and fr.cue is not None \
                and fr.cue.lemma == "tell" and fr.s0 > a \
                and t.low[frame_start - 1] == "," and k == right0 and right0 < hi and _is_cap(t.text[right0]) \
                and t.words(right0, hi) <= _ADDRESSEE_ONLY_WORDS and not self._is_clause(right0, hi, True) \
                and not any(t.low[m] in self.lex.complementizers or t.quote[m] != -1 for m in range(right0, hi)):
            return None  # "..., his aide told The Harbour Herald.": the name after "told" is whom, not what
        if kind == "indirect" and not acc_left and words >= _MIN_CONTENT_WORDS and n_f == 0 and fr.s0 >= 0 \
                and fr.cue is not None and fr.cue.cls in ("speech", "cognition") and frame_start > a and t.low[frame_start - 1] == "," and k > right0 and t.low[k - 1] == "," \
                and self._skip_pp_right(max(fr.c1, fr.s1, fr.a1), hi) == k - 1 and t.quote[k] == -1 \
                and self._predicate_at(k, e, frame_start - 1 - a <= _SUBJECT_FRAGMENT_TOKENS and t.low[a] in _DET):
            # "The mayor, Lee said, never forgets a slight", "And the plan, said Ann Lee, who ..., was dead": a
            # frame between commas after the subject, before its verb, interrupts one clause; the content runs
            # from the sentence's first word (a fronted phrase or a connective before a frame whose right part
            # has a subject of its own stays out: "In the long run, analysts say, the levy could ...")
            s_ = a
            while s_ < frame_start and not _is_word(t.text[s_]):
                s_ += 1
            if s_ < frame_start - 1 and not any(t.quote[m] != -1 or t.low[m] in (";", ":", "—", "–")
                                                for m in range(s_, frame_start)):
                return (s_, e)
        if (words >= _MIN_CONTENT_WORDS and kind != "according_to" or words >= _ACCORDING_MIN_WORDS) and not acc_left:
            return (k, self._subordinate_end(fr, kind, a, k, e))
        if words == 1 and kind == "indirect" and not acc_left and fr.cue is not None and fr.cue.content_object \
                and k == right0 and (_is_cap(t.text[k]) or t.low[k] in _PERSON_OBJECTS):
            return (k, e)  # "endorsed Lee", "criticized him": a one-word object names who the act is about
        # "In a speech last July, he said:" / "Ann Lee wrote in a post:": a colon after the frame announces
        # what follows; the words on the left are no content
        c_ = self._skip_pp_right(right0, len(t))
        if kind == "indirect" and not acc_left and c_ < len(t) and t.low[c_] == ":" and t.quote[c_] == -1:
            return self._block_after_colon(fr, c_)
        if kind == "indirect" and not acc_left and fr.s0 >= 0 and not fr.inverted and fr.c0 > a \
                and t.low[fr.c0 - 1] == "to":
            return None  # "..., and Ann Lee took to Twitter to say thanks.": a purpose infinitive reports no clause
        # the content is on the left: "..., Smith said." / "..., according to X."
        left_end = min(x for x in (fr.s0, fr.c0) if x >= 0) if fr.s0 >= 0 else fr.c0
        if kind == "indirect" and not acc_left and fr.s0 >= 0 and not fr.inverted and right0 < hi \
                and _is_word(t.text[right0]) and self._fronted_phrase(a, left_end):
            return None  # "Amid discord, Lee claims nomination": a fronted phrase before a frame with an object
        if kind == "according_to" and fr.cue is not None and fr.cue.lemma != "according to" and left_end > a \
                and t.low[left_end - 1] == "as":
            left_end -= 1  # "..., as Newsline reported a few days later."
        elif kind == "according_to":
            left_end = fr.c0
        s = a
        first = a
        while first < left_end and (not _is_word(t.text[first]) or t.low[first] in ("and", "but", "so", "yet")):
            first += 1
        # ("After Lee accused him, he said": a fronted subordinate clause is no main clause to report whole, unless
        # a main clause follows it before a frame that closes the sentence: "As the inquiry winds down, agents
        # will ask whether her aides knew ..., officials said" reports the whole sentence)
        main_first = first < left_end and (t.low[first] not in _AROUND_SUBORDINATORS and t.low[first] not in (
            "if", "as", "since", "among", "whether", "even", "once", "unless", "until") or self._ends_unit(fr, b)
            and any(t.low[m] == "," and t.quote[m] == -1 for m in range(first + 1, left_end - 2)))
        # start after a previous frame of this unit
        for n2, (fr2, _k2) in enumerate(frames[:n_f]):
            if n2 in self._silent:
                continue  # "Organizers added 160 guards, the Ledger-Times reported.": an event, reported whole
            end2 = max(fr2.c1, fr2.s1, fr2.a1)
            if fr2.cue is not None and fr2.cue.content_object and not fr2.inverted and fr2.s0 >= 0 \
                    and (fr2.s0 == s or t.low[fr2.s0 - 1] not in (",", ";", ":")):
                continue  # "The union condemned the move, the mayor said.": the act is part of what was said
            if kind == "according_to" and fr.cue is not None and fr.cue.lemma == "according to" \
                    and fr2.s0 >= 0 and not fr2.inverted and (fr2.s0 == s or t.low[fr2.s0 - 1] not in (",", ";", ":")):
                continue  # "He returned and said little, according to an attendee.": the clause is reported whole
            if fr2.cue is not None and fr2.cue.cls in ("cognition", "evidence") and fr.s0 >= 0 and not fr.inverted \
                    and fr.cue is not None and fr.cue.cls == "speech" and frame_start > a \
                    and t.low[frame_start - 1] == "," and main_first:
                continue  # "..., and he finds that in harbour work, he said": the belief is part of what was said
            st2 = min(x for x in (fr2.s0, fr2.c0) if x >= 0) if fr2.s0 >= 0 else fr2.c0
            if st2 > s and _is_word(t.text[st2 - 1]) and t.low[st2 - 1] not in _FRAME_OPENERS and t.quote[st2 - 1] == -1 \
                    and fr.s0 >= 0 and t.low[frame_start - 1] == "," and main_first:
                continue  # "..., which he's expected to win, Jones said", "... trust those they know ..., she
                # said": a frame inside a relative or subordinate clause is part of what the final frame reports
            if st2 == s and fr2.s0 >= 0 and not fr2.inverted and fr.s0 >= 0 and frame_start > a \
                    and t.low[frame_start - 1] == "," and main_first and (self._ends_unit(fr, b) or fr.inverted):
                continue  # "Lee warned Kim not to move, an official said.": the whole clause is what was said
            if end2 <= left_end:
                s = max(s, end2)
        if csq and t.low[right0] in ("—", "–"):
            # "... is not whether he quits — that will not happen, they believe — but how ...": a frame closed by a
            # dash reports the clause after the dash that opens it
            s = max([s] + [m + 1 for m in range(s, left_end) if t.low[m] == t.low[right0]])
        e = left_end
        while e > s and (not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1])
                         or t.low[e - 1] in ("and", "but") and t.quote[e - 1] == -1):
            e -= 1  # ("..., and the port agrees.": the conjunction before the frame is no part of the content)
        while s < e and (not _is_word(t.text[s]) and not (t.quote[s] != -1 and t.mark[s])
                         or t.low[s] in ("but", "and", "so", "yet")):
            s += 1
        words = t.words(s, e)
        if words >= _MIN_CONTENT_WORDS:
            return (s, e)
        return None
