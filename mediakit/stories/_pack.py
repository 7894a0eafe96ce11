"""Loading and validating a story pack: ``story.yaml`` and the analysis files beside it.

A pack's ``story.yaml`` either describes the story (``name``, ``title`` and optionally ``description``,
``languages``, ``date_range``) or refers to another pack (``story: <name or relative path>``), which is how
a corpus folder names its story. Every other file of the pack is loaded with its analysis's own loader,
so a pack that loads here is one the analyses accept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .._yaml import load_yaml
from ..packs import PACK_FILES, story_dir, story_names

__all__ = ["Story", "StoryError", "load_story", "story_for_corpus"]

_STORY_KEYS = ("name", "title", "description", "languages", "date_range")
# keys a pack may carry for its readers; kept in the file, not used by the analyses
_INFO_KEYS = ("synthetic", "version", "sources", "notes", "changelog", "license")
_LANG_RE = re.compile(r"^[a-z]{2}$")
# The analysis files of a pack, in the order they are loaded.
ANALYSIS_KINDS = ("codebook", "naming", "actors", "events", "speakers")


class StoryError(ValueError):
    """A story pack that cannot be used: one line naming the file, the problem and the fix."""


StoryError.__module__ = "mediakit.stories"


@dataclass(frozen=True, eq=False)
class Story:
    """A loaded story pack: its description and the loaded analysis files (None where a file is absent).

    ``codebook`` is a :class:`mediakit.framing.Codebook`, ``naming`` a naming lexicon (dict), ``actors`` the
    ``actor, alias`` table, ``events`` the events table and ``speakers`` a :class:`mediakit.quotes.Gazetteer`;
    each is what the analysis's ``load_*`` function returns for the pack's file.
    """

    name: str
    title: str
    description: str
    languages: tuple[str, ...]
    date_range: tuple[pd.Timestamp, pd.Timestamp] | None
    path: Path
    codebook: Any = None
    naming: Any = None
    actors: Any = None
    events: Any = None
    speakers: Any = None

    def file(self, kind: str) -> Path | None:
        """The pack's file of one kind (``"codebook"``, ``"naming"``, ...), or None when it has none.

        >>> load_story("s400").file("story").name
        'story.yaml'
        """
        path = self.path / PACK_FILES[kind] if kind in PACK_FILES else None
        return path if path is not None and path.is_file() else None

    def __repr__(self) -> str:
        have = [k for k in ANALYSIS_KINDS if getattr(self, k) is not None]
        return f"Story(name={self.name!r}, path={str(self.path)!r}, files={have})"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise StoryError(f"{path}: not valid YAML ({first}); fix the indentation or quoting") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryError(f"{path}: cannot be read ({_one_line(exc)}); check the file") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise StoryError(f"{path}: expected a mapping (name: ..., title: ...), found a {type(raw).__name__}; "
                         "see mediakit/stories/s400/story.yaml for the shape")
    return raw


def _date(value: Any, path: Path, which: str) -> pd.Timestamp:
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise StoryError(f"{path}: date_range {which} {value!r} is not a date; write it as YYYY-MM-DD")
    try:
        return pd.Timestamp(text)
    except ValueError:
        raise StoryError(f"{path}: date_range {which} {value!r} is not a calendar date; fix it (YYYY-MM-DD)") from None


def _validate(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    unknown = sorted(set(raw) - set(_STORY_KEYS) - set(_INFO_KEYS))
    if unknown:
        raise StoryError(f"{path}: unknown key {unknown[0]!r}; story.yaml holds {', '.join(_STORY_KEYS)} "
                         "(or only 'story: <pack>' to refer to another pack)")
    for key in ("name", "title"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise StoryError(f"{path}: '{key}' is missing or empty; add '{key}: ...' (a short text)")
    description = raw.get("description") or ""
    if not isinstance(description, str):
        raise StoryError(f"{path}: 'description' must be text; write it as one paragraph")
    languages = raw.get("languages") or []
    if isinstance(languages, str):
        languages = [languages]
    if not isinstance(languages, list) or not all(isinstance(x, str) and _LANG_RE.match(x) for x in languages):
        raise StoryError(f"{path}: 'languages' must be a list of ISO 639-1 codes such as [en, tr]; "
                         f"found {raw.get('languages')!r}")
    date_range = raw.get("date_range")
    dates = None
    if isinstance(date_range, dict) and set(date_range) == {"start", "end"}:
        date_range = [date_range["start"], date_range["end"]]   # the mapping form {start: ..., end: ...}
    if date_range is not None:
        if not isinstance(date_range, list | tuple) or len(date_range) != 2:
            raise StoryError(f"{path}: 'date_range' must be two dates [YYYY-MM-DD, YYYY-MM-DD] (or start:/end:); "
                             f"found {date_range!r}")
        dates = (_date(date_range[0], path, "start"), _date(date_range[1], path, "end"))
        if dates[0] > dates[1]:
            raise StoryError(f"{path}: date_range starts after it ends ({dates[0]:%Y-%m-%d} > {dates[1]:%Y-%m-%d}); "
                             "swap the two dates")
    return {"name": raw["name"].strip(), "title": raw["title"].strip(), "description": description.strip(),
            "languages": tuple(languages), "date_range": dates}


def _loaders() -> dict[str, Callable[[Path], Any]]:
    from ..framing import load_codebook
    from ..quotes import load_gazetteer
    from ..terms import load_lexicon
    from ..timeline import load_events
    from ..tone import load_actors

    return {"codebook": load_codebook, "naming": load_lexicon, "actors": lambda p: load_actors(str(p)),
            "events": load_events, "speakers": lambda p: load_gazetteer(str(p))}


def _load_file(kind: str, path: Path, loader: Callable[[Path], Any]) -> Any:
    try:
        return loader(path)
    except (ValueError, KeyError, TypeError, OSError, yaml.YAMLError) as exc:
        msg = _one_line(exc)
        where = "" if str(path) in msg else f"{path}: "
        raise StoryError(f"{where}{msg} (the {kind} file of the story pack; fix it or remove it)") from None


def _resolve(name_or_path: str | Path, base: Path | None = None) -> Path:
    """The folder of a pack given by a shipped name or a path (relative to ``base`` when given)."""
    text = str(name_or_path).strip()
    if base is not None and text and not Path(text).is_absolute():
        candidate = story_dir(base / text)
        if candidate is not None:
            return candidate
    folder = story_dir(text) if text else None
    if folder is not None:
        return folder
    path = Path(text)
    if path.is_dir():
        raise StoryError(f"{path}: no story.yaml in this folder; create one with "
                         f"`mediakit story init {path} --corpus CORPUS` or name a pack")
    where = f" (from {base / PACK_FILES['story']})" if base is not None else ""
    raise StoryError(f"no story pack {text!r}{where}; shipped packs: {', '.join(story_names()) or 'none'}, "
                     "or give the folder of a pack")


def load_story(name_or_path: str | Path, *, kinds: Iterable[str] | None = None) -> Story:
    """Load and validate a story pack: a shipped name, a pack folder or its ``story.yaml``.

    A ``story.yaml`` holding only ``story: <name or relative path>`` refers to another pack, which is
    loaded instead (a corpus folder names its story this way). Every problem raises :class:`StoryError`
    with one line naming the file and the fix. ``kinds`` (of :data:`ANALYSIS_KINDS`) loads only those files,
    the others read as None (a run that needs only the speakers need not compile the codebook); None loads all.

    >>> story = load_story("s400")
    >>> story.name, story.languages
    ('s400', ('en', 'tr', 'ru'))
    >>> load_story("no-such-pack")
    Traceback (most recent call last):
    ...
    mediakit.stories.StoryError: no story pack 'no-such-pack'; shipped packs: ..., or give the folder of a pack
    """
    folder = _resolve(name_or_path)
    seen: list[Path] = []
    while True:
        story_file = folder / PACK_FILES["story"]
        raw = _read(story_file)
        if "story" not in raw:
            break
        if set(raw) != {"story"}:
            raise StoryError(f"{story_file}: a story.yaml that refers to a pack with 'story:' holds nothing else; "
                             "remove the other keys or drop 'story:'")
        ref = raw["story"]
        if not isinstance(ref, str) or not ref.strip():
            raise StoryError(f"{story_file}: 'story' must name a pack or a folder path; found {ref!r}")
        seen.append(folder.resolve())
        folder = _resolve(ref, base=folder)
        if folder.resolve() in seen:
            raise StoryError(f"{story_file}: 'story: {ref}' refers back to itself; name a pack with its own "
                             "name and title")
    meta = _validate(raw, story_file)
    loaded: dict[str, Any] = {}
    loaders = None
    wanted = set(ANALYSIS_KINDS if kinds is None else kinds)
    for kind in ANALYSIS_KINDS:
        path = folder / PACK_FILES[kind]
        if kind not in wanted or not path.is_file():
            loaded[kind] = None
            continue
        loaders = loaders or _loaders()
        loaded[kind] = _load_file(kind, path, loaders[kind])
    return Story(path=folder, **meta, **loaded)


def story_for_corpus(path: str | Path, *, kinds: Iterable[str] | None = None) -> Story | None:
    """The story a corpus folder names with its ``story.yaml``, or None when it has none.

    The folder's ``story.yaml`` is either a pack itself (``name``, ``title``, files beside it) or a
    reference ``story: <name or relative path>``. A file (a CSV export, one article) names no story.
    ``kinds``: as for :func:`load_story`.

    >>> story_for_corpus("data/s400").name
    's400'
    >>> story_for_corpus("mediakit/resources") is None
    True
    """
    folder = Path(path)
    if not folder.is_dir() or not (folder / PACK_FILES["story"]).is_file():
        return None
    return load_story(folder, kinds=kinds)

