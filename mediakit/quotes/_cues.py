"""Cue words: the attribution verb or phrase at a token, with the English context checks that tell a
verb from a noun ("the report", "his top shows").
"""

from __future__ import annotations

from ._lexicon import Cue
from ._phrases import _QUANTITY_WORDS
from ._tokens import _is_cap, _is_word
from ._words import (
    _ADV_SKIP,
    _ARTICLES,
    _AUX,
    _CLAUSE,
    _CONTRACTED_BE,
    _DET,
    _DOCUMENT_NOUNS,
    _MEDIUM_WORDS,
    _NEGATED_AUX,
    _NOT_ADVERBS_LY,
    _NOT_PLURAL,
    _NOUNISH,
    _OBJECT_PRONOUNS,
    _PASSIVE_BLOCKED,
    _POSSESSIVE_DET,
    _PREPS,
    _QUESTION_WORDS,
    _RESTRICTED,
    _SENT_OPENERS,
    _SPEAKER_NOUNS,
)

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# a headline line has at least this many words ...; origin unknown, predates this refactor
_TITLE_LINE_MIN_WORDS = 3
# ... and at least this share of them capitalised (Title Case); origin unknown, predates this refactor
_TITLE_LINE_CAPS_SHARE = 0.6

# participles of permission before "to" and a verb of speaking: an anonymity phrase, no attribution
_PERMISSION_WORDS = frozenset({"authorized", "authorised", "permitted", "allowed", "cleared", "empowered"})


# verbs whose content is their object: the past form right before a preposition or a stop is a participle
# ("the measures listed in the law", "the terms offered by the bank"); chosen with the verbs (PolNeAR train)
_OBJECT_ONLY = frozenset({"offer", "list", "portray", "characterize", "liken", "express"})


# words that count "points" ("gained 85.3 points to", "shed several points to"): a noun, no "points to" cue
_POINT_COUNTS = _QUANTITY_WORDS | {"several", "few", "many", "more", "fewer", "percentage", "basis"}


# speech verbs that documents use as well as people ("research by two economists suggests that"); set by hand
_EVIDENCE_SPEECH = frozenset({"suggest", "indicate", "reveal", "confirm", "conclude"})


# auxiliaries before a base form ("can barely believe", "would hardly say")
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did",
                     "not", "cannot"})


# quantifiers that stand alone as a plural subject before a base-form cue ("Few think ...", "many believe ...",
# "most in the party want ..."); chosen on PolNeAR train false negatives
_QUANTIFIER_SUBJECTS = frozenset({"few", "many", "most", "some", "all", "both", "several", "others", "fewer",
                                  "more"})


# plural subjects with no -s before a base-form cue ("the police say", "women say", "a third say", "the
# majority say"); chosen on PolNeAR train false negatives of "say"
_PLURAL_WITHOUT_S = frozenset({"police", "women", "men", "children", "staff", "clergy", "personnel", "third",
                               "half", "majority", "minority", "quarter", "fifth", "plurality"})
# first words of a clause reported with no "that" after a quantifier's verb ("Several said [they] ...")
_CLAUSE_STARTS = frozenset({"he", "she", "they", "it", "we", "i", "you", "there", "the", "a", "an", "his",
                            "their", "its", "our"})
# determiners and quantifiers that open the subject of a clause after a verb of belief or wish ("Supporters of the
# law hope [this] is ...", "voters in each state want [all] migrants to ..."); set by hand
_QUANTIFIER_STARTS = frozenset({"this", "these", "those", "all", "some", "most", "many", "no", "every", "each",
                                "our", "her"})
# a subject pronoun with its contracted auxiliary before a past form: "He's said", "They've said", "she'd told"
_CONTRACTED_SUBJECTS = frozenset(f"{pron}{q}{aux}" for pron in ("he", "she", "they", "we", "i", "you")
                                 for q in ("'", "’") for aux in ("s", "ve", "d"))
# what may join a clause opened by "another"/"one" as its subject ("..., but another says ...")
_CLAUSE_JOINS = frozenset({",", ";", "and", "but", "while", "whereas"})
# days that may stand between a cue and its complementizer ("many said Monday that")
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                       "today"})
# the longest prepositional or participle phrase between a plural head and its base-form cue ("Critics of the
# plan say"); chosen on PolNeAR train false negatives
_PHRASE_AFTER_HEAD_MAX_TOKENS = 10
# the longest parenthesis between dashes before a cue, in tokens ("Ann Lee — who worked at the door of the office
# for three years — states that"); set by hand
_DASH_PARENTHESIS_MAX_TOKENS = 20
# adjectives that follow the plural head with their prepositional phrase ("people close to the mayor")
_POSTNOMINAL_ADJECTIVES = frozenset({"close", "familiar", "loyal", "opposed", "allied", "aligned", "sympathetic",
                                     "friendly", "hostile", "connected", "tied", "linked", "critical", "involved"})
