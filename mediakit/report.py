"""The whole comparison as one self-contained HTML page, with every chart exported beside it.

>>> from mediakit.report import build_report
>>> path = build_report("data/s400", "reports")          # doctest: +SKIP

The page makes no external request: charts are inline SVG, styles are inline CSS, there is no script.
Everything that comes from the articles (titles, outlet names, sentences, quotes) is HTML-escaped.
Each chart is also written to ``out_dir/figures`` as PNG, SVG and PDF with the CSV of its numbers, and
each table to ``out_dir/tables``. A second run on the same corpus rewrites identical files; only the
timestamp in the provenance block changes.
"""

from __future__ import annotations

import hashlib
import html
import platform
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__

__all__ = ["build_report", "Section", "corpus_hash"]


@dataclass
class Section:
    """One part of the report: an anchor, a title, HTML body and the methods text for the appendix."""

    key: str
    title: str
    body: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)


@dataclass
class _Context:
    corpus: pd.DataFrame
    out_dir: Path
    source: str
    params: dict[str, Any]
    figures: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    def figure(self, fig, name: str, data: pd.DataFrame, caption: str) -> str:
        """Export ``fig`` (png/svg/pdf + csv) and return it as inline SVG inside a <figure>."""
        import matplotlib.pyplot as plt

        from .export import save_figure

        paths = save_figure(fig, name, data=data, out_dir=self.out_dir / "figures", source=self.source)
        plt.close(fig)
        self.figures.append(name)
        svg = paths["svg"].read_text(encoding="utf-8")
        svg = svg[svg.index("<svg"):]
        return (f'<figure class="chart" id="fig-{_e(name)}">{svg}<figcaption>{_t(caption)} '
                f'<span class="files">Files: <code>figures/{_e(name)}.png|svg|pdf</code>, numbers in '
                f'<code>figures/{_e(name)}.csv</code>.</span></figcaption></figure>')

    def table(self, df: pd.DataFrame, name: str | None = None, *, max_rows: int = 30, floats: int = 3) -> str:
        """Render ``df`` as an escaped HTML table (and save it to ``tables/name.csv`` when named)."""
        from .export import save_table

        if name:
            save_table(df, name, out_dir=self.out_dir / "tables")
        shown = df.head(max_rows)
        more = f'<p class="more">{len(df) - max_rows} more rows in <code>tables/{_e(name)}.csv</code>.</p>' if (
            len(df) > max_rows and name) else ""
        return _html_table(shown, floats=floats) + more


def _e(value: Any) -> str:
    """HTML-escape anything for text or attribute context."""
    return html.escape("" if value is None else str(value), quote=True)


# Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo...) and the bidi controls (LRM/RLM, ALM,
# embeddings, overrides, isolates): text holding one can reorder what follows it on the page.
_BIDI_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _t(value: Any) -> str:
    """HTML-escape text that comes from the articles, isolating its direction in ``<bdi>`` when it has one.

    An unterminated right-to-left override in an outlet name then stays inside its own cell or quote.

    >>> _t("Daily <News>")
    'Daily &lt;News&gt;'
    >>> _t("\u202eevil")
    '<bdi>\u202eevil</bdi>'
    """
    text = _e(value)
    return f"<bdi>{text}</bdi>" if _BIDI_RE.search(text) else text


def _fmt(v: Any, floats: int) -> str:
    if isinstance(v, float):
        if v != v:
            return ""
        return f"{v:.{floats}f}"
    if isinstance(v, pd.Timestamp):
        return "" if pd.isna(v) else v.strftime("%Y-%m-%d")
    return str(v)


