"""mediakit.scale: the analyses on a Dask corpus give the pandas results (data/s400), on a LocalCluster.

Each analysis is one implementation (mediakit.analysis hooks): mk.<name>(ddf) must return the same pandas
table, with the same attrs (timings aside), as mk.<name>(df).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

import mediakit as mk  # noqa: E402
from mediakit import scale  # noqa: E402
from mediakit.corpus import COLUMNS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
S400 = ROOT / "data" / "s400"


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    # in-process workers: the fastest cluster to start; the tcp test below talks to it over 127.0.0.1
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def client(cluster):
    with scale.scheduler(cluster.scheduler_address) as c:
        yield c


@pytest.fixture(scope="module")
def corpus():
    return mk.load_corpus(S400, progress=False)


@pytest.fixture(scope="module")
def dcorpus(client):
    # 4 files per partition: many partitions, so that cross-partition steps (merges, shuffles) are exercised
    return scale.load_corpus_dask(S400, files_per_partition=4)


def same(a: pd.DataFrame, b: pd.DataFrame, keys: list[str], *, attrs: bool = True) -> None:
    """Equal as tables: both pandas, same columns, same rows once sorted by ``keys``, floats to 1e-9, and
    the same attrs (``timings``: the same stages; their seconds differ)."""
    assert type(a) is pd.DataFrame and type(b) is pd.DataFrame
    if attrs:
        ta, tb = dict(a.attrs), dict(b.attrs)
        assert set(ta.pop("timings", {})) == set(tb.pop("timings", {}))
        assert ta == tb
    assert list(a.columns) == list(b.columns)
    assert len(a) == len(b)
    a = a.sort_values(keys, kind="stable").reset_index(drop=True)
    b = b.sort_values(keys, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False, check_exact=False, rtol=1e-9, atol=1e-12)


# ---------------------------------------------------------------- loading
def test_load_corpus_dask_matches_load_corpus(corpus, dcorpus):
    assert dcorpus.npartitions > 5
    assert list(dcorpus.columns) == COLUMNS
    got = dcorpus.compute().reset_index(drop=True)
    same(corpus[COLUMNS], got, ["article_id"], attrs=False)  # load_corpus_dask collects no load report
    assert got["article_id"].tolist() == corpus["article_id"].tolist()  # corpus order is kept


def test_load_parquet_shards_and_foreign_tables(corpus, client, tmp_path):
    shards = tmp_path / "shards"
    shards.mkdir()
    for i, part in enumerate(np.array_split(np.arange(len(corpus)), 3)):
        corpus.iloc[part][COLUMNS].to_parquet(shards / f"part-{i}.parquet", index=False)
    # a table in another schema (Media Cloud-like names) goes through load_corpus's column mapping
    foreign = corpus.iloc[:3][["outlet", "title", "text", "url"]].rename(
        columns={"outlet": "media_name", "text": "story_text"})
    foreign["publish_date"] = "2021-03-03"
    foreign.to_parquet(tmp_path / "mediacloud.parquet", index=False)
    ddf = scale.load_corpus_dask([shards, tmp_path / "mediacloud.parquet"])
    assert ddf.npartitions == 4
    got = ddf.compute().reset_index(drop=True)
    same(corpus[COLUMNS], got.iloc[: len(corpus)].reset_index(drop=True), ["article_id"], attrs=False)
    tail = got.iloc[len(corpus):]
    assert tail["outlet"].tolist() == corpus["outlet"].iloc[:3].tolist()
    assert (tail["date"] == pd.Timestamp("2021-03-03")).all()


def test_load_reports_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        scale.load_corpus_dask(tmp_path / "nope")


# ---------------------------------------------------------------- analyses equal the pandas path
@pytest.mark.parametrize("freq,by", [("M", "outlet"), ("W", None), ("Y", "language")])
def test_coverage_timeline_equal(corpus, dcorpus, freq, by):
    a = mk.coverage_timeline(corpus, freq, by=by)
    b = mk.coverage_timeline(dcorpus, freq, by=by)
    same(a, b, ["period"] + ([by] if by else []))
    assert b.attrs["undated"] == a.attrs["undated"] and b.attrs["freq"] == freq
    # a narrow tree (2 partials merged at a time) gives the same counts: the merge is associative
    same(a, scale.run("coverage_timeline", dcorpus, freq, by=by, split_every=2), ["period"] + ([by] if by else []))


def test_score_frames_equal(corpus, dcorpus):
    a = mk.score_frames(corpus, "s400")
    b = mk.score_frames(dcorpus, "s400")
    same(a, b, ["article_id", "part", "start", "frame"])
    assert b.attrs["n_articles"] == len(corpus)
    texts = corpus.set_index("article_id")["text"]
    body = b[b["part"] != "headline"]
    assert len(body) > 100
    assert all(texts[r.article_id][r.start:r.end] == r.text for r in body.itertuples())


def test_extract_quotes_equal_with_global_speaker_merge(corpus, dcorpus):
    a = mk.extract_quotes(corpus)
    b = mk.extract_quotes(dcorpus)
    same(a, b, ["article_id", "start", "end", "kind"])
    texts = corpus.set_index("article_id")["text"]
    assert all(texts[r.article_id][r.start:r.end] == r.quote for r in b.itertuples())
    # the merge is global: without it, partitions would keep different spellings of one person
    unmerged = mk.extract_quotes(dcorpus, merge_speakers=False)
    assert unmerged["speaker_canonical"].nunique() > b["speaker_canonical"].nunique()
    # without persisting (an engine option), the text is parsed twice and the result is the same
    same(a, scale.run("extract_quotes", dcorpus, persist=False), ["article_id", "start", "end", "kind"])


def test_find_reuse_equal(corpus, dcorpus):
    a = mk.find_reuse(corpus)
    b = mk.find_reuse(dcorpus)
    assert len(a) >= 5  # the demo corpus plants wire copy and reprints
    same(a, b, ["source_id", "target_id", "source_start", "target_start"])
    assert mk.find_reuse(dcorpus, return_stats=True)[1].candidates == mk.find_reuse(
        corpus, return_stats=True)[1].candidates > 0
    texts = corpus.set_index("article_id")["text"]
    for r in b.itertuples():
        assert len(texts[r.source_id][r.source_start:r.source_end].split()) >= 25
    c = scale.run("find_reuse", dcorpus, same_outlet=False, min_words=30, with_text=True, split_every=2,
                  persist=True)
    same(mk.find_reuse(corpus, same_outlet=False, min_words=30, with_text=True), c,
         ["source_id", "target_id", "source_start", "target_start"])
    assert all(texts[r.target_id][r.target_start:r.target_end] == r.target_text for r in c.itertuples())


def test_discount_reuse_equal(corpus, dcorpus):
    reuse = mk.find_reuse(corpus)
    a = mk.score_frames(corpus, discount_reuse=reuse)
    b = mk.score_frames(dcorpus, discount_reuse=True)
    same(a, b, ["article_id", "part", "start", "frame"])
    assert len(a) < len(mk.score_frames(corpus))
    qa = mk.extract_quotes(corpus, discount_reuse=reuse)
    qb = mk.extract_quotes(dcorpus, discount_reuse=reuse)
    same(qa, qb, ["article_id", "start", "end", "kind"])


# ---------------------------------------------------------------- schedulers
def test_scheduler_tcp_address_runs_on_that_cluster(cluster, corpus):
    with scale.scheduler(cluster.scheduler_address) as c:
        assert c.scheduler.address == cluster.scheduler_address
        ddf = scale.load_corpus_dask(S400)
        same(mk.coverage_timeline(corpus), mk.coverage_timeline(ddf), ["period", "outlet"])


def test_scheduler_local_n_starts_n_workers(tmp_path):
    df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "date": ["2020-01-01", "2020-02-01"],
                       "text": ["The deal was signed in Ankara on Monday.", "Officials met again in Moscow."]})
    df.to_parquet(tmp_path / "t.parquet", index=False)
    with scale.scheduler("local:1") as c:
        assert len(c.scheduler_info()["workers"]) == 1
        _http_on_localhost_only(c, dashboard=False)  # no dashboard unless asked for
        assert mk.coverage_timeline(scale.load_corpus_dask(tmp_path / "t.parquet"))["articles"].sum() == 2


def _http_on_localhost_only(client, *, dashboard: bool) -> None:
    """The scheduler's HTTP server (Dask always starts one) listens on 127.0.0.1 only, on a free port, and
    serves the dashboard pages when asked for (when not, they may still be there if another cluster in this
    process loaded them: Dask registers them once per process)."""
    import urllib.error
    import urllib.request

    port = client.scheduler_info()["services"]["dashboard"]
    assert port != 8787
    http = client.cluster.scheduler.http_server
    assert {sock.getsockname()[0] for sock in http._sockets.values()} == {"127.0.0.1"}
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=10) as r:
        assert r.status == 200
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=10) as r:
            status = r.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if dashboard:
        assert status == 200


def test_scheduler_dashboard_on_request_binds_to_localhost():
    with scale.scheduler("local:1", dashboard=True) as c:
        assert c.dashboard_link.startswith("http://127.0.0.1:")
        _http_on_localhost_only(c, dashboard=True)


@pytest.mark.parametrize("spec", ["local:0", "locl", "local:x"])
def test_scheduler_rejects_unknown_spec(spec):
    with pytest.raises(ValueError, match="local:N"), scale.scheduler(spec):
        pass


def test_cli_scheduler_option(cluster, capsys):
    from mediakit.cli import main

    assert main(["quotes", str(S400), "--format", "csv"]) == 0
    plain = capsys.readouterr().out
    assert main(["quotes", str(S400), "--format", "csv", "--scheduler", cluster.scheduler_address]) == 0
    dask_out = capsys.readouterr().out
    assert sorted(plain.splitlines()) == sorted(dask_out.splitlines())
    assert main(["terms", str(S400), "--format", "csv", "--top", "5"]) == 0
    plain = capsys.readouterr().out
    assert main(["terms", str(S400), "--format", "csv", "--top", "5", "--scheduler", cluster.scheduler_address]) == 0
    assert capsys.readouterr().out == plain
    assert main(["reuse", str(S400), "--scheduler", "bogus"]) == 1
    assert "local:N" in capsys.readouterr().err


# ---------------------------------------------------------------- distinctive terms (tree-reduced counts)
@pytest.mark.parametrize("kw", [
    {},
    {"method": "g2", "top": 15, "ngram_range": (1, 2), "min_df": 2},
    {"pair": ("Volga Wire", "Potomac Herald"), "prior": 0.5, "variance": "full", "max_features": 300},
    {"by": "language", "method": "chi2", "stop_words": None, "fold_diacritics": True},
])
def test_distinctive_terms_equal(corpus, dcorpus, kw):
    kw = dict(kw)
    by = kw.pop("by", "outlet")
    a = mk.distinctive_terms(corpus, by, **kw)
    b = mk.distinctive_terms(dcorpus, by, **kw)
    assert len(a) > 20
    same(a, b, ["group", "term"])
    assert b.attrs["analysis"] == "distinctive_terms" and b.attrs["by"] == by


def test_distinctive_terms_discount_reuse_and_limits(corpus, dcorpus):
    reuse = mk.find_reuse(corpus)
    same(mk.distinctive_terms(corpus, discount_reuse=reuse, top=10),
         mk.distinctive_terms(dcorpus, discount_reuse=reuse, top=10), ["group", "term"])
    with pytest.raises(ValueError, match="n_boot"):
        mk.distinctive_terms(dcorpus, n_boot=10)



def test_one_signature_engine_options_apart(dcorpus):
    """Analysis parameters are the pandas function's; engine options are not accepted by mk.<name>."""
    with pytest.raises(TypeError, match="npartitions"):
        mk.find_reuse(dcorpus, npartitions=4)
    with pytest.raises(TypeError, match="persist"):
        mk.extract_quotes(dcorpus, persist=False)
    with pytest.raises(ValueError, match="minhash"):
        mk.find_reuse(dcorpus, candidates="minhash")
    with pytest.raises(ValueError, match="'date'"):
        mk.coverage_timeline(dcorpus[["article_id", "text"]])


