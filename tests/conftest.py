"""Shared fixtures: tiny corpora written for the project (never text from a real outlet)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
S400 = ROOT / "data" / "s400"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


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
