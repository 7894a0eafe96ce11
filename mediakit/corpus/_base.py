"""What every part of the loader shares: the corpus columns, limits, errors and small value helpers."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

COLUMNS = [
    "article_id", "outlet", "date", "date_precision", "title", "text", "url", "author", "language", "wire",
    "source_path", "credits", "boilerplate",
]
TEXT_EXT = {".md", ".markdown", ".txt"}
HTML_EXT = {".html", ".htm"}
TABLE_EXT = {".csv", ".tsv", ".jsonl", ".json", ".parquet"}
FEED_EXT = {".xml", ".rss", ".atom"}
SUPPORTED = TEXT_EXT | HTML_EXT | TABLE_EXT | FEED_EXT
ENCODINGS = ("utf-8-sig", "utf-16", "cp1251", "cp1254", "cp1252", "latin-1")
MAX_FILE_BYTES = 50_000_000  # per file read (Parquet: per file's uncompressed data, 10x this)
MAX_TEXT_CHARS = 5_000_000  # per article text
IGNORE_FILE = ".mediakitignore"
BOILERPLATE_FILE = "boilerplate.yaml"  # a corpus folder's own boilerplate rules
# Files that document a corpus rather than belong to it.
ALWAYS_IGNORED = ("README*", "LICENSE*", "CHANGELOG*", IGNORE_FILE, BOILERPLATE_FILE)


class CorpusError(ValueError):
    """Raised when a corpus cannot be loaded or validated; ``problems`` lists every problem found."""

    __module__ = "mediakit.corpus"  # shown in tracebacks as the public name

    def __init__(self, message: str, problems: list[dict[str, str]] | None = None):
        super().__init__(message)
        self.problems = problems or []


class ColumnError(CorpusError):
    """A column an analysis needs is missing or of the wrong type (or ``by=`` names no column).

    >>> raise ColumnError("score_frames: column 'text' missing; pass a corpus from mediakit.load_corpus")
    Traceback (most recent call last):
    ...
    mediakit.corpus.ColumnError: score_frames: column 'text' missing; pass a corpus from mediakit.load_corpus
    """

    __module__ = "mediakit.corpus"


@dataclass
class _Record:
    fields: dict[str, Any]
    source_path: str
    outlet_folder: str = ""  # the folder whose name became the outlet, when it did
    notes: list[str] = field(default_factory=list)  # for the LoadReport, once the article is kept


@dataclass
class _Load:
    records: list[_Record] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)
    max_file_bytes: int = MAX_FILE_BYTES
    max_text_chars: int = MAX_TEXT_CHARS

    def skip(self, path: Path | str, reason: str, hint: str) -> None:
        self.skipped.append({"path": _shown(path), "reason": reason, "hint": hint})

    def note(self, path: Path | str, note: str) -> None:
        self.notes.append({"path": _shown(path), "note": note})


class _Skip(Exception):
    def __init__(self, reason: str, hint: str):
        super().__init__(reason)
        self.reason, self.hint = reason, hint


def _shown(path: Path | str) -> str:
    """A path as printable text: bytes that are not UTF-8 (a cp1251 name from a zip) appear as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def _round_up(n: int) -> int:
    step = 10 ** max(len(str(n)) - 2, 0)
    return -(-n // step) * step


def _isna(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _as_text(v: Any) -> str:
    """A field value as text, whatever YAML, JSON or Parquet made of it.

    >>> [_as_text(v) for v in (5, 2.5, 3.0, True, None, ["A", "B"], b"caf\\xc3\\xa9", {"k": 1})]
    ['5', '2.5', '3', 'true', '', 'A; B', 'café', '{"k": 1}']
    """
    if v is None or _isna(v):
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, bytes | bytearray):
        return bytes(v).decode("utf-8", errors="replace")
    if isinstance(v, dt.date):  # datetime and pandas Timestamp too
        return v.isoformat()
    if isinstance(v, Mapping):
        return json.dumps(v, default=str, ensure_ascii=False)
    if isinstance(v, Iterable):  # lists, tuples, sets, numpy arrays from Parquet list columns
        return "; ".join(t for t in (_as_text(x) for x in v) if t)
    return str(v)

