"""Noun phrases around a cue: a name's phrase left of it ("Smith, a fellow at X, said") or right of it
("said Smith"), with its details, time tails and participle phrases, whether a span is a clause or a noun
phrase, and the phrases skipped between a cue and its content (adverbs, time and medium phrases). Which of
them is the cue's subject is :mod:`._cue_subjects`'s job.
"""

from __future__ import annotations

import re

from ._gazetteer import _TITLE_WORDS
from ._tokens import _is_cap, _is_word
from ._words import (
    _ADV_SKIP,
    _ARTICLES,
    _AUX,
    _CLAUSE,
    _CLAUSE_OPENERS,
    _CONTRACTED,
    _DET,
    _LEADING_ADVERBS,
    _LEADING_SKIP,
    _MEDIUM_WORDS,
    _NAME_PARTICLES,
    _NOT_ADVERBS_LY,
    _OBJECT_PRONOUNS,
    _POSSESSIVE_DET,
    _PREPS,
    _PREPS_INNER,
    _SPEAKER_NOUNS,
    _SPEAKING_PRONOUNS,
    _SUBORDINATORS,
    _TIME_WORDS,
    _TITLES_ABBR,
    _past_like,
)

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# longest noun phrase read leftwards from a cue, in word tokens; origin unknown, predates this refactor
_NP_MAX_TOKENS = 16
# an acronym written with full stops, whose last stop is a token of its own ("F.B.I", ".")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z][.-])+[A-Z]\Z")  # also a party tag: "R-S.C"
# a party tag after a politician's name ("R-S.C", "D-N.Y", "I-Vt")
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.-]*\Z")
# irregular participles that open a description of a speaker between commas ("Lee, clad in a red cape, said")
_PARTICIPLE_DESCRIPTIONS = frozenset({"clad", "known", "seen", "born", "flanked", "dressed", "surrounded"})
# words before "to" whose subject is the speaker of the verb of saying after it ("continued to say", "are more
# likely to say", "began to tell", "quick to point out", "appeared to imply"); chosen on PolNeAR train false negatives (not "declined",
# "refused": no report)
_TO_SAY_HEADS = frozenset({"continue", "continued", "continues", "continuing", "likely", "began", "begin", "begins",
                           "begun", "started", "start", "starts", "tend", "tends", "tended", "used", "quick",
                           "careful", "eager", "keen", "appear", "appears", "appeared", "seem", "seems", "seemed"})
# longest parenthesis kept inside a name ("(Instituto Nacional de Estadística)"), in tokens; origin unknown,
# predates this refactor
_PAREN_MAX_TOKENS = 8
# longest noun phrase read rightwards (after an inverted cue), in tokens; origin unknown, predates this
# refactor
_NP_RIGHT_MAX_TOKENS = 12
# a time phrase ending a noun phrase: one of these prepositions, then determiners, numbers and time words
# ("at the time", "on Monday"); general English, set by hand
# modals and auxiliaries that are also first names or surnames ("Will Denton", "Carol May", "Can Ertan")
_NAME_MODALS = frozenset({"will", "may", "can"})
_TIME_PREPS = frozenset({"at", "on", "in", "during", "since"})
_TIME_NOUNS = frozenset({"time", "moment", "point", "hour", "hours", "days", "weeks", "months", "years",
                         "period", "weekend", "outset", "end", "start", "beginning"})
# "said Voss as he closed out": "as" and one of these opens a clause after an inverted speaker
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# pronouns with a contracted verb, written as one token: a clause ("it's", "there's", "they're", "I'm")
_CONTRACTED_CLAUSE_STARTS = frozenset(f"{p}{q}{v}" for p in ("he", "she", "it", "they", "we", "i", "you", "that",
                                                              "there", "what", "who")
                                      for q in ("'", "’") for v in ("s", "re", "ve", "ll", "d", "m"))