# forms of "be" after which an -ing cue is an adjective when punctuation follows ("is worrying,"; "is telling
# in its own right")
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s"})
# adjectives that make "read" a noun after a determiner ("her favourite read", "a quick read", "his recent reads"
# is a plural noun already); chosen on PolNeAR train false positives
_READ_ADJECTIVES = frozenset({"favourite", "favorite", "recent", "latest", "good", "great", "quick", "easy", "light",
                              "best", "summer", "holiday", "beach", "must"})
# nouns of a request that "seeking" describes ("a request seeking comment", "messages seeking comment"): a
# participle on the noun, with no speaker; chosen on PolNeAR train false positives of "seek"
_REQUEST_HEADS = frozenset({"request", "requests", "message", "messages", "call", "calls", "email", "emails",
                            "inquiry", "inquiries", "letter", "letters"})


# determiners of a singular noun phrase: a cue word that doubles as a noun after one of them and a modifier, with
# no object or clause after it ("a surefire forecast of", "its economic forecast and"), is the noun
_SINGULAR_DETS = frozenset(_ARTICLES - {"the"} | _POSSESSIVE_DET)


# forms of "make" before "known" ("made their views known"): the idiom, not a report of what someone knows
_MAKE_FORMS = frozenset({"make", "makes", "made", "making"})
# nouns a past participle modifies right before them ("pledged delegates"): no verb and no speaker
_PARTICIPLE_HEADS = frozenset({"delegate", "delegates"})
# subject pronouns before an -ing cue ("they thinking"): the verb, not a noun
_SUBJECT_WORDS = frozenset({"i", "we", "you", "they", "he", "she", "it", "who", "which", "that", "people"})


def _plural_noun(w: str) -> bool:
    """A lower-cased word that reads as a plural noun: "critics", "people", "police" (not "his", "was")."""
    return _is_word(w) and (w in _PLURAL_WITHOUT_S or w == "people" or w.endswith("s") and not w.endswith(
        ("ss", "'s", "’s")) and w not in _NOT_PLURAL and not w[:1].isdigit() and w not in _AUX)


