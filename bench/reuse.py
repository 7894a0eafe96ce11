"""Reuse detection: accuracy on the demo corpus' gold passages, then recall and speed at scale.

    .venv/bin/python bench/reuse.py                  # demo gold + 10k, 30k, 100k generated articles
    .venv/bin/python bench/reuse.py --sizes 10000    # quicker

1. Demo corpus (data/s400, gold/reuse.csv): passage-level recall and precision. A gold passage is found
   when a reported passage of the same two articles overlaps it on both sides; a reported passage is
   correct when it overlaps a gold passage of its pair. Direction (source = earlier) is checked too.
2. Generated corpora: articles are sampled from a word bigram model trained on the demo corpus' English
   text (our own synthetic articles, so chance overlaps of stock phrases are common, as in real news).
   Then reprints are planted: whole (a wire dateline added), trimmed (leading/trailing paragraphs cut),
   lightly edited (about 1 word in 25 replaced, dropped or added) and partial (40-150 words of a source
   set into a new article). A planted passage is recalled when the reported passages of its pair cover at
   least half of its target span. Reported passages between articles of different families are errors.
   Times are those of find_reuse (tokens and shingles, candidate generation, alignment, offsets); peak
   memory is the resident size of this process during the call (sampled every 20 ms; the corpus included).
   With two sizes or more, a per-stage table ends the run: wall and CPU seconds of each stage of find_reuse
   (``ReuseStats.timings`` and ``.cpu``: tokens, shingles, fingerprints, candidates, alignment, offsets,
   kinds) at each size and their growth from the smallest to the largest, beside the growth of plain
   linear numpy work on arrays of the corpus' size in the same run (what the machine itself adds when
   arrays outgrow the CPU caches and other processes share them).
3. datasketch MinHash LSH on the same corpora, in the same run (``--datasketch PYTHON``, or
   ``$DATASKETCH_PYTHON``; default ``/work/peers/datasketch-venv/bin/python``; skipped with a message when
   absent, and with ``--no-datasketch``; never a project dependency): a child process with that interpreter shingles every article (the
   same 5-word shingles, lower-cased), computes ``MinHash.bulk`` signatures (128 permutations), inserts them
   into a ``MinHashLSH`` (``--ds-threshold``, default 0.3) and queries every article. It gives article pairs,
   not passages, so a planted passage counts as recalled by it when its two articles are a candidate pair
   (generous to it). Its time is the child's wall time of those steps and its memory the child's peak RSS
   (``resource.getrusage``; the corpus, read from a pickle, included).
4. Candidate counting alone, same fingerprints, same run: ``fingerprint_pairs`` (fingerprints of more than
   4 articles grouped by posting list, not expanded into pairs) beside the exact count (every pair of every
   fingerprint group, in buckets of first articles: ``low_df=max_df``) and the earlier way (every pair code
   in one array, one ``np.unique``), with the raw pair codes each makes (pairs of articles in one
   fingerprint group, before counting). Asserted: the exact count equals np.unique's; fingerprint_pairs'
   pairs and counts are exact ones. The exact pairs it leaves out are aligned (as find_reuse would) and
   those with a passage printed: none means find_reuse's output is unchanged by the grouping. CPU seconds
   and the extra peak memory of each printed. ``--no-count-check`` skips it (it tokenises the corpus once
   more). Beside it, the linear control of the candidate stage: one plain numpy pass over the same
   fingerprint table (neighbouring hashes compared, the texts where they tie gathered), whose growth is what
   reading arrays of that size costs here (a row of the per-stage table). The table's last line is each
   figure's growth from the smallest to the largest corpus.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediakit import load_corpus  # noqa: E402
from mediakit.reuse import find_reuse  # noqa: E402
from mediakit.reuse._candidates import fingerprint_pairs  # noqa: E402
from mediakit.reuse._shingles import ShingleIndex  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from terms import PeakRSS, token_floor  # noqa: E402

WORD_RE = re.compile(r"\w[\w'’\-./]*\w\+?|\w\+?|[.,;:]")


# ---------------------------------------------------------------- demo corpus
def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def demo_gold() -> None:
    corpus = load_corpus(ROOT / "data" / "s400")
    gold_path = ROOT / "data" / "s400" / "gold" / "reuse.csv"
    gold = pd.read_csv(gold_path)
    t0 = time.perf_counter()
    found, stats = find_reuse(corpus, return_stats=True)
    dt = time.perf_counter() - t0
    texts = dict(zip(corpus.article_id, corpus.text))

    def matches(g, f) -> bool:
        same = (g.source_id, g.target_id) == (f.source_id, f.target_id)
        flipped = (g.source_id, g.target_id) == (f.target_id, f.source_id)
        if same:
            return bool(_overlap(g.source_start, g.source_end, f.source_start, f.source_end)
                        and _overlap(g.target_start, g.target_end, f.target_start, f.target_end))
        if flipped:
            return bool(_overlap(g.source_start, g.source_end, f.target_start, f.target_end)
                        and _overlap(g.target_start, g.target_end, f.source_start, f.source_end))
        return False

    recalled = [any(matches(g, f) for f in found.itertuples()) for g in gold.itertuples()]
    correct = [any(matches(g, f) for g in gold.itertuples()) for f in found.itertuples()]
    direction = [any((g.source_id, g.target_id) == (f.source_id, f.target_id) for f in found.itertuples())
                 for g in gold.itertuples()]
    offsets_ok = all(
        texts[f.source_id][f.source_start:f.source_end] and texts[f.target_id][f.target_start:f.target_end]
        for f in found.itertuples())
    cover = []
    for g in gold.itertuples():
        fs = found[(found.source_id == g.source_id) & (found.target_id == g.target_id)]
        got = sum(_overlap(g.target_start, g.target_end, s, e) for s, e in zip(fs.target_start, fs.target_end))
        cover.append(got / (g.target_end - g.target_start))
    print(f"== demo corpus: {len(corpus)} articles, {len(gold)} gold passages in "
          f"{gold[['source_id', 'target_id']].drop_duplicates().shape[0]} pairs")
    print(f"reported passages: {len(found)} ({int(found.same_outlet.sum())} within one outlet), "
          f"{stats.candidates} candidate pairs aligned, {dt:.2f} s")
    print(f"passage recall: {sum(recalled)}/{len(gold)} = {np.mean(recalled):.3f}")
    print(f"passage precision: {sum(correct)}/{len(found)} = {np.mean(correct) if len(found) else float('nan'):.3f}")
    print(f"direction right (earlier = source): {sum(direction)}/{len(gold)}")
    print(f"gold target characters covered by reported passages: mean {np.mean(cover):.3f}, min {min(cover):.3f}")
    print(f"offsets index non-empty text: {offsets_ok}")
    for f in found.itertuples():
        ok = "ok " if correct[f.Index] else "FP "
        print(f"  {ok}{f.source_id} -> {f.target_id} words={f.words} sim={f.similarity:.3f} "
              f"basis={f.direction_basis}")


# ---------------------------------------------------------------- generated corpus
class Bigrams:
    """A word bigram model of the demo corpus' English text, sampled for many articles at once."""

    def __init__(self, texts: list[str], rng: np.random.Generator):
        self.rng = rng
        toks = []
        for t in texts:
            toks.extend(WORD_RE.findall(t))
            toks.append(".")
        vocab, ids = np.unique(np.array(toks, dtype=object), return_inverse=True)
        self.vocab = vocab.astype(str)
        pairs = np.stack([ids[:-1], ids[1:]], axis=1)
        uniq, counts = np.unique(pairs, axis=0, return_counts=True)
        self.succ = uniq[:, 1]
        self.cum = np.cumsum(counts).astype(np.float64)
        first = np.searchsorted(uniq[:, 0], np.arange(len(vocab)), "left")
        last = np.searchsorted(uniq[:, 0], np.arange(len(vocab)), "right")
        self.base = np.where(first > 0, self.cum[np.maximum(first - 1, 0)], 0.0)
        self.total = np.where(last > first, self.cum[np.maximum(last - 1, 0)] - self.base, 0.0)
        self.starts = ids[1:][np.array(toks[:-1], dtype=object) == "."]  # words that open a sentence

    def sample(self, n_docs: int, lengths: np.ndarray) -> list[str]:
        rng = self.rng
        steps = int(lengths.max())
        state = rng.choice(self.starts, size=n_docs)
        out = np.empty((n_docs, steps), dtype=np.int64)
        for s in range(steps):
            out[:, s] = state
            u = rng.random(n_docs)
            nxt = np.searchsorted(self.cum, self.base[state] + u * self.total[state], "right")
            nxt = self.succ[np.minimum(nxt, len(self.succ) - 1)]
            dead = self.total[state] == 0
            nxt[dead] = rng.choice(self.starts, size=int(dead.sum()))
            state = nxt
        docs = []
        for i in range(n_docs):
            words = self.vocab[out[i, : lengths[i]]]
            docs.append(_render(words, rng))
        return docs


