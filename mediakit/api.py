"""The public analysis entry points that take a pandas or a Dask DataFrame (``mk.find_reuse`` ...).

``mk.distinctive_terms``, ``mk.score_frames``, ``mk.extract_quotes``, ``mk.coverage_timeline`` and
``mk.find_reuse`` are the analyses' pandas functions, except that a Dask DataFrame is handed to the Dask
engine (:func:`mediakit.scale.run`, the same parameters, the same pandas result and ``attrs``). This module
sits at the top of the layers with the engine; the analysis modules never import either. Each entry point
is made on first use (only its analysis module is imported) and carries the pandas function's name,
signature and docstring.

>>> import mediakit as mk, pandas as pd
>>> df = pd.DataFrame({"date": pd.to_datetime(["2020-01-05", "2020-03-01"]), "date_precision": ["day", "day"]})
>>> mk.coverage_timeline(df, "M", by=None)["articles"].tolist()
[1, 0, 1]
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

from .analysis import bind, is_dask

# entry point -> module of its pandas function
_ANALYSES = {"distinctive_terms": "terms", "score_frames": "framing", "extract_quotes": "sources",
             "coverage_timeline": "timeline", "find_reuse": "reuse", "article_frames": "framing"}
__all__ = list(_ANALYSES)
_MADE: dict[str, Callable[..., Any]] = {}


def _make(name: str) -> Callable[..., Any]:
    fn = getattr(importlib.import_module(f".{_ANALYSES[name]}", __package__), name)

    @functools.wraps(fn)
    def entry(articles: Any, *args: Any, **kwargs: Any) -> Any:
        if is_dask(articles):
            from . import scale

            # bind first: a parameter the analysis does not take is a TypeError, as on pandas
            return scale.run(name, articles, **bind(fn, args, kwargs))
        return fn(articles, *args, **kwargs)

    entry.__module__ = __name__
    entry.__doc__ = (fn.__doc__ or "") + (
        f"\n    Takes a Dask DataFrame too (``mediakit.scale``): the same result, computed on the cluster; "
        f"engine options go to ``mediakit.scale.run({name!r}, ddf, ...)``.\n")
    return entry


def __getattr__(name: str) -> Callable[..., Any]:
    if name in _ANALYSES:
        if name not in _MADE:
            _MADE[name] = _make(name)
        return _MADE[name]
    raise AttributeError(f"module 'mediakit.api' has no attribute {name!r}")
