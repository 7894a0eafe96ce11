"""Let an analysis function take a Dask DataFrame too: it is handed to :mod:`mediakit.scale`.

>>> import mediakit as mk
>>> ddf = mk.load_corpus_dask("data/s400")           # doctest: +SKIP
>>> mk.distinctive_terms(ddf)                        # doctest: +SKIP  (runs mediakit.scale.distinctive_terms)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["dask_aware", "is_dask"]


def is_dask(data: Any) -> bool:
    """True for a Dask collection (checked by module name, so Dask is never imported here)."""
    return type(data).__module__.split(".", 1)[0] in ("dask", "dask_expr")


def dask_aware(fn: F) -> F:
    """Run ``mediakit.scale.<same name>`` when the first argument is a Dask DataFrame."""

    @functools.wraps(fn)
    def wrapper(data: Any, *args: Any, **kwargs: Any) -> Any:
        if is_dask(data):
            from . import scale

            return getattr(scale, fn.__name__)(data, *args, **kwargs)
        return fn(data, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
