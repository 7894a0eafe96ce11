"""``explore_terms`` (the term scatter's data and its notebook view) and ``build_explorer`` (the page)."""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ..analysis import Analysis, bind, run_whole
from ..analysis import get as get_analysis
from ._evidence import frame_data, quote_data, reuse_data
from ._page import render_page
from ._terms import TermData, finite, pair_scores, sample_kwic, term_data

__all__ = ["TermExplorer", "explore_terms", "build_explorer"]

_KWIC_COLUMNS = ["term", "article_id", "group", "date", "title", "left", "match", "right", "start", "end",
                 "left_start", "right_end"]


def _check(corpus: pd.DataFrame, by: str, where: str) -> None:
    from ..corpus import ColumnError, validate_corpus

    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"{where}: corpus must be a pandas DataFrame from mediakit.load_corpus, "
                        f"not {type(corpus).__name__}")
    validate_corpus(corpus, required=("article_id", "text"), where=where)
    if by not in corpus.columns:
        raise ColumnError(f"{where}: column {by!r} missing; pass by= naming a corpus column "
                          f"(columns are {', '.join(map(str, corpus.columns))})")


def _caps_text(caps: dict[str, Any], data: TermData, n_articles: int, frames: dict[str, Any] | None = None,
               quotes: dict[str, Any] | None = None, reuse: dict[str, Any] | None = None) -> str:
    parts = [f"This page embeds {len(data.terms):,} of the {data.n_vocabulary:,} terms counted in "
             f"{n_articles:,} articles: {data.n_floor:,} occur at least {caps['min_count']} times (min_count), and "
             f"at most {caps['max_terms']:,} are kept (max_terms), those with the largest |z| of a group against "
             f"the rest. Each term has at most {caps['kwic_per_term']} keyword-in-context lines (kwic_per_term), "
             f"sampled from articles in random order (random_state={caps['random_state']})."]
    if frames is not None:
        parts.append(f"At most {caps['sentences_per_cell']} sentences per {caps['by']} and frame "
                     f"(sentences_per_cell), highest score first.")
    if quotes is not None:
        parts.append(f"The {len(quotes['speakers']):,} most quoted speakers (max_speakers={caps['max_speakers']}), "
                     f"at most {caps['quotes_per_speaker']} quotes each (quotes_per_speaker).")
    if reuse is not None:
        parts.append(f"{len(reuse['pairs']):,} of {reuse['n']:,} reuse passages (max_pairs={caps['max_pairs']}), "
                     f"most similar first.")
    return " ".join(parts)


