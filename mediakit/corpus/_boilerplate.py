"""Credit lines, web furniture, leftover markup and database markers: removed from a body at load time."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[list[tuple[str, str, re.Pattern[str]]], list[re.Pattern[str]], list[re.Pattern[str]]]:
    spec = yaml.safe_load(resources.files("mediakit.resources").joinpath("boilerplate.yaml").read_text("utf-8"))
    lines = [(r["name"], r["action"], re.compile(r["pattern"], re.I)) for r in spec["line_rules"]]
    leads = [re.compile(r["pattern"]) for r in spec["lead_rules"]]
    markers = [re.compile(p, re.M) for p in spec["wire_markers"]]
    return lines, leads, markers


_MANY_NEWLINES = re.compile(r"\n\s*\n(?:\s*\n)+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


def strip_boilerplate(text: str) -> tuple[str, str, list[str]]:
    """Remove credit lines and web furniture from a normalised body: returns ``(text, wire, credits)``.

    >>> strip_boilerplate("ANKARA (Reuters) - Turkey said no.\\n\\nPhoto: A. B. / TASS\\n\\nShare this article")
    ('Turkey said no.', 'Reuters', ['ANKARA (Reuters) -', 'Photo: A. B. / TASS'])
    """
    line_rules, lead_rules, markers = _boilerplate_rules()
    wire = ""
    credits: list[str] = []
    kept: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        rule = next(((a, m) for _, a, rx in line_rules if s and (m := rx.match(s))), None)
        if rule is None:
            kept.append(line)
            continue
        action, m = rule
        if action in ("credit", "wire"):
            credits.append(s)
        if action == "wire" and not wire:
            wire = m.group("wire").strip()
    # Trailing tag lines (section tags, group labels) after the last sentence are not article text.
    # No library does this; the rule is: short lines without sentence punctuation at the very end.
    tags: list[str] = []
    while kept and (not kept[-1].strip() or (len(kept[-1].split()) <= 8 and not _SENTENCE_END.search(kept[-1].strip()))):
        if kept[-1].strip():
            tags.append(kept[-1].strip())
        kept.pop()
    credits.extend(reversed(tags))
    body = _MANY_NEWLINES.sub("\n\n", "\n".join(kept)).strip()
    for rx in lead_rules:
        m = rx.match(body)
        if m:
            wire = wire or m.group("wire").strip()
            credits.insert(0, body[: m.end()].strip())
            body = body[m.end():]
            break
    if not wire:
        for rx in markers:
            m = rx.search(body[:300])
            if m:
                wire = m.group("wire").strip()
                break
    return body, wire, credits

