"""Where story packs live: file look-ups only, so that any layer may ask for a pack's file.

A story pack is a folder with ``story.yaml`` and any of ``codebook.yaml``, ``naming.yaml``,
``actors.yaml``, ``events.yaml``, ``speakers.yaml`` (see :mod:`mediakit.stories`). Packs ship under
``mediakit/stories/<name>/``; any folder of the same shape is a pack too. This module only finds files:
it reads no YAML and imports no analysis, so the loaders of every analysis can resolve a pack name
(``load_codebook("s400")``) without a layer importing one above it.

>>> "s400" in story_names()
True
>>> pack_file("s400", "story").name
'story.yaml'
>>> pack_file("s400", "nothing-like-this") is None
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["STORIES_DIR", "PACK_FILES", "story_names", "story_dir", "pack_file"]

STORIES_DIR = Path(__file__).resolve().parent / "stories"
#: The files a pack may hold, by kind.
PACK_FILES = {"story": "story.yaml", "codebook": "codebook.yaml", "naming": "naming.yaml",
              "actors": "actors.yaml", "events": "events.yaml", "speakers": "speakers.yaml",
              "boilerplate": "boilerplate.yaml"}


def story_names() -> list[str]:
    """Names of the story packs shipped with mediakit.

    >>> isinstance(story_names(), list)
    True
    """
    if not STORIES_DIR.is_dir():
        return []
    return sorted(p.name for p in STORIES_DIR.iterdir() if (p / PACK_FILES["story"]).is_file())


def story_dir(name_or_path: str | Path) -> Path | None:
    """The folder of a story pack: a shipped name or a folder holding ``story.yaml``; None if neither.

    >>> story_dir("s400").name
    's400'
    >>> story_dir("no-such-story") is None
    True
    """
    text = str(name_or_path)
    if "/" not in text and "\\" not in text and (STORIES_DIR / text / PACK_FILES["story"]).is_file():
        return STORIES_DIR / text
    path = Path(name_or_path)
    if path.is_file() and path.name == PACK_FILES["story"]:
        return path.parent
    if path.is_dir() and (path / PACK_FILES["story"]).is_file():
        return path
    return None


def pack_file(name_or_path: str | Path, kind: str) -> Path | None:
    """The file of one kind (``"codebook"``, ``"naming"``, ...) in a story pack, or None when absent.

    >>> pack_file("s400", "story").name
    'story.yaml'
    """
    if kind not in PACK_FILES:
        return None
    folder = story_dir(name_or_path)
    if folder is None:
        return None
    path = folder / PACK_FILES[kind]
    return path if path.is_file() else None
