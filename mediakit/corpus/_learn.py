"""Outlet boilerplate: passages an outlet repeats across its articles, and the user's own rules.

Both are removed from ``text`` at load time, before any offset exists, and kept in the ``boilerplate``
column, so nothing is lost silently and offsets never shift afterwards.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..text import sentence_spans
from ._base import BOILERPLATE_FILE, CorpusError

# Untuned defaults (no labelled boilerplate data yet): a passage is an outlet's boilerplate when it is
# repeated verbatim (after whitespace normalisation) in at least MIN_ARTICLES of that outlet's articles
# AND in at least MIN_SHARE of them, and has at least MIN_WORDS words (a sentence or a run of sentences).
MIN_ARTICLES = 3
MIN_SHARE = 0.2
MIN_WORDS = 8
SEPARATOR = " | "  # between the passages of one article in the `boilerplate` column
_MAX_RULES_BYTES = 1_000_000

_NEWLINES = re.compile(r"\n\s*\n(?:\s*\n)*")


def _key(sentence: str) -> str:
    return " ".join(sentence.split())


def learn_spans(texts: Sequence[str], outlets: Sequence[str], *, min_articles: int = MIN_ARTICLES,
                min_share: float = MIN_SHARE, min_words: int = MIN_WORDS) -> list[list[tuple[int, int]]]:
    """Spans ``(start, end)`` of each text that are its outlet's boilerplate, learned from all the texts.

    A sentence counts when it occurs in at least ``min_articles`` of its outlet's articles and in at least
    ``min_share`` of them; adjacent such sentences form one passage, kept when it has ``min_words`` words.

    >>> note = "Editor's note: this story was updated with the council's vote on Tuesday."
    >>> texts = [f"Story {i} is here. {note}" for i in range(4)] + ["Story 9 has no note."]
    >>> spans = learn_spans(texts, ["Post"] * 5)
    >>> [[texts[i][s:e] for s, e in sp] for i, sp in enumerate(spans)][0], spans[4]
    (["Editor's note: this story was updated with the council's vote on Tuesday."], [])
    """
    sentences = [sentence_spans(t) for t in texts]
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, outlet in enumerate(outlets):
        by_outlet[outlet].append(i)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    for members in by_outlet.values():
        need = max(min_articles, math.ceil(min_share * len(members)))
        if len(members) < need:
            continue
        df: dict[str, int] = defaultdict(int)
        for i in members:
            for key in {_key(texts[i][s:e]) for s, e in sentences[i]}:
                df[key] += 1
        common = {k for k, n in df.items() if n >= need}
        if not common:
            continue
        for i in members:
            run: list[tuple[int, int]] = []
            for s, e in [*sentences[i], (-1, -1)]:  # a sentinel closes the last run
                if s >= 0 and _key(texts[i][s:e]) in common:
                    run.append((s, e))
                    continue
                if run and len(texts[i][run[0][0]:run[-1][1]].split()) >= min_words:
                    out[i].append((run[0][0], run[-1][1]))
                run = []
    return out


def compile_rules(rules: Sequence[str | re.Pattern[str]], *, where: str = "boilerplate") -> list[re.Pattern[str]]:
    """User rules as patterns: a string is literal text (any run of spaces matches any whitespace), a string
    starting with ``re:`` or a compiled pattern is a regular expression.

    >>> [p.pattern for p in compile_rules(["Sign up  now!", "re:^Posted \\\\d+ hours ago"])]
    ['Sign\\\\s+up\\\\s+now!', '^Posted \\\\d+ hours ago']
    """
    out = []
    for rule in rules:
        if isinstance(rule, re.Pattern):
            out.append(rule)
        elif isinstance(rule, str) and rule.startswith("re:"):
            try:
                out.append(re.compile(rule[3:], re.M))
            except re.error as exc:
                raise CorpusError(f"{where}: rule {rule!r} is not a valid regular expression ({exc}); "
                                  "fix it, or drop the 're:' prefix to match the text literally") from exc
        elif isinstance(rule, str) and rule.strip():
            out.append(re.compile(r"\s+".join(re.escape(w) for w in rule.split())))
        else:
            raise CorpusError(f"{where}: rule {rule!r} is not a non-empty string or a compiled pattern; "
                              "give literal text, 're:<regex>' or re.compile(...)")
    return out


def read_rules_file(folder: Path) -> list[str]:
    """The ``patterns:`` of a corpus folder's ``boilerplate.yaml`` (none when the file is absent)."""
    path = folder / BOILERPLATE_FILE
    if not path.is_file():
        return []
    hint = "write it as 'patterns:' followed by '- text' lines (a line starting 're:' is a regex)"
    try:
        if path.stat().st_size > _MAX_RULES_BYTES:
            raise CorpusError(f"{path}: larger than {_MAX_RULES_BYTES:,} bytes; {hint}")
        spec: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: cannot be read ({str(exc).splitlines()[0]}); {hint}") from exc
    patterns = spec.get("patterns") if isinstance(spec, dict) else None
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise CorpusError(f"{path}: no list of strings under 'patterns:'; {hint}")
    return patterns


def rule_spans(text: str, rules: Sequence[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Spans of ``text`` matched by any rule (empty matches ignored)."""
    return [(m.start(), m.end()) for rx in rules for m in rx.finditer(text) if m.end() > m.start()]


def remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[str]]:
    """``text`` without ``spans`` (overlapping ones merged), and the removed passages in text order.

    A passage that filled its paragraph takes the paragraph break with it; one inside a paragraph leaves
    one space.

    >>> remove_spans("Lead. Note: read us.\\n\\nBody here.\\n\\nNote: read us.", [(6, 20), (34, 48)])
    ('Lead.\\n\\nBody here.', ['Note: read us.', 'Note: read us.'])
    """
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    if not merged:
        return text, []
    pieces, removed, pos = [], [], 0
    for s, e in merged:
        removed.append(_key(text[s:e]))
        pieces.append(text[pos:s])
        pos = e
    pieces.append(text[pos:])
    out = pieces[0]
    for piece in pieces[1:]:
        left, right = out.rstrip(" \t"), piece.lstrip(" \t")
        joint = "" if not left or not right or left.endswith("\n") or right.startswith("\n") else " "
        out = left + joint + right
    lines = "\n".join(ln.rstrip(" \t") for ln in out.split("\n"))
    return _NEWLINES.sub("\n\n", lines).strip(), removed


def join_removed(passages: Sequence[str]) -> str:
    return SEPARATOR.join(passages)