def _html_table(df: pd.DataFrame, *, floats: int = 3) -> str:
    head = "".join(f"<th>{_t(c)}</th>" for c in df.columns)
    rows = []
    for rec in df.itertuples(index=False):
        cells = "".join(
            f'<td class="num">{_e(_fmt(v, floats))}</td>' if isinstance(v, int | float) and not isinstance(v, bool)
            else f"<td>{_t(_fmt(v, floats))}</td>" for v in rec)
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
def _overview(ctx: _Context) -> Section:
    from .plotting import plot_articles_per_outlet
    from .text import word_count

    c = ctx.corpus
    sec = Section("overview", "The corpus")
    stats = (c.assign(words=c.text.map(word_count)).groupby("outlet")
             .agg(articles=("article_id", "size"), first=("date", "min"), last=("date", "max"),
                  languages=("language", lambda s: ", ".join(sorted(set(s) - {""}))),
                  median_words=("words", "median"))
             .reset_index())
    stats["median_words"] = stats["median_words"].round().astype(int)
    dated = c.date.dropna()
    span = f"{dated.min():%d %B %Y} to {dated.max():%d %B %Y}" if len(dated) else "no dated articles"
    sec.body.append(f"<p><strong>{len(c)}</strong> articles from <strong>{c.outlet.nunique()}</strong> outlets, "
                    f"{_e(span)}. Skipped inputs: {c.attrs.get('n_skipped', 0)}.</p>")
    sec.body.append(ctx.table(stats, "corpus_outlets"))
    ax = plot_articles_per_outlet(c)
    per = c.groupby("outlet").size().rename("articles").reset_index()
    sec.body.append(ctx.figure(ax.figure, "report_articles_per_outlet", per, "Articles per outlet."))
    sec.methods.append("<b>Corpus</b>: articles loaded with <code>load_corpus</code>; boilerplate and credit lines "
                       "removed at load time; dates in UTC.")
    return sec


def _timeline(ctx: _Context) -> Section:
    from .plotting import plot_coverage_timeline
    from .timeline import coverage_timeline, load_events, outlet_lag

    c = ctx.corpus
    sec = Section("timeline", "Coverage over time")
    events = load_events(ctx.params["events"]) if ctx.params["events"] else None
    tl = coverage_timeline(c, "QS", by="outlet")
    ax = plot_coverage_timeline(tl, events, by="outlet", title="Articles per quarter, story events marked")
    sec.body.append("<p>How many articles each outlet published per quarter; dotted lines mark the story's "
                    "events.</p>")
    sec.body.append(ctx.figure(ax.figure, "report_coverage_timeline", tl, "Articles per quarter and outlet."))
    if events is not None:
        lag = outlet_lag(c, events)
        sec.body.append("<h3>Who reported first</h3><p>For each outlet: the events it covered within a week, how "
                        "often it was first, and its median delay in days after the event.</p>")
        sec.body.append(ctx.table(lag, "timeline_outlet_lag"))
    sec.methods.append("<b>Timeline</b>: articles counted per quarter (<code>coverage_timeline</code>); an article "
                       "covers an event when dated within 7 days after it (<code>first_reports</code>); lag = days "
                       "from the event to the outlet's first article.")
    return sec


def _terms(ctx: _Context) -> Section:
    from .plotting import plot_distinctive_terms, plot_naming_heatmap
    from .plotting.terms import distinctive_terms_data, naming_heatmap_data
    from .terms import distinctive_terms, naming_table

    c = ctx.corpus
    top, n_boot = ctx.params["top"], ctx.params["n_boot"]
    sec = Section("terms", "Terms and names")
    english = c[c.language.isin(["en", ""])] if "language" in c else c
    dt = distinctive_terms(english, by="outlet", method="log_odds", n_boot=n_boot, top=top)
    sec.body.append("<p>The words and phrases each outlet uses more than the others (log-odds ratio with an "
                    "informative Dirichlet prior; bars are 95% bootstrap intervals over articles; a term must "
                    "appear in at least two of the outlet's articles). English-language articles only.</p>")
    ax = plot_distinctive_terms(dt, top=min(top, 8))
    sec.body.append(ctx.figure(ax.figure, "report_distinctive_terms", distinctive_terms_data(dt, top=min(top, 8)),
                               "Most distinctive terms per outlet."))
    ctx.table(dt, "terms_distinctive")
    naming = naming_table(c, ctx.params["lexicon"])
    ctx.table(naming, "terms_naming")
    sec.body.append("<h3>What each outlet calls the same thing</h3><p>Share of each outlet's mentions of a "
                    "concept that use each name; numbers are counts.</p>")
    for concept in list(dict.fromkeys(naming["concept"]))[:3]:
        data = naming_heatmap_data(naming, concept)
        if data["count"].sum() == 0:
            continue
        ax = plot_naming_heatmap(naming, concept)
        sec.body.append(ctx.figure(ax.figure, f"report_naming_{_slug(concept)}", data,
                                   f"Names for '{concept}' by outlet."))
    sec.methods.append(f"<b>Distinctive terms</b>: {_e(dt.attrs.get('method', 'log_odds'))} "
                       f"(Monroe, Colaresi &amp; Quinn 2008), each outlet against all others, prior = corpus counts, "
                       f"min_docs={_e(dt.attrs.get('min_docs', 2))}, n_boot={n_boot}; parameters: "
                       f"{_e(_params(dt.attrs))}.")
    sec.methods.append("<b>Naming</b>: variants of each concept from the lexicon "
                       f"<code>{_e(ctx.params['lexicon'])}</code> matched in the text; shares per outlet.")
    return sec


