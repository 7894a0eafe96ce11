"""Competing names for the same thing: naming lexicons, their pattern compiler, mentions and the naming table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import yaml

from ..vectorize import article_texts
from ._patterns import compile_pattern, is_caps_word, word_regex

__all__ = ["load_lexicon", "naming_matches", "naming_table"]


def load_lexicon(lexicon: str | Path | Mapping[str, Any] = "s400") -> dict[str, Any]:
    """A naming lexicon: a shipped name ("s400"), a YAML file, or a dict of the same shape.

    Shape: ``{"concepts": {concept: {"label": str, "variants": {variant: [pattern, ...]},
    "exclude": [pattern, ...]}}}``; pattern syntax in ``mediakit/resources/naming/s400.yaml``.

    >>> sorted(load_lexicon("s400")["concepts"])[:3]
    ['agency', 'f35_exit', 'nato_status']
    """
    if isinstance(lexicon, Mapping):
        data = dict(lexicon)
        where = "the lexicon dict"
    else:
        path = Path(lexicon)
        if not path.suffix:
            shipped = resources.files("mediakit.resources").joinpath("naming").joinpath(f"{lexicon}.yaml")
            if not shipped.is_file():
                names = sorted(p.name[:-5] for p in resources.files("mediakit.resources").joinpath("naming").iterdir()
                               if p.name.endswith(".yaml"))
                raise ValueError(f"no shipped lexicon {lexicon!r}; available: {', '.join(names)} "
                                 "(or pass the path of your own YAML file)")
            text, where = shipped.read_text(encoding="utf-8"), f"lexicon {lexicon!r}"
        else:
            if not path.is_file():
                raise FileNotFoundError(f"lexicon file {path} not found; check the path")
            text, where = path.read_text(encoding="utf-8"), str(path)
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{where} is not valid YAML ({str(exc).splitlines()[0]}); fix the file") from exc
    concepts = data.get("concepts")
    if not isinstance(concepts, Mapping) or not concepts:
        raise ValueError(f"{where} has no 'concepts' mapping; see mediakit/resources/naming/s400.yaml for the shape")
    for name, c in concepts.items():
        if not isinstance(c, Mapping) or not isinstance(c.get("variants"), Mapping) or not c["variants"]:
            raise ValueError(f"concept {name!r} in {where} needs a 'variants' mapping of name -> [patterns]")
        for v, pats in c["variants"].items():
            if isinstance(pats, str):
                c["variants"][v] = [pats]
            elif not pats:
                raise ValueError(f"variant {v!r} of concept {name!r} in {where} has no patterns")
    return data


def _pattern_regex(pattern: str) -> str:
    """Lexicon pattern -> regex source (phrase with globs, caps words exact, diacritics ignored)."""
    if pattern.startswith("re:"):
        return pattern[3:]
    return compile_pattern(pattern, "glob", case=None, fold_diacritics=True).pattern


class _ConceptRegex(NamedTuple):
    rx: re.Pattern[str]                          # the whole alternation (group g<i> = alternative i)
    names: list[str]                             # variant of alternative i ("" for an exclusion)
    alts: list[str]                              # regex source of alternative i
    heads: list[tuple[str, str | None]] | None   # see _head; None: some alternative has no head


@lru_cache(maxsize=64)
def _concept_regex(patterns: tuple[tuple[str, str], ...], exclude: tuple[str, ...]) -> _ConceptRegex:
    """One alternation per concept: exclusions first, then patterns longest first (leftmost-longest match).

    Python tries the alternatives in order at each position, so the first that matches wins: an exclusion,
    else the longest pattern. The result also keeps each alternative's source and its head (see
    :func:`_head`) so that :class:`_LexiconScanner` can try only the alternatives that can match at a
    position.
    """
    pairs = [("", p) for p in exclude] + sorted(patterns, key=lambda vp: -len(vp[1]))
    alts = [_pattern_regex(p) for _v, p in pairs]
    names = [v for v, _p in pairs]
    heads = [_head(p) for _v, p in pairs]
    rx = re.compile("|".join(f"(?P<g{i}>{a})" for i, a in enumerate(alts)))
    return _ConceptRegex(rx, names, alts, None if None in heads else heads)  # type: ignore[arg-type]


def _head(pattern: str) -> tuple[str, str | None] | None:
    """Regexes for the first and second character any match of a lexicon pattern starts with.

    A phrase/glob pattern compiles to ``(?<!\\w)`` + one regex fragment per character of its first word
    (:func:`compile_pattern`), so a match at p needs ``text[p]`` to match the first fragment and, for a
    first word of two or more characters, ``text[p + 1]`` the second one (None: any character). None for
    patterns without such a head ("re:" patterns, a leading glob).
    """
    if pattern.startswith("re:"):
        return None
    word = pattern.split()[0]
    if word[0] in "*?":
        return None
    insensitive = not is_caps_word(word)

    def frag(ch: str) -> str:
        rx = word_regex(ch, glob=True, fold_diacritics=True)
        return f"(?i:{rx})" if insensitive else rx

    second = frag(word[1]) if len(word) > 1 and word[1] != "*" else None
    return frag(word[0]), second


class _LexiconScanner:
    """Every concept's matches in a text, as ``re.finditer`` of each concept's alternation finds them.

    Instead of running each concept's alternation at every position, it visits only the positions not
    preceded by a word character whose character can start some pattern (one charset regex), and there
    runs, for each concept, an alternation of just the alternatives whose first two characters fit (same
    order, same group names). Alternatives that cannot match at a position are left out, so the first
    matching alternative, and with it each match, is the same; a concept continues after its last match,
    like finditer. Concepts with a pattern that has no head fall back to the concept's whole alternation.
    """

    def __init__(self, regexes: list[_ConceptRegex], alphabet: set[str]) -> None:
        self.regexes = regexes
        self.fast = [i for i, r in enumerate(regexes) if r.heads is not None]
        self._fits: dict[tuple[str, str], bool] = {}
        self._plans: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        self._subsets: dict[tuple[int, tuple[int, ...]], re.Pattern[str]] = {}
        firsts = sorted(ch for ch in alphabet
                        if any(self._fit(h[0], ch) for i in self.fast for h in regexes[i].heads))  # type: ignore[union-attr]
        self.starts = re.compile(r"(?<!\w)[" + "".join(re.escape(ch) for ch in firsts) + "]") if firsts else None

    def _fit(self, fragment: str, ch: str) -> bool:
        key = (fragment, ch)
        hit = self._fits.get(key)
        if hit is None:
            hit = self._fits[key] = re.fullmatch(fragment, ch) is not None
        return hit

    def _plan(self, key: str) -> list[tuple[int, re.Pattern[str]]]:
        """(concept, alternation of the alternatives that can match) for text starting with ``key``."""
        plan = []
        for ci in self.fast:
            r = self.regexes[ci]
            subset = tuple(i for i, (first, second) in enumerate(r.heads)  # type: ignore[arg-type]
                           if self._fit(first, key[0])
                           and (second is None or (len(key) > 1 and self._fit(second, key[1]))))
            if subset:
                rx = self._subsets.get((ci, subset))
                if rx is None:
                    rx = re.compile("|".join(f"(?P<g{i}>{r.alts[i]})" for i in subset))
                    self._subsets[(ci, subset)] = rx
                plan.append((ci, rx))
        self._plans[key] = plan
        return plan

    def scan(self, text: str) -> list[list[re.Match[str]]]:
        """The matches of each concept in ``text``, in order (empty matches included, as finditer gives them)."""
        found: list[list[re.Match[str]]] = [[] for _ in self.regexes]
        for ci, r in enumerate(self.regexes):
            if r.heads is None:
                found[ci] = list(r.rx.finditer(text))
        if self.starts is None or not self.fast:
            return found
        resume = [0] * len(self.regexes)
        plans = self._plans
        for m0 in self.starts.finditer(text):
            p = m0.start()
            key = text[p:p + 2]
            plan = plans.get(key)
            if plan is None:
                plan = self._plan(key)
            for ci, rx in plan:
                if p < resume[ci]:
                    continue
                m = rx.match(text, p)
                if m is not None:                  # never empty: a head consumes at least one character
                    found[ci].append(m)
                    resume[ci] = m.end()
        return found


def naming_matches(
    articles: pd.DataFrame,
    lexicon: str | Path | Mapping[str, Any] = "s400",
    *,
    concepts: Iterable[str] | None = None,
    by: str = "outlet",
    context: int = 60,
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """Every mention of every concept's names: the contexts behind :func:`naming_table`.

    Returns ``article_id, <by>, concept, variant, start, end, match, left, right`` with
    ``text[start:end] == match`` and ``context`` characters either side.

    >>> df = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
    ...                    "text": ["The US imposed CAATSA sanctions; more sanctions followed."]})
    >>> naming_matches(df, concepts=["sanctions"])[["variant", "start", "end", "match"]].values.tolist()
    [['CAATSA sanctions', 15, 31, 'CAATSA sanctions'], ['sanctions', 38, 47, 'sanctions']]
    """
    lex = load_lexicon(lexicon)
    wanted = list(lex["concepts"]) if concepts is None else list(concepts)
    unknown = [c for c in wanted if c not in lex["concepts"]]
    if unknown:
        raise ValueError(f"concept(s) {unknown} not in the lexicon; it has {list(lex['concepts'])}")
    texts = article_texts(articles, discount_reuse=discount_reuse)
    originals = articles["text"].fillna("").astype(str).tolist()
    ids = articles["article_id"].astype(str).tolist()
    groups = articles[by].tolist() if by in articles else [None] * len(articles)
    regexes = []
    for concept in wanted:
        spec = lex["concepts"][concept]
        pats = tuple((v, p) for v, ps in spec["variants"].items() for p in ps)
        regexes.append(_concept_regex(pats, tuple(spec.get("exclude") or ())))
    scanner = _LexiconScanner(regexes, set().union(*map(set, texts)))
    per_concept: list[list[tuple[Any, ...]]] = [[] for _ in wanted]
    for aid, grp, text, orig in zip(ids, groups, texts, originals):
        for ci, found in enumerate(scanner.scan(text)):
            names, rows = regexes[ci].names, per_concept[ci]
            for m in found:
                variant = names[int(m.lastgroup[1:])]  # type: ignore[index]
                s, e = m.start(), m.end()
                if not variant or e == s:
                    continue
                rows.append((aid, grp, wanted[ci], variant, s, e, orig[s:e], orig[max(0, s - context):s],
                             orig[e:e + context]))
    rows = [row for rows_ in per_concept for row in rows_]
    out = pd.DataFrame(rows, columns=["article_id", by, "concept", "variant", "start", "end", "match", "left", "right"])
    return out.astype({"start": "int64", "end": "int64"})


def naming_table(
    articles: pd.DataFrame,
    lexicon: str | Path | Mapping[str, Any] = "s400",
    *,
    by: str = "outlet",
    concepts: Iterable[str] | None = None,
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """For each concept, the competing names and how often each group uses each one.

    Returns one row per concept × variant × group (zeros included): ``concept, label, variant, group,
    count, docs, share, concept_count, example_id, example_start, example_end, example``. ``share`` is the
    variant's part of the group's mentions of the concept (NaN when the group never mentions it);
    ``example_*`` point at the first mention (``text[example_start:example_end]``) and ``example`` shows
    it in context; :func:`naming_matches` lists every mention, :func:`kwic` searches further.

    >>> df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                    "text": ["New restrictions were imposed.", "CAATSA sanctions and more sanctions."]})
    >>> t = naming_table(df, concepts=["sanctions"])
    >>> t[t["count"] > 0][["group", "variant", "count", "share"]].values.tolist()
    [['X', 'restrictions', 1, 1.0], ['Y', 'CAATSA sanctions', 1, 0.5], ['Y', 'sanctions', 1, 0.5]]
    """
    lex = load_lexicon(lexicon)
    matches = naming_matches(articles, lex, concepts=concepts, by=by, discount_reuse=discount_reuse)
    wanted = list(lex["concepts"]) if concepts is None else list(concepts)
    all_groups = sorted({str(g) for g in articles[by].dropna()}) if by in articles else ["None"]
    # one row per concept x group x variant, in lexicon order, groups sorted; counts from one groupby
    index = pd.MultiIndex.from_tuples(
        [(c, g, v) for c in wanted for g in all_groups for v in lex["concepts"][c]["variants"]],
        names=["concept", "group", "variant"])
    m = matches.assign(group=matches[by].astype(str) if len(matches) else pd.Series(dtype=object))
    keys = ["concept", "group", "variant"]
    per = m.groupby(keys, sort=False).agg(count=("start", "size"), docs=("article_id", "nunique"))
    first = m.drop_duplicates(keys).set_index(keys)            # the first mention of each variant
    totals = m.groupby(["concept", "group"], sort=False).size()
    out = index.to_frame(index=False)
    out.insert(1, "label", [lex["concepts"][c].get("label", c) for c in out["concept"]])
    out = out[["concept", "label", "variant", "group"]]
    out["count"] = per["count"].reindex(index, fill_value=0).to_numpy(np.int64)
    out["docs"] = per["docs"].reindex(index, fill_value=0).to_numpy(np.int64)
    total = totals.reindex(pd.MultiIndex.from_arrays([out["concept"], out["group"]]), fill_value=0)
    total = total.to_numpy(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(total > 0, out["count"].to_numpy() / np.maximum(total, 1), np.nan)
    out["concept_count"] = total
    ex = first.reindex(index)
    seen = ex["start"].notna().to_numpy()
    out["example_id"] = np.where(seen, ex["article_id"].to_numpy(dtype=object), None)
    out["example_start"] = np.where(seen, ex["start"].fillna(-1).to_numpy(), -1).astype(np.int64)
    out["example_end"] = np.where(seen, ex["end"].fillna(-1).to_numpy(), -1).astype(np.int64)
    out["example"] = np.where(seen, "…" + ex["left"].fillna("") + "[" + ex["match"].fillna("") + "]"
                              + ex["right"].fillna("") + "…", "")
    out.attrs.update({"lexicon": lex.get("name", "custom"), "by": by,
                      "discount_reuse": discount_reuse if isinstance(discount_reuse, bool) else "find_reuse table"})
    return out
