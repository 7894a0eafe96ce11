"""Shared fixtures: tiny corpora written for the project (never text from a real outlet)."""

from __future__ import annotations

import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
S400 = ROOT / "data" / "s400"
HARBOUR = ROOT / "tests" / "data" / "harbour"  # the second story (a harbour strike), en/tr/ru
# Present before a run and rewritten by any run: pytest's cache, bytecode, the venv `make test` creates.
_RUN_LITTER = {".pytest_cache", "__pycache__", ".venv"}


def checkout_state(root: Path = ROOT) -> set[str] | None:
    """``git status --porcelain --ignored=matching`` lines of the checkout, less run litter; None outside git."""
    try:
        done = subprocess.run(["git", "status", "--porcelain", "--ignored=matching"], cwd=root, capture_output=True,
                              text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    lines = set()
    for line in done.stdout.splitlines():
        paths = line[3:].replace('"', "").split(" -> ")
        if not any(_RUN_LITTER & set(Path(p).parts) for p in paths):
            lines.add(line)
    return lines


@pytest.fixture(scope="session", autouse=True)
def checkout_left_as_found() -> Iterator[None]:
    """Fail the run if it created, changed or deleted anything in the checkout: tests write under tmp_path.

    Recorded when the session starts (after `make test` has created .venv), checked when it ends, doctests
    included (pyproject.toml lists tests/ before mediakit/).
    """
    before = checkout_state()
    yield
    if before is None:
        return
    after = checkout_state() or set()
    changed = sorted(after - before) + [f"gone: {line}" for line in sorted(before - after)]
    if changed:
        pytest.fail("the test run changed the checkout (write under tmp_path instead): " + "; ".join(changed),
                    pytrace=False)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_quiet(path: Path) -> pd.DataFrame:
    """``mk.load_corpus(path)`` without its load warnings."""
    import mediakit as mk

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mk.load_corpus(path)


@pytest.fixture(scope="module")
def s400() -> pd.DataFrame:
    """data/s400, loaded once per test module that asks for it."""
    return load_quiet(S400)


@pytest.fixture
def tiny_corpus() -> pd.DataFrame:
    """Three short articles from two outlets, as load_corpus would return them."""
    from mediakit.corpus import COLUMNS

    rows = [
        {"article_id": "a1", "outlet": "Alpha", "date": pd.Timestamp("2020-12-14"), "title": "Sanctions imposed",
         "text": "Washington imposed sanctions on the agency. \"We will respond,\" the minister said."},
        {"article_id": "a2", "outlet": "Alpha", "date": pd.Timestamp("2020-12-15"), "title": "Reaction",
         "text": "Ankara condemned the sanctions. The ministry said the decision was unfair."},
        {"article_id": "b1", "outlet": "Beta", "date": pd.Timestamp("2020-12-15"), "title": "Restrictions",
         "text": "Moscow criticised the restrictions. Officials noted the deal would go ahead."},
    ]
    df = pd.DataFrame(rows)
    for c in COLUMNS:
        if c not in df:
            df[c] = "day" if c == "date_precision" else ""
    return df[COLUMNS]


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present on this machine")
    return SHARED


def attribution_contents(text: str) -> dict[str, str | None]:
    """Reported content -> the speaker's text, for every non-direct attribution that the quote rules find in
    ``text`` (offsets taken as ``text[start:end]``)."""
    from mediakit.quotes import find_attributions

    out = {}
    for r in find_attributions(text):
        if r["kind"] == "direct":
            continue
        spk = text[r["speaker_start"]:r["speaker_end"]] if r["speaker_start"] is not None else None
        out[text[r["start"]:r["end"]]] = spk
    return out
