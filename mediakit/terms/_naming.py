"""Competing names for the same thing: naming lexicons, their pattern compiler, mentions and the naming table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ..vectorize import article_texts
from ._patterns import compile_pattern

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


@lru_cache(maxsize=64)
def _concept_regex(patterns: tuple[tuple[str, str], ...], exclude: tuple[str, ...]) -> tuple[re.Pattern[str], list[str]]:
    """One alternation per concept: exclusions first, then patterns longest first (leftmost-longest match)."""
    alts, names = [], []
    for p in exclude:
        alts.append(_pattern_regex(p))
        names.append("")
    for variant, p in sorted(patterns, key=lambda vp: -len(vp[1])):
        alts.append(_pattern_regex(p))
        names.append(variant)
    rx = re.compile("|".join(f"(?P<g{i}>{a})" for i, a in enumerate(alts)))
    return rx, names


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
    rows = []
    for concept in wanted:
        spec = lex["concepts"][concept]
        pats = tuple((v, p) for v, ps in spec["variants"].items() for p in ps)
        rx, names = _concept_regex(pats, tuple(spec.get("exclude") or ()))
        for aid, grp, text, orig in zip(ids, groups, texts, originals):
            for m in rx.finditer(text):
                variant = names[int(m.lastgroup[1:])]
                if not variant or m.end() == m.start():
                    continue
                s, e = m.start(), m.end()
                rows.append((aid, grp, concept, variant, s, e, orig[s:e], orig[max(0, s - context):s],
                             orig[e:e + context]))
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
    rows = []
    m = matches.assign(group=matches[by].astype(str)) if len(matches) else matches.assign(group=pd.Series(dtype=str))
    for concept in wanted:
        spec = lex["concepts"][concept]
        mc = m[m["concept"] == concept]
        for grp in all_groups:
            mg = mc[mc["group"] == grp]
            total = len(mg)
            for variant in spec["variants"]:
                mv = mg[mg["variant"] == variant]
                first = mv.iloc[0] if len(mv) else None
                rows.append({
                    "concept": concept, "label": spec.get("label", concept), "variant": variant, "group": grp,
                    "count": len(mv), "docs": mv["article_id"].nunique(),
                    "share": len(mv) / total if total else np.nan, "concept_count": total,
                    "example_id": first["article_id"] if first is not None else None,
                    "example_start": int(first["start"]) if first is not None else -1,
                    "example_end": int(first["end"]) if first is not None else -1,
                    "example": (f"…{first['left']}[{first['match']}]{first['right']}…" if first is not None else ""),
                })
    out = pd.DataFrame(rows)
    out.attrs.update({"lexicon": lex.get("name", "custom"), "by": by,
                      "discount_reuse": discount_reuse if isinstance(discount_reuse, bool) else "find_reuse table"})
    return out