_NO_SPACE = {".", ",", ";", ":"}


def _render(words: np.ndarray, rng: np.random.Generator) -> str:
    """Join words into paragraphs of 40-90 words, punctuation attached to the word before it."""
    parts: list[str] = []
    since = 0
    para_len = int(rng.integers(40, 90))
    for w in words:
        if w in _NO_SPACE:
            if parts:
                parts[-1] += w
            if w == "." and since >= para_len:
                parts.append("\n\n")
                since, para_len = 0, int(rng.integers(40, 90))
            continue
        parts.append(w)
        since += 1
    text = " ".join(parts).replace(" \n\n ", "\n\n").replace("\n\n ", "\n\n").strip()
    return text


def _light_edit(text: str, vocab: np.ndarray, rng: np.random.Generator, rate: float = 0.04) -> str:
    """Replace, drop or add about ``rate`` of the words (never two edits within five words)."""
    words = text.split(" ")
    out = []
    last_edit = -10
    for i, w in enumerate(words):
        if i - last_edit > 5 and rng.random() < rate and "\n" not in w:
            last_edit = i
            op = rng.integers(3)
            if op == 0:
                out.append(str(rng.choice(vocab)))
            elif op == 1:
                continue
            else:
                out.extend([w, str(rng.choice(vocab))])
            continue
        out.append(w)
    return " ".join(out)


