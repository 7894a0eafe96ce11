"""The ``mediakit`` command: thin wrappers around the library, one subcommand per analysis.

    mediakit info data/s400
    mediakit terms data/s400 --by outlet --top 10 --format csv
    mediakit quotes data/s400 --format jsonl --out quotes.jsonl

Every analysis command takes a corpus path, ``--format table|csv|json|jsonl`` and ``--out FILE`` (stdout by
default). Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["main", "emit"]

FORMATS = ("table", "csv", "json", "jsonl")
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help: str, add_arguments: Callable[[argparse.ArgumentParser], None]):  # noqa: A002
    """Register the decorated ``run(args) -> int`` as subcommand ``name`` with its arguments."""

    def register(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = (add_arguments, run)
        run._help = help  # type: ignore[attr-defined]
        return run

    return register


def emit(df: pd.DataFrame, fmt: str = "table", out: str | None = None) -> None:
    """Write ``df`` to ``out`` (or stdout) as an aligned table, CSV, a JSON array or JSON lines."""
    if fmt == "csv":
        text = df.to_csv(index=False, lineterminator="\n")
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


def load(path: str, **kw: Any) -> pd.DataFrame:
    """Load a corpus for a command, printing skipped files on stderr as one line each."""
    from .corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_corpus(path, **kw)
    for s in df.attrs.get("skipped", []):
        print(f"mediakit: skipped {s['path']}: {s['reason']} ({s['hint']})", file=sys.stderr)
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
        df = load_corpus(args.path, outlet=args.outlet)
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
        emit(table, args.format, args.out)
        return 0
    lines = [f"{len(df)} articles from {df['outlet'].nunique()} outlets in {args.path}"]
    if len(df) and df["date"].notna().any():
        lines.append(f"dates: {df['date'].min():%Y-%m-%d} to {df['date'].max():%Y-%m-%d} "
                     f"({int(df['date'].isna().sum())} undated)")
    lines.append("languages: " + ", ".join(f"{k} {v}" for k, v in df["language"].value_counts().items()))
    lines.append(f"words: {int(words.sum())} in all, median {int(words.median()) if len(words) else 0} per article")
    lines.append("")
    with pd.option_context("display.width", 160):
        lines.append(table.to_string(index=False) if len(table) else "(no articles)")
    skipped = df.attrs.get("skipped", [])
    lines.append("")
    lines.append(f"skipped: {len(skipped)}")
    lines += [f"  {s['path']}: {s['reason']} ({s['hint']})" for s in skipped]
    for n in df.attrs.get("notes", []):
        lines.append(f"  note: {n['path']}: {n['note']}")
    text = "\n".join(lines) + "\n"
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
def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="corpus file or folder")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    p.add_argument("--codebook", default="s400", help="framing codebook: bundled name or YAML path")
    p.add_argument("--lexicon", default="s400", help="naming lexicon: bundled name or YAML path")
    p.add_argument("--events", default="s400", help="event list: bundled name, YAML path or 'none'")
    p.add_argument("--top", type=int, default=10, help="terms and speakers shown per outlet")
    p.add_argument("--n-boot", type=int, default=200, help="bootstrap replicates per confidence interval")
    p.add_argument("--title", help="page title")


@command("report", "the whole comparison as one self-contained HTML page, charts exported beside it", _report_args)
def _report(args: argparse.Namespace) -> int:
    from .report import build_report

    path = build_report(args.path, args.out, codebook=args.codebook, lexicon=args.lexicon,
                        events=None if args.events == "none" else args.events, top=args.top,
                        n_boot=args.n_boot, title=args.title)
    print(f"mediakit: report written to {path}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="mediakit", description="Compare how news outlets cover the same story.")
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (add_arguments, run) in COMMANDS.items():
        p = sub.add_parser(name, help=run._help, description=run._help)
        add_arguments(p)
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
        return int(args._run(args) or 0)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("mediakit: interrupted", file=sys.stderr)
        return 130
    except (OSError, ValueError, KeyError, ImportError, RuntimeError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"mediakit: error: {msg}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
