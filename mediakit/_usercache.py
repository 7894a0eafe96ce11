"""Where mediakit keeps what it derived from its shipped data, across runs: one folder per user.

One job: the folder and safe reads and writes of small JSON files in it. Nothing here is ever needed: a
missing, unreadable or corrupt file is read as empty, a folder that cannot be written is skipped, and
every entry can be derived again from the packages' own data (no file here comes from the network).

The folder is ``MEDIAKIT_CACHE_DIR`` when that is set (an empty value, ``0`` or ``off`` turns the cache
off), else the platform's user cache folder (``~/.cache/mediakit`` on Linux, via platformdirs).

>>> import os, tempfile
>>> before = os.environ.get("MEDIAKIT_CACHE_DIR")
>>> os.environ["MEDIAKIT_CACHE_DIR"] = tempfile.mkdtemp()
>>> write_json("demo.json", {"a": "b"})
True
>>> read_json("demo.json"), read_json("missing.json")
({'a': 'b'}, {})
>>> os.environ["MEDIAKIT_CACHE_DIR"] = "off"
>>> cache_dir() is None, write_json("demo.json", {"a": "b"})
(True, False)
>>> _ = os.environ.pop("MEDIAKIT_CACHE_DIR") if before is None else os.environ.update(MEDIAKIT_CACHE_DIR=before)
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "read_json", "write_json"]

ENV = "MEDIAKIT_CACHE_DIR"
_OFF = ("", "0", "off", "false", "no")


def cache_dir() -> Path | None:
    """The cache folder (not created here), or None when the cache is turned off."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("mediakit", appauthor=False))


def read_json(name: str) -> dict[str, Any]:
    """The object stored under ``name``, or ``{}`` (no cache, no file, or a file that is not a JSON object)."""
    folder = cache_dir()
    if folder is None:
        return {}
    try:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(name: str, data: dict[str, Any]) -> bool:
    """Store ``data`` under ``name`` atomically (a reader sees the old file or the new one, never half of
    one); False when the cache is off or the folder cannot be written."""
    folder = cache_dir()
    if folder is None:
        return False
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, folder / name)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False