def generate(n: int, seed: int = 0, reprint_share: float = 0.12):
    """``n`` articles (DataFrame) and the planted passages (DataFrame with offsets in both articles)."""
    rng = np.random.default_rng(seed)
    corpus = load_corpus(ROOT / "data" / "s400")
    english = corpus.loc[corpus.language == "en", "text"].tolist()
    model = Bigrams(english, rng)
    lengths = rng.integers(150, 750, size=n)
    t0 = time.perf_counter()
    texts = model.sample(n, lengths)
    gen_time = time.perf_counter() - t0
    outlets = np.array([f"Outlet {i:02d}" for i in range(60)])
    outlet = rng.choice(outlets, size=n)
    day0 = np.datetime64("2019-01-01")
    dates = day0 + rng.integers(0, 1000, size=n).astype("timedelta64[D]")
    family = np.arange(n)  # every article is its own family until it becomes a reprint
    planted = []
    n_targets = int(n * reprint_share)
    perm = rng.permutation(n)
    targets, sources = perm[:n_targets], perm[n_targets:]
    kinds = np.array(["whole", "trimmed", "edited", "partial"])
    vocab = model.vocab[[len(v) > 2 for v in model.vocab]]
    for t in targets:
        s = int(rng.choice(sources))
        src = texts[s]
        kind = str(rng.choice(kinds))
        paras = src.split("\n\n")
        if kind == "whole":
            prefix = f"ISTANBUL ({outlet[s]}) - "
            body = prefix + src
            s0, s1, t0_ = 0, len(src), len(prefix)
            t1_ = t0_ + len(src)
        elif kind == "trimmed" and len(paras) >= 3:
            i0 = int(rng.integers(0, 2))
            i1 = len(paras) - int(rng.integers(0, 2))
            if i1 - i0 >= len(paras):
                i1 -= 1
            kept = "\n\n".join(paras[i0:i1])
            s0 = src.index(kept)
            s1 = s0 + len(kept)
            body, t0_, t1_ = kept, 0, len(kept)
        elif kind == "edited":
            body = _light_edit(src, vocab, rng)
            s0, s1, t0_, t1_ = 0, len(src), 0, len(body)
        else:
            kind = "partial"
            words = [m for m in re.finditer(r"\S+", src)]
            size = int(rng.integers(40, 151))
            if len(words) <= size:
                size = len(words) - 1
            w0 = int(rng.integers(0, len(words) - size))
            s0, s1 = words[w0].start(), words[w0 + size - 1].end()
            passage = src[s0:s1]
            host = texts[t].split("\n\n")
            cut = int(rng.integers(1, max(2, len(host))))
            before = "\n\n".join(host[:cut]) + "\n\n"
            body = before + passage + "\n\n" + "\n\n".join(host[cut:])
            t0_, t1_ = len(before), len(before) + len(passage)
        texts[t] = body
        dates[t] = dates[s] + np.timedelta64(int(rng.choice([0, 0, 1, 1, 2, 3, 7])), "D")
        family[t] = family[s]
        planted.append((f"g{s}", f"g{t}", s0, s1, t0_, t1_, kind))
    articles = pd.DataFrame({"article_id": [f"g{i}" for i in range(n)], "outlet": outlet, "text": texts,
                             "date": pd.to_datetime(dates), "date_precision": "day", "wire": ""})
    articles["family"] = family
    plant = pd.DataFrame(planted, columns=["source_id", "target_id", "source_start", "source_end", "target_start",
                                           "target_end", "kind"])
    return articles, plant, gen_time


