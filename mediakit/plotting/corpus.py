"""Charts of the corpus itself: articles per outlet and over time."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from ._base import new_axes, outlet_colors
from ._literal import literal_text

__all__ = ["plot_articles_per_outlet", "plot_articles_over_time", "articles_over_time"]


@literal_text
def plot_articles_per_outlet(corpus: pd.DataFrame, *, ax: Axes | None = None, by: str = "outlet") -> Axes:
    """Horizontal bars: number of articles per outlet.

    >>> ax = plot_articles_per_outlet(pd.DataFrame({"outlet": ["A", "A", "B"]}))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['B', 'A']
    """
    counts = corpus.groupby(by).size().sort_values()
    ax = new_axes(ax, figsize=(7, 0.45 * len(counts) + 1.2))
    colors = outlet_colors(corpus[by])
    ax.barh(counts.index.astype(str), counts.values, color=[colors[str(o)] for o in counts.index])
    for i, v in enumerate(counts.values):
        ax.text(v, i, f" {v}", va="center", fontsize=9)
    ax.set_xlabel("articles")
    ax.set_title("Articles per outlet")
    ax.grid(axis="y", visible=False)
    return ax


def articles_over_time(corpus: pd.DataFrame, *, freq: str = "QS", by: str = "outlet") -> pd.DataFrame:
    """Counts of dated articles per period and outlet (wide: one column per outlet).

    >>> df = pd.DataFrame({"outlet": ["A", "B"], "date": pd.to_datetime(["2020-01-05", "2020-02-01"])})
    >>> articles_over_time(df, freq="MS").values.tolist()
    [[1, 0], [0, 1]]
    """
    dated = corpus.dropna(subset=["date"])
    table = (dated.groupby([pd.Grouper(key="date", freq=freq), by]).size().unstack(by, fill_value=0)
             .sort_index())
    return table


@literal_text
def plot_articles_over_time(corpus: pd.DataFrame, *, ax: Axes | None = None, freq: str = "QS",
                            by: str = "outlet") -> Axes:
    """Stacked bars of dated articles per period (default: quarter), coloured by outlet."""
    table = articles_over_time(corpus, freq=freq, by=by)
    ax = new_axes(ax, figsize=(9, 4.5))
    colors = outlet_colors(corpus[by])
    bottom = None
    labels = [d.strftime("%Y-%m") for d in table.index]
    for outlet in table.columns:
        ax.bar(labels, table[outlet].values, bottom=bottom, label=str(outlet), color=colors[str(outlet)])
        bottom = table[outlet].values if bottom is None else bottom + table[outlet].values
    ax.set_ylabel("articles")
    ax.set_title("Coverage over time")
    ax.tick_params(axis="x", rotation=45)
    ax.legend(ncols=2, loc="upper left")
    ax.grid(axis="x", visible=False)
    return ax
