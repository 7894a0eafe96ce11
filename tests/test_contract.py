"""The output contract (docs/contract.md), checked for every public analysis in one parametrised test.

Each case names a public function of ``mk``, how to call it on a small corpus (a slice of data/s400 with the
s400 story pack where the analysis needs story data), whether its table is grouped, and how its input can
lack a column. A new public analysis joins ``CASES``.
"""

from __future__ import annotations

import inspect
import json
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pytest

import mediakit as mk

from .conftest import S400

OFFSET_SUFFIXES = ("start", "end")


@pytest.fixture(scope="module")
def small() -> pd.DataFrame:
    """Four articles from each of three outlets (dated, English), enough for every analysis to have data."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = mk.load_corpus(S400)
    corpus = corpus[corpus["language"] == "en"]
    keep = corpus["outlet"].value_counts().index[:3]
    return (corpus[corpus["outlet"].isin(keep)].groupby("outlet", group_keys=False).head(5)
            .reset_index(drop=True))


@pytest.fixture(scope="module")
def derived(small) -> dict[str, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reuse = mk.find_reuse(small)
        return {"corpus": small, "scores": mk.score_frames(small), "quotes": mk.extract_quotes(small),
                "reuse": reuse, "sim": mk.outlet_similarity(small, discount_reuse=reuse)}


@dataclass
class Case:
    name: str
    call: Callable[[dict[str, pd.DataFrame]], pd.DataFrame]
    grouped: bool = False
    needs: str = "corpus"                      # which input the first argument is
    drop: str | None = "text"                  # a column whose absence must raise ColumnError
    random: bool = False                       # takes random_state
    matrix: bool = False                       # a square matrix: its labels are the groups present
    n_boot: int | None = None                  # the documented default, where the function bootstraps
    extra: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return self.name


CASES = [
    Case("distinctive_terms", lambda d: mk.distinctive_terms(d["corpus"], top=5), grouped=True, random=True,
         n_boot=0),
    Case("kwic", lambda d: mk.kwic(d["corpus"], "Turkey")),
    Case("collocations", lambda d: mk.collocations(d["corpus"], "Turkey", by="outlet", min_count=1), grouped=True),
    Case("naming_table", lambda d: mk.naming_table(d["corpus"], "s400"), grouped=True),
    Case("naming_matches", lambda d: mk.naming_matches(d["corpus"], "s400")),
    Case("score_frames", lambda d: mk.score_frames(d["corpus"])),
    Case("article_frames", lambda d: mk.article_frames(d["corpus"])),
    Case("frame_profile", lambda d: mk.frame_profile(d["scores"], n_boot=20), grouped=True,
         needs="scores", drop="frame", random=True, n_boot=1000),
    Case("frame_difference_test", lambda d: mk.frame_difference_test(d["scores"], n_perm=20),
         needs="scores", drop="frame", random=True),
    Case("tone_toward", lambda d: mk.tone_toward(d["corpus"], "s400", n_boot=20), grouped=True, random=True,
         n_boot=1000),
    Case("actor_mentions", lambda d: mk.actor_mentions(d["corpus"], "s400")),
    Case("extract_quotes", lambda d: mk.extract_quotes(d["corpus"])),
    Case("speaker_table", lambda d: mk.speaker_table(d["quotes"]), grouped=True, needs="quotes",
         drop="speaker_canonical"),
    Case("source_profile", lambda d: mk.source_profile(d["quotes"], n_boot=20), grouped=True, needs="quotes",
         drop="speaker_type", random=True, n_boot=1000),
    Case("find_reuse", lambda d: mk.find_reuse(d["corpus"])),
    Case("original_share", lambda d: mk.original_share(d["corpus"], d["reuse"])),
    Case("reused_spans", lambda d: mk.reused_spans(d["corpus"], d["reuse"]), needs="reuse", drop="target_id"),
    Case("outlet_similarity", lambda d: mk.outlet_similarity(d["corpus"], discount_reuse=d["reuse"]),
         matrix=True),
    Case("coverage_timeline", lambda d: mk.coverage_timeline(d["corpus"]), grouped=True, drop="date"),
    Case("first_reports", lambda d: mk.first_reports(d["corpus"], "s400"), grouped=True, drop="date"),
]


def _offset_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if isinstance(c, str) and (c in OFFSET_SUFFIXES or c.endswith(
        tuple("_" + s for s in OFFSET_SUFFIXES)))]


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_contract(case: Case, derived):
    fn = getattr(mk, case.name)
    sig = inspect.signature(fn)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = case.call(derived)

    # a pandas table
    assert isinstance(out, pd.DataFrame), f"{case.name} returned {type(out).__name__}"
    assert len(out), f"{case.name} found nothing on the test corpus: the case checks too little"

    # groups: one column name, attrs["by"] says which corpus column
    if case.grouped:
        assert "group" in out.columns, f"{case.name}: grouped table without a 'group' column: {list(out.columns)}"
        assert out.attrs.get("by") == "outlet", f"{case.name}: attrs['by'] is {out.attrs.get('by')!r}"

    # offsets: nullable Int64, never -1
    for col in _offset_columns(out):
        assert str(out[col].dtype) == "Int64", f"{case.name}.{col} is {out[col].dtype}, not Int64"
        assert not (out[col].dropna() < 0).any(), f"{case.name}.{col} has negative offsets"
    if "sentence" in out.columns:
        assert str(out["sentence"].dtype) == "Int64", f"{case.name}.sentence is {out['sentence'].dtype}"

    # attrs: parameters only, small and JSON-serialisable, with the analysis' name
    assert out.attrs.get("analysis") == case.name, f"{case.name}: attrs['analysis'] = {out.attrs.get('analysis')!r}"
    for key, value in out.attrs.items():
        assert not isinstance(value, pd.DataFrame | pd.Series), f"{case.name}: attrs[{key!r}] holds a table"
        json.dumps(value, default=str)
    assert len(json.dumps(out.attrs, default=str)) < 20_000, f"{case.name}: attrs too large"

    # randomness: random_state, never seed; the documented n_boot default
    assert "seed" not in sig.parameters, f"{case.name} still takes seed=; use random_state="
    if case.random:
        assert "random_state" in sig.parameters, f"{case.name} lacks random_state="
    if case.n_boot is not None:
        assert sig.parameters["n_boot"].default == case.n_boot, (
            f"{case.name}: n_boot default {sig.parameters['n_boot'].default}, contract says {case.n_boot}")

    # a missing column: one exception type, one line naming the function and the column
    if case.drop is not None:
        broken = dict(derived)
        broken[case.needs] = derived[case.needs].drop(columns=[case.drop])
        with pytest.raises(mk.ColumnError) as err:
            case.call(broken)
        message = str(err.value)
        assert "\n" not in message and case.drop in message, message

    # empty input: an empty table with the same columns
    if case.needs == "corpus":
        empty = dict(derived)
        empty["corpus"] = derived["corpus"].iloc[:0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            none = case.call(empty)
        assert isinstance(none, pd.DataFrame) and len(none) == 0, f"{case.name} on no articles"
        if not case.matrix:
            assert list(none.columns) == list(out.columns), f"{case.name}: empty result has other columns"


def test_every_random_public_function_takes_random_state():
    for name in mk.__all__:
        obj = getattr(mk, name)
        if callable(obj) and not inspect.isclass(obj):
            params = inspect.signature(obj).parameters
            assert "seed" not in params, f"mk.{name} takes seed=; the contract says random_state="
