"""How a direct quotation finds its speaker where the general frames of :mod:`._direct` do not: a name or a
described person after an inverted cue, a source phrase before the quotation ("According to X,", "As X put
it,"), a signature line under it, the sentence's own speaking subject instead of a relative pronoun, a
fronted adverbial or the previous sentence's speaker; and quoted titles, which are no quotations.

The rules were chosen on PolNeAR train (bench/quotes.py); each has a test in tests/test_speakers.py.
"""

from __future__ import annotations

import bisect
import re

from ._lexicon import Cue
from ._tokens import _after_cap_word, _Frame, _is_cap, _is_word
from ._words import (
    _ADV_SKIP,
    _AUX,
    _CLAUSE,
    _DET,
    _LEADING_SKIP,
    _POSSESSIVE_DET,
    _PREPS,
    _SPEAKER_NOUNS,
    _SPEAKING_PRONOUNS,
    _TIME_WORDS,
    _TITLES_ABBR,
)

# ---------------------------------------------------------------- thresholds
# tokens after a quotation searched for "Smith, a fellow at X, said"; origin unknown, predates this refactor
_POST_FRAME_WINDOW = 28
# most tokens of a speaker named right after an inverted cue when the general noun-phrase reading fails
# ("said former Pennsylvania Gov. and party chairman Ed Rundle"); chosen on PolNeAR train (the longest
# such speaker there has 10 tokens)
_NAME_RIGHT_MAX_TOKENS = 12
# most tokens of the phrase after "As X put it" before its comma ("in his memo to employees"); set by hand,
# checked on PolNeAR train (qdir16)
_PUT_IT_TAIL = 10
# most tokens of the source in "From X: “...”" ("From Lee's Facebook post:"); set by hand, checked on PolNeAR
# train (qdir16)
_FROM_SOURCE_MAX_TOKENS = 6
# a signature line under a quotation: a line break, a dash, then the speaker's name ("\n\n- Paul Voss.")
_SIGNATURE_RE = re.compile(r"[ \t]*\n+[ \t]*[-–—―][ \t]*(?=[A-Z])")
# most characters searched after the quotation for that line
_SIGNATURE_WINDOW = 12
# a quotation in title case right after one of these (or a possessive: "HBC's “New Week.”") is the title of a
# show, book, film or advertisement, not a quotation, even with its comma or full stop inside the marks
_TITLE_LEADS = {"on", "called", "titled", "entitled", "named", "show", "program", "programme", "book", "film",
                "movie", "album", "song", "series", "column", "podcast", "ad", "spot", "documentary", "play"}
# small words a title may keep in lower case ("Meet the Voters", "Los Hijos de Vargas")
_TITLE_SMALL = {"of", "the", "and", "for", "a", "an", "in", "on", "to", "with", "at", "by", "de", "la", "los", "el"}
# a quotation in title case after "of" following one of these nouns names a work: 'a co-author of “...”', 'the
# host of “...”', 'in charge of “...”', 'to the tune of “...”'; chosen on PolNeAR train (qdir16)
_TITLE_OF_HEADS = frozenset({"equivalent", "version", "author", "authors", "co-author", "coauthor", "editor", "co-editor", "host", "hosts",
                             "co-host", "creator", "producer", "star", "stars", "anchor", "charge", "tune",
                             "episode", "edition", "season", "cast", "publisher", "writer", "director"})
# ... or after "in" following one of these verbs: 'starred in “...”'
_TITLE_IN_HEADS = frozenset({"starred", "starring", "stars", "appeared", "appears", "featured"})
# ... or after "with" following one of these nouns: 'in an interview with “The Morning Hour”'
_TITLE_WITH_HEADS = frozenset({"interview", "interviews", "appearance", "appearances"})
# quotation marks that close or open a title the mark scanner may leave unpaired
_CLOSING_MARKS = frozenset({"”", "\"", "’", "''"})
_OPENING_MARKS = frozenset({"“", "\"", "‘", "''"})
# most words of such a title; chosen on PolNeAR train (show and book titles there have at most six)
_TITLE_MAX_WORDS = 6
# pronouns that, inside the reported clause of a speech cue, leave a quotation to that cue's speaker
_REPORTED_PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its"}
# verbs whose pronoun subject utters the quotation itself ('Lee said she told them, “...”'); other speech verbs
# ("agree", "propose", "speculate") and cognition verbs leave a quotation in their clause to the outer speaker
_UTTERANCE_VERBS = {"say", "tell", "add", "write", "ask", "call", "describe", "explain", "note", "reply", "respond",
                    "answer", "tweet", "post", "recall", "continue", "declare", "insist", "argue", "warn", "state",
                    "announce", "remark", "quip", "joke", "shout", "yell", "read", "put", "label", "dub", "term",
                    "claim", "blast", "praise", "mock", "criticize", "criticise", "attack", "accuse", "refer",
                    "deride", "dismiss", "slam", "promise", "pledge", "vow", "urge", "predict", "admit"}
