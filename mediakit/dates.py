"""Dates as found in articles and exports, turned into a UTC timestamp and a precision.

>>> parse_date("2020-12 (inferred)")
(Timestamp('2020-12-01 00:00:00'), 'month')
>>> parse_date("2018-04-03/04")
(Timestamp('2018-04-03 00:00:00'), 'day')
>>> parse_date("Mon, 14 Dec 2020 19:30:00 -0500")
(Timestamp('2020-12-15 00:30:00'), 'day')

A date that names no real day, or one pandas cannot hold (before 1677-09-21 or after 2262-04-11), is
unknown, never an error:

>>> parse_date("2020-02-30"), parse_date("1500-01-01")
((NaT, 'unknown'), (NaT, 'unknown'))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd
from dateutil import parser as dateparser

__all__ = ["parse_date", "date_problem", "date_in_name", "PRECISIONS"]

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
    Time zones are converted to UTC; a value without one is taken as UTC. A value that is not a calendar
    date or lies outside pandas' range (1677-09-21 to 2262-04-11) gives ``(NaT, "unknown")``; it never raises.

    >>> parse_date("3 March 2021")
    (Timestamp('2021-03-03 00:00:00'), 'day')
    """
    return _parse_with_reason(value)[:2]


def date_problem(value: Any) -> str:
    """Why ``value`` is not a usable date ("" when it parses or is empty).

    >>> date_problem("2021-06-01")
    ''
    >>> date_problem("1500-01-01")
    'outside the range pandas can hold, 1677-09-21 to 2262-04-11'
    """
    return _parse_with_reason(value)[2]


def _parse_with_reason(value: Any) -> tuple[pd.Timestamp, str, str]:
    """:func:`parse_date` plus why a given value came out unknown ("" when it parsed or was empty)."""
    try:
        ts, precision = _parse(value)
    except (ValueError, OverflowError, TypeError, ArithmeticError) as exc:  # incl. OutOfBoundsDatetime
        return pd.NaT, "unknown", f"not a calendar date ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
    if pd.isna(ts):
        return pd.NaT, "unknown", ""
    if not _MIN <= ts <= _MAX:
        return pd.NaT, "unknown", (f"outside the range pandas can hold, {_MIN:%Y-%m-%d} to {_MAX:%Y-%m-%d}")
    return ts, precision, ""


_MIN, _MAX = pd.Timestamp.min, pd.Timestamp.max

# A day in a file name: 2016-10-03 or 20161003, not inside a longer run of digits.
_NAME_DATE_RE = re.compile(r"(?<!\d)(\d{4})(-?)(\d{2})\2(\d{2})(?!\d)")
NAME_YEARS = (1900, 2100)  # a plausible publication year; other 8-digit runs in names are ids, not dates


def date_in_name(name: str) -> pd.Timestamp:
    """The day a file name carries (``YYYY-MM-DD`` or ``YYYYMMDD``, years 1900 to 2100), else ``NaT``.

    >>> date_in_name("outlet_2016-10-03_slug.txt"), date_in_name("20161003_x.txt")
    (Timestamp('2016-10-03 00:00:00'), Timestamp('2016-10-03 00:00:00'))
    >>> date_in_name("2016-13-03-slug.md"), date_in_name("id_30001003.txt"), date_in_name("story-123456789.txt")
    (NaT, NaT, NaT)
    """
    for m in _NAME_DATE_RE.finditer(name):
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not NAME_YEARS[0] <= year <= NAME_YEARS[1]:
            continue
        try:
            return pd.Timestamp(dt.date(year, month, day))
        except ValueError:
            continue
    return pd.NaT


def _parse(value: Any) -> tuple[pd.Timestamp, str]:
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
    except dateparser.ParserError as exc:  # not a date at all, unless a part is out of range: that is reported
        if "out of range" in str(exc):
            raise ValueError(str(exc).split(":")[0]) from exc
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