def test_analysis_modules_refuse_dask_with_a_pointer(dcorpus):
    from mediakit import reuse, timeline

    with pytest.raises(TypeError, match=r"mk\.find_reuse"):
        reuse.find_reuse(dcorpus)
    with pytest.raises(TypeError, match=r"mk\.coverage_timeline"):
        timeline.coverage_timeline(dcorpus)


def test_engine_runs_any_registered_analysis_with_tree_merge(corpus, dcorpus):
    """An Analysis record runs the same way on pandas (one partition) and on Dask (a tree of partials)."""
    from mediakit.analysis import Analysis, run_local

    def words(part, **_):
        return part.groupby("outlet")["text"].apply(lambda t: int(t.str.split().str.len().sum()))

    def total(parts):
        return pd.concat(parts).groupby(level=0).sum() if parts else pd.Series(dtype="int64")

    def table(s, *, rows, context, **_):
        out = s.rename("words").reset_index()
        out.attrs["groups"] = len(out)
        return out

    a = Analysis("words_per_outlet", partition=words, merge=total, finalize=table)
    local = run_local(a, corpus)
    assert local["words"].sum() == corpus["text"].str.split().str.len().sum()
    same(local, scale.run(a, dcorpus, split_every=2), ["outlet"])


def test_analysis_functions_accept_a_dask_dataframe(corpus, dcorpus):
    """mk.distinctive_terms, score_frames, extract_quotes, coverage_timeline and find_reuse take Dask input
    and return pandas tables, as on a pandas corpus."""
    for name in ("coverage_timeline", "distinctive_terms", "score_frames", "extract_quotes", "find_reuse"):
        assert type(getattr(mk, name)(dcorpus)) is pd.DataFrame, name
    same(mk.coverage_timeline(dcorpus, "M"), mk.coverage_timeline(corpus, "M"), ["period", "outlet"])
    same(mk.distinctive_terms(dcorpus, top=5), mk.distinctive_terms(corpus, top=5), ["group", "term"])
