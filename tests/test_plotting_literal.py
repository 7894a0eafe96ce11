"""Chart text made from article data is literal: a ``$`` in an outlet name never becomes mathtext, even
outside the house style and save_figure (a notebook drawing inline)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from mediakit import plotting  # noqa: E402

NAMES = [r"$\foo{x}$ Wire", "$5 Daily $ Digest"]


@pytest.fixture
def corpus() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": [NAMES[0], NAMES[1], NAMES[1]],
                         "date": pd.to_datetime(["2020-01-01", "2020-01-02", "2020-02-01"]),
                         "text": ["One.", "Two.", "Three."]})


def test_outlet_names_with_dollars_are_drawn_as_written(corpus):
    with matplotlib.rc_context({"text.parse_math": True}):   # a user's style that parses math
        ax = plotting.plot_articles_per_outlet(corpus)
        ax.figure.savefig(io.BytesIO(), format="png")            # mathtext of "$\foo{x}$" would raise here
        texts = [t for t in ax.figure.findobj(matplotlib.text.Text) if "$" in t.get_text()]
        assert {t.get_text() for t in texts} >= set(NAMES)      # both names drawn, character for character
        assert not any(t.get_parse_math() for t in texts)
    plt.close("all")
