"""One matcher for lexicons: codebook cues, naming variants, actor aliases, gazetteer names.

:class:`TermMatcher` compiles a list of patterns once and finds them in a text in one pass, returning exact
character offsets into that text (``text[start:end]`` is what was found).

Pattern syntax
--------------
- words separated by spaces match words separated by any white space (not a blank line: a phrase never
  runs across a paragraph); punctuation written inside a pattern must be there in the text
  (``T-90``, ``U.S.``, ``Grade A+``), and punctuation in the text never matches a space in the pattern,
  so a phrase never runs across a sentence end;
- a word is matched whole: ``German`` finds "German" in "German-made" and "German's" but not in
  "Germans"; ``*`` in a word matches any letters or digits (``sanction*``), ``?`` exactly one;
- case: with ``case=None`` (the default) case is ignored except in words written in capitals, so ``US``
  does not find "us"; ``case=True`` respects case everywhere, ``case=False`` ignores it everywhere
  (Turkish İ/ı and I/i meet when diacritics are folded);
- ``fold_diacritics=True`` (the default) makes Muller find Müller and ё find е (Russian й stays й);
- ``hyphens=True`` makes a space and a hyphen between two words of a pattern the same: ``supply chain``
  finds "supply-chain" and ``test-fir*`` finds "test firing" (codebooks, where open and hyphenated
  compounds are one term); other punctuation still ends a phrase;
- ``re:<regex>`` is a regular expression run on the text as written (``case`` True respects case,
  otherwise it is ignored);
- ``lemmatize`` (a function word -> lemma) makes each word of the text match by its lemma too, so a
  pattern written as a dictionary form (``санкция``) finds every inflected form ("санкций"); offsets
  are the text word's.

Why written by hand: dictionary look-ups on word units keep the cost of a match per word whatever the size
of the lexicon, where one regex alternation over hundreds of folded, case-mixed phrases is many times slower
and cannot fold diacritics without changing offsets.

>>> m = TermMatcher({"usa": ["US", "United States", "Washington"], "sanctions": ["sanction*"]})
>>> m.find("Washington told us: the US sanctions under NDAA stand.")
[(0, 10, 'usa'), (24, 26, 'usa'), (27, 36, 'sanctions')]
>>> TermMatcher(["Celik", "T-90"]).find("Çelik'in T-90 kararı")
[(0, 5, 0), (9, 13, 1)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .text import fold_token

__all__ = ["TermMatcher", "MATCH_COLUMNS"]

MATCH_COLUMNS = ["article_id", "start", "end", "pattern_id", "match"]
_UNIT_RE = re.compile(r"[^\W_]+")                 # word units of a text: maximal runs of letters and digits
_PATTERN_UNIT_RE = re.compile(r"(?:[^\W_]|[*?])+")  # word units of a pattern, wildcards included
_BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n")
_CACHE_LIMIT = 500_000
_GLOB_KEY = 2  # characters of a glob's literal start it is indexed under
_EVERYWHERE = object()   # the pattern id of an exclusion that blocks in every scope
_SPACE_OR_HYPHEN = "\x00"  # separator code of hyphens=True: white space or one hyphen
_HYPHENS = frozenset("-\u2010\u2011")


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class _Pattern:
    units: tuple[int, ...]    # unit ids
    seps: tuple[str, ...]     # separator before each unit after the first: " " (any white space) or literal
    lead: str                 # literal punctuation that must precede the first unit
    trail: str                # literal punctuation that must follow the last unit
    pid: Hashable
    order: int
    exclude: bool


class TermMatcher:
    """Patterns compiled once; :meth:`find` gives ``(start, end, pattern_id)`` per match in a text.

    Parameters
    ----------
    patterns : ``{pattern_id: pattern or [patterns]}``, or a sequence of patterns (ids are their positions),
        or of ``(pattern_id, pattern)`` pairs. Pattern syntax: module docstring.
    case : None (ignore case except in words written in capitals), True (respect), False (ignore).
    fold_diacritics : Muller finds Müller (default True).
    exclude : patterns that block matches: text they match is not reported and no match overlapping it is
        (e.g. "Washington Post" kept away from a "Washington" place cue, a naming lexicon's exclusions).
    overlapping : False (default) keeps the leftmost-longest match and skips matches overlapping it (what a
        regex alternation does); True reports every match of every pattern (codebook counting).
    scope : ``pattern_id -> key``: resolve matches (exclusions, leftmost-longest) within each key separately,
        as if each key had a matcher of its own, in one pass over the text (a naming lexicon's concepts:
        a name of one concept never hides a name of another). Exclusions given as ``(pattern_id, pattern)``
        pairs (or a mapping) then block only in ``scope(pattern_id)``; plain strings block everywhere.
    hyphens : True: a space or a hyphen between two words of a pattern matches white space or one hyphen
        in the text (default False: each must be there as written).
    lemmatize : None, or a function ``word -> lemma``: a text word then also matches the patterns of its
        lemma (called once per distinct word; the codebooks' ``lemmas:`` cues use it).

    >>> cues = TermMatcher({"economic": ["cost*", "price tag"], "security": ["air defen?e"]},
    ...                    exclude=["cost of living"], overlapping=True)
    >>> cues.find("The price tag and air defense costs; the cost of living.")
    [(4, 13, 'economic'), (18, 29, 'security'), (30, 35, 'economic')]
    >>> TermMatcher(["Capitol"], case=True).find("the Capitol's view; capitol")
    [(4, 11, 0)]
    >>> names = TermMatcher([(("place", "capital"), "Paris"), (("team", "club"), "Paris Saint-Germain")],
    ...                     scope=lambda pid: pid[0])
    >>> names.find("Paris Saint-Germain won.")
    [(0, 5, ('place', 'capital')), (0, 19, ('team', 'club'))]
    >>> TermMatcher(["supply chain"], hyphens=True).find("supply-chain, supply chain; supply, chain")
    [(0, 12, 0), (14, 26, 0)]
    >>> TermMatcher(["mouse"], lemmatize={"mice": "mouse"}.get).find("Two mice and a mouse.")
    [(4, 8, 0), (15, 20, 0)]
    """

    def __init__(self, patterns: Mapping[Hashable, str | Sequence[str]] | Sequence[str | tuple[Hashable, str]], *,
                 case: bool | None = None, fold_diacritics: bool = True,
                 exclude: Iterable[str] | Mapping[Hashable, str | Sequence[str]] = (), overlapping: bool = False,
                 scope: Callable[[Hashable], Hashable] | None = None, hyphens: bool = False,
                 lemmatize: Callable[[str], str | None] | None = None) -> None:
        self.case = case
        self.lemmatize = lemmatize
        self.scope = scope
        self.hyphens = hyphens
        self.fold_diacritics = fold_diacritics
        self.overlapping = overlapping
        self._units: dict[tuple[str, str, bool], int] = {}
        self._exact: dict[str, list[int]] = {}        # case-folded key -> unit ids
        self._exact_case: dict[str, list[int]] = {}   # case-kept key -> unit ids
        self._globs: list[tuple[re.Pattern[str], bool, int]] = []
        # globs by their literal start, up to _GLOB_KEY characters ("sanction*" under "sa"): a word is tried
        # only against the globs its own start could match, not against all of them
        self._glob_index: dict[str, list[int]] = {}
        self._patterns: list[_Pattern] = []
        self._by_first: dict[int, list[int]] = {}
        self._regexes: list[tuple[re.Pattern[str], Hashable, int, bool]] = []
        self._cache: dict[str, tuple[int, ...]] = {}
        for pid, text in _pairs(patterns):
            self._add(text, pid, excluded=False)
        if isinstance(exclude, str):
            exclude = [exclude]
        for item in (_pairs(exclude) if isinstance(exclude, Mapping) else exclude):
            pid, text = item if isinstance(item, tuple) else (_EVERYWHERE, item)
            self._add(text, pid, excluded=True)
        self.n_patterns = len(self._patterns) + len(self._regexes)

    def __repr__(self) -> str:
        return (f"TermMatcher({self.n_patterns} patterns, case={self.case}, fold_diacritics={self.fold_diacritics}, "
                f"overlapping={self.overlapping}" + (", hyphens=True)" if self.hyphens else ")"))

    # ------------------------------------------------------------ compiling
    def _key(self, word: str, keep_case: bool) -> str:
        w = fold_token(word) if self.fold_diacritics and not word.isascii() else word
        return w if keep_case else w.replace("İ", "i").lower()

    def _unit(self, word: str, keep_case: bool) -> int:
        glob = "*" in word or "?" in word
        key = self._key(word, keep_case)
        ukey = (key, "glob" if glob else "exact", keep_case)
        if ukey not in self._units:
            uid = len(self._units)
            self._units[ukey] = uid
            if glob:
                body = "".join(r"\w*" if c == "*" else r"\w" if c == "?" else re.escape(c) for c in key)
                literal = re.split(r"[*?]", key, maxsplit=1)[0][:_GLOB_KEY]
                self._glob_index.setdefault(literal, []).append(len(self._globs))
                self._globs.append((re.compile(body + r"\Z"), keep_case, uid))
            else:
                (self._exact_case if keep_case else self._exact).setdefault(key, []).append(uid)
        return self._units[ukey]

    def _add(self, text: str, pid: Hashable, *, excluded: bool) -> None:
        order = len(self._patterns) + len(self._regexes)
        if text.startswith("re:"):
            try:
                rx = re.compile(text[3:], 0 if self.case else re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"pattern {text!r} is not a valid regex ({exc}); check brackets and escapes") from None
            self._regexes.append((rx, pid, order, excluded))
            return
        text = text.replace("’", "'").strip()
        units: list[int] = []
        seps: list[str] = []
        lead = trail = ""
        gap = ""          # literal text since the last unit; " " stands for white space between words
        for word in text.split():
            keep_case = self.case is True or (self.case is None and _is_caps(word))
            pos = [(m.start(), m.end()) for m in _PATTERN_UNIT_RE.finditer(word)]
            if not pos:   # a word of punctuation only ("&", "-"): literal text between the units around it
                gap = f"{gap} {word}" if units else gap
                continue
            for k, (s, e) in enumerate(pos):
                if units:
                    seps.append(f"{gap} {word[:s]}" if k == 0 else word[pos[k - 1][1]:s])
                else:
                    lead = word[:s]
                units.append(self._unit(word[s:e], keep_case))
            gap = trail = word[pos[-1][1]:]
        if not units:
            raise ValueError(f"pattern {text!r} has no letters or digits to match; write a word or phrase")
        if self.hyphens:
            seps = [_SPACE_OR_HYPHEN if sep in (" ", "-") else sep for sep in seps]
        pattern = _Pattern(tuple(units), tuple(seps), lead, trail, pid, order, excluded)
        self._by_first.setdefault(units[0], []).append(len(self._patterns))
        self._patterns.append(pattern)

    # ------------------------------------------------------------ matching
    def _units_of(self, word: str) -> tuple[int, ...]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        forms = [word]
        if self.lemmatize is not None:
            lemma = self.lemmatize(word)
            if lemma and lemma != word:
                forms.append(lemma)
        ids: list[int] = []
        for form in forms:
            low, kept = self._key(form, False), self._key(form, True)
            ids += [*self._exact.get(low, ()), *self._exact_case.get(kept, ())]
            if self._globs:
                ids += [uid for rx, keep_case, uid in map(self._globs.__getitem__, self._glob_candidates(low, kept))
                        if rx.match(kept if keep_case else low)]
        out = tuple(dict.fromkeys(ids)) if len(forms) > 1 else tuple(ids)
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = out
        return out

    def _glob_candidates(self, low: str, kept: str) -> list[int]:
        """Positions in ``_globs`` (ascending) of the globs whose literal start ``low`` or ``kept`` has."""
        index = self._glob_index
        found: set[int] = set(index.get("", ()))
        for k in range(1, _GLOB_KEY + 1):
            for key in {low[:k], kept[:k]}:
                if len(key) == k:
                    found.update(index.get(key, ()))
        return sorted(found)

    def _raw_hits(self, text: str) -> list[tuple[int, int, int, bool, Hashable]]:
        """Every match: (start, end, order, excluded, pattern_id)."""
        hits: list[tuple[int, int, int, bool, Hashable]] = []
        if self._patterns:
            words = _UNIT_RE.findall(text)
            units = [self._units_of(w) for w in words]
            if any(units):
                spans = [m.span() for m in _UNIT_RE.finditer(text)]
                n = len(units)
                for i, here in enumerate(units):
                    for u in here:
                        for qi in self._by_first.get(u, ()):
                            p = self._patterns[qi]
                            L = len(p.units)
                            if i + L > n or not all(p.units[j] in units[i + j] for j in range(1, L)):
                                continue
                            if not all(_sep_ok(text[spans[i + j - 1][1]:spans[i + j][0]], p.seps[j - 1])
                                       for j in range(1, L)):
                                continue
                            s, e = spans[i][0], spans[i + L - 1][1]
                            if p.lead and text[s - len(p.lead):s].replace("’", "'") != p.lead:
                                continue
                            if p.trail and text[e:e + len(p.trail)].replace("’", "'") != p.trail:
                                continue
                            hits.append((s - len(p.lead), e + len(p.trail), p.order, p.exclude, p.pid))
        for rx, pid, order, excluded in self._regexes:
            hits.extend((m.start(), m.end(), order, excluded, pid) for m in rx.finditer(text) if m.end() > m.start())
        return hits

    def find(self, text: str) -> list[tuple[int, int, Any]]:
        """``(start, end, pattern_id)`` of each match in ``text``, in text order.

        >>> TermMatcher({"ru": ["Германия", "Берлин"]}).find("Берлин и германия")
        [(0, 6, 'ru'), (9, 17, 'ru')]
        >>> TermMatcher(["U.S.", "Grade A+"]).find("The U.S. and Grade A+ units; the US")
        [(4, 8, 0), (13, 21, 1)]
        """
        hits = self._raw_hits(text)
        if not hits:
            return []
        if self.scope is None:
            found = self._resolve(hits)
        else:
            scoped: dict[Hashable, list[tuple[int, int, int, bool, Hashable]]] = {}
            everywhere = []
            for h in hits:
                if h[4] is _EVERYWHERE:
                    everywhere.append(h)
                else:
                    scoped.setdefault(self.scope(h[4]), []).append(h)
            found = [r for group in scoped.values() for r in self._resolve(group + everywhere)]
            found.sort(key=lambda r: (r[0], r[1], r[2]))
        return [(s, e, pid) for s, e, _o, pid in found]

    def _resolve(self, hits: list[tuple[int, int, int, bool, Hashable]]) -> list[tuple[int, int, int, Hashable]]:
        """The matches kept from raw hits: ``(start, end, order, pattern_id)`` in text order."""
        if self.overlapping:
            blocks = [(s, e) for s, e, _o, ex, _p in hits if ex]
            kept = [h for h in hits if not h[3] and not any(s < h[1] and h[0] < e for s, e in blocks)]
            kept.sort(key=lambda h: (h[0], h[1], h[2]))
            return [(s, e, o, pid) for s, e, o, _x, pid in kept]
        # leftmost-longest: at one start an exclusion wins, then the longer match, then the earlier pattern
        hits.sort(key=lambda h: (h[0], not h[3], h[0] - h[1], h[2]))
        out, reach = [], -1
        for s, e, o, excluded, pid in hits:
            if s < reach:
                continue
            reach = e
            if not excluded:
                out.append((s, e, o, pid))
        return out

    def find_all(self, articles: Any, *, text_col: str = "text") -> pd.DataFrame:
        """Matches in every article: ``article_id, start, end, pattern_id, match`` (``text[start:end] == match``).

        ``articles`` is the corpus DataFrame or a :class:`mediakit.parsed.ParsedCorpus`.

        >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["Paris and Germany.", "Almanya'da"]})
        >>> TermMatcher({"DE": ["Germany", "Almanya"], "FR": ["Paris"]}).find_all(arts).values.tolist()
        [['a', 0, 5, 'FR', 'Paris'], ['a', 10, 17, 'DE', 'Germany'], ['b', 0, 7, 'DE', 'Almanya']]
        """
        if hasattr(articles, "texts") and hasattr(articles, "article_ids"):
            ids, texts = list(articles.article_ids), list(articles.texts)
        else:
            missing = [c for c in ("article_id", text_col) if c not in getattr(articles, "columns", ())]
            if missing:
                raise KeyError(f"articles have no {', '.join(map(repr, missing))} column; pass the table from "
                               "load_corpus() or a ParsedCorpus")
            ids = articles["article_id"].astype(str).tolist()
            texts = [t if isinstance(t, str) else "" for t in articles[text_col].tolist()]
        rows = [(aid, s, e, pid, text[s:e]) for aid, text in zip(ids, texts) for s, e, pid in self.find(text)]
        out = pd.DataFrame(rows, columns=MATCH_COLUMNS)
        return out.astype({"start": "int64", "end": "int64"})

    def fullmatch(self, text: str) -> list[Any]:
        """Ids of the patterns that match the whole of ``text`` (surrounding white space aside): name look-ups.

        >>> TermMatcher({"kaya": ["Ismail Kaya", "Kaya"]}).fullmatch(" İsmail Kaya ")
        ['kaya']
        """
        s0, e0 = len(text) - len(text.lstrip()), len(text.rstrip())
        hits = self._raw_hits(text)
        return list(dict.fromkeys(pid for s, e, _o, ex, pid in sorted(hits, key=lambda h: h[2])
                                  if s == s0 and e == e0 and not ex))


def _pairs(patterns: Any) -> list[tuple[Hashable, str]]:
    if isinstance(patterns, str):
        raise TypeError("patterns must be a list or a mapping of patterns, not one string; wrap it in [...]")
    if isinstance(patterns, Mapping):
        out = []
        for pid, pats in patterns.items():
            out += [(pid, pats)] if isinstance(pats, str) else [(pid, p) for p in pats]
        return out
    out = []
    for i, p in enumerate(patterns):
        if isinstance(p, str):
            out.append((i, p))
        elif isinstance(p, tuple) and len(p) == 2 and isinstance(p[1], str):
            out.append(p)
        else:
            raise TypeError(f"pattern #{i} is {p!r}; give strings or (pattern_id, pattern) pairs")
    return out


_WS = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"    # white space holding at most one line break
_SEP_CACHE: dict[str, re.Pattern[str]] = {}


def _sep_ok(gap: str, sep: str) -> bool:
    """Does the text between two word units match the pattern's separator? In ``sep`` a space stands for
    white space (not a blank line), anything else is literal: " " between words, ") (" in "A) (B"."""
    if sep == " ":
        return bool(gap) and gap.isspace() and not _BLANK_LINE_RE.search(gap)
    if sep == _SPACE_OR_HYPHEN:
        return gap in _HYPHENS or (bool(gap) and gap.isspace() and not _BLANK_LINE_RE.search(gap))
    if " " not in sep:
        return gap.replace("’", "'") == sep
    rx = _SEP_CACHE.get(sep)
    if rx is None:
        rx = _SEP_CACHE[sep] = re.compile(_WS.join(re.escape(piece) for piece in sep.split(" ")) + r"\Z")
    return rx.match(gap.replace("’", "'")) is not None
