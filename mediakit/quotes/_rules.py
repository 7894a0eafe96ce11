"""The analyser of one article: runs the rules of each construction (:mod:`._direct`, :mod:`._indirect`,
:mod:`._according`, :mod:`._mixed`, and the language modules :mod:`._turkish`, :mod:`._languages`) over
the sentence units and returns attributions as character offsets into the article text.

No parser or model: a tokeniser, the quote-mark scanner of :mod:`._marks`, the cue lexicon of
:mod:`._lexicon` and closed word lists (:mod:`._words`). Written by hand because the libraries that do this
need a downloaded model (textacy, spaCy, citron) or an old Python (the Gender Gap Tracker).

>>> text = 'Ana Silva, head of the agency, said work continued. "We will wait," he added.'
>>> [(r["kind"], text[r["start"]:r["end"]], text[r["speaker_start"]:r["speaker_end"]])
...  for r in find_attributions(text)]
[('indirect', 'work continued', 'Ana Silva'), ('direct', 'We will wait,', 'he')]
"""

from __future__ import annotations

import bisect
import re

from ._according import _According
from ._content import _Content
from ._content_frames import _ContentFrames
from ._cue_subjects import _CueSubjects
from ._cues import _Cues
from ._direct import _Direct
from ._indirect import _Indirect
from ._languages import LANGUAGE_RULES, language_rules
from ._lexicon import Cue, VerbLexicon, load_verb_lexicon
from ._marks import QuoteSpan
from ._mixed import _Mixed
from ._non_reports import _NonReports
from ._noun_cues import _NounCues
from ._phrases import _Phrases
from ._subjects import _Subjects
from ._tokens import _Frame, _is_cap, _tokenize
from ._turkish import _Turkish
from ._units import _Units
from ._words import _DET, _QUOTE_CHARS, PRONOUNS

__all__ = ["find_attributions"]

# ---------------------------------------------------------------- thresholds
# Each value: what it bounds, then where it was tuned. "Origin unknown": set by hand in commit 11686a3, while
# the rules were developed on PolNeAR train and checked on the s400 gold (bench/README.md); no record of
# tuning. Changing one changes results: rerun bench/quotes.py.
# longest apposition after a sentence's subject ("Lena Hart, a defence economist at ...,"); origin
# unknown, predates this refactor
_APPOSITION_MAX_TOKENS = 25
# a comma-ended sentence this short before an unattributed quotation is read as its lead-in; origin unknown,
# predates this refactor
_LEAD_IN_MAX_TOKENS = 16
# an unattributed quotation takes the previous speaker across at most this many line breaks ...; origin
# unknown, predates this refactor
_CONTEXT_MAX_NEWLINES = 2
_BREAKS_RE = re.compile(r"\n[\s]*")
# a subject pronoun with a contracted auxiliary in one token ("they've", "he’s"); group 1 is the pronoun
_CONTRACTED_PRONOUN_RE = re.compile(r"(he|she|they|we|i|you)['’](?:s|ve|d|ll|re)")
# ... and at most this many characters; origin unknown, predates this refactor
_CONTEXT_MAX_GAP_CHARS = 600
_WORD_RE = re.compile(r"\w{2,}")
# a content with fewer characters than this before a quotation another speaker frames is nothing of its own; a
# guess, not tuned
_MIN_CONTENT_CHARS = 8


def _paragraph_breaks(gap: str) -> int:
    """Paragraph breaks in ``gap``: runs of line breaks, so that "\n\n" between paragraphs counts once."""
    return len(_BREAKS_RE.findall(gap))


