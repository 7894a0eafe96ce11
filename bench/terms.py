"""Benchmark: vectorising + distinctive terms on a large generated corpus; prints speed and memory.

    .venv/bin/python bench/terms.py                       # 100,000 articles, ~50 million tokens, 10 outlets
    .venv/bin/python bench/terms.py --articles 20000      # smaller run
    .venv/bin/python bench/terms.py --scattertext /work/peers/scattertext-venv/bin/python
    .venv/bin/python bench/terms.py --ngram 1 2 --min-df 2 --top 30 --n-boot 0   # unigrams + bigrams
    .venv/bin/python bench/terms.py --n-boot 0 --bigram-row    # unigrams beside scattertext, plus the bigram row

Each run also prints the floor (one core tokenising the same texts with the one compiled token regex, the
limit of any vectoriser using it) and every time as a multiple of it. Memory is the proportional set size
(PSS: pages shared between this process and its forked counting workers counted once) summed over the
process and its children, sampled every 0.1 s; scattertext's is its own peak RSS (one process).

The target (issue 4): vectorising plus distinctive terms (log-odds, each outlet against the rest) in under
120 s on a 2-core machine with peak memory under 4 GB. The corpus is generated here (not timed): Zipfian
pseudo-words with English function words at the top, capitalised words and acronyms, sentence ends, and
30 "house" words per outlet used 8 times more often by that outlet, so the script also checks that the
method recovers what was planted.

scattertext is never a project dependency. When ``--scattertext PYTHON`` (or ``$SCATTERTEXT_PYTHON``; default
``/work/peers/scattertext-venv/bin/python``) names the interpreter of a separate virtual environment where it
is installed (``python -m venv DIR && DIR/bin/pip install scattertext future six``), the script times (a) scattertext's log-odds with an informative
Dirichlet prior on the same per-outlet counts, checking that its z-scores equal ours with
``variance="full"``, and (b) the same computation end to end from the texts with scattertext's own corpus
building (CorpusFromPandas, whitespace tokenizer, unigrams), on the whole corpus unless ``--st-articles``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mediakit as mk  # noqa: E402
from mediakit.text import TOKEN_PATTERN  # noqa: E402
from mediakit.vectorize import group_codes, sum_by_group  # noqa: E402

FUNCTION_WORDS = ["the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "it", "with", "as", "was", "he",
                  "said", "by", "at", "from", "his", "an", "be", "has", "have", "are", "but", "not", "this", "they",
                  "which", "were", "had", "been", "their", "its", "who", "will", "would", "also", "after", "more"]
SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "is", "un", "ar"]


# ---------------------------------------------------------------- corpus generation (not timed)
def make_vocabulary(rng: np.random.Generator, size: int) -> list[str]:
    words = list(FUNCTION_WORDS)
    seen = set(words)
    syl = np.array(SYLLABLES)
    while len(words) < size:
        n = int(rng.integers(2, 5))
        w = "".join(rng.choice(syl, n))
        if w in seen:
            continue
        seen.add(w)
        r = rng.random()
        if r < 0.10:
            w = w.capitalize()            # names and places
        elif r < 0.105:
            w = w[:4].upper()             # acronyms (kept apart by the tokenizer)
            if w in seen:
                continue
            seen.add(w)
        words.append(w)
    return words


def generate_corpus(n_articles: int, mean_tokens: int, n_outlets: int, seed: int = 0,
                    vocab_size: int = 50_000, planted: int = 30, boost: float = 8.0):
    """Articles as a DataFrame (article_id, outlet, text), the planted words per outlet, and the token count.

    Text is assembled with numpy byte gathers (one vectorised copy per chunk of ~2,000 articles), because
    joining 50 million Python strings would take longer than the analysis being measured.
    """
    rng = np.random.default_rng(seed)
    vocab = make_vocabulary(rng, vocab_size)
    ranks = np.arange(1, vocab_size + 1, dtype=float)
    base = 1.0 / ranks ** 1.07
    base /= base.sum()
    # byte table: every word twice, "word " and "word. " (a sentence end)
    entries = [w + " " for w in vocab] + [w + ". " for w in vocab]
    table = np.frombuffer("".join(entries).encode("ascii"), dtype=np.uint8)
    lens = np.array([len(e) for e in entries], dtype=np.int64)
    starts = np.cumsum(lens) - lens
    outlets = [f"Outlet {chr(65 + i)}" for i in range(n_outlets)]
    lengths = rng.integers(mean_tokens // 2, mean_tokens * 3 // 2 + 1, n_articles)
    owner = np.arange(n_articles) % n_outlets
    planted_words: dict[str, list[str]] = {}
    candidates = rng.permutation(np.arange(2000, 20000))           # mid-frequency words get planted
    texts: list[str] = [""] * n_articles
    for o, outlet in enumerate(outlets):
        boosted = candidates[o * planted:(o + 1) * planted]
        planted_words[outlet] = [vocab[i] for i in boosted]
        p = base.copy()
        p[boosted] *= boost
        cdf = np.cumsum(p / p.sum())
        arts = np.flatnonzero(owner == o)
        for c in range(0, len(arts), 2000):
            chunk = arts[c:c + 2000]
            n_tok = lengths[chunk]
            ids = np.searchsorted(cdf, rng.random(int(n_tok.sum())))
            ids = np.minimum(ids, vocab_size - 1) + vocab_size * (rng.random(len(ids)) < 0.06)
            L = lens[ids]
            out_end = np.cumsum(L)
            idx = np.repeat(starts[ids] - (out_end - L), L) + np.arange(int(out_end[-1]))
            buf = table[idx].tobytes().decode("ascii")
            bounds = out_end[np.cumsum(n_tok) - 1]
            prev = 0
            for a, end in zip(chunk, bounds):
                texts[a] = buf[prev:int(end)].rstrip()
                prev = int(end)
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                       "outlet": [outlets[o] for o in owner], "text": texts})
    return df, planted_words, int(lengths.sum())


# ---------------------------------------------------------------- memory sampling
class PeakRSS:
    """Peak memory of this process and its children, sampled every 20 ms (psutil): ``peak`` is the summed
    proportional set size (shared pages counted once: forked workers share the corpus), ``peak_rss`` the
    summed resident sizes (shared pages counted in every process). Reading PSS costs about a millisecond
    per process, so the default interval is 0.1 s (the sampling thread would otherwise take CPU and the GIL
    from the run it measures)."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self.interval = interval
        self.proc = psutil.Process()
        self.peak = self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> tuple[int, int]:
        pss = rss = 0
        for proc in [self.proc, *self.proc.children(recursive=True)]:
            with contextlib.suppress(Exception):       # a child may end between listing and reading
                info = proc.memory_full_info()
                pss += info.pss
                rss += info.rss
        return pss, rss

    def current(self) -> int:
        return self.sample()[0]

    def _update(self) -> None:
        pss, rss = self.sample()
        self.peak, self.peak_rss = max(self.peak, pss), max(self.peak_rss, rss)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._update()
            time.sleep(self.interval)

    def __enter__(self) -> PeakRSS:
        self._update()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._update()