# a quantifier alone that speaks as the subject of a speech verb ('Another said', 'Some argued')
_SPEAKING_QUANTIFIERS = {"another", "one", "others", "some", "many", "several", "both", "most", "few"}
# words before such a pronoun that open a clause of its own ('Lee met Park, and she said “...”')
_NEW_CLAUSE_WORDS = {"and", "but", "or", "so", "yet", "then", ";", ".", "!", "?"}
# words that may follow such a speaker: the sentence goes on with an apposition, a time or place
# ("said Sean Pryce in a tweet", "scoffed Ariana Gale, 22, who ...")
_AFTER_INVERTED_NAME = {",", ".", "!", "?", ";", ":", "(", "—", "–", "in", "on", "at", "during", "who", "after",
                        "when", "while", "before", "of", "from"}


# a time phrase ending in one of these is no speaker ('A month later, he ...'); nor is 'at one point'
_TIME_AFTER = frozenset({"later", "ago", "earlier"})
_TIME_POINTS = frozenset({"point", "time", "moment", "stage"})


def _time_phrase(low: list[str], s0: int, s1: int) -> bool:
    """Whether the words s0..s1 (lower-cased tokens ``low``) are a time phrase, not a speaker: 'a few days
    later', 'A month later', 'two years ago', '(at) one point'."""
    last = low[s1 - 1]
    if last in _TIME_AFTER and s1 - s0 >= 2:
        return True
    return last in _TIME_POINTS and s0 > 0 and low[s0 - 1] == "at"


