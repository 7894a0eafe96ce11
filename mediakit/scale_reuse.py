"""Text reuse on Dask: the shingle index of :mod:`mediakit.reuse`, partitioned and shuffled.

1. Fingerprints: each partition builds its own shingle index and winnows it. A shingle's hash depends only
   on its words and windows never straddle two texts, so the fingerprints equal those of one global index.
   Rows are numbered by their place in the whole corpus (partition offset + row).
2. Shuffle: the (fingerprint, article) table is shuffled on the fingerprint, so all articles sharing a
   fingerprint meet in one partition; :func:`mediakit.reuse.fingerprint_pairs` turns each partition into
   pair counts (fingerprints in more than ``max_df`` articles skipped, as on one table), and the counts of
   one pair are summed across partitions (a groupby tree reduction). Pairs with ``min_shared`` are kept.
3. Alignment: candidate pairs are joined with the texts and metadata of both articles (two merges on the
   row number) and each partition of pairs is aligned by :func:`mediakit.reuse.aligned_passages` on a small
   index of the articles it involves, kept in corpus order so that directions and ties come out as on one
   table.

Not distributed: ``candidates="minhash"`` (datasketch's in-memory LSH) raises.
"""

from __future__ import annotations

import time

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd

from . import reuse as _reuse

__all__ = ["find_reuse_dask"]

_META_COLS = ["article_id", "text", "outlet", "date", "date_precision", "wire"]


