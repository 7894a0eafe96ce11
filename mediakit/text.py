"""Small pure text functions: normalising, sentence splitting, tokenising, diacritic folding, language id.

Every function that reports positions returns character offsets into the string it was given, so that
callers can map results back onto the corpus ``text`` column without any shift.

>>> fold("Erdoğan")
'Erdogan'
>>> [s for s, _, _ in split_sentences("He left. She stayed.")]
['He left.', 'She stayed.']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

__all__ = [
    "normalize_text",
    "fold",
    "split_sentences",
    "sentence_spans",
    "tokenize",
    "token_spans",
    "detect_language",
    "word_count",
]

# Characters that fold() maps explicitly: NFKD does not decompose these letters.
_FOLD_EXTRA = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})
# Runs of two or more spaces, or any unusual space: single plain spaces are left alone (fast path).
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
_TRAILING_WS_RE = re.compile(r"[ \t\u00a0]+\n")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_LEADING_WS_RE = re.compile(r"\n +")


def normalize_text(text: str) -> str:
    """Canonical form of an article body, applied once at load time (before any offset exists).

    Unicode NFC, ``\\n`` line ends, no trailing spaces, runs of spaces collapsed, at most one blank line
    between paragraphs, no leading or trailing blank lines.

    >>> normalize_text("A  b \\r\\n\\r\\n \\r\\n\\r\\nC")
    'A b\\n\\nC'
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACE_RE.sub(" ", text)
    text = _TRAILING_WS_RE.sub("\n", text)
    if "\n " in text:
        text = _LEADING_WS_RE.sub("\n", text)
    text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


def fold(text: str) -> str:
    """Remove diacritics so that spelling variants meet: ``fold("İsmail Çavuşoğlu") == "Ismail Cavusoglu"``.

    Length can change (decomposed marks are dropped), so never fold text you report offsets in.
    """
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
    "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n",
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

    >>> sentence_spans("Mr. Demir spoke. Then he left.")
    [(0, 16), (17, 30)]
    """
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
    return spans


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def split_sentences(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(sentence, start, end)`` triples with exact offsets."""
    return [(text[s:e], s, e) for s, e in sentence_spans(text)]


# ---------------------------------------------------------------- tokens
# A token is a word that may carry inner hyphens, digits, apostrophes, inner dots of acronyms and a
# trailing "+" (S-400, F-35, Hisar A+, Erdoğan's, 2.5; "U.S." gives "U.S": a final dot is never part of a
# token, since it cannot be told from a full stop).
TOKEN_PATTERN = r"(?u)\b\w(?:[\w'’]|[-./](?=\w))*\+?"
_TOKEN_RE = re.compile(TOKEN_PATTERN)


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(token, start, end)`` for each token in ``text``."""
    for m in _TOKEN_RE.finditer(text):
        yield m.group(), m.start(), m.end()


def tokenize(text: str, *, lower: bool = False, keep_acronyms: bool = True, fold_diacritics: bool = False) -> list[str]:
    """Tokenise news text, keeping S-400, F-35, CAATSA and Hisar A+ whole.

    ``lower`` folds case except, with ``keep_acronyms``, words written in capitals (CAATSA, NATO, SSB),
    so that "US" (the country) stays apart from "us".

    >>> tokenize("The US and us: S-400, F-35 and Hisar A+.", lower=True)
    ['the', 'US', 'and', 'us', 's-400', 'f-35', 'and', 'hisar', 'A+']
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
    """Number of tokens in ``text``."""
    return sum(1 for _ in _TOKEN_RE.finditer(text))


# ---------------------------------------------------------------- language
@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_chars: int = 20) -> str:
    """ISO 639-1 code of ``text`` (py3langid, deterministic, no download); ``""`` when too short to tell.

    >>> detect_language("Türkiye, Rusya'dan aldığı S-400 sistemlerinden vazgeçmeyeceğini açıkladı.")
    'tr'
    """
    sample = text[:4000]
    if len(sample.strip()) < min_chars:
        return ""
    lang, _prob = _identifier().classify(sample)
    return str(lang)
