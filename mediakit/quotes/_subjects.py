"""The subject of a sentence or clause: its first noun phrase (a name run, a pronoun, or a determiner and
its words), used where a cue has no subject of its own (a participle, "adding", a relative "that") and to
collect an article's named subjects; and the end of a determiner's phrase ("The ad" in "The ad claims").
"""

from __future__ import annotations

from functools import lru_cache

from ._phrases import _CONTRACTED_SPEAKER
from ._tokens import _is_cap, _is_word
from ._words import (
    _ARTICLES,
    _AUX,
    _CLAUSE,
    _DET,
    _IRREGULAR_PAST,
    _LEADING_SKIP,
    _POSSESSIVE_DET,
    _PREPS,
    _SPEAKER_NOUNS,
    _SUBORDINATORS,
    _TIME_UNITS,
    _TIME_WORDS,
    _TITLES_ABBR,
    _past_like,
)

# ---------------------------------------------------------------- thresholds
# Changing one changes results: rerun bench/quotes.py.
# lower-case role words between a modifier and a name ("presidential nominee"); origin unknown
_ROLE_GAP_TOKENS = 3
# longest determiner phrase taken as a sentence's subject ("the defence chief"), in tokens; origin unknown,
# predates this refactor
_SUBJECT_NP_MAX_TOKENS = 5
# reflexives end a noun phrase ("The candidate herself"); articles (_words._ARTICLES) never stand alone as a
# subject
# a dateline ends with a dash within this many tokens of the sentence's start ("WASHINGTON, Dec. 8 (UPI) —");
# the longest on PolNeAR train has 9
_DATELINE_MAX_TOKENS = 12
# fronted phrases, each closed by a comma, skipped before a sentence's subject ("Chastened by the analyses, as well
# as complaints, Lee revised"); a guess, not tuned
_FRONTED_MAX = 3
# the most tokens of a fronted time phrase before its comma ("Two weeks after Justice Lee died,"); origin: PolNeAR
# train speakers
_FRONTED_TIME_MAX_TOKENS = 8
_TIME_COUNTS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few",
                          "several", "many"})
# adverbs of time or sequence that open a sentence before a comma ("Afterwards, her aides said"); set by hand
_SENTENCE_OPENING_ADVERBS = frozenset({"afterwards", "afterward", "later", "then", "earlier", "meanwhile", "instead",
                              "still", "finally", "eventually", "first", "again", "yesterday", "today", "soon",
                              "thereafter", "subsequently", "previously", "recently", "separately", "now"})