def evaluate(articles: pd.DataFrame, plant: pd.DataFrame, found: pd.DataFrame) -> dict:
    fam = dict(zip(articles.article_id, articles.family))
    by_pair: dict[frozenset, list[tuple[str, int, int]]] = {}
    for f in found.itertuples():
        key = frozenset((f.source_id, f.target_id))
        by_pair.setdefault(key, []).append((f.source_id, f.source_start, f.source_end))
        by_pair[key].append((f.target_id, f.target_start, f.target_end))
    recalled, covers = [], []
    for p in plant.itertuples():
        spans = [(s, e) for aid, s, e in by_pair.get(frozenset((p.source_id, p.target_id)), []) if aid == p.target_id]
        cov = sum(_overlap(p.target_start, p.target_end, s, e) for s, e in spans) / max(p.target_end - p.target_start, 1)
        covers.append(min(cov, 1.0))
        recalled.append(cov >= 0.5)
    plant = plant.assign(recalled=recalled, cover=covers)
    same_family = np.array([fam[a] == fam[b] for a, b in zip(found.source_id, found.target_id)], dtype=bool)
    # direction: the planted source is earlier or the same day; check pairs with distinct days
    dates = dict(zip(articles.article_id, articles.date))
    planted_pairs = {(p.source_id, p.target_id) for p in plant.itertuples() if dates[p.source_id] < dates[p.target_id]}
    pair_dir = [(f.source_id, f.target_id) in planted_pairs for f in found.itertuples()
                if (f.source_id, f.target_id) in planted_pairs or (f.target_id, f.source_id) in planted_pairs]
    return {
        "recall": float(np.mean(recalled)) if recalled else float("nan"),
        "by_kind": plant.groupby("kind")["recalled"].mean().round(4).to_dict(),
        "cover": float(np.mean(covers)) if covers else float("nan"),
        "precision": float(same_family.mean()) if len(found) else float("nan"),
        "false": int((~same_family).sum()),
        "direction": float(np.mean(pair_dir)) if pair_dir else float("nan"),
    }


DATASKETCH_SCRIPT = r'''
import pickle, resource, sys, time
import numpy as np
from datasketch import MinHash, MinHashLSH
import datasketch
job = pickle.load(open(sys.argv[1], "rb"))
texts, k, num_perm, threshold = job["texts"], job["shingle"], job["num_perm"], job["threshold"]
res = {"version": datasketch.__version__}
t0 = time.perf_counter()
sets = []
for t in texts:
    w = t.lower().split()
    sets.append({" ".join(w[i:i + k]).encode("utf8") for i in range(max(len(w) - k + 1, 1))})
t1 = time.perf_counter()
hashes = MinHash.bulk(sets, num_perm=num_perm)
del sets
t2 = time.perf_counter()
lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
with lsh.insertion_session() as session:
    for i, m in enumerate(hashes):
        session.insert(i, m)
pairs = set()
for i, m in enumerate(hashes):
    for j in lsh.query(m):
        if j != i:
            pairs.add((min(i, j), max(i, j)))
t3 = time.perf_counter()
res.update(shingles=t1 - t0, minhash=t2 - t1, lsh=t3 - t2, total=t3 - t0, pairs=sorted(pairs),
           maxrss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
pickle.dump(res, open(sys.argv[2], "wb"))
'''


