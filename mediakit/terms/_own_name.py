"""An outlet's own name among its distinctive terms: furniture ("told NEWSLINE", "Copyright METRO TODAY"), not content.

:func:`mediakit.distinctive_terms` drops, from each outlet's own rows, the terms that are its name as the
``outlet`` value writes it (case-insensitive, "-" and "_" read as spaces, also run together: "metro-today"
-> "metro today", "metrotoday"), and the n-grams that contain it ("told newsline"). A term that is only *part* of
a multi-word name ("metro", "today" of "METRO TODAY") is dropped only when most of its occurrences in the
outlet's articles are inside the name: METRO TODAY's "today" in "said today" is content. Other outlets'
names stay (a reference to a rival is content).

Counting the occurrences inside the name is partition work (:func:`name_part_counts`, summed across
partitions); the decision is made from the summed counts (:func:`own_name_mask`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from .._counting import batches
from ..text import TOKEN_PATTERN, tokenize

__all__ = ["name_words", "name_part_counts", "own_name_mask", "own_name_drops", "term_words", "tokenizer_normalize",
           "written_name_counts", "learn_written_names", "merge_written", "abbreviates"]

_TOKEN_RE = re.compile(TOKEN_PATTERN)
WRITTEN_MIN_ARTICLES = 3   # a written name is learned from at least this many of an outlet's articles
WRITTEN_MIN_SHARE = 0.05   # ... and this share of the articles read
WRITTEN_READ = 400         # articles read per outlet (and per partition) to learn it
_MAX_ID_LETTERS = 16       # longer ids are not abbreviations
_CAP_RUN_RE = re.compile(r"[A-Z][\w'’.&]*[ \t]+(?:[A-Z][\w'’.&]*[ \t]+){0,3}[A-Z][\w'’&]*")  # no look-behind: fast
_ID_RE = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")   # an outlet value written as an id: lower case, no spaces
_POSSESSIVE_RE = re.compile(r"(?:'s|')$")


def name_words(name: str) -> tuple[str, ...]:
    """The words of an outlet name, lower case, with ``-`` and ``_`` read as spaces.

    >>> name_words("metro-today"), name_words("NEWSLINE"), name_words("The_Daily Lamp")
    (('metro', 'today'), ('newsline',), ('the', 'daily', 'lamp'))
    """
    return tuple(tokenize(re.sub(r"[-_]+", " ", str(name)), lower=True, keep_acronyms=False))


def term_words(term: str) -> tuple[str, ...]:
    """The words of a term as :func:`name_words` reads a name, possessive endings dropped ("TODAY's" -> today).

    >>> term_words("METRO TODAY's"), term_words("metro-today"), term_words("Told NEWSLINE")
    (('metro', 'today'), ('metro', 'today'), ('told', 'newsline'))
    """
    words = []
    for w in str(term).replace("’", "'").lower().split():
        words.extend(p for p in re.split(r"[-_]+", _POSSESSIVE_RE.sub("", w)) if p)
    return tuple(words)


def _contains(seq: Sequence[str], part: Sequence[str]) -> bool:
    k = len(part)
    return any(tuple(seq[i:i + k]) == tuple(part) for i in range(len(seq) - k + 1))


def _name_re(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)


def _texts_of(texts: Sequence[str] | pa.Array, codes: np.ndarray) -> Any:
    """``(text, group code)`` of every text, the texts as Python strings one batch at a time."""
    codes = np.asarray(codes)
    at = 0
    for chunk in batches(texts):
        yield from zip(chunk, codes[at:at + len(chunk)].tolist())
        at += len(chunk)


def _count_parts(counter: Counter, toks: Sequence[str]) -> None:
    """Count each proper part (a word or a run of words, not the whole) of a name's tokens."""
    k = len(toks)
    for i in range(k):
        for j in range(i + 1, k + 1):
            if j - i < k:
                counter[" ".join(toks[i:j])] += 1