class _Analyser(_Units, _Cues, _Phrases, _CueSubjects, _Subjects, _Direct, _According, _Mixed, _Indirect, _NounCues,
                _NonReports, _Content, _ContentFrames, _Turkish):
    """Finds the attributions of one article (call :meth:`run`)."""

    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang if lang in LANGUAGE_RULES else "en"
        self.lang_rules = language_rules(self.lang)
        self.lex: VerbLexicon = load_verb_lexicon(self.lang)
        self.pronouns = PRONOUNS.get(self.lang, PRONOUNS["en"]) | PRONOUNS["en"]
        self.t = _tokenize(text)
        self.quotes: list[QuoteSpan] = []
        self.q_tok: list[tuple[int, int, int, int]] = []  # (open_first, content_first, content_end, close_end)
        self.consumed: set[int] = set()  # cue token indices already used by a frame
        self._title_lines: dict[tuple[int, int], bool] = {}
        self.cut_inside: set[int] = set()
        self.direct_set: set[tuple[int, int]] = set()  # (start, end) of the direct rows emitted so far
        self.direct_sorted: list[tuple[int, int]] = []  # the same, sorted  # unit starts that the length cap put inside a quotation
        self.subjects: list[tuple[int, int]] = []  # names opening a sentence (antecedents of "he", "she")
        self.out: list[dict] = []

    def _emit(self, kind: str, start: int, end: int, fr: _Frame | None, a: int, b: int,
              inherited: bool = False, fragment: bool = False) -> None:
        t = self.t
        rec = {
            "kind": kind, "start": start, "end": end,
            "speaker_start": None, "speaker_end": None, "verb_start": None, "verb_end": None,
            "verb": None, "lemma": None, "stance": None, "cls": None,
            "appos_start": None, "appos_end": None, "antecedent": None,
            # the sentence holds its quote, even one read past the sentence ("He added:\n\nThe plan ...")
            "sent_start": min(t.start[a], start), "sent_end": max(t.end[b - 1], end),
            "inherited": inherited, "fragment": fragment,
        }
        if fr is not None and fr.s0 < 0 and fr.cue is not None and fr.c0 >= max(a, 0) \
                and (np_ := self._fronted_clause_subject(fr.c0, a, b)) is not None:
            fr = _Frame(fr.c0, fr.c1, fr.cue, np_[0], np_[1])  # "After saying ..., the senator asked": his words
        if fr is not None:
            if fr.s0 >= 0 and not self._expletive_passive(fr):
                rec["speaker_start"], rec["speaker_end"] = t.start[fr.s0], t.end[fr.s1 - 1]
                if self.text.endswith(("'s", "’s"), rec["speaker_start"], rec["speaker_end"]):
                    rec["speaker_end"] -= 2  # a possessor ("Hale's claim that ..."): the name without "'s"
                elif fr.s1 - fr.s0 == 1 and _CONTRACTED_PRONOUN_RE.fullmatch(t.low[fr.s0]):
                    # a pronoun with its contracted auxiliary ("They've said", "He's said"): the pronoun alone
                    rec["speaker_end"] = t.start[fr.s0] + _CONTRACTED_PRONOUN_RE.fullmatch(t.low[fr.s0]).end(1)
            if fr.a0 >= 0:
                rec["appos_start"], rec["appos_end"] = t.start[fr.a0], t.end[fr.a1 - 1]
            if fr.antecedent is not None:
                rec["antecedent"] = (t.start[fr.antecedent[0]], t.end[fr.antecedent[1] - 1])
            if fr.cue is not None and fr.c0 >= 0 and fr.c1 > fr.c0:
                rec["verb_start"], rec["verb_end"] = t.start[fr.c0], t.end[fr.c1 - 1]
                rec["verb"] = self.text[rec["verb_start"]:rec["verb_end"]]
                rec["lemma"], rec["stance"], rec["cls"] = fr.cue.lemma, fr.cue.stance, fr.cue.cls
        self.out.append(rec)
        if kind == "direct":
            self.direct_set.add((start, end))
            bisect.insort(self.direct_sorted, (start, end))

    # ------------------------------------------------------------ orchestration
    def run(self) -> list[dict]:
        self._map_quotes()
        units = self._units()
        infos = []
        for a, b in units:
            info: dict = {}
            self._direct(a, b, info)
            infos.append(info)
        # quotations with no frame of their own: the speaker of the previous attribution nearby
        for n_u in range(len(units)):
            for qi, ua, ub in infos[n_u].get("pending", []):
                fr = self._context_frame(n_u, units, infos, qi)
                if fr is not None:
                    self._emit_direct(qi, fr, ua, ub, inherited=True)
        for (a, b), info in zip(units, infos):
            self._indirect(a, b, info.get("frames", []))
        if self.lang == "en":
            self._headline_label()
        self.out.sort(key=lambda r: (r["start"], r["end"]))
        self._drop_framed_quotations()
        self._drop_link_lines()
        t = self.t
        for a, b in units:
            np_ = self._sentence_subject(a, b)
            if np_ is None or not any(_is_cap(t.text[k]) and t.low[k] not in _DET for k in range(*np_)):
                continue
            a0 = a1 = -1
            e = np_[1]
            if e < b and t.low[e] == ",":  # "Lena Hart, a defence economist at ..., was blunt."
                f = e + 1
                while f < b and t.low[f] not in (",", ".", ";", ":") and t.quote[f] == -1 and f - e < _APPOSITION_MAX_TOKENS:
                    f += 1
                if f > e + 1 and f < b and t.low[f] == "," and self._looks_like_np(e + 1, f):
                    a0, a1 = t.start[e + 1], t.end[f - 1]
            self.subjects.append((t.start[np_[0]], t.end[np_[1] - 1], a0, a1))
        return self.out

    def _drop_framed_quotations(self) -> None:
        """An indirect or mixed row whose content is nothing but a quotation that another speaker's own frame,
        inside the content, attributes ("Nothing the president said “will assuage fears,” the senator said";
        "Roe cannot say that “from his perspective,” Lee added") is no attribution of its subject: the direct
        row credits the quotation to its speaker. The row goes with its quoted fragments. (A content with
        words of its own before such a quotation stays whole, as annotators nest the inner attribution.)"""
        directs = [r for r in self.out if r["kind"] == "direct" and not r["fragment"] and r["verb_start"] is not None
                   and r["speaker_start"] is not None and min(r["verb_start"], r["speaker_start"]) >= r["end"]]
        dropped = set()
        for r in self.out:
            if r["kind"] not in ("indirect", "mixed") or r["fragment"]:
                continue
            inner = [d["start"] for d in directs if r["start"] <= d["start"] and d["end"] <= r["end"]
                     and max(d["verb_end"], d["speaker_end"]) <= r["end"] and d["verb_start"] != r["verb_start"]]
            if not inner:
                continue
            cut = min(inner)
            while cut > r["start"] and (self.text[cut - 1] in _QUOTE_CHARS or self.text[cut - 1] in " :,—–―-"):
                cut -= 1
            if cut - r["start"] < _MIN_CONTENT_CHARS or not _WORD_RE.search(self.text, r["start"], cut):
                dropped.add((r["verb_start"], r["start"], r["end"]))
        if dropped:
            self.out[:] = [r for r in self.out if not any(
                r["verb_start"] == v and s0 <= r["start"] and r["end"] <= e0 and (r["fragment"] or r["start"] == s0)
                for v, s0, e0 in dropped)]

    def _frame_opens_next(self, n_u: int, units) -> bool:
        """True when the sentence after unit ``n_u``, in the same paragraph, opens with a subject and a cue that
        report no clause of their own ('“...?” Ann Lee told the Gazette ...'): the quotation's own frame, however
        long."""
        t = self.t
        if n_u + 1 >= len(units):
            return False
        na, nb = units[n_u + 1]
        if "\n" in self.text[t.end[na - 1]:t.start[na]]:
            return False
        fr = self._post_frame(na, nb)
        if fr is None or fr.cue is None or fr.s0 < 0 or min(fr.s0, fr.c0) != na:
            return False
        tail = max(fr.c1, fr.s1, fr.a1)
        # (not 'She further announced that the agency ...': a frame with a clause of its own)
        return not self._clause_follows(tail, nb) and not self._clause_after_frame(fr)

    def _source_of_quoted(self, fr: _Frame, pa: int, pb: int) -> bool:
        """True when ``fr`` closes the sentence pa..pb as the source that reported a quotation of someone the
        sentence names ('“...,” Lee said in an interview, as reported by the Times.'): the quotation after it goes
        on in Lee's words, not the source's. (Not "according to the Times", which the PolNeAR convention credits
        with what follows.)"""
        t = self.t
        if fr.cue is None or fr.cue.lemma != "according to" or not 0 <= fr.c0 < len(t) or t.low[fr.c0] == "according":
            return False
        lo, hi = t.start[pa], t.end[pb - 1]
        return any(r["kind"] == "direct" and r["speaker_start"] is not None and lo <= r["start"] < hi
                   and not (t.start[fr.s0] <= r["speaker_start"] < t.end[fr.s1 - 1]) for r in self.out)

    def _context_frame(self, n_u: int, units, infos, qi: int) -> _Frame | None:
        """Frame for an unattributed quotation: a colon-ended lead-in just before it, else the speaker of
        the latest attribution in this or the previous two sentences (same or previous paragraph)."""
        t = self.t
        a, _b = units[n_u]
        if n_u > 0:
            pa, pb = units[n_u - 1]
            if t.low[pb - 1] == ":" or t.low[pb - 1] == "," and pb - pa < _LEAD_IN_MAX_TOKENS:
                fr = self._pre_frame(pb, pa)
                if fr is not None and (fr.s0 >= 0 or fr.cue is not None):
                    return fr
            if t.low[pb - 1] == "." and pb - 1 > pa and t.quote[pb - 1] == -1 and "\n" not in self.text[t.end[pb - 1]:t.start[a]] \
                    and not self._frame_opens_next(n_u, units):
                # 'Or maybe Lee, digital consultant Ann Park says. “...”': the sentence before, in the same
                # paragraph, ends with a frame whose speaker goes on in the quotation
                fr = self._final_frame(pa, pb - 1)
                if fr is not None and fr.cue is not None and fr.cue.cls == "speech" and not fr.inverted \
                        and self._speaking_subject(fr.s0, fr.s1) and not self._source_of_quoted(fr, pa, pb):
                    return fr
                if all(t.quote[k] == -1 for k in range(pa, pb)) and t.quote[a] != -1:
                    fr = self._cue_frame_before(pb, pa)
                    if fr is not None and not fr.inverted:
                        return fr  # 'Lee said the plan had failed. “We are done.”'
        best = None
        o = self.q_tok[qi][0]
        for r in sorted(self.out, key=lambda r: r["start"], reverse=True):
            if r["start"] >= t.start[o] or r["speaker_start"] is None:
                continue
            gap = self.text[r["end"]:t.start[o]]
            # a paragraph that opens with a quotation right after a paragraph ending with a quoted speaker's
            # frame goes on quoting that speaker ('“...,” said Murphy.\n\n“I mean, ...”')
            next_paragraph = r["kind"] == "direct" and _paragraph_breaks(gap) == 1 \
                and not gap.rsplit("\n", 1)[1] and len(gap) <= _CONTEXT_MAX_GAP_CHARS
            if (gap.count("\n\n") + gap.count("\n") > _CONTEXT_MAX_NEWLINES or len(gap) > _CONTEXT_MAX_GAP_CHARS) \
                    and not next_paragraph:
                break
            best = r
            break
        if best is None:
            return None
        fr = _Frame(-1, -1, None)
        fr.s0 = bisect.bisect_left(t.start, best["speaker_start"])
        fr.s1 = bisect.bisect_left(t.start, best["speaker_end"])
        if fr.s1 <= fr.s0:
            fr.s1 = fr.s0 + 1
        if best["verb_start"] is not None:
            fr.c0 = bisect.bisect_left(t.start, best["verb_start"])
            fr.c1 = bisect.bisect_left(t.start, best["verb_end"])
            fr.cue = Cue(best["lemma"], best["stance"], best["cls"] or "speech")
        if best["appos_start"] is not None:
            fr.a0 = bisect.bisect_left(t.start, best["appos_start"])
            fr.a1 = bisect.bisect_left(t.start, best["appos_end"])
        if best["antecedent"] is not None:
            fr.antecedent = (bisect.bisect_left(t.start, best["antecedent"][0]),
                             bisect.bisect_left(t.start, best["antecedent"][1]))
        return fr


def find_attributions(text: str, lang: str = "en", subjects: list | None = None) -> list[dict]:
    """Attributions in ``text`` as dicts of character offsets: ``kind`` (direct, indirect, mixed,
    according_to), ``start``/``end`` of the reported content, ``speaker_start``/``speaker_end`` of the
    speaker mention (None when none), ``verb_start``/``verb_end`` and ``verb``/``lemma``/``stance`` of the
    cue, ``appos_start``/``appos_end`` of an apposition describing the speaker, ``antecedent`` (offsets of
    the noun phrase a relative "who" stands for), ``sent_start``/``sent_end`` of the sentence, and
    ``inherited`` (True when the speaker was taken from the previous attribution). When a list is passed
    as ``subjects``, the offsets of the names opening each sentence are appended to it (the antecedents a
    later "he" or "she" may refer to).
    """
    if not text:
        return []
    an = _Analyser(text, lang)
    out = an.run()
    if subjects is not None:
        subjects.extend(an.subjects)
    return out
