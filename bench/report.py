"""Time ``mediakit report CORPUS``: the default (SVG charts), with every chart format (png, svg, pdf), and the
default with mediakit's user cache off (as on the very first run).

Both runs are separate processes of the same command (``mediakit.cli.main``), alternated ``--repeat`` times in
one run of this script so that the machine's load weighs on both alike; the figures are the ratios of the medians, of wall time and of CPU time (user + system, steadier when
other jobs share the cores).
``--baseline PATH`` adds a third configuration: the command run with ``PYTHONPATH=PATH`` (another checkout,
e.g. the code before a change) with its own defaults. The load average is printed before and after, because
absolute times on a shared machine are upper bounds.

Every configuration runs once untimed first, as a user's second run would find things: Python's compiled
bytecode written (to a temporary PYTHONPYCACHEPREFIX, whatever PYTHONDONTWRITEBYTECODE says: an installed
package has its bytecode) and, for the configurations with a user cache, mediakit's cache of lemmas filled
(a temporary MEDIAKIT_CACHE_DIR per configuration; "cache off" runs with none).

    .venv/bin/python bench/report.py                      # data/s400, 2 repeats
    .venv/bin/python bench/report.py --baseline /path/to/old/checkout --repeat 3
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(corpus: str, out: Path, extra: list[str], pythonpath: Path, cache: str) -> tuple[float, float, str]:
    """Wall time and CPU time (user + system) of one ``mediakit report`` process, and its ``--verbose`` line."""
    env = dict(os.environ, PYTHONPATH=str(pythonpath), MPLBACKEND="Agg", MEDIAKIT_CACHE_DIR=cache,
               PYTHONPYCACHEPREFIX=str(out.parent / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # what the console script runs (mediakit.cli.console; a checkout from before it has only main)
    code = ("import sys, mediakit.cli as c; run = getattr(c, 'console', None); "
            "run() if run else sys.exit(c.main(sys.argv[1:]))")
    cmd = [sys.executable, "-c", code, "report", corpus, "--out", str(out), *extra]
    t, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    # run outside any checkout: ``python -c`` puts the working folder first on sys.path
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=out.parent)
    elapsed, after = time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    stages = next((ln for ln in proc.stderr.splitlines() if "stage times" in ln), "")
    return elapsed, cpu, stages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="data/s400")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--baseline", type=Path, help="another checkout to time with its own defaults")
    ap.add_argument("--default-only", action="store_true",
                    help="leave out the all-formats configuration (the default, and the baseline if given)")
    args = ap.parse_args()
    corpus = Path(args.corpus) if Path(args.corpus).exists() else ROOT / args.corpus
    corpus = str(corpus.resolve())

    configs = [("all formats (--formats png,svg,pdf)", ["--formats", "png,svg,pdf", "--verbose"], ROOT),
               ("cache off (first run)", ["--verbose"], ROOT),
               ("default (svg)", ["--verbose"], ROOT)]
    if args.default_only:
        configs = configs[1:]
    if args.baseline:
        configs.insert(0, (f"baseline {args.baseline} (its defaults)", [], args.baseline.resolve()))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    wall: dict[str, list[float]] = {name: [] for name, _, _ in configs}
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in configs}
    with tempfile.TemporaryDirectory() as tmp:
        caches = {name: "off" if name.startswith("cache off") else str(Path(tmp, f"cache{i}"))
                  for i, (name, _, _) in enumerate(configs)}
        for i, (name, extra, path) in enumerate(configs):  # untimed: bytecode written, caches filled
            run(corpus, Path(tmp, f"warm{i}"), extra, path, caches[name])
        for r in range(args.repeat):
            for i, (name, extra, path) in enumerate(configs):
                w, c, stages = run(corpus, Path(tmp, f"r{r}c{i}"), extra, path, caches[name])
                wall[name].append(w)
                cpu[name].append(c)
                print(f"[{r + 1}/{args.repeat}] {name}: wall {w:.1f} s, CPU {c:.1f} s, load {os.getloadavg()[0]:.1f}  "
                      f"{stages.replace('mediakit: ', '')}", flush=True)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    ref, first = configs[-1][0], configs[0][0]
    for what, table in (("wall", wall), ("CPU", cpu)):
        med = {name: statistics.median(v) for name, v in table.items()}
        for name, _, _ in configs:
            print(f"median {what} {name}: {med[name]:.1f} s  ({med[name] / med[ref]:.2f}x the default's)")
        # the target (issue 7/7: "at least 2x faster") is the user's wait, wall time; CPU is shown beside it
        verdict = (lambda x: f" -> target >= 2x: {'MET' if x >= 2 else 'NOT MET'}") if what == "wall" else (lambda x: "")
        speedup = med[first] / med[ref]
        print(f"{what} speed-up of the default over {first}: {speedup:.2f}x{verdict(speedup)}")
        cold = next((name for name, _, _ in configs if name.startswith("cache off")), None)
        if cold is not None and first != cold:
            cold_speedup = med[first] / med[cold]
            print(f"{what} speed-up of the first run (cache off) over {first}: {cold_speedup:.2f}x{verdict(cold_speedup)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