def _framing(ctx: _Context) -> Section:
    from .framing import frame_evidence, frame_profile, score_frames
    from .plotting import plot_frame_profile

    c = ctx.corpus
    sec = Section("framing", "Framing")
    scores = score_frames(c, ctx.params["codebook"])
    ctx.cache["frame_scores"] = scores
    profile = frame_profile(scores, "outlet", n_boot=ctx.params["n_boot"], n_perm=ctx.params["n_boot"])
    test = profile.attrs.get("test")
    sec.body.append("<p>Each sentence is scored against the codebook's cue lexicons; the share of an outlet's "
                    "framed sentences whose dominant frame is each frame, with 95% bootstrap intervals over "
                    "articles.</p>")
    if isinstance(test, pd.DataFrame) and len(test):
        sec.body.append("<p class=\"note\">Are the outlets' frame distributions different? (chi-square and "
                        "permutation tests, effect size Cramér's V)</p>")
        sec.body.append(ctx.table(test, "framing_difference_test"))
    ax = plot_frame_profile(profile)
    sec.body.append(ctx.figure(ax.figure, "report_frame_profile", profile, "Frame shares per outlet (95% CI)."))
    sec.body.append("<h3>Evidence</h3><p>The strongest sentence behind each outlet's most used frame.</p>")
    top = profile.sort_values("share", ascending=False).drop_duplicates("outlet").sort_values("outlet")
    titles = dict(zip(c.article_id, c.title))
    for row in top.itertuples():
        ev = frame_evidence(scores, row.outlet, row.frame, n=1)
        if not len(ev):
            continue
        e = ev.iloc[0]
        text = _sentence_text(c, e)
        sec.body.append(f"<blockquote><b>{_t(row.outlet)}</b>, frame <i>{_e(row.frame)}</i> "
                        f"({row.share:.0%}): “{_t(text)}” <span class=\"note\">({_t(titles.get(e.article_id, ''))}, "
                        f"{_e(e.part)} {int(e.start)}-{int(e.end)}; cues: {_e(e.cues)})</span></blockquote>")
    ctx.table(scores.drop(columns=[col for col in ("text",) if col in scores]), "framing_sentences")
    sec.methods.append(f"<b>Frames</b>: codebook <code>{_e(ctx.params['codebook'])}</code>, cue lexicons scored per "
                       "sentence (<code>score_frames</code>); headline, lead and body kept apart; shares of "
                       "dominant frames with bootstrap CIs over articles; permutation/chi-square test with "
                       "Cramér's V (<code>frame_profile</code>).")
    return sec


