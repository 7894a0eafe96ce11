"""The fast path for plain ``key: value`` front matter reads exactly what yaml.load reads, or steps aside."""

from __future__ import annotations

import itertools
import random

import pytest
import yaml

from mediakit.corpus._text import _YAML_LOADER, _load_front_matter, _simple_front_matter

KEYS = ["title", "outlet", "a-b", "_x", "K9", "yes", "No", "null", "on", "y", "x" * 100, "x" * 101, "1a"]
VALUES = [
    "", "Article 4 on the talks", "2020-01-01", "2020-02-30", "2020-13-01", "2021-03-03T10:00:00Z",
    "2021-03-03 10:00:00+03:00", "2021-3-3", "1_000", "0x1F", "0o17", "012", "1:30", "190:20:30", "-5", "+5",
    ".5", ".inf", "-.inf", ".NaN", "1e3", "1.0e+3", "12e3", "0", "-0", "00", "0.", "0b101", "1_0.5", "yes",
    "No", "on", "OFF", "y", "n", "~", "null", "Null", "True", "=", "<<", "a: b", "a #b", "a#b", "a:b",
    "https://news.example/1?x=1#top", "x:", "x ", " x", "Çavuşoğlu", "日本語", "emoji 😀", "a\tb", "a\u2028b",
    "a\x85b", "a\ufeffb", "a\x7fb", "a\x01b", "[a, b]", "{a: 1}", "[x", "x]", "{", "}", "&a x", "*a", "!t x",
    "|", ">", "%x", "@x", "`x", "- x", "-x", "?x", ":x", "a, b", ",x", "#x", "...", "---", "a'b", 'a"b',
    "it''s", "x\\y", "\\n", "2020-01-01 x", "Writer 4", "true story", "3.14", "1,000",
]


def _shown(value: object) -> str:
    return f"{type(value).__name__}:{value!r}"


def _same(source: str) -> None:
    fast = _simple_front_matter(source)
    if fast is None:
        return
    slow = yaml.load(source, Loader=_YAML_LOADER)  # raises if the fast path accepted what YAML refuses
    assert [(_shown(k), _shown(v)) for k, v in fast.items()] == [(_shown(k), _shown(v)) for k, v in slow.items()]


@pytest.mark.parametrize("value", VALUES)
def test_fast_front_matter_reads_each_value_as_yaml_does(value: str) -> None:
    for quoted in (value, f'"{value}"', f"'{value}'"):
        for key in KEYS:
            for line in (f"{key}: {quoted}", f"{key}:{quoted}", f"{key}:  {quoted}", f"{key}: {quoted} "):
                _same(line + "\n")
                _same(line)


def test_fast_front_matter_reads_whole_documents_as_yaml_does() -> None:
    rng = random.Random(7)
    accepted = 0
    for _ in range(3000):
        lines = [f"{rng.choice(KEYS[:6])}: {rng.choice([v, repr(v)])}" for v in rng.sample(VALUES, rng.randint(1, 6))]
        source = "\n".join(lines) + rng.choice(["\n", ""])
        _same(source)
        accepted += _simple_front_matter(source) is not None
    assert accepted > 300  # the fast path is really taken, repeated keys included


def test_fast_front_matter_types_and_fallbacks() -> None:
    meta = _simple_front_matter('title: "Talks: day 2"\ndate: 2020-02-30\nday: 2021-03-03\nn: 0x1F\n'
                                "ok: off\nempty:\nurl: https://x.example/a#b\ntitle: again\n")
    assert meta == {"title": "again", "date": "2020-02-30", "day": __import__("datetime").date(2021, 3, 3),
                    "n": 31, "ok": False, "empty": None, "url": "https://x.example/a#b"}
    assert list(meta) == ["title", "date", "day", "n", "ok", "empty", "url"]  # first place, last value
    for source in ("tags:\n  - a\n", "a: b\n\nc: d\n", "# note\na: b\n", "a: [1]\n", "a: *x\n", "yes: 1\n",
                   "a: 'it''s'\n", 'a: "x\\ty"\n', "a: b: c\n", "a: b\r\n", "<<: x\n"):
        assert _simple_front_matter(source) is None, source


def test_front_matter_errors_are_yaml_errors_still() -> None:
    with pytest.raises(yaml.YAMLError):
        _load_front_matter("a: b: c\n")
    assert _load_front_matter("a: &x 1\nb: 2\n") == {"a": 1, "b": 2}
    for a, b in itertools.combinations(["a: 1", "b: x", "c: 2020-01-01"], 2):
        assert _load_front_matter(f"{a}\n{b}\n") == yaml.safe_load(f"{a}\n{b}\n")
