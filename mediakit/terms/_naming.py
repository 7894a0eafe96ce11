"""Competing names for the same thing: naming lexicons, their mentions and the naming table.

Lexicon patterns are found with the shared matcher (:class:`mediakit.matching.TermMatcher`): one pass over
each text for all concepts, each concept's names resolved on their own (leftmost-longest, exclusions first).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from .._yaml import load_yaml
from ..corpus import ColumnError, validate_corpus
from ..matching import TermMatcher
from ..packs import pack_file
from ..vectorize import article_texts
from ._reuse import reuse_label, reuse_table

__all__ = ["load_lexicon", "naming_matches", "naming_table", "NO_LEXICON_NOTE"]

NO_LEXICON_NOTE = ("No naming lexicon: a story pack's naming.yaml lists competing names for the story's key things; "
                   "see mediakit story init.")
MATCH_COLUMNS = ["article_id", "concept", "variant", "start", "end", "match", "left", "right"]
TABLE_COLUMNS = ["concept", "label", "variant", "group", "count", "docs", "share", "concept_count", "example_id",
                 "example_start", "example_end", "example"]
FIT_SHARE = 0.1   # a lexicon matching in fewer articles than this share gets a fit note (issue 2/7, item 4)


def load_lexicon(lexicon: str | Path | Mapping[str, Any]) -> dict[str, Any]:
    """A naming lexicon: a story pack's name or folder (its ``naming.yaml``), a YAML file, or a dict.

    A name resolves through :func:`mediakit.packs.pack_file` first (``mediakit/stories/<name>/naming.yaml``),
    or a YAML path. Shape: ``{"concepts": {concept: {"label": str,
    "variants": {variant: [pattern, ...]}, "exclude": [pattern, ...]}}}``; pattern syntax in
    :mod:`mediakit.matching` (``re:`` patterns are case-sensitive here).

    >>> lex = load_lexicon({"name": "demo", "concepts": {"deal": {"variants": {"contract": "contract*"}}}})
    >>> lex["concepts"]["deal"]["variants"]
    {'contract': ['contract*']}
    """
    if isinstance(lexicon, Mapping):
        data = {**lexicon, "concepts": {k: dict(v) if isinstance(v, Mapping) else v
                                        for k, v in (lexicon.get("concepts") or {}).items()}}
        where = "the lexicon dict"
    else:
        text, where = _read_lexicon(lexicon)
        try:
            data = load_yaml(text) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{where} is not valid YAML ({str(exc).splitlines()[0]}); fix the file") from exc
        if not isinstance(data, Mapping):
            raise ValueError(f"{where} is not a mapping with 'concepts'; see load_lexicon's docstring for the shape")
        if "name" not in data and isinstance(lexicon, str) and not Path(lexicon).suffix:
            data = {**data, "name": lexicon}
    concepts = data.get("concepts")
    if not isinstance(concepts, Mapping) or not concepts:
        raise ValueError(f"{where} has no 'concepts' mapping; see load_lexicon's docstring for the shape")
    for name, c in concepts.items():
        if not isinstance(c, Mapping) or not isinstance(c.get("variants"), Mapping) or not c["variants"]:
            raise ValueError(f"concept {name!r} in {where} needs a 'variants' mapping of name -> [patterns]")
        c["variants"] = dict(c["variants"])
        for v, pats in c["variants"].items():
            if isinstance(pats, str):
                c["variants"][v] = [pats]
            elif not pats:
                raise ValueError(f"variant {v!r} of concept {name!r} in {where} has no patterns")
    return dict(data)


def _read_lexicon(lexicon: str | Path) -> tuple[str, str]:
    """(YAML text, where it came from) of a named or file lexicon."""
    packed = pack_file(lexicon, "naming")
    if packed is not None:
        return packed.read_text(encoding="utf-8"), f"lexicon {str(lexicon)!r} ({packed})"
    path = Path(lexicon)
    if path.suffix or path.is_file():
        if not path.is_file():
            raise FileNotFoundError(f"lexicon file {path} not found; check the path")
        return path.read_text(encoding="utf-8"), str(path)
    raise ValueError(f"no lexicon {str(lexicon)!r}: no story pack with a naming.yaml of that name; "
                     "pass a story pack name or folder, or the path of your own YAML file")


@lru_cache(maxsize=32)
def _matcher(patterns: tuple[tuple[tuple[int, str], str], ...],
             exclude: tuple[tuple[tuple[int, None], str], ...]) -> TermMatcher:
    """One :class:`~mediakit.matching.TermMatcher` for all concepts, each concept resolved on its own."""
    return TermMatcher(list(patterns), exclude=list(exclude), scope=_concept_of)


def _concept_of(pid: tuple[int, Any]) -> int:
    return pid[0]


def _lexicon_patterns(lex: Mapping[str, Any], wanted: list[str]) -> tuple[tuple, tuple]:
    """``((concept index, variant), pattern)`` pairs, each concept's patterns longest first (so that, of two
    matches of the same length at one position, the longer pattern wins, as the lexicon format documents),
    and ``((concept index, None), exclusion)`` pairs. A ``re:`` pattern stays case-sensitive."""
    pats, excl = [], []
    for ci, concept in enumerate(wanted):
        spec = lex["concepts"][concept]
        pairs = sorted(((v, p) for v, ps in spec["variants"].items() for p in ps), key=lambda vp: -len(vp[1]))
        pats += [((ci, v), _as_matcher_pattern(p)) for v, p in pairs]
        excl += [((ci, None), _as_matcher_pattern(p)) for p in spec.get("exclude") or ()]
    return tuple(pats), tuple(excl)


def _as_matcher_pattern(pattern: str) -> str:
    return f"re:(?-i:{pattern[3:]})" if pattern.startswith("re:") else pattern


def naming_matches(
    articles: pd.DataFrame,
    lexicon: str | Path | Mapping[str, Any] | None = None,
    *,
    concepts: Iterable[str] | None = None,
    by: str | None = "outlet",
    context: int = 60,
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """Every mention of every concept's names: the contexts behind :func:`naming_table`.

    Returns ``article_id, <by>, concept, variant, start, end, match, left, right`` with
    ``text[start:end] == match`` (``Int64`` offsets) and ``context`` characters either side. ``lexicon``:
    see :func:`load_lexicon`; None (the default) means no lexicon: no rows, and ``attrs["note"]`` says what a
    story pack adds. ``discount_reuse``: a find_reuse result or spans table (True computes it and warns).

    >>> lex = {"concepts": {"measures": {"variants": {"sanctions": ["sanctions"], "tariffs": ["tariff*"]}}}}
    >>> df = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["New tariffs and sanctions."]})
    >>> naming_matches(df, lex)[["variant", "start", "end", "match"]].values.tolist()
    [['tariffs', 4, 11, 'tariffs'], ['sanctions', 16, 25, 'sanctions']]
    """
    out, _found = _matches(articles, lexicon, concepts=concepts, by=by, context=context,
                           discount_reuse=discount_reuse, where="naming_matches")
    return out


def _matches(articles: pd.DataFrame, lexicon: Any, *, concepts: Iterable[str] | None, by: str | None, context: int,
             discount_reuse: Any, where: str, fit: bool = True) -> tuple[pd.DataFrame, dict[str, Any] | None]:
    """naming_matches (with its attrs and, with ``fit``, the fit check) and the loaded lexicon (None: none)."""
    _check(articles, by, discount_reuse, where)
    columns = _match_columns(by)
    lex = load_lexicon(lexicon) if lexicon is not None else None
    wanted = _wanted(lex, concepts)
    attrs = {"analysis": "naming_matches", "lexicon": _lexicon_name(lexicon, lex), "by": by,
             "concepts": None if concepts is None else list(wanted), "context": context,
             "discount_reuse": reuse_label(discount_reuse)}
    if lex is None:
        out = _typed(pd.DataFrame(columns=columns))
        out.attrs.update(attrs, note=NO_LEXICON_NOTE)
        return out, None
    reuse = reuse_table(articles, discount_reuse, where)
    texts = article_texts(articles, discount_reuse=reuse)
    originals = articles["text"].fillna("").astype(str).tolist()
    ids = articles["article_id"].astype(str).tolist()
    groups = articles[by].tolist() if by is not None else [None] * len(articles)
    matcher = _matcher(*_lexicon_patterns(lex, wanted))
    per_concept: list[list[tuple[Any, ...]]] = [[] for _ in wanted]
    for aid, grp, text, orig in zip(ids, groups, texts, originals):
        for s, e, (ci, variant) in matcher.find(text):
            per_concept[ci].append((aid, grp, wanted[ci], variant, s, e, orig[s:e], orig[max(0, s - context):s],
                                    orig[e:e + context]))
    rows = [row for rows_ in per_concept for row in rows_]
    out = pd.DataFrame(rows, columns=["article_id", by if by is not None else "_by", *MATCH_COLUMNS[1:]])
    out = _typed(out[columns])
    out.attrs.update(attrs)
    n = len(articles)
    hit = out["article_id"].nunique()
    if fit and n and hit < FIT_SHARE * n:
        note = (f"naming lexicon {attrs['lexicon']!r} matches in {hit} of {n} articles ({hit / n:.0%}), under one "
                "in ten: it may not fit this corpus (check the story pack, or pass lexicon=None)")
        warnings.warn(note, UserWarning, stacklevel=3)
        out.attrs["fit_note"] = note
    return out, lex


def _check(articles: pd.DataFrame, by: str | None, discount_reuse: Any, where: str) -> None:
    need = ["article_id", "text"]
    validate_corpus(articles, need, where=where)
    if by is not None and by not in articles.columns:
        raise ColumnError(f"{where}: column {by!r} missing (by={by!r}); pass by= naming a column of the corpus "
                          f"({', '.join(map(str, articles.columns))}) or by=None")


def _match_columns(by: str | None) -> list[str]:
    return ["article_id"] + ([by] if by is not None else []) + MATCH_COLUMNS[1:]


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({c: "Int64" for c in df.columns if c in ("start", "end", "example_start", "example_end")})


def _wanted(lex: Mapping[str, Any] | None, concepts: Iterable[str] | None) -> list[str]:
    if lex is None:
        return list(concepts) if concepts is not None else []
    wanted = list(lex["concepts"]) if concepts is None else list(concepts)
    unknown = [c for c in wanted if c not in lex["concepts"]]
    if unknown:
        raise ValueError(f"concept(s) {unknown} not in the lexicon; it has {list(lex['concepts'])}")
    return wanted


def _lexicon_name(lexicon: Any, lex: Mapping[str, Any] | None) -> str | None:
    if lex is None:
        return None
    if lex.get("name"):
        return str(lex["name"])
    return str(lexicon) if isinstance(lexicon, str | Path) else "custom"


def naming_table(
    articles: pd.DataFrame,
    lexicon: str | Path | Mapping[str, Any] | None = None,
    *,
    by: str = "outlet",
    concepts: Iterable[str] | None = None,
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """For each concept, the competing names and how often each group uses each one.

    Returns one row per concept × variant × group (zeros included): ``concept, label, variant, group,
    count, docs, share, concept_count, example_id, example_start, example_end, example``. ``share`` is the
    variant's part of the group's mentions of the concept (NaN when the group never mentions it);
    ``example_*`` point at the first mention (``text[example_start:example_end]``, ``Int64``, <NA> when
    none) and ``example`` shows it in context; :func:`naming_matches` lists every mention.

    ``lexicon``: see :func:`load_lexicon`; None (the default) gives an empty table whose ``attrs["note"]``
    says what a story pack adds. A lexicon matching in under one article in ten warns once and says so in
    ``attrs["fit_note"]``. ``attrs``: ``analysis``, ``by``, ``lexicon``, ``concepts``, ``discount_reuse``.

    >>> lex = {"name": "demo", "concepts": {"measures": {"variants": {"sanctions": ["sanctions"],
    ...                                                              "restrictions": ["restrictions"]}}}}
    >>> df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                    "text": ["New restrictions were imposed.", "Sanctions and more sanctions."]})
    >>> t = naming_table(df, lex)
    >>> t[t["count"] > 0][["group", "variant", "count", "share"]].values.tolist()
    [['X', 'restrictions', 1, 1.0], ['Y', 'sanctions', 2, 1.0]]
    >>> naming_table(df).attrs["note"].split(":")[0]
    'No naming lexicon'
    """
    if by is None:
        raise ColumnError("naming_table: by=None; pass by= naming a corpus column (default 'outlet')")
    matches, lex = _matches(articles, lexicon, concepts=concepts, by=by, context=60,
                            discount_reuse=discount_reuse, where="naming_table")
    attrs = {"analysis": "naming_table", "by": by, "lexicon": matches.attrs["lexicon"],
             "concepts": matches.attrs["concepts"], "discount_reuse": matches.attrs["discount_reuse"]}
    attrs.update({k: matches.attrs[k] for k in ("note", "fit_note") if k in matches.attrs})
    if lex is None:
        out = _empty_table()
        out.attrs.update(attrs)
        return out
    wanted = _wanted(lex, concepts)
    all_groups = sorted({str(g) for g in articles[by].dropna()})
    # one row per concept x group x variant, in lexicon order, groups sorted; counts from one groupby
    index = pd.MultiIndex.from_tuples(
        [(c, g, v) for c in wanted for g in all_groups for v in lex["concepts"][c]["variants"]],
        names=["concept", "group", "variant"])
    if not len(index):
        out = _empty_table()
        out.attrs.update(attrs)
        return out
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
    out["example_start"] = pd.array(ex["start"].to_numpy(), dtype="Int64")
    out["example_end"] = pd.array(ex["end"].to_numpy(), dtype="Int64")
    out["example"] = np.where(seen, "…" + ex["left"].fillna("") + "[" + ex["match"].fillna("") + "]"
                              + ex["right"].fillna("") + "…", "")
    out.attrs.update(attrs)
    return out


def _empty_table() -> pd.DataFrame:
    dtypes = {"count": "int64", "docs": "int64", "share": float, "concept_count": "int64",
              "example_start": "Int64", "example_end": "Int64"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in TABLE_COLUMNS})