class TermExplorer:
    """The term scatter for one corpus: counts per group of the embedded terms, KWIC lines per term, and
    views of both (a page, a notebook widget). Made by :func:`explore_terms`.

    ``scores()`` is the scatter's table for the current ``focus`` and ``against``; ``select(term)`` picks a
    term and returns its KWIC lines (updating the widget when one is shown); ``widget()`` is the live
    JupyterLab view (ipywidgets, no build step); in a notebook the object itself shows the page.
    """

    def __init__(self, corpus: pd.DataFrame, data: TermData, kwic: pd.DataFrame, seen: dict[str, int], *,
                 by: str, focus: str, against: str, caps: dict[str, Any], ci: float) -> None:
        self.by, self.focus, self.against, self.caps, self.ci = by, focus, against, caps, ci
        self.data, self.seen = data, seen
        self.kwic = kwic
        self.selected: str | None = None
        self._articles = _article_table(corpus, by)
        self._ui: Any = None

    # ---------------------------------------------------------------- tables
    def scores(self, focus: str | None = None, against: str | None = None) -> pd.DataFrame:
        """``term, count, count_other, freq, freq_other, score, z, ci_low, ci_high`` of every embedded term
        (freq per 10,000 tokens; the log-odds z of :func:`mediakit.distinctive_terms`)."""
        return pair_scores(self.data, focus or self.focus, against or self.against, ci=self.ci)

    def lines(self, term: str) -> pd.DataFrame:
        """The embedded KWIC lines of ``term``: ``term, article_id, group, date, title, left, match, right,
        start, end, left_start, right_end`` (offsets into the article's text)."""
        if term not in self.data.terms:
            raise KeyError(f"term {term!r} is not among the {len(self.data.terms)} embedded terms; "
                           f"lower min_count or raise max_terms")
        return self.kwic[self.kwic["term"] == term].reset_index(drop=True)

    def select(self, term: str) -> pd.DataFrame:
        """Pick ``term`` (as a click on the scatter does): returns its KWIC lines and, when the widget is
        shown, updates its KWIC output."""
        lines = self.lines(term)
        self.selected = term
        if self._ui is not None:
            self._ui.show(term)
        return lines

    # ---------------------------------------------------------------- views
    def payload(self) -> dict[str, Any]:
        """The page's data (JSON-ready): articles, term counts, KWIC lines, caps."""
        d = self.data
        index = {t: i for i, t in enumerate(d.terms)}
        pos = {aid: i for i, aid in enumerate(self._articles["article_id"])}
        kw: list[list[list[Any]]] = [[] for _ in d.terms]
        for row in self.kwic.itertuples(index=False):
            kw[index[row.term]].append([pos[str(row.article_id)], int(row.start), int(row.end), int(row.left_start),
                                        int(row.right_end), str(row.left), str(row.match), str(row.right)])
        terms = {"t": d.terms, "c": d.counts.tolist(), "d": d.docs.tolist(), "totals": d.totals.tolist(),
                 "alpha0": d.alpha0, "boot": {g: [[finite(a), finite(b)] for a, b in zip(lo, hi)]
                                              for g, (lo, hi) in d.boot.items()}}
        meta = {"by": self.by, "groups": d.groups, "focus": self.focus, "against": self.against, "ci": self.ci,
                "q": float(stats.norm.ppf(0.5 + self.ci / 2)), "caps": self.caps, "n_articles": len(self._articles),
                "caps_text": _caps_text(self.caps, d, len(self._articles))}
        return {"meta": meta, "articles": self._articles[["article_id", "group", "date", "title"]].values.tolist(),
                "terms": terms, "kwic": kw, "kwic_seen": [int(self.seen.get(t, 0)) for t in d.terms],
                "frames": {"frames": [], "groups": [], "counts": {}, "cells": {}, "sentences_per_group": {}},
                "quotes": {"speakers": [], "quotes": {}}, "reuse": {"pairs": [], "n": 0}}

    def to_html(self, title: str = "Terms explorer") -> str:
        """The self-contained page (terms only; :func:`build_explorer` adds the evidence browsers)."""
        return render_page(self.payload(), title=title)

    def _repr_html_(self) -> str:
        page = html.escape(self.to_html(), quote=True)
        return (f'<iframe srcdoc="{page}" sandbox="allow-scripts" style="width:100%;height:900px;border:0" '
                f'title="mediakit terms explorer"></iframe>')

    def widget(self) -> Any:
        """The live JupyterLab view: focus and comparison pickers, a term search, the scatter and the KWIC
        lines of the selected term (ipywidgets, from the notebooks extra)."""
        from ._widget import TermWidget

        if self._ui is None:
            self._ui = TermWidget(self)
        return self._ui.box

    def __repr__(self) -> str:
        return (f"TermExplorer({len(self.data.terms)} terms, {len(self.kwic)} KWIC lines, by={self.by!r}, "
                f"focus={self.focus!r}, against={self.against!r})")


def _article_table(corpus: pd.DataFrame, by: str) -> pd.DataFrame:
    dates = corpus["date"] if "date" in corpus else pd.Series(pd.NaT, index=corpus.index)
    dates = pd.to_datetime(dates, errors="coerce", utc=True)
    return pd.DataFrame({
        "article_id": corpus["article_id"].astype(str).to_numpy(),
        "group": corpus[by].fillna("").astype(str).to_numpy(),
        "date": [d.strftime("%Y-%m-%d") if pd.notna(d) else "" for d in dates],
        "title": (corpus["title"] if "title" in corpus else pd.Series("", index=corpus.index)).fillna("").astype(str)
        .to_numpy(),
    })