def cpu_seconds() -> float:
    """CPU time of this process and its ended children (user + system)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def token_floor(texts: list[str]) -> tuple[float, float]:
    """One core tokenising every text with the one compiled token regex: ``(wall s, CPU s)``, best of 2."""
    import re

    # the tokenizer's compiled form: on whole texts the pattern's leading look-behind never matters
    findall = re.compile(TOKEN_PATTERN.removeprefix("(?<!\\w)")).findall
    best = (float("inf"), float("inf"))
    for _ in range(2):
        c, w = cpu_seconds(), time.perf_counter()
        for t in texts:
            findall(t)
        best = min(best, (time.perf_counter() - w, cpu_seconds() - c))
    return best


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def gb(n: float) -> str:
    return f"{n / 1e9:.2f} GB"


# ---------------------------------------------------------------- scattertext (separate venv)
SCATTERTEXT_SCRIPT = r'''
import json, pickle, sys, time, warnings
warnings.filterwarnings("ignore")
import numpy as np, pandas as pd
import scattertext as st
job = pickle.load(open(sys.argv[1], "rb"))
res = {"version": st.__version__}
counts, total_prior = job["counts"], None
priors = pd.Series(counts.sum(axis=0))
scorer = st.LogOddsRatioInformativeDirichletPrior(priors, scale_type="none")
t = time.perf_counter()
zs = []
for g in range(counts.shape[0]):
    y_i = counts[g]
    y_j = counts.sum(axis=0) - y_i
    zs.append(np.asarray(scorer.get_zeta_i_j_given_separate_counts(pd.Series(y_i), pd.Series(y_j))))
res["score_seconds"] = time.perf_counter() - t
res["z"] = np.vstack(zs)
sub = pd.DataFrame({"text": job["subset_texts"], "outlet": job["subset_outlets"]})
t, c0 = time.perf_counter(), time.process_time()
corpus = st.CorpusFromPandas(sub, category_col="outlet", text_col="text", nlp=st.whitespace_nlp_with_sentences,
                             feats_from_spacy_doc=st.UnigramsFromSpacyDoc()).build()
tf = corpus.get_term_freq_df()
pri = tf.sum(axis=1)
sc = st.LogOddsRatioInformativeDirichletPrior(pri, scale_type="none")
for c in tf.columns:
    sc.get_zeta_i_j_given_separate_counts(tf[c], tf.drop(columns=c).sum(axis=1))
res["subset_seconds"] = time.perf_counter() - t
res["subset_cpu"] = time.process_time() - c0
res["subset_terms"] = int(tf.shape[0])
import resource
res["maxrss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
pickle.dump(res, open(sys.argv[2], "wb"))
'''


def run_scattertext(python: str, counts: np.ndarray, df: pd.DataFrame, subset: int, timeout: int) -> dict | None:
    with tempfile.TemporaryDirectory() as tmp:
        job, out, script = Path(tmp, "job.pkl"), Path(tmp, "out.pkl"), Path(tmp, "st.py")
        script.write_text(SCATTERTEXT_SCRIPT)
        sub = df.iloc[:subset]
        with open(job, "wb") as f:
            pickle.dump({"counts": counts, "subset_texts": sub["text"].tolist(),
                         "subset_outlets": sub["outlet"].tolist()}, f)
        try:
            proc = subprocess.run([python, str(script), str(job), str(out)], capture_output=True, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"scattertext: did not finish within {timeout} s")
            return None
        if proc.returncode != 0:
            print("scattertext: failed:\n" + "\n".join(proc.stderr.strip().splitlines()[-8:]))
            return None
        with open(out, "rb") as f:
            return pickle.load(f)


# ---------------------------------------------------------------- token regex: textbook vs unrolled (same run)
TEXTBOOK_TOKEN = r"(?u)\b\w(?:[\w'’]|[-./](?=\w))*\+?"   # TOKEN_PATTERN before it was unrolled


def token_regex_ab(df: pd.DataFrame, repeat: int) -> None:
    """Vectorise with the textbook token regex and with mediakit's, alternated; equal matrices required."""
    import re

    import mediakit.text as mtext

    def cpu() -> float:
        t = os.times()
        return t.user + t.system

    current, textbook = mtext._TOKEN_RE, re.compile(TEXTBOOK_TOKEN)
    texts = df["text"].tolist()
    n_chars = sum(map(len, texts))
    times: dict[str, list[tuple[float, ...]]] = {"textbook": [], "unrolled": []}
    results = {}
    for _ in range(repeat):
        for name, regex in (("textbook", textbook), ("unrolled", current)):
            mtext._TOKEN_RE = regex
            try:
                c, w = cpu(), time.perf_counter()
                X, vec = mk.vectorise(df, stop_words="auto")
                times[name].append((cpu() - c, time.perf_counter() - w))
                c, findall = cpu(), regex.findall
                for t in texts:
                    findall(t)
                times[name][-1] += (cpu() - c,)
            finally:
                mtext._TOKEN_RE = current
            results[name] = (X, vec.get_feature_names_out())
    same = (list(results["textbook"][1]) == list(results["unrolled"][1])
            and (results["textbook"][0] != results["unrolled"][0]).nnz == 0)
    print(f"\n== token regex: textbook vs unrolled, {len(df):,} articles ({n_chars / 1e6:.0f} M characters), "
          f"best of {repeat} alternated runs, CPU time (load average {' '.join(f'{x:.1f}' for x in os.getloadavg())})")
    best = {k: min(v) for k, v in times.items()}
    for name, (c, w, r) in best.items():
        print(f"  {name:9s}: vectorise CPU {c:.2f} s (wall {w:.2f} s) = {len(df) / c:,.0f} articles/s; "
              f"the regex alone {r:.2f} s = {n_chars / r / 1e6:.1f} M chars/s")
    print(f"  vectorise {best['textbook'][0] / best['unrolled'][0]:.2f}x faster, regex alone "
          f"{best['textbook'][2] / best['unrolled'][2]:.2f}x faster; identical vocabulary and matrix: {same}")