def run_datasketch(python: str, texts: list[str], threshold: float, timeout: int) -> dict | None:
    """datasketch MinHash LSH in a child process with its own interpreter; None (with a message) if absent."""
    if not python or not Path(python).exists():
        print(f"   datasketch: SKIPPED, no interpreter at {python!r}; create one with `python -m venv "
              "/work/peers/datasketch-venv && /work/peers/datasketch-venv/bin/pip install datasketch` or pass "
              "--datasketch / set DATASKETCH_PYTHON")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        job, out, script = Path(tmp, "job.pkl"), Path(tmp, "out.pkl"), Path(tmp, "ds.py")
        script.write_text(DATASKETCH_SCRIPT)
        with open(job, "wb") as f:
            pickle.dump({"texts": texts, "shingle": 5, "num_perm": 128, "threshold": threshold}, f)
        try:
            proc = subprocess.run([python, str(script), str(job), str(out)], capture_output=True, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"   datasketch: did not finish within {timeout} s")
            return None
        if proc.returncode != 0:
            print("   datasketch: failed:\n" + "\n".join(proc.stderr.strip().splitlines()[-8:]))
            return None
        with open(out, "rb") as f:
            return pickle.load(f)


def pair_recall(articles: pd.DataFrame, plant: pd.DataFrame, pairs: list[tuple[int, int]]) -> dict:
    index = {a: i for i, a in enumerate(articles.article_id)}
    got = set(map(tuple, pairs))
    hit = [tuple(sorted((index[p.source_id], index[p.target_id]))) in got for p in plant.itertuples()]
    fam = articles["family"].to_numpy()
    same = np.array([fam[i] == fam[j] for i, j in pairs], dtype=bool)
    return {"recall": float(np.mean(hit)), "by_kind": plant.assign(hit=hit).groupby("kind")["hit"].mean().round(4).to_dict(),
            "pair_precision": float(same.mean()) if len(same) else float("nan")}


def pairs_one_unique(fh: np.ndarray, fd: np.ndarray, n: int, max_df: int, min_shared: int):
    """The earlier candidate count (the baseline of check 4): every pair code of every group, one np.unique."""
    fd = np.asarray(fd, dtype=np.int64)
    bounds = np.flatnonzero(np.r_[True, fh[1:] != fh[:-1], True])
    gstart, gsize = bounds[:-1], np.diff(bounds)
    codes = []
    for s in np.unique(gsize):
        if 2 <= s <= max_df:
            members = fd[gstart[gsize == s][:, None] + np.arange(s)]
            iu, ju = np.triu_indices(int(s), 1)
            codes.append((members[:, iu] * np.int64(n) + members[:, ju]).ravel())
    uniq, counts = np.unique(np.concatenate(codes), return_counts=True)
    return uniq[counts >= min_shared], counts[counts >= min_shared], sum(len(c) for c in codes)