class _Cues:
    """Cue recognition (mixed into the analyser of :mod:`._rules`)."""

    # ------------------------------------------------------------ cues
    def _cue_at(self, i: int, backward: bool = False) -> tuple[int, int, Cue] | None:
        """The cue starting at token ``i`` (or ending at it, with ``backward``) as ``(i0, i1, cue)``."""
        t = self.t
        n = len(t)
        if i < 0 or i >= n or t.quote[i] != -1 and not t.mark[i]:
            return None
        lex = self.lex
        if backward:
            for L in range(min(lex.max_phrase, i + 1), 0, -1):
                r = self._cue_at(i - L + 1)
                if r is not None and r[1] == i + 1:
                    return r
            return None
        w = t.low[i]
        if t.text[i].isupper() and len(t.text[i]) > 1 and i + 1 < n and (
                t.text[i + 1].isupper() or t.low[i + 1] == ":"):
            return None  # "READ MORE:", "WATCH:": a label of the page, not a verb
        if _is_cap(t.text[i]) and i > 0 and t.low[i - 1] not in _SENT_OPENERS and \
                "\n" not in self.text[t.end[i - 1]:t.start[i]] and self.lang_rules.caps_block_cues and not self._in_title_line(i):
            return None  # "United States", "State Department" are no cues; a headline's "Says" is
        if _is_cap(t.text[i]) and i > 0 and t.low[i - 1] == "," and i + 1 < n and _is_cap(t.text[i + 1]) \
                and i + 2 < n and t.low[i + 2] in (",", ".", "and", ";") and self.lang_rules.caps_block_cues:
            return None  # "Eric Wolcott, Grant Yates, ...": a first name in a list of names
        if w in lex.phrase_first:
            for L in range(min(lex.max_phrase, n - i), 1, -1):
                key = tuple(t.low[i:i + L])
                c = lex.phrases.get(key)
                if c is not None and all(t.quote[k] == -1 for k in range(i, i + L)) and not (
                        w in ("point", "points") and i > 0 and (t.low[i - 1][:1].isdigit() or t.low[i - 1] in _POINT_COUNTS)):
                    return (i, i + L, c)  # (not "gained 85.3 points to 17,950": a count of points)
        c = lex.forms.get(w)
        if c is None:
            return None
        if not self._verb_context(i, c):
            return None
        return (i, i + 1, c)

    def _in_title_line(self, i: int) -> bool:
        """True when token ``i`` stands in a line written in Title Case (a headline)."""
        text = self.text
        s = text.rfind("\n", 0, self.t.start[i]) + 1
        e = text.find("\n", self.t.start[i])
        e = len(text) if e == -1 else e
        key = (s, e)
        cached = self._title_lines.get(key)
        if cached is None:
            words = [w for w in text[s:e].split() if w[:1].isalpha()]
            caps = sum(1 for w in words if w[:1].isupper())
            cached = len(words) >= _TITLE_LINE_MIN_WORDS and caps >= _TITLE_LINE_CAPS_SHARE * len(words)
            self._title_lines[key] = cached
        return cached

    def _plural_head_before_phrase(self, i: int) -> bool:
        """True when a plural noun heads the words before the base-form cue at ``i``, with a prepositional or
        participle phrase between them ("Critics of the plan say", "activists clamoring to block the nominee
        from the ballot say"): the phrase holds only words, no auxiliary, clause word or punctuation."""
        t = self.t
        j = i - 1
        if t.low[j] == "here" and j >= 1:
            j -= 1  # "officials here say", "opponents of the law here say"
            if _plural_noun(t.low[j]):
                return True
        for k in range(j - 1, max(-1, j - 1 - _PHRASE_AFTER_HEAD_MAX_TOKENS), -1):
            # "Supporters who have heard from the campaign say": a relative clause, auxiliaries and all, after the
            # plural head
            if not _is_word(t.low[k]) or t.quote[k] != -1 or t.low[k] in ("and", "but", "or", "that", "which"):
                break
            if t.low[k] == "who" and k >= 1 and _plural_noun(t.low[k - 1]) and (k < 2 or t.low[k - 2] not in _PREPS):
                return True
        for k in range(j - 1, max(-1, j - 1 - _PHRASE_AFTER_HEAD_MAX_TOKENS), -1):
            w = t.low[k]
            if w == "who" and k >= 1 and _plural_noun(t.low[k - 1]) and t.quote[k] == -1:
                return True  # "Supporters who came to the city say": a relative clause after the plural head
            if not _is_word(w) or t.quote[k] != -1 or w in _AUX or w in _CLAUSE and w != "to" \
                    or w in self.lex.forms and self.lex.forms[w].form in ("past", "s"):
                return False
            # ("to" opens a phrase only before "say": "aides to the mayor say"; "the actions to an executive
            # order and" is no frame)
            opens = w in _PREPS and (w != "to" or t.low[i] == "say") or w.endswith("ing") and len(w) > 4 and not _is_cap(t.text[k])
            if opens and k >= 1:
                h = t.low[k - 1]
                if h in _POSTNOMINAL_ADJECTIVES and k >= 2:
                    h = t.low[k - 2]  # "people close to the mayor say", "officials familiar with the talks say"
                if _plural_noun(h) or h in _QUANTIFIER_SUBJECTS and (k < 2 or t.low[k - 2] not in _DET):
                    return True  # ("few on either side think ...", "most in the party say ...")
        return False

    def _singular_head_before_phrase(self, i: int) -> bool:
        """True when a singular noun heads the words before the -s form cue at ``i``, with a prepositional phrase
        ending in a plural between them ("A report by two senators argues", "One of the lawyers contends"): the
        phrase holds only words, no auxiliary or clause word."""
        t = self.t
        for k in range(i - 2, max(0, i - 1 - _PHRASE_AFTER_HEAD_MAX_TOKENS), -1):
            w = t.low[k]
            if not _is_word(w) or t.quote[k] != -1 or w in _AUX or w in _CLAUSE and w != "to" or w in self.lex.forms:
                return False
            if w in _PREPS and w != "to":
                h = t.low[k - 1]
                return h.isalpha() and not (h.endswith("s") and not h.endswith("ss")) and h not in _DET \
                    and h not in _PREPS and h not in _AUX and not h.endswith("ed")
        return False

    def _document_head_before(self, i: int, plural: bool) -> bool:
        """True when a document, poll or record (plural with ``plural``, else singular) heads the words before the
        cue at ``i``, alone or before a prepositional phrase ("Data show", "Polls in Ohio show", "Records from the
        2008 cycle show", "A video of the rally shows")."""
        t = self.t

        def head(w: str) -> bool:
            return w in _DOCUMENT_NOUNS and (w == "data" or _plural_noun(w)) == plural

        if head(t.low[i - 1]):
            return True
        for k in range(i - 2, max(0, i - 1 - _PHRASE_AFTER_HEAD_MAX_TOKENS), -1):
            w = t.low[k]
            if k - 1 >= 0 and w.endswith("ed") and t.text[k].islower() and w not in _AUX:
                # "Research (to be) released this week by four economists suggests": a participle after the head
                m = k - 3 if k - 3 >= 0 and t.low[k - 1] == "be" and t.low[k - 2] == "to" else k - 1
                if head(t.low[m]):
                    return True
            if not _is_word(w) or t.quote[k] != -1 or w in _AUX or w in _CLAUSE or w in self.lex.forms:
                return False
            if w in _PREPS and w != "to" and head(t.low[k - 1]):
                return True
        return False

    def _coordinated_names_before(self, i: int) -> bool:
        """True when two capitalised names joined by "and" end right before token ``i`` ("Lee and Kim", "Ann Lee
        and Tom Kim"), each of at most three words."""
        t = self.t
        k = i - 1
        while k >= 0 and i - k <= 3 and _is_cap(t.text[k]) and _is_word(t.low[k]) and t.low[k] not in _DET:
            k -= 1
        return k < i - 1 and k >= 1 and t.low[k] == "and" and _is_cap(t.text[k - 1]) and _is_word(t.low[k - 1]) \
            and t.low[k - 1] not in _DET

    def _dash_opens_before(self, d: int) -> bool:
        """True when the dash at token ``d`` closes a parenthesis that the same dash opened a few tokens before, in
        the same line, with words between ("Ann Lee — who worked at the door for years — states")."""
        t = self.t
        for k in range(d - 2, max(-1, d - _DASH_PARENTHESIS_MAX_TOKENS), -1):
            if "\n" in self.text[t.end[k]:t.start[k + 1]] or t.low[k] in (".", "!", "?", ";"):
                return False
            if t.low[k] == t.low[d]:
                if k > 1 and t.low[k - 1] == t.low[d] and t.low[d - 1] == t.low[d]:
                    k -= 1  # "Critics -- including two on the board -- warn": double hyphens
                return k > 0 and _is_word(t.text[k - 1])
        return False

    def _modal_verb_before(self, j: int, a: int) -> bool:
        """True when a modal or negated auxiliary and one or two lower-case words (a verb and its particle)
        stand right before the "and" at ``j`` ("may listen and", "didn't come out and")."""
        t = self.t
        for m in (j - 2, j - 3):
            if m >= a and (t.low[m] in _MODALS and t.low[m] not in ("not", "cannot") or t.low[m] in _NEGATED_AUX) and all(
                    t.text[x].isalpha() and t.text[x].islower() and t.low[x] not in _AUX for x in range(m + 1, j)):
                return True
        return False

    def _verb_before_modifier(self, j: int) -> bool:
        """True when the capitalised word at ``j`` (one word, no name before it) follows a verb after "to" or a
        modal, with at most one lower-case adjective between ("to calm European", "would ease growing Asian"):
        the word is an adjective on the noun after it, the verb's object, not the subject of a cue."""
        t = self.t
        if j < 2 or _is_cap(t.text[j - 1]) or not t.text[j].isalpha():
            return False
        for m in (j - 1, j - 2):
            if m < 1 or not t.text[m].isalpha() or not t.text[m].islower():
                return False
            w = t.low[m]
            if w in _DET or w in _PREPS or w in _AUX or w in _CLAUSE or w in _ADV_SKIP or w in _MODALS \
                    or w in _SUBJECT_WORDS or w in _OBJECT_PRONOUNS or w in self.lex.forms or w.endswith("ly"):
                return False
            if t.low[m - 1] == "to" or t.low[m - 1] in _MODALS and t.low[m - 1] not in ("not", "do", "does", "did"):
                return True
        return False

    def _verb_context(self, i: int, c: Cue) -> bool:
        """Reject cue words used as nouns, adjectives or prepositions: "the report", "his top shows",
        "a neighboring state", "an option seen by", "states like Ohio"."""
        if not self.lang_rules.check_verb_context:
            return True
        t = self.t
        starts = i == 0 or t.low[i - 1] in _SENT_OPENERS or "\n" in self.text[t.end[i - 1]:t.start[i]]
        p = "" if starts else t.low[i - 1]
        nxt = t.low[i + 1] if i + 1 < len(t) else ""
        if c.lemma == "see" and nxt == "fit":
            return False  # "as it saw fit", "if they see fit to": an idiom of choosing, nobody sees or says anything
        if c.form == "past" and i >= 3 and t.low[i - 3] in ("a", "an") and p == "and" and t.low[i].endswith("ed") \
                and nxt not in _QUESTION_WORDS \
                and t.text[i - 2].isalpha() and t.text[i - 2].islower() and t.low[i - 2] not in self.lex.forms \
                and i + 1 < len(t) and t.text[i + 1].isalpha() and t.text[i + 1].islower() and nxt not in _PREPS \
                and nxt not in _DET and nxt not in self.lex.complementizers and nxt not in _OBJECT_PRONOUNS \
                and nxt not in _SUBJECT_WORDS and nxt not in _AUX:
            return False  # "a bold and measured step": a participle coordinated with an adjective on a noun
        if c.form == "base" and i >= 2 and p.endswith("ly") and len(p) > 4 and t.text[i - 1][:1].islower() \
                and p not in _NOT_ADVERBS_LY and (t.low[i - 2] in _MODALS or t.low[i - 2] in _NEGATED_AUX) and _is_word(nxt):
            return True  # "can barely believe", "would hardly say", "did not really think": an adverb after a modal
        if p in ("only", "first", "last", "next", "same", "main") and i >= 2 and c.form in ("base", "s") and t.low[i - 2] in (
                "the", "a", "an", "his", "her", "their", "its", "our", "my", "your"):
            return False  # "the only question", "the only answer is", "the first show": a noun after its determiner
        if starts and i >= 3 and t.low[i - 1] in ("-", "—", "–") and c.form in ("base", "s", "past") and _is_word(nxt) \
                and self._dash_opens_before(i - 1):
            return True  # "Some economists - including two on the board - warn that": a parenthesis between dashes
        if c.lemma in _NOUNISH and i >= 2 and t.low[i - 2] in _SINGULAR_DETS and _is_word(p) and t.text[i - 1].islower() \
                and p not in _AUX and p not in _MODALS and p not in ("not", "never", "n't") \
                and not t.low[i].endswith(("ed", "ing")) and (nxt in _PREPS and nxt != "to" or not _is_word(nxt) or nxt in ("and", "or")):
            return False  # "a surefire forecast of results", "its economic forecast and": a noun after its modifier
        if c.form == "s" and i >= 3 and _is_cap(t.text[i - 1]) and self._verb_before_modifier(i - 1):
            return False  # "tried to calm European fears that", "to soothe mounting Nordic doubts": the plural noun
        if c.lemma == "attack" and c.form in ("s", "base") and not (
                nxt in _DET or nxt in _OBJECT_PRONOUNS or nxt.endswith(("'s", "’s")) or i + 1 < len(t)
                and _is_cap(t.text[i + 1]) and t.low[i + 1] not in ("on", "against")):
            return False  # "the Paris attacks and ...", "attacks that killed 130": the noun; the verb has an object
        if p == "to" and i >= 2 and t.low[i - 2] in _PERMISSION_WORDS:
            return False  # "an official who was not authorized to discuss it": whom a rule forbids to speak
        if c.lemma == "read" and p in _READ_ADJECTIVES and i >= 2 and t.low[i - 2] in _DET:
            return False  # "Her favourite read, “The Long Winter,” ...", "a quick read.": the noun
        if c.lemma == "seek" and c.form == "ing" and p in _REQUEST_HEADS:
            return False  # "did not return a request seeking comment": a participle on the request
        if p in ("here", "there") and c.form == "base" and i >= 2 and _plural_noun(t.low[i - 2]) \
                and t.text[i - 1][:1].islower():
            p = t.low[i - 2]  # "Polls there show ...", "officials here say ...": the plural noun before the adverb
        if c.lemma == "state" and c.form in ("base", "s") and (p in ("he", "she", "it", "they", "we", "i", "you")
                                                              or p in ("—", "–") and i >= 2 and _is_word(t.low[i - 2])
                                                              or _is_cap(t.text[i - 1]) and p not in _DET
                                                              and nxt == "that" and i + 2 < len(t)
                                                              and t.low[i + 2] not in _AUX):
            return True  # "It states that ...", "They state their goal is ...", "Lee — who ... — states that"
        if c.lemma == "state" and c.form == "s" and nxt in (",", ".") and i >= 3 and t.text[i - 1][:1].islower() \
                and _is_word(p) and p not in _DET and p not in _PREPS and any(
                    t.quote[k] != -1 and t.mark[k] for k in range(max(0, i - 6), i - 1)):
            return True  # '“...,” the document states.': a present-tense frame after a quotation
        if c.lemma in _RESTRICTED and (c.form in ("base", "s") or c.lemma == "back"):
            # the forms that double as nouns ("a state", "the states"; "stated", "stating" are verbs), and
            # every form of "back" ("backed down", "super PACs backing Mr. Marsh")
            if c.form == "past" and p in _COPULAS:
                return False  # "Lee is backed by 520 delegates": the passive names the backers, not what Lee said
            if c.form == "base" and p in _COPULAS:
                return False  # "the rate is back to 11 percent", "will be back in May": the adverb after a copula
            return p in _RESTRICTED[c.lemma] or p in _AUX or p in ("not", "n't", "never")
        # a share of those polled: "two in three said", "all but two said" (a number on both sides of the word)
        share = (p in _QUANTITY_WORDS or p.isdigit()) and p != "a" and (i >= 3 and t.low[i - 2] in ("in", "but") and (
            t.low[i - 3] in _QUANTITY_WORDS or t.low[i - 3].isdigit() or t.low[i - 3] == "all")
            # "nine out of 10 say"
            or i >= 4 and t.low[i - 2] == "of" and t.low[i - 3] == "out" and (
                t.low[i - 4] in _QUANTITY_WORDS or t.low[i - 4].isdigit()))
        if p in _QUANTIFIER_SUBJECTS and c.form == "base" and c.lemma not in _NOUNISH and _is_word(nxt) \
                and nxt not in _PREPS and not (i >= 2 and t.low[i - 2] in _DET):  # ("the most elaborate")
            return True  # a quantifier as the subject: "few think the tax will pass", "most want to ..."
        if p in _QUANTIFIER_SUBJECTS and c.form == "base" and c.lemma not in _NOUNISH and c.cls in ("speech", "cognition") \
                and nxt == "," and i >= 2 and t.low[i - 2] == ",":
            return True  # a frame between commas: "That attitude, many argue, could ...", "..., many think, is ..."
        if nxt in _WEEKDAYS and i + 2 < len(t) and t.low[i + 2] in self.lex.complementizers:
            nxt = t.low[i + 2]  # "many said Monday that ...": the day before the complementizer
        if p in _QUANTIFIER_SUBJECTS and c.form == "past" and c.cls == "speech" \
                and (nxt in self.lex.complementizers or nxt in _CLAUSE_STARTS or nxt == "to" and c.lemma != "say") \
                and (i == 1 or t.low[i - 2] in _SENT_OPENERS or t.low[i - 2] in (",", ";", "and", "but")):
            return True  # a quantifier opening the clause: "Several said they would rather ...", "both vowed to"
        if p in ("another", "one") and c.form == "past" and c.cls == "speech" and (i == 1 or t.low[i - 2] in _SENT_OPENERS
                                                                                   or t.low[i - 2] in _CLAUSE_JOINS) \
                and (nxt in self.lex.complementizers or nxt in _CLAUSE_STARTS or not _is_word(nxt)):
            return True  # "Another said he hoped ...", '“...,” another added.': the pronoun is the subject
        if p in ("both", "all") and i >= 2 and c.form in ("past", "base") and (
                t.low[i - 2] in _AUX or t.low[i - 2] in ("they", "we", "you")):
            return True  # "have both argued", "they both said": "both" floats after the subject or auxiliary
        if p in ("another", "one") and c.form == "s" and c.cls == "speech" and (i == 1 or t.low[i - 2] in _SENT_OPENERS
                                                                                or t.low[i - 2] in _CLAUSE_JOINS) \
                and (nxt in self.lex.complementizers or nxt in _CLAUSE_STARTS
                     or i + 1 < len(t) and _is_cap(t.text[i + 1]) and self._finite_clause(i + 1, len(t))):
            return True  # "One says the vote was rigged", "another says Ohio has more": the pronoun is the subject
        if c.form == "past" and p in _CONTRACTED_SUBJECTS:
            return True  # "He's said", "They've said", "she'd told": a pronoun with its contracted auxiliary
        if c.form == "ing" and p in _CONTRACTED_BE:
            return True  # "He's suggesting that", "they're saying": a pronoun with "is"/"are"/"am", a verb
        if p in ("two", "three", "four", "five", "six") and i >= 2 and t.low[i - 2] == "the" and c.form == "past" \
                and c.cls == "speech" and (nxt in self.lex.complementizers or nxt in _CLAUSE_STARTS
                                           or nxt in _QUANTIFIER_STARTS or nxt == "both"):
            return True  # "The joint statement by the two suggested both are ...": a number standing for people
        if (p in _DET or p.endswith(("'s", "’s", "s'", "s’"))) and not share:
            return False  # "the report", "Hale's claims", "Canada's continued participation"
        if c.form == "ing":
            if c.lemma == "think" and _is_word(p) and t.text[i - 1].islower() and p not in _AUX and p not in _ADV_SKIP \
                    and p not in _PREPS and p not in _OBJECT_PRONOUNS and p not in _SUBJECT_WORDS \
                    and not p.endswith("ly") and p not in ("not", "never", "keep", "kept", "keeps", "start", "started",
                                                          "begin", "began", "stop", "stopped") \
                    and nxt not in self.lex.complementizers and nxt not in ("about", "of", "through", "over", "so") \
                    and nxt not in _CLAUSE_STARTS:
                return False  # "critical thinking,", "wishful thinking", "the new thinking in the party": the noun
            if p in _COPULAS and (nxt in (",", ".", ";", ":", "") or c.lemma == "tell" and nxt in _PREPS):
                return False  # "the plan is worrying, Cuban said", "was convincing.": an adjective
            # "a strong showing in Iowa", "a poor showing.": a gerund heading a noun phrase (followed by a
            # preposition or the end of the clause, not by reported content as in "a statement saying that")
            # "control the harbour through central dispatch in the way ...": after a preposition, an adjective
            # and its -ing word are a noun phrase too (a plural noun there is the participle's subject: "with
            # voters saying"; after "to", a verb: "went to work seeking to ...")
            return not (i >= 2 and (t.low[i - 2] in _DET or t.low[i - 2] in _PREPS and t.low[i - 2] != "to" and _is_word(p)
                                    and not p.endswith(("s", "ly")) and p not in _OBJECT_PRONOUNS
                                    and p not in ("not", "never") and p not in self.lex.forms)
                        and t.text[i - 1][:1].islower() and p not in _AUX
                        and p not in _ADV_SKIP and (nxt in _PREPS or nxt in (".", ";", "-", "—", "–")))
        if c.form == "past":
            if t.low[i] == "known" and any(t.low[m] in _MAKE_FORMS for m in range(max(0, i - 5), i - 1)) \
                    and not _is_word(nxt) or t.low[i] == "known" and nxt in ("to", "on") and any(
                    t.low[m] in _MAKE_FORMS for m in range(max(0, i - 5), i - 1)):
                return False  # "made her views known", "make their voice known on Tuesday": an idiom of making public
            if p[:1].isdigit() and nxt.isalpha() and nxt.endswith("s") and nxt not in _PREPS and nxt not in _AUX:
                return False  # "270 pledged delegates", "20 reported cases": a participle before its noun
            if nxt in _PARTICIPLE_HEADS and i + 1 < len(t) and t.text[i + 1].islower() and not c.object \
                    and not _is_cap(t.text[i - 1]) and p not in _SUBJECT_WORDS:
                return False  # "among pledged delegates", "a large pledged delegate lead": a participle on the noun
            if nxt == "as" and c.lemma in _PASSIVE_BLOCKED and p not in ("he", "she", "they", "we", "i", "you"):
                return False  # "contests known as Super Tuesday", "seen as a uniter": a description
            if (p in _COPULAS or p == "not") and c.lemma in _PASSIVE_BLOCKED:
                return False  # passive: "is known as", "was asked", "were criticized"
            if c.lemma == "charge" and (nxt == "with" or p.endswith("ly") and p not in _AUX):
                return False  # "was charged with assault", "a racially charged dispute": a legal charge, an adjective
            if c.lemma in _OBJECT_ONLY and (nxt in _PREPS or not _is_word(nxt)) and p not in _AUX:
                return False  # "the measures listed in Section 5", "the help offered.": a participle, no object
            # "an option seen by": a participle; "Mr. Hale said by telephone": a name or pronoun's verb
            # ("Beijing responded by sidestepping Berlin" is an act)
            if nxt == "by" and c.cls == "speech" and i + 2 < len(t) and t.low[i + 2] in _MEDIUM_WORDS \
                    and not (i + 3 < len(t) and t.low[i + 3] in ("of", "from")):
                return True  # "Mr. Roe, now 81, said by telephone": the means of the telling, so a verb
            if nxt == "by" and c.cls in ("speech", "thought") and i + 2 < len(t) and (
                    t.low[i + 2][:1].isdigit() or t.low[i + 2] in _WEEKDAYS):
                return True  # "The mayor said by 2030 the city would ...": a deadline, not the agent of a passive
            return not (nxt == "by" and (p not in _AUX and not _is_cap(t.text[i - 1])
                                         and p not in ("he", "she", "they", "we", "i")
                                         or i + 2 < len(t) and t.low[i + 2].endswith("ing")))
        if p == "and" and c.form == "s" and c.lemma not in _NOUNISH and nxt not in _PREPS and _is_word(nxt):
            return True  # "He is comparing the actions to ... and says Mercer is flouting the process"
        if p == "and" and c.form == "base" and c.cls in ("speech", "cognition") and self._modal_verb_before(i - 1, 0) \
                and (nxt in self.lex.complementizers or i + 1 < len(t) and self._finite_clause(i + 1, len(t))):
            return True  # "voters may listen and conclude that", "Lee didn't come out and say"
        if p in _PREPS and p != "to" or p in ("and", "or", "nor"):
            return False
        if starts:
            return c.form == "s" or c.lemma == "say"
        if p in (",", ")"):
            return True  # "The reports, which X could not verify, describe ..." (the subject rules decide)
        if p in ("help", "helps", "helped") and c.form == "base" and c.cls == "speech" and _is_word(nxt) \
                and self.lang == "en":
            return True  # "Ann Lee helped convince voters that ...": a bare infinitive after "help"
        if p in _AUX or p in _ADV_SKIP or p in ("to", "not", "n't", "never", "i", "we", "you", "they", "who",
                                                 "which", "that", "people", "he", "she", "it"):
            return c.form == "base" or p not in ("i", "we", "you", "they", "people", "to") and p not in _AUX \
                or p in ("does", "doesn't")
        cap = _is_cap(t.text[i - 1])
        if c.form in ("base", "s") and (c.cls == "evidence" or c.lemma in _EVIDENCE_SPEECH) \
                and self._document_head_before(i, c.form == "base"):
            # "Data show ...", "Polls in Ohio show ...", "A video of the rally shows ...", "research by two
            # economists suggests ...": a document, poll or record reports
            return True
        if c.form == "base" and cap and c.lemma not in _NOUNISH and _is_word(nxt) and nxt not in _PREPS \
                and self._coordinated_names_before(i):
            return True  # "Professors Lee and Kim suggest ...", "Ann Lee and Tom Kim believe ...": a plural subject
        if c.form == "base" and c.lemma in _NOUNISH and c.infinitive and nxt == "to" and i + 2 < len(t) \
                and t.text[i + 2][:1].islower() and t.text[i + 2].isalpha() and t.low[i + 2] not in _DET \
                and t.low[i + 2] not in _OBJECT_PRONOUNS and self._plural_head_before_phrase(i):
            return True  # "Democrats on the committee plan to release ...": a plural head with its phrase
        if c.form == "base":
            if nxt in self.lex.complementizers and c.lemma not in _NOUNISH and c.cls == "speech":
                return True  # "some who advocate free speech argue that ...": a verb before "that"
            if c.lemma == "say" and (cap or p.endswith(("er", "ers", "or", "ors", "ist", "ists", "ed"))) \
                    and _is_word(nxt) and nxt not in _PREPS:
                return True  # "supporters of Ann Lee say they ...", "critics like Hoyle say it ..."
            if (p in ("percent", "%") or share or p in _PLURAL_WITHOUT_S) and c.lemma not in _NOUNISH \
                    and _is_word(nxt) and nxt not in _PREPS:
                return True  # a share of those polled: "42% say", "one in five say", "all but two say"
            # a plural subject: "officials say", "Republicans want"
            if p.endswith("s") and not p.endswith(("ss", "'s", "’s")) and p not in _NOT_PLURAL \
                    and not p[:1].isdigit():
                return True
            # "Critics of the plan say", "activists clamoring to block the nominee say": a plural head before a
            # prepositional or participle phrase whose last noun is singular
            # ("..., people close to the mayor say.": a final frame, the content on its left; "say" only, as
            # other cue words end noun phrases: "a procedural vote.", "the delegate list.")
            # (a cognition verb only before its clause: "Supporters of the law hope that ...", "few on either
            # side think the bill ...")
            return c.lemma not in _NOUNISH and (c.cls == "speech" and (
                _is_word(nxt) and nxt not in _PREPS and nxt not in ("and", "or", "but", "nor") or nxt in (".", ",") and c.lemma == "say")
                or c.cls == "cognition" and (nxt in self.lex.complementizers or nxt in _CLAUSE_STARTS
                                             or nxt in _QUANTIFIER_STARTS)
                and p not in _OBJECT_PRONOUNS and "to" not in t.low[max(0, i - _PHRASE_AFTER_HEAD_MAX_TOKENS):i]) \
                and self._plural_head_before_phrase(i)  # (not "eyes on members to make them feel that ...")

        # -s form: a singular subject; plural nouns ("his top shows", "somber comments") are no verbs
        if c.lemma in _NOUNISH and c.infinitive and nxt == "to" and i + 2 < len(t) and _is_word(t.text[i + 2]) \
                and t.text[i + 2][:1].islower() and t.low[i + 2] not in _DET and t.low[i + 2] not in _OBJECT_PRONOUNS \
                and not (t.low[i + 2].endswith("s") and not t.low[i + 2].endswith("ss")) and i >= 2 and (
                    p == "but" and _is_word(t.low[i - 2])
                    or (p in _SPEAKER_NOUNS or _is_cap(t.text[i - 1]) and p not in _DET) and not p.endswith("s")
                    and t.low[i - 2] not in _PREPS and t.low[i - 2] not in ("and", "or")
                    and not (t.low[i - 2].endswith(("ing", "ed")) and t.text[i - 2][:1].islower())):
            # "the candidate plans to run", "The ACLU will not act but plans to watch": a speaker's verb before its
            # infinitive (not the noun: "her own plans to", "accelerating plans to", "and government plans to")
            return True
        if c.lemma in _NOUNISH:
            # "the poll shows that ...": an -s form before "that" and a clause is a verb; so is an evidence verb
            # after a document ("a new HBC poll shows Lee ahead")
            if p in _SPEAKER_NOUNS and i >= 2 and t.low[i - 2] in _DET and c.form == "s" \
                    and (nxt in _SUBJECT_WORDS or nxt in ("his", "her", "their", "its")) and self._finite_clause(i + 1, len(t)):
                return True  # "The candidate claims his fleet is ...": a speaker noun's verb before a clause
            return cap or c.cls == "evidence" and p in _DOCUMENT_NOUNS or nxt in self.lex.complementizers and i + 2 < len(t) and t.low[i + 2] not in _AUX \
                and _is_word(t.text[i + 2]) and p not in _NOT_PLURAL
        if nxt == "that" and c.form == "s" and self._singular_head_before_phrase(i):
            return True  # "A report by two senators argues that ...": a singular head before its phrase
        return cap or not p.endswith("s") or p.endswith("ss")
