""""According to X" phrases (and their Russian and Turkish counterparts in the lexicon), fronted frames: a
participle or "Asked" opening the sentence before its subject ("Noting that ..., the group ..."), and a
headline that names its source before a colon ("Lee: The Plan Will Fail.").
"""

from __future__ import annotations

import bisect
import re

from ..text import fold
from ._gazetteer import is_transcript_marker
from ._lexicon import Cue
from ._names import _given_names
from ._tokens import _Frame, _is_cap, _is_word
from ._words import _ANSWER_MARKERS, _DET, _DOCUMENT_NOUNS, _PREPS, _SPEAKER_NOUNS, _TIME_WORDS

# lower-case words inside a speakers' label: "Ann Lee and Bo Park: ...", "Jo de Vries: ..."
_LABEL_LINKS = frozenset({"and", "&", "de", "van", "von", "der", "da", "di", "du", "la", "le", "bin", "al", "el"})

# words that open a fronted question after "Asked" ("Asked whether ...", "Asked about ...", "Asked to ...")
_QUESTION_OPENERS = frozenset({"if", "whether", "what", "how", "why", "who", "whom", "when", "where", "which",
                               "about", "to"})
# words before a fronted frame that leave it fronted ("When asked about ...", "But noting that ...")
_FRONT_SKIP = frozenset({"when", "while", "after", "before", "once", "but", "and", "also", "later", "then"})
# the fronted content is at least this many words; chosen on PolNeAR train false negatives ("Asked about it")
_FRONTED_MIN_WORDS = 2
# most words of a quotation inside a fronted question ('Asked if the mayor “gets” it'); set by hand
_ASKED_QUOTED_WORDS = 4
# longest phrase about the asking between "Asked" and the question ("Asked at a briefing Monday in Washington
# about ..."), in tokens; chosen by hand on PolNeAR train false negatives
_ASKED_PP_TOKENS = 8
# a headline "Source: claim": one to four capitalised words, a colon, the claim to the end of the line
_HEADLINE_LABEL = re.compile(r"(?P<label>[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}):[ \t]+(?P<body>\S[^\n]*)")
# first words of a headline label that make it a kicker of the outlet's, not a source ("Wow: ...",
# "Breaking: ...", "Just In: ...", "The Latest: ..."); chosen on PolNeAR train false positives, with the
# common kickers of English news sites
_KICKERS = frozenset({"wow", "breaking", "watch", "look", "exclusive", "update", "updated", "analysis", "opinion",
                      "editorial", "video", "photos", "photo", "live", "just", "bombshell", "review", "explainer",
                      "podcast", "quiz", "correction", "letters", "commentary", "column", "listen", "read", "more",
                      "new", "big", "here", "this", "why", "how", "what", "who", "when", "where", "revealed",
                      "paid", "deaths", "obituary", "monday’s", "tuesday’s", "wednesday’s", "thursday’s",
                      "friday’s", "saturday’s", "sunday’s", "monday's", "tuesday's", "wednesday's", "thursday's",
                      "friday's", "saturday's", "sunday's", "today's", "today’s"})
# last words of a label that name a column or a newsletter of the outlet's ("Delegate Update: ...", "Morning
# Email: ...")
_KICKER_TAILS = frozenset({"update", "email", "briefing", "digest", "notice", "recap", "newsletter", "roundup",
                           "edition", "blog"})
# labels of a later line that are the outlet's notes, not a speaker ("Contributing: ...", "Editor's note: ...")
_LINE_KICKERS = frozenset({"contributing", "editor's note", "editor’s note", "editors' note", "correction",
                           "clarification", "note", "update", "source", "sources", "related", "see also",
                           "stat of the week", "credit", "photo credit", "disclosure", "caption"})
# shortest turn after a speaker's label on a later line, in words ("Brandt: Now or never" is a heading); chosen
# on PolNeAR train false positives
_TURN_MIN_WORDS = 4
# a label after a dash inside a line, names joined by "and" allowed ("... - Ann Lee and Bo Park: “...”")
_DASH_LABEL = re.compile(r"[ \t][-–—―][ \t](?P<label>[A-Z][\w.'’&-]*(?: (?:and )?[A-Z][\w.'’&-]*){0,5}):[ \t]+"
                         r"(?P<body>\S[^\n]*)")
# the line of an interview's question ("Q: ..."); set by hand
_QUESTION_LINE = re.compile(r"(?m)^[ \t]*(?P<q>Q|QUESTION):[ \t]+\S")
# the start of every line after the first
_LINE_START = re.compile(r"\n[ \t]*(?=\S)")
# shortest claim after a headline label, in words; chosen on PolNeAR train ("Pike: A miracle." is a heading)
_HEADLINE_MIN_WORDS = 3


