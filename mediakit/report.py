"""The whole comparison as one self-contained HTML page, with every chart exported beside it.

>>> from mediakit.report import build_report
>>> path = build_report("data/s400", "reports")          # doctest: +SKIP

The page makes no external request: charts are inline SVG, styles are inline CSS, there is no script.
Everything that comes from the articles (titles, outlet names, sentences, quotes) is HTML-escaped.
Each chart is also written to ``out_dir/figures`` as SVG (PNG and PDF when asked) with the CSV of its
numbers, and each table to ``out_dir/tables``. A second run on the same corpus rewrites identical files; only the
timestamp in the provenance block changes.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from ._report_base import (
    Context,
    Section,
    corpus_hash,
    esc,
    slug,
)
from ._report_page import render_page
from ._report_sections import (
    framing_section,
    overview_section,
    reuse_section,
    similarity_section,
    sources_section,
    terms_section,
    timeline_section,
    tone_section,
)
from .corpus import language_counts
from .stories import FROM_STORY

__all__ = ["build_report", "Section", "corpus_hash"]


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
    if label == "similarity" and len(language_counts(corpus)) > 1:
        # the map compares every language on multilingual embeddings: outlets in any language count
        outlets = sorted(corpus["outlet"].astype(str).unique())
        if len(outlets) < 2:
            return ("Outlet similarity compares at least two outlets, and this corpus has only one "
                    f"({outlets[0] if outlets else 'none'}), so this section was not run.")
        return None
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
    key, title = _HEADINGS.get(label, (slug(label), label.capitalize()))
    sec = Section(key, title)
    sec.body.append(f'<p class="note">{esc(reason)}</p>')
    return sec


def _run_section(label: str, fn: Callable[[Context], Section], ctx: Context) -> Section:
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


SECTIONS: list[tuple[str, Callable[[Context], Section]]] = [
    ("corpus overview", overview_section),
    ("timeline", timeline_section),
    ("terms", terms_section),
    ("framing", framing_section),
    ("sources", sources_section),
    ("tone", tone_section),
    ("reuse", reuse_section),
    ("similarity", similarity_section),
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
                 explorer: bool = False, formats: Iterable[str] = ("svg",), verbose: bool = False,
                 n_jobs: int | None = None) -> Path:
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
    written beside each chart's CSV (png, svg, pdf; SVG is always written, the page inlines it; PNG, at
    100 dpi and 800 px wide for slides, and PDF, the slowest by far, only when asked: drawing the PNGs was a
    fifth of the report's time). ``verbose`` prints the time of every stage on stderr. ``n_jobs=2`` forks
    a second process once the corpus is loaded: it finds reuse while this one loads the story's resources,
    then runs sections (similarity, reuse, sources: each taken by whichever process is free first) while
    this one runs the others: the same page and the same files on two cores; None (default) uses two
    processes where the machine has two cores and can fork, 1 runs everything here.

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
    from .export import HOUSE_STYLE, source_line
    from .stories import resolve_resources
    from .timeline import coverage_timeline

    # ---- every argument checked before any work
    top, n_boot, n_perm = _check_int("top", top, 1), _check_int("n_boot", n_boot, 0), _check_int("n_perm", n_perm, 0)
    processes = _processes(n_jobs)
    if not isinstance(path, pd.DataFrame) and not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such corpus file or folder; check the path")
    if freq is not None:
        coverage_timeline(pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]")}), freq=freq, by=None)
    formats = _check_formats(formats)
    out = Path(out_dir)
    _writable(out)
    given = {"codebook": codebook, "lexicon": lexicon, "actors": actors, "events": events, "gazetteer": gazetteer}

    # With two processes the second one starts at once: it loads the corpus too (the same files give the same
    # table: loading twice costs a core for the time one load takes, where one load before the fork left a core
    # idle for it) and finds reuse (the stage every other one waits for), while this one loads the corpus,
    # imports the analyses (scipy and scikit-learn, about 1 s: the second process imports what its sections
    # need when it gets to them) and the story's resources; a bad resource file stops it before anything is
    # written.
    label = "DataFrame" if isinstance(path, pd.DataFrame) else str(path)
    helper = _Helper(path) if processes == 2 else None
    try:
        corpus = _load(path)
        if corpus.empty:
            raise ValueError(f"{label}: no articles to report on; check the path with `mediakit info`")
        if helper is not None:
            helper.order = _order(corpus)
        import matplotlib.pyplot as plt  # after the fork: the second process needs it only for its charts

        pack, resources, labels = resolve_resources(path, story, **given)
        params = {"codebook": labels["codebook"], "lexicon": labels["lexicon"], "actors": labels["actors"],
                  "events": labels["events"], "gazetteer": labels["gazetteer"], "freq": freq, "top": top,
                  "n_boot": n_boot, "n_perm": n_perm}
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name or 'report'}-building-", dir=out.parent))
    except BaseException:
        if helper is not None:
            helper.stop()
        raise
    try:
        ctx = Context(corpus=corpus, out_dir=work, source=source_line(corpus), params=params,
                      resources=resources, labels=labels, cache={"formats": formats})
        page = _build(ctx, label, pack, title, progress, plt, HOUSE_STYLE, explorer, helper)
        if explorer:
            from .explore import build_explorer

            # the reuse table and the quotes are the report's own (computed once); the explorer's frames are
            # scored again, because its sentence browser keeps the reused sentences the report's frames drop
            build_explorer(corpus, work / "explorer.html", codebook=resources.get("codebook"),
                           reuse=ctx.cache["reuse"], quotes=ctx.cache.get("quotes"),
                           gazetteer=resources.get("gazetteer"), n_jobs=processes)
        (work / "report.html").write_text(page, encoding="utf-8")
        _move_into(work, out)
    finally:
        if helper is not None:
            helper.stop()
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


def _processes(n_jobs: int | None) -> int:
    """1 or 2: two only where there are two cores, the platform forks and this is no daemon process."""
    if n_jobs is not None and (isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1):
        raise ValueError(f"build_report: n_jobs={n_jobs!r} must be None or a whole number of at least 1; fix n_jobs")
    can = ("fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon
           and (os.cpu_count() or 1) >= 2)
    wanted = 2 if n_jobs is None else min(n_jobs, 2)
    return 2 if can and wanted == 2 else 1


def _run_stages(ctx: Context, labels: Iterable[str], bar: Any = None
                ) -> tuple[dict[str, Section], dict[str, list[str]], dict[str, float]]:
    """Run the named sections in SECTIONS order: their sections, chart names and times."""
    wanted = set(labels)
    sections: dict[str, Section] = {}
    figures: dict[str, list[str]] = {}
    timings = ctx.cache.setdefault("timings", {})
    for label_stage, fn in SECTIONS:
        if label_stage not in wanted:
            continue
        if bar is not None:
            bar.set_postfix_str(label_stage)
        t0, before = time.perf_counter(), len(ctx.figures)
        sections[label_stage] = _run_section(label_stage, fn, ctx)
        timings[label_stage] = time.perf_counter() - t0
        figures[label_stage] = ctx.figures[before:]
        if bar is not None:
            bar.update(1)
    return sections, figures, timings


# Sections the second process may run when there are two. They read only the corpus, the reuse table, the
# parameters, the labels and the resources in _SENT_RESOURCES. The second process takes them from the front
# once it has found reuse, the first from the back once its own sections are done (each claimed once, by
# whichever process is free first), so the work splits evenly whatever the corpus and the caches make slow.
# Similarity first: the second process has the sentence encoder loaded (translated reprints), the first would
# load it again (about 1.5 s) -- unless the second sends it every sentence's vector (_shares_vectors): then
# the first process, which has imported scikit-learn for its own sections, takes similarity, and the second
# never imports scikit-learn and SciPy's statistics (about 0.9 s of CPU saved).
_SECOND_PROCESS = ("similarity", "reuse", "sources")
_VECTORS_SHARED_ORDER = ("sources", "reuse", "similarity")
_SENT_RESOURCES = ("gazetteer",)
_SHARE_MAX_CHARS = 5_000_000  # text up to which the vectors are sent (~40,000 sentences, 80 MB of float32)


def _load(path: str | Path | pd.DataFrame) -> pd.DataFrame:
    """The corpus of ``path`` (a loaded table is used as it is), load warnings silenced (the report lists
    what it read)."""
    if isinstance(path, pd.DataFrame):
        return path
    from .corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path)


def _order(corpus: pd.DataFrame) -> tuple[str, ...]:
    """The order in which the second process takes the movable sections (the first takes them from the back)."""
    return _VECTORS_SHARED_ORDER if _shares_vectors(corpus) else _SECOND_PROCESS


def _shares_vectors(corpus: pd.DataFrame) -> bool:
    """Whether the second process sends the first every sentence's vector: when the similarity section will
    compare embeddings (more than one language) of a corpus small enough for the pipe and the sentence cache.

    >>> _shares_vectors(pd.DataFrame({"language": ["en", "ru"], "text": ["One.", "Два."]}))
    True
    >>> _shares_vectors(pd.DataFrame({"language": ["en", "en"], "text": ["One.", "Two."]}))
    False
    """
    return (len(language_counts(corpus)) > 1
            and int(corpus["text"].astype(str).str.len().sum()) <= _SHARE_MAX_CHARS)


def _find_reuse(corpus: pd.DataFrame) -> pd.DataFrame:
    """The report's reuse table: computed once, first, and passed to every analysis that counts reuse once."""
    from .reuse import find_reuse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # a corpus in more than one language also gets translated reprints (multilingual sentence embeddings)
        return find_reuse(corpus, cross_lingual=len(language_counts(corpus)) > 1)


