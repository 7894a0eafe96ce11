"""Frames that look like attributions but report nothing: a cue word in a phrasal verb ("called off the
march"), a business result ("posted a loss of $12 million", "declined to $281 million"), a passive cue whose
content is its agent ("was claimed by the group"), a question whose only words before its subject are a
question word and an auxiliary ("So what do we see?"), "known" as an adjective ("a physician well known for"),
running for office ("seeking the presidency"), and the link lines of a web page ("READ MORE: ..."), which
name other articles rather than report anything.

Each check is general English news grammar; the analyser of :mod:`._rules` calls them from
:meth:`._indirect._Indirect._no_report` and after all rows are found.
"""

from __future__ import annotations

import re

from ._tokens import _Frame, _is_word
from ._words import (
    _ADV_SKIP,
    _AUX,
    _DOCUMENT_NOUNS,
    _IRREGULAR_PAST,
    _OBJECT_PRONOUNS,
    _PREPS,
    _QUESTION_WORDS,
)

# verb particles after which a cue word is part of another verb: "called off the talks", "wrote off the
# loss", "laid off", "showed off": the cue's object is no reported content
_PARTICLES = frozenset({"off"})
# prepositions that take an amount after a verb of change ("declined to $281 million", "fell by 3 percent",
# not "from": "has support from 52 percent of voters" reports a poll): the amount is a result, no reported words
_AMOUNT_PREPS = frozenset({"to", "by"})
# an amount: a number, a currency sign or a number word ("$281 million", "1.2 per cent", "3%")
_AMOUNT_RE = re.compile(r"[$€£¥]|\d")
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                           "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
                           "million", "billion", "trillion", "about", "nearly", "almost", "around", "roughly"})
# forms of "be" before a passive participle
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s"})
# verbs that report a result rather than words when their object is a result ("posted a loss", "showed a
# sharp rise", "maintains a large lead"); "report" is left out: a company that reports its profit speaks
_RESULT_LEMMAS = frozenset({"post", "show", "maintain"})
# heads of a result noun phrase: a gain or a loss, a win, a figure of business or a race
_RESULT_NOUNS = frozenset({
    "loss", "losses", "profit", "profits", "gain", "gains", "deficit", "deficits", "surplus", "surpluses",
    "decline", "declines", "rise", "rises", "increase", "increases", "drop", "drops", "fall", "falls", "jump",
    "jumps", "growth", "revenue", "revenues", "earnings", "income", "sales", "rebound", "slump", "slowdown",
    "contraction", "expansion", "advance", "advances", "dip", "surge", "plunge", "win", "wins", "victory",
    "victories", "defeat", "defeats", "lead", "record", "margin", "return", "returns", "turnover", "output",
})
# adverbs of degree that make "known" an adjective when no "be" comes before them ("a physician well known for")
_DEGREE_ADVERBS = frozenset({"well", "best", "widely", "better", "little", "lesser", "most", "largely", "relatively",
                             "barely", "hardly", "less", "internationally", "nationally", "locally", "long"})
# what a candidate runs for: "seek" with one of these as its object's head reports no words
_OFFICES = frozenset({"presidency", "nomination", "house", "term", "office", "seat", "governorship", "mayoralty"})
# pronouns of amount as a cue's object before its topic ("said little about", "revealed nothing new about"),
# a degree word before them and the prepositions of the topic; set by hand
_AMOUNT_OBJECTS = frozenset({"little", "nothing", "much", "anything"})
_AMOUNT_DEGREE = frozenset({"very", "almost", "not", "so", "too", "relatively", "comparatively", "next"})
_TOPIC_PREPS = frozenset({"about", "on", "regarding", "concerning"})
# verbs of perception, and the prepositions of time before their gerund: seeing an object or an event then
# ("after seeing the sign") is no belief; set by hand
_PERCEPTION_LEMMAS = frozenset({"see"})
_TIME_PREPS = frozenset({"after", "before", "upon", "on", "since", "without"})
# verbs of what happened to someone next: "went on to win", "went on to become" report no words
_OUTCOME_VERBS = frozenset({"win", "lose", "become", "finish", "beat", "defeat", "serve", "capture", "carry",
                            "earn", "found", "marry", "die", "graduate", "star", "succeed", "join"})
# words a line opens with when it links to another page ("READ MORE:", "Related:", "WATCH:", "See also:") or
# credits the reporters ("Contributing: ...")
_LINK_LABEL_RE = re.compile(
    r"[ \t]*(?:read more|read also|also read|read next|related(?: stories| articles| coverage| news)?|watch|"
    r"see also|also see|see more|more|more on this|listen|must read|recommended|contributing|contributors|"
    r"additional reporting|reporting by)[ \t]*:", re.IGNORECASE)


