"""The report's building blocks: a section, the build context (figures, tables, fit notes), escaping and
small HTML helpers shared by the sections (:mod:`mediakit._report_sections`) and :mod:`mediakit.report`."""


from __future__ import annotations

import hashlib
import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd


@dataclass
class Section:
    """One part of the report: an anchor, a title, HTML body and the methods text for the appendix."""

    key: str
    title: str
    body: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)


# The report's PNGs: 100 dpi makes an 8-inch chart 800 px wide, the width the page shows it at; it costs a
# quarter of the pixels (and of the rendering and compression time) of save_figure's own 200 dpi.
PNG_DPI = 100


@dataclass
class Context:
    corpus: pd.DataFrame
    out_dir: Path
    source: str
    params: dict[str, Any]
    resources: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    figures: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    def figure(self, fig, name: str, data: pd.DataFrame, caption: str) -> str:
        """Export ``fig`` (png/svg/pdf + csv) and return it as inline SVG inside a <figure>.

        PNGs are written at :data:`PNG_DPI` (the page inlines the SVG; a PNG is for slides and documents).
        """
        import matplotlib.pyplot as plt

        from .export import save_figure

        t0 = time.perf_counter()
        formats = self.cache.get("formats", ("svg",))
        paths = save_figure(fig, name, data=data, out_dir=self.out_dir / "figures", source=self.source,
                            formats=dict.fromkeys([*formats, "svg"]), dpi=PNG_DPI)  # the page inlines the SVG
        plt.close(fig)
        timings = self.cache.setdefault("timings", {})
        timings["saving charts"] = timings.get("saving charts", 0.0) + time.perf_counter() - t0
        self.figures.append(name)
        svg = paths["svg"].read_text(encoding="utf-8")
        svg = svg[svg.index("<svg"):]
        return (f'<figure class="chart" id="fig-{esc(name)}">{svg}<figcaption>{isolate(caption)} '
                f'<span class="files">Files: <code>figures/{esc(name)}.{"|".join(p for p in paths if p != "csv")}</code>, numbers in '
                f'<code>figures/{esc(name)}.csv</code>.</span></figcaption></figure>')

    def fit(self, *tables: Any) -> str:
        """The fit notes (``attrs["fit_note"]``) of ``tables``, each once, as note paragraphs."""
        notes = []
        for t in tables:
            note = getattr(t, "attrs", {}).get("fit_note") if t is not None else None
            if note and note not in notes:
                notes.append(str(note))
        return "".join(f'<p class="note fit">Fit: {esc(n)}</p>' for n in notes)

    def table(self, df: pd.DataFrame, name: str | None = None, *, max_rows: int = 30, floats: int = 3) -> str:
        """Render ``df`` as an escaped HTML table (and save it to ``tables/name.csv`` when named)."""
        from .export import save_table

        if name:
            save_table(df, name, out_dir=self.out_dir / "tables")
        shown = df.head(max_rows)
        more = f'<p class="more">{len(df) - max_rows} more rows in <code>tables/{esc(name)}.csv</code>.</p>' if (
            len(df) > max_rows and name) else ""
        return html_table(shown, floats=floats) + more


def esc(value: Any) -> str:
    """HTML-escape anything for text or attribute context."""
    return html.escape("" if value is None else str(value), quote=True)


# Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo...) and the bidi controls (LRM/RLM, ALM,
# embeddings, overrides, isolates): text holding one can reorder what follows it on the page.
BIDI_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def isolate(value: Any) -> str:
    """HTML-escape text that comes from the articles, isolating its direction in ``<bdi>`` when it has one.

    An unterminated right-to-left override in an outlet name then stays inside its own cell or quote.

    >>> isolate("Daily <News>")
    'Daily &lt;News&gt;'
    >>> isolate("\u202eevil")
    '<bdi>\u202eevil</bdi>'
    """
    text = esc(value)
    return f"<bdi>{text}</bdi>" if BIDI_RE.search(text) else text


def fmt_value(v: Any, floats: int) -> str:
    if isinstance(v, float):
        if v != v:
            return ""
        return f"{v:.{floats}f}"
    if isinstance(v, pd.Timestamp):
        return "" if pd.isna(v) else v.strftime("%Y-%m-%d")
    return str(v)


def html_table(df: pd.DataFrame, *, floats: int = 3) -> str:
    head = "".join(f"<th>{isolate(c)}</th>" for c in df.columns)
    rows = []
    for rec in df.itertuples(index=False):
        cells = "".join(
            f'<td class="num">{esc(fmt_value(v, floats))}</td>' if isinstance(v, int | float) and not isinstance(v, bool)
            else f"<td>{isolate(fmt_value(v, floats))}</td>" for v in rec)
        rows.append(f"<tr>{cells}</tr>")
    return f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def corpus_hash(corpus: pd.DataFrame) -> str:
    """SHA-256 over the articles' ids, outlets, dates, titles and texts, in id order."""
    h = hashlib.sha256()
    for row in corpus.sort_values("article_id")[["article_id", "outlet", "date", "title", "text"]].itertuples(
            index=False):
        for v in row:
            h.update(str(v).encode("utf-8"))
            h.update(b"\x1f")
    return h.hexdigest()


# ---------------------------------------------------------------- sections
FREQ_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}

# One sentence per story-specific part: what a story pack would add where the report runs without one.
WITHOUT = {
    "events": "A story pack with events.yaml would mark the story's events on this chart and show which outlet "
              "reported each one first.",
    "naming": "A story pack with naming.yaml would show here what each outlet calls the same thing (the competing "
              "names of the story's key concepts).",
    "codebook": "Frames come from the generic Policy Frames Codebook; a story pack's codebook.yaml would score the "
                "story's own frames.",
    "actors": "A story pack with actors.yaml would show here the tone of the sentences naming each of the story's "
              "actors, per outlet.",
    "speakers": "Speakers are typed with mediakit's generic gazetteer; a story pack's speakers.yaml would name the "
                "story's people with their roles and the dates they held them.",
}


def without(kind: str) -> str:
    return f'<p class="note story">{esc(WITHOUT[kind])}</p>'


def slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")


def params_text(d: Any) -> str:
    if not isinstance(d, dict):
        return str(d)
    return ", ".join(f"{k}={v}" for k, v in d.items() if not isinstance(v, dict | list | pd.DataFrame))


def sentence_text_of(corpus: pd.DataFrame, ev: Any) -> str:
    row = corpus.loc[corpus.article_id == ev.article_id].iloc[0]
    source = row.title if getattr(ev, "part", "") == "headline" else row.text
    return source[int(ev.start):int(ev.end)]


# Anchor and heading of each section, for the note written when it cannot run on a corpus.