def name_part_counts(texts: Sequence[str] | pa.Array, codes: np.ndarray, groups: Sequence[str],
                     normalize: Callable[[str], str]) -> dict[int, Counter]:
    """Per group (index into ``groups``) with a name of two or more words: how often each proper part of the
    name (a word, or a run of words) occurs inside the name in the group's texts, keyed as the vectoriser
    writes the term (``normalize`` is its tokenizer's ``normalize``; an n-gram's words joined by a space).

    >>> name_part_counts(["Copyright METRO TODAY. METRO TODAY's poll", "said today"], np.array([0, 0]),
    ...                  ["metro-today", "B"], str.lower)
    {0: Counter({'metro': 2, 'today': 1, "today's": 1})}
    """
    names = {g: words for g, name in enumerate(groups) if len(words := name_words(name)) > 1}
    patterns = {g: _name_re(words) for g, words in names.items()}
    # an ASCII first word absent from the lower-cased text rules the name out without the case-blind regex
    # (a text with "İ", which lower-cases to two characters, always takes the regex)
    firsts = {g: words[0] for g, words in names.items() if words[0].isascii()}
    out: dict[int, Counter] = {}
    if not patterns:
        return out
    for text, g in _texts_of(texts, codes):
        pattern = patterns.get(g)
        if pattern is None or not text:
            continue
        first = firsts.get(g)
        if first is not None and first not in text.lower() and "İ" not in text:
            continue
        k = len(names[g])
        for m in pattern.finditer(text):
            toks = [normalize(t) for t in _TOKEN_RE.findall(text, m.start(), m.end() + 40)[:k]]
            _count_parts(out.setdefault(g, Counter()), toks)
    return out


def own_name_mask(terms: Sequence[str], counts: np.ndarray, name: str, inside: Mapping[str, int] | None = None
                  ) -> np.ndarray:
    """Boolean mask of the ``terms`` an outlet called ``name`` does not list as its own distinctive terms.

    ``counts`` are the outlet's counts of the terms; ``inside`` (from :func:`name_part_counts`) how many of
    them are inside the name. Dropped: the name itself (any case, spacing or run together), an n-gram that
    contains it, and a part of a multi-word name whose occurrences are mostly inside the name.

    >>> terms = ["METRO", "TODAY", "today", "metrotoday", "told METRO TODAY", "poll"]
    >>> own_name_mask(terms, np.array([5, 4, 9, 1, 2, 3]), "metro-today", {"METRO": 5, "TODAY": 4}).tolist()
    [True, True, False, True, True, False]
    """
    return _mask([str(t).lower() for t in terms], terms, counts, name, inside)


def _mask(lowered: Sequence[str], terms: Sequence[str], counts: np.ndarray, name: str,
          inside: Mapping[str, int] | None) -> np.ndarray:
    words = name_words(name)
    mask = np.zeros(len(terms), dtype=bool)
    if not words:
        return mask
    joined = "".join(words)
    inside = inside or {}
    for i, low in enumerate(lowered):
        if not any(w in low for w in words):       # cheap test first: most terms share no word with the name
            continue
        term = terms[i]
        tw = term_words(term)
        if not tw:
            continue
        if "".join(tw) == joined or joined in tw or (len(tw) > len(words) and _contains(tw, words)):
            mask[i] = True                                   # the name, or an n-gram around it
        elif len(words) > 1 and len(tw) < len(words) and _contains(words, tw):
            mask[i] = 2 * inside.get(term, 0) > counts[i]    # a part of the name, mostly used in it
    return mask


