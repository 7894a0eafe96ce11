"""Checking a corpus table before an analysis runs on it (docs/contract.md, "Inputs")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from ._base import ColumnError, CorpusError

_FIX = "pass a corpus from mediakit.load_corpus or add the column"


def validate_corpus(df: Any, required: Iterable[str] = ("article_id", "text"), *,
                    where: str = "validate_corpus") -> Any:
    """Check that ``df`` has the columns ``required`` with usable types; return it unchanged.

    A missing column, or a column of the wrong type (``text`` that is not text, ``date`` that is not
    datetime64), raises :class:`ColumnError` with one line naming ``where`` (the function that needs it),
    the column and the fix. Repeated ``article_id`` values and rows without text raise
    :class:`CorpusError`. Only the columns are checked on a Dask frame (checking rows would compute it).

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "text": ["One.", "Two."]})
    >>> validate_corpus(corpus) is corpus
    True
    >>> validate_corpus(corpus, ("text", "outlet"), where="distinctive_terms")
    Traceback (most recent call last):
    ...
    mediakit.corpus.ColumnError: distinctive_terms: column 'outlet' missing; pass a corpus from \
mediakit.load_corpus or add the column
    """
    required = tuple(required)
    columns = getattr(df, "columns", None)
    if columns is None:
        raise ColumnError(f"{where}: expected a table of articles, got {type(df).__name__}; {_FIX}")
    missing = [c for c in required if c not in columns]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise ColumnError(f"{where}: column{'s' if len(missing) > 1 else ''} {names} missing; {_FIX}")
    # an empty table (no rows, or only column names, as a partition-wise check builds) has no types to check
    typed = not (isinstance(df, pd.DataFrame) and len(df) == 0)
    if typed and "date" in columns and not pd.api.types.is_datetime64_any_dtype(df["date"].dtype):
        raise ColumnError(f"{where}: column 'date' is {df['date'].dtype}, not datetime64; "
                          "convert it with pandas.to_datetime")
    if typed and "text" in required and _numeric_or_bool(df["text"].dtype):
        raise ColumnError(f"{where}: column 'text' is {df['text'].dtype}, not text; "
                          "put the article bodies in 'text' (strings)")
    if not isinstance(df, pd.DataFrame):
        return df
    problems: list[dict[str, str]] = []

    def add(reason: str, hint: str) -> None:
        problems.append({"path": "<DataFrame>", "reason": reason, "hint": hint})

    if "article_id" in required and df["article_id"].duplicated().any():
        dup = df.loc[df["article_id"].duplicated(), "article_id"].iloc[0]
        add(f"article_id {dup!r} appears more than once", "article ids must be unique")
    if "text" in required and (df["text"].isna().any() or (df["text"].astype(str).str.strip() == "").any()):
        add("some rows have no text", "drop them or fill `text`")
    if problems:
        raise CorpusError(f"{where}: invalid corpus: " + "; ".join(f"{p['reason']} ({p['hint']})" for p in problems),
                          problems)
    return df


def _numeric_or_bool(dtype: Any) -> bool:
    return pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)