class _Helper:
    """The second process. Forked as soon as the corpus is loaded (it inherits the corpus and the imports),
    it finds reuse at once and sends the table back; once this process sends it what the sections need
    (:meth:`start_sections`), it runs the _SECOND_PROCESS sections and sends them back.

    A thread here receives the reuse table as soon as it is ready, so neither process waits on the other's
    reading; an exception in the second process is raised here.
    """

    def __init__(self, path: str | Path | pd.DataFrame):
        self.order = _SECOND_PROCESS  # build_report sets it from the corpus once loaded (the second one alike)
        mp = multiprocessing.get_context("fork")
        self._from_child, child_out = mp.Pipe(duplex=False)
        child_in, self._to_child = mp.Pipe(duplex=False)
        sys.stdout.flush()
        sys.stderr.flush()
        self._claims = mp.Array("b", len(_SECOND_PROCESS))  # 0 free, else the number of the process that took it
        self._proc = mp.Process(target=_helper_main, args=(child_in, child_out, path, self._claims))
        self._proc.start()
        child_in.close()
        child_out.close()
        self._reuse: tuple[Any, ...] | BaseException = RuntimeError("no reuse table received")
        self._vectors: tuple[Any, ...] | BaseException | None = None
        self._reuse_ready = threading.Event()
        self._reader = threading.Thread(target=self._read_reuse, daemon=True)
        self._reader.start()

    def _recv(self, what: str) -> tuple[Any, ...]:
        try:
            msg = self._from_child.recv()
        except EOFError:
            self._proc.join(10)
            raise RuntimeError(f"build_report: the second process ended before sending {what} (exit code "
                               f"{self._proc.exitcode}); run with n_jobs=1") from None
        if msg[0] == "error":
            raise msg[1]
        return msg

    def _read_reuse(self) -> None:
        try:
            self._reuse = self._recv("the reuse table")
        except BaseException as exc:  # raised in the main thread by reuse()
            self._reuse = exc
        self._reuse_ready.set()
        if not isinstance(self._reuse, BaseException):
            try:
                self._vectors = self._recv("the sentence vectors")
            except BaseException as exc:  # raised in the main thread by take_vectors()
                self._vectors = exc

    def reuse(self) -> tuple[pd.DataFrame, float]:
        """The reuse table and the seconds it took (waits for it)."""
        self._reuse_ready.wait()
        if isinstance(self._reuse, BaseException):
            raise self._reuse
        return self._reuse[1], self._reuse[2]

    def take_vectors(self) -> None:
        """Put the sentence vectors the second process sent into this process's sentence cache (waits for
        them; nothing to do when it sends none)."""
        self._reader.join()
        if isinstance(self._vectors, BaseException):
            raise self._vectors
        if self._vectors is not None and len(self._vectors) > 1:
            from .embedding import _remember

            _remember(*self._vectors[1:])
        self._vectors = None

    def start_sections(self, ctx: Context) -> None:
        resources = {k: ctx.resources.get(k) for k in _SENT_RESOURCES}
        self._to_child.send(("go", ctx.out_dir, ctx.source, ctx.params, resources, ctx.labels, ctx.cache["formats"]))

    def claim(self) -> str | None:
        """The last movable section (in ``order``) no process has started, now this process's; None when none
        is left."""
        for name in reversed(self.order):
            if _claim(self._claims, 1, name):
                return name
        return None

    def sections(self) -> tuple[dict[str, Section], dict[str, list[str]], dict[str, float], pd.DataFrame | None]:
        """Its sections, their chart names and times, and the quotes its sources section extracted (or None)."""
        self.reuse()
        self._reader.join()
        _, sections, figures, timings, quotes = self._recv("its sections")
        return sections, figures, timings, quotes

    def stop(self) -> None:
        if self._proc.is_alive() and self._proc.exitcode is None:
            self._proc.join(0.5)
            if self._proc.is_alive():
                self._proc.terminate()
        self._proc.join()
        self._from_child.close()
        self._to_child.close()


