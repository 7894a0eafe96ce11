"""TEMPORARY adapter: extract_quotes on Dask through its existing code.

These analyses are being moved into packages (mediakit/terms/, framing/, quotes/) while this engine
is built; until they define their own partition/merge/finalize hooks (mediakit.analysis) the engine runs
them here, with the same parameters as the pandas functions and the same pandas results. Each function
takes the Dask corpus and the pandas function's parameters (``params``, defaults filled in) plus engine
options. Delete an adapter when its analysis registers its hooks.
"""

from __future__ import annotations

from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd

from .. import sources as _sources
from ..analysis import get
from ..reuse import reused_spans
from ._reduce import run_analysis

__all__ = ["ADAPTERS"]


def _find_reuse(ddf: dd.DataFrame, split_every: int) -> pd.DataFrame:
    a = get("find_reuse")
    return run_analysis(a, ddf, a.validate(list(ddf.columns), engine="dask", **_REUSE_DEFAULTS),
                        split_every=split_every)


_REUSE_DEFAULTS = {"min_words": 25, "min_similarity": 0.9, "shingle": 5, "window": 4, "max_gap": 8,
                   "min_shared": 3, "max_df": 100, "same_outlet": True, "candidates": "shingles",
                   "lsh_threshold": 0.3, "with_text": False}


# ---------------------------------------------------------------- extract_quotes: per article + a global merge
def extract_quotes(ddf: dd.DataFrame, params: dict[str, Any], *, split_every: int = 8, persist: bool | None = None,
                   lazy: bool = False) -> pd.DataFrame | dd.DataFrame:
    """:func:`mediakit.extract_quotes` on a Dask corpus; the quote table (a lazy Dask one with ``lazy``).

    Each partition is extracted with ``merge_speakers=False``; then, as on one table, names are merged with
    :func:`mediakit.quotes.merge_names` (fed with the name counts of all partitions, in corpus
    order) and a speaker's type and country are shared between articles (the most frequent value, ties to
    the alphabetically first, from (name, value) counts summed over partitions and over the spellings
    merged into one name).

    ``persist``: keep the extracted quotes in the cluster's memory (spilled to disk by Dask when short), so
    the text is parsed once; False parses it twice (once for the name counts, once when the result is
    computed) and holds nothing, for quote tables larger than the cluster's memory.

    >>> quotes = extract_quotes(ddf, {})                          # doctest: +SKIP
    """
    from ..quotes import load_gazetteer, merge_names

    persist = True if persist is None else persist
    merge_speakers = params.get("merge_speakers", True)
    gazetteer = params.get("gazetteer")
    discount_reuse = params.get("discount_reuse", False)

    gz = gazetteer if gazetteer is not None else load_gazetteer()
    meta = _sources.extract_quotes(_sample(ddf), merge_speakers=False, gazetteer=gz).iloc[:0]
    # Large lookup tables go into the graph once, as one key every task depends on, instead of being
    # copied into each partition's task (the 1M-article run built a 43 MB graph that way).
    gz_once = dask.delayed(gz, traverse=False)
    q = ddf.map_partitions(_sources.extract_quotes, merge_speakers=False, gazetteer=gz_once, meta=meta,
                           enforce_metadata=False)
    if merge_speakers:
        if persist:
            q = q.persist()
        names, type_counts, country_counts = dask.compute(
            q.map_partitions(_name_counts, meta=_NAME_META),
            q.map_partitions(_role_counts, "speaker_type", meta=_ROLE_META).groupby(["name", "value"])["n"].sum(),
            q.map_partitions(_role_counts, "speaker_country", meta=_ROLE_META).groupby(["name", "value"])["n"].sum())
        names = names.groupby("name", sort=False)["n"].sum()      # first-occurrence order, as one table gives
        mapping = merge_names([nm for nm, k in names.items() for _ in range(int(k))])
        types = _mode_of(_renamed(type_counts, mapping))
        countries = _mode_of(_renamed(country_counts, mapping))
        tables = [dask.delayed(t, traverse=False) for t in (mapping, types, countries)]
        q = q.map_partitions(_merge_speakers, *tables, meta=meta, enforce_metadata=False)
    spans = _reuse_spans(ddf, discount_reuse, split_every)
    if isinstance(spans, pd.DataFrame):
        q = q.map_partitions(_drop_inside, spans, meta=meta, enforce_metadata=False)
    if lazy:
        return q
    out = q.compute().reset_index(drop=True)
    out.attrs = {}
    return out


