"""The ``mediakit`` command: thin wrappers around the library, one subcommand per analysis.

    mediakit info data/s400
    mediakit terms data/s400 --by outlet --top 10 --format csv
    mediakit quotes data/s400 --format jsonl --out quotes.jsonl
    mediakit report data/s400 --out reports --lexicon none
    mediakit story init my-story --corpus data/s400

Every analysis command takes a corpus path, ``--format table|csv|json|jsonl`` and ``--out FILE`` (stdout by
default). ``report``, ``frames`` and ``quotes`` take ``--story NAME|PATH`` (default: the corpus folder's
``story.yaml``; ``none`` for none). Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["main", "emit", "printable"]

FORMATS = ("table", "csv", "json", "jsonl")
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help: str, add_arguments: Callable[[argparse.ArgumentParser], None]):  # noqa: A002
    """Register the decorated ``run(args) -> int`` as subcommand ``name`` with its arguments."""

    def register(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = (add_arguments, run)
        run._help = help  # type: ignore[attr-defined]
        return run

    return register


# Terminal escape sequences (CSI, OSC, other ESC sequences) first, then any other C0/C1 control but \n and \t.
_TERMINAL_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
                          r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: Any) -> Any:
    """``value`` with terminal control sequences removed (text only; newline and tab kept).

    >>> printable("\\x1b[2J\\x1b]0;owned\\x07Daily\\tNews\\x9b")
    'Daily\\tNews'
    """
    return _TERMINAL_RE.sub("", value) if isinstance(value, str) else value


def _printable_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.attrs = {}
    for i in range(df.shape[1]):
        col = df.iloc[:, i]
        if col.dtype == object or isinstance(col.dtype, pd.StringDtype | pd.CategoricalDtype):
            out.isetitem(i, col.astype(object).map(printable))
    out.columns = [printable(c) for c in df.columns]
    return out


def emit(df: pd.DataFrame, fmt: str = "table", out: str | None = None, *, neutralise: bool = True) -> None:
    """Write ``df`` to ``out`` (or stdout) as an aligned table, CSV, a JSON array or JSON lines.

    Terminal control sequences are removed from every value; CSV cells that a spreadsheet would run as
    formulas get a leading apostrophe unless ``neutralise`` is false (see :func:`mediakit.export.write_csv`).
    """
    from .export import write_csv

    df = _printable_frame(df)
    if fmt == "csv":
        text = str(write_csv(df, neutralise=neutralise))
    elif fmt == "json":
        text = json.dumps(_records(df), ensure_ascii=False, indent=1, default=str) + "\n"
    elif fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in _records(df))
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 160,
                               "display.max_colwidth", 60):
            text = (df.to_string(index=False) if len(df) else "(no rows)") + "\n"
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in df.to_dict("records"):
        clean = {}
        for k, v in rec.items():
            if isinstance(v, float) and v != v or v is pd.NaT:  # NaN -> null
                v = None
            elif isinstance(v, pd.Timestamp):
                v = v.isoformat()
            elif hasattr(v, "item") and not isinstance(v, list | dict | str):
                v = v.item()
            clean[str(k)] = v
        out.append(clean)
    return out


def add_output_args(p: argparse.ArgumentParser) -> None:
    """The output options shared by every analysis command."""
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--raw-csv", action="store_true",
                   help="csv: write cells as they are, without the apostrophe that stops a spreadsheet from "
                        "running a cell starting with = + - @ as a formula (for machine use)")


def load(path: str, **kw: Any) -> pd.DataFrame:
    """Load a corpus for a command, printing skipped files on stderr as one line each."""
    from .corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df, load_report = load_corpus(path, return_report=True, **kw)
    for s in load_report.skipped.itertuples():
        print(printable(f"mediakit: skipped {s.path}: {s.reason} ({s.hint})"), file=sys.stderr)
    if not len(df):
        raise SystemExit(f"mediakit: error: no articles loaded from {path}; see the messages above")
    return df


# ---------------------------------------------------------------- info
def _info_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    p.add_argument("--outlet", help="outlet for files that name none")
    add_output_args(p)


@command("info", "articles per outlet, date range, languages, word counts, skipped files", _info_args)
def _info(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .text import word_count

    if not Path(args.path).exists():
        raise FileNotFoundError(f"{args.path}: no such file or folder; check the path")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df, load_report = load_corpus(args.path, outlet=args.outlet, return_report=True)
    words = df["text"].map(word_count) if len(df) else pd.Series([], dtype=int)
    table = (
        df.assign(words=words)
        .groupby("outlet")
        .agg(articles=("article_id", "size"), first=("date", "min"), last=("date", "max"),
             languages=("language", lambda s: ",".join(sorted(set(s) - {""}))), words=("words", "sum"),
             median_words=("words", "median"))
        .reset_index()
    )
    for c in ("first", "last"):
        table[c] = table[c].dt.strftime("%Y-%m-%d").fillna("")
    if args.format != "table":
        emit(table, args.format, args.out, neutralise=not args.raw_csv)
        return 0
    lines = [f"{len(df)} articles from {df['outlet'].nunique()} outlets in {args.path}"]
    undated = int(df["date"].isna().sum()) if len(df) else 0
    if len(df) and df["date"].notna().any():
        lines.append(f"dates: {df['date'].min():%Y-%m-%d} to {df['date'].max():%Y-%m-%d} "
                     f"({undated} undated)")
    else:
        lines.append(f"dates: none ({undated} undated)")
    lines.append("languages: " + ", ".join(f"{k} {v}" for k, v in df["language"].value_counts().items()))
    lines.append(f"words: {int(words.sum())} in all, median {int(words.median()) if len(words) else 0} per article")
    lines.append("")
    with pd.option_context("display.width", 160):
        lines.append(table.to_string(index=False) if len(table) else "(no articles)")
    skipped = load_report.skipped
    lines.append("")
    lines.append(f"skipped: {len(skipped)}")
    lines += [f"  {s.path}: {s.reason} ({s.hint})" for s in skipped.itertuples()]
    for n in load_report.notes.itertuples():
        lines.append(f"  note: {n.path}: {n.note}")
    text = printable("\n".join(lines) + "\n")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


# ---------------------------------------------------------------- fetch
def _fetch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("manifest", help="CSV with a url column (e.g. data/s400/coverage_manifest.csv)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the fetched .md articles")
    p.add_argument("--delay", type=float, default=2.0, help="seconds between requests to one host (default 2)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds before a request is abandoned")
    p.add_argument("--limit", type=int, help="fetch at most N URLs")
    p.add_argument("--ignore-robots", action="store_true", help="do not read robots.txt (be careful)")
    p.add_argument("--format", choices=FORMATS, default="table", help="format of the per-URL report")


@command("fetch", "download and extract the articles listed in a manifest", _fetch_args)
def _fetch(args: argparse.Namespace) -> int:
    from .corpus import load_manifest
    from .fetch import fetch_articles

    manifest = load_manifest(args.manifest)
    if args.limit:
        manifest = manifest.head(args.limit)
    report = fetch_articles(manifest, args.out, delay=args.delay, timeout=args.timeout,
                            respect_robots=not args.ignore_robots)
    emit(report[["url", "status", "path", "error"]], args.format, None)
    failed = int((report["status"] == "failed").sum())
    print(f"mediakit: fetched {int((report['status'] != 'failed').sum())} of {len(report)}; {failed} failed",
          file=sys.stderr)
    return 0


# ---------------------------------------------------------------- report
def add_story_arg(p: argparse.ArgumentParser) -> None:
    """``--story NAME|PATH``: the story pack (default: the corpus folder's story.yaml; 'none' for none)."""
    p.add_argument("--story", metavar="NAME|PATH",
                   help="story pack: a shipped name or a pack folder (default: the corpus folder's story.yaml, if "
                        "any; 'none' for no story)")


def story_resources(args: argparse.Namespace, **given: str | None) -> tuple[Any, dict[str, Any], dict[str, str]]:
    """Resolve ``--story`` and the resource options (None = not given: from the story pack) before any work."""
    from .stories import FROM_STORY, resolve_resources

    values = {k: FROM_STORY if v is None else v for k, v in given.items()}
    return resolve_resources(args.path, getattr(args, "story", None), **values)


def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    add_story_arg(p)
    for name, what in (("codebook", "framing codebook (default: the story's, else policy_frames)"),
                       ("lexicon", "naming lexicon (default: the story's naming.yaml, else none)"),
                       ("actors", "actors for tone (default: the story's actors.yaml, else none)"),
                       ("events", "event list (default: the story's events.yaml, else none)"),
                       ("gazetteer", "speaker gazetteer YAML (default: the story's speakers.yaml, else the "
                                     "generic one)")):
        p.add_argument(f"--{name}", metavar="NAME|PATH|none", help=f"{what}; 'none' for none")
    p.add_argument("--freq", help="timeline bin: D, W, M, Q or Y (default: from the corpus span)")
    p.add_argument("--top", type=int, default=10, help="terms and speakers shown per outlet")
    p.add_argument("--n-boot", type=int, default=200, help="bootstrap replicates per confidence interval (200)")
    p.add_argument("--n-perm", type=int, default=200, help="permutations per test (200)")
    p.add_argument("--title", help="page title")
    p.add_argument("--explorer", action="store_true",
                   help="also write explorer.html (the sentences behind the numbers) and link it from the report")
    p.add_argument("--formats", default="svg", metavar="LIST",
                   help="chart files beside each chart's CSV, from png,svg,pdf (default: svg; png for slides, "
                        "pdf is slow)")
    p.add_argument("--verbose", action="store_true", help="print the time of every stage on stderr")


@command("report", "the whole comparison as one self-contained HTML page, charts exported beside it", _report_args)
def _report(args: argparse.Namespace) -> int:
    from .report import build_report
    from .stories import FROM_STORY

    given = {k: FROM_STORY if getattr(args, k) is None else getattr(args, k)
             for k in ("codebook", "lexicon", "actors", "events", "gazetteer")}
    path = build_report(args.path, args.out, story=args.story, freq=args.freq, top=args.top, n_boot=args.n_boot,
                        n_perm=args.n_perm, title=args.title, explorer=args.explorer, formats=args.formats,
                        verbose=args.verbose, **given)
    print(f"mediakit: report written to {path}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- explore
def _explore_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    p.add_argument("--story", help="story pack whose codebook frames the sentences (default: policy_frames)")
    p.add_argument("--by", default="outlet", help="corpus column to compare (default: outlet)")
    p.add_argument("--min-count", type=int, default=5, help="embed terms occurring at least this often")
    p.add_argument("--max-terms", type=int, default=2000, help="embed at most this many terms")
    p.add_argument("--kwic-per-term", type=int, default=20, help="keyword-in-context lines per term")
    p.add_argument("--jobs", type=int, default=1, help="worker processes")


@command("explore", "an offline explorer page: term scatter with KWIC, frames, speakers, reuse", _explore_args)
def _explore(args: argparse.Namespace) -> int:
    from .explore import build_explorer

    out = Path(args.out) / "explorer.html"
    path = build_explorer(load(args.path), out, story=args.story, by=args.by, min_count=args.min_count,
                          max_terms=args.max_terms, kwic_per_term=args.kwic_per_term, n_jobs=args.jobs)
    print(f"mediakit: explorer written to {path}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- story
def _story_args(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="story_command", metavar="ACTION", required=True)
    init = sub.add_parser("init", help="draft a story pack from a corpus (every file says what to check by hand)",
                          description="Draft a story pack from a corpus: story.yaml, events.yaml (coverage peaks), "
                                      "naming.yaml, speakers.yaml and codebook.yaml (policy_frames).")
    init.add_argument("dir", help="folder for the pack")
    init.add_argument("--corpus", required=True, metavar="PATH", help="corpus file or folder to draft it from")
    init.add_argument("--name", help="pack name (default: the folder's name)")
    init.add_argument("--force", action="store_true", help="overwrite the files of an existing pack")


@command("story", "story packs: `mediakit story init DIR --corpus PATH` drafts one from a corpus", _story_args)
def _story(args: argparse.Namespace) -> int:
    from .stories import init_story

    folder = init_story(args.dir, args.corpus, name=args.name, force=args.force)
    print(f"mediakit: story pack drafted in {folder}; read the comments at the top of each file", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- terms
def _terms_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    p.add_argument("--by", default="outlet", help="column to compare (default: outlet)")
    p.add_argument("--method", default="log_odds", choices=("log_odds", "g2", "chi2"),
                   help="statistic (default: log_odds, Monroe et al. 2008)")
    p.add_argument("--top", type=int, default=20, help="terms per group (default 20; 0 = all)")
    p.add_argument("--pair", nargs=2, metavar=("A", "B"), help="compare two groups instead of each against the rest")
    p.add_argument("--min-docs", type=int, default=2, help="articles a term must occur in (default 2)")
    p.add_argument("--ngram", type=int, nargs=2, default=(1, 1), metavar=("MIN", "MAX"), help="n-gram range (default 1 1)")
    p.add_argument("--min-df", type=int, default=1, help="drop terms in fewer articles overall (default 1)")
    p.add_argument("--stop-words", default="auto",
                   help="stop-word languages, e.g. en,tr,ru; 'auto' = the corpus's languages; 'none' keeps all")
    p.add_argument("--fold-diacritics", action="store_true", help="treat Gödel and Godel as one term")
    p.add_argument("--prior-scale", type=float, help="log_odds: total weight of the corpus prior")
    p.add_argument("--variance", choices=("monroe", "full"), default="monroe",
                   help="log_odds: the paper's variance (default) or the four-term one (as scattertext)")
    p.add_argument("--n-boot", type=int, default=0, help="bootstrap replicates for confidence intervals")
    p.add_argument("--seed", type=int, default=0, help="random seed of the bootstrap")
    p.add_argument("--discount-reuse", action="store_true", help="ignore text reused from an earlier article")
    p.add_argument("--keep-own-name", action="store_true",
                   help="keep an outlet's own name among its terms (left out by default: 'told NEWSLINE')")
    add_output_args(p)


@command("terms", "distinctive terms per outlet (log-odds, G2 or chi2) with counts and z-scores", _terms_args)
def _terms(args: argparse.Namespace) -> int:
    distinctive_terms = analysis(args, "terms", "distinctive_terms")
    df = load_for(args)
    out = distinctive_terms(
        df, by=args.by, method=args.method, pair=tuple(args.pair) if args.pair else None,
        top=args.top or None, min_docs=args.min_docs, ngram_range=tuple(args.ngram), min_df=args.min_df,
        stop_words=None if args.stop_words == "none" else args.stop_words, fold_diacritics=args.fold_diacritics,
        prior_scale=args.prior_scale, variance=args.variance if args.method == "log_odds" else "monroe",
        n_boot=args.n_boot, random_state=args.seed,
        discount_reuse=find_reuse_for(args, df) if args.discount_reuse else False,
        keep_own_name=args.keep_own_name)
    emit(out, args.format, args.out, neutralise=not args.raw_csv)
    return 0


# ---------------------------------------------------------------- frames
def _frames_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    add_story_arg(p)
    p.add_argument("--codebook", help="codebook: a shipped name or a YAML path (default: the story pack's, else "
                                      "policy_frames)")
    p.add_argument("--level", choices=("profile", "sentences", "articles", "test", "evidence"), default="profile",
                   help="profile: shares per group with CIs (default); sentences: the sentence table; "
                        "articles: shares per article; test: outlet differences; evidence: sentences of one cell")
    p.add_argument("--by", default="outlet", help="group column for profile/test/evidence (default: outlet)")
    p.add_argument("--frame", help="frame for --level evidence")
    p.add_argument("--group", help="group (e.g. outlet name) for --level evidence")
    p.add_argument("--parts", default="lead,body", help="comma-separated parts counted in shares (default lead,body)")
    p.add_argument("--discount-reuse", action="store_true", help="count text reused from earlier articles once")
    p.add_argument("--n-boot", type=int, default=2000, help="bootstrap resamples for CIs (default 2000)")
    p.add_argument("--outlet", help="outlet for files that name none")
    add_output_args(p)


@command("frames", "codebook frames per sentence and per outlet, with CIs and a test of outlet differences",
         _frames_args)
def _frames(args: argparse.Namespace) -> int:
    from .framing import frame_difference_test, frame_evidence, frame_profile, frame_shares

    score_frames = analysis(args, "framing", "score_frames")  # mediakit.scale's with --scheduler
    _, res, _ = story_resources(args, codebook=args.codebook)
    corpus = load_for(args, outlet=args.outlet)
    parts = [x.strip() for x in args.parts.split(",") if x.strip()]
    reuse = find_reuse_for(args, corpus) if args.discount_reuse else False
    scores = local(score_frames(corpus, res["codebook"], discount_reuse=reuse))
    if args.level == "sentences":
        out = scores.assign(date=scores["date"].dt.strftime("%Y-%m-%d")) if "date" in scores else scores
    elif args.level == "articles":
        out = frame_shares(scores, args.by, parts=parts)
    elif args.level == "test":
        out = frame_difference_test(scores, args.by, parts=parts)
    elif args.level == "evidence":
        if not args.frame:
            raise ValueError("--level evidence needs --frame NAME (and usually --group OUTLET)")
        out = frame_evidence(scores, args.group, args.frame, by=args.by, parts=parts)
        out = out.drop(columns=["date"], errors="ignore")
    else:
        out = frame_profile(scores, args.by, parts=parts, n_boot=args.n_boot)
    emit(out, args.format, args.out, neutralise=not args.raw_csv)
    return 0


# ---------------------------------------------------------------- reuse
def _reuse_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    p.add_argument("--min-words", type=int, default=25, help="shortest passage in words (default 25)")
    p.add_argument("--min-similarity", type=float, default=0.9,
                   help="lowest share of a passage's words matched exactly (default 0.9)")
    p.add_argument("--max-gap", type=int, default=8, help="longest edit bridged inside a passage, in words")
    p.add_argument("--cross-outlet", action="store_true", help="skip pairs of articles of the same outlet")
    p.add_argument("--text", action="store_true", help="add the passages themselves (source_text, target_text)")
    p.add_argument("--share", choices=("article", "outlet"),
                   help="print each article's or outlet's original share instead of the passages")
    add_output_args(p)


@command("reuse", "passages shared between articles (wire copy, reprints) with offsets and direction", _reuse_args)
def _reuse(args: argparse.Namespace) -> int:
    from .reuse import original_share

    find_reuse = analysis(args, "reuse", "find_reuse")
    corpus = load_for(args)
    found = find_reuse(corpus, min_words=args.min_words, min_similarity=args.min_similarity,
                       max_gap=args.max_gap, same_outlet=not args.cross_outlet, with_text=args.text)
    if args.share:
        emit(original_share(local(corpus), found, by=args.share), args.format, args.out,
             neutralise=not args.raw_csv)
    else:
        emit(found, args.format, args.out, neutralise=not args.raw_csv)
    print(f"mediakit: {len(found)} reused passages in {found[['source_id', 'target_id']].drop_duplicates().shape[0]}"
          f" article pairs ({int(found['same_outlet'].sum())} within one outlet)", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- quotes
def _quotes_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    p.add_argument("--outlet", help="outlet for files that name none")
    p.add_argument("--profile", action="store_true",
                   help="print the per-outlet source profile (shares with bootstrap CIs) instead of the quotes")
    p.add_argument("--speakers", action="store_true", help="print the speaker x outlet table instead")
    p.add_argument("--sourcing", action="store_true", help="print each article's sources (credits, told the BBC, ...)")
    add_story_arg(p)
    p.add_argument("--gazetteer", metavar="PATH|none",
                   help="speaker gazetteer YAML (default: the story pack's speakers.yaml, else the generic one)")
    p.add_argument("--all-columns", action="store_true",
                   help="add speaker_country, verb_lemma, stance and fragment to the contract columns")
    add_output_args(p)


@command("quotes", "direct, indirect, mixed and according-to quotes with speakers, types and verbs", _quotes_args)
def _quotes(args: argparse.Namespace) -> int:
    from .sources import (
        EXTRA_COLUMNS,
        QUOTE_COLUMNS,
        article_sourcing,
        countable_quotes,
        source_profile,
        speaker_table,
    )

    extract_quotes = analysis(args, "sources", "extract_quotes")  # mediakit.scale's with --scheduler
    _, res, _ = story_resources(args, gazetteer=args.gazetteer)
    corpus = load_for(args, outlet=args.outlet)
    quotes = local(extract_quotes(corpus, gazetteer=res["gazetteer"]))
    if args.profile:
        emit(source_profile(quotes), args.format, args.out, neutralise=not args.raw_csv)
    elif args.speakers:
        emit(speaker_table(quotes), args.format, args.out, neutralise=not args.raw_csv)
    elif args.sourcing:
        emit(article_sourcing(local(corpus), quotes), args.format, args.out, neutralise=not args.raw_csv)
    else:
        emit(quotes[QUOTE_COLUMNS + (EXTRA_COLUMNS if args.all_columns else [])], args.format, args.out,
             neutralise=not args.raw_csv)
    fragments = len(quotes) - len(countable_quotes(quotes))
    print(f"mediakit: {len(quotes) - fragments} quotes" + (f" ({fragments} more rows are the quoted fragments "
          "of mixed quotes, not counted)" if fragments else ""), file=sys.stderr)
    return 0


# ---------------------------------------------------------------- --scheduler: the same analyses on Dask
SCALABLE = ("terms", "frames", "quotes", "reuse")


def add_scheduler_arg(p: argparse.ArgumentParser) -> None:
    """``--scheduler``: run the analysis with mediakit.scale on Dask (needs the ``scale`` extra)."""
    p.add_argument("--scheduler", metavar="SPEC",
                   help="run on Dask (mediakit.scale): local (2 worker processes), local:N, or tcp://HOST:PORT "
                        "of a running scheduler; the corpus is read in partitions")


def analysis(args: argparse.Namespace, module: str, name: str) -> Callable[..., Any]:
    """``mediakit.<module>.<name>``, or ``mediakit.scale.<name>`` when ``--scheduler`` is given."""
    import importlib

    return getattr(importlib.import_module(".scale" if getattr(args, "scheduler", None) else f".{module}",
                                           __package__), name)


def load_for(args: argparse.Namespace, **kw: Any) -> Any:
    """The corpus of ``args.path``: a pandas table, or a Dask DataFrame with ``--scheduler``."""
    if getattr(args, "scheduler", None):
        from .scale import load_corpus_dask

        return load_corpus_dask(args.path, **kw)
    return load(args.path, **kw)


def find_reuse_for(args: argparse.Namespace, corpus: Any) -> pd.DataFrame:
    """Reuse computed once for ``--discount-reuse`` and passed on as a table (pandas or Dask corpus)."""
    return local(analysis(args, "reuse", "find_reuse")(corpus))


def local(df: Any) -> pd.DataFrame:
    """A Dask result computed into pandas (a pandas one as it is)."""
    return df if isinstance(df, pd.DataFrame) else df.compute().reset_index(drop=True)


# ---------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="mediakit", description="Compare how news outlets cover the same story.")
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (add_arguments, run) in COMMANDS.items():
        p = sub.add_parser(name, help=run._help, description=run._help)
        add_arguments(p)
        if name in SCALABLE:
            add_scheduler_arg(p)
        p.set_defaults(_run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mediakit`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        if getattr(args, "scheduler", None):
            from .scale import scheduler

            with scheduler(args.scheduler):
                return int(args._run(args) or 0)
        return int(args._run(args) or 0)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("mediakit: interrupted", file=sys.stderr)
        return 130
    except (OSError, ValueError, KeyError, ImportError, RuntimeError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"mediakit: error: {printable(msg)}", file=sys.stderr)
        return 1


def console() -> None:
    """The ``mediakit`` console script: :func:`main`, then the process ends as soon as its work is done.

    Every output is written and closed when :func:`main` returns, so the exit handlers run (the user cache,
    logging, multiprocessing's children) and the process leaves without Python tearing down every module
    and object one by one: about 0.3-0.5 s after a report (5-9% of a first run). Where the
    interpreter has no ``atexit._run_exitfuncs`` the exit is the usual one.
    """
    import atexit
    import os

    code = main()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:  # pragma: no cover (another interpreter)
        sys.exit(code)
    run_exit_handlers()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
