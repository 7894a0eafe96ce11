"""CSV files safe to open in a spreadsheet: one writer for every CSV the project writes.

Low in the layers (pandas only), so that analyses that write a sheet (framing's coding sample, the
quotes' check-by-hand sheet) and the export layer above them share it; :mod:`mediakit.export`
re-exports :func:`write_csv`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["write_csv"]

# A cell a spreadsheet would run as a formula (CWE-1236); a plain number such as -3.5 is not one.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?")


def _neutral(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER_RE.fullmatch(value):
        return "'" + value
    if isinstance(value, tuple):  # MultiIndex labels
        return tuple(_neutral(v) for v in value)
    return value


def _neutralised(df: pd.DataFrame, index: bool) -> pd.DataFrame:
    out = df.copy()
    out.attrs = {}
    for i in range(df.shape[1]):
        col = df.iloc[:, i]
        if col.dtype == object or isinstance(col.dtype, pd.StringDtype | pd.CategoricalDtype):
            out.isetitem(i, col.astype(object).map(_neutral))
    out.columns = pd.Index([_neutral(c) for c in df.columns], tupleize_cols=isinstance(df.columns, pd.MultiIndex))
    if index:
        out.index = pd.Index([_neutral(v) for v in df.index], name=_neutral(df.index.name),
                             tupleize_cols=isinstance(df.index, pd.MultiIndex))
        if isinstance(df.index, pd.MultiIndex):
            out.index.names = [_neutral(n) for n in df.index.names]
    return out


def write_csv(df: pd.DataFrame, path: str | Path | None = None, *, neutralise: bool = True, index: bool = False,
              float_format: str | None = None) -> str | Path:
    """Write ``df`` as UTF-8 CSV safe to open in a spreadsheet; return the text (no ``path``) or the path.

    With ``neutralise`` (the default) a text cell or header starting with ``= + - @``, a tab or a carriage
    return gets a leading apostrophe, so a spreadsheet shows it instead of running it as a formula;
    numbers, and text that is just a number such as ``-3.5``, stay as they are. ``neutralise=False``
    writes the values unchanged, for machine use. Every CSV the project writes goes through here.

    >>> df = pd.DataFrame({"outlet": ["=HYPERLINK(1)", "@Daily", "-3.5", "Plain"], "n": [-1, 2, 3, 4]})
    >>> print(write_csv(df), end="")
    outlet,n
    '=HYPERLINK(1),-1
    '@Daily,2
    -3.5,3
    Plain,4
    >>> print(write_csv(df.head(1), neutralise=False), end="")
    outlet,n
    =HYPERLINK(1),-1
    """
    frame = _neutralised(df, index) if neutralise else df
    if path is None:
        buf = io.StringIO()
        frame.to_csv(buf, index=index, float_format=float_format, lineterminator="\n")
        return buf.getvalue()
    frame.to_csv(path, index=index, float_format=float_format, lineterminator="\n", encoding="utf-8")
    return Path(path)
