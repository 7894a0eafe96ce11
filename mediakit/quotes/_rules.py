"""Rules that find attributions in one article: direct, split, indirect, mixed and "according to" quotes,
each with its cue verb and the speaker mention, all as character offsets into the article text.

No parser or model: a tokeniser, the quote-mark scanner of :mod:`mediakit.quotes_marks`, the cue lexicon of
:mod:`mediakit.quotes_lexicon` and closed word lists. Written by hand because the libraries that do this
need a downloaded model (textacy, spaCy, citron) or an old Python (the Gender Gap Tracker).

>>> text = 'Ismail Demir, head of the SSB, said work continued. "We will wait," he added.'
>>> [(r["kind"], text[r["start"]:r["end"]], text[r["speaker_start"]:r["speaker_end"]])
...  for r in find_attributions(text)]
[('indirect', 'work continued', 'Ismail Demir'), ('direct', 'We will wait,', 'he')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .quotes_lexicon import Cue, VerbLexicon, load_verb_lexicon
from .quotes_marks import QuoteSpan, find_quotes
from .text import sentence_spans

__all__ = ["find_attributions", "Tokens", "PRONOUNS"]

_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’\-]\w+)*|''|[^\w\s]")

# ---------------------------------------------------------------- closed word classes
PRONOUNS = {
    "en": {"he", "she", "they", "it", "we", "i", "you", "who", "which", "this", "that"},
    "tr": {"o", "onlar", "kendisi"},
    "ru": {"он", "она", "они", "оно", "который", "которая", "которые"},
}
_PERSONAL = {"he", "she", "they", "it", "we", "i", "you", "o", "onlar", "он", "она", "они"}
_DET = {
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some",
    "many", "several", "most", "both", "all", "each", "every", "another", "other", "no", "any", "few",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "such", "more", "fewer",
    "numerous", "various", "certain",
}
_POSSESSIVE_DET = {"his", "her", "its", "their", "our", "my", "your"}
_CLAUSE = {
    "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "when", "while", "where", "as",
    "because", "since", "if", "unless", "although", "though", "after", "before", "until", "so", "than",
    "whether", "what", "how", "why", "yet", "once", "whereas", "despite", "without", "instead", "not",
    "then", "there", "here", "also", "even", "just", "only", "now", "meanwhile", "however", "thus",
    "ve", "ile", "ama", "ancak", "и", "а", "но", "что", "как", "когда", "также",
}
_AUX = {
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "won't", "wouldn't",
    "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "aren't", "weren't",
    "can't", "couldn't", "shouldn't", "get", "got", "gets",
}
_ADV_SKIP = {
    "also", "later", "then", "previously", "recently", "repeatedly", "once", "again", "reportedly",
    "publicly", "privately", "separately", "further", "quickly", "simply", "only", "even", "still",
    "just", "already", "never", "often", "frequently", "initially", "originally", "first", "flatly",
    "openly", "not", "always", "subsequently", "ultimately", "eventually", "finally", "himself",
    "herself", "themselves", "itself", "too", "long", "has", "have", "had", "would", "will", "could",
    "can", "may", "might", "did", "does", "do", "should", "must", "shall", "is", "was", "were", "are",
    "be", "been", "being", "ever", "now", "allegedly", "apparently",
    "n't", "since", "earlier", "late", "today", "yesterday", "tonight", "however", "both", "all",
    "personally", "directly", "indirectly", "explicitly", "specifically", "clearly", "loudly",
    "he", "she",  # "he himself", never reached: pronouns are subjects
    "также", "уже", "ранее", "ayrıca", "da", "de", "ясно", "четко", "прямо", "открыто", "вновь", "снова",
    "еще", "ещё",
}
_ADV_SKIP -= {"he", "she"}
_NOT_ADVERBS_LY = {"ally", "rally", "family", "assembly", "supply", "reply", "anomaly", "daily", "weekly",
                   "monthly", "early", "july", "italy", "bully", "belly", "holy", "fly", "only"}
_PREPS_INNER = {"of", "at", "for", "to", "from", "in", "with", "on", "under", "within", "inside", "outside",
                "and", "de", "du", "van", "von", "bin", "al", "el", "la", "le", "del"}
_PREPS = {
    "of", "at", "for", "to", "from", "in", "with", "on", "under", "within", "inside", "outside", "by",
    "about", "into", "during", "over", "after", "before", "among", "against", "through", "like",
    "near", "amid", "behind", "toward", "towards", "per", "via", "than", "upon", "across",
    "alongside", "beside", "besides", "despite", "including", "unlike", "without", "beyond", "around",
    "along", "throughout", "following", "regarding", "concerning",
    "в", "во", "на", "с", "со", "по", "к", "ко", "о", "об", "от", "до", "из", "за", "для", "при", "после",
    "перед", "через", "у", "под", "над",
}
_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend",
    "month", "year", "night", "morning", "afternoon", "evening", "day", "today", "yesterday", "tonight",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "spring", "summer", "autumn", "fall", "winter", "earlier", "last", "this", "next", "recently",
    "past",
}
_MEDIUM_WORDS = {
    "statement", "interview", "tweet", "tweets", "letter", "speech", "post", "posts", "message", "email",
    "e-mail", "op-ed", "column", "essay", "book", "memo", "report", "video", "address", "remarks",
    "conference", "call", "briefing", "hearing", "rally", "debate", "appearance", "testimony", "release",
    "note", "blog", "radio", "television", "podcast", "documentary", "town", "meeting", "session",
    "announcement", "filing", "lawsuit", "complaint", "broadcast", "show", "event", "facebook", "twitter",
    "instagram", "article", "editorial", "commentary", "press", "news", "phone", "telephone",
}
_TITLES_ABBR = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
                "adm", "prof", "rev", "st", "jr", "sr", "pres", "amb", "atty", "supt", "insp", "cmdr",
                "messrs", "hon", "u.s", "no", "del", "sens", "reps", "govs", "cpl", "pvt", "brig", "cdr",
                "mt", "ft", "fr", "det", "lt.gen", "corp", "inc", "co", "ltd", "calif", "fla", "ariz",
                "conn", "mass", "mich", "minn", "penn", "tenn", "wis", "va", "md", "ky", "ill", "ind", "ga",
                "la", "mo", "nev", "okla", "ore", "tex", "wash", "colo", "ala", "ark", "kan", "neb", "miss",
                "vt", "n.y", "n.j", "n.h", "d.c", "s.c", "n.c"}
# verbs that stand before their speaker in English ('“...,” said Smith'; not '“...” blasted Clinton as')
_INVERTIBLE = {"say", "add", "write", "ask", "continue", "explain", "note", "recall", "reply", "respond",
               "answer", "insist", "argue", "observe", "warn", "quip", "joke", "counter", "conclude", "declare",
               "exclaim", "announce", "remark", "comment", "suggest", "predict", "recount", "concede",
               "acknowledge", "admit", "claim", "boast", "complain", "shout", "yell", "scream", "read", "post",
               "tweet", "state", "tell", "muse", "retort", "interject", "agree", "chime in", "offer", "begin",
               "cry", "whisper", "mutter", "lament", "emphasize", "stress", "caution", "report", "quote",
               "according to", "go on", "went on", "pointed out", "point out", "proclaim", "assert", "affirm",
               "maintain", "contend", "allege", "speculate", "wonder", "reason", "reiterate", "repeat", "echo"}
# addressees that follow "told" and never are the speaker
_PUNCT_OPEN = set("([{")
_DASHES = {"—", "–", "-", "--"}
_QUOTE_CHARS = set("\"“”«»„‘’‹›'")
_NAME_QUOTE_MAX = 5
_NEWLINE_RE = re.compile(r"\n")
_SENT_OPENERS = {".", "!", "?", ":", ";", "\"", "“", "”", "''", "—", "–", "-", "(", "«", "»", "„", "‘", "’"}
_OBJECT_PRONOUNS = {"him", "her", "it", "them", "us", "me", "you", "this", "that"}
_CLAUSE_BREAKS = {",", ";", "and", "but", "—", "–"}
_SUBORDINATORS = {"although", "though", "while", "whereas", "because", "as", "when", "after", "before", "if",
                  "since", "but", "and", "yet", "so"}
_PASSIVE_BLOCKED = {"know", "see", "consider", "view", "regard", "like", "love", "hate", "support", "back",
                    "favor", "favour", "prefer", "decide", "plan", "seek", "understand", "recognize", "recognise",
                    "realize", "realise", "call", "label", "brand", "term", "dub", "describe", "quote", "cite",
                    "find", "show", "read", "post", "report", "ask", "tell", "inform", "remind", "charge",
                    "accuse", "attack", "criticize", "criticise", "question", "challenge", "name", "thank",
                    "allow", "oppose", "reject", "endorse", "praise", "blame", "dismiss", "mock"}
_LEADING_SKIP = {"and", "but", "then", "so", "yet", "also", "meanwhile", "still", "now", "later", "instead",
                 "however", "indeed", "again", "or", "nor", "plus", "thus", "even"}
_TR_SUBJECT_NOUNS = {"bakanlık", "bakanlığı", "yetkili", "yetkilisi", "muhalefet", "hükümet", "ankara",
                     "kurum", "ekonomist", "analist", "uzman"}
_NAME_PARTICLES = {"van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "ter", "ten", "bin", "ibn",
                   "al", "el", "la", "le", "dos", "das", "abu"}
_POSSESSIVE_PRON = {"his", "her", "their", "its", "его", "ее", "её", "их"}
_LEADING_ADVERBS = {"earlier", "later", "meanwhile", "previously", "recently", "separately", "also", "however",
                    "today", "yesterday", "now", "then", "still", "again", "instead", "ранее", "позднее", "также",
                    "ayrıca", "öte", "ise", "тем", "самым", "тем самым"}
_SPEAKING_PRONOUNS = {"he", "she", "they", "we", "i", "you", "who", "он", "она", "они", "мы", "o", "onlar"}
_HUMAN_NOUNS = {
    "official", "officials", "analyst", "analysts", "expert", "experts", "minister", "ministers", "spokesman",
    "spokeswoman", "spokesperson", "president", "leader", "leaders", "lawmaker", "lawmakers", "diplomat",
    "diplomats", "officer", "officers", "executive", "executives", "economist", "economists", "people",
    "voters", "critics", "supporters", "residents", "protesters", "aide", "aides", "adviser", "advisers",
    "advisor", "advisors", "source", "sources", "reporters", "journalist", "journalists", "researcher",
    "researchers", "scholar", "scholars", "senator", "senators", "governor", "mayor", "chief", "head",
    "director", "secretary", "ambassador", "colonel", "general", "commander", "professor", "fellow", "founder",
    "chairman", "member", "members", "deputies", "mps", "opponents", "allies", "partners", "government",
    "ministry", "administration", "agency", "embassy", "office", "campaign", "party", "committee", "council",
    "department", "white", "kremlin", "pentagon", "washington", "ankara", "moscow", "man", "woman", "men",
    "women", "friend", "friends", "candidate", "candidates", "democrats", "republicans", "organizers",
    "activists", "owner", "workers", "citizens", "students", "parents", "group", "groups", "staff",
    "strategist", "strategists", "pollster", "pollsters", "lawyer", "lawyers", "attorney", "attorneys",
}
_CLAUSE_OPENERS = {"that", "whether", "if", "how", "why", "what", "when", "where", "who", "which", "to"}
_CONTRACTED = {"'s", "'re", "'ve", "'d", "'ll", "’s", "’re", "’ve", "’d", "’ll"}
_NOT_PLURAL = {"his", "this", "its", "was", "is", "has", "does", "us", "thus", "yes", "as", "plus", "always",
               "perhaps", "whereas", "unless", "less", "across", "news", "politics", "series", "vs"}
# -s forms that are mostly plural nouns ("TV shows", "his comments"): verbs only after a name or pronoun
_NOUNISH = {"show", "comment", "note", "report", "claim", "call", "plan", "state", "brand", "detail",
            "question", "charge", "demand", "hope", "fear", "doubt", "view", "support", "back", "quote", "post",
            "tweet", "remark", "answer", "reply", "promise", "pledge", "attack", "challenge", "protest",
            "concern", "threat", "warning", "outline", "project", "estimate", "forecast", "label", "term",
            "object", "counter", "find", "like", "wish", "need", "respond", "thank"}
# lemmas that are verbs only after these words (or an auxiliary/negation)
_RESTRICTED = {
    "like": {"i", "we", "you", "they", "who", "would", "'d", "to"},
    "state": {"to"},
    "back": set(),
    "object": {"to"},
    "project": {"to"},
}


@dataclass(slots=True)
class Tokens:
    """Tokens of one text as parallel lists (fast to index): text, lower case, start and end offsets,
    the top-level quote a token belongs to (-1 outside), and whether it is one of that quote's marks."""

    text: list[str]
    low: list[str]
    start: list[int]
    end: list[int]
    quote: list[int]
    mark: list[bool]

    def __len__(self) -> int:
        return len(self.text)