def _preload(first: str) -> None:
    """Import what the movable sections use (plotting, the sources' quotes, and when the second process
    starts with similarity, the map's scikit-learn and SciPy parts): it does so while it waits for the first
    process to send the resources."""
    import matplotlib.pyplot  # noqa: F401

    from . import plotting, sources  # noqa: F401

    if first == "similarity":
        import scipy.cluster.hierarchy  # noqa: F401
        import sklearn.manifold  # noqa: F401

        from . import similarity  # noqa: F401


def _claim(claims: Any, who: int, name: str) -> bool:
    """Take section ``name`` for process ``who`` (1 first, 2 second) unless a process took it: whether it did."""
    i = _SECOND_PROCESS.index(name)
    with claims.get_lock():
        if claims[i]:
            return False
        claims[i] = who
        return True


def _helper_main(conn_in: Any, conn_out: Any, path: str | Path | pd.DataFrame, claims: Any) -> None:
    """What the second process runs (see :class:`_Helper`): ``path`` is the corpus as build_report was given it."""
    try:
        corpus = _load(path)
        order = _order(corpus)
        t0 = time.perf_counter()
        reuse = _find_reuse(corpus)
        conn_out.send(("reuse", reuse, time.perf_counter() - t0))
        if order == _VECTORS_SHARED_ORDER:
            # the sentences the translation probe did not encode, then all of them to the first process
            from .embedding import _sentence_vectors

            conn_out.send(("vectors", *_sentence_vectors(corpus)))
        else:
            conn_out.send(("vectors",))
        if not conn_in.poll():
            _preload(order[0])  # while the first process still loads the story's resources
        _, out_dir, source, params, resources, labels, formats = conn_in.recv()
        ctx = Context(corpus=corpus, out_dir=out_dir, source=source, params=params, resources=resources,
                      labels=labels, cache={"formats": formats, "reuse": reuse, "timings": {}})
        import matplotlib.pyplot as plt

        from .export import HOUSE_STYLE

        with plt.style.context(HOUSE_STYLE), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            done: dict[str, Section] = {}
            figures: dict[str, list[str]] = {}
            for name in order:  # one at a time: the first process may take the later ones meanwhile
                if _claim(claims, 2, name):
                    more, more_figures, _ = _run_stages(ctx, [name])
                    done.update(more)
                    figures.update(more_figures)
            conn_out.send(("sections", done, figures, ctx.cache["timings"], ctx.cache.get("quotes")))
    except EOFError:  # the first process stopped (an error there): nothing to send
        pass
    except BaseException as exc:
        try:
            conn_out.send(("error", exc))
        except Exception:  # an exception that does not pickle
            conn_out.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn_out.close()


