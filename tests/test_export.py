"""Chart export: all formats, the CSV beside each chart, identical bytes on a re-run."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from mediakit.export import HOUSE_STYLE, save_figure, save_table, source_line  # noqa: E402
from mediakit.plotting import outlet_colors, plot_articles_over_time, plot_articles_per_outlet  # noqa: E402


def _chart(tiny_corpus):
    with plt.style.context(HOUSE_STYLE):
        ax = plot_articles_per_outlet(tiny_corpus)
    return ax.figure


def test_save_figure_writes_every_format_and_csv(tmp_path, tiny_corpus):
    counts = tiny_corpus.groupby("outlet").size().rename("articles").reset_index()
    paths = save_figure(_chart(tiny_corpus), "per_outlet", data=counts, out_dir=tmp_path,
                        source=source_line(tiny_corpus))
    assert set(paths) == {"png", "svg", "pdf", "csv"}
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = paths["svg"].read_text()
    assert "<text" in svg and "Articles per outlet" in svg  # text kept as text
    pdf = paths["pdf"].read_bytes()
    assert b"/FontFile2" in pdf  # TrueType embedded
    assert pd.read_csv(paths["csv"]).to_dict("records") == [{"outlet": "Alpha", "articles": 2},
                                                          {"outlet": "Beta", "articles": 1}]
    assert "mediakit analysis of 3 articles, Dec 2020-Dec 2020" in svg


def test_save_figure_is_byte_identical_on_rerun(tmp_path, tiny_corpus):
    first = {k: p.read_bytes() for k, p in save_figure(_chart(tiny_corpus), "x", out_dir=tmp_path / "a").items()}
    plt.close("all")
    second = {k: p.read_bytes() for k, p in save_figure(_chart(tiny_corpus), "x", out_dir=tmp_path / "b").items()}
    assert first == second


def test_save_table(tmp_path, tiny_corpus):
    path = save_table(tiny_corpus[["article_id", "outlet"]], "t", out_dir=tmp_path)
    assert path.read_text().splitlines()[0] == "article_id,outlet"


def test_outlet_colors_fixed_and_distinct():
    a = outlet_colors(["Volga Wire", "Potomac Herald", "TASS"])
    b = outlet_colors(["TASS", "Volga Wire", "Potomac Herald", "TASS"])
    assert a == b and len(set(a.values())) == 3


def test_plot_over_time_returns_axes(tiny_corpus):
    ax = plot_articles_over_time(tiny_corpus, freq="MS")
    assert ax.get_title() == "Coverage over time"
    assert sum(p.get_height() for p in ax.patches) == 3
    plt.close("all")
