"""The ``discount_reuse=`` convention of the terms functions: a reuse table, a spans table, or True (computed)."""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

__all__ = ["reuse_table", "reuse_label"]


def reuse_table(articles: pd.DataFrame, discount_reuse: Any, where: str) -> pd.DataFrame | bool:
    """``discount_reuse`` ready for :func:`mediakit.vectorize.article_texts`: False, or a table.

    True computes :func:`mediakit.find_reuse` on ``articles`` and warns (once per call) that it did, so
    that callers compute reuse once and pass the result to every analysis.

    >>> reuse_table(pd.DataFrame(), False, "kwic")
    False
    """
    if discount_reuse is None or discount_reuse is False:
        return False
    if isinstance(discount_reuse, pd.DataFrame):
        return discount_reuse
    if discount_reuse is True:
        from ..reuse import find_reuse  # only here: given a table, terms never imports reuse

        warnings.warn(f"{where}: discount_reuse=True computes find_reuse on these articles; compute it once "
                      "(reuse = mediakit.find_reuse(corpus)) and pass discount_reuse=reuse", UserWarning,
                      stacklevel=3)
        return find_reuse(articles)
    raise TypeError(f"{where}: discount_reuse must be False, True, a find_reuse() result or a spans table "
                    f"(article_id, start, end), not {type(discount_reuse).__name__}")


def reuse_label(discount_reuse: Any) -> bool | str:
    """What ``attrs["discount_reuse"]`` records: the flag, or "find_reuse table" for a table.

    >>> reuse_label(False), reuse_label(pd.DataFrame())
    (False, 'find_reuse table')
    """
    if isinstance(discount_reuse, pd.DataFrame):
        return "find_reuse table"
    return bool(discount_reuse) if discount_reuse is not None else False
