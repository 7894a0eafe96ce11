"""Write charts and tables to disk reproducibly, each chart with the CSV of the numbers it plots.

>>> import matplotlib.pyplot as plt
>>> from mediakit.export import save_figure
>>> fig, ax = plt.subplots(); _ = ax.bar(["A", "B"], [1, 2])
>>> paths = save_figure(fig, "demo", data={"outlet": ["A", "B"], "n": [1, 2]}, out_dir="/tmp/mk")  # doctest: +SKIP

Re-running produces identical bytes: no dates or software versions in the files' metadata, fixed SVG ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd

__all__ = ["save_figure", "save_table", "HOUSE_STYLE", "house_style", "source_line"]

HOUSE_STYLE = str(resources.files("mediakit.resources").joinpath("house.mplstyle"))
DEFAULT_DIR = Path("reports") / "figures"
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def house_style():
    """Context manager applying the house style: ``with house_style(): fig, ax = plt.subplots()``."""
    import matplotlib.pyplot as plt

    return plt.style.context(HOUSE_STYLE)


def source_line(corpus: pd.DataFrame) -> str:
    """The attribution printed under exported charts: "mediakit analysis of N articles, DATE-DATE".

    >>> import pandas as pd
    >>> source_line(pd.DataFrame({"date": pd.to_datetime(["2019-07-12", "2021-09-29"])}))
    'mediakit analysis of 2 articles, Jul 2019-Sep 2021'
    """
    n = len(corpus)
    dates = pd.to_datetime(corpus["date"]).dropna() if "date" in corpus else pd.Series([], dtype="datetime64[ns]")
    span = f", {dates.min():%b %Y}-{dates.max():%b %Y}" if len(dates) else ""
    return f"mediakit analysis of {n} articles{span}"


def _as_frame(data: Any) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, Mapping):
        return pd.DataFrame(dict(data))
    raise TypeError(f"data must be a DataFrame, Series or dict of columns, not {type(data).__name__}")


def save_figure(
    fig: matplotlib.figure.Figure,
    name: str,
    *,
    data: Any = None,
    formats: Iterable[str] = ("png", "svg", "pdf"),
    out_dir: str | Path = DEFAULT_DIR,
    source: str | None = None,
    dpi: int = 200,
) -> dict[str, Path]:
    """Save ``fig`` as ``out_dir/name.{png,svg,pdf}`` and ``data`` as ``out_dir/name.csv``.

    PNG at ``dpi`` (200), SVG with text kept as text, PDF with embedded TrueType fonts; no timestamps in
    any file, so a re-run gives identical bytes. ``source`` (e.g. :func:`source_line`) is printed in small
    grey type at the bottom left. Returns ``{format: path}``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if source:
        # Under everything already drawn (rotated tick labels included), so it never overlaps the chart.
        renderer = fig.canvas.get_renderer()
        box = fig.get_tightbbox(renderer)
        w, h = fig.get_size_inches()
        fig.text(box.x0 / w, box.y0 / h - 0.02, source, fontsize=7, color="#666666", ha="left", va="top")
    paths: dict[str, Path] = {}
    rc = {"svg.fonttype": "none", "svg.hashsalt": "mediakit", "pdf.fonttype": 42, "ps.fonttype": 42}
    with matplotlib.rc_context(rc):
        for fmt in formats:
            fmt = fmt.lower().lstrip(".")
            if fmt not in _METADATA:
                raise ValueError(f"unsupported format {fmt!r}; use png, svg or pdf")
            path = out / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, dpi=dpi, metadata=_METADATA[fmt], bbox_inches="tight")
            paths[fmt] = path
    if data is not None:
        paths["csv"] = save_table(_as_frame(data), name, out_dir=out)
    return paths


def save_table(df: pd.DataFrame, name: str, *, out_dir: str | Path = Path("reports") / "tables",
               index: bool = False) -> Path:
    """Write ``df`` as UTF-8 CSV ``out_dir/name.csv`` (floats with up to 6 significant digits)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.csv"
    df.to_csv(path, index=index, float_format="%.6g", lineterminator="\n")
    return path
