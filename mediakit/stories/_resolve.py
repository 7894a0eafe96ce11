"""Which story pack and which resources (codebook, lexicon, actors, events, gazetteer) a run uses.

Shared by the report and the command line, so that ``--story``, ``--lexicon none`` and a corpus folder's
``story.yaml`` mean the same everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ._pack import Story, load_story, story_for_corpus

__all__ = ["FROM_STORY", "is_none", "resolve_resources"]


class _FromStory:
    """Default of the story-specific arguments: the story pack's file, or none without a story."""

    def __repr__(self) -> str:
        return "FROM_STORY"


FROM_STORY: Any = _FromStory()


def is_none(value: Any) -> bool:
    """True for None and the string ``"none"`` (any case): the CLI's and the API's way to say none.

    >>> is_none("None"), is_none("s400")
    (True, False)
    """
    return value is None or (isinstance(value, str) and value.strip().lower() == "none")


def resolve_resources(path: Any, story: Any = None, **given: Any) -> tuple[Story | None, dict[str, Any], dict[str, str]]:
    """The story pack and the loaded resources an analysis run uses: ``(story, resources, labels)``.

    ``story``: a shipped name, a pack folder or a :class:`Story`; None uses the ``story.yaml`` of the corpus
    folder ``path`` when it has one; ``"none"`` uses none. ``given`` holds any of ``codebook``, ``lexicon``,
    ``actors``, ``events``, ``gazetteer``: :data:`FROM_STORY` takes the pack's file (none without a pack),
    None or ``"none"`` means none, a name or path is loaded. The codebook falls back to policy_frames, the
    gazetteer to the generic one (None). Everything asked for is loaded here (and only that: the pack's other
    files are not read), so a bad file fails before any work.

    >>> _, res, labels = resolve_resources("data/s400", "none", codebook=FROM_STORY, lexicon="none")
    >>> res["lexicon"] is None, labels["codebook"]
    (True, 'policy_frames (generic)')
    """
    from ..framing import load_codebook
    from ..quotes import load_gazetteer
    from ..terms import load_lexicon
    from ..timeline import load_events
    from ..tone import load_actors

    pack_attr = {"codebook": "codebook", "lexicon": "naming", "actors": "actors", "events": "events",
                 "gazetteer": "speakers"}
    kinds = [pack_attr[k] for k in given]  # only the pack files asked for are loaded
    if isinstance(story, str) and story.strip().lower() == "none" or story is False:
        pack = None
    elif story is None:
        pack = story_for_corpus(path, kinds=kinds) if not isinstance(path, pd.DataFrame) else None
    else:
        pack = story if hasattr(story, "codebook") and hasattr(story, "path") else load_story(story, kinds=kinds)
    loaders = {"codebook": load_codebook, "lexicon": load_lexicon, "actors": load_actors, "events": load_events,
               "gazetteer": lambda v: load_gazetteer(str(v))}
    resources: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for kind, value in given.items():
        if value is FROM_STORY:
            obj = getattr(pack, pack_attr[kind]) if pack is not None else None
            label = (f"{pack.name} pack ({pack.file(pack_attr[kind])})" if obj is not None else "none")
            origin = "story" if obj is not None else "default"
        elif is_none(value):
            obj, label, origin = None, "none", "none"
        else:
            try:
                obj = value if not isinstance(value, str | Path) else loaders[kind](value)
            except (OSError, KeyError) as exc:
                raise ValueError(f"{kind} {value}: {' '.join(str(exc).split())}") from None
            label, origin = (str(value) if isinstance(value, str | Path) else f"<{type(value).__name__}>"), "given"
        if kind == "codebook" and obj is None:
            obj, label = load_codebook("policy_frames"), "policy_frames (generic)"
        if kind == "gazetteer" and obj is None:
            label = "mediakit's generic gazetteer"
        resources[kind] = obj
        labels[kind] = label
        labels[f"{kind}_from"] = origin
    return pack, resources, labels
