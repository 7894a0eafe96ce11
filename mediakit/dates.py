"""Dates as found in articles and exports, turned into a UTC timestamp and a precision.

>>> parse_date("2020-12 (inferred)")
(Timestamp('2020-12-01 00:00:00'), 'month')
>>> parse_date("2018-04-03/04")
(Timestamp('2018-04-03 00:00:00'), 'day')
>>> parse_date("Mon, 14 Dec 2020 19:30:00 -0500")
(Timestamp('2020-12-15 00:30:00'), 'day')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd
from dateutil import parser as dateparser

__all__ = ["parse_date", "PRECISIONS"]

PRECISIONS = ("day", "month", "year", "unknown")
_NOTE_RE = re.compile(r"\s*[\(\[][^)\]]*[\)\]]\s*")  # "(inferred)", "(n/v)"
_RANGE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*/\s*\d{1,2}$|^(\d{4}-\d{2}-\d{2})\s*(?:/|--|to)\s*\d{4}-\d{2}-\d{2}$")
_GDELT_RE = re.compile(r"^(\d{8})T?(\d{6})Z?$")
_UNKNOWN = {"", "n/a", "na", "none", "null", "unknown", "n/v", "nan", "nat", "undated"}
_D1 = dt.datetime(1904, 1, 1)
_D2 = dt.datetime(1908, 2, 2)


def parse_date(value: Any) -> tuple[pd.Timestamp, str]:
    """Parse a date in any common form into ``(UTC timestamp without tz, precision)``.

    Precision is ``day`` (a day or a time is given), ``month``, ``year`` or ``unknown`` (``NaT``).
    Time zones are converted to UTC; a value without one is taken as UTC.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return pd.NaT, "unknown"
    if isinstance(value, pd.Timestamp | dt.datetime):
        return _utc(pd.Timestamp(value)), "day"
    if isinstance(value, dt.date):
        return pd.Timestamp(value), "day"
    if isinstance(value, int | float):
        if 1000 <= value <= 2999:
            return pd.Timestamp(int(value), 1, 1), "year"
        return pd.NaT, "unknown"
    s = _NOTE_RE.sub(" ", str(value)).strip()
    if s.lower() in _UNKNOWN:
        return pd.NaT, "unknown"
    m = _RANGE_RE.match(s)
    if m:
        s = m.group(1) or m.group(2)
    m = _GDELT_RE.match(s)
    if m:
        return pd.Timestamp(dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")), "day"
    if re.fullmatch(r"\d{4}", s):
        return pd.Timestamp(int(s), 1, 1), "year"
    try:
        a = dateparser.parse(s, default=_D1)
        b = dateparser.parse(s, default=_D2)
    except (ValueError, OverflowError, TypeError):
        return pd.NaT, "unknown"
    if a.year != b.year:  # no year given: "March 3" alone cannot be placed
        return pd.NaT, "unknown"
    if a.month != b.month:
        return pd.Timestamp(a.year, 1, 1), "year"
    if a.day != b.day:
        return pd.Timestamp(a.year, a.month, 1), "month"
    return _utc(pd.Timestamp(a)), "day"


def _utc(ts: pd.Timestamp) -> pd.Timestamp:
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts
