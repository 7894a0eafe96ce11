"""The Dask engine: the analyses on corpora too large for one pandas table, on one machine or a cluster.

>>> import mediakit as mk                                                         # doctest: +SKIP
>>> from mediakit import scale                                                    # doctest: +SKIP
>>> with scale.scheduler("local:2"):                                              # doctest: +SKIP
...     ddf = scale.load_corpus_dask("shards/")          # one partition per Parquet shard
...     terms = mk.distinctive_terms(ddf, top=20)         # a pandas DataFrame, as on a pandas corpus
...     reuse = scale.run("find_reuse", ddf, split_every=16)   # the same, with engine options

The public functions (``mk.distinctive_terms``, ``mk.score_frames``, ``mk.extract_quotes``,
``mk.coverage_timeline``, ``mk.find_reuse``) hand a Dask DataFrame to :func:`run`, which runs the
analysis' own hooks (:mod:`mediakit.analysis`): ``partition`` on every partition, the partials merged in a
tree of ``split_every`` at a time, then the same ``finalize`` as the pandas path. Same parameters, same
pandas result, same ``attrs`` (timings aside). This package sits at the top of the layers: it imports the
analyses, no analysis imports it.

Engine options (not parameters of any analysis) go to :func:`run`: ``split_every``, ``persist`` (keep the
corpus in the cluster's memory between passes). Every analysis returns a pandas table: the rows of
score_frames and extract_quotes are gathered into the client (a million articles' quotes fit in a few GB).

Where the work runs: whatever Dask client is current. :func:`scheduler` opens one: ``None``/``"local"``
(a LocalCluster of 2 single-threaded worker processes on 127.0.0.1), ``"local:N"`` (N workers), or
``"tcp://HOST:PORT"`` (an existing cluster). The CLI's ``--scheduler`` option uses it.

Needs the ``scale`` extra (``pip install mediakit[scale]``: dask[dataframe] and distributed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    import dask  # noqa: F401
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - the extra is missing
    raise ImportError("mediakit.scale needs Dask: install the extra with `pip install mediakit[scale]` "
                      "(dask[dataframe] and distributed)") from exc

import pandas as pd

from .. import framing as _framing
from .. import reuse as _reuse
from .. import sources as _sources
from .. import terms as _terms
from .. import timeline as _timeline
from ..analysis import Analysis, bind, get, is_dask
from ._cluster import scheduler
from ._load import load_corpus_dask
from ._reduce import run_analysis, tree_reduce

__all__ = [
    "scheduler", "load_corpus_dask", "run", "tree_reduce",
    "distinctive_terms", "score_frames", "extract_quotes", "coverage_timeline", "find_reuse",
]

# analyses that register their hooks (importing the module registers them)
_REGISTERED = {"coverage_timeline": _timeline, "find_reuse": _reuse, "distinctive_terms": _terms,
               "score_frames": _framing, "extract_quotes": _sources}


def _public(name: str) -> Callable[..., Any]:
    """The pandas function of an analysis: its signature is the analysis' signature."""
    a = get(name)
    if a.public is None:
        raise TypeError(f"analysis {name!r} names no public function; pass its parameters by keyword")
    return a.public


def run(analysis: str | Analysis, ddf: dd.DataFrame, *args: Any, split_every: int = 8, persist: bool | None = None,
        **params: Any) -> pd.DataFrame:
    """Run an analysis (a registered name or an :class:`~mediakit.analysis.Analysis`) on a Dask corpus.

    ``*args, **params`` are the analysis' own parameters, as its pandas function takes them (defaults
    filled in from it); ``split_every`` and ``persist`` are engine options (see the module notes).
    Returns what the pandas function returns on the same articles: a pandas DataFrame with its ``attrs``.

    >>> run("coverage_timeline", ddf, "M", by=None, split_every=4)    # doctest: +SKIP
    """
    if not is_dask(ddf):
        raise TypeError(f"mediakit.scale.run takes a Dask DataFrame, not {type(ddf).__name__}; "
                        "call the analysis itself (mk.<name>) on a pandas table")
    name = analysis.name if isinstance(analysis, Analysis) else analysis
    a = get(analysis)
    if a.public is not None:
        params = bind(a.public, args, params)
    elif args:
        raise TypeError(f"analysis {name!r} takes its parameters by keyword")
    if a.validate is not None:
        params = a.validate(list(ddf.columns), engine="dask", **params)
    if a.columns is not None:
        ddf = ddf[[c for c in dict.fromkeys(a.columns(**params)) if c in ddf.columns]]
    if persist:  # the corpus is read again by each pass (offsets, partitions, rows for finalize)
        ddf = ddf.persist()
    return run_analysis(a, ddf, params, split_every=split_every)


def _entry(name: str) -> Callable[..., Any]:
    def entry(ddf: dd.DataFrame, *args: Any, **params: Any) -> pd.DataFrame | dd.DataFrame:
        return run(name, ddf, *args, **params)

    entry.__name__ = entry.__qualname__ = name
    entry.__doc__ = (f"``run({name!r}, ddf, ...)``: :func:`mediakit.{name}` on a Dask corpus (the same "
                     "parameters, plus the engine options of :func:`run`).")
    return entry


# the names the CLI's --scheduler option looks up (mediakit.cli.analysis)
distinctive_terms = _entry("distinctive_terms")
score_frames = _entry("score_frames")
extract_quotes = _entry("extract_quotes")
coverage_timeline = _entry("coverage_timeline")
find_reuse = _entry("find_reuse")