def own_name_drops(terms: Sequence[str], counts: np.ndarray, groups: Sequence[str],
                   inside: Mapping[int, Mapping[str, int]] | None,
                   written: Mapping[int, Sequence[tuple[str, Mapping[str, int]]]] | None = None
                   ) -> dict[int, np.ndarray]:
    """:func:`own_name_mask` for every group with something to drop: group index -> mask over ``terms``.
    ``written``: more names of a group as its articles write them (:func:`learn_written_names`), each with the
    counts of its parts inside it.

    >>> own_name_drops(["NEWSLINE", "told NEWSLINE", "tolls"], np.array([[3, 1, 0], [1, 0, 4]]),
    ...                ["newsline", "metro-today"], None)
    {0: array([ True,  True, False])}
    >>> own_name_drops(["harbour", "post", "harb"], np.array([[9, 9, 1]]), ["harb-post"], None,
    ...                {0: [("Harbour Post", {"harbour": 9, "post": 2})]})
    {0: array([ True, False, False])}
    """
    out: dict[int, np.ndarray] = {}
    inside = inside or {}
    written = written or {}
    names = {g: [(name, inside.get(g))] + [(phrase, parts) for phrase, parts in written.get(g, ())]
             for g, name in enumerate(groups)}
    forms = {w for pairs in names.values() for name, _ in pairs for w in name_words(name)}
    forms |= {"".join(name_words(name)) for pairs in names.values() for name, _ in pairs}   # run together
    forms.discard("")
    if not forms or not len(terms):
        return out
    # one pass over the vocabulary: only terms with a word (between non-letters, "-" and "_") that is a word of
    # some outlet's name, or the name run together, are looked at (a substring test let every term with an "a"
    # through for an outlet called "Outlet A")
    alternation = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
    any_word = re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W_])")
    candidates = [i for i, t in enumerate(terms) if any_word.search(str(t).lower())]
    if not candidates:
        return out
    sub_terms = [terms[i] for i in candidates]
    lowered = [str(t).lower() for t in sub_terms]
    for g, pairs in names.items():
        mask = np.zeros(len(sub_terms), dtype=bool)
        for name, parts in pairs:
            mask |= _mask(lowered, sub_terms, counts[g][candidates], name, parts)
        if mask.any():
            full = np.zeros(len(terms), dtype=bool)
            full[np.asarray(candidates)[mask]] = True
            out[g] = full
    return out


def tokenizer_normalize(vectorizer: Any) -> Callable[[str], str]:
    """How the vectoriser writes a token as a term: its NewsTokenizer's ``normalize``, else lower case."""
    params = vectorizer.get_params() if hasattr(vectorizer, "get_params") else {}
    tok = getattr(params.get("analyzer"), "tokenizer", None)
    normalize = getattr(tok, "normalize", None)
    if callable(normalize):
        return normalize
    return str.lower if params.get("lowercase", True) else str


def abbreviates(name: str, words: Sequence[str]) -> bool:
    """True when ``words`` (two or more) begin, in order, with the pieces of the outlet id ``name``: its
    letters split into one non-empty prefix per word ("harb-post" and Harbour Post, "hdl" and Harbour Daily
    Ledger, "lepo" and Ledger Post). An id that is already the words, spaced or run together, is not an
    abbreviation of them (:func:`own_name_mask` drops those).

    >>> abbreviates("harb-post", ["Harbour", "Post"]), abbreviates("hdl", ["Harbour", "Daily", "Ledger"])
    (True, True)
    >>> abbreviates("lepo", ["Ledger", "Post"]), abbreviates("hdl", ["Harbour", "Dealer"])
    (True, False)
    >>> abbreviates("metro-today", ["METRO", "Today"]), abbreviates("metro-today", ["METRO", "TODAY's"])
    (False, False)
    """
    return _abbreviates("".join(name_words(name)), words)


def _abbreviates(letters: str, words: Sequence[str]) -> bool:
    """:func:`abbreviates` for an id already written as its letters."""
    low = ["".join(term_words(w)) for w in words]
    if len(low) < 2 or not letters or len(letters) > _MAX_ID_LETTERS or not all(low) or "".join(low) == letters:
        return False

    def fits(i: int, k: int) -> bool:          # letters[i:] into words k.. as prefixes
        if k == len(low):
            return i == len(letters)
        left = len(low) - k
        return any(low[k].startswith(letters[i:j]) and fits(j, k + 1)
                   for j in range(i + 1, min(len(letters) - left + 1, i + len(low[k])) + 1))

    return fits(0, 0)


