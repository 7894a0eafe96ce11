"""The analyses on Dask: corpora too large for one pandas table, on one machine or a cluster.

>>> from mediakit import scale                                                   # doctest: +SKIP
>>> with scale.scheduler("local:2"):                                             # doctest: +SKIP
...     ddf = scale.load_corpus_dask("shards/")          # one partition per Parquet shard
...     terms = scale.distinctive_terms(ddf, top=20)      # pandas DataFrame, as mk.distinctive_terms
...     quotes = scale.extract_quotes(ddf).compute()

Entry points live here, not in the pandas functions: ``mediakit.scale.<name>`` takes a Dask DataFrame with
the corpus columns (:func:`load_corpus_dask`) and gives the same result as ``mediakit.<name>`` on the same
articles in the same order (tests/test_scale.py compares them on data/s400). How each one is distributed:

- :func:`score_frames`, :func:`extract_quotes`: per article, so ``map_partitions``; they return Dask
  DataFrames (a sentence or quote table of a million articles does not fit a laptop). extract_quotes runs
  each partition with ``merge_speakers=False`` and then merges speaker names globally, from name counts
  summed over partitions, exactly as :func:`mediakit.sources.extract_quotes` does on one table.
- :func:`coverage_timeline`: per-partition counts summed in a tree, then
  :func:`mediakit.timeline.timeline_table` (the pandas path's last step).
- :func:`distinctive_terms`: per-partition (group, term) counts and document frequencies summed in a tree,
  then :func:`mediakit.terms.scores_from_counts` (the pandas path's statistics).
- :func:`find_reuse`: winnowed shingle fingerprints per partition, shuffled by fingerprint so that each
  fingerprint's articles meet in one partition, pair counts summed, then each candidate pair aligned next
  to the texts it joins (:func:`mediakit.reuse.aligned_passages`, the pandas path's alignment). See
  :mod:`mediakit.scale_reuse`.

Where the work runs: whatever Dask client is current. :func:`scheduler` opens one: ``None``/``"local"``
(a LocalCluster of 2 single-threaded worker processes on 127.0.0.1), ``"local:N"`` (N workers), or
``"tcp://HOST:PORT"`` (an existing cluster). The CLI's ``--scheduler`` option uses it.

Needs the ``scale`` extra (``pip install mediakit[scale]``: dask[dataframe] and distributed).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import corpus as _corpus
from . import framing as _framing
from . import sources as _sources
from . import timeline as _timeline
from .corpus import COLUMNS

try:
    import dask
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - the extra is missing
    raise ImportError("mediakit.scale needs Dask: install the extra with `pip install mediakit[scale]` "
                      "(dask[dataframe] and distributed)") from exc

__all__ = [
    "scheduler", "load_corpus_dask", "score_frames", "extract_quotes", "coverage_timeline", "find_reuse",
    "distinctive_terms", "tree_reduce",
]

_STR_COLUMNS = [c for c in COLUMNS if c != "date"]
_TABLE_EXT = {".parquet", ".csv", ".tsv", ".jsonl", ".json"}


# ---------------------------------------------------------------- where the work runs
@contextlib.contextmanager
def scheduler(spec: str | None = None, *, threads_per_worker: int = 1,
              memory_limit: str | int = "auto") -> Iterator[Any]:
    """Open a Dask client for ``spec`` and make it current; close what was opened on exit.

    ``spec``: None or ``"local"`` (LocalCluster, 2 workers), ``"local:N"`` (N workers) — both on 127.0.0.1,
    one thread each (the analyses are pure Python, so processes beat threads), no dashboard — or
    ``"tcp://HOST:PORT"``, the scheduler of a running cluster (nothing is started or stopped there).

    >>> with scheduler("local:2") as client:                         # doctest: +SKIP
    ...     print(client.scheduler_info()["address"])
    """
    import logging

    # p2p shuffles log a WARNING each time one starts and stops: routine here, so keep them out of the output
    quiet = logging.getLogger("distributed.shuffle._scheduler_plugin")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        with _open(spec, threads_per_worker, memory_limit) as client:
            yield client
    finally:
        quiet.setLevel(level)


@contextlib.contextmanager
def _open(spec: str | None, threads_per_worker: int, memory_limit: str | int) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    spec = (spec or "local").strip()
    if spec.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        client = Client(spec)
        try:
            yield client
        finally:
            client.close()
        return
    if spec == "local":
        n = 2
    elif spec.startswith("local:") and spec[6:].isdigit() and int(spec[6:]) > 0:
        n = int(spec[6:])
    else:
        raise ValueError(f"--scheduler {spec!r} is not understood; use local, local:N (N workers) or "
                         "tcp://HOST:PORT (a running Dask scheduler)")
    cluster = LocalCluster(n_workers=n, threads_per_worker=threads_per_worker, host="127.0.0.1",
                           dashboard_address=":0", memory_limit=memory_limit)  # a free port: never clash
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def tree_reduce(parts: Sequence[Any], combine: Callable[[list[Any]], Any], split_every: int = 8) -> Any:
    """Combine delayed values ``split_every`` at a time, level by level, into one delayed value.

    ``combine(list_of_values)`` must accept its own output among its inputs (sums, merged counts).
    """
    level = list(parts)
    if not level:
        return dask.delayed(combine)([])
    while len(level) > 1:
        level = [dask.delayed(combine)(level[i:i + split_every]) for i in range(0, len(level), split_every)]
    return level[0] if len(parts) > 1 else dask.delayed(combine)(level)


# ---------------------------------------------------------------- loading
def load_corpus_dask(paths: str | Path | Sequence[str | Path], *, files_per_partition: int = 64,
                     extra_columns: Sequence[str] = (), **load_kw: Any) -> dd.DataFrame:
    """The corpus table as a Dask DataFrame: one partition per table file (Parquet shard, CSV, JSONL...)
    and one per run of up to ``files_per_partition`` article files of one folder, in the order
    :func:`mediakit.load_corpus` reads them.

    Each partition is read by :func:`mediakit.load_corpus` (``**load_kw`` passed on), except Parquet shards
    that already have every corpus column, which are read as they are (a fast path for shards written from
    a corpus table, as bench/scale.py writes them). Columns are :data:`mediakit.corpus.COLUMNS` plus
    ``extra_columns`` (filled with "" where a file lacks them).

    Differences from load_corpus: duplicate texts and repeated article ids are only detected within a
    partition, and ``attrs["skipped"]`` is not collected (a bad file still never stops the load).

    >>> ddf = load_corpus_dask("data/s400")                      # doctest: +SKIP
    >>> ddf.npartitions, list(ddf.columns)[:3]                    # doctest: +SKIP
    (7, ['article_id', 'outlet', 'date'])
    """
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    files: list[Path] = []
    for p in items:
        p = Path(p)
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such file or folder; check the path (read relative to the current folder)")
        files.extend(_corpus._walk(p) if p.is_dir() else [p])
    parts: list[list[Path]] = []
    for f in files:
        if f.suffix.lower() in _TABLE_EXT:
            parts.append([f])
        elif parts and len(parts[-1]) < files_per_partition and parts[-1][-1].parent == f.parent \
                and parts[-1][-1].suffix.lower() not in _TABLE_EXT:
            parts[-1].append(f)
        else:
            parts.append([f])
    if not parts:
        raise FileNotFoundError(f"no article files found in {items}; point at a folder of articles or Parquet shards")
    extra = list(extra_columns)
    meta = _conform(pd.DataFrame(columns=COLUMNS + extra), extra)
    return dd.from_map(_load_part, parts, extra=extra, load_kw=load_kw, meta=meta, enforce_metadata=False)


def _load_part(files: list[Path], *, extra: list[str], load_kw: dict[str, Any]) -> pd.DataFrame:
    if len(files) == 1 and files[0].suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        names = set(pq.read_schema(files[0]).names)
        if set(COLUMNS) <= names:
            df = pd.read_parquet(files[0], columns=COLUMNS + [c for c in extra if c in names])
            return _conform(df, extra)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a per-partition summary of skipped files would flood the log
        df = _corpus.load_corpus([str(f) for f in files], progress=False, **load_kw)
    return _conform(df, extra)


def _conform(df: pd.DataFrame, extra: list[str]) -> pd.DataFrame:
    """The corpus columns with fixed dtypes, so that every partition matches the meta."""
    df = df.reindex(columns=COLUMNS + extra)
    for c in _STR_COLUMNS + extra:
        df[c] = df[c].fillna("").astype(str)
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    return df.reset_index(drop=True)


# ---------------------------------------------------------------- per-article analyses
def score_frames(ddf: dd.DataFrame, codebook: Any = "s400", *, discount_reuse: bool | pd.DataFrame = False,
                 **kw: Any) -> dd.DataFrame:
    """:func:`mediakit.score_frames` on each partition; a lazy Dask DataFrame of the sentence table.

    ``discount_reuse=True`` runs :func:`find_reuse` on the whole corpus first (a DataFrame is used as is).

    >>> frames = score_frames(ddf, "s400").compute()              # doctest: +SKIP
    """
    cb = _framing.load_codebook(codebook)
    spans = _reuse_spans(ddf, discount_reuse)
    meta = _framing.score_frames(_sample(ddf), cb, **kw).iloc[:0]
    return ddf.map_partitions(_frames_part, cb, spans, kw, meta=meta, enforce_metadata=False)


def _frames_part(part: pd.DataFrame, cb: Any, spans: pd.DataFrame | bool, kw: dict[str, Any]) -> pd.DataFrame:
    out = _framing.score_frames(part, cb, discount_reuse=spans, **kw)
    out.attrs = {}
    return out


def extract_quotes(ddf: dd.DataFrame, *, merge_speakers: bool = True, gazetteer: Any = None,
                   discount_reuse: bool | pd.DataFrame = False, persist: bool = True) -> dd.DataFrame:
    """:func:`mediakit.extract_quotes` on a Dask corpus; a Dask DataFrame of quotes.

    Each partition is extracted with ``merge_speakers=False``; then, as on one table, names are merged with
    :func:`mediakit.quotes_speakers.merge_names` (fed with the name counts of all partitions, in corpus
    order) and a speaker's type and country are shared between articles (the most frequent value, ties to
    the alphabetically first, from (name, value) counts summed over partitions and over the spellings
    merged into one name).

    ``persist``: keep the extracted quotes in the cluster's memory (spilled to disk by Dask when short), so
    the text is parsed once; False parses it twice (once for the name counts, once when the result is
    computed) and holds nothing, for quote tables larger than the cluster's memory.

    >>> quotes = extract_quotes(ddf).compute()                    # doctest: +SKIP
    """
    from .quotes import load_gazetteer, merge_names

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
    spans = _reuse_spans(ddf, discount_reuse)
    if isinstance(spans, pd.DataFrame):
        q = q.map_partitions(_drop_inside, spans, meta=meta, enforce_metadata=False)
    return q


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


def _reuse_spans(ddf: dd.DataFrame, discount_reuse: bool | pd.DataFrame) -> pd.DataFrame | bool:
    """``article_id, start, end`` of reused text for the ``discount_reuse`` options (False: none)."""
    if discount_reuse is False or discount_reuse is None:
        return False
    from .reuse import reused_spans

    reuse = find_reuse(ddf) if discount_reuse is True else discount_reuse
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


# ---------------------------------------------------------------- reductions
def coverage_timeline(ddf: dd.DataFrame, freq: str = "M", *, by: str | None = "outlet",
                      fill: bool = True, split_every: int = 8) -> pd.DataFrame:
    """:func:`mediakit.coverage_timeline` from per-partition counts summed in a tree; a pandas DataFrame.

    >>> coverage_timeline(ddf, "M").head()                        # doctest: +SKIP
    """
    code = _timeline._freq(freq)
    cols = [c for c in dict.fromkeys(["date", "date_precision", by]) if c is not None and c in ddf.columns]
    parts = [dask.delayed(_timeline_part)(p, freq, by) for p in ddf[cols].to_delayed()]
    counts, imprecise, undated = tree_reduce(parts, _timeline_combine, split_every).compute()
    out = _timeline.timeline_table(counts, code, by=by, fill=fill)
    out.attrs.update({"freq": code, "by": by, "imprecise": imprecise, "undated": undated})
    return out


def _timeline_part(part: pd.DataFrame, freq: str, by: str | None) -> tuple[pd.Series, int, int]:
    t = _timeline.coverage_timeline(part, freq, by=by, fill=False)
    keys = ["period"] + ([by] if by is not None else [])
    return t.set_index(keys)["articles"], int(t.attrs["imprecise"]), int(t.attrs["undated"])


def _timeline_combine(items: list[tuple[pd.Series, int, int]]) -> tuple[pd.Series, int, int]:
    series = [s for s, _, _ in items if len(s)]
    if series:
        names = series[0].index.names
        counts = pd.concat(series).groupby(level=list(range(len(names)))).sum().astype("int64")
        counts.index.names = names
    else:
        counts = items[0][0] if items else pd.Series(dtype="int64")
    return counts, sum(i for _, i, _ in items), sum(u for _, _, u in items)


def find_reuse(ddf: dd.DataFrame, **kw: Any) -> pd.DataFrame:
    """:func:`mediakit.find_reuse` on a Dask corpus (shingle candidates shuffled by fingerprint); a pandas
    DataFrame of passages. See :func:`mediakit.scale_reuse.find_reuse_dask`.

    >>> find_reuse(ddf, min_words=25).head()                      # doctest: +SKIP
    """
    from .scale_reuse import find_reuse_dask

    return find_reuse_dask(ddf, **kw)


def distinctive_terms(ddf: dd.DataFrame, by: str = "outlet", method: str = "log_odds", **kw: Any) -> pd.DataFrame:
    """:func:`mediakit.distinctive_terms` from (group, term) counts summed over partitions; a pandas
    DataFrame. See :func:`mediakit.scale_terms.distinctive_terms_dask` for what is supported.

    >>> distinctive_terms(ddf, top=10)                            # doctest: +SKIP
    """
    from .scale_terms import distinctive_terms_dask

    return distinctive_terms_dask(ddf, by=by, method=method, **kw)


def _positions(ddf: dd.DataFrame) -> np.ndarray:
    """Row offset of each partition in the whole corpus (its first row's number)."""
    lens = ddf.map_partitions(len).compute()
    return np.concatenate([[0], np.cumsum(np.asarray(lens, dtype=np.int64))])