def _sources(ctx: _Context) -> Section:
    from .plotting import plot_speaker_heatmap, plot_speaker_types, plot_verb_stance
    from .plotting.sources import shares, speaker_matrix
    from .sources import countable_quotes, extract_quotes, source_profile, speaker_table

    c = ctx.corpus
    sec = Section("sources", "Who gets quoted")
    quotes = extract_quotes(c)
    countable = countable_quotes(quotes)  # a mixed quote counts once: its fragment rows are not counted
    sec.body.append(f"<p><b>{len(countable)}</b> attributions (direct, indirect, mixed, according-to) in "
                    f"<b>{countable['article_id'].nunique()}</b> articles; each bar shows the share of an "
                    "outlet's quotes.</p>")
    if not len(countable):
        return sec
    ax = plot_speaker_types(quotes)
    sec.body.append(ctx.figure(ax.figure, "report_speaker_types", shares(quotes, "speaker_type").reset_index(),
                               "Who is quoted: speaker types per outlet."))
    ax = plot_verb_stance(quotes)
    sec.body.append(ctx.figure(ax.figure, "report_verb_stance", shares(quotes, "stance").reset_index(),
                               "How they are quoted: the stance of the attribution verb (said / stressed / "
                               "claimed)."))
    table = speaker_table(quotes)
    ax = plot_speaker_heatmap(table, top=15)
    sec.body.append(ctx.figure(ax.figure, "report_speakers", speaker_matrix(table).head(15),
                               "The most quoted speakers by outlet."))
    profile = source_profile(quotes, n_boot=ctx.params["n_boot"])
    ctx.table(profile, "sources_profile")
    anon = profile[(profile["measure"] == "anonymous") & (profile["category"] == "anonymous")]
    if len(anon):
        sec.body.append("<h3>Anonymous sources</h3><p>Share of each outlet's quotes from unnamed speakers, with "
                        "95% bootstrap intervals over articles.</p>")
        sec.body.append(ctx.table(anon[["group", "count", "n_quotes", "share", "ci_low", "ci_high"]]))
    sec.body.append("<h3>Examples</h3>")
    examples = countable[countable["kind"] == "direct"].drop_duplicates("outlet").sort_values("outlet")
    for q in examples.itertuples():
        sec.body.append(f"<blockquote><b>{_t(q.outlet)}</b>: “{_t(q.quote)}” "
                        f"<span class=\"note\">{_t(q.verb)} {_t(q.speaker_canonical or q.speaker)} "
                        f"({_e(q.speaker_type)}; offsets {int(q.start)}-{int(q.end)})</span></blockquote>")
    ctx.table(quotes, "sources_quotes")
    sec.methods.append("<b>Quotes</b>: rule-based attribution (<code>extract_quotes</code>, no downloaded model): "
                       "quote marks in every style, reporting verbs from a lexicon, pronouns and descriptions "
                       "resolved to the speaker named earlier; speaker types from a gazetteer and appositions; "
                       "verb stance from a lexicon; shares with bootstrap CIs over articles "
                       "(<code>source_profile</code>).")
    return sec


def _reuse(ctx: _Context) -> Section:
    from .plotting import plot_reuse_graph
    from .reuse import find_reuse, original_share

    c = ctx.corpus
    sec = Section("reuse", "Reprinted text")
    reuse = find_reuse(c)
    ctx.cache["reuse"] = reuse
    cross = reuse[~reuse["same_outlet"]] if len(reuse) else reuse
    sec.body.append(f"<p><b>{len(cross)}</b> passages of at least 25 words appear in an earlier article of another "
                    f"outlet, in <b>{cross['target_id'].nunique() if len(cross) else 0}</b> articles.</p>")
    if len(cross):
        ax = plot_reuse_graph(reuse, c)
        edges = (cross.groupby(["source_outlet", "target_outlet"]).size().rename("passages").reset_index()
                 if "source_outlet" in cross else cross)
        sec.body.append(ctx.figure(ax.figure, "report_reuse_graph", edges, "Who reprints whom (arrows: source to "
                                   "reprint; numbers: passages)."))
    share = original_share(c, reuse, by="outlet")
    sec.body.append("<h3>Original share</h3><p>The part of each outlet's words not taken from an earlier article "
                    "of another outlet; <i>reprints</i> counts its articles that are at least half reused.</p>")
    sec.body.append(ctx.table(share, "reuse_original_share"))
    ctx.table(reuse.drop(columns=[col for col in reuse.columns if col.endswith("_text")]), "reuse_passages")
    sec.methods.append("<b>Reuse</b>: shared passages found with a shingle index and aligned allowing small edits "
                       "(<code>find_reuse</code>, min 25 words); the earlier article is the source.")
    return sec


def _similarity(ctx: _Context) -> Section:
    from .plotting import plot_outlet_map, plot_similarity_heatmap
    from .similarity import outlet_similarity, similarity_map

    c = ctx.corpus
    sec = Section("similarity", "Which outlets sound alike")
    english = c[c.language.isin(["en", ""])] if "language" in c else c
    sim = outlet_similarity(english)
    sec.body.append("<p>Cosine similarity of the outlets' average TF-IDF vectors (English articles); the "
                    "dendrogram groups outlets that use similar words.</p>")
    ax = plot_similarity_heatmap(sim)
    sec.body.append(ctx.figure(ax.figure, "report_outlet_similarity", sim.reset_index(),
                               "Outlet similarity (cosine of TF-IDF centroids)."))
    if len(sim) >= 3:
        coords = similarity_map(sim)
        ax = plot_outlet_map(coords, sizes=english.groupby("outlet").size())
        sec.body.append(ctx.figure(ax.figure, "report_outlet_map", coords, "Outlets placed by similarity (MDS)."))
    sec.methods.append("<b>Similarity</b>: TF-IDF cosine of outlet centroids (<code>outlet_similarity</code>), "
                       "average-linkage clustering, metric MDS with a fixed start (<code>similarity_map</code>).")
    return sec


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")