def explore_terms(corpus: pd.DataFrame, by: str = "outlet", focus: str | None = None, against: str = "rest", *,
                  min_count: int = 5, max_terms: int = 2000, kwic_per_term: int = 20, window: int = 8,
                  n_boot: int = 0, ci: float = 0.95, random_state: int | None = 0) -> TermExplorer:
    """An interactive term scatter: each term's frequency in ``focus`` against the other side (``against``:
    a group or ``"rest"``), coloured by the log-odds z of :func:`mediakit.distinctive_terms` with its
    interval, and keyword-in-context lines per term (:func:`mediakit.kwic`).

    Counts are kept per group, so the page and the widget can switch focus and comparison. Caps:
    terms occurring at least ``min_count`` times, at most ``max_terms`` of them (largest |z| of a group
    against the rest), at most ``kwic_per_term`` lines per term sampled from articles in random order
    (``random_state``). The interval is analytic (score ± q·sd) unless ``n_boot`` > 0, which adds the
    bootstrap interval of each group against the rest. Show it in a notebook as is (the page) or with
    ``.widget()``; ``build_explorer`` writes the full page.

    >>> import pandas as pd, mediakit as mk
    >>> df = pd.DataFrame({"article_id": list("abcd"), "outlet": ["A", "A", "B", "B"], "text": [
    ...     "Sanctions hit. Sanctions again.", "Sanctions loom.", "Restrictions hit.", "Restrictions again."]})
    >>> ex = mk.explore_terms(df, focus="A", min_count=2)
    >>> ex.scores().set_index("term").loc["sanctions", ["count", "count_other"]].tolist()
    [3, 0]
    >>> ex.select("sanctions")[["article_id", "match", "start", "end"]].values.tolist()[:1]
    [['a', 'Sanctions', 0, 9]]
    """
    where = "explore_terms"
    _check(corpus, by, where)
    for name, value in (("min_count", min_count), ("max_terms", max_terms), ("kwic_per_term", kwic_per_term)):
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"{where}: {name}={value!r} must be a whole number >= 0")
    data = term_data(corpus, by, min_count=min_count, max_terms=max_terms, n_boot=n_boot, ci=ci,
                     random_state=random_state)
    focus = str(focus) if focus is not None else data.groups[0]
    if focus not in data.groups:
        raise ValueError(f"{where}: focus={focus!r} is not a value of column {by!r}; pick one of {data.groups}")
    if against != "rest" and (str(against) not in data.groups or str(against) == focus):
        raise ValueError(f"{where}: against={against!r} must be 'rest' or another value of {by!r}: "
                         f"{[g for g in data.groups if g != focus]}")
    lines, seen = sample_kwic(corpus, data.terms, by=by, per_term=kwic_per_term, window=window,
                              random_state=random_state)
    arts = _article_table(corpus, by).set_index("article_id")
    ids = lines["article_id"].astype(str)
    kw = pd.DataFrame({"term": lines["term"].astype(str), "article_id": ids,
                       "group": arts.loc[ids, "group"].to_numpy(), "date": arts.loc[ids, "date"].to_numpy(),
                       "title": arts.loc[ids, "title"].to_numpy(), "left": lines["left"].astype(str),
                       "match": lines["match"].astype(str), "right": lines["right"].astype(str)})
    for c in ("start", "end", "left_start", "right_end"):
        kw[c] = lines[c].astype("Int64")
    caps = {"by": by, "min_count": min_count, "max_terms": max_terms, "kwic_per_term": kwic_per_term,
            "window": window, "random_state": random_state, "n_boot": n_boot}
    return TermExplorer(corpus, data, kw[_KWIC_COLUMNS].reset_index(drop=True), seen, by=by, focus=focus,
                        against=str(against), caps=caps, ci=ci)


