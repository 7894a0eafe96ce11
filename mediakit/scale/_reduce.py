"""The engine: an analysis' partition work mapped over Dask partitions, partials merged in a tree, finalize.

The hooks are those of :class:`mediakit.analysis.Analysis`; this module knows nothing of any one analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd

from ..analysis import Analysis

__all__ = ["tree_reduce", "run_analysis", "partition_offsets"]


def tree_reduce(parts: Sequence[Any], combine: Callable[[list[Any]], Any], split_every: int = 8) -> Any:
    """Combine delayed values ``split_every`` at a time, level by level, into one delayed value.

    ``combine(list_of_values)`` must accept its own output among its inputs (sums, merged counts): an
    associative merge, as :class:`mediakit.analysis.Analysis` asks for.

    >>> import dask
    >>> tree_reduce([dask.delayed(i) for i in range(20)], sum, split_every=3).compute()
    190
    """
    if split_every < 2:
        raise ValueError(f"split_every={split_every}: merge at least 2 partials at a time")
    level = list(parts)
    if not level:
        return dask.delayed(combine)([])
    while len(level) > 1:
        level = [dask.delayed(combine)(level[i:i + split_every]) for i in range(0, len(level), split_every)]
    return level[0] if len(parts) > 1 else dask.delayed(combine)(level)


def partition_offsets(ddf: dd.DataFrame) -> np.ndarray:
    """Corpus row number of each partition's first row, and the number of rows at the end."""
    lens = ddf.map_partitions(len).compute()
    return np.concatenate([[0], np.cumsum(np.asarray(lens, dtype=np.int64))])


def run_analysis(a: Analysis, ddf: dd.DataFrame, params: dict[str, Any], *, split_every: int = 8) -> Any:
    """prepare (when the analysis has one), partition on every partition, tree merge, (rows,) finalize."""
    context = run_analysis(a.prepare, ddf, params, split_every=split_every) if a.prepare is not None else None
    parts = ddf.to_delayed()
    offsets = partition_offsets(ddf) if a.positional else np.zeros(len(parts) + 1, dtype=np.int64)
    # parameters and context enter the graph once, as keys every task depends on (not copied per task)
    params_once = dask.delayed(params, traverse=False)
    context_once = dask.delayed(context, traverse=False)
    partials = [dask.delayed(_partition_task)(p, a, int(o), context_once, params_once)
                for p, o in zip(parts, offsets[:-1])]
    partial = tree_reduce(partials, a.merge, split_every).compute()
    rows = None
    if a.rows_needed is not None:
        if not a.positional:
            raise TypeError(f"analysis {a.name!r} has rows_needed but is not positional")
        rows = _gather(ddf, offsets, np.asarray(a.rows_needed(partial, **params), dtype=np.int64))
    return a.finalize(partial, rows=rows, context=context, **params)


def _partition_task(part: pd.DataFrame, a: Analysis, offset: int, context: Any, params: dict[str, Any]) -> Any:
    # merge([partial]) in the task that made it: the partial is compacted before it travels
    return a.merge([a.partition(part, offset=offset, context=context, **params)])


def _gather(ddf: dd.DataFrame, offsets: np.ndarray, positions: np.ndarray) -> pd.DataFrame:
    """The rows at corpus row numbers ``positions``, indexed by them, in corpus order."""
    positions = np.unique(positions)
    tasks = []
    for p, lo, hi in zip(ddf.to_delayed(), offsets[:-1], offsets[1:]):
        mine = positions[(positions >= lo) & (positions < hi)]
        if len(mine):
            tasks.append(dask.delayed(_take)(p, int(lo), mine))
    if not tasks:
        return ddf._meta.iloc[:0].set_axis(pd.Index([], dtype="int64"), axis=0)
    return pd.concat(dask.compute(*tasks))


def _take(part: pd.DataFrame, offset: int, positions: np.ndarray) -> pd.DataFrame:
    rows = part.iloc[positions - offset]
    return rows.set_axis(pd.Index(positions, dtype="int64"), axis=0)