def _params(d: Any) -> str:
    if not isinstance(d, dict):
        return str(d)
    return ", ".join(f"{k}={v}" for k, v in d.items() if not isinstance(v, dict | list | pd.DataFrame))


def _sentence_text(corpus: pd.DataFrame, ev: Any) -> str:
    row = corpus.loc[corpus.article_id == ev.article_id].iloc[0]
    source = row.title if getattr(ev, "part", "") == "headline" else row.text
    return source[int(ev.start):int(ev.end)]


# Anchor and heading of each section, for the note written when it cannot run on a corpus.
_HEADINGS = {"corpus overview": ("overview", "The corpus"), "timeline": ("timeline", "Coverage over time"),
             "terms": ("terms", "Terms and names"), "framing": ("framing", "Framing"),
             "sources": ("sources", "Who gets quoted"), "reuse": ("reuse", "Reprinted text"),
             "similarity": ("similarity", "Which outlets sound alike")}


def _cannot_run(label: str, corpus: pd.DataFrame) -> str | None:
    """Why section ``label`` cannot run on ``corpus``, in one sentence; None when it can.

    >>> one = pd.DataFrame({"outlet": ["A"], "language": ["en"], "date": [pd.NaT]})
    >>> _cannot_run("terms", one)
    'Distinctive terms compare the English-language articles of at least two outlets, and this corpus has \
them from only one outlet (A), so this section was not run.'
    >>> _cannot_run("timeline", one)
    'No article in this corpus has a date, so coverage over time cannot be shown.'
    """
    if label in ("terms", "similarity"):
        english = corpus[corpus["language"].isin(["en", ""])] if "language" in corpus else corpus
        outlets = sorted(english["outlet"].astype(str).unique())
        if len(outlets) < 2:
            what = "Distinctive terms compare" if label == "terms" else "Outlet similarity compares"
            has = f"them from only one outlet ({outlets[0]})" if outlets else "no English-language articles"
            return (f"{what} the English-language articles of at least two outlets, and this corpus has {has}, "
                    "so this section was not run.")
    if label == "timeline" and ("date" not in corpus or corpus["date"].notna().sum() == 0):
        return "No article in this corpus has a date, so coverage over time cannot be shown."
    return None


def _not_run(label: str, reason: str) -> Section:
    key, title = _HEADINGS.get(label, (_slug(label), label.capitalize()))
    sec = Section(key, title)
    sec.body.append(f'<p class="note">{_e(reason)}</p>')
    return sec


def _run_section(label: str, fn: Callable[[_Context], Section], ctx: _Context) -> Section:
    """Run one section; one that cannot run on this corpus becomes a one-sentence note."""
    import matplotlib.pyplot as plt

    reason = _cannot_run(label, ctx.corpus)
    if reason:
        return _not_run(label, reason)
    open_figures = set(plt.get_fignums())
    try:
        return fn(ctx)
    except ValueError as exc:  # the analyses' way of saying "not on this data"
        for num in set(plt.get_fignums()) - open_figures:
            plt.close(num)
        msg = " ".join(str(exc).split()) or type(exc).__name__
        return _not_run(label, f"This section could not run on this corpus: {msg.rstrip('.')}.")


SECTIONS: list[tuple[str, Callable[[_Context], Section]]] = [
    ("corpus overview", _overview),
    ("timeline", _timeline),
    ("terms", _terms),
    ("framing", _framing),
    ("sources", _sources),
    ("reuse", _reuse),
    ("similarity", _similarity),
]


