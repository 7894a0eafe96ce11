"""mediakit.scale on Dask: time and peak memory per stage for 100k, 300k and 1M generated articles.

    .venv/bin/python bench/scale.py                          # 100k, 300k, 1M (about 45 min in all)
    .venv/bin/python bench/scale.py --sizes 100000 300000    # the two smaller runs
    .venv/bin/python bench/scale.py --sizes 20000 --workers 2

Articles are generated shard by shard (10,000 articles per Parquet shard, written and dropped before the
next one is made, so the corpus is never held in memory at once) into --data (default
/tmp/mediakit-scale-shards; a larger run reuses the shards of a smaller one, since shard i depends only on
the seed and i). Each article is about 190 words (≈1,150 characters): a sample of a word bigram model of the
demo corpus' English text (bench/reuse.py's model), two attributed quotes (a direct and an indirect one,
from 40 invented speakers), a few outlet-typical words (8 invented outlets, so that distinctive_terms has
something to find) and, in 4% of articles, a 50-word passage copied from an earlier article of the shard.
That length was chosen so that the full 1M run fits in about half an hour on a 2-core machine.

Stages run on a LocalCluster of --workers single-threaded worker processes (127.0.0.1), each reading the
shards itself (nothing is persisted between stages): load (read every shard), timeline, terms, frames
(score_frames, summed to frame counts per outlet on the cluster), quotes (extract_quotes with the global
speaker merge, counted on the cluster; by default with persist=False, so the text is parsed twice and the
quote table is never held: memory stays flat as the corpus grows; --persist-quotes parses once and keeps
the table in the workers' memory) and reuse (find_reuse: fingerprints per partition merged in a tree,
then the candidate pairs aligned next to the articles they join; result collected). Every analysis
returns a pandas table (the sentence and quote rows are gathered into this process). Peak memory is the largest
sum of resident memory of this process and all its child processes (the workers), sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reuse import Bigrams  # noqa: E402  (bench/reuse.py's text model)

from mediakit import load_corpus, scale  # noqa: E402

SHARD = 10_000
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGH"]
# words each outlet favours (invented), so that per-outlet term statistics have a signal to find
OUTLET_WORDS = {o: [f"{w}{i}" for w in ("zorvan", "kelith", "marundo", "tessary", "bolvique")]
                for i, o in enumerate(OUTLETS)}
FIRST = ["Mara", "Ilkin", "Jonas", "Selin", "Pavel", "Aylin", "Tomas", "Nadia", "Kerem", "Lena"]
LAST = ["Okonjo", "Varga", "Demirel", "Halvorsen"]
ROLES = ["Defense analyst", "Security expert", "Deputy minister", "Industry spokesperson"]


def make_shard(i: int, model: Bigrams, seed: int) -> pd.DataFrame:
    """Articles i*SHARD .. (i+1)*SHARD-1; depends only on ``seed`` and ``i``."""
    rng = np.random.default_rng([seed, i])
    model.rng = rng
    n = SHARD
    bodies = model.sample(n, rng.integers(130, 170, size=n))
    clauses = model.sample(2 * n, rng.integers(9, 14, size=2 * n))
    titles = model.sample(n, rng.integers(6, 10, size=n))
    outlets = rng.choice(OUTLETS, size=n)
    names = [f"{f} {s}" for f in FIRST for s in LAST]
    texts = []
    for k in range(n):
        name = names[rng.integers(len(names))]
        role = ROLES[rng.integers(len(ROLES))]
        q1 = clauses[2 * k].rstrip(".").strip()
        q2 = clauses[2 * k + 1].rstrip(".").strip()
        q2 = q2[:1].lower() + q2[1:]
        extra = " ".join(rng.choice(OUTLET_WORDS[outlets[k]], size=3))
        text = (f"{bodies[k]}\n\n\u201c{q1},\u201d {role} {name} said. {name.split()[1]} told reporters that {q2}. "
                f"Observers noted {extra}.")
        if k > 10 and rng.random() < 0.04:
            src = texts[int(rng.integers(0, k))].split()
            start = int(rng.integers(0, max(len(src) - 50, 1)))
            text += "\n\n" + " ".join(src[start:start + 50])
        texts.append(text)
    ids = [f"g{i * SHARD + k:08d}" for k in range(n)]
    dates = pd.Timestamp("2017-01-01") + pd.to_timedelta(rng.integers(0, 6 * 365, size=n), unit="D")
    df = pd.DataFrame({
        "article_id": ids, "outlet": outlets, "date": dates.astype("datetime64[ns]"), "date_precision": "day",
        "title": [t.split("\n")[0].rstrip(".") for t in titles], "text": texts, "url": "", "author": "",
        "language": "en", "wire": "", "source_path": f"shard-{i:04d}.parquet", "credits": "",
    })
    return df


def ensure_shards(n: int, folder: Path, seed: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    need = -(-n // SHARD)
    model = None
    paths = []
    for i in range(need):
        p = folder / f"shard-{i:04d}.parquet"
        if not p.exists():
            if model is None:
                english = load_corpus(ROOT / "data" / "s400", progress=False)
                english = english[english["language"] == "en"]["text"].tolist()
                model = Bigrams(english, np.random.default_rng(seed))
            t0 = time.perf_counter()
            make_shard(i, model, seed).to_parquet(p.with_suffix(".tmp"), index=False)
            p.with_suffix(".tmp").rename(p)
            print(f"  wrote {p.name} ({time.perf_counter() - t0:.1f} s)", flush=True)
        paths.append(p)
    return paths


class PeakMemory:
    """Largest resident memory of this process plus its children, sampled in a thread."""

    def __init__(self, every: float = 0.2):
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _rss(self) -> int:
        me = psutil.Process()
        total = me.memory_info().rss
        for c in me.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += c.memory_info().rss
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            time.sleep(self.every)

    def __enter__(self) -> PeakMemory:
        self.peak = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def stages(ddf, persist_quotes: bool = False):
    def load():
        return int(ddf.map_partitions(len).compute().sum())

    def timeline():
        return len(scale.run("coverage_timeline", ddf, "M"))

    def terms():
        return len(scale.run("distinctive_terms", ddf, top=20))

    def frames():
        f = scale.run("score_frames", ddf)
        return int((f["frame"] != "none").sum())

    def quotes():
        q = scale.run("extract_quotes", ddf, persist=persist_quotes)
        n = len(q)
        del q
        return n

    def reuse():
        return len(scale.run("find_reuse", ddf))

    return [("load", load), ("timeline", timeline), ("terms", terms), ("frames", frames), ("quotes", quotes),
            ("reuse", reuse)]


def run(n: int, shards: list[Path], workers: int, only: list[str] | None = None,
        persist_quotes: bool = False, memory_limit: str = "6GB") -> list[dict]:
    rows = []
    with scale.scheduler(f"local:{workers}", memory_limit=memory_limit):
        files = shards[: -(-n // SHARD)]
        ddf = scale.load_corpus_dask(files)
        for name, fn in stages(ddf, persist_quotes):
            if only and name not in only:
                continue
            with PeakMemory() as mem:
                t0 = time.perf_counter()
                try:
                    result, error = fn(), ""
                except Exception as exc:  # report and go on with the other stages
                    result, error = None, f"{type(exc).__name__}: {exc}"[:120]
                dt = time.perf_counter() - t0
            rows.append({"articles": n, "stage": name, "seconds": round(dt, 1),
                         "articles_per_s": round(n / dt) if not error else None,
                         "peak_gb": round(mem.peak / 1e9, 2), "result_rows": result, "error": error})
            rate = f"{n / dt:9,.0f} art/s" if not error else " " * 15
            print(f"  {n:>9,} {name:<9} {dt:8.1f} s  {rate}  peak {mem.peak / 1e9:5.2f} GB  -> {result} {error}",
                  flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--data", type=Path, default=Path("/tmp/mediakit-scale-shards"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--memory-limit", default="6GB",
                    help="per worker (default 6GB; Dask pauses a worker at 80%% of it, and with 3.5GB the "
                         "memory Python does not hand back to the OS kept both workers paused for good)")
    ap.add_argument("--persist-quotes", action="store_true",
                    help="extract_quotes(persist=True): parse once, hold the quotes in memory (default: parse "
                         "twice, hold nothing)")
    ap.add_argument("--stages", nargs="+", default=None,
                    help="run only these stages (load timeline terms frames quotes reuse)")
    args = ap.parse_args()
    import logging

    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
    print(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; "
          f"{args.workers} workers x 1 thread", flush=True)
    all_rows = []
    for n in sorted(args.sizes):
        if n % SHARD:
            raise SystemExit(f"--sizes must be multiples of {SHARD} (one shard), got {n}")
        t0 = time.perf_counter()
        shards = ensure_shards(n, args.data, args.seed)
        print(f"{n:,} articles in {len(shards[: n // SHARD])} shards (generation {time.perf_counter() - t0:.0f} s)",
              flush=True)
        all_rows += run(n, shards, args.workers, args.stages, args.persist_quotes, args.memory_limit)
    df = pd.DataFrame(all_rows)
    total = df.groupby("articles").agg(seconds=("seconds", "sum"), peak_gb=("peak_gb", "max"))
    total["articles_per_s"] = (total.index / total["seconds"]).round()
    print("\nper stage:")
    print(df.to_string(index=False))
    print("\nall stages:")
    print(total.to_string())


if __name__ == "__main__":
    main()
