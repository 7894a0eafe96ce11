"""Naming benchmark: naming_table and suggest_variants before and after the fast lexicon scanner, same run.

    .venv/bin/python bench/naming.py                 # data/s400 x16 (912 articles, ids made unique)
    .venv/bin/python bench/naming.py --copies 4      # smaller input
    .venv/bin/python bench/naming.py --before REV    # another "before" revision (default: b7902f7)

"Before" is mediakit/terms.py as of ``--before`` (the single-module version: one alternation run at every
position per concept, one filter per concept x group x variant, a Python loop per n-gram), read with
``git show`` and loaded beside the current package, so both run in the same process on the same input.
Each timing is the best of ``--repeat`` runs; the outputs are checked to be equal (tables and offsets). The
floor (one core tokenising the same texts with the one compiled token regex, ``bench/terms.py``'s
``token_floor``) is printed first, and each analysis as a multiple of it.
Prints figures; copy them into bench/README.md (section "Naming").
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from terms import token_floor  # noqa: E402

import mediakit as mk  # noqa: E402
import mediakit.terms as after  # noqa: E402


def load_before(rev: str):
    """mediakit/terms.py at ``rev`` as the module ``mediakit._terms_before`` (its relative imports resolve)."""
    src = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:mediakit/terms.py"], capture_output=True,
                         text=True, check=True).stdout
    # the names it imported that have moved since: the Dask dispatch decorator (gone), the stop-word resolver
    src = src.replace("from .dispatch import dask_aware", "dask_aware = lambda fn: fn  # noqa: E731")
    src = src.replace("    _resolve_auto,\n", "    resolve_stop_words as _resolve_auto,\n")
    path = Path(tempfile.mkdtemp()) / "terms_before.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("mediakit._terms_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _offsets(df: pd.DataFrame) -> pd.DataFrame:
    """Offsets as the output contract has them (nullable Int64, <NA> for none; "before" wrote -1)."""
    cols = [c for c in ("start", "end", "example_start", "example_end") if c in df.columns]
    return df.assign(**{c: df[c].mask(df[c].astype("float") < 0).astype("Int64") for c in cols})


def best(fn, module, repeat: int) -> tuple[float, pd.DataFrame]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn(module)
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=16, help="copies of data/s400 (default 16: 912 articles)")
    ap.add_argument("--before", default="b7902f7", help="git revision holding the single-module terms.py")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--concept", default="sanctions", help="concept for suggest_variants")
    args = ap.parse_args()

    before = load_before(args.before)
    corpus = mk.load_corpus(ROOT / "data" / "s400")
    big = pd.concat([corpus.assign(article_id=corpus["article_id"].astype(str) + f"~{i}")
                     for i in range(args.copies)], ignore_index=True)
    chars = int(big["text"].str.len().sum())
    print(f"machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}; Python {platform.python_version()}, pandas {pd.__version__}; "
          f"{time.strftime('%Y-%m-%d %H:%M')}")
    print(f"input: data/s400 x{args.copies} = {len(big):,} articles, {chars / 1e6:.2f} M characters; "
          f"before = {args.before}; best of {args.repeat}")
    floor_wall, floor_cpu = token_floor(big["text"].tolist())
    print(f"floor: one core, one compiled regex (the token pattern) over every text: {floor_wall:.2f} s wall, "
          f"{floor_cpu:.2f} s CPU ({chars / floor_cpu / 1e6:.1f} M chars/s)")
    print(f"{'analysis':<34}{'before s':>10}{'after s':>10}{'speed-up':>10}{'after M char/s':>16}{'x floor':>9}  equal")
    # the lexicon file itself (the old single module looked for it among the package resources, where it
    # no longer is; both versions take a path)
    lexicon = ROOT / "mediakit" / "stories" / "s400" / "naming.yaml"
    cases = [
        ("naming_table (all concepts)", lambda m: m.naming_table(big, lexicon)),
        ("naming_matches (all concepts)", lambda m: m.naming_matches(big, lexicon)),
        (f"suggest_variants ({args.concept})", lambda m: m.suggest_variants(big, args.concept, lexicon=lexicon)),
    ]
    for name, run in cases:
        t_before, out_before = best(run, before, args.repeat)
        t_after, out_after = best(run, after, args.repeat)
        try:
            pd.testing.assert_frame_equal(_offsets(out_before), _offsets(out_after), check_exact=True)
            equal = "yes"
        except AssertionError:
            equal = "NO"
        print(f"{name:<34}{t_before:>10.2f}{t_after:>10.2f}{t_before / t_after:>9.1f}x"
              f"{chars / t_after / 1e6:>16.2f}{t_after / floor_wall:>8.1f}x  {equal}")


if __name__ == "__main__":
    main()
