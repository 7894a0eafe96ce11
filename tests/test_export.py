"""Chart export: all formats, the CSV beside each chart, identical bytes on a re-run."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

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


# ---------------------------------------------------------------- safe to open
def test_csv_cells_that_would_run_as_formulas_get_an_apostrophe(tmp_path):
    import pandas as pd

    from mediakit.export import save_table, write_csv

    df = pd.DataFrame({"outlet": ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "-3.5", "+4", "Plain", None],
                       "n": [-1, 2, -3.5, 4, 5, 6, 7, 8, 9, 10]})
    df.columns = ["outlet", "=n"]
    path = save_table(df, "t", out_dir=tmp_path)
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines[:8] == ["outlet,'=n", "'=1+1,-1", "'+cmd,2", "'-2+3,-3.5", "'@SUM(A1),4", "'\tTab,5", "'\rCR,6",
                         "-3.5,7"]
    assert lines[8:] == ["+4,8", "Plain,9", ",10", ""]  # numbers (negative too) stay numbers
    raw = pd.read_csv(io.StringIO(write_csv(df, neutralise=False)), keep_default_na=False)
    assert raw.outlet[0] == "=1+1" and raw.columns[1] == "=n"


def test_figure_csv_is_neutralised_and_math_is_drawn_literally(tmp_path):
    import matplotlib.pyplot as plt

    from mediakit.export import save_figure

    fig, ax = plt.subplots()
    ax.bar(["$\\foo{x}$", "$5 Daily $ Digest"], [1, 2])
    ax.set_title("=cmd $\\alpha$")
    paths = save_figure(fig, "m", data={"outlet": ["=cmd", "B"], "n": [1, 2]}, out_dir=tmp_path, formats=("svg",))
    plt.close(fig)
    svg = paths["svg"].read_text(encoding="utf-8")
    assert "$5 Daily $ Digest" in svg and "$\\foo{x}$" in svg and "=cmd $\\alpha$" in svg
    assert paths["csv"].read_text(encoding="utf-8") == "outlet,n\n'=cmd,1\nB,2\n"


@pytest.mark.parametrize("name", ["../up", "/abs/x", "a/b", "a\\b", "..", ""])
def test_export_names_cannot_leave_their_folder(name, tmp_path):
    import pandas as pd

    from mediakit.export import save_table

    with pytest.raises(ValueError, match="is not a plain file name"):
        save_table(pd.DataFrame({"a": [1]}), name, out_dir=tmp_path / "tables")
    assert not (tmp_path / "up.csv").exists()


def _busy_figure():
    """Rotated tick labels, a legend outside the axes, a colorbar and a date axis: every edge counts."""
    import numpy as np

    with plt.style.context(HOUSE_STYLE):
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(7, 3))
        ax1.bar(["Anatolian Courier", "Potomac Herald", "Rhine Radio International"], [3, 1, 2], label="n")
        ax1.tick_params(axis="x", labelrotation=60)
        ax1.legend(loc="upper left", bbox_to_anchor=(1.0, 1.15))
        im = ax2.imshow(np.arange(12).reshape(3, 4))
        fig.colorbar(im, ax=ax2, label="similarity")
        ax2.set_title("A long title that runs out of the axes to the right")
    return fig


@pytest.mark.parametrize("source", [None, "mediakit analysis of 3 articles"])
def test_tight_box_measured_once_equals_savefig_tight(tmp_path, source):
    from PIL import Image

    fig = _busy_figure()
    paths = save_figure(fig, "busy", out_dir=tmp_path, formats=("png", "svg"), source=source)
    reference = io.BytesIO()
    fig.savefig(reference, format="png", dpi=200, bbox_inches="tight")  # the source line, if any, is on fig now
    assert Image.open(paths["png"]).size == Image.open(reference).size
    svg = paths["svg"].read_text()
    assert "A long title" in svg and "Rhine Radio International" in svg
    plt.close(fig)


def test_save_figure_formats_subset_and_bad_format(tmp_path, tiny_corpus):
    paths = save_figure(_chart(tiny_corpus), "only", out_dir=tmp_path, formats=("PNG", ".svg", "png"))
    assert set(paths) == {"png", "svg"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["only.png", "only.svg"]
    with pytest.raises(ValueError, match="unsupported format 'jpg'; use png, svg or pdf"):
        save_figure(_chart(tiny_corpus), "bad", out_dir=tmp_path / "bad", formats=("png", "jpg"))
    assert not (tmp_path / "bad").exists()  # checked before anything is written
    plt.close("all")


def test_report_chart_formats_are_checked_up_front():
    from mediakit.report import _check_formats

    assert _check_formats(("png", "svg")) == ("png", "svg")
    assert _check_formats("png, PDF,png") == ("png", "pdf")  # the CLI's --formats string
    with pytest.raises(ValueError, match="unsupported chart format 'gif'; use some of png, svg, pdf"):
        _check_formats("png,gif")
    with pytest.raises(ValueError, match="unsupported chart format 'none'"):
        _check_formats("")
