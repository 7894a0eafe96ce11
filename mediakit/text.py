"""Small pure text functions: normalising, sentence splitting, tokenising, diacritic folding, language id.

Every function that reports positions returns character offsets into the string it was given, so that
callers can map results back onto the corpus ``text`` column without any shift.

>>> fold("Gündoğdu")
'Gundogdu'
>>> [s for s, _, _ in split_sentences("He left. She stayed.")]
['He left.', 'She stayed.']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from ._furniture import (
    _POSSESSIVE_RE,
    _caps_run,
    _drop_clock_times,
    _drop_party_tags,
    _lower_datelines,
    _lower_runs,
)
from ._stopwords import _function_words, _stop_word_list  # noqa: F401  (re-exported: text._stop_word_list)

__all__ = [
    "normalize_text",
    "repair_mojibake",
    "looks_like_mojibake",
    "fold",
    "split_sentences",
    "sentence_spans",
    "tokenize",
    "token_spans",
    "TOKEN_PATTERN",
    "BOUNDARY",
    "NewsTokenizer",
    "news_tokenizer",
    "fold_token",
    "detect_language",
    "word_count",
]

# Characters that fold() maps explicitly: NFKD does not decompose these letters.
_FOLD_EXTRA = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})
# Runs of two or more spaces, or any unusual space: single plain spaces are left alone (fast path).
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
_ODD_SPACE_RE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")  # any space _SPACE_RE rewrites alone
_TRAILING_WS_RE = re.compile(r"[ \t\u00a0]+\n")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_LEADING_WS_RE = re.compile(r"\n +")


def normalize_text(text: str) -> str:
    """Canonical form of an article body, applied once at load time (before any offset exists).

    Unicode NFC, mojibake repaired (:func:`repair_mojibake`), ``\\n`` line ends, no trailing spaces, runs of
    spaces collapsed, at most one blank line between paragraphs, no leading or trailing blank lines.

    >>> normalize_text("A  b \\r\\n\\r\\n \\r\\n\\r\\nC")
    'A b\\n\\nC'
    """
    text = unicodedata.normalize("NFC", text)
    if looks_like_mojibake(text):     # fast path: no sign of mojibake, no repair
        text = unicodedata.normalize("NFC", repair_mojibake(text))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # each rewrite only where its cheap test finds work: the patterns start a match at every space
    if "  " in text or ("\t" in text if text.isascii() else _ODD_SPACE_RE.search(text)):
        text = _SPACE_RE.sub(" ", text)
    # Whitespace next to a line end, found by looking around each "\n" (one memchr each) rather than by
    # searching the whole text for " \n", "\t\n", "\u00a0\n", "\n " and "\n\n\n" (two-character
    # searches are slow); past 64 line ends, by those searches.
    trailing = leading = many = False
    at, seen = text.find("\n"), 0
    while at >= 0 and seen < 64:
        trailing = trailing or (at > 0 and text[at - 1] in " \t\u00a0")
        leading = leading or text[at + 1:at + 2] == " "
        many = many or text[at + 1:at + 3] == "\n\n"
        at, seen = text.find("\n", at + 1), seen + 1
    if at >= 0:
        trailing, leading, many = (" \n" in text or "\t\n" in text or "\u00a0\n" in text, "\n " in text,
                                   "\n\n\n" in text)
    if trailing:
        text = _TRAILING_WS_RE.sub("\n", text)
        leading, many = "\n " in text, "\n\n\n" in text
    if leading:
        text = _LEADING_WS_RE.sub("\n", text)
        many = "\n\n\n" in text
    if many:
        text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


# UTF-8 read as Latin-1 and then compatibility-decomposed (NFKD) on the way: "ü" became "Ã¼" and then
# "Ã1⁄4", "è" became "Ã¨" and then "Ã \u0308". Only right after the lead character Ã/Â (bytes C3/C2 read as
# Latin-1), where a fraction or a spacing accent never stands in real text, are they decoded back.
_DECOMPOSED_MOJIBAKE_RE = re.compile("([ÃÂ])(1⁄4|1⁄2|3⁄4| [\u0308\u0304\u0301\u0327])")
_RECOMPOSE = {"1⁄4": "¼", "1⁄2": "½", "3⁄4": "¾", " \u0308": "¨", " \u0304": "¯", " \u0301": "´", " \u0327": "¸"}
# ª and º decompose to plain a and o: restored only inside a lower-case word ("RaÃol" -> "Raúl", "d'Ãatre").
_DECOMPOSED_ORDINAL_RE = re.compile("(?<=[a-z'])Ã([ao])(?=[a-z])")
# Mojibake of mojibake whose C1 control the loader dropped: "ú" -> "Ãº" -> "Ã\x83Âº" -> "ÃÂº" is "Ãº" again.
_DOUBLED_RE = re.compile("(?<=[a-z'])ÃÂ(?=[\u00a0-\u00bf]|[13]⁄[24]| [\u0308\u0304\u0301\u0327]|[ao][a-z])")


def looks_like_mojibake(text: str) -> bool:
    """Whether ``text`` shows the lead characters of UTF-8 read as Latin-1/Windows-1252 (then
    :func:`repair_mojibake` is worth running; it leaves anything else alone).

    >>> looks_like_mojibake("GÃ¼rel"), looks_like_mojibake("Gürel")
    (True, False)
    """
    return "Ã" in text or "Â" in text or "â€" in text


def repair_mojibake(text: str) -> str:
    """Repair UTF-8 text that was read as Latin-1/Windows-1252 ("GÃ¼rel" -> "Gürel", "itâ€™s" -> "it’s").

    The repair is ftfy's ``fix_encoding`` (it changes only sequences that are mojibake, and leaves text that
    is not alone), after putting back the characters a compatibility normalisation took apart inside such
    sequences ("GÃ1⁄4rel", an NFKD-normalised "GÃ¼rel"). Applied by :func:`normalize_text` at load time,
    before any offset exists, so every offset indexes the repaired text.

    >>> repair_mojibake("Selim GÃ¼rel and HÃ©lÃ¨ne Marot"), repair_mojibake("GÃ1⁄4rel, naÃ \u0304ve")
    ('Selim Gürel and Hélène Marot', 'Gürel, naïve')
    >>> repair_mojibake("Rep. RaÃÂol Garza")          # doubly encoded ú, its C1 control byte lost, º -> o
    'Rep. Raúl Garza'
    >>> repair_mojibake("Itâ€™s fine, and Gürel stays Gürel")
    'It’s fine, and Gürel stays Gürel'
    """
    from ftfy import fix_encoding  # a light dependency, imported only when a text shows signs of mojibake

    if "Ã" in text or "Â" in text:   # decoded at once: two Latin-1 characters are the two bytes of one letter
        text = _DOUBLED_RE.sub("Ã", text)
        text = _DECOMPOSED_MOJIBAKE_RE.sub(lambda m: _utf8(m.group(1) + _RECOMPOSE[m.group(2)]), text)
        text = _DECOMPOSED_ORDINAL_RE.sub(lambda m: _utf8("Ãª" if m.group(1) == "a" else "Ãº"), text)
    return fix_encoding(text)


def _utf8(latin1: str) -> str:
    return latin1.encode("latin-1").decode("utf-8")


def fold(text: str) -> str:
    """Remove diacritics so that spelling variants meet: ``fold("İlker Çakışoğlu") == "Ilker Cakisoglu"``.

    Length can change (decomposed marks are dropped), so never fold text you report offsets in.

    >>> fold("İlker Çakışoğlu"), fold("Łódź"), fold("йод")
    ('Ilker Cakisoglu', 'Lodz', 'йод')
    """
    if text.isascii():
        return text  # no diacritics and nothing _FOLD_EXTRA maps: the loop below would return it unchanged
    text = text.translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    out: list[str] = []
    for c in decomposed:
        # Marks are dropped from Latin letters only: Cyrillic й (и + breve) and ё are letters of their own.
        if unicodedata.combining(c) and out and not ("\u0400" <= out[-1] <= "\u04ff"):
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


# ---------------------------------------------------------------- sentences
# Written by hand: the splitters in well-kept libraries either need a downloaded model (spaCy, stanza,
# NLTK punkt data) or do not return offsets. This one is rule-based, keeps exact offsets, and knows the
# abbreviations of news text in English, Turkish and Russian.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep",
    "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "v", "etc", "e.g", "i.e", "u.s", "u.k", "u.n",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx",
    "dept", "gov't", "av", "ave", "mt", "ft", "pp", "cf", "al", "doç", "yrd", "vb", "bkz",
    "г", "гг", "им", "т.е", "т.д", "т.п", "стр", "ул", "д", "т",
}
_SENT_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n\s*\n")
_CLOSERS = "\"'”’»)]"


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop ending at ``end`` closes an abbreviation or an initial."""
    j = end - 1
    while j >= 0 and text[j] in _CLOSERS:
        j -= 1
    if j < 0 or text[j] != ".":
        return False
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:j].lower()
    if not word:
        return False
    if len(word) == 1 and text[k].isupper():  # an initial: "J. Smith"
        return True
    return word in _ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of each sentence; paragraph breaks always end a sentence.

    >>> sentence_spans("Mr. Kaya spoke. Then he left.")
    [(0, 15), (16, 29)]

    Memoised for the last 64 texts (the quote rules ask for an article's sentences three times); each call
    returns a new list.
    """
    return list(_sentence_spans(text))


@lru_cache(maxsize=64)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END_RE.finditer(text):
        end = m.end()
        if not m.group().startswith("\n"):
            if _is_abbreviation(text, end):
                continue
            # A sentence goes on when the next word starts lower-case ("the U.S. said. and").
            nxt = end
            while nxt < n and text[nxt].isspace():
                nxt += 1
            if nxt < n and text[nxt].islower():
                continue
        else:
            end = m.start()
        _append_span(text, start, end, spans)
        start = m.end()
    _append_span(text, start, n, spans)
    return tuple(spans)


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def split_sentences(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(sentence, start, end)`` triples with exact offsets.

    >>> split_sentences("Dr. Aksoy agreed. Nobody else did.")
    [('Dr. Aksoy agreed.', 0, 17), ('Nobody else did.', 18, 34)]
    """
    return [(text[s:e], s, e) for s, e in sentence_spans(text)]


# ---------------------------------------------------------------- tokens
# A token is a word that may carry inner hyphens, digits, apostrophes, inner dots of acronyms and a
# trailing "+" (G-20, B-52, Grade A+, Gündoğdu's, 2.5; "U.S." gives "U.S": a final dot is never part of a
# token, since it cannot be told from a full stop).
# Written unrolled, with possessive loops (no backtracking: the classes are disjoint), it finds exactly the
# tokens of the textbook form r"\b\w(?:[\w'’]|[-./](?=\w))*\+?" 1.6-1.8x faster (tests/test_vectorize.py).
TOKEN_PATTERN = r"(?<!\w)\w[\w'’]*+(?:[-./]\w[\w'’]*+)*+\+?"
# Whole texts only (findall/finditer from position 0, as below): no token can start right after a word
# character there, so the look-behind (which matters when a search starts inside a word) is left out.
_TOKEN_RE = re.compile(TOKEN_PATTERN.removeprefix("(?<!\\w)"))


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(token, start, end)`` for each token in ``text``; ``text[start:end] == token``.

    >>> list(token_spans("The G-20 in the U.S."))
    [('The', 0, 3), ('G-20', 4, 8), ('in', 9, 11), ('the', 12, 15), ('U.S', 16, 19)]
    """
    for m in _TOKEN_RE.finditer(text):
        yield m.group(), m.start(), m.end()


def tokenize(text: str, *, lower: bool = False, keep_acronyms: bool = True, fold_diacritics: bool = False) -> list[str]:
    """Tokenise news text, keeping G-20, B-52, NASA and Grade A+ whole.

    ``lower`` folds case except, with ``keep_acronyms``, words written in capitals (NASA, NATO, FBI),
    so that "US" (the country) stays apart from "us".

    >>> tokenize("The US and us: G-20, B-52 and Grade A+.", lower=True)
    ['the', 'US', 'and', 'us', 'g-20', 'b-52', 'and', 'grade', 'A+']
    """
    out = []
    for tok in _TOKEN_RE.findall(text):
        if fold_diacritics:
            tok = fold(tok)
        if lower and not (keep_acronyms and _is_acronym(tok)):
            tok = tok.lower()
        out.append(tok)
    return out


def _is_acronym(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and (len(letters) >= 2 or tok.endswith("+"))


def word_count(text: str) -> int:
    """Number of tokens in ``text``.

    >>> word_count("The G-20 cost $2.5 billion.")
    5
    """
    return sum(1 for _ in _TOKEN_RE.finditer(text))


# n-grams stop at these: sentence punctuation followed by a space, or a line break. A full stop after a
# single letter ("U.S. sanctions", "J. Smith") is not a boundary.
_BOUNDARY_RE = re.compile(r"(?<!\b\w)[.!?;:…]+[\"'”’»)\]]*(?=\s)|\n")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
BOUNDARY = "\x00"  # marker NewsTokenizer(boundaries=True) emits between sentences, for n-grams


class NewsTokenizer:
    """The project's tokenizer as a picklable callable: pass it as scikit-learn's ``tokenizer=``.

    Produces the same tokens as :func:`tokenize` with ``lower=lowercase``, except that curly apostrophes
    become straight ones, a possessive or closing apostrophe is dropped ("Voss's", "Voss'" and "'Voss'"
    are all "voss": an outlet's house style for possessives is no term of its own), plural acronyms keep their capitals (SAMs), Turkish İ lower-cases to plain i,
    diacritic folding leaves Cyrillic letters other than ё alone (ё is written е), clock times
    ("10:30", "5 p.m.", "9am", "3:45 p.m. ET") give no tokens: they are never terms, and words in capitals
    that are not acronyms are lower-cased with the rest: a heading set in capitals (three or more such words
    in a row) and a dateline's place ("WASHINGTON — ", "NEW YORK (AP) — "). ``unshout`` says whether to do
    that last part (None: when it lower-cases and keeps acronyms; :mod:`mediakit._counting` reads raw tokens
    with it on). With
    ``boundaries=True`` it also emits :data:`BOUNDARY` where a sentence or paragraph ends, which
    :class:`mediakit.vectorize.NewsAnalyzer` uses to keep n-grams inside sentences.

    >>> NewsTokenizer()("The US and us: G-20, B-52 and Grade A+.")
    ['the', 'US', 'and', 'us', 'g-20', 'b-52', 'and', 'grade', 'A+']
    >>> NewsTokenizer(fold_diacritics=True)("İlker Çakışoğlu, ёж")
    ['ilker', 'cakisoglu', 'еж']
    >>> NewsTokenizer()("WASHINGTON — THE VOTE IS IN; NATO and the US agree")
    ['washington', 'the', 'vote', 'is', 'in', 'NATO', 'and', 'the', 'US', 'agree']
    >>> NewsTokenizer()("Updated 10:30 a.m. ET: the vote, set for 5 p.m., slipped to 9pm; 2:1 and 3 AM radio.")
    ['updated', 'the', 'vote', 'set', 'for', 'slipped', 'to', '2', '1', 'and', 'radio']
    >>> from sklearn.feature_extraction.text import CountVectorizer
    >>> CountVectorizer(tokenizer=NewsTokenizer(), token_pattern=None, lowercase=False).fit(
    ...     ["US and us"]).get_feature_names_out().tolist()
    ['US', 'and', 'us']
    """

    def __init__(self, lowercase: bool = True, keep_acronyms: bool = True, fold_diacritics: bool = False,
                 boundaries: bool = False, unshout: bool | None = None) -> None:
        self.lowercase = lowercase
        self.keep_acronyms = keep_acronyms
        self.fold_diacritics = fold_diacritics
        self.boundaries = boundaries
        self.unshout = unshout

    def __repr__(self) -> str:
        more = "" if self.unshout is None else f", unshout={self.unshout}"
        return (f"NewsTokenizer(lowercase={self.lowercase}, keep_acronyms={self.keep_acronyms}, "
                f"fold_diacritics={self.fold_diacritics}, boundaries={self.boundaries}{more})")

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({"unshout": None, **state})   # tokenizers pickled before ``unshout`` existed

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash(tuple(sorted(vars(self).items())))

    def normalize(self, tok: str) -> str:
        """Case-fold and (optionally) diacritic-fold one token the way ``__call__`` does.

        >>> NewsTokenizer().normalize("Kaya’nın"), NewsTokenizer().normalize("NATO"), NewsTokenizer().normalize("U.S")
        ("kaya'nın", 'NATO', 'US')
        """
        tok = tok.replace("’", "'")
        if "'" in tok:
            tok = _POSSESSIVE_RE.sub("", tok) or tok
        if self.fold_diacritics and not tok.isascii():
            tok = fold_token(tok)
        if self.lowercase and not (self.keep_acronyms and _is_news_acronym(tok)):
            tok = tok.replace("İ", "i").lower()
        elif self.lowercase and "." in tok:
            tok = tok.replace(".", "")  # "U.S" is "US"
        return tok

    def __call__(self, doc: str) -> list[str]:
        doc = doc.replace("’", "'")
        if "'" in doc:
            doc = _POSSESSIVE_RE.sub("", doc)
        doc = _drop_party_tags(_drop_clock_times(doc))
        unshout = self.unshout if self.unshout is not None else (self.lowercase and self.keep_acronyms)
        if unshout:
            doc = _lower_datelines(doc)
        segments = _BOUNDARY_RE.split(doc) if self.boundaries else [doc]
        raw = [_TOKEN_RE.findall(segment) for segment in segments]
        # a heading in capitals needs three tokens in capitals in a row: the tokens tell, cheaper than a regex
        # over the text; only then is the text rewritten (rare) and read again
        if unshout and _caps_run(chain.from_iterable(raw)):
            lowered = _lower_runs(doc)
            if lowered != doc:
                segments = _BOUNDARY_RE.split(lowered) if self.boundaries else [lowered]
                raw = [_TOKEN_RE.findall(segment) for segment in segments]
        if not self.boundaries:
            return self._fold(raw[0])
        out: list[str] = []
        for found in raw:
            toks = self._fold(found)
            if toks:
                if out:
                    out.append(BOUNDARY)
                out.extend(toks)
        return out

    def _fold(self, toks: list[str]) -> list[str]:
        # The hot loop of vectorising: one C-level findall (the caller's), then per-token work only where needed
        # (isupper/isascii are C methods; most tokens take the plain .lower() branch).
        if self.fold_diacritics:
            toks = [t if t.isascii() else fold_token(t) for t in toks]
        if not self.lowercase:
            return toks
        if self.keep_acronyms:
            # a dotted acronym is the same term as the undotted one ("U.S" and "US": a style guide's dots)
            return [(t if "." not in t else t.replace(".", "")) if (t.isupper() or t[-1] == "s") and _is_news_acronym(t)
                    else (t.lower() if "İ" not in t else t.replace("İ", "i").lower()) for t in toks]
        return [t.replace("İ", "i").lower() for t in toks]


def news_tokenizer(*, lowercase: bool = True, keep_acronyms: bool = True, fold_diacritics: bool = False,
                   boundaries: bool = False) -> NewsTokenizer:
    """The shared tokenizer, configured: a callable ``str -> list[str]`` for scikit-learn's ``tokenizer=``.

    >>> news_tokenizer(fold_diacritics=True)("Gündoğdu's G-20")
    ['gundogdu', 'g-20']
    """
    return NewsTokenizer(lowercase=lowercase, keep_acronyms=keep_acronyms, fold_diacritics=fold_diacritics,
                         boundaries=boundaries)


def _is_news_acronym(tok: str) -> bool:
    """NASA, NATO, US, A+, and plural acronyms (SAMs); not G-20 or a capitalised word."""
    if tok.isupper():
        return _is_acronym(tok)
    return len(tok) > 2 and tok[-1] == "s" and tok[:-1].isupper() and _is_acronym(tok[:-1])


def fold_token(tok: str) -> str:
    """:func:`fold` for one token, except that Cyrillic keeps й and writes ё as е (case is kept).

    >>> fold_token("Gündoğdu"), fold_token("Ёлкин"), fold_token("İzmir")
    ('Gundogdu', 'Елкин', 'Izmir')
    """
    if _CYRILLIC_RE.search(tok):  # й, ё are letters of their own in Russian; only ё is commonly written as е
        return tok.replace("ё", "е").replace("Ё", "Е")
    return fold(tok)


# ---------------------------------------------------------------- language
@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_chars: int = 20) -> str:
    """ISO 639-1 code of ``text`` (py3langid, deterministic, no download); ``""`` when too short to tell.

    >>> detect_language("Belediye, köprü geçiş ücretini iki katına çıkaracağını açıkladı.")
    'tr'
    """
    sample = text[:4000]
    if len(sample.strip()) < min_chars:
        return ""
    lang, _prob = _identifier().classify(sample)
    return str(lang)