def _tokenize(text: str) -> Tokens:
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    st = [s for s, _ in spans]
    en = [e for _, e in spans]
    toks = [text[s:e] for s, e in spans]
    low = text.lower()
    if len(low) == len(text):  # lower() kept the length: slice it ("İ" is the exception)
        lows = [low[s:e] for s, e in spans]
    else:
        lows = [w.lower() for w in toks]
    n = len(toks)
    return Tokens(toks, lows, st, en, [-1] * n, [False] * n)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _is_word(w: str) -> bool:
    return w[:1].isalnum()


# ---------------------------------------------------------------- the article analyser
@dataclass(slots=True)
class _Frame:
    """An attribution frame: the cue tokens and the speaker mention tokens (token indices, end exclusive)."""

    c0: int
    c1: int
    cue: Cue | None
    s0: int = -1
    s1: int = -1
    a0: int = -1  # apposition (description of the speaker) tokens
    a1: int = -1
    antecedent: tuple[int, int] | None = None  # for "who"/"which": the NP it refers to
    inverted: bool = False
    coord: bool = False  # the cue shares the subject of an earlier verb ("rejected X and suggested that")


class _Analyser:
    """Finds the attributions of one article (call :meth:`run`)."""

    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang if lang in ("en", "tr", "ru") else "en"
        self.lex: VerbLexicon = load_verb_lexicon(self.lang)
        self.pronouns = PRONOUNS.get(self.lang, PRONOUNS["en"]) | PRONOUNS["en"]
        self.t = _tokenize(text)
        self.quotes: list[QuoteSpan] = []
        self.q_tok: list[tuple[int, int, int, int]] = []  # (open_first, content_first, content_end, close_end)
        self.consumed: set[int] = set()  # cue token indices already used by a frame
        self._title_lines: dict[tuple[int, int], bool] = {}
        self.subjects: list[tuple[int, int]] = []  # names opening a sentence (antecedents of "he", "she")
        self.out: list[dict] = []

    # ------------------------------------------------------------ setup
    def _map_quotes(self) -> None:
        t = self.t
        starts = t.start
        keep: list[QuoteSpan] = []
        spans: list[tuple[int, int, int, int]] = []
        for q in find_quotes(self.text):
            o = bisect.bisect_left(starts, q.open_start)
            c = bisect.bisect_left(starts, q.start)
            e = bisect.bisect_left(starts, q.end)
            z = bisect.bisect_left(starts, q.close_end)
            if c >= e:
                continue
            if self._is_name_quote(q, c, e, o):
                continue
            keep.append(q)
            spans.append((o, c, e, z))
        self.quotes, self.q_tok = keep, spans
        for qi, (o, c, e, z) in enumerate(spans):
            for k in range(o, z):
                t.quote[k] = qi
                t.mark[k] = k < c or k >= e

    def _is_name_quote(self, q: QuoteSpan, c: int, e: int, o: int) -> bool:
        """«Волга Вайр», “Saturday Night Live”: a short run of capitalised words with no punctuation is a
        name in quotes, not a quotation (unless a cue verb or a colon introduces it)."""
        t = self.t
        words = t.text[c:e]
        if not q.closed or len(words) > _NAME_QUOTE_MAX:
            return False
        if any(not _is_word(w) and w not in ("-", "&", ".", "'", "’") for w in words) or words[-1] in (".", ","):
            return False
        if not all(_is_cap(w) or w.lower() in ("of", "the", "and", "for", "de", "in", "on") or w[:1].isdigit()
                   for w in words if _is_word(w)):
            return False
        prev = o - 1
        if prev >= 0 and t.low[prev] in (",", "—"):
            prev -= 1
        z = bisect.bisect_left(t.start, q.close_end)
        if z < len(t) and _is_cap(t.text[z]) and _is_word(t.text[z]):
            return True  # «Волга Вайр» Марина Тюрина: the addressee before the speaker's name
        return not (prev >= 0 and (t.low[prev] == ":" or self._cue_at(prev, backward=True) is not None))

    def _units(self) -> list[tuple[int, int]]:
        """Sentences as token ranges, never cutting through a quotation."""
        t = self.t
        starts = t.start
        n = len(t)
        bounds = []
        for s, e in self._line_spans():
            a = bisect.bisect_left(starts, s)
            b = bisect.bisect_left(starts, e)
            if b > a:
                bounds.append([a, b])
        if not bounds:
            return []
        # merge sentences that a quotation crosses
        merged: list[list[int]] = []
        for a, b in bounds:
            if merged and t.quote[a] != -1 and t.quote[a] == t.quote[merged[-1][1] - 1] and not (
                    t.mark[a] and a == self.q_tok[t.quote[a]][0]):
                merged[-1][1] = b
            else:
                merged.append([a, b])
        # "“Why?” Smith asked." is split after the question mark: rejoin a short frame to its quote
        out: list[list[int]] = []
        for a, b in merged:
            if out:
                pa, pb = out[-1]
                last = pb - 1
                while last > pa and not _is_word(t.text[last]) and t.quote[last] == -1:
                    last -= 1
                if (t.quote[last] != -1 and t.mark[last] and t.quote[a] == -1 and self._same_paragraph(pb - 1, a)
                        and (b - a <= 14 and self._frame_starts_unit(a, b) or b - a <= 40 and self._leads_frame(a, b))):
                    out[-1][1] = b
                    continue
            out.append([a, b])
        return [(a, min(b, n)) for a, b in out]

    def _line_spans(self) -> list[tuple[int, int]]:
        """Sentences, also cut at a single line break that ends a sentence or opens a quotation (texts that
        separate paragraphs with one newline); hard-wrapped lines inside a sentence stay together."""
        text = self.text
        out = []
        for s, e in sentence_spans(text):
            k = s
            for m in _NEWLINE_RE.finditer(text, s, e):
                before = text[k:m.start()].rstrip()
                after = text[m.end():e].lstrip()
                if before and after and (before[-1] in ".?!\"”’»:" or after[0] in "“\"«„‘―—–"):
                    out.append((k, m.start()))
                    k = m.end()
            out.append((k, e))
        return out

    def _leads_frame(self, a: int, b: int) -> bool:
        """True when tokens a..b open with a whole attribution frame ("Scott's niece, state Del. Marcia
        Price, shouted to the crowd.") that ends the sentence."""
        fr = self._post_frame(a, b)
        return fr is not None and fr.cue is not None and fr.s0 == a and fr.c0 < b and \
            sum(1 for k in range(max(fr.c1, fr.a1, fr.s1), b) if _is_word(self.t.text[k])) <= 8

    def _same_paragraph(self, i: int, j: int) -> bool:
        return "\n" not in self.text[self.t.end[i]:self.t.start[j]]

    def _frame_starts_unit(self, a: int, b: int) -> bool:
        """True when tokens a..b begin with "NP cue" or "cue NP" (a bare attribution frame), or are a dash
        and a name ("― Steve Quinlan.")."""
        t = self.t
        if t.low[a] in ("―", "—", "–") and a + 1 < b and _is_cap(t.text[a + 1]) and b - a <= 8:
            return True
        for k in range(a, min(b, a + 7)):
            cue = self._cue_at(k)
            if cue is not None:
                return True
            if self.t.quote[k] != -1:
                return False
        return False

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
        if _is_cap(t.text[i]) and i > 0 and t.low[i - 1] not in _SENT_OPENERS and \
                "\n" not in self.text[t.end[i - 1]:t.start[i]] and self.lang == "en" and not self._in_title_line(i):
            return None  # "United States", "State Department" are no cues; a headline's "Says" is
        if w in lex.phrase_first:
            for L in range(min(lex.max_phrase, n - i), 1, -1):
                key = tuple(t.low[i:i + L])
                c = lex.phrases.get(key)
                if c is not None and all(t.quote[k] == -1 for k in range(i, i + L)):
                    return (i, i + L, c)
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
            cached = len(words) >= 3 and caps >= 0.6 * len(words)
            self._title_lines[key] = cached
        return cached

    def _verb_context(self, i: int, c: Cue) -> bool:
        """Reject cue words used as nouns, adjectives or prepositions: "the report", "his top shows",
        "a neighboring state", "an option seen by", "states like Ohio"."""
        if self.lang != "en":
            return True
        t = self.t
        starts = i == 0 or t.low[i - 1] in _SENT_OPENERS or "\n" in self.text[t.end[i - 1]:t.start[i]]
        p = "" if starts else t.low[i - 1]
        nxt = t.low[i + 1] if i + 1 < len(t) else ""
        if c.lemma in _RESTRICTED:
            return p in _RESTRICTED[c.lemma] or p in _AUX or p in ("not", "n't", "never")
        if p in _DET or p.endswith(("'s", "’s", "s'", "s’")):
            return False  # "the report", "Trump's claims", "Ankara's continued participation"
        if c.form == "ing":
            return True
        if c.form == "past":
            if p in ("is", "are", "was", "were", "be", "been", "being", "'s", "not") and c.lemma in _PASSIVE_BLOCKED:
                return False  # passive: "is known as", "was asked", "were criticized"
            return not (nxt == "by" and p not in _AUX)
        if p in _PREPS and p != "to" or p in ("and", "or", "nor"):
            return False
        if starts:
            return c.form == "s" or c.lemma == "say"
        if p in (",", ")"):
            return True  # "The reports, which X could not verify, describe ..." (the subject rules decide)
        if p in _AUX or p in _ADV_SKIP or p in ("to", "not", "n't", "never", "i", "we", "you", "they", "who",
                                                 "which", "that", "people", "he", "she", "it"):
            return c.form == "base" or p not in ("i", "we", "you", "they", "people", "to") and p not in _AUX \
                or p in ("does", "doesn't")
        cap = _is_cap(t.text[i - 1])
        if c.form == "base":
            # a plural subject: "officials say", "Republicans want"
            return p.endswith("s") and not p.endswith(("ss", "'s", "’s")) and p not in _NOT_PLURAL \
                and not p[:1].isdigit()
        # -s form: a singular subject; plural nouns ("his top shows", "somber comments") are no verbs
        if c.lemma in _NOUNISH:
            return cap
        return cap or not p.endswith("s") or p.endswith("ss")

    # ------------------------------------------------------------ noun phrases
    def _np_left(self, j: int, lo: int) -> tuple[int, int] | None:
        """The noun phrase ending at token ``j`` (inclusive), not reaching below ``lo``."""
        t = self.t
        k = j
        start = -1
        n_tok = 0
        while k >= lo and n_tok < 16:
            w = t.low[k]
            if t.quote[k] != -1:
                break
            if not _is_word(w):
                if w == "." and k - 1 >= lo and (t.low[k - 1] in _TITLES_ABBR or len(t.text[k - 1]) == 1
                                                 and t.text[k - 1].isupper()):
                    start = k  # "Mr.", "Benjamin J. Rhodes"
                    k -= 1
                    continue
                if w == ")":
                    o = k
                    while o >= lo and t.low[o] != "(" and k - o < 8:
                        o -= 1
                    if o >= lo and t.low[o] == "(":
                        start = o
                        k = o - 1
                        continue
                if w in ("&",):
                    start = k
                    k -= 1
                    continue
                break
            if w in _AUX or w in _CLAUSE and not (w == "and" and self._name_and(k, lo)):
                break
            if w in _NAME_PARTICLES and start != -1 and _is_cap(t.text[k + 1]):
                start = k  # "van Oosten", "de Gaulle", "bin Salman"
                n_tok += 1
                k -= 1
                continue
            if w in _PREPS_INNER and (start == -1 or k - 1 < lo):
                break
            if self.lex.forms.get(w) is not None and w not in _DET and not _is_cap(t.text[k]) and \
                    self.lex.forms[w].form in ("past", "ing") and k != j:
                break
            start = k
            n_tok += 1
            k -= 1
        if start == -1:
            return None
        # trim leading prepositions, conjunctions and adverbs
        while start <= j and (t.low[start] in _PREPS or t.low[start] in _CLAUSE or t.low[start] in _PREPS_INNER
                              or t.low[start] in _LEADING_ADVERBS
                              or t.low[start].endswith("ly") and not _is_cap(t.text[start])
                              and t.low[start] not in _NOT_ADVERBS_LY) \
                and not (t.low[start] in _NAME_PARTICLES and start < j and _is_cap(t.text[start + 1])
                         and not _is_cap(t.text[start])):
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
        if self.lang == "ru":
            # "Эрдоган в интервью телеканалу CBS News": the speaker is before the prepositional phrase
            for k in range(start + 1, j + 1):
                if t.low[k] in _PREPS and not _is_cap(t.text[k]) and any(_is_cap(t.text[m]) for m in range(start, k)):
                    return (start, k)
        return (start, j + 1)

    def _name_and(self, k: int, lo: int) -> bool:
        """ "Trump and Clinton said": an "and" between two capitalised words is inside the subject."""
        t = self.t
        return k - 1 >= lo and k + 1 < len(t) and _is_cap(t.text[k - 1]) and _is_cap(t.text[k + 1])

    def _np_right(self, i: int, hi: int, allow_cues: bool = False) -> tuple[int, int] | None:
        """The noun phrase starting at token ``i`` (after an inverted cue: "said Smith, a ...")."""
        t = self.t
        k = i
        # skip an addressee named in quotes («Волга Вайр») before the speaker
        if k < hi and t.quote[k] != -1 and t.mark[k]:
            return None
        end = -1
        while k < hi and k - i < 12:
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
                    while c < hi and t.low[c] != ")" and c - k < 8:
                        c += 1
                    if c < hi:
                        end = c + 1
                        k = c + 1
                        continue
                break
            if w in _AUX or (w in _CLAUSE and not (w == "and" and self._name_and(k, i))) or \
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
        return (i, end)

    def _skip_adverbs_left(self, j: int, lo: int) -> int:
        """Index of the last token left of ``j`` that is not an adverb, auxiliary or time phrase."""
        t = self.t
        while j >= lo:
            w = t.low[j]
            if t.quote[j] != -1:
                return j
            if w in _ADV_SKIP or (w.endswith("ly") and not _is_cap(t.text[j]) and w not in _NOT_ADVERBS_LY):
                j -= 1
                continue
            if w == "ago":
                k = j - 1
                while k >= lo and k > j - 6 and (t.low[k] in _TIME_WORDS or t.low[k].isdigit() or t.low[k] in
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
                if w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "yesterday", "today", "tonight", "earlier", "recently") and k >= lo and t.low[k] != ",":
                    j = k
                    continue
                return j
            if w in _MEDIUM_WORDS:
                k = j - 1
                while k >= lo and k > j - 5 and t.low[k] not in ("in", "on", "during", "at", "via", "through"):
                    if not _is_word(t.low[k]):
                        break
                    k -= 1
                if k >= lo and t.low[k] in ("in", "on", "during", "at", "via", "through"):
                    j = k - 1
                    continue
            return j
        return j

    def _subject_left(self, c0: int, lo: int) -> _Frame | None:
        """Speaker left of the cue starting at ``c0``: "Smith said", "Smith, a fellow at X, said",
        "officials in Ankara have long said", ", who said"."""
        t = self.t
        j = self._skip_adverbs_left(c0 - 1, lo)
        if j < lo:
            return None
        w = t.low[j]
        if w == "," and t.low[c0] in self.lex.forms and self.lex.forms[t.low[c0]].form == "ing":
            return None  # "..., saying": a participle; its subject is the sentence's
        fr = _Frame(c0, c0, None)
        if w in ("who", "which", "that", "который", "которая", "которые"):
            fr.s0, fr.s1 = j, j + 1
            k = j - 1
            if k >= lo and t.low[k] == ",":
                k -= 1
            if w == "that" and (k < lo or t.low[k] == "," or self._cue_at(k, backward=True) is not None
                                or t.low[k] in _AUX or t.low[k] in _CLAUSE or t.low[k] in _PREPS):
                return None  # "said that ...": a complementizer, not a relative pronoun
            ante = self._np_left(k, lo) if k >= lo else None
            if ante is not None:
                fr.antecedent = ante
                return fr
            if w == "that":
                return None
            return fr
        if w == ",":
            # apposition or parenthetical between two commas: "Smith, head of X, said"
            k = j - 1
            while k >= lo and t.low[k] not in (",", ";", ":", "(") and t.quote[k] == -1 and j - k < 25:
                if t.low[k] == ")":  # "president of the SSB (Savunma Sanayii Başkanlığı), said"
                    while k > lo and t.low[k] != "(" and t.quote[k] == -1:
                        k -= 1
                k -= 1
            inner = (k + 1, j)
            if inner[1] - inner[0] <= 0:
                return None
            first = t.low[inner[0]]
            if k >= lo and t.low[k] == ",":
                head = self._np_left(k - 1, lo) if k - 1 >= lo else None
                if first in _PREPS or first in ("speaking", "asked", "when", "while", "meanwhile", "however",
                                                 "though", "too", "in", "for", "according", "referring"):
                    # parenthetical phrase: the subject is before it
                    if head is not None:
                        fr.s0, fr.s1 = head
                        return fr
                    return None
                if head is not None and first in ("who", "which") and not self._adverbial(head):
                    fr.s0, fr.s1 = head  # "Christie, who has campaigned for Trump, blasted ..."
                    fr.a0, fr.a1 = inner
                    return fr
                if head is not None and self._looks_like_np(*inner) and not self._adverbial(head):
                    # chained appositions: "Scott Pruitt, the attorney general of Oklahoma, one of the
                    # states suing the EPA, said" -- the name is the first of the chain
                    a_end = inner[1]
                    while head[0] - 2 >= lo and t.low[head[0] - 1] == "," and t.quote[head[0] - 2] == -1:
                        before = self._np_left(head[0] - 2, lo)
                        if before is None or self._adverbial(before) or not any(
                                _is_cap(t.text[m]) for m in range(*before)) or _is_cap(t.text[head[0]]):
                            break
                        head = before
                    fr.s0, fr.s1 = head
                    fr.a0, fr.a1 = head[1] + 1, a_end
                    return fr
                return None
            # no comma before: "X, said" can only be an inversion; not a subject on the left
            return None
        rel = self._relative_subject(j, lo)
        if rel is not None:
            return rel
        np_ = self._np_left(j, lo)
        if np_ is None:
            return None
        fr.s0, fr.s1 = np_
        return fr

    def _relative_subject(self, j: int, lo: int) -> _Frame | None:
        """"a US official who spoke on condition of anonymity said": the subject is the noun phrase before
        a relative clause that ends right before the cue."""
        t = self.t
        for k in range(j, max(lo, j - 14) - 1, -1):
            w = t.low[k]
            if t.quote[k] != -1 or w in (",", ";", ":", ".", "(", ")"):
                return None
            if w in ("who", "whom", "whose"):
                if k == j or k - 1 < lo:
                    return None
                if any(t.low[m] in self.lex.forms and self.lex.forms[t.low[m]].form in ("past", "s")
                       for m in range(k + 2, j + 1)):
                    return None  # a second verb: "who asked not to be named said the decision had been ..."

                head = self._np_left(k - 1, lo)
                if head is None or self._adverbial(head):
                    return None
                return _Frame(-1, -1, None, head[0], head[1], k, j + 1)
        return None

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
        if b - a > 22:
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

    def _subject_right(self, c1: int, hi: int, lemma: str | None = None) -> _Frame | None:
        """Speaker right of an inverted cue: '“...,” said Smith, a fellow at X.' or '— сказал он'."""
        t = self.t
        k = c1
        if self.lang == "en" and lemma is not None and lemma not in _INVERTIBLE:
            return None
        # skip an addressee in quotes (Russian: заявила «Волга Вайр» Юлия Кедрова)
        if k < hi and t.quote[k] != -1 and t.mark[k]:
            qi = t.quote[k]
            z = self.q_tok[qi][3]
            k = z
        np_ = self._np_right(k, hi)
        if np_ is None:
            return None
        nxt = t.low[np_[1]] if np_[1] < hi else "."
        if self.lang == "en" and nxt not in (",", ".", "!", "?", ";", ":", "—", "–", "-", "in", "on", "at", "during",
                                             "who", "after", "when", "before", "while", "of", "(", "last", "this",
                                             "earlier", "recently", "later", "today", "yesterday", "whose", "whom",
                                             "which") and not (nxt in _PREPS and nxt != "as") \
                and not t.mark[np_[1]] and nxt not in _TIME_WORDS and not nxt.endswith("ing") \
                and not (nxt.endswith("ed") and nxt not in self.lex.forms):
            return None  # '“...” blasted Clinton as a disgrace': an object, not an inverted speaker
        if self.lang == "en" and (t.low[np_[0]] in _OBJECT_PRONOUNS or all(
                t.low[k] in _TIME_WORDS or t.low[k].isdigit() for k in range(*np_))):
            return None  # "said Sunday" names no speaker
        fr = _Frame(c1, c1, None, np_[0], np_[1], inverted=True)
        e = np_[1]
        if e < hi and t.low[e] == ",":
            f = e + 1
            while f < hi and t.low[f] not in (",", ".", ";", ":", "(", ")") and t.quote[f] == -1 and f - e < 25:
                f += 1
            if f > e + 1 and self._looks_like_np(e + 1, f):
                fr.a0, fr.a1 = e + 1, f
        return fr

    # ------------------------------------------------------------ direct quotations
    def _post_frame(self, z: int, hi: int) -> _Frame | None:
        """Attribution after a quotation closing at token ``z``: ', he said', ' said Smith',
        ', according to X', ' — сказал он', ' dedi Ergüven'."""
        t = self.t
        k = z
        while k < hi and t.low[k] in (",", "—", "–", "-", "--", ".", "?", "!", "…", "―"):
            if t.low[k] in (".", "?", "!", "…") and self.lang == "en":
                # '“...”. Smith said' is rare; a full stop after the quote ends the frame search
                return None
            k += 1
        if k >= hi:
            return None
        if z < hi and t.low[z] in ("―", "—", "–", "-", "--") and _is_cap(t.text[k]):
            # '“...” ― Adriana Rodarte': a dash and a name under a quotation
            np_ = self._np_right(k, hi)
            if np_ is not None and (np_[1] >= hi or t.low[np_[1]] in (".", ",", "\n", "―", "—")
                                    or t.quote[np_[1]] != -1):
                return _Frame(-1, -1, None, np_[0], np_[1], inverted=True)
        # according to X
        acc = self._according_at(k)
        if acc is not None:
            a1 = acc
            np_ = self._np_right(a1, hi)
            if np_ is None:
                return None
            fr = _Frame(k, a1, Cue("according to", "neutral", "speech", False, "phrase"), np_[0], np_[1])
            return fr
        # cue first (inverted): said Smith / — сказал он / dedi Ergüven
        k2 = k
        while k2 < hi and (t.low[k2] in _ADV_SKIP and t.low[k2] not in ("is", "was") or
                           t.low[k2].endswith("ly") and not _is_cap(t.text[k2])):
            k2 += 1
        cue = self._cue_at(k2)
        if cue is not None:
            i0, i1, c = cue
            if i1 >= hi or t.low[i1] in (".", "!", "?", "…") or t.quote[i1] != -1 and t.mark[i1] and \
                    self.q_tok[t.quote[i1]][0] == i1:
                # bare verb: Turkish '“...” dedi.'; the speaker comes before the quote
                return _Frame(i0, i1, c)
            fr = self._subject_right(i1, hi, c.lemma)
            if fr is not None:
                fr.c0, fr.c1, fr.cue = i0, i1, c
                return fr
            return _Frame(i0, i1, c)
        unknown = self._unknown_verb_frame(k, hi)
        # subject first: he said / Smith, a fellow at X, said / the official told reporters
        skip_to = -1
        for m in range(k, min(hi, k + 28)):
            if t.quote[m] != -1:
                break
            cue = self._cue_at(m)
            if cue is None:
                if t.low[m] == "." and m > k and (t.low[m - 1] in _TITLES_ABBR or len(t.text[m - 1]) == 1
                                                  and t.text[m - 1].isupper()):
                    continue
                if t.low[m] == "(":
                    depth_end = m
                    while depth_end < hi and t.low[depth_end] != ")" and depth_end - m < 8:
                        depth_end += 1
                    skip_to = depth_end
                    continue
                if m <= skip_to:
                    continue
                if t.low[m] in (".", ";", "!", "?") or (t.low[m] in _CLAUSE and t.low[m] not in ("and", "who")):
                    break
                continue
            fr = self._subject_left(m, k)
            if fr is None:
                break
            if fr.antecedent is None and fr.s0 != k and not (fr.s0 > k and self._only_skippable(k, fr.s0)) \
                    and (fr.a0 == -1 or not self._only_skippable(k, fr.s0)):
                break  # the subject must start the frame
            fr.c0, fr.c1, fr.cue = cue
            return fr
        return unknown

    def _unknown_verb_frame(self, k: int, hi: int) -> _Frame | None:
        """'“...,” he surmised.' / '“...,” Trump barked.' / '“...” pressed Hannity': a verb missing from the
        lexicon right after a quotation, recognised by its shape (a past tense between the quote and a
        name or pronoun, then the sentence's end)."""
        t = self.t
        if self.lang != "en" or k >= hi:
            return None
        w = t.low[k]
        # inverted: “...,” barked Trump.
        if w.endswith("ed") and k + 1 < hi and _is_cap(t.text[k + 1]) and w not in _AUX:
            np_ = self._np_right(k + 1, hi)
            if np_ is not None and (np_[1] >= hi or t.low[np_[1]] in (".", ",", "!", "?")):
                return _Frame(k, k + 1, Cue(w, "neutral"), np_[0], np_[1], inverted=True)
        # subject first: he surmised / the Republican nominee riffed
        for m in range(k + 1, min(hi, k + 8)):
            v = t.low[m]
            if not _is_word(v) or t.quote[m] != -1:
                return None
            if (v.endswith("ed") or v.endswith("s") and m + 1 < hi and t.low[m + 1] in (".", ",")) \
                    and not _is_cap(t.text[m]) and v not in _AUX and v not in _PREPS:
                np_ = self._np_left(m - 1, k)
                if np_ is None or np_[0] != k:
                    return None
                nxt = t.low[m + 1] if m + 1 < hi else "."
                if nxt in (".", ",", "!", "?", ";", ":") or nxt in _PREPS or nxt.endswith("ly"):
                    pron = t.low[np_[0]] in self.pronouns and np_[1] - np_[0] == 1
                    named = all(_is_cap(t.text[x]) or t.low[x] in (".", "-") for x in range(*np_))
                    if not (pron or named or t.low[np_[0]] in _DET and v.endswith("ed")):
                        return None  # '“impossible” alongside the Russian S-400 missiles.' has no verb
                    return _Frame(m, m + 1, Cue(v, "neutral"), np_[0], np_[1])
                return None
        return None

    def _only_skippable(self, a: int, b: int) -> bool:
        t = self.t
        return all(t.low[k] in ("then", ",", "—", "–", "-") for k in range(a, b))

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

    def _pre_frame(self, o: int, lo: int) -> _Frame | None:
        """Attribution before a quotation opening at token ``o``: 'Smith said:', 'He added,',
        'Demir told NTV:', 'Korkmaz,' (Turkish, the verb follows the quote)."""
        t = self.t
        j = o - 1
        if j < lo:
            return None
        colon = t.low[j] in (":",)
        if t.low[j] in (":", ",", "—", "–", "-"):
            j -= 1
        if j >= lo and t.low[j] in self.lex.complementizers:
            j -= 1
        # look back for the cue: at most a few light tokens between it and the quote
        for m in range(j, max(lo, j - 12) - 1, -1):
            if t.quote[m] != -1:
                break
            cue = self._cue_at(m, backward=True)
            if cue is not None:
                i0, i1, c = cue
                between = range(i1, j + 1)
                if not self._light(between, c, colon or self._sentence_quote(o)):
                    break
                fr = self._subject_left(i0, lo)
                if fr is None and (self.lang != "en" or (i0 == lo or t.low[i0 - 1] in (",", "—", "–", "-"))
                                   and c.form in ("past", "s") and not c.object):
                    # "said Smith:" / "— заявил Лавров: «...»"
                    fr = self._subject_right(i1, j + 1, c.lemma)
                if fr is None:
                    fr = _Frame(i0, i1, c)
                fr.c0, fr.c1, fr.cue = i0, i1, c
                return fr
            if t.low[m] in (".", ";", "!", "?"):
                break
        nominal = self._nominal_frame(o, lo)
        if nominal is not None:
            return nominal
        if colon:
            # a colon with no verb: "Her answer: “...”", "Trump on Twitter: “...”"
            np_ = self._np_left(j, lo)
            if np_ is not None and np_[0] == lo:
                return _Frame(np_[1], np_[1], None, np_[0], np_[1])
            # a verb the lexicon lacks: "he demurred: “...”"
            if j - 1 >= lo and t.low[j - 1] in self.pronouns and t.low[j - 1] not in ("it", "this", "that", "which") \
                    and t.text[j][:1].islower():
                return _Frame(j, j + 1, Cue(t.low[j], "neutral"), j - 1, j)
        if self.lang in ("tr", "ru") and t.low[o - 1] in (",", "—", "–", "-", ":"):
            # "Korkmaz, “...” dedi." -- the subject precedes the quote, the verb follows it
            np_ = self._np_left(o - 2, lo)
            if np_ is not None:
                return _Frame(-1, -1, None, np_[0], np_[1])
        return None

    def _nominal_frame(self, o: int, lo: int) -> _Frame | None:
        """A noun cue just before a quotation: "his call for “...”", "chants of “...”", "Trump's remarks:
        “...”". The speaker is the possessor, if any."""
        t = self.t
        nouns = self.lex.nouns
        for m in range(o - 1, max(lo, o - 5) - 1, -1):
            w = t.low[m]
            if t.quote[m] != -1 or w in (".", ";", "!", "?"):
                return None
            if w in nouns:
                between = [t.low[k] for k in range(m + 1, o)]
                if any(x not in ("of", "for", "to", ":", ",", "that", "was", "is", "were", "are", "as", "—", "-",
                                 "read", "reads", "reading", "saying")
                       for x in between):
                    return None
                fr = _Frame(m, m + 1, Cue(w, "neutral", "speech", False, "noun"))
                k = m - 1
                while k >= lo and k > m - 3 and t.low[k] not in _POSSESSIVE_DET and not t.low[k].endswith(("'s", "’s")) \
                        and _is_word(t.low[k]) and t.low[k] not in _DET and not _is_cap(t.text[k]):
                    k -= 1  # adjectives: "his latest call"
                if k >= lo and t.low[k] in _POSSESSIVE_DET:
                    fr.s0, fr.s1 = k, k + 1
                elif k >= lo and t.low[k].endswith(("'s", "’s")):
                    np_ = self._np_left(k, lo)
                    fr.s0, fr.s1 = np_ if np_ is not None else (k, k + 1)
                return fr
        return None

    def _sentence_quote(self, o: int) -> bool:
        """A quotation opening at ``o`` after a comma that reads as a whole sentence (capital, 4+ words)."""
        t = self.t
        if o < 1 or t.low[o - 1] not in (",", ":") or t.quote[o] == -1:
            return False
        _o, c, e, _z = self.q_tok[t.quote[o]]
        return _is_cap(t.text[c]) and sum(1 for k in range(c, e) if _is_word(t.text[k])) >= 4

    def _light(self, rng: range, cue: Cue, colon: bool) -> bool:
        """Tokens between a cue and a quotation that keep them together ("told reporters on Monday")."""
        t = self.t
        n = len(rng)
        if n == 0:
            return True
        if n > 10:
            return False
        for k in rng:
            w = t.low[k]
            if w in (".", ";", "!", "?"):
                return False
            if self.lex.forms.get(w) is not None and self.lex.forms[w].form in ("past", "s") and w not in _MEDIUM_WORDS:
                return False
        return colon or n <= 6

    def _direct(self, a: int, b: int, units_info: dict) -> None:
        """Direct quotations of the unit tokens a..b."""
        t = self.t
        qs = sorted({t.quote[k] for k in range(a, b) if t.quote[k] != -1})
        prev_frame: _Frame | None = None
        prev_end = a
        for n_q, qi in enumerate(qs):
            o, c, e, z = self.q_tok[qi]
            nxt_o = self.q_tok[qs[n_q + 1]][0] if n_q + 1 < len(qs) else b
            content_words = sum(1 for k in range(c, e) if _is_word(t.text[k]))
            fr: _Frame | None = None
            from_pre = False
            pre_lo = prev_end
            starts_unit = all(not _is_word(t.text[k]) for k in range(a, o))
            fragment = self._is_fragment(qi, a, b)
            post = self._post_frame(z, nxt_o)
            pre = self._pre_frame(o, pre_lo) if o > pre_lo else None
            ends_comma = t.low[e - 1] in (",",) or (z > e and t.low[z - 1] in (",",)) or \
                (z < len(t) and t.low[z] == ",")
            if post is not None and (ends_comma or starts_unit or pre is None or post.cue is not None and
                                     (post.s0 >= 0 or post.cue.lemma == "according to")):
                fr = post
                if fr.s0 < 0 and pre is not None and pre.s0 >= 0 and pre.cue is None:
                    fr.s0, fr.s1, fr.a0, fr.a1 = pre.s0, pre.s1, pre.a0, pre.a1
                elif fr.s0 < 0 and self.lang in ("tr", "ru"):
                    np_ = self._np_left(o - 2, pre_lo) if o - 2 >= pre_lo and t.low[o - 1] in (",", ":") else None
                    if np_ is not None:
                        fr.s0, fr.s1 = np_
            elif pre is not None and (pre.cue is not None or pre.s0 >= 0) and (pre.c0 >= 0 or post is not None):
                fr = pre
                if fr.cue is None and post is not None:
                    fr.c0, fr.c1, fr.cue = post.c0, post.c1, post.cue
                elif fr.c0 > pre_lo and (fr.s0 < 0 or fr.s0 > pre_lo and t.low[fr.s0 - 1] != ","):
                    # "Trump said he wants “...”": the outermost speaker of the sentence holds the quote
                    outer = self._outer_frame(pre_lo, fr.s0 if fr.s0 >= 0 else fr.c0, fr.s0 < 0)
                    if outer is not None:
                        fr = outer
                        from_pre = True
            elif prev_frame is not None and o - prev_end <= 1:
                # the second half of a split quote: “A,” he said, “B.”
                fr = prev_frame
            if fr is None and starts_unit and n_q == len(qs) - 1:
                # '“We are frustrated” by the shooting, Nefzi said.': the frame ends the sentence
                fr = self._final_frame(z, b)
            if fr is None and fragment or fragment and self.lang == "tr":
                prev_end = z  # Turkish fragments come with the reported clause around them
                continue
            if fr is None:
                if not starts_unit and content_words < 4:
                    prev_end = z
                    continue
                units_info.setdefault("pending", []).append((qi, a, b))
                prev_end = z
                continue
            from_pre = from_pre or fr is pre
            if fragment and fr is not post and not from_pre:
                prev_end = z
                continue
            if fragment and from_pre and not self._adjacent(pre, o):
                prev_end = z
                continue
            if fr.s0 < 0:
                anchor = fr.c0 if fr.c0 >= 0 else o
                src = self._prior_subject(min(anchor, o), a)
                if src is not None:
                    fr = _Frame(fr.c0, fr.c1, fr.cue, src.s0, src.s1, src.a0, src.a1, src.antecedent)
            self._emit_direct(qi, fr, a, b)
            if not fragment:  # a fragment's cue still heads the mixed quote around it
                for k in range(max(fr.c0, 0), max(fr.c1, 0)):
                    self.consumed.add(k)
            units_info.setdefault("frames", []).append(fr)
            prev_frame = fr
            prev_end = max(z, fr.c1, fr.s1, fr.a1)
        units_info["last_frame"] = prev_frame

    def _final_frame(self, z: int, b: int) -> _Frame | None:
        """A frame closing the sentence after a comma: ', Smith said.', ', said Smith, a fellow at X.'."""
        t = self.t
        for m in range(b - 1, z, -1):
            if t.quote[m] != -1:
                return None
            if t.low[m] != ",":
                continue
            fr = self._post_frame(m, b)
            if fr is None or fr.cue is None or fr.s0 < 0:
                return None
            tail = max(fr.c1, fr.s1, fr.a1)
            if sum(1 for k in range(tail, b) if _is_word(t.text[k])) > 8:
                return None
            return fr
        return None

    def _outer_frame(self, lo: int, s0: int, any_distance: bool) -> _Frame | None:
        """The speech cue with a subject whose reported clause holds the inner frame starting at ``s0``
        ("Trump said he wants", "told reporters that he viewed"): at most three tokens between them, or
        any distance when the inner cue has no subject ("said the amendment was intended to highlight")."""
        t = self.t
        for m in range(lo, s0):
            if t.quote[m] != -1 or t.low[m] in (";", ":"):
                return None
            cue = self._cue_at(m)
            if cue is None or cue[2].cls != "speech":
                continue
            if not any_distance and s0 - cue[1] > 3:
                continue
            fr = self._subject_left(m, lo)
            if fr is None:
                continue
            if any(t.low[k] in (";", ":") or t.quote[k] != -1 for k in range(cue[1], s0)):
                return None
            fr.c0, fr.c1, fr.cue = cue
            return fr
        return None

    def _prior_subject(self, i: int, a: int) -> _Frame | None:
        """The speaker of a cue with no subject of its own ("..., adding", "and called him"): the subject
        of the nearest cue before it in the sentence, else the sentence's first noun phrase."""
        t = self.t
        for m in range(i - 1, a - 1, -1):
            if t.quote[m] != -1 and not t.mark[m]:
                continue
            cue = self._cue_at(m)
            if cue is None:
                continue
            fr = self._subject_left(m, a)
            if fr is not None:
                return fr
        np_ = self._sentence_subject(a, i)
        if np_ is None:
            return None
        return _Frame(-1, -1, None, np_[0], np_[1])

    def _sentence_subject(self, a: int, i: int) -> tuple[int, int] | None:
        """The first noun phrase of the sentence a..i, after leading conjunctions ("And then Trump went ...")
        and a fronted adverbial ending with a comma ("On Tuesday, Sanders went ..."): its head only (a name
        run, a pronoun, or a determiner and a few words)."""
        t = self.t
        k = a
        while k < i and (t.low[k] in _LEADING_SKIP or not _is_word(t.low[k]) and t.quote[k] == -1):
            k += 1
        if k >= i:
            return None
        first = t.low[k]
        if first in _PREPS or first in _SUBORDINATORS or first in _CLAUSE or first.endswith("ing") or \
                first in ("asked", "according"):
            m = k
            while m < i and t.low[m] != "," and t.quote[m] == -1:
                m += 1
            if m >= i:
                return None
            k = m + 1
        if k >= i:
            return None
        w = t.low[k]
        if w in self.pronouns and w not in ("that", "this", "which", "who"):
            return (k, k + 1)
        if _is_cap(t.text[k]):
            e = k
            while e < i and (_is_cap(t.text[e]) or t.low[e] in (".", "-", "'s", "’s") and e > k
                             and t.low[e - 1] in _TITLES_ABBR or t.low[e] == "of" and e + 1 < i
                             and _is_cap(t.text[e + 1])):
                e += 1
            if t.low[e - 1] in _TIME_WORDS:
                return None
            return (k, e)
        if w in _DET:
            e = k + 1
            while e < i and e - k < 5 and _is_word(t.low[e]) and t.low[e] not in _AUX and t.low[e] not in _CLAUSE \
                    and t.low[e] not in self.lex.forms and not (t.low[e].endswith("ed") and e > k + 1):
                e += 1
            return (k, e) if e > k + 1 else None
        return None

    def _adjacent(self, fr: _Frame, o: int) -> bool:
        """A quoted fragment right after its cue ("chanted “USA!”", "called it “a disaster”")."""
        t = self.t
        k = max(fr.c1, fr.s1)
        gap = [w for w in t.low[k:o] if _is_word(w)]
        return len(gap) <= 2

    def _is_fragment(self, qi: int, a: int, b: int) -> bool:
        """A quoted phrase inside a sentence of the writer's ("will “fully enforce CAATSA”"): short, not
        starting the sentence, not ending with the sentence's punctuation."""
        t = self.t
        o, c, e, z = self.q_tok[qi]
        words = sum(1 for k in range(c, e) if _is_word(t.text[k]))
        before = [k for k in range(a, o) if _is_word(t.text[k])]
        if not before:
            return False
        if o - 1 >= a and t.low[o - 1] in (":",):
            return False
        inner_end = t.low[e - 1]
        ends_clause = inner_end in (".", "?", "!", ",", "…") and words >= 3
        if ends_clause and (z >= b - 1 or t.low[z] in (",", "—", "–", "-")
                            or any(self._cue_at(m) is not None for m in range(z, min(b, z + 4)))):
            return False
        cap_start = _is_cap(t.text[c]) and words >= 4
        return not (cap_start and (o - 1 >= a and t.low[o - 1] in (",", "—", "–", "-", "that")))

    def _emit_direct(self, qi: int, fr: _Frame, a: int, b: int, inherited: bool = False) -> None:
        q = self.quotes[qi]
        self._emit("direct", q.start, q.end, fr, a, b, inherited=inherited)

    def _emit(self, kind: str, start: int, end: int, fr: _Frame | None, a: int, b: int,
              inherited: bool = False, fragment: bool = False) -> None:
        t = self.t
        rec = {
            "kind": kind, "start": start, "end": end,
            "speaker_start": None, "speaker_end": None, "verb_start": None, "verb_end": None,
            "verb": None, "lemma": None, "stance": None, "cls": None,
            "appos_start": None, "appos_end": None, "antecedent": None,
            "sent_start": t.start[a], "sent_end": t.end[b - 1], "inherited": inherited, "fragment": fragment,
        }
        if fr is not None:
            if fr.s0 >= 0:
                rec["speaker_start"], rec["speaker_end"] = t.start[fr.s0], t.end[fr.s1 - 1]
            if fr.a0 >= 0:
                rec["appos_start"], rec["appos_end"] = t.start[fr.a0], t.end[fr.a1 - 1]
            if fr.antecedent is not None:
                rec["antecedent"] = (t.start[fr.antecedent[0]], t.end[fr.antecedent[1] - 1])
            if fr.cue is not None and fr.c0 >= 0 and fr.c1 > fr.c0:
                rec["verb_start"], rec["verb_end"] = t.start[fr.c0], t.end[fr.c1 - 1]
                rec["verb"] = self.text[rec["verb_start"]:rec["verb_end"]]
                rec["lemma"], rec["stance"], rec["cls"] = fr.cue.lemma, fr.cue.stance, fr.cue.cls
        self.out.append(rec)

    # ------------------------------------------------------------ indirect speech
    # ------------------------------------------------------------ Turkish (subject-object-verb)
    def _tr_subject(self, a: int, b: int) -> tuple[int, int, int] | None:
        """The sentence-initial subject of a Turkish sentence: tokens up to the first comma or up to a
        particle (de, da, ise). Returns ``(start, end, content_start)``."""
        t = self.t
        k = a
        while k < b and not _is_word(t.text[k]) and t.quote[k] == -1:
            k += 1
        for m in range(k, min(b, k + 16)):
            if t.quote[m] != -1:
                return None
            w = t.low[m]
            if w == "," and m > k:
                return (k, m, m + 1)
            if w in ("de", "da", "ise") and m > k and (_is_cap(t.text[m - 1]) or t.low[m - 1] in _TR_SUBJECT_NOUNS):
                return (k, m, m + 1)
            if w in (".", ";", ":") or self._cue_at(m) is not None:
                return None
        return None

    def _tr_indirect(self, a: int, b: int) -> None:
        """Turkish reported speech: 'Korkmaz, kararın ... olduğunu söyledi.' -- the clause stands between
        the subject (up to its comma or particle) and the verb; converbs ('belirterek') and 've' chain
        several clauses; '... hatırlatan Ulusoy, ...' puts the speaker after a participle; 'X'e göre'."""
        t = self.t
        subj = self._tr_subject(a, b)
        first_comma = next((m for m in range(a, b) if t.low[m] == "," and t.quote[m] == -1), b)
        if any(t.low[m] == "göre" for m in range(a, first_comma)):
            subj = None  # "Pompeo'ya göre ABD, ...": no subject before the comma
        start = subj[2] if subj else a
        s0, s1 = (subj[0], subj[1]) if subj else (-1, -1)
        k = start
        while k < b:
            if t.quote[k] != -1:
                k += 1
                continue
            w = t.low[k]
            if w == "göre" and k > a:
                np_ = self._np_left(k - 1, a)
                if np_ is not None:
                    e = b
                    while e > k + 1 and not _is_word(t.text[e - 1]) and not t.mark[e - 1]:
                        e -= 1
                    fr = _Frame(k, k + 1, Cue("göre", "neutral", "speech", False, "phrase"), np_[0], np_[1])
                    if e - (k + 1) >= 2 and not self._covered_by_direct(t.start[k + 1], t.end[e - 1]):
                        self._emit("according_to", t.start[k + 1], t.end[e - 1], fr, a, b)
                        self._emit_fragments(k + 1, e, fr, a, b)
                    start = b
                k += 1
                continue
            cue = self._cue_at(k)
            if cue is None or k in self.consumed:
                k += 1
                continue
            i0, i1, c = cue
            e = i0
            while e > start and t.low[e - 1] in ("de", "da", ",", "ve"):
                e -= 1
            cs = start
            while cs < e and (t.low[cs] in ("ve", ",") or not _is_word(t.text[cs]) and t.quote[cs] == -1):
                cs += 1
            fr = _Frame(i0, i1, c, s0, s1)
            participle = t.low[i1 - 1].endswith(("an", "en")) and i1 < b and _is_cap(t.text[i1])
            if participle:
                # "... hatırlatan Ulusoy, ...": the speaker follows the participle
                m = i1
                while m < b and t.low[m] != "," and m - i1 < 6:
                    m += 1
                fr.s0, fr.s1 = i1, m
                s0, s1 = i1, m
                nxt = m + 1
            else:
                nxt = i1
            if s0 >= 0 and fr.s0 >= 0:
                # the head name of a long subject: "... araştırmacısı Zeynep Ergüven"
                fr.s0, fr.s1, fr.a0, fr.a1 = self._tr_head(fr.s0, fr.s1)
            if e - cs >= 1 and sum(1 for m in range(cs, e) if _is_word(t.text[m])) >= 1:
                inner = any(t.quote[m] != -1 for m in range(cs, e))
                if not (inner and self._covered_by_direct(t.start[cs], t.end[e - 1])):
                    self._emit("mixed" if inner else "indirect", t.start[cs], t.end[e - 1], fr, a, b)
                    self._emit_fragments(cs, e, fr, a, b)
            start = nxt
            k = nxt
        return

    def _tr_head(self, s0: int, s1: int) -> tuple[int, int, int, int]:
        """Split a Turkish subject into its head name (the last capitalised run) and the description."""
        t = self.t
        e = s1
        while e > s0 and not _is_cap(t.text[e - 1]):
            e -= 1
        if e == s0:
            return s0, s1, -1, -1
        b0 = e - 1
        while b0 > s0 and _is_cap(t.text[b0 - 1]):
            b0 -= 1
        if b0 == s0:
            return s0, e, -1, -1
        return b0, e, s0, b0

    def _indirect(self, a: int, b: int, prior: list[_Frame]) -> None:
        if self.lang == "tr":
            self._tr_indirect(a, b)
            return
        t = self.t
        k = a
        frames: list[tuple[_Frame, str]] = []
        cand = self.lex.candidates
        low = t.low
        while k < b:
            if low[k] not in cand or t.quote[k] != -1 and not t.mark[k]:
                k += 1
                continue
            acc = self._according_at(k) if t.quote[k] == -1 else None
            if acc is not None:
                np_ = self._np_right(acc, b, allow_cues=True)
                pron = [m for m in range(k, acc) if t.low[m] in self.pronouns or t.low[m] in _POSSESSIVE_PRON]
                if np_ is None and pron:
                    np_ = (pron[0], pron[0] + 1)  # "по его словам", "in his words"
                if np_ is not None:
                    frames.append((_Frame(k, acc, Cue("according to", "neutral", "speech", False, "phrase"),
                                          np_[0], np_[1]), "according_to"))
                    k = np_[1]
                    continue
            cue = self._cue_at(k) if t.quote[k] == -1 else None
            if cue is None or k in self.consumed or not cue[2].indirect:
                k += 1
                continue
            i0, i1, c = cue
            fr = self._subject_left(i0, a)
            if fr is None and (self.lang in ("tr", "ru") or i0 > a and t.low[i0 - 1] in (",", "—", "–", "-")
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
            if fr is None and self.lang == "tr":
                fr = _Frame(i0, i1, c)
            if fr is None:
                k = i1
                continue
            fr.c0, fr.c1, fr.cue = i0, i1, c
            kind = "indirect"
            if fr.s0 > a and t.low[fr.s0 - 1] == "as" and (fr.s0 - 1 == a or t.low[fr.s0 - 2] in (",", ";")):
                kind = "according_to"  # "As the Potomac Herald reported on Monday, the designations ..."
            frames.append((fr, kind))
            k = i1
        if not frames:
            return
        spans = [self._content(fr, kind, a, b, frames, n_f) for n_f, (fr, kind) in enumerate(frames)]
        nested = self._nested_frames(frames, spans, prior)
        for n_f, (fr, kind) in enumerate(frames):
            span = spans[n_f]
            if span is None or n_f in nested:
                continue
            s, e = span
            if fr.cue is not None and fr.cue.clause and kind == "indirect" and not self._is_clause(s, e):
                continue  # "condemned the move": an event, not reported speech
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

    def _emit_fragments(self, s: int, e: int, fr: _Frame, a: int, b: int) -> None:
        """The quoted words inside a mixed quote (tokens s..e) are also direct quotations of its speaker;
        they are flagged ``fragment`` so that profiles count the attribution once."""
        t = self.t
        for qi in sorted({t.quote[k] for k in range(s, e) if t.quote[k] != -1}):
            q = self.quotes[qi]
            if q.start >= t.start[s] and q.end <= t.end[e - 1] + 1 and not self._has_direct(q.start, q.end):
                self._emit("direct", q.start, q.end, fr, a, b, fragment=True)

    def _has_direct(self, s: int, e: int) -> bool:
        return any(r["kind"] == "direct" and r["start"] == s and r["end"] == e for r in self.out)

    def _nested_frames(self, frames, spans, prior: list[_Frame]) -> set[int]:
        """Indices of frames that are no attribution of their own: a cue inside the description of a
        speaker ("Cem Yalçınkaya, a colonel who writes on defence, argued"), or inside the words another
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

    def _human(self, s0: int, s1: int) -> bool:
        """A subject that can speak: a pronoun, a name, or a noun for people or organisations."""
        t = self.t
        words = [k for k in range(s0, s1) if _is_word(t.text[k])]
        if not words:
            return False
        if any(t.low[k] in _SPEAKING_PRONOUNS for k in words):
            return True
        if any(_is_cap(t.text[k]) for k in words[1:]) or _is_cap(t.text[words[0]]) and t.low[words[0]] not in _DET:
            return True
        return any(t.low[k] in _HUMAN_NOUNS for k in words)

    def _is_clause(self, s: int, e: int) -> bool:
        """True when tokens s..e read as a clause (a complementizer or question word first, a finite
        auxiliary, a subject pronoun, or a quotation) rather than a noun phrase or an infinitive."""
        t = self.t
        words = [k for k in range(s, e) if _is_word(t.text[k]) or t.quote[k] != -1]
        if not words:
            return False
        if t.low[words[0]] in _CLAUSE_OPENERS or t.quote[words[0]] != -1 or s > 0 and (
                t.low[s - 1] in self.lex.complementizers or t.low[s - 1] == ":"):
            return True
        if any(t.low[k] in _AUX or t.low[k] in _CONTRACTED for k in words):
            return True
        return any(t.low[k] in ("he", "she", "they", "it", "we", "i", "you") for k in words[:3])

    def _covered_by_direct(self, s: int, e: int) -> bool:
        for r in self.out:
            if r["kind"] == "direct" and r["start"] >= s - 2 and r["end"] <= e + 2:
                outside = (e - s) - (r["end"] - r["start"])
                if outside < 0.35 * (e - s):
                    return True
        return False

    def _content(self, fr: _Frame, kind: str, a: int, b: int, frames, n_f) -> tuple[int, int] | None:
        """Token span of the reported clause of frame ``fr`` in unit a..b."""
        t = self.t
        right0 = max(fr.c1, fr.s1 if fr.inverted or kind == "according_to" else fr.c1,
                     fr.a1 if (fr.inverted or kind == "according_to") else fr.c1)
        # the next frame whose subject starts a new clause ends this content
        hi = b
        for fr2, _k in frames[n_f + 1:]:
            s2 = fr2.c0 if fr2.coord else min(x for x in (fr2.s0, fr2.c0) if x >= 0) if fr2.s0 >= 0 else fr2.c0
            if s2 > right0 + 2 and (t.low[s2 - 1] in _CLAUSE_BREAKS or t.low[s2 - 1] in _SUBORDINATORS
                                    and t.low[s2 - 2] == ","):
                hi = s2 - 1 if t.low[s2 - 1] in _CLAUSE_BREAKS else s2 - 2
                break
        k = right0
        if self.lang == "tr" and kind != "according_to":
            # Turkish: the reported clause stands between the subject and the verb
            s = (fr.s1 if fr.s1 >= 0 else a)
            if fr.a1 >= 0:
                s = max(s, fr.a1)
            while s < fr.c0 and not _is_word(t.text[s]):
                s += 1
            e = fr.c0
            return (s, e) if e - s >= 2 else None
        # skip the addressee, time phrases and "that"
        if fr.cue is not None and fr.cue.object and kind != "according_to":
            for m in range(k, min(hi, k + 10)):
                if t.low[m] in self.lex.complementizers:
                    k = m
                    break
                if t.low[m] in (",", ";", ":", ".") or t.quote[m] != -1:
                    break
            else:
                pass
        k = self._skip_pp_right(k, hi)
        while k < hi and (t.low[k] in self.lex.complementizers or t.low[k] in (",", ":", "—", "–")):
            k += 1
        e = hi
        while e > k and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
            e -= 1
        words = sum(1 for m in range(k, e) if _is_word(t.text[m]))
        left_words = sum(1 for m in range(a, fr.c0) if _is_word(t.text[m]) and t.low[m] not in ("but", "and"))
        acc_left = kind == "according_to" and fr.c0 > a and t.low[fr.c0 - 1] == "," and left_words >= 3 and (
            words < 3 or right0 < b and t.low[right0] in ("which", "who", "that", "whose") or t.low[k - 1] == ",")
        # "..., İsmail Demir, president of the SSB, said on Wednesday, less than ...": a sentence-final
        # frame after a comma keeps the clause on its left
        frame_start = min(x for x in (fr.s0, fr.c0) if x >= 0) if fr.s0 >= 0 else fr.c0
        csq = (kind != "according_to" and not fr.inverted and frame_start > a and t.low[frame_start - 1] == ","
               and left_words >= 4 and k > right0 and t.low[k - 1] == "," and fr.s0 >= 0)
        acc_left = acc_left or csq
        if (words >= 2 and kind != "according_to" or words >= 3) and not acc_left:
            return (k, e)
        # the content is on the left: "..., Smith said." / "..., according to X."
        left_end = min(x for x in (fr.s0, fr.c0) if x >= 0) if fr.s0 >= 0 else fr.c0
        if kind == "according_to":
            left_end = fr.c0
        s = a
        # start after a previous frame of this unit
        for fr2, _k2 in frames[:n_f]:
            end2 = max(fr2.c1, fr2.s1, fr2.a1)
            if end2 <= left_end:
                s = max(s, end2)
        e = left_end
        while e > s and not _is_word(t.text[e - 1]) and not (t.quote[e - 1] != -1 and t.mark[e - 1]):
            e -= 1
        while s < e and (not _is_word(t.text[s]) and not (t.quote[s] != -1 and t.mark[s])
                         or t.low[s] in ("but", "and", "so", "yet")):
            s += 1
        words = sum(1 for m in range(s, e) if _is_word(t.text[m]))
        if words >= 2:
            return (s, e)
        return None

    def _skip_pp_right(self, k: int, hi: int) -> int:
        """Skip "on Wednesday", "in a statement", "in an interview with NTV", "last week" after a cue."""
        t = self.t
        for _ in range(3):
            if k >= hi:
                return k
            w = t.low[k]
            if w in ("on", "in", "at", "during", "last", "this", "earlier", "late", "early", "via", "through",
                     "over", "to", "while", "when"):
                m = k + 1
                ok = False
                while m < hi and m - k < 9 and t.low[m] not in (",", "that", ":", ".", ";") and t.quote[m] == -1:
                    if t.low[m] in _TIME_WORDS or t.low[m] in _MEDIUM_WORDS or t.low[m].isdigit():
                        ok = True
                    m += 1
                if ok and m < hi and t.low[m] in (",", "that", ":") or (ok and m - k <= 3):
                    k = m
                    continue
                return k
            if w in _TIME_WORDS and w not in ("may", "march", "this", "last"):
                k += 1
                continue
            return k
        return k

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
        self.out.sort(key=lambda r: (r["start"], r["end"]))
        t = self.t
        for a, b in units:
            np_ = self._sentence_subject(a, b)
            if np_ is None or not any(_is_cap(t.text[k]) and t.low[k] not in _DET for k in range(*np_)):
                continue
            a0 = a1 = -1
            e = np_[1]
            if e < b and t.low[e] == ",":  # "Selin Aydar, a defence economist at ..., was blunt."
                f = e + 1
                while f < b and t.low[f] not in (",", ".", ";", ":") and t.quote[f] == -1 and f - e < 25:
                    f += 1
                if f > e + 1 and f < b and t.low[f] == "," and self._looks_like_np(e + 1, f):
                    a0, a1 = t.start[e + 1], t.end[f - 1]
            self.subjects.append((t.start[np_[0]], t.end[np_[1] - 1], a0, a1))
        return self.out

    def _context_frame(self, n_u: int, units, infos, qi: int) -> _Frame | None:
        """Frame for an unattributed quotation: a colon-ended lead-in just before it, else the speaker of
        the latest attribution in this or the previous two sentences (same or previous paragraph)."""
        t = self.t
        a, _b = units[n_u]
        if n_u > 0:
            pa, pb = units[n_u - 1]
            if t.low[pb - 1] == ":" or t.low[pb - 1] == "," and pb - pa < 16:
                fr = self._pre_frame(pb, pa)
                if fr is not None and (fr.s0 >= 0 or fr.cue is not None):
                    return fr
        best = None
        o = self.q_tok[qi][0]
        for r in sorted(self.out, key=lambda r: r["start"], reverse=True):
            if r["start"] >= t.start[o] or r["speaker_start"] is None:
                continue
            gap = self.text[r["end"]:t.start[o]]
            if gap.count("\n\n") + gap.count("\n") > 2 or len(gap) > 600:
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
