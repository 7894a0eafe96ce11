"""The one way the quote-rule tests read attributions off an invented sentence: every field through the
character offsets of ``text`` (offsets are sacred), so a test compares words, not numbers."""

from __future__ import annotations

from mediakit.quotes import find_attributions


def rows(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, content, speaker) of every attribution in ``text``; speaker None when the row names none."""
    return [(r["kind"], text[r["start"]:r["end"]],
             None if r["speaker_start"] is None else text[r["speaker_start"]:r["speaker_end"]])
            for r in find_attributions(text)]


def rows_by_verb(text: str) -> list[tuple[str, str, str]]:
    """(kind, content, verb) of every attribution in ``text``: for tests about where a content ends."""
    return [(r["kind"], text[r["start"]:r["end"]], r["verb"]) for r in find_attributions(text)]