def count_check(texts: list[str], max_df: int = 100, min_shared: int = 3, min_words: int = 25) -> dict:
    """Check 4: fingerprint_pairs (stock phrases grouped by posting list, not expanded) beside the exact count
    (every pair of every fingerprint group, bucketed: ``low_df=max_df``) and pairs_one_unique, on the same
    fingerprints (find_reuse's defaults). The exact count must equal np.unique's; fingerprint_pairs' pairs
    must be exact pairs with exact counts; the exact pairs it leaves out are aligned as find_reuse would,
    and any passage among them is reported (none: find_reuse's output is that of the exact count)."""
    index = ShingleIndex(texts, 5)
    fh, fd = index.fingerprints(4)
    n = len(texts)
    res, stats = {}, {}
    for name, fn in (("grouped", lambda: fingerprint_pairs(fh, fd, n, max_df, min_shared, stats=stats)),
                     ("exact", lambda: fingerprint_pairs(fh, fd, n, max_df, min_shared, low_df=max_df)),
                     ("one_unique", lambda: pairs_one_unique(fh, fd, n, max_df, min_shared))):
        with PeakRSS() as mem:
            base = mem.sample()[1]  # resident size, as peak_rss
            t0, c0 = time.perf_counter(), time.process_time()
            out = fn()
            res[name] = (time.perf_counter() - t0, time.process_time() - c0, max(mem.peak_rss - base, 0), out)
    (a, ak), (b, bk), (c, ck, raw) = res["grouped"][3], res["exact"][3], res["one_unique"][3]
    assert np.array_equal(b, c) and np.array_equal(bk, ck), "bucketed exact count differs from np.unique"
    at = np.searchsorted(b, a)
    assert np.array_equal(b[np.minimum(at, len(b) - 1)], a) and np.array_equal(bk[at], ak), \
        "fingerprint_pairs gave a pair or a count the exact count does not"
    left = np.setdiff1d(b, a)
    lost = [(int(x) // n, int(x) % n) for x in left
            if index.align(int(x) // n, int(x) % n, max_gap=8, min_words=min_words, min_similarity=0.9)]
    return {"raw_pairs": raw, "pairs": len(b), "grouped_pairs": len(a), "grouped_raw": stats["raw_pairs"],
            "lookups": stats["lookups"], "lists": stats["lists"], "left_out": len(left), "lost": lost,
            "fingerprints": len(fh), "table_pass_cpu": table_pass(fh, fd),
            **{f"{k}_{m}": v[i] for k, v in res.items() for i, m in enumerate(("wall", "cpu", "mem"))}}


def scale(sizes: list[int], seed: int, datasketch: str | None = None, ds_threshold: float = 0.3,
          ds_timeout: int = 3600, check_count: bool = True) -> None:
    print("\n== generated corpora (bigram text, planted reprints: whole, trimmed, edited, partial)")
    rows, stage_rows = [], []
    for n in sizes:
        articles, plant, gen_time = generate(n, seed=seed)
        words = int(articles.text.str.count(" ").sum() + len(articles))
        with PeakRSS() as mem:
            base = mem.current()
            t0 = time.perf_counter()
            found, stats = find_reuse(articles[["article_id", "outlet", "text", "date", "date_precision", "wire"]],
                                      same_outlet=True, return_stats=True)
            wall = time.perf_counter() - t0
        tm = stats.timings
        ev = evaluate(articles, plant, found)
        row = {"articles": n, "words_M": round(words / 1e6, 1), "planted": len(plant),
               "candidates": stats.candidates, "passages": len(found),
               "total_s": round(wall, 1), "peak_GB": round(mem.peak_rss / 1e9, 2),
               "recall": round(ev["recall"], 4), "precision": round(ev["precision"], 4),
               "false": ev["false"], "direction": round(ev["direction"], 4)}
        floor_wall, _ = token_floor(articles["text"].tolist())
        row["floor_s"] = round(floor_wall, 1)
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{n} articles: floor (one core, one compiled token regex over every text) {floor_wall:.1f} s; "
              f"find_reuse {wall / floor_wall:.1f}x the floor")
        stage_rows.append({"articles": n, **{f"{k}_s": tm.get(k, 0.0) for k in STAGES},
                           **{f"{k}_cpu": stats.cpu.get(k, 0.0) for k in STAGES},
                           "pass_cpu": memory_pass(words)})
        print(f"{n} articles ({words / 1e6:.1f} M words, generated in {gen_time:.0f} s; load average {load}): "
              f"total {wall:.1f} s = " + " + ".join(f"{k} {tm.get(k, 0.0):.2f}" for k in STAGES) + "; "
              f"{stats.candidates} candidate pairs, {len(found)} passages; peak RSS {mem.peak_rss / 1e9:.2f} GB "
              f"(before the call {base / 1e9:.2f} GB PSS, corpus included)")
        print(f"   recall {ev['recall']:.4f} of {len(plant)} planted passages (by kind {ev['by_kind']}), "
              f"mean cover {ev['cover']:.3f}; precision {ev['precision']:.4f} ({ev['false']} across families); "
              f"direction right {ev['direction']:.4f}")
        sys.stdout.flush()
        if check_count:
            cc = count_check(articles["text"].tolist())
            row.update(raw_pairs_M=round(cc["raw_pairs"] / 1e6, 2), new_raw_pairs_M=round(cc["grouped_raw"] / 1e6, 2),
                       count_cpu_s=round(cc["grouped_cpu"], 3), exact_cpu_s=round(cc["exact_cpu"], 3),
                       unique_cpu_s=round(cc["one_unique_cpu"], 3), table_pass_cpu_s=round(cc["table_pass_cpu"], 4),
                       lookups_M=round(cc["lookups"] / 1e6, 2))
            stage_rows[-1]["table_cpu"] = cc["table_pass_cpu"]
            print(f"   linear control of the candidate stage (one pass over the {cc['fingerprints'] / 1e6:.1f} M "
                  f"fingerprints it reads): {cc['table_pass_cpu']:.3f} s CPU; fingerprint_pairs "
                  f"{cc['grouped_cpu'] / cc['table_pass_cpu']:.1f}x that")
            print(f"   candidate count (same fingerprints): fingerprint_pairs {cc['grouped_pairs']} pairs sharing >= 3 "
                  f"from {cc['grouped_raw'] / 1e6:.2f} M raw pair codes (+{cc['lookups'] / 1e6:.2f} M fingerprints "
                  f"looked up, {cc['lists']} posting lists expanded), {cc['grouped_wall']:.2f} s wall / "
                  f"{cc['grouped_cpu']:.2f} s CPU, +{cc['grouped_mem'] / 1e9:.2f} GB; exact count {cc['pairs']} pairs "
                  f"from {cc['raw_pairs'] / 1e6:.2f} M raw pair codes, bucketed {cc['exact_wall']:.2f} s / "
                  f"{cc['exact_cpu']:.2f} s CPU, +{cc['exact_mem'] / 1e9:.2f} GB; one np.unique "
                  f"{cc['one_unique_wall']:.2f} s / {cc['one_unique_cpu']:.2f} s CPU, +{cc['one_unique_mem'] / 1e9:.2f} GB")
            print(f"   the {cc['left_out']} exact pairs left out (stock phrases only), aligned: "
                  f"{len(cc['lost'])} with a passage of >= 25 words"
                  + (f" {cc['lost'][:10]}" if cc["lost"] else " (find_reuse's output is that of the exact count)"))
            sys.stdout.flush()
        if datasketch is not None:
            ds = run_datasketch(datasketch, articles["text"].tolist(), ds_threshold, ds_timeout)
            if ds is not None:
                pr = pair_recall(articles, plant, ds["pairs"])
                row.update(ds_total_s=round(ds["total"], 1), ds_peak_GB=round(ds["maxrss"] / 1e9, 2),
                           ds_recall=round(pr["recall"], 4))
                ratio = mem.peak_rss / ds["maxrss"]
                print(f"   datasketch {ds['version']} MinHash LSH (threshold {ds_threshold}, 128 permutations, "
                      f"5-word shingles): {ds['total']:.1f} s = shingles {ds['shingles']:.1f} + minhash "
                      f"{ds['minhash']:.1f} + LSH insert/query {ds['lsh']:.1f}; {len(ds['pairs'])} candidate pairs "
                      f"(pair precision {pr['pair_precision']:.4f}); peak RSS {ds['maxrss'] / 1e9:.2f} GB")
                print(f"   datasketch pair recall {pr['recall']:.4f} (by kind {pr['by_kind']}); mediakit "
                      f"{ds['total'] / wall:.2f}x faster, memory {ratio:.2f}x datasketch's -> target <= 1.5x: "
                      f"{'MET' if ratio <= 1.5 else 'NOT MET'}")
                sys.stdout.flush()
        rows.append(row)
    print()
    table = pd.DataFrame(rows)
    print(table.to_string(index=False))
    if len(table) > 1:
        a, b = table.iloc[0], table.iloc[-1]
        k = b.articles / a.articles
        growth = {s: float(round(b[s] / a[s], 1)) if a[s] else float("nan")
                  for s in ("total_s", "peak_GB", "candidates", "passages",
                            "raw_pairs_M", "new_raw_pairs_M", "lookups_M", "count_cpu_s", "table_pass_cpu_s",
                            "exact_cpu_s", "unique_cpu_s")
                  if s in table}
        print(f"growth {int(a.articles):,} -> {int(b.articles):,} articles (x{k:.0f}): {growth} "
              f"(near-linear: about x{k:.0f})")
        print_stages(pd.DataFrame(stage_rows))


STAGES = ("tokens", "shingles", "fingerprints", "candidates", "alignment", "offsets", "kinds")


def memory_pass(words: int, reps: int = 3) -> float:
    """CPU seconds of plain linear numpy work on arrays the size of the corpus' shingle hashes (ten
    elementwise passes over ``words`` 64-bit values; best of ``reps``): the machine's own cost per element
    at that size, which grows when the arrays outgrow the CPU caches and when other processes share them."""
    x = np.arange(words, dtype=np.uint64)
    best = float("inf")
    for _ in range(reps):
        c0 = time.process_time()
        for _ in range(5):
            y = x ^ np.uint64(0x9E3779B97F4A7C15)
            y = y[1:] == x[:-1]
        best = min(best, time.process_time() - c0)
    return best


def table_pass(fh: np.ndarray, fd: np.ndarray, reps: int = 3) -> float:
    """CPU seconds of plain linear numpy work on the fingerprint table itself, the arrays the candidate stage
    reads (hashes and texts, sorted by hash): neighbouring hashes compared, the places where they tie found,
    the texts there gathered and summed (best of ``reps``). Its growth is the linear control of the
    candidate stage: what reading arrays of that size costs at each corpus size on this machine, now."""
    best = float("inf")
    for _ in range(reps):
        c0 = time.process_time()
        tie = np.flatnonzero(fh[1:] == fh[:-1])
        int(fd[tie].sum() + fd[tie + 1].sum())
        best = min(best, time.process_time() - c0)
    return best


def print_stages(st: pd.DataFrame) -> None:
    """Per-stage table of find_reuse: wall and CPU seconds at each corpus size and their growth from the
    smallest to the largest, beside the growth of a plain linear pass (:func:`memory_pass`)."""
    a, b = st.iloc[0], st.iloc[-1]
    k = b.articles / a.articles
    lines = []
    controls = {"pass": "(linear numpy pass)", "table": "(linear pass over the fingerprints: control of candidates)"}
    for stage in STAGES + tuple(c for c in controls if f"{c}_cpu" in st and st[f"{c}_cpu"].notna().all()):
        line = {"stage": controls.get(stage, stage)}
        for _, r in st.iterrows():
            if stage not in controls:
                line[f"wall_s@{int(r.articles)}"] = round(r[f"{stage}_s"], 3)
            line[f"cpu_s@{int(r.articles)}"] = round(r[f"{stage}_cpu"], 3)
        if stage not in controls:
            line["wall_growth"] = round(b[f"{stage}_s"] / a[f"{stage}_s"], 1) if a[f"{stage}_s"] else float("nan")
        line["cpu_growth"] = round(b[f"{stage}_cpu"] / a[f"{stage}_cpu"], 1) if a[f"{stage}_cpu"] else float("nan")
        lines.append(line)
    table = pd.DataFrame(lines)
    linear = table.loc[table["stage"].isin(controls.values()), "cpu_growth"].max()
    limit = max(1.2 * k, 1.2 * linear) if linear == linear else 1.2 * k
    stages = ~table["stage"].isin(controls.values())
    table.loc[stages, "near_linear"] = [
        "yes" if max(w, c) <= limit else "NO" for w, c in zip(table.loc[stages, "wall_growth"], table.loc[stages, "cpu_growth"])]
    print(f"\nfind_reuse per stage, {int(a.articles):,} -> {int(b.articles):,} articles (x{k:.0f}); the last lines are "
          "the growth of plain linear work on arrays of the corpus' size and on the fingerprint table in the same run "
          "(cache and memory-bandwidth effects, other processes' load). Near-linear: wall and CPU growth at most "
          f"1.2x the corpus' (~{1.2 * k:.0f}) or 1.2x the larger control's ({linear:.1f}): at most {limit:.1f}")
    print(table.astype(object).where(table.notna(), "").to_string(index=False))
    print("every stage near-linear:", "MET" if (table.loc[stages, "near_linear"] == "yes").all() else "NOT MET")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 30_000, 100_000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-demo", action="store_true")
    ap.add_argument("--datasketch", default=os.environ.get("DATASKETCH_PYTHON",
                                                           "/work/peers/datasketch-venv/bin/python"),
                    help="python of a separate venv with datasketch ($DATASKETCH_PYTHON); '' skips it")
    ap.add_argument("--no-datasketch", action="store_true", help="skip datasketch (quicker while iterating)")
    ap.add_argument("--ds-threshold", type=float, default=0.3, help="MinHashLSH Jaccard threshold (default 0.3)")
    ap.add_argument("--no-count-check", action="store_true", help="skip check 4 (candidate count beside np.unique)")
    args = ap.parse_args()
    import platform

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}")
    if not args.no_demo:
        demo_gold()
    if args.sizes:
        scale(args.sizes, args.seed, None if args.no_datasketch else args.datasketch or None, args.ds_threshold,
              check_count=not args.no_count_check)


if __name__ == "__main__":
    main()