# ---------------------------------------------------------------- page
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;line-height:1.5;background:#fff}
header{background:#0b3d5c;color:#fff;padding:1.6em 2em}
header h1{margin:0 0 .2em;font-size:1.7em}
header p{margin:0;opacity:.9}
nav{position:sticky;top:0;background:#f3f5f7;border-bottom:1px solid #d8dee4;padding:.5em 2em;z-index:2}
nav a{margin-right:1.1em;color:#0b3d5c;text-decoration:none;font-weight:600;font-size:.92em}
main{max-width:1100px;margin:0 auto;padding:1em 2em 3em}
section{margin-top:2.2em}
h2{border-bottom:2px solid #0072B2;padding-bottom:.2em}
h3{margin-bottom:.3em}
figure.chart{margin:1.2em 0;padding:.6em;border:1px solid #e5e8eb;border-radius:6px;background:#fff}
figure.chart svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.88em;color:#444;margin-top:.4em}
figcaption .files{color:#777}
div.table{overflow-x:auto;margin:.8em 0}
table{border-collapse:collapse;font-size:.86em}
th,td{border-bottom:1px solid #e1e4e8;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num{text-align:right;font-variant-numeric:tabular-nums}
blockquote{margin:.4em 0;padding:.3em .8em;border-left:3px solid #E69F00;background:#fffaf0;font-size:.92em}
.note{color:#555;font-size:.9em}
.more{color:#777;font-size:.85em}
code{background:#f3f5f7;padding:0 .25em;border-radius:3px}
#provenance td:first-child{font-weight:600}
footer{color:#666;font-size:.85em;border-top:1px solid #e1e4e8;margin-top:3em;padding-top:1em}
"""


def _page(title: str, subtitle: str, sections: list[Section], provenance: pd.DataFrame) -> str:
    nav = "".join(f'<a href="#{_e(s.key)}">{_e(s.title)}</a>' for s in sections)
    nav += '<a href="#methods">Methods</a><a href="#provenance">Provenance</a>'
    body = "".join(f'<section id="{_e(s.key)}"><h2>{_e(s.title)}</h2>{"".join(s.body)}</section>' for s in sections)
    methods = "".join(f"<li>{m}</li>" for s in sections for m in s.methods)
    prov_rows = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in provenance.itertuples(index=False))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header><h1>{_e(title)}</h1><p>{_e(subtitle)}</p></header>
<nav>{nav}</nav>
<main>
{body}
<section id="methods"><h2>Methods</h2><ul>{methods}</ul></section>
<section id="provenance"><h2>Provenance</h2><div class="table"><table>{prov_rows}</table></div></section>
<footer>Made with mediakit {_e(__version__)}. Charts use a colour-blind-safe palette; every chart's numbers are in
the CSV beside it.</footer>
</main>
</body>
</html>
"""


def build_report(path: str | Path | pd.DataFrame, out_dir: str | Path = "reports", *, codebook: str = "s400",
                 lexicon: str = "s400", events: str | None = "s400", top: int = 10, n_boot: int = 200,
                 title: str | None = None, progress: bool = True) -> Path:
    """Analyse a corpus (a path or a loaded table) and write ``out_dir/report.html``; return its path.

    ``codebook``, ``lexicon`` and ``events`` name the framing codebook, the naming lexicon and the event
    list (bundled names or file paths); ``top`` is the number of terms/speakers shown per outlet and
    ``n_boot`` the bootstrap replicates behind every confidence interval. Long stages show progress on
    stderr when ``progress`` is true.
    """
    import matplotlib.pyplot as plt

    from .corpus import load_corpus
    from .export import HOUSE_STYLE, source_line

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if isinstance(path, pd.DataFrame):
        corpus, label = path, "DataFrame"
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(path)
        label = str(path)
    if corpus.empty:
        raise ValueError(f"{label}: no articles to report on; check the path with `mediakit info`")
    params = {"codebook": codebook, "lexicon": lexicon, "events": events, "top": top, "n_boot": n_boot}
    ctx = _Context(corpus=corpus, out_dir=out, source=source_line(corpus), params=params)
    sections: list[Section] = []
    stages = SECTIONS
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(stages), desc="report", unit="stage", file=sys.stderr)
    with plt.style.context(HOUSE_STYLE), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for label_stage, fn in stages:
            if bar is not None:
                bar.set_postfix_str(label_stage)
            t0 = time.perf_counter()
            sections.append(_run_section(label_stage, fn, ctx))
            ctx.cache.setdefault("timings", {})[label_stage] = time.perf_counter() - t0
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    provenance = pd.DataFrame([
        ("mediakit version", __version__),
        ("corpus", label),
        ("articles", len(corpus)),
        ("corpus hash (SHA-256)", corpus_hash(corpus)),
        ("parameters", ", ".join(f"{k}={v}" for k, v in params.items())),
        ("python", platform.python_version()),
        ("charts", len(ctx.figures)),
        ("generated", time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())),
    ], columns=["field", "value"])
    page = _page(title or "How the outlets covered the story", ctx.source, sections, provenance)
    target = out / "report.html"
    target.write_text(page, encoding="utf-8")
    return target