def _split_run(analysis: Analysis, corpus: pd.DataFrame, pool: ProcessPoolExecutor | None, n_parts: int,
               **kwargs: Any) -> Callable[[], pd.DataFrame]:
    """Start ``analysis`` (a registered record, called with its public function's parameters) on
    ``n_parts`` consecutive parts of ``corpus`` in ``pool``; returns the call that merges the partials in
    corpus order and finalizes them (the steps the Dask engine runs: the same table as the pandas call).
    Without a pool, the call runs the public function itself."""
    if pool is None or n_parts < 2 or len(corpus) < 2 * n_parts:
        return lambda: analysis.public(corpus, **kwargs)
    params = bind(analysis.public, (), kwargs)
    if analysis.validate is not None:
        params = analysis.validate(list(corpus.columns), engine="local", **params)
    context = run_whole(analysis.prepare, corpus, params) if analysis.prepare is not None else None
    data = corpus
    if analysis.columns is not None:
        data = corpus[[c for c in dict.fromkeys(analysis.columns(**params)) if c in corpus.columns]]
    cuts = np.linspace(0, len(data), n_parts + 1).round().astype(int)
    jobs = [pool.submit(_partition_job, analysis.name, data.iloc[lo:hi], int(lo), context, params)
            for lo, hi in zip(cuts[:-1], cuts[1:])]

    def finish() -> pd.DataFrame:
        partial = analysis.merge([job.result() for job in jobs])
        rows = data.reset_index(drop=True) if analysis.rows_needed is not None else None
        return analysis.finalize(partial, rows=rows, context=context, **params)

    return finish


def _given(table: pd.DataFrame | None, name: str) -> Callable[[], pd.DataFrame] | None:
    return None if table is None else (lambda: _table(table, name))


def _table(table: Any, name: str) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"build_explorer: {name} must be the pandas table of the analysis for this corpus, "
                        f"not {type(table).__name__}; pass None to compute it")
    return table


def _partition_job(name: str, part: pd.DataFrame, offset: int, context: Any, params: dict[str, Any]) -> Any:
    """One part's partial, merged on its own (compacted) before it travels back (a worker's task)."""
    from .. import framing, sources  # noqa: F401 (a fresh worker registers the analyses it runs)

    a = get_analysis(name)
    return a.merge([a.partition(part, offset=offset, context=context, **params)])


