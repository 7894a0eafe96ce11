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
import os
import platform
import re
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from ._report_page import render_page
from .stories import FROM_STORY

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
    resources: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    figures: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    def figure(self, fig, name: str, data: pd.DataFrame, caption: str) -> str:
        """Export ``fig`` (png/svg/pdf + csv) and return it as inline SVG inside a <figure>."""
        import matplotlib.pyplot as plt

        from .export import save_figure

        t0 = time.perf_counter()
        formats = self.cache.get("formats", ("png", "svg"))
        paths = save_figure(fig, name, data=data, out_dir=self.out_dir / "figures", source=self.source,
                            formats=dict.fromkeys([*formats, "svg"]))  # the page inlines the SVG
        plt.close(fig)
        timings = self.cache.setdefault("timings", {})
        timings["saving charts"] = timings.get("saving charts", 0.0) + time.perf_counter() - t0
        self.figures.append(name)
        svg = paths["svg"].read_text(encoding="utf-8")
        svg = svg[svg.index("<svg"):]
        return (f'<figure class="chart" id="fig-{_e(name)}">{svg}<figcaption>{_t(caption)} '
                f'<span class="files">Files: <code>figures/{_e(name)}.{"|".join(p for p in paths if p != "csv")}</code>, numbers in '
                f'<code>figures/{_e(name)}.csv</code>.</span></figcaption></figure>')

    def fit(self, *tables: Any) -> str:
        """The fit notes (``attrs["fit_note"]``) of ``tables``, each once, as note paragraphs."""
        notes = []
        for t in tables:
            note = getattr(t, "attrs", {}).get("fit_note") if t is not None else None
            if note and note not in notes:
                notes.append(str(note))
        return "".join(f'<p class="note fit">Fit: {_e(n)}</p>' for n in notes)

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


_FREQ_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}

