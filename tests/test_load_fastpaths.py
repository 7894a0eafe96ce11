"""The loader's fast paths give exactly what the plain rewrites give, on random whitespace-heavy text."""

from __future__ import annotations

import random
import re
import unicodedata

from mediakit.corpus import _assemble
from mediakit.text import (
    _LEADING_WS_RE,
    _MANY_NEWLINES_RE,
    _ODD_SPACE_RE,
    _SPACE_RE,
    _TRAILING_WS_RE,
    looks_like_mojibake,
    normalize_text,
    repair_mojibake,
    sentence_spans,
)

ALPHABET = ["a", "b", " ", " ", "\n", "\n", "\t", "\r", "\u00a0", "\u2003", "\u3000", "é", "\x0b", "\x0c", "\x1c",
            "\x1f", "\x01", "\x7f", "\x85", "\x90", ".", "Ã"]


def _normalize_reference(text: str) -> str:
    """normalize_text as written before its fast paths: every rewrite whenever its pattern could apply."""
    text = unicodedata.normalize("NFC", text)
    if looks_like_mojibake(text):
        text = unicodedata.normalize("NFC", repair_mojibake(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or _ODD_SPACE_RE.search(text):
        text = _SPACE_RE.sub(" ", text)
    text = _TRAILING_WS_RE.sub("\n", text)
    text = _LEADING_WS_RE.sub("\n", text)
    text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.choice([3, 10, 40, 400])  # 400: more than the 64 line ends looked at one by one
        out.append("".join(rng.choices(ALPHABET if rng.random() < 0.5 else ALPHABET[:6], k=k)))
    return out


def test_normalize_text_fast_paths_change_nothing() -> None:
    texts = _texts(4000, 1)
    assert sum(t.isascii() for t in texts) > 1000
    for text in texts:
        assert normalize_text(text) == _normalize_reference(text), repr(text)


def test_clean_fast_path_changes_nothing() -> None:
    for text in _texts(4000, 2):
        repaired = repair_mojibake(text) if looks_like_mojibake(text) else text
        expected = normalize_text(_assemble._CONTROL_RE.sub("", _assemble._BREAK_RE.sub("\n", repaired)))
        assert _assemble._clean(text) == expected, repr(text)
    assert _assemble._clean("a\x1fb\x0bc\x01d") == "a\x1fb\ncd"  # \x1f is kept, as before


PIECES = ["He said.", " ", "  ", "\n", "\n\n", "\t", "(Reporting by A. Li; Editing by B. Ode)", "(Writing by C)",
          "(Additional reporting by D)", ".", "FULL TEXT. ", "ABSTRACT: ", "Copyright 2020 X. All rights reserved. ",
          "(AP Photo/J. Doe)", "(Reuters / K)", "Getty Images", "B. ODE/AFP via Getty Images", "(Getty Images)",
          "ANKARA (Reuters) - ", "Photo: A / B", "Share this article", "The bank spoke", "\u00a0", "\u2003"]


def test_strip_boilerplate_fast_searches_change_nothing(monkeypatch) -> None:
    import dataclasses

    from mediakit.corpus import _boilerplate

    rules = _boilerplate._boilerplate_rules()
    assert rules.lead_markers_at_line_start and all(rest is not None for _, rest in rules.trailing)
    assert len(rules.inline_trigger) > 1  # the fast forms are really used with the shipped rules
    plain = dataclasses.replace(rules, trailing=[(rx, None) for rx, _ in rules.trailing],
                                lead_markers_at_line_start=False,
                                inline_trigger=[re.compile("|".join(rx.pattern for rx in rules.inline_trigger))])
    rng = random.Random(3)
    texts = ["".join(rng.choices(PIECES, k=rng.randint(1, 30))) for _ in range(3000)]
    fast = [_boilerplate.strip_boilerplate(t) for t in texts]
    monkeypatch.setattr(_boilerplate, "_boilerplate_rules", lambda: plain)
    slow = [_boilerplate.strip_boilerplate(t) for t in texts]
    assert fast == slow
    assert sum(bool(c) for _, _, c in fast) > 1000


def test_alternatives_and_leading_space_helpers() -> None:
    from mediakit.corpus._boilerplate import _after_leading_space, _alternatives, _leftmost_start

    assert _alternatives(r"a[|)]b|(c|d)|[]|]e|[^]|]f") == ["a[|)]b", "(c|d)", "[]|]e", "[^]|]f"]
    assert _alternatives(r"(a)\1|b") == [r"(a)\1|b"] and _alternatives("ab") == ["ab"]
    assert _after_leading_space(r"\s*+x", 0) is None and _after_leading_space("x", 0) is None
    rx = re.compile(r"\s*\((?:by) [^()]{2,30}\)\.?\s*$", re.I)
    rest = _after_leading_space(rx.pattern, re.I)
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choices(["a", " ", "\n", "\u2003", "(by ann)", "(BY b)", ".", "(", ")"], k=rng.randint(0, 12)))
        m = rx.search(text)
        assert _leftmost_start(rx, rest, text) == (m.start() if m else -1), repr(text)


NOTE = "Editor's note: the owner of this paper has given money to the mayor and to the {} of the city council."
SENTENCES = [
    NOTE.format("chair"), NOTE.format("members"), NOTE.format("chair").replace(" ", "\n", 3), "Advertisement.",
    "Sign up.", "Mr. Li spoke.", "The U.S. said so.", "the end… Really?", 'He said: "No!" Then left.',
    "Follow us on the web for more news from the city and the region every day of the week.",
    "Follow us on the web for news from the town and the region on every day of the long week.",
    "Prices rose. and fell.", "Dr. A. Ode wrote this.", "«Yes.» Maybe.", "Rain (light) fell.",
    f"See https://x.example/{'a' * 250} for the whole report on the owner of this paper and the council.",
]


def _corpus(rng: random.Random) -> tuple[list[str], list[str]]:
    texts, outlets = [], []
    for outlet in ("A", "B", "C")[: rng.randint(1, 3)]:
        common = rng.sample(SENTENCES, 4)
        for n in range(rng.randint(3, 30)):
            own = [f"Story {n} {rng.random():.6f} tells of the {rng.choice(['bridge', 'vote', 'strike'])}."
                   for _ in range(rng.randint(1, 4))]
            picked = own + rng.sample(common, rng.randint(0, 3)) + rng.sample(SENTENCES, rng.randint(0, 2))
            picked = own if rng.random() < 0.4 else picked  # nothing in common: such articles are left out
            rng.shuffle(picked)
            text = "".join(s + rng.choice([" ", " ", "\n", "\n\n"]) for s in picked).strip()
            texts.append(text)
            outlets.append(outlet)
    return texts, outlets


def test_learning_leaves_out_only_articles_that_cannot_matter(monkeypatch) -> None:
    from mediakit.corpus import _learn

    rng = random.Random(11)
    corpora = [_corpus(rng) for _ in range(150)]
    split = []
    monkeypatch.setattr(_learn, "sentence_spans", lambda text: split.append(text) or sentence_spans(text))
    fast = [_learn.learn_spans(texts, outlets) for texts, outlets in corpora]
    n_split, n_texts = len(split), sum(len(texts) for texts, _ in corpora)
    monkeypatch.setattr(_learn, "_cues", lambda text: {"every article"})  # nobody left out
    slow = [_learn.learn_spans(texts, outlets) for texts, outlets in corpora]
    assert fast == slow
    assert sum(bool(sp) for spans in fast for sp in spans) > 1000  # notes really learned
    assert 0.3 * n_texts < n_split < 0.7 * n_texts  # and many articles never split into sentences


def test_words_around_a_cut_are_read_whole_past_the_window() -> None:
    from mediakit.corpus._learn import _words_before, _words_from

    rng = random.Random(4)
    for _ in range(2000):
        text = " ".join(rng.choice(["a", "B", "cc", "d" * 150, "E" * 260]) for _ in range(rng.randint(1, 12)))
        at = rng.randint(0, len(text))
        expected_from = " ".join(text[at:].split()[:5]).lower() if at == 0 or text[at - 1] == " " else None
        if expected_from is not None:
            assert _words_from(text, at, text[at:at + 3].split(None, 5)) == expected_from
        if at == len(text) or text[at] == " ":
            assert _words_before(text, at) == " ".join(text[:at].split()[-5:]).lower()


def _walk_reference(root, ignore_lines):
    """_walk's file list as first written: every pattern tried on every file's relative path."""
    import os
    from pathlib import Path

    from mediakit.corpus._base import ALWAYS_IGNORED
    from mediakit.corpus._files import _ignored

    ignore = list(ALWAYS_IGNORED) + ignore_lines
    real_root, out = os.path.realpath(root), []
    for folder, dirs, names in os.walk(root):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not any(_ignored((base / d).relative_to(root), p)
                                                                         for p in ignore)]
        for name in names:
            p = base / name
            if name.startswith(".") or any(_ignored(p.relative_to(root), pat) for pat in ignore):
                continue
            if p.is_symlink() and os.path.commonpath([real_root, os.path.realpath(p)]) != real_root:
                continue
            out.append(p)
    return sorted(out)


def test_walk_ignores_what_it_ignored_before(tmp_path) -> None:
    from mediakit.corpus._files import _walk

    root = tmp_path / "corpus"
    rng = random.Random(9)
    names = ["a.md", "README.md", "notes.tmp", "b.csv", ".hidden.md", "gold.md", "x.txt", "LICENSE", "c.CSV"]
    folders = ["", "sub", "sub/deep", "gold", "drafts", "sub/gold", "README-folder"]
    for folder in folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name in rng.sample(names, 6):
            (root / folder / name).write_text("x", encoding="utf-8")
    (root / "link.md").symlink_to(root / "a.md")
    (root / "out.md").symlink_to(tmp_path / "elsewhere.md")
    patterns = ["gold/", "*.tmp", "sub/b.csv", "drafts/*", "sub/deep", "*.CSV", "x.txt", "sub/gold/a.md"]
    counts = []
    for k in range(len(patterns) + 1):
        lines = patterns[:k]
        (root / ".mediakitignore").write_text("\n".join(["# note", *lines]), encoding="utf-8")
        found = _walk(root)
        assert found == _walk_reference(root, lines), lines
        counts.append(len(found))
    assert counts[0] > 20 and counts[-1] < counts[0]