# most comma-separated parts read back from a cue for a name with details ("Kim Baker, 22, of Dayton, Ohio,
# said" has four); general English, set by hand
_DETAIL_MAX_PARTS = 5
# longest apposition between two commas ("Smith, head of X, said"), in tokens; origin unknown, predates this
# refactor
_APPOSITION_MAX_TOKENS = 25
# longest relative clause between a subject and its cue ("an official who spoke on condition of anonymity
# said"); origin unknown, predates this refactor
_RELATIVE_CLAUSE_MAX_TOKENS = 14
# longest token run still read as an apposition (a description or a name); origin unknown, predates this
# refactor
_APPOSITION_NP_MAX_TOKENS = 22
# longest time or medium phrase skipped after a cue ("in an interview with HBC"), in tokens ...; origin
# unknown, predates this refactor
_PP_MAX_TOKENS = 9
# ... and a phrase this short is skipped even without a comma after it; origin unknown, predates this
# refactor
_SHORT_PP_TOKENS = 3
# at most this many such phrases are skipped in a row; origin unknown, predates this refactor
_PP_MAX_PHRASES = 3
# longest "two weeks ago" phrase skipped before a cue, in tokens; origin unknown, predates this refactor
_AGO_PHRASE_TOKENS = 6
# longest "in a statement" phrase skipped before a cue, in tokens; origin unknown, predates this refactor
_MEDIUM_PHRASE_TOKENS = 5


# words before a number that belong to the noun phrase ("about 9 percent said", "nearly half of voters say");
# this and the next set chosen on PolNeAR train false negatives
_APPROXIMATORS = frozenset({"about", "around", "nearly", "almost", "over", "under", "roughly", "approximately",
                            "some", "just", "only"})