class _ReuseFromHelper(dict):
    """``ctx.cache`` of the first process: its "reuse" entry arrives from the helper when first read."""

    def __init__(self, data: dict[str, Any], helper: _Helper):
        super().__init__(data)
        self._helper = helper

    def __missing__(self, key: str) -> Any:
        if key != "reuse":
            raise KeyError(key)
        self["reuse"], self["timings"]["finding reuse"] = self._helper.reuse()
        return self["reuse"]


def _build(ctx: Context, label: str, pack: Any, title: str | None, progress: bool, plt: Any, style: Any,
           explorer: bool = False, helper: _Helper | None = None) -> str:
    corpus = ctx.corpus
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(SECTIONS) + 1, desc="report", unit="stage", file=sys.stderr)
    ctx.cache.setdefault("timings", {})
    with plt.style.context(style), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if helper is None:
            t0 = time.perf_counter()
            ctx.cache["reuse"] = _find_reuse(corpus)
            ctx.cache["timings"]["finding reuse"] = time.perf_counter() - t0
            if bar is not None:
                bar.update(1)
            done, _, _ = _run_stages(ctx, [name for name, _ in SECTIONS], bar)
        else:
            helper.start_sections(ctx)
            ctx.cache = _ReuseFromHelper(ctx.cache, helper)
            first = [name for name, _ in SECTIONS if name not in _SECOND_PROCESS]
            done, figs, times = _run_stages(ctx, first, bar)
            while (taken := helper.claim()) is not None:
                if taken == "similarity":
                    helper.take_vectors()
                here, here_figs, times = _run_stages(ctx, [taken], bar)
                done.update(here)
                figs.update(here_figs)
            more, more_figs, more_times, quotes = helper.sections()
            if quotes is not None:
                ctx.cache["quotes"] = quotes
            ctx.cache["reuse"]  # noqa: B018 (fetched here when no section of this process read it)
            done.update(more)
            figs.update(more_figs)
            charts = times.pop("saving charts", 0.0) + more_times.pop("saving charts", 0.0)
            times.update(more_times)
            ctx.cache["timings"] = {"finding reuse": times["finding reuse"],
                                    **{k: times[k] for k, _ in SECTIONS if k in times}, "saving charts": charts}
            ctx.figures[:] = [f for k, _ in SECTIONS for f in figs.get(k, [])]
            if bar is not None:
                bar.update(1 + len(more))
        sections = [done[k] for k, _ in SECTIONS]
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
