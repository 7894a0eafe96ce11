"""Tables from a find_reuse result: reused spans per article, each article's original share, reuse edges."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..corpus import ColumnError, validate_corpus
from ..spans import merge_spans
from ..text import TOKEN_PATTERN
from ._find import find_reuse
from ._kinds import agency_credit

__all__ = ["reused_spans", "original_share", "reuse_edges"]

_TOKEN_RE = re.compile(TOKEN_PATTERN)


def reused_spans(articles: pd.DataFrame, reuse: pd.DataFrame | None = None, *,
                 include_same_outlet: bool = True, **kw: Any) -> pd.DataFrame:
    """Spans of each article's ``text`` that repeat an earlier article (the target side of reuse).

    The interface that ``discount_reuse`` options consume: ignore tokens, sentences or quotes lying inside
    these spans and one wire story is counted once (in its earliest article).

    Parameters
    ----------
    articles : the corpus (used to compute ``reuse`` when it is None).
    reuse : a :func:`find_reuse` result; None computes it with ``**kw``.
    include_same_outlet : also count an outlet repeating its own earlier text.

    Returns
    -------
    DataFrame ``article_id, start, end`` (``Int64`` offsets; overlapping passages merged), sorted.

    >>> reuse = pd.DataFrame({"source_id": ["a", "a"], "target_id": ["b", "b"], "target_start": [0, 50],
    ...                       "target_end": [60, 90], "same_outlet": [False, False]})
    >>> reused_spans(None, reuse).values.tolist()
    [['b', 0, 90]]
    """
    if reuse is None:
        reuse = find_reuse(articles, **kw)
    _check_reuse(reuse, ["target_id", "target_start", "target_end"], "reused_spans")
    r = reuse
    if not include_same_outlet and "same_outlet" in r:
        r = r[~r["same_outlet"].astype(bool)]
    out = merge_spans(r).astype({"article_id": "str", "start": "Int64", "end": "Int64"})
    out.attrs = {"analysis": "reused_spans", "include_same_outlet": include_same_outlet}
    return out


def _check_reuse(reuse: Any, required: list[str], where: str) -> None:
    if not isinstance(reuse, pd.DataFrame):
        raise ColumnError(f"{where}: expected a find_reuse() result (a DataFrame), not {type(reuse).__name__}")
    missing = [c for c in required if c not in reuse.columns]
    if missing:
        raise ColumnError(f"{where}: reuse table lacks {missing}; pass the result of find_reuse()")


def original_share(articles: pd.DataFrame, reuse: pd.DataFrame | None = None, *, by: str = "article",
                   include_same_outlet: bool = False, agency: bool = True, **kw: Any) -> pd.DataFrame:
    """The share of each article's (or group's) words that is the outlet's own: not taken from an earlier
    article of another outlet, and not agency copy.

    Parameters
    ----------
    articles : the corpus (``article_id``, ``text``; ``outlet``, ``wire`` and ``credits`` when present).
    reuse : a :func:`find_reuse` result; None computes it with ``**kw``. Passages of kind ``shared_quote``
        (two outlets quoting one statement) are not reuse here.
    by : ``"article"`` (one row per article) or a corpus column (``"outlet"``): words summed per group.
    include_same_outlet : count an outlet repeating its own earlier copy as reuse too (default: no, only
        text taken from another outlet makes an article less original).
    agency : count an article credited to a news agency (``wire``, or a ``credits`` line naming an agency)
        as agency copy: none of its words are original (False: only detected reuse counts).

    Returns
    -------
    by article: ``article_id, outlet, words, reused_words, agency_copy, agency, agency_words,
    original_share, sources`` (source articles); by group: ``group, articles, words, reused_words,
    agency_words, original_share, reprints`` (articles at least half reused) and ``agency_copy`` (articles
    credited to an agency), ``attrs["by"]`` naming the column. ``attrs["note"]`` says how many articles
    counted as agency copy.

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Y"], "wire": ["", "", "AFP"],
    ...                      "text": ["one two", "one two three four", "five six"]})
    >>> reuse = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "target_start": [0], "target_end": [7],
    ...                       "same_outlet": [False]})
    >>> original_share(arts, reuse)[["original_share", "agency_copy"]].values.tolist()
    [[1.0, False], [0.5, False], [0.0, True]]
    >>> original_share(arts, reuse, by="outlet").round(2)[["group", "original_share", "agency_copy"]].values.tolist()
    [['X', 1.0, 0], ['Y', 0.33, 1]]
    """
    required = ["article_id", "text"] + ([by] if by != "article" else [])
    validate_corpus(articles, required, where="original_share")
    if reuse is None:
        reuse = find_reuse(articles, **kw)
    r = reuse
    if "kind" in r:
        r = r[r["kind"] != "shared_quote"]
    if not include_same_outlet and "same_outlet" in r:
        r = r[~r["same_outlet"].astype(bool)]
    spans = reused_spans(articles, r, include_same_outlet=True)
    sources = r.groupby("target_id")["source_id"].nunique() if len(r) else pd.Series(dtype="int64")
    by_article = {aid: list(zip(g["start"], g["end"])) for aid, g in spans.groupby("article_id")}
    credit = agency_credit(articles) if agency else pd.Series("", index=articles.index, dtype=object)
    rows = []
    outlets = articles["outlet"] if "outlet" in articles else pd.Series([""] * len(articles), index=articles.index)
    for aid, outlet, text, cred in zip(articles["article_id"], outlets, articles["text"].fillna(""), credit):
        starts = np.array([m.start() for m in _TOKEN_RE.finditer(text)], dtype=np.int64)
        reused = 0
        for s, e in by_article.get(str(aid), []):
            reused += int(np.searchsorted(starts, e, "left") - np.searchsorted(starts, s, "left"))
        words = len(starts)
        agency_words = words - reused if cred else 0
        rows.append({"article_id": aid, "outlet": outlet, "words": words, "reused_words": reused,
                     "agency_copy": bool(cred), "agency": cred, "agency_words": agency_words,
                     "original_share": 1.0 - (reused + agency_words) / words if words else np.nan,
                     "sources": int(sources.get(aid, 0))})
    table = pd.DataFrame(rows, columns=_ARTICLE_SHARE_COLUMNS).astype(
        {"words": "int64", "reused_words": "int64", "agency_copy": "bool", "agency_words": "int64",
         "original_share": "float64", "sources": "int64"})
    n_agency = int(table["agency_copy"].sum())
    attrs = {"analysis": "original_share", "include_same_outlet": include_same_outlet, "agency": agency}
    if n_agency:
        attrs["note"] = (f"{n_agency} of {len(table)} articles are credited to a news agency (wire or credits) "
                         "and count as agency copy, not as the outlet's own text.")
    if by == "article":
        table.attrs = attrs
        return table
    table["group"] = articles[by].astype(str).to_numpy() if len(articles) else []
    table["reprint"] = table["reused_words"] >= 0.5 * table["words"]
    g = table.groupby("group", sort=True).agg(
        articles=("article_id", "size"), words=("words", "sum"), reused_words=("reused_words", "sum"),
        agency_words=("agency_words", "sum"), reprints=("reprint", "sum"), agency_copy=("agency_copy", "sum"))
    g["original_share"] = 1.0 - (g["reused_words"] + g["agency_words"]) / g["words"].where(g["words"] > 0)
    out = g.reset_index()[_GROUP_SHARE_COLUMNS].astype(
        {"group": object, "articles": "int64", "words": "int64", "reused_words": "int64", "agency_words": "int64",
         "original_share": "float64", "reprints": "int64", "agency_copy": "int64"})
    out.attrs = {**attrs, "by": by}
    return out


_ARTICLE_SHARE_COLUMNS = ["article_id", "outlet", "words", "reused_words", "agency_copy", "agency", "agency_words",
                          "original_share", "sources"]
_GROUP_SHARE_COLUMNS = ["group", "articles", "words", "reused_words", "agency_words", "original_share", "reprints",
                        "agency_copy"]


def reuse_edges(reuse: pd.DataFrame, *, level: str = "outlet", include_same_outlet: bool = False,
                with_dates: bool = False) -> pd.DataFrame:
    """Who takes text from whom: one row per (source, target) with passages, words and article pairs.

    ``level="outlet"`` sums over outlets (``source_outlet, target_outlet``), ``"article"`` keeps article pairs
    (``source_id, target_id``). This is the table behind :func:`mediakit.plotting.plot_reuse_graph`.

    ``with_dates=True`` adds when the reuse happened. By article: both articles' ``source_outlet,
    target_outlet, source_date, target_date`` and ``lag_days`` (days from the source's date to the
    reprint's). By outlet: ``first_date, last_date`` (the earliest and latest reprint) and
    ``median_lag_days`` (over article pairs). Undated articles give NaT / NaN.

    >>> r = pd.DataFrame({"source_id": ["a", "a", "c"], "target_id": ["b", "b", "d"], "source_outlet": ["X", "X", "X"],
    ...                   "target_outlet": ["Y", "Y", "Y"], "words": [30, 40, 50], "same_outlet": [False] * 3,
    ...                   "source_date": pd.to_datetime(["2020-01-01", "2020-01-01", "2020-02-01"]),
    ...                   "target_date": pd.to_datetime(["2020-01-02", "2020-01-02", "2020-02-04"])})
    >>> reuse_edges(r).values.tolist()
    [['X', 'Y', 3, 120, 2]]
    >>> reuse_edges(r, with_dates=True)[["first_date", "last_date", "median_lag_days"]].values.tolist()
    [[Timestamp('2020-01-02 00:00:00'), Timestamp('2020-02-04 00:00:00'), 2.0]]
    >>> reuse_edges(r, level="article", with_dates=True)[["source_id", "target_id", "passages", "lag_days"]]
      source_id target_id  passages  lag_days
    0         a         b         2       1.0
    1         c         d         1       3.0
    """
    if level not in ("outlet", "article"):
        raise ValueError(f"level={level!r} is not known; use 'outlet' or 'article'")
    keys = ["source_outlet", "target_outlet"] if level == "outlet" else ["source_id", "target_id"]
    dated = (["source_outlet", "target_outlet", "source_date", "target_date", "lag_days"] if level == "article"
             else ["first_date", "last_date", "median_lag_days"])
    cols = keys + ["passages", "words", "article_pairs"] + (dated if with_dates else [])
    r = reuse
    if not include_same_outlet and "same_outlet" in r:
        r = r[~r["same_outlet"].astype(bool)]
    needed = keys + ["source_id", "target_id", "words"] + (
        ["source_outlet", "target_outlet", "source_date", "target_date"] if with_dates else [])
    _check_reuse(r, list(dict.fromkeys(needed)), "reuse_edges")
    attrs = {"analysis": "reuse_edges", "level": level, "include_same_outlet": include_same_outlet,
             "with_dates": with_dates}
    if not len(r):
        out = pd.DataFrame(columns=cols)
        out.attrs = attrs
        return out
    r = r.assign(_pair=r["source_id"].astype(str) + "\x1f" + r["target_id"].astype(str))
    out = r.groupby(keys, sort=True).agg(passages=("_pair", "size"), words=("words", "sum"),
                                         article_pairs=("_pair", "nunique")).reset_index()
    if with_dates:
        out = out.merge(_dated_pairs(r, level), on=keys, how="left", validate="one_to_one")
    out = out.sort_values(["passages", *keys], ascending=[False, True, True], kind="stable").reset_index(drop=True)[cols]
    out.attrs = attrs
    return out


def _dated_pairs(r: pd.DataFrame, level: str) -> pd.DataFrame:
    """Outlets, dates and lag of each article pair in ``r``; by outlet, the reprints' date range and median lag."""
    pairs = r.drop_duplicates(["source_id", "target_id"])[
        ["source_id", "target_id", "source_outlet", "target_outlet", "source_date", "target_date"]].copy()
    for col in ("source_date", "target_date"):
        pairs[col] = pd.to_datetime(pairs[col], errors="coerce")
    pairs["lag_days"] = (pairs["target_date"] - pairs["source_date"]).dt.total_seconds() / 86400.0
    if level == "article":
        return pairs
    return (pairs.groupby(["source_outlet", "target_outlet"], sort=True)
            .agg(first_date=("target_date", "min"), last_date=("target_date", "max"),
                 median_lag_days=("lag_days", "median"))
            .reset_index())
