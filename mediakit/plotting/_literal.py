"""Chart text drawn as written: a ``$`` in an outlet name or a quote is a dollar sign, never mathtext.

Matplotlib reads text between two ``$`` as math (``$5 Daily $ Digest`` becomes italics, ``$\\foo{x}$``
raises). Every plotting function runs inside :func:`literal_text`, so labels, ticks, legends and titles
made from article data are literal whatever style the user applied (the house style sets the same).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import matplotlib as mpl
import matplotlib.text

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["literal_text"]


def literal_text(fn: F) -> F:
    """Run a plotting function with matplotlib's math parsing off for every text it creates.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> @literal_text
    ... def title(s):
    ...     _fig, ax = plt.subplots()
    ...     return ax.set_title(s)
    >>> t = title(r"$\\foo{x}$ Daily")
    >>> t.get_parse_math(), t.get_text()
    (False, '$\\\\foo{x}$ Daily')
    >>> plt.close("all")
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with mpl.rc_context({"text.parse_math": False}):
            out = fn(*args, **kwargs)
        fig = getattr(out, "figure", None)
        if fig is not None:  # texts made before (a caller's axes) or copied later from these keep it off
            for text in fig.findobj(mpl.text.Text):
                text.set_parse_math(False)
        return out

    return wrapper  # type: ignore[return-value]