# ---------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--tokens-per-article", type=int, default=500)
    ap.add_argument("--outlets", type=int, default=10)
    ap.add_argument("--ngram", type=int, nargs=2, default=(1, 1), metavar=("MIN", "MAX"),
                    help="n-gram range of the timed run (default 1 1); the scattertext comparison is unigrams")
    ap.add_argument("--n-boot", type=int, default=50, help="replicates of the extra bootstrap run (0: skip)")
    ap.add_argument("--n-jobs", type=int, default=2, help="counting processes of mediakit (default 2)")
    ap.add_argument("--min-df", type=int, default=1,
                    help="min_df handed to the vectoriser (e.g. 2 = min_docs with n-grams; default 1)")
    ap.add_argument("--top", type=int, default=None, help="top= of distinctive_terms (default: every row)")
    ap.add_argument("--bigram-row", action="store_true",
                    help="also time unigrams+bigrams (min_df=2 = min_docs, top=30) in the same run, before scattertext")
    ap.add_argument("--scattertext", default=os.environ.get("SCATTERTEXT_PYTHON",
                                                            "/work/peers/scattertext-venv/bin/python"),
                    help="python of a separate venv with scattertext installed ($SCATTERTEXT_PYTHON)")
    ap.add_argument("--st-articles", type=int, default=0,
                    help="articles for scattertext's from-text timing (default 0: all)")
    ap.add_argument("--st-timeout", type=int, default=1800)
    ap.add_argument("--token-regex-ab", type=int, default=0, metavar="REPEAT",
                    help="only compare vectorising with the textbook and the unrolled token regex (REPEAT runs each)")
    args = ap.parse_args()

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, numpy {np.__version__}, "
          f"pandas {pd.__version__}")
    t = time.perf_counter()
    df, planted, n_tokens = generate_corpus(args.articles, args.tokens_per_article, args.outlets)
    print(f"generated {len(df):,} articles, {n_tokens:,} tokens, {df.outlet.nunique()} outlets, "
          f"{df.text.str.len().sum() / 1e6:.0f} M characters in {time.perf_counter() - t:.1f} s (not timed below)")
    if args.token_regex_ab:
        token_regex_ab(df, args.token_regex_ab)
        return 0

    texts = df["text"].tolist()
    floor_wall, floor_cpu = token_floor(texts)
    n_chars = sum(map(len, texts))
    print(f"\n== floor: one core, one compiled regex (the token pattern) over every text: {floor_wall:.1f} s wall, "
          f"{floor_cpu:.1f} s CPU ({n_chars / floor_cpu / 1e6:.1f} M chars/s); load average {load()}")
    del texts

    kw = dict(by="outlet", method="log_odds", min_docs=2, ngram_range=tuple(args.ngram), n_jobs=args.n_jobs,
              top=args.top)
    if args.min_df != 1:
        kw["min_df"] = args.min_df
    with PeakRSS() as mem:
        base = mem.current()
        c, t = cpu_seconds(), time.perf_counter()
        out = mk.distinctive_terms(df, **kw)
        elapsed, used = time.perf_counter() - t, cpu_seconds() - c
    print("\n== mediakit: vectorise + distinctive terms (log-odds, informative Dirichlet prior, each vs rest)")
    print(f"settings: {out.attrs['vectorizer']}, min_docs={out.attrs['min_docs']}, top={args.top}, "
          f"n_jobs={args.n_jobs}; load average {load()}")
    print(f"total {elapsed:.1f} s wall, {used:.1f} s CPU (both processes) = {elapsed / floor_wall:.2f}x the floor's "
          f"wall time -> target < 120 s: {'MET' if elapsed < 120 else 'NOT MET'}")
    print(f"throughput: {len(df) / elapsed:,.0f} articles/s, {n_tokens / elapsed / 1e6:.2f} M tokens/s")
    print(f"terms reported: {out['term'].nunique():,}; rows: {len(out):,}")
    print(f"peak memory (PSS, process + counting workers): {gb(mem.peak)} (before the call {gb(base)}, corpus "
          f"included; summed RSS {gb(mem.peak_rss)}) -> target < 4 GB: {'MET' if mem.peak < 4e9 else 'NOT MET'}")

    top = out.sort_values("z", ascending=False).groupby("group").head(30)
    recovered = {g: len(set(top[top.group == g].term) & {w.lower() if not w.isupper() else w for w in planted[g]}) / 30
                 for g in planted}
    print(f"planted words among each outlet's top 30: mean {np.mean(list(recovered.values())):.0%}, "
          f"min {min(recovered.values()):.0%}")

    if args.n_boot:
        with PeakRSS() as mem_b:
            t = time.perf_counter()
            boot = mk.distinctive_terms(df, top=20, n_boot=args.n_boot, min_docs=2, ngram_range=tuple(args.ngram),
                                        n_jobs=args.n_jobs)
            eb = time.perf_counter() - t
        print(f"\n== with bootstrap: top=20, n_boot={args.n_boot}: total {eb:.1f} s ({len(boot)} rows), "
              f"peak {gb(mem_b.peak)}")

    if args.bigram_row:
        with PeakRSS() as mem_g:
            base_g = mem_g.current()
            c, t = cpu_seconds(), time.perf_counter()
            big = mk.distinctive_terms(df, by="outlet", min_docs=2, ngram_range=(1, 2), min_df=2, top=30,
                                       n_jobs=args.n_jobs)
            eg, ug = time.perf_counter() - t, cpu_seconds() - c
        print(f"\n== bigram row: unigrams+bigrams, min_df=2, top=30, n_jobs={args.n_jobs}: {eg:.1f} s wall, {ug:.1f} s "
              f"CPU ({len(big)} rows) -> target < 120 s: {'MET' if eg < 120 else 'NOT MET'}; peak PSS {gb(mem_g.peak)} "
              f"(before {gb(base_g)}; summed RSS {gb(mem_g.peak_rss)}) -> target < 4 GB: "
              f"{'MET' if mem_g.peak < 4e9 else 'NOT MET'}; load average {load()}")
        del big

    # ---------------------------------------------------------------- scattertext
    print("\n== scattertext (separate venv, never a project dependency)")
    if tuple(args.ngram) != (1, 1):
        print("skipped: the comparison is defined for unigrams (run without --ngram)")
        return 0
    if not args.scattertext or not Path(args.scattertext).exists():
        print(f"SKIPPED: no interpreter at {args.scattertext!r}; create one with `python -m venv "
              "/work/peers/scattertext-venv && /work/peers/scattertext-venv/bin/pip install scattertext future six` "
              "or pass --scattertext / set SCATTERTEXT_PYTHON")
        return 0
    X, vec = mk.vectorise(df, stop_words="auto", n_jobs=args.n_jobs)
    codes, groups = group_codes(df, "outlet")
    counts = sum_by_group(X, codes, len(groups))
    terms = vec.get_feature_names_out()
    del X
    full = mk.distinctive_terms(df, vectorizer=mk.make_vectorizer(stop_words="auto"), min_docs=0, variance="full",
                                n_jobs=args.n_jobs)
    ours = full.pivot(index="group", columns="term", values="z").reindex(index=groups, columns=terms).to_numpy()
    del full
    subset = args.st_articles or len(df)
    t = time.perf_counter()
    res = run_scattertext(args.scattertext, counts, df, subset, args.st_timeout)
    wall = time.perf_counter() - t
    if res is None:
        return 0
    diff = np.nanmax(np.abs(ours - res["z"]))
    print(f"scattertext {res['version']}, same per-outlet counts ({counts.shape[1]:,} terms): log-odds z for "
          f"{len(groups)} outlets in {res['score_seconds']:.2f} s (mediakit end to end, vectorising included: "
          f"{elapsed:.2f} s); max |z difference| vs mediakit variance='full': {diff:.1e}")
    sub_tokens = n_tokens if subset == len(df) else int(df["text"].iloc[:subset].str.count(" ").sum() + subset)
    st_s, st_cpu = res["subset_seconds"], res["subset_cpu"]
    print(f"scattertext from text (CorpusFromPandas, whitespace tokenizer, unigrams, then the same scores) on "
          f"{subset:,} articles ({sub_tokens / 1e6:.1f} M tokens): {st_s:.1f} s wall ({st_cpu:.1f} s CPU) = "
          f"{subset / st_s:,.0f} articles/s, {sub_tokens / st_s / 1e6:.2f} M tokens/s, "
          f"{st_s / floor_wall * len(df) / subset:.1f}x the floor; its peak RSS {gb(res['maxrss'])}")
    print(f"mediakit on {len(df):,} articles: {elapsed:.1f} s wall ({used:.1f} s CPU) = "
          f"{len(df) / elapsed:,.0f} articles/s, {elapsed / floor_wall:.2f}x the floor; peak PSS {gb(mem.peak)}")
    if subset == len(df):
        ratio = st_s / elapsed
        print(f"speed-up over scattertext, same run: {ratio:.1f}x wall, {st_cpu / used:.1f}x CPU -> target >= 10x: "
              f"{'MET' if ratio >= 10 else 'NOT MET'}; memory {mem.peak / res['maxrss']:.2f}x scattertext's -> "
              f"lower: {'MET' if mem.peak < res['maxrss'] else 'NOT MET'}; load average {load()}")
    print(f"(scattertext child process wall time {wall:.0f} s, including unpickling the corpus)")
    print(json.dumps({"articles": len(df), "tokens": n_tokens, "seconds": round(elapsed, 1),
                      "cpu_seconds": round(used, 1), "floor_seconds": round(floor_wall, 1),
                      "peak_gb": round(mem.peak / 1e9, 2), "scattertext_seconds": round(st_s, 1),
                      "scattertext_peak_gb": round(res["maxrss"] / 1e9, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