# One sentence per story-specific part: what a story pack would add where the report runs without one.
_WITHOUT = {
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


def _without(kind: str) -> str:
    return f'<p class="note story">{_e(_WITHOUT[kind])}</p>'


def _timeline(ctx: _Context) -> Section:
    from .plotting import plot_coverage_timeline
    from .timeline import coverage_timeline, events_fit, outlet_lag

    c = ctx.corpus
    sec = Section("timeline", "Coverage over time")
    events = ctx.resources["events"]
    tl = coverage_timeline(c, freq=ctx.params["freq"], by="outlet")
    unit = _FREQ_WORDS.get(str(tl.attrs.get("freq", "")), "period")
    marked = ", story events marked" if events is not None else ""
    if tl.attrs.get("note"):  # no dated article: one sentence, no empty chart
        sec.body.append(f'<p class="note">{_e(tl.attrs["note"])}</p>')
    else:
        ax = plot_coverage_timeline(tl, events, title=f"Articles per {unit}{marked}")
        sec.body.append(f"<p>How many articles each outlet published per {unit}"
                        + ("; dotted lines mark the story's events.</p>" if events is not None else ".</p>"))
        sec.body.append(ctx.figure(ax.figure, "report_coverage_timeline", tl, f"Articles per {unit} and outlet."))
    fit = events_fit(c, events) if events is not None else None
    sec.body.append(ctx.fit(tl) + (f'<p class="note fit">Fit: {_e(fit)}</p>' if fit else ""))
    if events is not None:
        with warnings.catch_warnings():  # its fit note is shown above
            warnings.simplefilter("ignore", UserWarning)
            lag = outlet_lag(c, events)
        sec.body.append("<h3>Who reported first</h3><p>For each outlet: the events it covered within a week, how "
                        "often it was first, and its median delay in days after the event.</p>")
        sec.body.append(ctx.fit(events))
        sec.body.append(ctx.table(lag, "timeline_outlet_lag"))
    else:
        sec.body.append(_without("events"))
    sec.methods.append(f"<b>Timeline</b>: articles counted per {unit} (<code>coverage_timeline</code>, "
                       f"freq={_e(tl.attrs.get('freq', ctx.params['freq']))}"
                       + (", chosen from the corpus span" if ctx.params["freq"] is None else "") + ")"
                       + ("; an article covers an event when dated within 7 days after it "
                          "(<code>first_reports</code>); lag = days from the event to the outlet's first article; "
                          f"events: {_e(ctx.labels['events'])}." if events is not None else "; no events."))
    return sec


def _terms(ctx: _Context) -> Section:
    from .plotting import plot_distinctive_terms, plot_naming_heatmap
    from .plotting.terms import distinctive_terms_data, naming_heatmap_data
    from .terms import distinctive_terms, naming_table

    c = ctx.corpus
    top, n_boot = ctx.params["top"], ctx.params["n_boot"]
    sec = Section("terms", "Terms and names")
    english = c[c.language.isin(["en", ""])] if "language" in c else c
    reuse = ctx.cache["reuse"]
    dt = distinctive_terms(english, by="outlet", method="log_odds", n_boot=n_boot, top=top, discount_reuse=reuse)
    sec.body.append("<p>The words and phrases each outlet uses more than the others (log-odds ratio with an "
                    "informative Dirichlet prior; bars are 95% bootstrap intervals over articles; a term must "
                    "appear in at least two of the outlet's articles). English-language articles only.</p>")
    ax = plot_distinctive_terms(dt, top=min(top, 8))
    sec.body.append(ctx.figure(ax.figure, "report_distinctive_terms", distinctive_terms_data(dt, top=min(top, 8)),
                               "Most distinctive terms per outlet."))
    ctx.table(dt, "terms_distinctive")
    sec.body.append(ctx.fit(dt))
    lexicon = ctx.resources["lexicon"]
    sec.body.append("<h3>What each outlet calls the same thing</h3>")
    if lexicon is None:
        sec.body.append(_without("naming"))
    else:
        naming = naming_table(c, lexicon, by="outlet", discount_reuse=reuse)
        ctx.table(naming, "terms_naming")
        group = "group" if "group" in naming else "outlet"
        sec.body.append("<p>Share of each outlet's mentions of a concept that use each name; numbers are "
                        "counts.</p>")
        sec.body.append(ctx.fit(naming))
        for concept in list(dict.fromkeys(naming["concept"]))[:3]:
            data = naming_heatmap_data(naming, concept)
            if data["count"].sum() == 0:
                continue
            ax = plot_naming_heatmap(naming, concept)
            sec.body.append(ctx.figure(ax.figure, f"report_naming_{_slug(concept)}", data,
                                       f"Names for '{concept}' by outlet ({group})."))
    sec.methods.append(f"<b>Distinctive terms</b>: {_e(dt.attrs.get('method', 'log_odds'))} "
                       f"(Monroe, Colaresi &amp; Quinn 2008), each outlet against all others, prior = corpus counts, "
                       f"min_docs={_e(dt.attrs.get('min_docs', 2))}, n_boot={n_boot}, text reused from an earlier "
                       f"article of another outlet left out; parameters: {_e(_params(dt.attrs))}.")
    if lexicon is not None:
        sec.methods.append("<b>Naming</b>: variants of each concept from the lexicon "
                           f"<code>{_e(ctx.labels['lexicon'])}</code> matched in the text (reused text left out); "
                           "shares per outlet.")
    return sec


def _framing(ctx: _Context) -> Section:
    from .framing import frame_difference_test, frame_evidence, frame_profile, score_frames
    from .plotting import plot_frame_profile

    c = ctx.corpus
    sec = Section("framing", "Framing")
    codebook = ctx.resources["codebook"]
    scores = score_frames(c, codebook, discount_reuse=ctx.cache["reuse"])
    ctx.cache["frame_scores"] = scores
    profile = frame_profile(scores, "outlet", n_boot=ctx.params["n_boot"])
    group = "group" if "group" in profile else "outlet"
    sec.body.append("<p>Each sentence is scored against the codebook's cue lexicons; the share of an outlet's "
                    "framed sentences whose dominant frame is each frame, with 95% bootstrap intervals over "
                    "articles. Text reused from an earlier article of another outlet is counted once.</p>")
    if ctx.labels["codebook_from"] == "default":
        sec.body.append(_without("codebook"))
    sec.body.append(ctx.fit(scores, profile))
    test = frame_difference_test(scores, "outlet", n_perm=ctx.params["n_perm"])
    if len(test):
        sec.body.append("<p class=\"note\">Are the outlets' frame distributions different? (chi-square and "
                        "permutation tests, effect size Cramér's V)</p>")
        sec.body.append(ctx.table(test, "framing_difference_test"))
    ax = plot_frame_profile(profile, by="group")
    sec.body.append(ctx.figure(ax.figure, "report_frame_profile", profile, "Frame shares per outlet (95% CI)."))
    sec.body.append("<h3>Evidence</h3><p>The strongest sentence behind each outlet's most used frame.</p>")
    top = profile.sort_values("share", ascending=False).drop_duplicates(group).sort_values(group)
    titles = dict(zip(c.article_id, c.title))
    for row in top.itertuples():
        outlet = getattr(row, group)
        ev = frame_evidence(scores, outlet, row.frame, n=1)
        if not len(ev):
            continue
        e = ev.iloc[0]
        text = _sentence_text(c, e)
        sec.body.append(f"<blockquote><b>{_t(outlet)}</b>, frame <i>{_e(row.frame)}</i> "
                        f"({row.share:.0%}): “{_t(text)}” <span class=\"note\">({_t(titles.get(e.article_id, ''))}, "
                        f"{_e(e.part)} {int(e.start)}-{int(e.end)}; cues: {_e(e.cues)})</span></blockquote>")
    ctx.table(scores.drop(columns=[col for col in ("text",) if col in scores]), "framing_sentences")
    sec.methods.append(f"<b>Frames</b>: codebook <code>{_e(ctx.labels['codebook'])}</code>, cue lexicons scored per "
                       "sentence (<code>score_frames</code>, reused text counted once); headline, lead and body kept "
                       "apart; shares of dominant frames with bootstrap CIs over articles (<code>frame_profile</code>, "
                       f"n_boot={ctx.params['n_boot']}); chi-square and permutation test with Cramér's V "
                       f"(<code>frame_difference_test</code>, n_perm={ctx.params['n_perm']}).")
    return sec


def _sources(ctx: _Context) -> Section:
    from .plotting import plot_speaker_heatmap, plot_speaker_types, plot_verb_stance
    from .plotting.sources import shares, speaker_matrix
    from .sources import countable_quotes, extract_quotes, source_profile, speaker_table

    c = ctx.corpus
    sec = Section("sources", "Who gets quoted")
    quotes = extract_quotes(c, gazetteer=ctx.resources["gazetteer"])
    countable = countable_quotes(quotes)  # a mixed quote counts once: its fragment rows are not counted
    sec.body.append(f"<p><b>{len(countable)}</b> attributions (direct, indirect, mixed, according-to) in "
                    f"<b>{countable['article_id'].nunique()}</b> articles; each bar shows the share of an "
                    "outlet's quotes.</p>")
    if ctx.resources["gazetteer"] is None:
        sec.body.append(_without("speakers"))
    sec.body.append(ctx.fit(quotes))
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
    profile = source_profile(quotes, n_boot=ctx.params["n_boot"], discount_reuse=ctx.cache["reuse"], articles=c)
    ctx.table(profile, "sources_profile")
    sec.body.append(ctx.fit(profile))
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
                       f"verb stance from a lexicon; gazetteer: {_e(ctx.labels['gazetteer'])}; shares with bootstrap "
                       f"CIs over articles (<code>source_profile</code>, n_boot={ctx.params['n_boot']}, quotes in "
                       "reused text counted once).")
    return sec