def find_reuse_dask(ddf: dd.DataFrame, *, min_words: int = 25, min_similarity: float = 0.9, shingle: int = 5,
                    window: int = 4, max_gap: int = 8, min_shared: int = 3, max_df: int = 100,
                    same_outlet: bool = True, candidates: str = "shingles", lsh_threshold: float = 0.3,
                    with_text: bool = False, npartitions: int | None = None) -> pd.DataFrame:
    """:func:`mediakit.find_reuse` on a Dask corpus; same parameters, same rows (a pandas DataFrame).

    ``npartitions`` sets the partitions of the fingerprint shuffle (default: those of ``ddf``).
    """
    if candidates != "shingles":
        raise ValueError(f"candidates={candidates!r} is not distributed; use candidates='shingles' on Dask, "
                         "or mediakit.find_reuse on a pandas corpus for MinHash LSH")
    if shingle < 1 or window < 1 or min_words < shingle:
        raise ValueError(f"need shingle >= 1, window >= 1 and min_words >= shingle (got {shingle}, {window}, {min_words})")
    missing = {"article_id", "text"} - set(ddf.columns)
    if missing:
        raise ValueError(f"articles lack column(s) {sorted(missing)}; pass load_corpus_dask() output")
    params = {"min_words": min_words, "min_similarity": min_similarity, "shingle": shingle, "window": window,
              "max_gap": max_gap, "min_shared": min_shared, "max_df": max_df, "same_outlet": same_outlet,
              "candidates": candidates, "lsh_threshold": lsh_threshold}
    timings: dict[str, float] = {}
    cols = [c for c in _META_COLS if c in ddf.columns]
    ddf = ddf[cols]

    t0 = time.perf_counter()
    lens = ddf.map_partitions(len).compute()
    offsets = np.concatenate([[0], np.cumsum(np.asarray(lens, dtype=np.int64))])
    n = int(offsets[-1])
    parts = ddf.to_delayed()
    fp_meta = pd.DataFrame({"fp": pd.Series(dtype="int64"), "pos": pd.Series(dtype="int64")})
    fps = dd.from_delayed([dask.delayed(_fingerprints)(p, int(o), shingle, window) for p, o in zip(parts, offsets)],
                          meta=fp_meta, verify_meta=False)
    nparts = npartitions or max(ddf.npartitions, 1)
    shuffled = fps.shuffle("fp", npartitions=nparts)
    pair_meta = pd.DataFrame({"code": pd.Series(dtype="int64"), "shared": pd.Series(dtype="int64")})
    pairs = shuffled.map_partitions(_pair_counts, n, max_df, meta=pair_meta)
    shared = pairs.groupby("code")["shared"].sum(split_out=nparts)
    cand = shared[shared >= min_shared].to_frame().reset_index()
    cand = cand.assign(a=cand["code"] // n, b=cand["code"] % n)[["a", "b"]].persist()
    n_cand = int(len(cand))
    timings["candidates"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    arts = dd.from_delayed([dask.delayed(_with_pos)(p, int(o)) for p, o in zip(parts, offsets)],
                           meta=ddf._meta.assign(pos=pd.Series(dtype="int64")), verify_meta=False)
    left = arts.rename(columns={c: f"a_{c}" for c in arts.columns})
    right = arts.rename(columns={c: f"b_{c}" for c in arts.columns})
    joined = cand.merge(left, left_on="a", right_on="a_pos", how="inner")
    joined = joined.merge(right, left_on="b", right_on="b_pos", how="inner")
    kw = {"cols": cols, "shingle": shingle, "max_gap": max_gap, "min_words": min_words,
          "min_similarity": min_similarity, "same_outlet": same_outlet, "with_text": with_text}
    out_cols = _reuse.REUSE_COLUMNS + (["source_text", "target_text"] if with_text else [])
    empty = _align_part(pd.DataFrame(columns=list(joined.columns)), **kw)
    found = joined.map_partitions(_align_part, **kw, meta=empty[out_cols], enforce_metadata=False)
    out = found.compute()
    timings["alignment"] = time.perf_counter() - t0
    if len(out):
        out = out.sort_values(["same_outlet", "source_date", "source_id", "target_id", "target_start"],
                              kind="stable", na_position="last").reset_index(drop=True)
    else:
        out = empty[out_cols]
    out.attrs["params"] = params
    out.attrs["timings"] = timings
    out.attrs["candidates"] = n_cand
    return out


def _fingerprints(part: pd.DataFrame, offset: int, shingle: int, window: int) -> pd.DataFrame:
    index = _reuse._ShingleIndex(part["text"].fillna("").astype(str).tolist(), shingle)
    fh, fd = index.fingerprints(window)
    return pd.DataFrame({"fp": fh.view(np.int64), "pos": np.asarray(fd, dtype=np.int64) + offset})


def _pair_counts(part: pd.DataFrame, n: int, max_df: int) -> pd.DataFrame:
    if not len(part):
        return pd.DataFrame({"code": pd.Series(dtype="int64"), "shared": pd.Series(dtype="int64")})
    order = np.lexsort((part["pos"].to_numpy(), part["fp"].to_numpy()))
    fh = part["fp"].to_numpy()[order]
    fd = part["pos"].to_numpy()[order]
    codes, counts = _reuse.fingerprint_pairs(fh, fd, n, max_df)
    return pd.DataFrame({"code": codes.astype("int64"), "shared": counts.astype("int64")})


def _with_pos(part: pd.DataFrame, offset: int) -> pd.DataFrame:
    return part.assign(pos=np.arange(offset, offset + len(part), dtype=np.int64))


def _align_part(joined: pd.DataFrame, *, cols: list[str], shingle: int, max_gap: int, min_words: int,
                min_similarity: float, same_outlet: bool, with_text: bool) -> pd.DataFrame:
    """Align the candidate pairs of one partition, with the articles they involve (corpus order)."""
    a_side = joined[[f"a_{c}" for c in cols] + ["a_pos"]].set_axis(cols + ["pos"], axis=1)
    b_side = joined[[f"b_{c}" for c in cols] + ["b_pos"]].set_axis(cols + ["pos"], axis=1)
    local = pd.concat([a_side, b_side], ignore_index=True).drop_duplicates("pos").sort_values("pos")
    local = local.reset_index(drop=True)
    where = pd.Series(np.arange(len(local)), index=local["pos"].to_numpy())
    pairs = np.stack([where.reindex(joined["a"].to_numpy()).to_numpy(dtype=np.int64),
                      where.reindex(joined["b"].to_numpy()).to_numpy(dtype=np.int64)], axis=1).reshape(-1, 2)
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]          # the order of one table's np.unique
    texts = local["text"].fillna("").astype(str).tolist()
    outlets = (local["outlet"].fillna("").astype(str) if "outlet" in local else pd.Series([""] * len(local)))
    if not same_outlet and len(pairs):
        codes = pd.factorize(outlets)[0]
        pairs = pairs[codes[pairs[:, 0]] != codes[pairs[:, 1]]]
    arts = local.drop(columns=["pos"])
    if "date" in arts:
        arts["date"] = pd.to_datetime(arts["date"]).astype("datetime64[ns]")
    index = _reuse._ShingleIndex(texts, shingle)
    out = _reuse.aligned_passages(arts, texts, index, pairs, outlets.tolist(), max_gap=max_gap,
                                  min_words=min_words, min_similarity=min_similarity, with_text=with_text)
    out.attrs = {}
    return out