class _NonReports:
    """Frames that report nothing (mixed into the analyser of :mod:`._rules`)."""

    def _not_a_report(self, fr: _Frame, kind: str, s: int, e: int) -> bool:
        """True when frame ``fr`` with content tokens s..e reports nothing: a cue in a phrasal verb ("called
        off the march"), an amount after a verb of change ("declined to $281 million"), a result posted or
        shown ("posted a loss", "showed a sharp rise"), or a wh-question ("So what do we see?")."""
        if fr.cue is None or s >= e or kind != "indirect":
            return False
        t = self.t
        if s == fr.c1 and (t.low[s] in _PARTICLES or t.low[s] in _OBJECT_PRONOUNS and s + 1 < e
                           and t.low[s + 1] in _PARTICLES) \
                and not any(t.low[m] in self.lex.complementizers for m in range(s, e)):
            # "called off the talks", "has written off the debt", "told him off" (not "said off the record that")
            return True
        if s == fr.c1 and t.low[s] in _AMOUNT_PREPS and s + 1 < e and self._amount_at(s + 1) \
                and not any(t.low[m] in _AUX or t.low[m] in self.lex.complementizers for m in range(s, e)):
            # "declined to $281 million", "fell by 3 percent to ...": a figure, not words (not "said by 2030 the
            # city would have ...", a clause after a fronted time)
            return True
        if s >= fr.c1 and t.low[s] == "by" and self._passive(fr):
            return True  # "was claimed by the group", "were interrupted by a protester": the agent, no words
        words = [m for m in range(fr.c1, e) if _is_word(t.text[m]) or _AMOUNT_RE.match(t.text[m])]
        if s >= fr.c1 and words and len(words) <= 4 and t.low[words[-1]] == "times" \
                and not any(t.quote[m] != -1 for m in range(s, e)):
            return True  # "it was retweeted 25,000 times", "has been stated many times": how often, no words
        plain = s == fr.c1 and not any(t.quote[m] != -1 or t.low[m] in self.lex.complementizers for m in range(s, e))
        if s == fr.c1 and fr.cue.lemma == "threaten" and not any(t.quote[m] != -1 for m in range(s, e)) and t.low[s] in ("the", "a", "an", "its", "their", "his", "her", "our") \
                and not any(t.low[m] == "to" and m + 1 < e and t.low[m + 1] in self.lex.forms for m in range(s, min(e, s + 3))):
            return True  # "it threatens the work that ...", "threatened the rally": a danger to a thing, no words
        if plain and fr.cue.lemma == "read" and (t.low[s] == "like" or s + 1 < e and t.low[s + 1] == "like"
                                                 and t.low[s] in ("more", "less", "much", "almost", "just")):
            return True  # "it reads more like a press release": what a text resembles, not what it says
        if e <= fr.c0 and self._wh_question_only(s, e):
            return True  # "So what do we see?", "How has the city responded?"
        if t.low[fr.c0] == "known" and self._reduced_known(fr.c0):
            return True  # "a physician well known for his work", "Well known for its beaches, the region ..."
        if fr.cue.lemma in _PERCEPTION_LEMMAS and fr.cue.form == "ing" and fr.c0 > 0 \
                and t.low[fr.c0 - 1] in _TIME_PREPS and s == fr.c1 and t.low[s] not in _QUESTION_WORDS \
                and not any(t.low[m] == "as" or t.low[m] in self.lex.complementizers for m in range(s, e)):
            return True  # "After seeing the sign, the visitors ...", "quit after seeing the plan fail": a sight
        if fr.cue.lemma == "think" and s == fr.c1 and self._thought_of_thing(fr, s, e):
            return True  # "Ann Roe is thinking about a run": a thing thought of, no thought reported
        if fr.cue.lemma == "go on" and s + 1 < e and t.low[s] == "to" and t.low[s + 1] in _OUTCOME_VERBS:
            return True  # "went on to win the state", "went on to become governor": what happened next, no words
        if fr.cue.lemma == "seek" and s == fr.c1 and self._object_head(s, e) in _OFFICES:
            return True  # "seeking the presidency", "was not seeking a fifth term": running for office, no words
        return fr.cue.lemma in _RESULT_LEMMAS and s == fr.c1 and self._object_head(s, e) in _RESULT_NOUNS and not (
            fr.s0 >= 0 and any(t.low[k] in _DOCUMENT_NOUNS for k in range(fr.s0, fr.s1)))

    def _amount_topic(self, fr: _Frame, s: int, e: int) -> int | None:
        """The first token of the topic when the content s..e of a speech cue opens with a pronoun of amount and
        a preposition of topic ("said little about the bridge", "revealed almost nothing new about it",
        "has said nothing publicly on the vote"): how much was said on a topic, not what, so the content is the
        topic alone, as annotators mark it; else None ("said much of it was lost" is a clause)."""
        t = self.t
        if fr.cue is None or s != fr.c1 or not (fr.cue.cls == "speech" or fr.cue.lemma in ("reveal", "disclose")):
            return None
        k = s + 1 if t.low[s] in _AMOUNT_DEGREE and s + 1 < e else s
        if t.low[k] not in _AMOUNT_OBJECTS:
            return None
        k += 1
        while k < e and (t.low[k] in ("new", "else", "further") or t.low[k].endswith("ly") and len(t.low[k]) > 4):
            k += 1  # "nothing new about", "little publicly about"
        if k + 1 >= e or t.low[k] not in _TOPIC_PREPS or self._is_clause(s, e, False):
            return None
        return k + 1

    def _thought_of_thing(self, fr: _Frame, s: int, e: int) -> bool:
        """True when the content s..e of a progressive "thinking" is "about" or "of" and a noun phrase, with no
        clause, gerund, question word or "as" complement ("is thinking about a run", "was thinking of the
        bridge"; not "is thinking about running", "about what comes next", "of the plan as a way out")."""
        t = self.t
        if t.low[s] not in ("about", "of") or s + 1 >= e or fr.cue.form != "ing" or fr.c0 < 1 \
                or t.low[fr.c0 - 1] not in _BE:
            return False
        w = t.low[s + 1]
        return not (w in _QUESTION_WORDS or w in self.lex.complementizers or w.endswith("ing") or any(
            t.low[m] == "as" or t.quote[m] != -1 for m in range(s, e)) or self._is_clause(s + 1, e, False))

    def _passive(self, fr: _Frame) -> bool:
        """True when the cue of ``fr`` is a past participle after a form of "be" ("was claimed", "has been
        widely reported"), with at most one adverb between."""
        t = self.t
        if fr.cue.form != "past" or not t.low[fr.c0].endswith(("ed", "en", "wn")) and t.low[fr.c0] not in _IRREGULAR_PAST:
            return False
        k = fr.c0 - 1
        if k >= 0 and (t.low[k].endswith("ly") or t.low[k] in ("not", "also", "never", "already", "long")):
            k -= 1
        return k >= 0 and t.low[k] in _BE

    def _expletive_passive(self, fr: _Frame) -> bool:
        """True when the subject of ``fr`` is "it" and its cue a passive ("It was announced that ...", "it is
        said", "It should be noted that ...", "It is expected to rise"): the pronoun is the empty subject or
        the topic, never the one who reports (not "It was quoted as saying")."""
        t = self.t
        if fr.cue is None or fr.cue.form != "past" or fr.s1 - fr.s0 != 1 or t.low[fr.s0] != "it" \
                or not fr.s0 < fr.c0 - 1 or fr.cue.lemma == "quote":
            return False
        k = fr.c0 - 1
        if t.low[k].endswith("ly") or t.low[k] in ("not", "also", "never", "already", "long"):
            k -= 1  # "it was widely reported", "It is not expected"
        return k > fr.s0 and t.low[k] in _BE

    def _reduced_known(self, c0: int) -> bool:
        """True when "known" at ``c0`` follows a degree adverb ("well", "best", "widely") with no form of "be"
        or "become" before it: an adjective describing a noun ("a physician well known for ...", "Well known for
        its beaches, the region ..."), not a cue with a subject."""
        t = self.t
        if c0 < 1 or t.low[c0 - 1] not in _DEGREE_ADVERBS:
            return False
        k = c0 - 2
        while k >= 0 and t.low[k] not in _AUX and (t.low[k] in _ADV_SKIP or t.low[k].endswith("ly")
                                                   or t.low[k] in ("perhaps", "so", "as")):
            k -= 1  # "is perhaps best known", "is already widely known"
        return k < 0 or t.low[k] not in _BE and t.low[k] not in _AUX and t.low[k] not in (
            "become", "became", "becomes", "becoming", "remain", "remains", "remained")

    def _amount_at(self, k: int) -> bool:
        """True when an amount opens at token ``k``: "$281 million", "3 percent", "about 2 points"."""
        t = self.t
        for m in range(k, min(k + 3, len(t))):
            if _AMOUNT_RE.match(t.text[m]):
                return True
            if t.low[m] not in _NUMBER_WORDS:
                return False
        return False

    def _wh_question_only(self, s: int, e: int) -> bool:
        """True when the words s..e are a question word and an auxiliary and nothing else ("what do", "how
        has"): the fronted part of a direct question, whose subject and verb follow."""
        t = self.t
        words = [k for k in range(s, e) if _is_word(t.text[k])]
        return len(words) == 2 and t.low[words[0]] in _QUESTION_WORDS and t.low[words[1]] in _AUX

    def _object_head(self, s: int, e: int) -> str | None:
        """The head of the noun phrase opening at ``s`` ("a loss of $12 million" -> "loss", "an overwhelming
        victory in ..." -> "victory", "the White House" -> "house"): the last of the words before its first
        preposition, clause word or punctuation, lower-cased; None when it runs longer than a noun phrase."""
        t = self.t
        head = None
        for k in range(s, e):
            w = t.low[k]
            if not _is_word(t.text[k]) and not _AMOUNT_RE.match(t.text[k]) or w in _PREPS or w in (
                    "that", "which", "who", "and", "but", "as"):
                break
            head = w
            if k - s > 6:
                return None
        return head

    def _drop_link_lines(self) -> None:
        """Drop rows whose content opens in a line that links to another page ("READ MORE: Senator says
        ...", "Related: ..."): such a line names another article, it reports nothing in this one."""
        text = self.text
        keep = []
        for r in self.out:
            line_start = text.rfind("\n", 0, r["start"]) + 1
            if _LINK_LABEL_RE.match(text, line_start) is None:
                keep.append(r)
        if len(keep) != len(self.out):
            self.out[:] = keep