def _tone(ctx: _Context) -> Section:
    from .plotting import plot_tone
    from .tone import tone_toward

    sec = Section("tone", "Tone toward actors")
    actors = ctx.resources["actors"]
    if actors is None:
        sec.body.append(_without("actors"))
        return sec
    tone = tone_toward(ctx.corpus, actors, by="outlet", n_boot=ctx.params["n_boot"],
                       discount_reuse=ctx.cache["reuse"])
    sec.body.append("<p>Mean tone (VADER compound, -1 to 1) of the English sentences naming each actor, per "
                    "outlet, with 95% bootstrap intervals over articles.</p>")
    sec.body.append(ctx.fit(tone))
    if len(tone):
        by = "group" if "group" in tone else "outlet"
        ax = plot_tone(tone, by=by)
        sec.body.append(ctx.figure(ax.figure, "report_tone", tone, "Tone toward each actor by outlet (95% CI)."))
        ctx.table(tone, "tone_toward")
    sec.methods.append(f"<b>Tone</b>: actors from <code>{_e(ctx.labels['actors'])}</code>; VADER compound of each "
                       "sentence naming an actor (<code>tone_toward</code>), mean per outlet with bootstrap CIs "
                       f"over articles, n_boot={ctx.params['n_boot']}; reused text counted once.")
    return sec