_QUANTITY_WORDS = frozenset({"half", "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                             "ten", "third", "quarter", "dozen", "hundred", "hundreds", "thousands"})


# a speaking pronoun with its contracted verb, one token ("he's", "they’re", "I'm")
_CONTRACTED_SPEAKER = re.compile(r"(?:he|she|they|we|i|you)['’](?:s|ve|d|ll|re|m)")

class _Phrases:
    """Speaker noun phrases (mixed into the analyser of :mod:`._rules`)."""

    # ------------------------------------------------------------ noun phrases
    def _digit_comma(self, k: int) -> bool:
        """True when token ``k`` is the comma inside a number ("1,100"; the tokenizer splits it), no clause
        break."""
        t = self.t
        return 0 < k < len(t) - 1 and t.low[k] == "," and t.low[k - 1].isdigit() and t.low[k + 1].isdigit() \
            and t.end[k - 1] == t.start[k] and t.end[k] == t.start[k + 1]

    def _np_left(self, j: int, lo: int) -> tuple[int, int] | None:
        """The noun phrase ending at token ``j`` (inclusive), not reaching below ``lo``."""
        t = self.t
        if lo <= j < len(t) and t.low[j] in _SUBJECT_PRONOUNS:
            # "the affection and respect [they] show", "Although in September [she] said": a subject pronoun is
            # a whole noun phrase; the words before it end an earlier phrase
            return (j, j + 1)
        k = j
        start = -1
        n_tok = 0
        while k >= lo and n_tok < _NP_MAX_TOKENS:
            w = t.low[k]
            if t.quote[k] != -1:
                o, c, e, z = self.q_tok[t.quote[k]]
                if k == z - 1 and o > lo and self._scare_quote_subject(o, c, e, z, lo):
                    start, n_tok, k = o, n_tok + 1, o - 1  # 'self-described “moderates” said': a word of the phrase
                    continue
                break
            if not _is_word(w):
                if w == "." and k - 1 >= lo and (t.low[k - 1] in _TITLES_ABBR or len(t.text[k - 1]) == 1
                                                 and t.text[k - 1].isupper() or _DOTTED_ACRONYM.match(t.text[k - 1])):
                    start = k  # "Mr.", "Benjamin J. Rhine", "the F.B.I."
                    k -= 1
                    continue
                if w == ")":
                    o = k
                    while o >= lo and t.low[o] != "(" and k - o < _PAREN_MAX_TOKENS:
                        o -= 1
                    if o >= lo and t.low[o] == "(":
                        start = o
                        k = o - 1
                        continue
                if w in ("&",) or w == "%" and k == j and k - 1 >= lo and t.low[k - 1][:1].isdigit() \
                        or self._digit_comma(k) and k > lo:
                    start = k  # "AT&T", "42%", "21,000"
                    k -= 1
                    continue
                break
            if w in _AUX and not self._name_modal(k, k == j and (self._lower_next(k) or self._surname_before_comma(k))) \
                    or w in _CLAUSE and not (
                    w == "and" and self._name_and(k, lo)):
                break
            if w in _NAME_PARTICLES and start != -1 and _is_cap(t.text[k + 1]):
                start = k  # "van Oosten", "de Gaulle", "bin Salman"
                n_tok += 1
                k -= 1
                continue
            if w in ("in", "but") and start != -1 and k - 1 >= lo and k + 1 <= j \
                    and (t.low[k + 1] in _QUANTITY_WORDS or t.low[k + 1].isdigit()) \
                    and (t.low[k - 1] in _QUANTITY_WORDS or t.low[k - 1].isdigit() or t.low[k - 1] == "all"):
                start = k  # a share: "two in three (said)", "all but two"
                n_tok += 1
                k -= 1
                continue
            if w in _PREPS_INNER and (start == -1 or k - 1 < lo):
                break
            if self.lex.forms.get(w) is not None and w not in _DET and not _is_cap(t.text[k]) and \
                    self.lex.forms[w].form in ("past", "ing") and k != j and not (
                    self.lex.forms[w].form == "ing" and k - 1 >= lo and t.low[k - 1] in _ARTICLES):  # an -ing word after an article is a noun
                break  # (not "the planning": an -ing word after an article is a noun inside the phrase)
            start = k
            n_tok += 1
            k -= 1
        if start == -1:
            return None
        # a leading participle with its preposition or object ("seizing upon a Times report", "features a
        # Times report", "turned to the police department"): a verb, not part of the phrase
        while start < j and not _is_cap(t.text[start]) and t.low[start].endswith(("ing", "ed")) and len(
                t.low[start]) > 4 and (t.low[start + 1] in _PREPS or t.low[start + 1] in _PREPS_INNER
                                       or t.low[start + 1] in _DET):
            start += 1
        # trim leading prepositions, conjunctions and adverbs ("about 9 percent", "about half of voters", "about
        # two-thirds" keep their approximator)
        while start <= j and t.low[start] in ("aside", "apart") and start < j and t.low[start + 1] == "from":
            start += 1  # "aside from the candidates", "apart from the mayor": a preposition of two words
        while start <= j and not (t.low[start] in _APPROXIMATORS and start < j and (
                t.low[start + 1][:1].isdigit() or t.low[start + 1].split("-")[0] in _QUANTITY_WORDS)) and not (
                t.low[start] == "at" and start + 2 <= j and t.low[start + 1] in ("least", "most")
                and (t.low[start + 2][:1].isdigit() or t.low[start + 2] in _QUANTITY_WORDS)) and (t.low[start] in _PREPS or t.low[start] in _CLAUSE or t.low[start] in _PREPS_INNER
                              or t.low[start] in _LEADING_ADVERBS
                              or t.low[start].endswith("ly") and not _is_cap(t.text[start])
                              and t.low[start] not in _NOT_ADVERBS_LY) \
                and not (t.low[start] in _NAME_PARTICLES and start < j and _is_cap(t.text[start + 1])):
            if t.low[start] in _PREPS or t.low[start] in _PREPS_INNER:
                # drop the prepositional phrase: up to the last determiner or capitalised run
                rest = list(range(start + 1, j + 1))
                dets = [k for k in rest if t.low[k] in _DET and t.low[k] not in _POSSESSIVE_DET]
                if dets:
                    start = dets[-1]
                    break
                caps = [k for k in rest if _is_cap(t.text[k])]
                if caps and caps[-1] == j:
                    s = j
                    while s - 1 > start and (_is_cap(t.text[s - 1]) or t.low[s - 1] in (".",)):
                        s -= 1
                    start = s
                    break
                return None
            start += 1
        if start > j:
            return None
        if not any(_is_word(t.text[k]) for k in range(start, j + 1)):
            return None
        if self.lang_rules.speaker_before_pp:
            # "Ахмедов в интервью телеканалу HBC News": the speaker is before the prepositional phrase
            for k in range(start + 1, j + 1):
                if t.low[k] in _PREPS and not _is_cap(t.text[k]) and any(_is_cap(t.text[m]) for m in range(start, k)):
                    return (start, k)
        return (start, self._time_tail(start, j + 1))

    def _time_tail(self, s0: int, s1: int) -> int:
        """End of the noun phrase s0..s1 without a trailing time phrase ("Rep. Bobby Hurst (D-Va.) at the
        time", "the senator on Monday"): a preposition after the head, then only determiners, numbers and
        time words, at least one of them a time word."""
        t = self.t
        for k in range(s0 + 1, s1 - 1):
            if t.low[k] not in _TIME_PREPS or _is_cap(t.text[k]):
                continue
            tail = range(k + 1, s1)
            if all(t.low[m] in _DET or t.low[m].isdigit() or t.low[m] in _TIME_WORDS or t.low[m] in _TIME_NOUNS
                   for m in tail) and any(t.low[m] in _TIME_WORDS or t.low[m] in _TIME_NOUNS for m in tail):
                if k - 2 > s0 and _past_like(t.low[k - 1]) and not _is_cap(t.text[k - 1]):
                    return k - 1  # "a poll released on Thursday": the participle goes with its time
                return k
        return s1

    def _object_of_clause(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """A relative pronoun's antecedent without the clause before it: in "they turned to the police
        department which reported ..." or "He released a letter from his doctor that says ..." the scan
        left of "which" reaches a subject pronoun and its verb; the antecedent is the noun phrase after
        them ("the police department", "a letter from his doctor"), never the clause."""
        t = self.t
        s0, s1 = span
        subj = [k for k in range(s0, s1 - 1) if t.low[k] in _SPEAKING_PRONOUNS and t.low[k] not in _DET]
        if not subj:
            return span
        k = subj[-1] + 2  # past the pronoun and its verb
        while k < s1 and (t.low[k] in _PREPS or t.low[k] in _PREPS_INNER or t.low[k] in _LEADING_ADVERBS):
            k += 1
        return (k, s1) if k < s1 else None

    def _name_and(self, k: int, lo: int) -> bool:
        """ "Hale and Lee said": an "and" between two capitalised words is inside the subject."""
        t = self.t
        if k - 1 < lo or k + 1 >= len(t):
            return False
        if _is_cap(t.text[k - 1]) and _is_cap(t.text[k + 1]):
            return True
        # "Ann Lee and the mayor clashed over whether", "The mayor and Ann Lee said": a name and a noun for a
        # person, the first conjunct opening the clause
        s = k - 1
        while s - 1 >= lo and k - s < 4 and _is_word(t.text[s - 1]) and t.quote[s - 1] == -1 \
                and (_is_cap(t.text[s - 1]) or t.low[s - 1] in _ARTICLES) and t.low[s - 1] not in _CLAUSE:
            s -= 1
        if s != lo and t.low[s - 1] not in (",", ";", ":"):
            return False
        if _is_cap(t.text[k - 1]) and t.low[s] not in _DET and not any(t.low[m] in _SUBJECT_PRONOUNS
                                                                           for m in range(s, k)):
            e = k + 2  # "the mayor", "her lawyer"
            return e < len(t) and t.low[k + 1] in ("the", "his", "her", "their", "its") \
                and t.low[k + 2] in _SPEAKER_NOUNS and (e + 1 >= len(t) or not _is_word(t.text[e + 1])
                                                        or t.low[e + 1] not in _SPEAKER_NOUNS and not _is_cap(t.text[e + 1]))
        return t.low[s] in ("the",) and k - s == 2 and t.low[k - 1] in _SPEAKER_NOUNS and _is_cap(t.text[k + 1])

    def _np_right(self, i: int, hi: int, allow_cues: bool = False) -> tuple[int, int] | None:
        """The noun phrase starting at token ``i`` (after an inverted cue: "said Smith, a ...")."""
        t = self.t
        k = i
        # skip an addressee named in quotes («Речной Вестник») before the speaker
        if k < hi and t.quote[k] != -1 and t.mark[k]:
            return None
        end = -1
        while k < hi and k - i < _NP_RIGHT_MAX_TOKENS:
            w = t.low[k]
            if t.quote[k] != -1:
                break
            if not _is_word(w):
                if w == "." and k > i and (t.low[k - 1] in _TITLES_ABBR or len(t.text[k - 1]) == 1
                                           and t.text[k - 1].isupper()):
                    end = k + 1
                    k += 1
                    continue
                if k > i and k + 1 < hi and t.start[k] == t.end[k - 1] and t.start[k + 1] == t.end[k] \
                        and _is_word(t.text[k + 1]) and w not in (",", ";", ":"):
                    end = k + 1  # a symbol inside a word ("JesÃ\x83Âos")
                    k += 1
                    continue
                if w == "(":
                    c = k
                    while c < hi and t.low[c] != ")" and c - k < _PAREN_MAX_TOKENS:
                        c += 1
                    if c < hi:
                        end = c + 1
                        k = c + 1
                        continue
                break
            aux = w in _AUX and not (_is_cap(t.text[k]) and k + 1 < hi and _is_cap(t.text[k + 1])) \
                and not self._name_modal(k, k + 1 >= hi or not _is_word(t.low[k + 1]))
            if aux or (w in _CLAUSE and not (w == "and" and (self._name_and(k, i) or self._paired_and(k, i, hi)))) or \
                    (self.lex.forms.get(w) is not None and k > i and not _is_cap(t.text[k])
                     and not (allow_cues and self.lex.forms[w].form in ("s", "base"))):
                break
            if w in _PREPS_INNER and k == i:
                return None
            if w in _PREPS and w not in _PREPS_INNER and k > i:
                break
            end = k + 1
            k += 1
        if end == -1:
            return None
        while end - 1 > i and t.low[end - 1] in _PREPS_INNER:
            end -= 1
        return (i, self._time_tail(i, end))

    def _paired_and(self, k: int, i: int, hi: int) -> bool:
        """True when the "and" at ``k`` joins one word opening the noun phrase at ``i`` (after an optional
        determiner) to the rest of a phrase for persons ("said current and former officials", "according to
        local and state officials"): one phrase, not two clauses."""
        t = self.t
        x = k - 1
        if self.lang != "en" or not (x == i or x == i + 1 and (t.low[i] in _DET or t.low[i].isdigit())):
            return False
        w = t.low[x]
        if not _is_word(t.text[x]) or w in _DET or w in _CLAUSE or w in _PREPS or w in _AUX or w in self.lex.forms \
                or w in _SPEAKING_PRONOUNS:
            return False
        m = k + 1
        while m < hi and m <= k + 3 and _is_word(t.text[m]) and t.quote[m] == -1 and t.low[m] not in _CLAUSE \
                and t.low[m] not in _PREPS and t.low[m] not in _POSSESSIVE_DET and t.low[m] != "the":
            if t.low[m] in _SPEAKER_NOUNS:
                return True
            m += 1
        return False

    def _name_modal(self, k: int, at_edge: bool) -> bool:
        """True when token ``k`` is a capitalised modal that is a name ("Will", "May", "Can") inside a name
        or at its edge (``at_edge``: right before the cue, or before the sentence's end or a comma):
        '“...,” Will wrote.', '“...,” said Carol May.'. Opening a sentence before a lower-case word it
        is the modal ("May voters ...")."""
        t = self.t
        if t.low[k] not in _NAME_MODALS or not _is_cap(t.text[k]):
            return False
        if at_edge:
            return True
        # before a capitalised word: a first name ("Will Denton", "Chairman Will Rand"), unless a capitalised
        # word that is no title comes before it, as in a title-case headline ("Group Will Run Ads", "Hale
        # May Not Have ...")
        prev_cap = k > 0 and _is_word(t.low[k - 1]) and _is_cap(t.text[k - 1]) \
            and t.low[k - 1].strip(".") not in _TITLE_WORDS and t.low[k - 1].strip(".") not in _TITLES_ABBR
        return k + 1 < len(t.low) and _is_cap(t.text[k + 1]) and _is_word(t.low[k + 1]) and not prev_cap

    def _surname_before_comma(self, k: int) -> bool:
        """True when token ``k`` closes a name before a comma, after a capitalised word that is no function or
        time word: "Jo May, a doctor, said", not "Since May, officials said"."""
        t = self.t
        if k + 1 >= len(t.low) or t.low[k + 1] != "," or k == 0:
            return False
        prev = t.low[k - 1]
        return _is_word(prev) and _is_cap(t.text[k - 1]) and prev not in _TIME_WORDS and prev not in _PREPS \
            and prev not in _CLAUSE and prev not in _DET

    def _lower_next(self, k: int) -> bool:
        """True when a lower-case word follows token ``k`` (a cue in running text, not in a title-case
        headline: '“...,” Will wrote.' but not 'Americans Will Say No')."""
        t = self.t
        return k + 1 < len(t.low) and _is_word(t.low[k + 1]) and not _is_cap(t.text[k + 1])

    def _participle_phrase(self, np_: tuple[int, int], c0: int) -> tuple[int, int]:
        """A noun phrase ending in a reduced relative participle keeps the participle's time phrase, skipped
        on the way to the cue at ``c0``: "A poll released on Thursday found" -> "A poll released on
        Thursday", not "A poll released" (a capitalised word before it is a name with its verb: "President
        Mercer spent Thursday ...")."""
        t = self.t
        p = np_[1] - 1
        if p - 1 < np_[0] or p + 1 >= c0 or _is_cap(t.text[p]) or not _past_like(t.low[p]) \
                or t.low[p - 1] in _DET or not _is_word(t.low[p - 1]) or _is_cap(t.text[p - 1]):
            return np_
        timed = [k for k in range(p + 1, c0) if t.low[k] in _TIME_WORDS or t.low[k].isdigit()]
        if not timed or any(t.quote[k] != -1 or t.low[k] in (",", ";", ":") for k in range(p + 1, timed[-1] + 1)):
            return np_
        return (np_[0], timed[-1] + 1)

    def _skip_adverbs_left(self, j: int, lo: int) -> int:
        """Index of the last token left of ``j`` that is not an adverb, auxiliary or time phrase."""
        t = self.t
        while j >= lo:
            w = t.low[j]
            if t.quote[j] != -1:
                return j
            if w in _ADV_SKIP and not self._name_modal(j, self._lower_next(j) and t.low[j + 1] not in _ADV_SKIP) \
                    or (w.endswith("ly") and not _is_cap(t.text[j]) and w not in _NOT_ADVERBS_LY) \
                    or w == "here" and j > lo and _is_word(t.low[j - 1]) \
                    or w == "there" and j > lo and t.low[j - 1].endswith("s") and _is_word(t.low[j - 1]) \
                    and not t.low[j - 1].endswith(("'s", "’s")) and t.text[j][:1].islower():  # "officials here say", "polls there show"
                j -= 1  # (a capitalised "Will", "May" before the cue is a name: '“...,” Will wrote.')
                continue
            if w == "ago":
                k = j - 1
                while k >= lo and k > j - _AGO_PHRASE_TOKENS and (t.low[k] in _TIME_WORDS or t.low[k].isdigit() or t.low[k] in
                                                 ("a", "an", "two", "three", "few", "several", "less", "more",
                                                  "than", "about", "weeks", "months", "years", "days", "hours",
                                                  "minutes", "some", "nearly", "almost", "just")):
                    k -= 1
                j = k
                continue
            # "on Wednesday", "last week", "earlier this month", "in a statement"
            if w in _TIME_WORDS or w.isdigit():
                k = j - 1
                while k >= lo and (t.low[k] in _TIME_WORDS or t.low[k].isdigit() or t.low[k] in (",", "the")):
                    k -= 1
                if k >= lo and t.low[k] in ("on", "in", "last", "this", "earlier", "late", "early", "next", "at"):
                    j = k - 1
                    continue
                if k + 2 <= j and t.low[k + 1] == "," and t.low[k + 2] in ("this", "last", "next", "past", "earlier"):
                    j = k + 1  # "Lee, the chairman, last month said": the time phrase after the apposition
                    continue
                if w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "yesterday", "today", "tonight", "earlier", "recently") and k >= lo and t.low[k] != ",":
                    j = k
                    continue
                return j
            if w in _MEDIUM_WORDS:
                k = j - 1
                while k >= lo and k > j - _MEDIUM_PHRASE_TOKENS and t.low[k] not in ("in", "on", "during", "at", "via", "through"):
                    if not _is_word(t.low[k]):
                        break
                    k -= 1
                if k >= lo and t.low[k] in ("in", "on", "during", "at", "via", "through"):
                    j = k - 1
                    continue
            return j
        return j

    def _name_with_details(self, j: int, lo: int) -> tuple[int, int, int, int] | None:
        """A name with details between commas ending at the comma ``j`` before a cue, whose last part the
        apposition reading cannot take: an age and a home town ("Kim Baker, 22, of Dayton, Ohio, said": the
        place's head follows a preposition), or a party tag after a fronted phrase ("At a rally, Gov. John
        Brandt (R-OH), said"). Returns the name's span and the details' span."""
        t = self.t
        parts: list[tuple[int, int]] = []
        end = j
        while len(parts) < _DETAIL_MAX_PARTS:
            m = end - 1
            while m >= lo and t.low[m] not in (",", ";", ":", "(", ")") and t.quote[m] == -1:
                m -= 1
            if m >= lo and t.low[m] == ")":  # a party tag inside the part: "Gov. John Brandt (R-OH)"
                o = m
                while o > lo and t.low[o] != "(" and m - o < _PAREN_MAX_TOKENS:
                    o -= 1
                if t.low[o] != "(":
                    return None
                m = o - 1
                while m >= lo and t.low[m] not in (",", ";", ":") and t.quote[m] == -1:
                    m -= 1
            if m + 1 >= end or m >= lo and t.low[m] != ",":
                if m + 1 < end and (m < lo or t.low[m] != ","):
                    parts.append((m + 1, end))
                break
            parts.append((m + 1, end))
            end = m
        parts.reverse()
        if not parts:
            return None
        # a party tag: the last part is a name ending with a short parenthesis, after a fronted phrase
        p0, p1 = parts[-1]
        if t.low[p1 - 1] == ")" and _is_cap(t.text[p0]) and t.low[p0] not in _DET and (
                len(parts) == 1 or t.low[parts[-2][0]] in _PREPS or t.low[parts[-2][0]] in _SUBORDINATORS
                or t.low[parts[-2][0]].endswith("ing") or self._adverbial(parts[-2])
                or all(t.low[m] in _LEADING_SKIP or t.low[m] in _LEADING_ADVERBS for m in range(*parts[-2]))):
            o = next((m for m in range(p1 - 1, p0, -1) if t.low[m] == "("), -1)
            if o > p0 and _is_cap(t.text[o - 1]) and any("-" in t.low[m] for m in range(o, p1)) and all(
                    _is_word(t.text[m]) and (_is_cap(t.text[m]) or t.low[m] in _NAME_PARTICLES)
                    or t.low[m] == "." and t.low[m - 1] in _TITLES_ABBR for m in range(p0, o)):
                return p0, p1, -1, -1
        # an age and a home town: every part after the first is a number, "of"/"from" with a capitalised
        # place, or a capitalised place after such a part
        if len(parts) < 3:
            return None
        origin = False
        for a, b in parts[1:]:
            words = [t.low[m] for m in range(a, b)]
            if words == [] or len(words) == 1 and words[0].isdigit():
                continue
            if words[0] in ("of", "from") and b - a >= 2 and all(
                    _is_cap(t.text[m]) or t.low[m] == "." for m in range(a + 1, b)):
                origin = True
                continue
            if origin and all(_is_cap(t.text[m]) or t.low[m] == "." for m in range(a, b)):
                continue
            return None
        if not origin:
            return None
        h0, h1 = parts[0]
        head = self._np_left(h1 - 1, h0)
        if head is None or head[1] != h1 or not _is_cap(t.text[h1 - 1]) or self._adverbial(head) \
                or t.low[head[0]] in _DET:
            return None
        return head[0], head[1], parts[1][0], j

    def _chain_head(self, head: tuple[int, int], lo: int) -> tuple[int, int]:
        """The first noun phrase of a chain of appositions ending with ``head``: "Glen Rourke, the harbour
        master of Lyme, one of the ports suing the board" -> "Glen Rourke"."""
        t = self.t
        while head[0] - 2 >= lo and t.low[head[0] - 1] == "," and t.quote[head[0] - 2] == -1:
            if t.low[head[0]] in _POSSESSIVE_DET:
                break  # "..., his top aide, Tad Finch, told": "his" points back to someone else, no apposition
            before = self._np_left(head[0] - 2, lo)
            tag = head[1] - head[0] <= 2 and _PARTY_TAG.match(t.text[head[0]])  # "Lindsay Tate, R-S.C., ..."
            if before is None or self._adverbial(before) or not any(
                    _is_cap(t.text[m]) for m in range(*before)) or _is_cap(t.text[head[0]]) and not tag:
                break
            head = before
        return head

    def _adverbial(self, np_: tuple[int, int]) -> bool:
        """True for a fronted adverbial mistaken for a noun phrase: "On Tuesday", "Last week", "In 2015"."""
        t = self.t
        s0, s1 = np_
        if s0 > 0 and t.low[s0 - 1] in _PREPS:
            return True
        return all(t.low[k] in _TIME_WORDS or t.low[k].isdigit() or t.low[k] in _DET for k in range(s0, s1))

    def _looks_like_np(self, a: int, b: int) -> bool:
        """An apposition: a description or a name, with no finite verb or clause word."""
        t = self.t
        if b - a > _APPOSITION_NP_MAX_TOKENS:
            return False
        for k in range(a, b):
            w = t.low[k]
            if t.quote[k] != -1:
                return False
            if w in ("who", "whose") and k > a + 1:
                return True  # "a retired colonel who planned air defence exercises": a relative clause
            if w in _AUX or w in ("that", "because", "if", "when", "while", "since", "although"):
                return False
            if k > a and self.lex.forms.get(w) is not None and not _is_cap(t.text[k]) and \
                    self.lex.forms[w].form == "past":
                return False
        return True

    def _human(self, s0: int, s1: int) -> bool:
        """A subject that can speak: a pronoun, a name, or a noun for people or organisations (the roles,
        collectives and people of resources/speaker_nouns.yaml: "the official", "the union", "nurses")."""
        t = self.t
        words = [k for k in range(s0, s1) if _is_word(t.text[k])]
        if not words:
            return False
        if any(t.low[k] in _SPEAKING_PRONOUNS or _CONTRACTED_SPEAKER.fullmatch(t.low[k]) for k in words):
            return True  # ("he's poised to argue": a pronoun with its contracted verb)
        if any(_is_cap(t.text[k]) for k in words[1:]) or _is_cap(t.text[words[0]]) and t.low[words[0]] not in _DET:
            return True
        return any(t.low[k] in _SPEAKER_NOUNS for k in words)

    def _is_clause(self, s: int, e: int, infinitive: bool = True) -> bool:
        """True when tokens s..e read as a clause (a complementizer or question word first, a finite
        auxiliary, a subject pronoun, or a quotation) rather than a noun phrase; a to-infinitive counts
        only with ``infinitive`` ("plans to run" reports an intention, "decided to side with" a decision)."""
        t = self.t
        words = [k for k in range(s, e) if _is_word(t.text[k]) or t.quote[k] != -1]
        if not words:
            return False
        if t.low[words[0]] == "to":
            return infinitive
        p = s - 1
        while p > 0 and t.low[p] == ",":
            p -= 1  # "added that, in Wisconsin, the coalition ...": a phrase between commas after "that"
        if t.low[words[0]] in _CLAUSE_OPENERS or t.quote[words[0]] != -1 or s > 0 and (
                t.low[p] in self.lex.complementizers or t.low[s - 1] == ":"):
            return True
        if any(t.low[k] in _AUX or t.low[k] in _CONTRACTED for k in words):
            return True
        # ("it's not the way to win", "there's a simple explanation": a pronoun with its contracted verb)
        return any(t.low[k] in ("he", "she", "they", "it", "we", "i", "you") or t.low[k] in _CONTRACTED_CLAUSE_STARTS
                   for k in words[:3])

    def _skip_pp_right(self, k: int, hi: int) -> int:
        """Skip "on Wednesday", "in a statement", "in an interview with HBC", "last week" after a cue."""
        t = self.t
        for _ in range(_PP_MAX_PHRASES):
            if k >= hi:
                return k
            w = t.low[k]
            if w in ("on", "in", "at", "during", "last", "this", "earlier", "late", "early", "via", "through",
                     "over", "to", "while", "when", "after", "before"):
                m = k + 1
                ok = False
                to_at = -1  # "sought on Wednesday to ease worries": the "to" of an infinitive after the time phrase
                while m < hi and m - k < _PP_MAX_TOKENS and t.low[m] not in (",", "that", ":", ".", ";") and t.quote[m] == -1:
                    if t.low[m] in _TIME_WORDS or t.low[m] in _MEDIUM_WORDS or t.low[m].isdigit():
                        ok = True
                    elif ok and to_at < 0 and t.low[m] == "to" and m + 1 < hi and t.text[m + 1].isalpha() \
                            and t.text[m + 1].islower() and t.low[m + 1] not in _DET and t.low[m + 1] not in _OBJECT_PRONOUNS:
                        to_at = m
                    m += 1
                if ok and m < hi and t.low[m] in (",", "that", ":") or (ok and m - k <= _SHORT_PP_TOKENS):
                    k = m
                    continue
                if to_at > k + 1 and (t.low[k + 1] in _TIME_WORDS or t.low[k + 1] in _DET or _is_cap(t.text[k + 1])) \
                        and all(t.low[x] in _TIME_WORDS or t.low[x] in _DET or t.low[x].isdigit() for x in range(k + 1, to_at)):
                    return to_at
                return k
            if w in _TIME_WORDS and w not in ("may", "march", "this", "last"):
                k += 1
                continue
            return k
        return k

    def _infinitive_end(self, k: int, e: int) -> int:
        """End of the to-infinitive k..e of a noun cue before the verb of the sentence it is the subject of
        ("[his promise] to deport them and build a wall [were] popular"): the first auxiliary or past-tense
        word, unless a clause word or a comma comes first (a clause of its own inside the infinitive)."""
        t = self.t
        for m in range(k + 2, e):
            w = t.low[m]
            if w in _CLAUSE and w not in ("and", "or", "nor") or w in (",", ";", ":", "—", "–") or t.quote[m] != -1:
                return e
            nxt = t.low[m + 1] if m + 1 < e else ""
            if w in _AUX or _past_like(w) and not _is_cap(t.text[m]) and t.low[m - 1] not in _AUX and (
                    nxt in _DET or nxt in _PREPS or not _is_word(nxt)):  # ("to deport undocumented immigrants")
                end = m
                while end > k + 1 and not _is_word(t.text[end - 1]):
                    end -= 1
                return end
        return e
