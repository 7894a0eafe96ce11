"""Markdown and plain-text articles: YAML front matter, or a title line and an optional dateline."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .._yaml import SAFE_LOADER
from ..dates import _parse_with_reason
from ._base import _Record, _shown, _Skip
from ._filenames import _folder_outlet

_FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
class _YAML_LOADER(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """Safe loader whose impossible dates (``2020-02-30``) stay strings instead of raising."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_YAML_LOADER.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


_DAY_SHAPED = re.compile(r"^\d{1,4}[-./ ]+(?:\d{1,2}|[A-Za-z]{3,9}\.?)[-./ ,]+\d{1,4}$")


# Front matter made only of one-line ``key: value`` pairs (most of it) is read without the YAML parser: the
# values are resolved and built by the YAML loader's own resolver and constructors, so types, dates and
# strings are those of yaml.load. Anything else (comments, blank or indented lines, lists, escapes, flow
# collections, tags, anchors, long keys, ": " or " #" inside a value, rare characters) goes to yaml.load.
# Characters taken as they are: printable for YAML, no line break (NEL, U+2028/9), no BOM or surrogate.
_PRINTABLE = r"\x20-\x7e\xa0-\u2027\u202a-\ud7ff"
_PAIR_RE = re.compile(
    r"([A-Za-z_][A-Za-z0-9_-]{0,99}):(?:"
    r'| "([\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff]*)"'  # double-quoted: no quote, no escape
    r"| '([\x20-\x26\x28-\x7e\xa0-\u2027\u202a-\ud7ff]*)'"  # single-quoted: no quote
    r"""| ([^\s\-?:,\[\]{}#&*!|>'"%@`\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\U0010ffff]"""  # plain: a safe first
    rf"[{_PRINTABLE}]*))"  # character, then printable ones
)
_FAST_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_STR_TAG = "tag:yaml.org,2002:str"


def _simple_front_matter(source: str) -> dict[Any, Any] | None:
    r"""``source`` read as ``key: value`` lines, as yaml.load reads it; None when it is not only such lines.

    >>> _simple_front_matter('title: "A: b"\ndate: 2021-03-03\nn: 5\nok: yes\nnote:\n')
    {'title': 'A: b', 'date': datetime.date(2021, 3, 3), 'n': 5, 'ok': True, 'note': None}
    >>> _simple_front_matter("tags: [a, b]\n") is None, _simple_front_matter("a: b # c\n") is None
    (True, True)
    """
    meta: dict[Any, Any] = {}
    loader = _loader()
    for line in source.split("\n")[:-1] if source.endswith("\n") else source.split("\n"):
        m = _PAIR_RE.fullmatch(line)
        if m is None:
            return None
        key, double, single, plain = m.groups()
        if not _text_key(key):
            return None  # "yes:", "null:", "on:" are not text keys
        if plain is not None:
            if ": " in plain or " #" in plain or plain.endswith((" ", ":")):
                return None
            tag = loader.resolve(yaml.ScalarNode, plain, (True, False))
            if tag not in _FAST_TAGS:
                return None
            meta[key] = plain if tag == _STR_TAG else loader.yaml_constructors[tag](loader, yaml.ScalarNode(tag, plain))
        elif double is not None or single is not None:
            meta[key] = double if double is not None else single
        else:  # "key:" alone
            meta[key] = None
    return meta


@lru_cache(maxsize=4096)
def _text_key(key: str) -> bool:
    return _loader().resolve(yaml.ScalarNode, key, (True, False)) == _STR_TAG


@lru_cache(maxsize=1)
def _loader() -> Any:
    return _YAML_LOADER("")


def _load_front_matter(source: str) -> Any:
    """YAML front matter without aliases: ``*name`` can make a few hundred bytes expand to gigabytes."""
    if source and (meta := _simple_front_matter(source)) is not None:
        return meta
    if "*" in source and any(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(source, Loader=SAFE_LOADER)):
        raise _Skip("YAML aliases (*name) in the front matter are not allowed",
                    "write each value out in full instead of referring to an &anchor")
    return yaml.load(source, Loader=_YAML_LOADER)


def _from_text(path: Path, text: str, *, outlet: str | None) -> _Record:
    meta: dict[str, Any] = {}
    body = text
    stripped = text.lstrip("\ufeff")
    if stripped.startswith("---"):
        m = _FRONT_RE.match(stripped)
        if not m:
            raise _Skip("front matter opened with '---' but never closed",
                        "add a closing '---' line after the metadata")
        try:
            meta = _load_front_matter(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise _Skip(f"bad YAML front matter{where}: {problem}",
                        "fix the YAML (quote values containing ':' or '#')") from exc
        if not isinstance(meta, dict):
            raise _Skip("front matter is not a mapping of keys to values", "write it as 'key: value' lines")
        body = stripped[m.end():]
        title = meta.get("title")
    else:
        lines = body.strip().split("\n", 1)
        title = lines[0].lstrip("#").strip()
        body = lines[1] if len(lines) > 1 else ""
        # A dateline of its own right under the title ("03 March 2021") is the article's date.
        first, _, rest = body.strip().partition("\n")
        if 0 < len(first.strip()) <= 40:
            _, precision, problem = _parse_with_reason(first.strip())
            # A day-shaped line that names no real or representable day is still a dateline (date -> NaT).
            day_shaped = bool(problem) and _DAY_SHAPED.match(first.strip()) is not None
            if (precision == "day" or day_shaped) and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", first.strip().lower()):
                meta["date"] = first.strip()
                body = rest
    meta = {str(k).lower(): v for k, v in meta.items()}
    meta["title"] = title if title is not None else ""
    folder = ""
    if not meta.get("outlet"):
        meta["outlet"] = outlet or (folder := _folder_outlet(path))
    meta["text"] = body
    return _Record(meta, _shown(path), outlet_folder=folder)