def _reuse(ctx: _Context) -> Section:
    from .plotting import plot_reuse_graph
    from .reuse import original_share

    c = ctx.corpus
    sec = Section("reuse", "Reprinted text")
    reuse = ctx.cache["reuse"]
    cross = reuse[~reuse["same_outlet"]] if len(reuse) else reuse
    sec.body.append(f"<p><b>{len(cross)}</b> passages of at least 25 words appear in an earlier article of another "
                    f"outlet, in <b>{cross['target_id'].nunique() if len(cross) else 0}</b> articles.</p>")
    if len(cross):
        ax = plot_reuse_graph(reuse, c)
        edges = (cross.groupby(["source_outlet", "target_outlet"]).size().rename("passages").reset_index()
                 if "source_outlet" in cross else cross)
        sec.body.append(ctx.figure(ax.figure, "report_reuse_graph", edges, "Who reprints whom (arrows: source to "
                                   "reprint; numbers: passages)."))
    share = original_share(c, reuse, by="outlet").rename(columns={"group": "outlet"})
    sec.body.append("<h3>Original share</h3><p>The part of each outlet's words not taken from an earlier article "
                    "of another outlet and not credited to a news agency; <i>reprints</i> counts its articles "
                    "that are at least half reused, <i>agency_copy</i> its articles credited to an agency (wire or "
                    "credit line). Quotes two outlets share are not counted as reuse.</p>")
    sec.body.append(ctx.table(share, "reuse_original_share"))
    ctx.table(reuse.drop(columns=[col for col in reuse.columns if col.endswith("_text")]), "reuse_passages")
    sec.methods.append("<b>Reuse</b>: shared passages found with a shingle index and aligned allowing small edits "
                       "(<code>find_reuse</code>, min 25 words); the earlier article is the source. Computed once, "
                       "first, and passed to every analysis above that counts reused text once "
                       "(<code>discount_reuse=</code>).")
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
             "sources": ("sources", "Who gets quoted"), "tone": ("tone", "Tone toward actors"),
             "reuse": ("reuse", "Reprinted text"),
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
    ("tone", _tone),
    ("reuse", _reuse),
    ("similarity", _similarity),
]


