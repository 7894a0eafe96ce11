"""One implementation per analysis: partition work -> mergeable partial -> finalize, on any engine.

An analysis is written once as an :class:`Analysis` record and registered by name. The pandas path,
:func:`run_local`, runs it on the whole table as one partition (``partition`` then ``finalize``); the Dask
engine (:mod:`mediakit.scale`, at the top of the package) maps ``partition`` over the partitions, merges
the partials in a tree and calls the same ``finalize``: same pandas result, same ``attrs``.

The hooks (each takes the analysis' parameters as keywords and ignores those it does not use):

- ``validate(columns, *, engine, **params) -> params``: checks the parameters and the input's columns
  once, before any work (``engine`` is ``"local"`` or ``"dask"``, for options one engine cannot run);
  returns the parameters, normalised.
- ``partition(part, *, offset, context, **params) -> partial``: the work on one partition of articles;
  ``offset`` is the corpus row number of the partition's first row (0 on pandas; only computed on Dask
  when ``positional=True``), ``context`` the result of ``prepare`` (or None).
- ``merge(partials) -> partial``: associative, so that the engine may merge in any tree; it also accepts a
  list of one partial, which it may compact (the Dask engine merges each partial on its own first, in the
  task that made it, before shipping it).
- ``finalize(partial, *, rows, context, **params) -> DataFrame``: the result, with its ``attrs``. ``rows``
  is None unless the analysis has a ``rows_needed`` hook: then it holds the articles finalize needs,
  indexed by their corpus row number (the whole table on pandas).
- ``prepare`` (optional): another :class:`Analysis` run first on the whole corpus; its finalized result
  is the ``context`` (corpus-wide facts the partition work needs: groups, languages, a vocabulary).
- ``rows_needed(partial, **params) -> row numbers`` (optional): the articles finalize must see again.
- ``public``: the analysis' public pandas function; its signature is the one signature of the analysis
  (engines bind parameters, defaults included, with :func:`bind`).
- ``columns(**params) -> column names`` (optional): the columns the hooks read, so that an engine ships
  only those (missing ones are skipped).

>>> import pandas as pd
>>> count = Analysis("count_words",
...     partition=lambda part, **kw: int(part["text"].str.split().str.len().sum()),
...     merge=sum,
...     finalize=lambda n, **kw: pd.DataFrame({"words": [n]}))
>>> run_local(count, pd.DataFrame({"text": ["a b", "c d e"]}))["words"].item()
5
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["Analysis", "register", "get", "registered", "run_local", "run_whole", "bind", "is_dask", "reject_dask"]


@dataclass(frozen=True)
class Analysis:
    """An analysis as partition work, an associative merge and a finalize step (see the module notes)."""

    name: str
    partition: Callable[..., Any]
    merge: Callable[[list[Any]], Any]
    finalize: Callable[..., Any]
    validate: Callable[..., dict[str, Any]] | None = None
    prepare: Analysis | None = None
    rows_needed: Callable[..., Sequence[int]] | None = None
    positional: bool = False
    columns: Callable[..., Sequence[str]] | None = None  # (**params) -> columns the hooks read; None: all
    public: Callable[..., Any] | None = None  # the pandas function: its signature is the analysis' one


_REGISTRY: dict[str, Analysis] = {}


def register(analysis: Analysis) -> Analysis:
    """Make ``analysis`` available by name to :func:`run_local` and the engines; returns it.

    >>> a = register(Analysis("noop_example", partition=lambda p, **kw: None, merge=lambda ps: None,
    ...                       finalize=lambda p, **kw: pd.DataFrame()))
    >>> get("noop_example") is a
    True
    """
    if not isinstance(analysis, Analysis):
        raise TypeError(f"register() takes an Analysis record, not {type(analysis).__name__}")
    _REGISTRY[analysis.name] = analysis
    return analysis


def get(name: str | Analysis) -> Analysis:
    """The registered analysis called ``name`` (an :class:`Analysis` is returned as it is).

    Analyses register when their module is imported (``import mediakit.timeline`` registers
    ``coverage_timeline``).

    >>> get("no_such_analysis")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    KeyError: "no analysis named 'no_such_analysis' is registered; known: ..."
    """
    if isinstance(name, Analysis):
        return name
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no analysis named {name!r} is registered; known: {sorted(_REGISTRY)} "
                       "(an analysis registers when its module is imported)") from None


def registered() -> list[str]:
    """Names of the registered analyses, sorted."""
    return sorted(_REGISTRY)


def run_local(analysis: str | Analysis, df: pd.DataFrame, **params: Any) -> Any:
    """Run ``analysis`` on the pandas table ``df`` as one partition: validate, (prepare,) partition, finalize.

    >>> run_local("no_such_analysis", pd.DataFrame())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    KeyError: "no analysis named 'no_such_analysis' is registered; known: ..."
    """
    a = get(analysis)
    reject_dask(df, a.name)
    if a.validate is not None:
        params = a.validate(list(df.columns), engine="local", **params)
    return run_whole(a, df, params)


def run_whole(a: Analysis, df: pd.DataFrame, params: dict[str, Any]) -> Any:
    """``a`` on ``df`` as one partition, here, with parameters already validated (a ``prepare`` step runs
    the same way); :func:`run_local` checks first."""
    context = run_whole(a.prepare, df, params) if a.prepare is not None else None
    partial = a.partition(df, offset=0, context=context, **params)
    rows = df.reset_index(drop=True) if a.rows_needed is not None else None
    return a.finalize(partial, rows=rows, context=context, **params)


def bind(fn: Callable[..., Any], args: Sequence[Any] = (), kwargs: dict[str, Any] | None = None) -> dict[str, Any]:
    """The parameters of a call ``fn(data, *args, **kwargs)`` by name, defaults filled in, ``**kw`` flattened
    (``data``, the first parameter, left out). Raises TypeError as the call itself would.

    >>> def f(articles, freq="M", *, by="outlet", **kw): ...
    >>> bind(f, ["Y"], {"ngram_range": (1, 2)})
    {'freq': 'Y', 'by': 'outlet', 'ngram_range': (1, 2)}
    """
    sig = inspect.signature(fn)
    bound = sig.bind(None, *args, **(kwargs or {}))
    bound.apply_defaults()
    first = next(iter(sig.parameters))
    out: dict[str, Any] = {}
    for name, value in bound.arguments.items():
        kind = sig.parameters[name].kind
        if name == first:
            continue
        if kind is inspect.Parameter.VAR_KEYWORD:
            out.update(value)
        elif kind is inspect.Parameter.VAR_POSITIONAL:
            if value:
                raise TypeError(f"{fn.__name__}() takes no extra positional arguments here (got {value!r})")
        else:
            out[name] = value
    return out


def is_dask(data: Any) -> bool:
    """True for a Dask collection (checked by module name, so Dask is never imported here).

    >>> is_dask(pd.DataFrame())
    False
    """
    return type(data).__module__.split(".", 1)[0] in ("dask", "dask_expr")


def reject_dask(data: Any, name: str) -> None:
    """A clear TypeError when a Dask DataFrame reaches a pandas-only function: use ``mk.<name>``.

    >>> reject_dask(pd.DataFrame(), "find_reuse")      # a pandas table passes
    """
    if is_dask(data):
        raise TypeError(f"{name}: got a Dask DataFrame; call mediakit.{name}(ddf) (import mediakit as mk; "
                        f"mk.{name}), which hands it to the Dask engine, or .compute() it first")