# prepositions of time after an adverb opening a sentence ("Shortly after the vote,"); set by hand
_TIME_PREPS = frozenset({"after", "before", "since", "following", "afterward", "afterwards", "ahead"})
_DASHES = frozenset({"—", "–", "-", "--", "―"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"})


class _Subjects:
    """Sentence subjects (mixed into the analyser of :mod:`._rules`)."""

    def _sentence_subject(self, a: int, i: int) -> tuple[int, int] | None:
        """The first noun phrase of the sentence a..i, after leading conjunctions ("And then Hale went ...")
        and a fronted adverbial ending with a comma ("On Tuesday, Voss went ..."): its head only (a name
        run, a pronoun, or a determiner and a few words). A capitalised determiner opening it takes its
        words ("The mayor", "The young senator"), never stands alone ("The")."""
        t = self.t
        k = a
        while k < i and (t.low[k] in _LEADING_SKIP or not _is_word(t.low[k]) and t.quote[k] == -1):
            k += 1
        if k >= i:
            return None
        k = self._after_dateline(k, i)
        for n in range(_FRONTED_MAX):
            first = t.low[k]
            if n and k + 3 < i and _is_cap(t.text[k]) and t.low[k + 1] == "." and t.low[k + 2] == "," \
                    and len(t.text[k]) <= 5:
                k += 3  # the abbreviated state closing a place: "At a rally in Aspen, Colo., the senator said"
                first = t.low[k]
            elif n and (m := _state_after_place(t, k, i)) > k:
                k = m  # the state closing a place: "At an event in Ames, Iowa, on Monday, Mrs. Lee said"
                continue
            elif n and _is_cap(t.text[k]):
                break  # after a fronted phrase, a capitalised word is a name ("Like a friend, Ebeling said")
            if (m := self._bare_time_phrase_end(k, i)) > k:
                k = m  # "A few minutes later they reversed course": a time phrase with no comma, then the subject
                continue
            if not (first in _PREPS or first in _SUBORDINATORS or first in _CLAUSE or first.endswith("ing")
                    or first in ("asked", "according") or _past_like(first) and k + 1 < i and t.low[k + 1] in _PREPS
                    or self._time_opening(k, i)
                    or _adverb_before_comma(t, k, i) and not self._in_full_name(t.text[k])
                    or first in _SENTENCE_OPENING_ADVERBS and k + 1 < i and t.low[k + 1] == ","
                    # "Shortly after the merger, the families ...", "More recently, he ...": an adverb phrase
                    or first.endswith("ly") and len(first) > 5 and k + 1 < i and t.low[k + 1] in _TIME_PREPS
                    or first in ("more", "most", "very") and k + 2 < i and t.low[k + 1].endswith("ly")
                    and t.low[k + 2] == ","):
                break
            # "On Tuesday, Lee went", "Rattled by the reviews, as well as complaints, Lee revised": fronted
            # phrases, then the subject
            m = k
            while m < i and t.low[m] != "," and t.quote[m] == -1:
                m += 1
            if m >= i:
                return None
            p = next((x for x in range(k + 1, m - 1) if t.low[x] in ("he", "she", "they", "we", "i")
                      and (t.low[x + 1] in _AUX or _past_like(t.low[x + 1]) or t.low[x + 1] in _IRREGULAR_PAST)), None)
            if n == 0 and first in _PREPS and p is not None and all(
                    t.low[x] in _TIME_WORDS or _is_cap(t.text[x]) or t.low[x].isdigit() for x in range(k + 1, p)):
                return (p, p + 1)  # "By Sunday she had canceled a rally in Dover, Del., citing": no fronted phrase
            k = m + 1
            if k >= i:
                return None
        w = t.low[k]
        if w in self.pronouns and w not in ("that", "this", "which", "who") or _CONTRACTED_SPEAKER.fullmatch(w):
            return (k, k + 1)  # ("she's tacked to the left": the pronoun with its contracted verb)
        if _is_cap(t.text[k]) and not (w in _DET and k + 1 < i and not _is_cap(t.text[k + 1])):
            e = k
            while e < i and (_is_cap(t.text[e]) or t.low[e] in (".", "-", "'s", "’s") and e > k
                             and t.low[e - 1] in _TITLES_ABBR or t.low[e] == "of" and e + 1 < i
                             and _is_cap(t.text[e + 1])):
                e += 1
            if t.low[e - 1] in _TIME_WORDS:
                return None
            if e < i and e - 1 > k and t.low[e - 1].endswith(("'s", "’s")) and t.text[e][:1].islower():
                # "Ann Lee's right-hand woman rallied": the possessor's noun is the subject
                return (k, self._determiner_phrase_end(e - 1, i))
            # "Republican presidential nominee Mark Hale issued": singular role words between a capitalised
            # modifier and the name belong to the subject when a name follows them (not "State Department
            # officials Jane Doe and ...": a group)
            m = e
            while m < i and m - e < _ROLE_GAP_TOKENS and _is_word(t.text[m]) and not _is_cap(t.text[m]) \
                    and t.low[m] not in _DET and t.low[m] not in _AUX and t.low[m] not in _CLAUSE \
                    and t.low[m] not in _PREPS and t.low[m] not in self.lex.forms and not t.low[m].endswith("s") \
                    and not _past_like(t.low[m]):
                m += 1
            if e < m < i and _is_cap(t.text[m]) and t.low[m] not in _TIME_WORDS:
                e = m
                while e < i and (_is_cap(t.text[e]) or t.low[e] == "." and t.low[e - 1] in _TITLES_ABBR):
                    e += 1
            elif e == k + 1 and e < i and _is_word(t.text[e]) and t.text[e][:1].islower():
                # "Local commentators spent the day": a capitalised modifier opening the sentence and its noun
                # for people, not the modifier alone
                n = self._determiner_phrase_end(k, i)
                last = t.low[n - 1]
                if n > e and (last in _SPEAKER_NOUNS or last.endswith("s") and not last.endswith("ss")) \
                        and not self._in_full_name(t.text[k]):
                    e = n  # (not "Hale wants": a surname the article gives in full is a name)
            return (k, e)
        if w in _DET and _is_cap(t.text[k]):
            # "The ad claims": the article's words; a determiner standing alone as a pronoun ("Some in the
            # crowd booed", "One said") is the subject itself, an article alone is none
            e = self._determiner_phrase_end(k, i)
            return (k, e) if e > k + 1 else None if w in _ARTICLES else (k, k + 1)
        if w in _DET:
            e = k + 1
            while e < i and e - k < _SUBJECT_NP_MAX_TOKENS and _is_word(t.low[e]) and t.low[e] not in _AUX and t.low[e] not in _CLAUSE \
                    and t.low[e] not in self.lex.forms and not (_past_like(t.low[e]) and e > k + 1) \
                    and not _present_verb(t, e, k):
                e += 1
            return (k, e) if e > k + 1 else None
        return None

    def _time_opening(self, k: int, i: int) -> bool:
        """True when the words from ``k`` to the next comma are a time phrase ("Two weeks earlier,", "A few
        minutes later,", "Two weeks after Justice Lee died,"): a number, determiner or time word first, a unit
        of time among the next two words."""
        t = self.t
        m = k
        while m < i and t.low[m] != "," and t.quote[m] == -1 and m - k <= _FRONTED_TIME_MAX_TOKENS:
            m += 1
        if m >= i or t.low[m] != "," or not (t.low[k] in _DET or t.low[k].isdigit() or t.low[k] in _TIME_WORDS
                                              or t.low[k] in _TIME_COUNTS):
            return False
        return any(t.low[x] in _TIME_UNITS for x in range(k + 1, min(m, k + 3)))

    def _bare_time_phrase_end(self, k: int, i: int) -> int:
        """The token after a time phrase opening a clause at ``k`` with no comma after it, before a pronoun, a
        name or a determiner ("A few minutes later they", "Two days ago the mayor", "Hours later Ann Lee"): a
        count and a unit of time, then "later", "earlier" or "ago". ``k`` itself when there is none."""
        t = self.t
        m = k
        while m < i and m - k < 3 and (t.low[m] in _ARTICLES or t.low[m] in _TIME_COUNTS or t.low[m].isdigit()):
            m += 1
        if m + 2 >= i or t.low[m] not in _TIME_UNITS or t.low[m + 1] not in ("later", "earlier", "ago", "afterward",
                                                                              "afterwards"):
            return k
        nxt = m + 2
        w = t.low[nxt]
        if w in self.pronouns and w not in ("that", "this", "which", "who", "it") or _is_cap(t.text[nxt]) \
                or w in _DET or w in _POSSESSIVE_DET:
            return nxt
        return k

    def _after_dateline(self, k: int, i: int) -> int:
        """The first token after a dateline opening the sentence at ``k`` ("WASHINGTON, Dec. 8 (UPI) —",
        "Washington (AFP) –", "BEIRUT —"): a place in capitals or a parenthesised agency before a dash. ``k``
        itself when there is none."""
        t = self.t
        for d in range(k + 1, min(i - 1, k + _DATELINE_MAX_TOKENS)):
            if t.quote[d] != -1:
                return k
            if t.low[d] in _DASHES:
                caps = t.text[k].isupper() and len(t.text[k]) > 1 and t.low[k + 1] in (",", "(", "—", "–", "-", "--")
                agency = t.low[d - 1] == ")" and _is_cap(t.text[k])
                return d + 1 if caps or agency else k
        return k

    def _determiner_phrase_end(self, s0: int, i: int) -> int:
        """End of the noun phrase a determiner at ``s0`` opens, before ``i``: its lower-case words up to a
        verb, auxiliary, preposition or clause word ("The ad" in "The ad claims ...")."""
        t = self.t
        e = s0 + 1
        while e < i and _is_word(t.low[e]) and (not _is_cap(t.text[e]) or _acronym_in_compound(t.text, e, i)) \
                and t.low[e] not in _AUX \
                and t.low[e] not in _PREPS and t.low[e] not in _CLAUSE and not self._finite_verb(e) \
                and t.low[e] not in self.lex.forms and t.quote[e] == -1 \
                and not (e > s0 + 1 and t.low[e] in _IRREGULAR_PAST) \
                and not (e + 1 < i and (t.low[e + 1] in _DET or t.low[e + 1] in _POSSESSIVE_DET)):
            e += 1  # a word before a determiner is a verb ("The senator began her remarks")
            if t.low[e - 1] in _REFLEXIVES:
                break  # "The candidate herself took ...": the verb follows
        return e

    def _finite_verb(self, k: int) -> bool:
        """A past-tense or present verb inside a noun phrase's span: a lexicon form, or a word in -ed after a
        noun ("the city embodied", not "a retired colonel" or "the elected officials")."""
        t = self.t
        w = t.low[k]
        form = self.lex.forms.get(w)
        if form is not None and form.form in ("past", "s"):
            return True
        prev = t.low[k - 1]
        return w.endswith("ed") and len(w) > 4 and _is_word(prev) and prev not in _DET \
            and prev not in _POSSESSIVE_DET and prev not in _PREPS and prev not in _AUX \
            and not prev.endswith("ly") and not prev[:1].isdigit()


def _state_after_place(t, k: int, i: int) -> int:
    """The token after the comma closing a US state's name at ``k`` that follows a capitalised place and its
    comma ("Ames, Iowa, on Monday"; "Concord, New Hampshire,"), else ``k`` itself: the state is part of the
    fronted place, not the sentence's subject ("After the vote, Ohio, ..." keeps Ohio: no place before it)."""
    if k < 2 or t.low[k - 1] != "," or not _is_cap(t.text[k - 2]):
        return k
    for n in (1, 2):
        if k + n < i and t.low[k + n] == "," and all(_is_cap(t.text[x]) for x in range(k, k + n)) \
                and " ".join(t.low[k:k + n]) in _state_names():
            return k + n + 1
    return k


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """The names of the US states, in lower case ("iowa", "new hampshire")."""
    from .._furniture import _us_state_forms

    return frozenset(_us_state_forms().values())


def _present_verb(t, e: int, k: int) -> bool:
    """True when token ``e``, inside a determiner's phrase opened at ``k``, reads as a present-tense verb: a word
    in -s after a singular noun and before a preposition or determiner ("the nominee feuds with his party")."""
    w, prev = t.low[e], t.low[e - 1]
    return e > k + 1 and w.endswith("s") and not w.endswith(("ss", "'s", "’s")) and w.isalpha() \
        and not prev.endswith("s") and prev.isalpha() and e + 1 < len(t.low) \
        and (t.low[e + 1] in _PREPS or t.low[e + 1] in _DET or t.low[e + 1] in _POSSESSIVE_DET)


def _adverb_before_comma(t, k: int, i: int) -> bool:
    """True when token ``k`` is an adverb in -ly closing a fronted phrase ("Publicly, the nominee feuds";
    not "Kelly, a spokeswoman, said": a stem of four letters or more)."""
    w = t.low[k]
    return w.endswith("ly") and len(w) >= 6 and w.isalpha() and k + 1 < i and t.low[k + 1] == ","


def _acronym_in_compound(text: list[str], e: int, i: int) -> bool:
    """True when token ``e`` is an acronym inside a lower-case noun compound ("A campaign TV ad", "the GOP
    nominee"): all capitals, followed by a lower-case word before ``i``."""
    w = text[e]
    return len(w) > 1 and w.isupper() and w.isalpha() and e + 1 < i and text[e + 1][:1].islower()