class _DirectSpeakers:
    """Speakers and titles of direct quotations (mixed into :class:`._direct._Direct`)."""

    def _name_right(self, i: int, hi: int) -> _Frame | None:
        """A person's full name right after an inverted past-tense speech cue, with the capitalised titles and
        lower-case role words before it: '“...,” said RNC spokesman Sean Pryce in a tweet', '“...,” scoffed
        Ariana Gale, 22, who ...', '“...,” said Will Doyle, a professor'. Used where the general noun-phrase
        reading stops early (a name word that is also an auxiliary, "and" between two titles, a cue word
        later in the sentence) or the verb is not one that usually inverts: the name must end in two
        capitalised words and be followed by the sentence's end, a comma or a time or place phrase, so that
        an object ('“...” blasted Ann Lee as a disgrace') is not read as the speaker."""
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
        return self._inverted_frame(i, end, hi, _POST_FRAME_WINDOW)

    def _inverted_frame(self, i: int, end: int, hi: int, window: int) -> _Frame:
        """The inverted frame of cue ``i`` whose speaker ends at ``end``, with the noun phrase between commas
        after it (at most ``window`` tokens) as the speaker's apposition."""
        t = self.t
        fr = _Frame(i, i, None, i, end, inverted=True)
        if end < hi and t.low[end] == ",":
            f = end + 1
            while f < hi and t.low[f] not in (",", ".", ";", ":", "(", ")") and t.quote[f] == -1 and f - end < window:
                f += 1
            if f > end + 1 and self._looks_like_np(end + 1, f):
                fr.a0, fr.a1 = end + 1, f
        return fr

    def _name_with_appositions(self, k: int, c0: int) -> _Frame | None:
        """The speaker of a frame that opens with a name followed by appositions between commas up to its cue
        at ``c0``: '“...,” Kim Baker, 22, of Dayton, Ohio, said.' (the phrase reading stops at the place, whose
        head follows a preposition). Every comma-separated part must read as a noun phrase."""
        t = self.t
        np_ = self._np_right(k, c0)
        form = self.lex.forms.get(t.low[c0])
        if np_ is None or np_[0] != k or not _is_cap(t.text[k]) or not _is_cap(t.text[np_[1] - 1]) \
                or np_[1] + 2 >= c0 or t.low[np_[1]] != "," or t.low[c0 - 1] != "," \
                or form is not None and form.form == "ing":
            return None  # ', discussing ...': a participle has the sentence's subject
        part = np_[1] + 1
        for m in range(np_[1] + 1, c0):
            if t.low[m] == "." and m + 1 < c0 and t.low[m + 1] == "," and _is_cap(t.text[m - 1]):
                continue  # "of Cambridge, Mass., said": an abbreviation, not the sentence's end
            if t.quote[m] != -1 or t.low[m] in (".", ";", ":", "!", "?"):
                return None
            if t.low[m] == ",":
                if m == part or not self._looks_like_np(part, m):
                    return None
                part = m + 1
        return _Frame(-1, -1, None, np_[0], np_[1], np_[1] + 1, c0 - 1)

    def _description_right(self, i: int, hi: int) -> _Frame | None:
        """A person described after an inverted past-tense speech cue, where the noun-phrase reading stops at
        what follows the description: '“...,” said one owner of a stall that sells ...', '“...,” said the
        base chief known as Bob', '“...,” said her spokesman, Tad Finch.': a determiner or a possessive,
        then words up to a noun for people before any verb; a name in apposition is kept."""
        t = self.t
        if i >= hi or t.low[i] not in ("the", "a", "an", "one", "another") and t.low[i] not in _POSSESSIVE_DET:
            return None
        for k in range(i + 1, min(hi, i + _NAME_RIGHT_MAX_TOKENS)):
            w = t.low[k]
            if not _is_word(w) or w in _AUX or w in _CLAUSE or w in self.lex.forms or t.quote[k] != -1:
                return None
            if w in _SPEAKER_NOUNS:
                end = k + 1
                while end < hi and t.low[end] in _SPEAKER_NOUNS and t.text[end].islower():
                    end += 1  # "her campaign spokesman"
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
                return self._inverted_frame(i, end, hi, _NAME_RIGHT_MAX_TOKENS)  # 'said her spokesman, Tad Finch'
        return None

    def _lead_in_source(self, o: int, lo: int) -> _Frame | None:
        """A source phrase opening the sentence and ending with a comma right before a quotation: "According
        to the newspaper, “...”", "As Newsline put it, “...”", "As The Ledger's Dana Mills puts it, “...”". The
        quotation is a direct quote of that source (not the according-to clause around it). So is "From X:" before
        it: "From the report: “...”"."""
        t = self.t
        k = lo
        while k < o and (t.low[k] in _LEADING_SKIP or not _is_word(t.low[k]) and t.quote[k] == -1):
            k += 1
        end = o - 1  # the comma or colon
        if k + 1 < end and t.low[k] == "more" and t.low[k + 1] == "from":
            k += 1  # "More from the report:"
        if k + 1 < end and t.low[k] == "from" and t.low[end] == ":":
            # "From the report: “...”", "From Lee's Facebook post: “...”": the source is the quotation's speaker
            # (the words up to the colon, not a noun-phrase reading: "report" and "post" are also cues)
            if end - k - 1 > _FROM_SOURCE_MAX_TOKENS or any(
                    not _is_word(t.low[m]) or t.low[m] in _AUX or t.low[m] in _CLAUSE or t.quote[m] != -1
                    for m in range(k + 1, end)):
                return None
            if any(t.text[m].islower() and t.low[m].endswith("ing") for m in range(k + 2, end)):
                return None  # "From Ann Lee writing at the Post:": the participle is the cue
            return _Frame(k, k + 1, Cue("from", "neutral", "speech", False, "phrase"), k + 1, end)
        a1 = self._according_at(k) if k < end and t.low[end] == "," else None
        if a1 is not None:
            np_ = self._np_right(a1, end)
            if np_ is None or np_[1] != end:
                return None
            return _Frame(k, a1, Cue("according to", "neutral", "speech", False, "phrase"), np_[0], np_[1])
        # "As X put it," / "..., as X, a professor of law, put it:" (anywhere in the sentence), also with a
        # phrase after "it" ("As X put it in a memo to staff,")
        p = end - 2
        if end - lo < 4:
            return None
        if not (t.low[p + 1] == "it" and t.low[p] in ("put", "puts")):
            p = next((m for m in range(end - 3, max(lo, end - _PUT_IT_TAIL) - 1, -1)
                      if t.low[m] in ("put", "puts") and t.low[m + 1] == "it"), -1)
            if p < 0 or t.low[p + 2] not in _PREPS or any(not _is_word(t.low[m]) or t.quote[m] != -1
                                                           for m in range(p + 2, end)):
                return None
        k = next((m for m in range(p - 1, max(lo, p - _POST_FRAME_WINDOW + 2) - 1, -1) if t.low[m] == "as"), -1)
        np_ = self._np_right(k + 1, p) if k >= 0 else None
        if np_ is None or np_[0] != k + 1 or t.quote[k + 1:p].count(-1) != p - 1 - k:
            return None
        fr = _Frame(p, p + 1, Cue("put", "neutral", "speech", False, "past"), np_[0], np_[1])
        if np_[1] + 2 < p and t.low[np_[1]] == "," and t.low[p - 1] == "," and \
                self._looks_like_np(np_[1] + 1, p - 1):
            fr.a0, fr.a1 = np_[1] + 1, p - 1  # "As the chief executive, Ana Ruiz, put it"
        return fr

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

    def _clause_goes_on(self, o: int, a: int) -> bool:
        """True when the quotation opening at token ``o`` after a comma goes on with the clause that the
        sentence's first speech cue (of a speaking subject, in a..o) reports ('He said the turmoil was the fault
        of banks, “not by a long shot.”'): the quotation is part of a mixed quote that the cue's own report
        holds, not a quotation the cue introduces ('Lee took a risk, telling the crowd, “...”')."""
        t = self.t
        if o >= len(t) or o - 1 <= a or t.low[o - 1] != "," or t.quote[o] == -1:
            return False
        fr = self._cue_frame_before(o, a)
        if fr is None or fr.cue is None or not fr.cue.indirect or fr.cue.content_object or fr.c0 <= a:
            return False
        return self._is_clause(fr.c1, o - 1, False) \
            and not any(t.quote[k] != -1 or self._cue_at(k) is not None for k in range(fr.c1, o - 1))

    def _refine_subject(self, fr: _Frame, o: int, a: int) -> _Frame:
        """The speaker of a frame whose subject names nobody: a relative "that"/"which" ('a voice that said
        “...”', 'a sign which read “...”') or a word of a fronted adverbial ('Hours later, Hale told
        HBC, “...”', 'Likewise, a paper ... had this to say: “...”') gives way to the sentence's speaking
        subject (after the adverbial's comma), when it has one."""
        t = self.t
        if fr.s1 - fr.s0 == 1 and fr.c1 == fr.s0 and fr.c1 - fr.c0 == 1 and _is_cap(t.text[fr.c0]) \
                and t.text[fr.s0].islower() and self._cue_at(fr.s0) is not None:
            # '“...,” Read said.': a surname that is also a verb ("Read", "Hope") before the frame's real cue
            return _Frame(fr.s0, fr.s1, self._cue_at(fr.s0)[2], fr.c0, fr.c1, fr.a0, fr.a1, inverted=fr.inverted)
        if fr.s0 > fr.c0 > a and fr.cue is not None and fr.cue.form == "ing" and fr.cue.lemma not in ("quote", "cite") \
                and "," in self.text[t.start[max(a, fr.c0 - 2)]:t.start[fr.c0]]:  # (the comma may be inside the marks)
            # '“...,” noting flagging conditions in China': what follows a participle is its object; the
            # participle's subject is the sentence's speaker
            src = self._prior_subject(fr.c0 - 1, a)
            if src is not None and src.s0 >= 0 and self._speaking_subject(src.s0, src.s1):
                return _Frame(fr.c0, fr.c1, fr.cue, src.s0, src.s1, src.a0, src.a1, src.antecedent)
        if fr.s0 >= 0 and fr.cue is not None and fr.cue.lemma != "according to":
            better = self._clause_crossing_subject(fr, a) or self._subject_between_commas(fr, o)
            if better is not None:
                return _Frame(fr.c0, fr.c1, fr.cue, better[0], better[1], inverted=fr.inverted)
        if fr.s0 < 0:
            return self._after_fronted_phrase(fr, a)
        if _time_phrase(t.low, fr.s0, fr.s1):
            better = self._past_time_phrase(fr, o, a)
            if better is not None:
                return better
        p = fr.s1 - 1  # the pronoun: the whole subject, or the end of one that ran into a clause ("critics say he")
        if t.low[p] in _REPORTED_PRONOUNS and p > a and (fr.cue is None or fr.cue.lemma not in _UTTERANCE_VERBS) \
                and (p == fr.s0 or any(self._cue_at(k) is not None for k in range(fr.s0, p))):
            outer = self._reporting_frame(p, a)
            if outer is not None:
                return _Frame(fr.c0, fr.c1, fr.cue, outer.s0, outer.s1, outer.a0, outer.a1, outer.antecedent,
                              fr.inverted)
        if fr.s0 > a and (fr.cue is None or fr.cue.lemma not in _UTTERANCE_VERBS) \
                and not self._speaking_subject(fr.s0, fr.s1):
            outer = self._cue_right_before(fr.s0, a)
            if outer is not None:
                # 'Hemsley said the days when the nation had “...” are gone', 'Rivers wrote that the text of
                # the law showed it to be “...”': the subject of the reported clause says nothing
                return _Frame(fr.c0, fr.c1, fr.cue, outer.s0, outer.s1, outer.a0, outer.a1, outer.antecedent,
                              fr.inverted)
        if fr.s1 - fr.s0 != 1:
            return fr
        w = t.low[fr.s0]
        end = min(x for x in (fr.c0, o) if x >= 0)
        if w in _DET and _is_cap(t.text[fr.s0]) and w not in ("that", "this"):
            # a capitalised determiner alone ("The" of "The ad claims “...”"): its noun phrase
            e = self._determiner_phrase_end(fr.s0, end if end > fr.s0 else o)
            if e > fr.s1:
                return _Frame(fr.c0, fr.c1, fr.cue, fr.s0, e, fr.a0, fr.a1, fr.antecedent, fr.inverted)
            return fr
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

    def _past_time_phrase(self, fr: _Frame, o: int, a: int) -> _Frame | None:
        """The speaker of a frame whose subject is a time phrase: the speaking subject after the phrase's
        comma ('But a few days later, Hale reversed himself, telling HBC “...”'), else the subject of the
        cue before it ('he has battled with the city, at one point calling the mayor a “...”')."""
        t = self.t
        end = min(x for x in (fr.c0, o) if x >= 0)
        src = None
        if fr.s1 < end and t.low[fr.s1] == ",":
            np_ = self._sentence_subject(fr.s1 + 1, end)
            src = _Frame(-1, -1, None, np_[0], np_[1]) if np_ is not None else None
        elif fr.s0 > a and t.low[fr.s0 - 1] == "at":
            src = self._prior_subject(fr.s0 - 1, a)
        if src is None or src.s0 < 0 or not self._speaking_subject(src.s0, src.s1):
            return None
        return _Frame(fr.c0, fr.c1, fr.cue, src.s0, src.s1, src.a0, src.a1, src.antecedent, fr.inverted)

    def _reporting_frame(self, p: int, a: int) -> _Frame | None:
        """The speaker whose reported clause holds the pronoun at ``p``: 'Axelrod said ... and that she has
        learned her lesson: “...”', 'critics say he had proposed to “...”', 'Another said he hoped with his
        “...”': the nearest speech cue before the pronoun in its sentence with a subject that can speak, the
        pronoun standing in the cue's reported clause (not after a coordinator opening a clause of its own:
        'Lee met Park, and she said “...”'), with no semicolon or colon between."""
        t = self.t
        if t.low[p - 1] in _NEW_CLAUSE_WORDS:
            return None
        for m in range(p - 1, a - 1, -1):
            if t.low[m] in (";", ":"):
                return None
            if t.quote[m] != -1:
                continue
            cue = self._cue_at(m)
            if cue is None or cue[2].cls != "speech" or cue[1] > p or t.low[m] in _TITLE_LEADS:
                continue
            fr = self._subject_left(m, a)
            if fr is None or fr.s0 < 0 or fr.s1 - fr.s0 == 1 and t.low[fr.s0] in _REPORTED_PRONOUNS:
                continue
            if self._speaking_subject(fr.s0, fr.s1) or fr.s1 - fr.s0 == 1 and t.low[fr.s0] in _SPEAKING_QUANTIFIERS:
                return fr  # 'Another said he hoped with his “...”'
        return None

    def _after_fronted_phrase(self, fr: _Frame, a: int) -> _Frame:
        """The speaker of a participle with no subject found ('On Thursday, after remaining neutral, Wade
        endorsed Lee, saying, “...”'): the sentence opens with a fronted phrase (a preposition or a time
        word), and the subject is the first noun phrase after one of its commas that can speak."""
        t = self.t
        if fr.cue is None or fr.cue.form != "ing" or fr.c0 <= a or not (
                t.low[a] in _PREPS or t.low[a] in _TIME_WORDS or t.low[a] in _LEADING_SKIP):
            return fr
        for k in range(a + 1, fr.c0 - 1):
            if t.low[k] != ",":
                continue
            np_ = self._sentence_subject(k + 1, fr.c0)
            if np_ is not None and np_[0] == k + 1 and self._speaking_subject(*np_):
                return _Frame(fr.c0, fr.c1, fr.cue, np_[0], np_[1], inverted=fr.inverted)
        return fr

    def _cue_right_before(self, s0: int, a: int) -> _Frame | None:
        """The speaker of a speech cue ending right before the subject at ``s0`` (past a "that"): 'McAdam said
        the president ...', 'Law said, noting that donors feel ...' (a participle's subject is the sentence's),
        when that speaker can speak."""
        t = self.t
        k = s0 - 1
        if k > a and t.low[k] == "that":
            k -= 1
        cue = self._cue_at(k, backward=True) if k >= a else None
        if cue is None or cue[2].cls != "speech" or cue[1] != k + 1 or t.low[cue[0]] in _TITLE_LEADS:
            return None
        fr = self._subject_left(cue[0], a)
        if (fr is None or fr.s0 < 0) and cue[2].form == "ing" and cue[0] > a and t.low[cue[0] - 1] == ",":
            fr = self._prior_subject(cue[0] - 1, a)
        if fr is None or fr.s0 < 0 or fr.s1 - fr.s0 == 1 and t.low[fr.s0] in ("that", "which", "who") \
                or not self._speaking_subject(fr.s0, fr.s1):
            return None
        return fr

    def _clause_crossing_subject(self, fr: _Frame, a: int) -> tuple[int, int] | None:
        """The sentence's subject where the frame's subject crossed a clause: it ends with a preposition before
        a participle ('The mayor closed her speech by saying “...”' gave "The mayor closed her speech by") or
        holds a finite verb ('saying the town deserved the “...”', 'says he decided to ...'). The speaker is
        then the first noun phrase of the sentence (before the span, else its start), when it can speak."""
        t = self.t
        s0, s1 = fr.s0, fr.s1
        words = [k for k in range(s0, s1) if _is_word(t.low[k])]
        if len(words) < 2:
            return None
        ends_prep = t.low[words[-1]] in _PREPS and not _is_cap(t.text[words[-1]])
        finite = any(k > words[0] and not _is_cap(t.text[k]) and k + 1 < s1 and (
            t.low[k] in _AUX or self._finite_verb(k)) for k in words)
        if not (ends_prep or finite):
            return None
        for lo, hi in ((a, s0), (a, s1)):
            np_ = self._sentence_subject(lo, hi) if hi > lo else None
            if np_ is not None and np_ != (s0, s1) and self._speaking_subject(*np_):
                return np_
        return None

    def _subject_between_commas(self, fr: _Frame, o: int) -> tuple[int, int] | None:
        """The sentence's subject where the frame's subject is a place between two commas after a fronted
        phrase: 'Speaking at a rally in Salem, Oregon, Lopez went after Roe, calling him “...”' gave
        "Oregon"; the speaker is the noun phrase after the second comma (past a time phrase), when it can
        speak."""
        t = self.t
        s0, s1 = fr.s0, fr.s1
        end = min(x for x in (fr.c0, o) if x >= 0)
        if s0 < 1 or s1 >= end or t.low[s0 - 1] != "," or t.low[s1] != "," or not _is_cap(t.text[s0]):
            return None
        k = s1 + 1
        if k < end and t.low[k] in _PREPS and k + 1 < end:
            # a time phrase: ", on Sunday,"
            m = next((m for m in range(k + 1, min(end, k + 4)) if t.low[m] == ","), -1)
            if m < 0 or not all(t.low[x] in _TIME_WORDS or t.low[x][:1].isdigit() for x in range(k + 1, m)):
                return None
            k = m + 1
        np_ = self._sentence_subject(k, end) if k < end else None
        if np_ is None or np_[0] != k or not self._speaking_subject(*np_):
            return None
        return np_

    def _clause_subject(self, s0: int, s1: int) -> tuple[int, int] | None:
        """The subject of tokens s0..s1 when they read as a clause rather than a noun phrase: a subject pronoun
        or a name followed by a lower-case verb ("He visited the hospital", "Vance toured Fresno on Monday")."""
        t = self.t
        if s1 - s0 < 2:
            return None
        if t.low[s0] in ("he", "she", "they", "we", "i") and t.text[s0 + 1][:1].islower():
            return s0, s0 + 1
        k = s0
        while k < s1 and (_is_cap(t.text[k]) and t.low[k] not in _DET or t.low[k] == "." and k > s0):
            k += 1
        w = t.low[k] if k < s1 else ""
        if k > s0 and t.text[k][:1].islower() and (w in self.lex.forms and self.lex.forms[w].form in ("past", "s")
                                                   or w.endswith("ed") or w in _AUX):
            return s0, k
        return None

    def _next_sentence_frame(self, post: _Frame, pre: _Frame, e: int, z: int, ends_comma: bool) -> bool:
        """True when the frame after a quotation opens the next sentence: the quotation ends with its own
        full stop inside the marks ('Lee called Vance “reckless.” Ann Park called him ...'), its sentence
        already has a cue before it (with a speaking subject, or one found further back), and the frame after it is subject-first (the
        tokenizer keeps both sentences in one unit because the stop sits inside the marks)."""
        t = self.t
        if ends_comma or e < 1 or t.low[e - 1] not in (".", "!", "?") or post.inverted or post.s0 < z:
            return False
        if post.cue is not None and post.cue.lemma == "according to":
            return False
        if not _is_cap(t.text[post.s0]):
            return False  # '“...?” he asked': a pronoun continues the sentence
        # the sentence's own cue; its subject may stand before an "and" ('Paul said ..., and called him “...”')
        return pre.cue is not None and pre.c0 >= 0 and (pre.s0 < 0 or self._speaking_subject(pre.s0, pre.s1))

    def _clause_after_frame(self, fr: _Frame) -> bool:
        """True when a clause of its own (at least three words, no quotation first) follows the frame, past time
        or medium phrases and "that": 'She says he is unqualified.'"""
        t = self.t
        k = self._skip_pp_right(max(fr.c1, fr.s1, fr.a1), len(t))
        if k < len(t) and t.low[k] in self.lex.complementizers:
            k += 1
        if k >= len(t) or t.quote[k] != -1 or not _is_word(t.text[k]) or t.low[k] in (
                "as", "when", "while", "after", "before", "because", "since", "if", "in", "on", "at", "with", "to"):
            return False  # '“...” Lee said as he launched the process.': a clause about the telling
        e = k
        while e < len(t) and t.low[e] not in (".", "!", "?", ";", ":") and t.quote[e] == -1:
            e += 1
        return t.words(k, e) >= 3 and self._is_clause(k, e, False)

    def _opens_quote_after(self, fr: _Frame) -> bool:
        """True when a quotation opens right after the frame (past a comma or colon): 'He adds, “...”'."""
        t = self.t
        k = max(fr.c1, fr.s1, fr.a1)
        if k < len(t) and t.low[k] in (",", ":"):
            k += 1
        return k < len(t) and t.quote[k] != -1 and self.q_tok[t.quote[k]][0] == k

    def _previous_sentence_speaker(self, a: int) -> _Frame | None:
        """The speaker of a sentence opening with a participle ('Adding, “...”'): the subject of the first speech
        cue with a speaking subject in the sentence before (in the same paragraph), else None."""
        t = self.t
        if a < 2 or "\n" in self.text[t.end[a - 1]:t.start[a]]:
            return None
        k = a - 2
        while k >= 0 and not (t.low[k] in (".", "!", "?") and t.quote[k] == -1) \
                and "\n" not in self.text[t.end[k]:t.start[k + 1]]:
            k -= 1
        return self._cue_frame_before(a - 1, k + 1)

    def _in_full_name(self, word: str) -> bool:
        """True when the article writes ``word`` after another capitalised word on the same line ("Mark
        Hale" for "Hale"): a surname, not a word that opens sentences."""
        return _after_cap_word(self.text, word)

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
        after a possessive or a word that introduces a name: 'on HBC's “Sunday Morning
        Ledger,” Okafor said', 'appearance on “Meet the Voters.”', 'a play called “Los Hijos de Vargas,”', after
        "of" or "in" following a noun or verb for a work's maker ('co-author of “...”', 'starred in “...”'),
        or followed by its author ('“This Kind of Peace,” by T.R. Fenwick', also opening the sentence), or the
        second of a list of titles ('on “Meet the Voters” and “Face the Week”'); digits, "!" and "?" may be part of
        a title ('“Fahrenheit 9/11”', '“Mamma Mia!”')."""
        t = self.t
        while e > c and t.low[e - 1] in (",", "."):
            e -= 1
        words = [t.text[k] for k in range(c, e)]
        z = self.q_tok[t.quote[o]][3] if t.quote[o] != -1 else -1
        by_author = 0 <= z < len(t) - 1 and t.low[z] == "by" and _is_cap(t.text[z + 1])
        prev = o - 1
        if prev >= a and t.low[prev] == "," and prev > a:
            prev -= 1
        w = t.low[prev] if prev >= a else ""
        head = t.low[prev - 1] if prev > a else ""
        # (not longer after "titled": PolNeAR train quotes a seven-word title after 'a memo titled'
        # as the memo writer's words, twice, against one longer article title; qdir17)
        if not words or len(words) > _TITLE_MAX_WORDS or not _is_cap(words[0]):
            return False
        if not all(_is_cap(w_) or w_.lower() in _TITLE_SMALL or w_[:1].isdigit() for w_ in words if _is_word(w_)) or \
                any(not _is_word(w_) and w_ not in ("-", "&", "'", "’", ":", "!", "?") for w_ in words):
            return False  # ('Fahrenheit 9/11', 'Mamma Mia!' are titles)
        if o <= a:
            # a title opening its sentence is known by its author: '“The Long Winter,” by Tom Ames, sold well'
            return by_author
        if w in _TITLE_LEADS or w.endswith(("'s", "’s")) and len(w) > 2:
            return True
        if w == "of" and head in _TITLE_OF_HEADS or w == "in" and head in _TITLE_IN_HEADS:
            return True
        if w == "with" and head in _TITLE_WITH_HEADS or w == "to" and head == "stage":
            return True  # 'in an interview with “The Morning Hour,”', 'took the stage to “Eye of the Storm.”'
        if w in ("and", "or") and prev - 1 > a and t.quote[prev - 1] == -1 and t.text[prev - 1] in _CLOSING_MARKS:
            # the second of a list whose first title the mark scanner left unpaired: 'starred in “Harbour
            # Lights” and “Nights of the River,”'
            m = prev - 2
            while m > a and prev - 1 - m <= _TITLE_MAX_WORDS and t.text[m] not in _OPENING_MARKS \
                    and (_is_cap(t.text[m]) or t.low[m] in _TITLE_SMALL):
                m -= 1
            if m > a and m < prev - 2 and t.text[m] in _OPENING_MARKS and _is_cap(t.text[m + 1]) and (
                    t.low[m - 1] in _TITLE_LEADS or m - 2 >= a and (
                        t.low[m - 1] == "of" and t.low[m - 2] in _TITLE_OF_HEADS
                        or t.low[m - 1] == "in" and t.low[m - 2] in _TITLE_IN_HEADS)):
                return True
        if w in ("and", "or") and prev > a and t.quote[prev - 1] != -1:
            # the second of a list of titles: 'on “Meet the Voters” and “Face the Week”'
            qi = t.quote[prev - 1]
            if self.q_tok[qi][3] == prev and self._is_title(*self.q_tok[qi][:3], a):
                return True
        # a work and its author: '“This Kind of War,” by T.R. Fehrenbach'
        return by_author

    def _signature_line(self, z: int) -> _Frame | None:
        """A quotation standing alone, signed on the next line with a dash and the speaker's name (fact checks,
        quote boxes): '“...”\n\n- Paul Voss.', '“...”\n\n-President Mercer, tweeting after the speech.'."""
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
