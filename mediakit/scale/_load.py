"""The corpus table as a Dask DataFrame, read in partitions by :func:`mediakit.load_corpus`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import pandas as pd

from .. import corpus as _corpus
from ..corpus import COLUMNS

__all__ = ["load_corpus_dask"]

_STR_COLUMNS = [c for c in COLUMNS if c != "date"]
_TABLE_EXT = {".parquet", ".csv", ".tsv", ".jsonl", ".json"}


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
