"""Metadata in file and folder names: the outlet a folder names, the day a file name carries."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..dates import date_in_name
from ._base import _as_text, _Record, _shown

NAME_DATE_NOTE = "date from file name"


def _folder_outlet(path: Path) -> str:
    return _shown(path.parent.name) if path.parent.name not in ("", ".") else ""


def _date_from_name(record: _Record, path: Path) -> None:
    """Give an article without a date the day its file name carries (day precision), with a note."""
    if _as_text(record.fields.get("date")).strip():
        return
    day = date_in_name(_shown(path.name))
    if not pd.isna(day):
        record.fields["date"] = day.strftime("%Y-%m-%d")
        record.notes.append(NAME_DATE_NOTE)


def _folder_note(folders: list[str]) -> str:
    """One line saying how many articles took their outlet from the name of their folder.

    >>> _folder_note(["River Post", "River Post", "Hill Gazette"])
    "outlet from the folder name for 3 article(s) (2 folders: 'Hill Gazette', 'River Post'); \
pass load_corpus(..., outlet=...) or give each file an outlet field if that is wrong"
    """
    names = sorted(set(folders))
    shown = ", ".join(repr(n) for n in names[:5]) + (", ..." if len(names) > 5 else "")
    return (f"outlet from the folder name for {len(folders)} article(s) ({len(names)} folder"
            f"{'s' if len(names) > 1 else ''}: {shown}); pass load_corpus(..., outlet=...) or give each "
            "file an outlet field if that is wrong")
