"""The term explorer as live JupyterLab widgets (ipywidgets 8: its JupyterLab 4 extension ships prebuilt,
so nothing needs a build step). Selections run Python: the widget's KWIC output is an ``HTML`` widget
whose value the tests can read."""

from __future__ import annotations

import html
import math
from typing import Any

__all__ = ["TermWidget", "kwic_html", "scatter_svg"]


def kwic_html(lines: Any, term: str, header: str) -> str:
    """HTML table of KWIC lines (``data-start``/``data-end`` carry the offsets of each match)."""
    rows = []
    for r in lines.itertuples(index=False):
        rows.append(f'<tr class="kwic-line" data-article="{html.escape(r.article_id)}" data-start="{r.start}" '
                    f'data-end="{r.end}"><td style="color:#666;font-size:80%">{html.escape(r.group)} · '
                    f'{html.escape(r.date or "undated")}</td><td style="text-align:right">{html.escape(r.left)}</td>'
                    f'<td><mark>{html.escape(r.match)}</mark></td><td>{html.escape(r.right)}</td>'
                    f'<td style="color:#666;font-size:80%">{html.escape(r.title)}</td></tr>')
    return f"<h4>{html.escape(header)}</h4><table>{''.join(rows)}</table>"


def scatter_svg(scores: Any, selected: str | None, focus: str, other: str, width: int = 520, height: int = 420) -> str:
    """The scatter as an inline SVG (log frequency per 10,000 tokens; colour = z; the selection ringed)."""
    m = 40
    vals = [v for v in list(scores["freq"]) + list(scores["freq_other"]) if v > 0] or [1.0]
    lo, hi = math.log10(min(vals) / 2), math.log10(max(vals) * 1.2)

    def sx(v: float) -> float:
        return m + (math.log10(max(v, 10 ** lo)) - lo) / (hi - lo) * (width - 2 * m)

    def sy(v: float) -> float:
        return height - m - (math.log10(max(v, 10 ** lo)) - lo) / (hi - lo) * (height - 2 * m)

    def colour(z: float) -> str:
        t = max(-1.0, min(1.0, (z if math.isfinite(z) else 0.0) / 4))
        end = (33, 102, 172) if t >= 0 else (178, 24, 43)
        return "rgb(" + ",".join(str(round(225 + (c - 225) * abs(t))) for c in end) + ")"

    dots = []
    for r in scores.sort_values("z", key=abs).itertuples(index=False):
        sel = r.term == selected
        dots.append(f'<circle cx="{sx(r.freq):.1f}" cy="{sy(r.freq_other):.1f}" r="{6 if sel else 3}" '
                    f'fill="{colour(r.z)}" stroke="{"#000" if sel else "#555"}" stroke-width="{2 if sel else 0.3}">'
                    f'<title>{html.escape(r.term)}: {r.count} vs {r.count_other}, z {r.z:.2f}</title></circle>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" style="border:1px solid #ddd;background:#fff">'
            f'<line x1="{m}" y1="{height - m}" x2="{width - m}" y2="{m}" stroke="#bbb" stroke-dasharray="4 3"/>'
            f'{"".join(dots)}<text x="{width / 2}" y="{height - 8}" text-anchor="middle" font-size="12">'
            f'{html.escape(focus)} per 10,000 tokens</text><text x="12" y="{height / 2}" font-size="12" '
            f'text-anchor="middle" transform="rotate(-90 12 {height / 2})">{html.escape(other)} per 10,000 '
            f'tokens</text></svg>')


class TermWidget:
    """Focus and comparison dropdowns, a term search (Combobox), the top terms, the scatter and the KWIC."""

    def __init__(self, explorer: Any) -> None:
        try:
            import ipywidgets as w
        except ImportError as exc:  # pragma: no cover - the notebooks extra carries it
            raise ImportError("the explorer widget needs ipywidgets; pip install 'mediakit[notebooks]' "
                              "(or show the page: display the object, or mk.build_explorer)") from exc
        self.ex = explorer
        groups = explorer.data.groups
        self.focus = w.Dropdown(options=groups, value=explorer.focus, description="Focus")
        self.against = w.Dropdown(options=self._against_options(), value=explorer.against, description="against")
        self.search = w.Combobox(options=tuple(explorer.data.terms), placeholder="type a term", description="Term",
                                 ensure_option=True)
        self.top = w.Select(options=(), rows=12, description="Typical")
        self.scatter = w.HTML()
        self.kwic_output = w.HTML("<p>Pick a term to read it in context.</p>")
        caps = w.HTML(f"<p style='font-size:85%;color:#555'>{html.escape(_caps_line(explorer))}</p>")
        self.box = w.VBox([w.HBox([self.focus, self.against, self.search]), caps,
                           w.HBox([self.scatter, self.top]), self.kwic_output])
        self.focus.observe(self._on_focus, names="value")
        self.against.observe(lambda ch: self._refresh(), names="value")
        self.search.observe(self._on_term, names="value")
        self.top.observe(self._on_term, names="value")
        self._refresh()

    def _against_options(self) -> list[tuple[str, str]]:
        return [("all others", "rest")] + [(g, g) for g in self.ex.data.groups if g != self.ex.focus]

    def _on_focus(self, change: dict[str, Any]) -> None:
        self.ex.focus = change["new"]
        keep = self.against.value
        self.against.options = self._against_options()
        self.against.value = keep if keep in dict(self.against.options).values() else "rest"
        self._refresh()

    def _on_term(self, change: dict[str, Any]) -> None:
        term = change["new"]
        if term and term in self.ex.data.terms and term != self.ex.selected:
            self.ex.select(term)

    def _refresh(self) -> None:
        self.ex.against = self.against.value
        s = self.ex.scores()
        self._scores = s.set_index("term")
        top = s.sort_values("z", ascending=False).head(12)
        self.top.options = [(f"{t} (z {z:.1f})", t) for t, z in zip(top["term"], top["z"])]
        self.top.value = self.ex.selected if self.ex.selected in set(top["term"]) else None
        self.scatter.value = scatter_svg(s, self.ex.selected, self.ex.focus, self._other())
        if self.ex.selected:
            self.show(self.ex.selected)

    def _other(self) -> str:
        return "all others" if self.ex.against == "rest" else self.ex.against

    def show(self, term: str) -> None:
        """Show ``term``'s KWIC lines and ring it on the scatter (called by ``TermExplorer.select``)."""
        r = self._scores.loc[term]
        header = (f"{term}: {r['count']} in {self.ex.focus}, {r['count_other']} in {self._other()}; z {r['z']:.2f}, "
                  f"log-odds {r['score']:.2f} [{r['ci_low']:.2f}, {r['ci_high']:.2f}]")
        self.kwic_output.value = kwic_html(self.ex.lines(term), term, header)
        self.scatter.value = scatter_svg(self._scores.reset_index(), term, self.ex.focus, self._other())
        if self.search.value != term:
            self.search.value = term


def _caps_line(explorer: Any) -> str:
    d, c = explorer.data, explorer.caps
    return (f"{len(d.terms):,} of {d.n_vocabulary:,} terms (min_count={c['min_count']}, max_terms={c['max_terms']}); "
            f"at most {c['kwic_per_term']} KWIC lines per term (kwic_per_term), sampled at random.")