def written_name_counts(texts: Sequence[str] | pa.Array, codes: np.ndarray, groups: Sequence[str],
                        normalize: Callable[[str], str], limit: int = WRITTEN_READ) -> dict[int, dict]:
    """Per group: the runs of capitalised words its id abbreviates (:func:`abbreviates`) in up to ``limit`` of
    its texts, each as ``{phrase: [articles, Counter of its parts inside it]}``, and ``{"": [articles read]}``.
    Only groups whose name is written as an id (lower case, no spaces: "harb-post", "hdl") are read.
    Parts are keyed as the vectoriser writes the term (``normalize``), as :func:`name_part_counts` does.

    >>> out = written_name_counts(["He told The Harbour Post.", "Harbour Post said"], np.array([0, 0]),
    ...                           ["harb-post"], str.lower)
    >>> out[0]["Harbour Post"][0], out[0][""][0], out[0]["Harbour Post"][1]["harbour"]
    (2, 2, 2)
    """
    # only ids ("harb-post", "hdl") can abbreviate a written name; "The Ledger" is written as it is
    letters = {g: "".join(name_words(name)) for g, name in enumerate(groups) if _ID_RE.fullmatch(str(name))}
    out: dict[int, dict] = {}
    read: Counter = Counter()
    for text, g in _texts_of(texts, codes):
        if g < 0 or read[g] >= limit or not letters.get(g) or not text:
            continue
        read[g] += 1
        seen: set[str] = set()
        found = out.setdefault(g, {"": [0, Counter()]})
        found[""][0] += 1
        first = letters[g][:1].upper()
        for m in _CAP_RUN_RE.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.'’-"):
                continue   # inside a word ("eBay News")
            words = m.group().split()
            while words and words[0].lower() == "the":
                words = words[1:]
            run = _longest_abbreviated(letters[g], first, words)
            if run is None:
                continue
            phrase = " ".join(_POSSESSIVE_RE.sub("", w.replace("’", "'").rstrip(".")) for w in run)
            entry = found.setdefault(phrase, [0, Counter()])
            if phrase not in seen:
                seen.add(phrase)
                entry[0] += 1
            _count_parts(entry[1], [normalize(t) for t in _TOKEN_RE.findall(phrase)])
    return out


def _longest_abbreviated(letters: str, first: str, words: list[str]) -> list[str] | None:
    """The longest run of ``words`` (the leftmost of that length) that the id ``letters`` abbreviates."""
    for k in range(len(words), 1, -1):
        for i in range(len(words) - k + 1):
            run = words[i:i + k]
            if run[0][:1] == first and _abbreviates(letters, run):
                return run
    return None


def merge_written(parts: Sequence[dict[int, dict] | None]) -> dict[int, dict]:
    """Sum :func:`written_name_counts` of several partitions.

    >>> merge_written([{0: {"": [2, Counter()], "A B": [1, Counter({"a": 1})]}}, {0: {"A B": [2, Counter({"a": 2})]}}])
    {0: {'': [2, Counter()], 'A B': [3, Counter({'a': 3})]}}
    """
    out: dict[int, dict] = {}
    for part in parts:
        for g, found in (part or {}).items():
            mine = out.setdefault(g, {})
            for phrase, (n, parts_) in found.items():
                entry = mine.setdefault(phrase, [0, Counter()])
                entry[0] += n
                entry[1].update(parts_)
    return out


def learn_written_names(written: Mapping[int, Mapping[str, Any]] | None) -> dict[int, list[tuple[str, Counter]]]:
    """The written names learned per group from :func:`written_name_counts`: phrases found in at least
    :data:`WRITTEN_MIN_ARTICLES` articles and :data:`WRITTEN_MIN_SHARE` of those read, most frequent first
    (at most three), each with its parts' counts inside it.

    >>> learn_written_names({0: {"": [40, Counter()], "Harbour Post": [9, Counter({"harbour": 9})],
    ...                          "Harvard Park": [1, Counter()]}})
    {0: [('Harbour Post', Counter({'harbour': 9}))]}
    """
    out: dict[int, list[tuple[str, Counter]]] = {}
    for g, found in (written or {}).items():
        read = found.get("", [0])[0]
        need = max(WRITTEN_MIN_ARTICLES, WRITTEN_MIN_SHARE * read)
        kept = sorted(((n, phrase) for phrase, (n, _) in found.items() if phrase and n >= need), reverse=True)[:3]
        if kept:
            out[g] = [(phrase, found[phrase][1]) for _, phrase in kept]
    return out
