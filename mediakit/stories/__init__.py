"""Story packs: everything story-specific in one folder, so that the library itself stays story-neutral.

A pack is a folder with ``story.yaml`` (name, title, description, languages, date range) and any of
``codebook.yaml``, ``naming.yaml``, ``actors.yaml``, ``events.yaml``, ``speakers.yaml``. Packs ship under
``mediakit/stories/<name>/``; any folder of that shape is a pack too, and a corpus folder names its story
with a ``story.yaml`` of its own (a pack, or ``story: <name or path>``).

>>> load_story("s400").title
"Turkey's purchase of Russian S-400 air-defence systems"

This package sits at the top layer, beside the report: it loads each file with its analysis's loader.
The analyses never import it; they find pack files by name through :mod:`mediakit.packs`.
"""

from ._pack import Story, StoryError, load_story, story_for_corpus
from ._resolve import FROM_STORY, is_none, resolve_resources
from ._scaffold import init_story

__all__ = [
    "Story", "StoryError", "load_story", "story_for_corpus", "init_story", "FROM_STORY", "is_none", "resolve_resources",
]