_NAME_META = pd.DataFrame({"name": pd.Series(dtype=str), "n": pd.Series(dtype="int64")})


def _renamed(counts: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """(name, value) counts with each name replaced by its merged spelling, summed."""
    if not len(counts):
        return counts
    df = counts.rename("n").reset_index()
    df["name"] = df["name"].map(lambda c: mapping.get(c, c))
    return df.groupby(["name", "value"])["n"].sum()


def _merge_speakers(q: pd.DataFrame, mapping: dict[str, str], types: pd.Series, countries: pd.Series) -> pd.DataFrame:
    return _apply_roles(_rename_speakers(q, mapping), types, countries)


def _name_counts(q: pd.DataFrame) -> pd.DataFrame:
    c = q["speaker_canonical"]
    c = c[c.map(lambda v: isinstance(v, str) and v != "")]
    vc = c.value_counts(sort=False)
    order = pd.unique(c)
    return pd.DataFrame({"name": pd.Series(order, dtype=str), "n": vc.reindex(order).to_numpy(dtype="int64")})


_ROLE_META = pd.DataFrame({"name": pd.Series(dtype=str), "value": pd.Series(dtype=str),
                           "n": pd.Series(dtype="int64")})


def _role_counts(q: pd.DataFrame, col: str) -> pd.DataFrame:
    """(name, value) counts of the rows _share_roles learns from: a known type (and a country)."""
    known = q[(q["speaker_type"] != "unknown") & q["speaker_canonical"].notna()]
    if col == "speaker_country":
        known = known[known["speaker_country"].astype(bool)]
    g = known.groupby(["speaker_canonical", col]).size()
    return pd.DataFrame({"name": g.index.get_level_values(0).astype(str),
                         "value": g.index.get_level_values(1).astype(str), "n": g.to_numpy(dtype="int64")})


def _rename_speakers(q: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    q = q.copy()
    q["speaker_canonical"] = q["speaker_canonical"].map(lambda c: mapping.get(c, c) if isinstance(c, str) else c)
    return q


def _mode_of(counts: pd.Series) -> pd.Series:
    """Per first index level, the second-level value with the highest count (ties: the smallest value),
    which is what ``Series.mode().iat[0]`` gives on the rows themselves."""
    if not len(counts):
        return pd.Series(dtype=object)
    df = counts.rename("n").reset_index()
    key, val = df.columns[0], df.columns[1]
    df = df.sort_values([key, "n", val], ascending=[True, False, True], kind="stable")
    return df.drop_duplicates(key).set_index(key)[val]


def _apply_roles(q: pd.DataFrame, types: pd.Series, countries: pd.Series) -> pd.DataFrame:
    # the second half of mediakit.sources._share_roles, with the global per-name modes
    q = q.copy()
    if len(types):
        unknown = (q["speaker_type"] == "unknown") & q["speaker_canonical"].isin(types.index)
        q.loc[unknown, "speaker_type"] = q.loc[unknown, "speaker_canonical"].map(types)
    if len(countries):
        no_country = ~q["speaker_country"].astype(bool) & q["speaker_canonical"].isin(countries.index)
        q.loc[no_country, "speaker_country"] = q.loc[no_country, "speaker_canonical"].map(countries)
    return q


def _drop_inside(q: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    return q[~_sources._inside_spans(q, spans)].reset_index(drop=True) if len(q) else q


def _reuse_spans(ddf: dd.DataFrame, discount_reuse: bool | pd.DataFrame, split_every: int) -> pd.DataFrame | bool:
    """``article_id, start, end`` of reused text for the ``discount_reuse`` options (False: none)."""
    if discount_reuse is False or discount_reuse is None:
        return False
    reuse = _find_reuse(ddf, split_every) if discount_reuse is True else discount_reuse
    if {"article_id", "start", "end"} <= set(reuse.columns):
        return reuse[["article_id", "start", "end"]]
    return reused_spans(None, reuse)


def _sample(ddf: dd.DataFrame) -> pd.DataFrame:
    """A one-article stand-in with the corpus columns, for working out the output schema."""
    meta = ddf._meta
    row = {c: "" for c in meta.columns}
    row.update({"article_id": "x", "outlet": "X", "title": "A title", "language": "en",
                "text": 'He said "this is a sample." Officials met.\n\nMore text here.',
                "date": pd.Timestamp("2020-01-01")})
    return pd.DataFrame([row], columns=meta.columns).astype(meta.dtypes.to_dict())


ADAPTERS = {"extract_quotes": extract_quotes}