def _check_int(name: str, value: Any, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ValueError(f"build_report: {name}={value!r} must be a whole number of at least {low}; fix {name}")
    return value


def _writable(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: is a file, not a folder; give --out a folder for the report")
    probe = out
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise ValueError(f"{out}: cannot write here ({probe} is not a writable folder); choose another --out")


def build_report(path: str | Path | pd.DataFrame, out_dir: str | Path = "reports", *, story: Any = None,
                 codebook: Any = FROM_STORY, lexicon: Any = FROM_STORY, actors: Any = FROM_STORY,
                 events: Any = FROM_STORY, gazetteer: Any = FROM_STORY, freq: str | None = None, top: int = 10,
                 n_boot: int = 200, n_perm: int = 200, title: str | None = None, progress: bool = True,
                 explorer: bool = False, formats: Iterable[str] = ("png", "svg"), verbose: bool = False) -> Path:
    """Analyse a corpus (a path or a loaded table) and write ``out_dir/report.html``; return its path.

    ``story`` is a story pack (a shipped name, a pack folder or a loaded :class:`mediakit.stories.Story`);
    None uses the ``story.yaml`` of the corpus folder when it has one, ``"none"`` uses no story at all.
    ``codebook``, ``lexicon``, ``actors``, ``events`` and ``gazetteer`` override the pack's files (a
    shipped name or a YAML path); left out they come from the pack, and without a pack the report uses the
    generic policy_frames codebook and the generic gazetteer, no naming lexicon, no actors and no events.
    None or ``"none"`` means none. ``freq`` is the timeline's bin (D, W, M, Q, Y; None: chosen from the
    corpus span); ``top`` the terms per outlet; ``n_boot`` and ``n_perm`` the bootstrap replicates and
    permutations behind intervals and tests (200 each, for speed; the analyses' own default is 1000).
    ``explorer`` also writes ``explorer.html`` (:func:`mediakit.build_explorer`: the sentences behind the
    numbers, one offline page) beside the report, which links to it. ``formats`` are the chart files
    written beside each chart's CSV (png, svg, pdf; SVG is always written, the page inlines it; PDF, the
    slowest by far, only when asked). ``verbose`` prints the time of every stage on stderr.

    Every argument is checked before any work starts, and the report is built in a temporary folder
    beside ``out_dir`` and moved into place only when complete, so a failed run leaves nothing behind.
    Long stages show progress on stderr when ``progress`` is true.

    >>> build_report("data/s400", "reports", lexicon="none")  # doctest: +SKIP
    PosixPath('reports/report.html')
    >>> build_report("data/s400", "/tmp/r", n_boot=-1)
    Traceback (most recent call last):
    ...
    ValueError: build_report: n_boot=-1 must be a whole number of at least 0; fix n_boot
    """
    import matplotlib.pyplot as plt

    from .corpus import load_corpus
    from .export import HOUSE_STYLE, source_line
    from .stories import resolve_resources
    from .timeline import coverage_timeline

    # ---- every argument checked before any work
    top, n_boot, n_perm = _check_int("top", top, 1), _check_int("n_boot", n_boot, 0), _check_int("n_perm", n_perm, 0)
    if not isinstance(path, pd.DataFrame) and not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such corpus file or folder; check the path")
    if freq is not None:
        coverage_timeline(pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]")}), freq=freq, by=None)
    formats = _check_formats(formats)
    out = Path(out_dir)
    _writable(out)
    given = {"codebook": codebook, "lexicon": lexicon, "actors": actors, "events": events, "gazetteer": gazetteer}
    pack, resources, labels = resolve_resources(path, story, **given)

    if isinstance(path, pd.DataFrame):
        corpus, label = path, "DataFrame"
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(path)
        label = str(path)
    if corpus.empty:
        raise ValueError(f"{label}: no articles to report on; check the path with `mediakit info`")
    params = {"codebook": labels["codebook"], "lexicon": labels["lexicon"], "actors": labels["actors"],
              "events": labels["events"], "gazetteer": labels["gazetteer"], "freq": freq, "top": top,
              "n_boot": n_boot, "n_perm": n_perm}
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name or 'report'}-building-", dir=out.parent))
    try:
        ctx = _Context(corpus=corpus, out_dir=work, source=source_line(corpus), params=params,
                       resources=resources, labels=labels, cache={"formats": formats})
        page = _build(ctx, label, pack, title, progress, plt, HOUSE_STYLE, explorer)
        if explorer:
            from .explore import build_explorer

            build_explorer(corpus, work / "explorer.html", codebook=resources.get("codebook"))
        (work / "report.html").write_text(page, encoding="utf-8")
        _move_into(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if verbose:
        times = dict(ctx.cache["timings"])
        charts = times.pop("saving charts", 0.0)
        print("mediakit: stage times: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items())
              + f"; total {sum(times.values()):.2f} s, of which saving charts {charts:.2f} s", file=sys.stderr)
    return out / "report.html"


def _check_formats(formats: Iterable[str] | str) -> tuple[str, ...]:
    """Chart formats as a tuple of png/svg/pdf, or a one-line error naming the bad one."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    out = tuple(dict.fromkeys(str(f).strip().lower().lstrip(".") for f in items if str(f).strip()))
    bad = [f for f in out if f not in ("png", "svg", "pdf")]
    if bad or not out:
        raise ValueError(f"build_report: formats={formats!r}: unsupported chart format {bad[0] if bad else 'none'!r}; "
                         "use some of png, svg, pdf (e.g. formats=('png', 'svg'))")
    return out


def _move_into(work: Path, out: Path) -> None:
    """Move every file built in ``work`` to the same place under ``out`` (replacing files of a former run)."""
    out.mkdir(parents=True, exist_ok=True)
    for src in sorted(work.rglob("*")):
        if src.is_file():
            dest = out / src.relative_to(work)
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)


def _build(ctx: _Context, label: str, pack: Any, title: str | None, progress: bool, plt: Any, style: Any,
           explorer: bool = False) -> str:
    from .reuse import find_reuse

    corpus = ctx.corpus
    bar = None
    stages = SECTIONS
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(stages) + 1, desc="report", unit="stage", file=sys.stderr)
    sections: list[Section] = []
    with plt.style.context(style), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Reuse first: every analysis that counts reused text once gets this table, none recomputes it.
        t0 = time.perf_counter()
        ctx.cache["reuse"] = find_reuse(corpus)
        ctx.cache.setdefault("timings", {})["reuse"] = time.perf_counter() - t0
        if bar is not None:
            bar.update(1)
        for label_stage, fn in stages:
            if bar is not None:
                bar.set_postfix_str(label_stage)
            t0 = time.perf_counter()
            sections.append(_run_section(label_stage, fn, ctx))
            ctx.cache["timings"][label_stage] = time.perf_counter() - t0
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    sections[-1].methods.append(f"<b>Uncertainty</b>: this report uses n_boot={ctx.params['n_boot']} bootstrap "
                                f"replicates and n_perm={ctx.params['n_perm']} permutations for speed; the "
                                "analyses' own defaults are 1000 each (see docs/contract.md).")
    story_line = f"{pack.name}: {pack.title} ({pack.path})" if pack is not None else "no story pack"
    provenance = pd.DataFrame([
        ("mediakit version", __version__),
        ("corpus", label),
        ("articles", len(corpus)),
        ("corpus hash (SHA-256)", corpus_hash(corpus)),
        ("story pack", story_line),
        ("parameters", ", ".join(f"{k}={v}" for k, v in ctx.params.items())),
        ("python", platform.python_version()),
        ("charts", len(ctx.figures)),
        ("generated", time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())),
    ], columns=["field", "value"])
    default_title = pack.title if pack is not None else "How the outlets covered the story"
    return render_page(title or default_title, ctx.source, sections, provenance, explorer=explorer)