def build_explorer(corpus: pd.DataFrame, out_path: str | Path, *, story: str | None = None,
                   codebook: str | None = None, by: str = "outlet", focus: str | None = None,
                   min_count: int = 5, max_terms: int = 2000, kwic_per_term: int = 20,
                   sentences_per_cell: int = 30, max_speakers: int = 150, quotes_per_speaker: int = 30,
                   max_pairs: int = 200, n_boot: int = 0, random_state: int | None = 0,
                   title: str | None = None, n_jobs: int = 1, quotes: pd.DataFrame | None = None,
                   frames: pd.DataFrame | None = None, reuse: pd.DataFrame | None = None,
                   gazetteer: Any = None) -> Path:
    """Write ``explorer.html``: one self-contained page (data as inline JSON, script and style inline, a
    CSP allowing nothing else, no network request) with the term scatter of :func:`explore_terms` and the
    evidence browsers: outlet x frame -> sentences with their cues (:func:`mediakit.score_frames` with
    ``codebook``, else the ``story`` pack's, else ``policy_frames``); a speaker -> their quotes per outlet
    (:func:`mediakit.extract_quotes`); a reuse pair -> both passages with the changed words marked
    (:func:`mediakit.find_reuse`). Every cap is a parameter and is stated on the page. ``n_jobs`` > 1
    runs the quote extraction and the frame scoring in ``n_jobs`` worker processes, each on parts of the
    corpus (the analyses' partition / merge / finalize steps of :mod:`mediakit.analysis`, so the result
    is the same as one call), beside the term statistics. ``quotes``, ``frames``, ``reuse``: those tables
    when the caller has them already for this corpus (a notebook, the report): they are used as they are,
    not computed again. ``gazetteer``: the speaker gazetteer the quotes are extracted with when
    ``quotes`` is not given (a story name or path, as :func:`mediakit.extract_quotes` takes; None: the
    generic one).
    ``out_path`` is a file or a folder (then ``explorer.html`` in it). Returns the path written.

    >>> import pandas as pd, mediakit as mk, tempfile, pathlib
    >>> df = pd.DataFrame({"article_id": list("ab"), "outlet": ["A", "B"], "title": ["t1", "t2"],
    ...                    "text": ["Officials said sanctions loom.", "Officials said restrictions loom."]})
    >>> path = mk.build_explorer(df, tempfile.mkdtemp(), min_count=1)
    >>> path.name, "Content-Security-Policy" in path.read_text()
    ('explorer.html', True)
    """
    # the analyses' registry records (mediakit.analysis): partition work -> merge -> finalize
    from ..framing import score_frames  # noqa: F401 (registers the analysis)
    from ..reuse import find_reuse
    from ..sources import extract_quotes  # noqa: F401 (registers the analysis)

    if not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"build_explorer: n_jobs={n_jobs!r} must be a whole number >= 1")
    _check(corpus, by, "build_explorer")
    t0 = time.perf_counter()
    out = Path(out_path)
    if out.suffix.lower() not in (".html", ".htm"):
        out = out / "explorer.html"
    book = codebook or story or "policy_frames"
    given_frames = frames
    pool = ProcessPoolExecutor(max_workers=n_jobs) if n_jobs > 1 and (quotes is None or frames is None) else None
    try:
        # quotes and frames (the slow two) go to the workers in n_jobs parts of the corpus each, quotes
        # first; the term statistics, KWIC lines and reuse run here meanwhile
        quotes_job = _given(quotes, "quotes") or _split_run(get_analysis("extract_quotes"), corpus, pool, n_jobs,
                                                            gazetteer=gazetteer)
        frames_job = _given(frames, "frames") or _split_run(get_analysis("score_frames"), corpus, pool, n_jobs, codebook=book)
        ex = explore_terms(corpus, by=by, focus=focus, min_count=min_count, max_terms=max_terms,
                           kwic_per_term=kwic_per_term, n_boot=n_boot, random_state=random_state)
        reuse = find_reuse(corpus) if reuse is None else _table(reuse, "reuse")
        frames = frames_job()
        quotes = quotes_job()
    finally:
        if pool:
            pool.shutdown()
    data = ex.payload()
    pos = {aid: i for i, aid in enumerate(data["articles"][k][0] for k in range(len(data["articles"])))}
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna("").astype(str)))
    group_of = dict(zip(corpus["article_id"].astype(str), corpus[by].fillna("").astype(str)))
    if by not in frames.columns and len(frames):
        frames = frames.assign(**{by: frames["article_id"].astype(str).map(group_of)})
    data["frames"] = frame_data(frames, by, pos, per_cell=sentences_per_cell)
    data["quotes"] = quote_data(quotes, pos, group_of, max_speakers=max_speakers,
                                per_speaker=quotes_per_speaker)
    data["reuse"] = reuse_data(reuse, texts, pos, max_pairs=max_pairs)
    ex.caps.update({"sentences_per_cell": sentences_per_cell, "max_speakers": max_speakers,
                    "quotes_per_speaker": quotes_per_speaker, "max_pairs": max_pairs,
                    "codebook": str(book if given_frames is None else given_frames.attrs.get("codebook", book))})
    data["meta"]["caps"] = ex.caps
    data["meta"]["caps_text"] = _caps_text(ex.caps, ex.data, len(corpus), data["frames"], data["quotes"],
                                           data["reuse"])
    data["meta"]["build_seconds"] = round(time.perf_counter() - t0, 2)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(data, title=title or f"Explore: how each {by} covered the story"), encoding="utf-8")
    return out