class _According:
    """According-to attributions (mixed into the analyser of :mod:`._rules`)."""

    def _according_at(self, k: int) -> int | None:
        """End token of an "according to" phrase starting at ``k``, else None."""
        t = self.t
        if t.low[k] not in self.lex.according_first:
            return None
        for ph in self.lex.according_to:
            L = len(ph)
            if tuple(t.low[k:k + L]) == ph:
                if ph == ("per",) and not (k + 1 < len(t) and _is_cap(t.text[k + 1])):
                    continue
                return k + L
        return None

    def _fronted(self, i0: int, i1: int, cue, a: int, b: int, passive: bool = False) -> bool:
        """Emit the content of a fronted frame with no subject of its own and return True: a
        participle opening the sentence reports a that-clause for the sentence's subject ("Noting that only
        one senator voted with them, the group vowed ..."); "Asked" (at the start, or after "when") reports
        the question put to the subject, with no speaker: the asker is not named ("Asked whether ..., Lee
        said ..."; "asked by" is no cue). With ``passive``, "asked" follows a form of "be" anywhere in the
        sentence ("he was asked what happened", "was asked by a caller why ..."): the same question, put by the
        agent after "by" or by no one named; only a question word, "if" or "whether" opens it there. False when
        the shape does not hold."""
        t = self.t
        asked = t.low[i0] == "asked"
        if not (asked or cue.form == "ing"):
            return False
        f = a
        while f < i0 and (not _is_word(t.text[f]) or t.low[f] in _FRONT_SKIP):
            f += 1
        if f != i0 and not (asked and t.low[i0 - 1] in ("when", "after")) and not (asked and passive):
            return False
        # a phrase cue ("asked about") keeps its preposition in the question
        k, s0, s1 = (i0 + 1 if asked else i1), -1, -1
        if k >= b or t.quote[k] != -1:
            return False
        if asked:
            while k + 1 < b and t.low[k].endswith("ly") and t.low[k + 1] in _QUESTION_OPENERS:
                k += 1  # "Asked specifically what should be done ..."
            if t.low[k] == "by":  # "Asked by a reporter whether ...": the asker is the source of the question
                np_ = self._np_right(k + 1, b)
                if np_ is None or self._cannot_speak(*np_):
                    return False
                s0, s1 = np_
                k = np_[1]
            if k < b and (t.low[k] in _PREPS and t.low[k] not in _QUESTION_OPENERS or t.low[k] in _TIME_WORDS):
                # a phrase about the asking first: "Asked on Tuesday about ...", "Asked at a briefing whether"
                m = k + 1
                while m < b and m - k <= _ASKED_PP_TOKENS and t.low[m] not in _QUESTION_OPENERS - {"to"} \
                        and _is_word(t.text[m]) and t.quote[m] == -1:
                    m += 1
                k = m
            if k >= b or t.low[k] not in _QUESTION_OPENERS or passive and t.low[k] in ("about", "to"):
                return False
        elif t.low[k] not in self.lex.complementizers and t.low[k] not in _QUESTION_OPENERS - {"about", "to"}:
            return False
        e = k
        while e < b and t.low[e] not in (",", ";", ":", "—", "–") and not (
                t.low[e] == "-" and e > k and t.end[e - 1] < t.start[e]):  # (a hyphen typed for a dash)
            if t.quote[e] != -1:
                qo, qc, qe, qz = self.q_tok[t.quote[e]]
                if not asked or qo != e or t.words(qc, qe) > _ASKED_QUOTED_WORDS or qz >= b:
                    break
                # 'Asked if the mayor “gets” it, ...', 'Asked why ... on "Morning Talk," Lee said': a short
                # quotation inside the question (a comma inside its marks closes the question there)
                e = qz
                if t.low[qe - 1] == ",":
                    break
                continue
            e += 1
        if t.words(k, e) < _FRONTED_MIN_WORDS or e < b and t.quote[e] != -1:
            return False
        stop = e
        while e > k and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
            e -= 1  # the sentence's final stop
        if not asked:
            if stop >= b or t.low[stop] != ",":
                return False
            np_ = self._np_right(stop + 1, b)
            if np_ is None or self._cannot_speak(*np_):
                return False
            s0, s1 = np_
            k += t.low[k] in self.lex.complementizers
        self._emit("indirect", t.start[k], t.end[e - 1], _Frame(i0, i1, cue, s0, s1), a, b)
        return True


    def _headline_label(self) -> None:
        """The article's first line as a headline that names its source before a colon ("Lee: Budget Cuts
        Will Cost Jobs.", "Poll: Voters Favor the Plan."): the claim is reported, the label is the speaker. A
        label in capitals ("WATCH: ...") or opening with a kicker word or a determiner ("The Latest: ...") is
        the outlet's, not a source; so is one with a preposition inside ("Big Win For Lee: ..."). Every later
        line that opens with a speaker's label is a turn of a transcript or an interview ("JANE DOE: We will
        ...", "Q: What will you do?"), reported the same way; there a label in capitals names the speaker."""
        text = self.text
        s = len(text) - len(text.lstrip())
        self._label_line(s, True)
        for m in _LINE_START.finditer(text, s + 1):
            self._label_line(m.end(), False)
        # a digest's item: "POLLS WERE RIGHT, JUST EARLY - Ann Lee and Bo Park: “...”": the label after a dash
        for m in _DASH_LABEL.finditer(text):
            self._label_line(m.start("label"), False, m)

    def _question_before(self, s: int) -> int | None:
        """Start of the first "Q:" line of the interview whose answer line starts at character ``s``: the first
        such line before it, else None."""
        m = _QUESTION_LINE.search(self.text, 0, s)
        return None if m is None else m.start("q")

    def _interviewee(self, q: int) -> tuple[int, int]:
        """Token span of the one person named in the paragraph before the interview's first question at
        character ``q`` ("We spoke with Ann Lee, the mayor."): a capitalised given name of
        resources/first_names.yaml and the capitalised words after it; (-1, -1) when it names no one or more
        than one person (by surname)."""
        text, t = self.text, self.t
        end = q
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = text.rfind("\n", 0, end) + 1
        a, b = bisect.bisect_left(t.start, start), bisect.bisect_left(t.start, end)
        found: dict[str, tuple[int, int]] = {}
        k = a
        while k < b:
            if _is_cap(t.text[k]) and fold(t.text[k]).lower() in _given_names():
                e = k + 1
                while e < b and _is_cap(t.text[e]) and _is_word(t.text[e]) and t.low[e] not in _DET:
                    e += 1
                if e - k >= 2:
                    found.setdefault(t.low[e - 1], (k, e))
                    k = e
                    continue
            k += 1
        return next(iter(found.values())) if len(found) == 1 else (-1, -1)

    def _topic_label(self, label: str) -> bool:
        """True for a label that names a topic, not a source: a lower-case word after its first ("Campaign
        funding: ..."), or one word the article also writes in lower case ("Superdelegates: ..." beside
        "superdelegates"), unless a document or a speaking noun ("Poll: ...")."""
        words = label.split()
        if any(w[:1].islower() and w not in _LABEL_LINKS for w in words[1:]):
            return True  # (not "Ann Lee and Bo Park: ...", "Jo de Vries: ...")
        low = words[0].lower()
        if len(words) > 1 or low in _DOCUMENT_NOUNS or low in _SPEAKER_NOUNS or low.rstrip("s") in _SPEAKER_NOUNS:
            return False
        return re.search(r"(?<![\w.])" + re.escape(low) + r"\b", self.text) is not None

    def _label_line(self, s: int, first: bool, m: re.Match | None = None) -> None:
        """Emit the claim of the line starting at character ``s`` when it opens with a source's label and a
        colon (see :meth:`_headline_label`); ``m`` is a match of the label found elsewhere."""
        text, t = self.text, self.t
        m = m or _HEADLINE_LABEL.match(text, s)
        if m is None or "\n" in text[s:m.end("label")]:
            return
        label = m.group("label")
        words = [w.lower() for w in label.split()]
        answer = not first and label in _ANSWER_MARKERS and self._question_before(s) is not None
        if answer:
            pass  # "A: We rebuild the bridge.": an interview's answer (its "A" is no article)
        elif label.isupper() and first or words[0] in _KICKERS or words[-1] in _KICKER_TAILS \
                or words[0] in _DET or any(w in _PREPS for w in words) or " ".join(words) in _LINE_KICKERS:
            return
        if not label.isupper() and self._topic_label(label):
            return
        s0, s1 = bisect.bisect_left(t.start, m.start("label")), bisect.bisect_left(t.start, m.end("label"))
        c, e = s1, bisect.bisect_left(t.start, m.end("body"))
        k = bisect.bisect_left(t.start, m.start("body"))
        while e > k and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
            e -= 1
        if c >= len(t) or t.low[c] != ":" or t.words(k, e) < (_HEADLINE_MIN_WORDS if first else _TURN_MIN_WORDS):
            return
        words = [x for x in range(k, e) if _is_word(t.text[x])]
        if not first and 2 * sum(_is_cap(t.text[x]) for x in words) > len(words):
            return  # "Iowa: Ann Lee, Bob Smith, ...", "Hale: MOVE PAST Iowa": a list or a heading, not a turn
        start, end = t.start[k], t.end[e - 1]
        if self._covered_by_direct(start, end):
            return  # "Lee: 'We Will Win.'": the quotation is attributed already
        if is_transcript_marker(label):
            s0 = s1 = -1  # "Q: How did you feel?": the interviewer's turn, no one named
        fr = _Frame(c, c + 1, Cue(":", "neutral", "speech", False, "phrase"), s0, s1)
        if answer:
            # "A" stands for the interviewee, as a pronoun does: the one person the paragraph before the
            # questions names ("We spoke with Ann Lee, the mayor."), when it names one (._speakers resolves it)
            i0, i1 = self._interviewee(self._question_before(s))
            fr.antecedent = None if i0 < 0 else (i0, i1)
        kind = "mixed" if any(t.quote[x] != -1 for x in range(k, e)) else "indirect"
        self._emit(kind, start, end, fr, 0, len(t))
        if kind == "mixed":
            self._emit_fragments(k, e, fr, 0, len(t))
