"""Metadata in file and folder names: the outlet a folder names, the day a file name carries."""

from __future__ import annotations

from pathlib import Path

from ._base import _shown


def _folder_outlet(path: Path) -> str:
    return _shown(path.parent.name) if path.parent.name not in ("", ".") else ""
