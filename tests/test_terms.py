"""Tests of mediakit.terms: statistics recomputed by hand, naming, KWIC, collocations, CLI, charts."""

from __future__ import annotations

import io
import math
import re
from collections import Counter

import matplotlib
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mediakit.cli import main
from mediakit.terms import (
    collocations,
    compile_pattern,
    distinctive_terms,
    kwic,
    load_lexicon,
    naming_matches,
    naming_table,
    suggest_variants,
)

from .conftest import S400, write

matplotlib.use("Agg")

TOL = 1e-9

# A tiny corpus of bare lower-case words, so the counts can be taken by hand with str.split().
TINY = pd.DataFrame({
    "article_id": ["a1", "a2", "b1", "b2", "c1", "c2"],
    "outlet": ["A", "A", "B", "B", "C", "C"],
    "text": ["restrictions restrictions deal", "restrictions deal talks",
             "sanctions deal", "sanctions sanctions penalties deal",
             "deal talks talks", "sanctions talks"],
})
PLAIN = {"stop_words": None, "min_docs": 1}


def _counts(df: pd.DataFrame) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for g, text in zip(df["outlet"], df["text"]):
        out.setdefault(g, Counter()).update(text.split())
    return out


def _row(out: pd.DataFrame, group: str, term: str) -> pd.Series:
    r = out[(out["group"] == group) & (out["term"] == term)]
    assert len(r) == 1, (group, term)
    return r.iloc[0]


def _log_odds_by_hand(yi, yj, ni, nj, a, a0):
    delta = math.log((yi + a) / (ni + a0 - yi - a)) - math.log((yj + a) / (nj + a0 - yj - a))
    return delta, delta / math.sqrt(1 / (yi + a) + 1 / (yj + a))


# ---------------------------------------------------------------- log-odds (Monroe, Colaresi & Quinn 2008)
@pytest.mark.parametrize("prior_scale", [None, 10.0])
def test_log_odds_each_vs_rest_matches_hand_computation(prior_scale):
    out = distinctive_terms(TINY, prior_scale=prior_scale, **PLAIN)
    counts = _counts(TINY)
    corpus = sum(counts.values(), Counter())
    n = sum(corpus.values())
    a0 = n if prior_scale is None else prior_scale
    checked = 0
    for g, c in counts.items():
        ni = sum(c.values())
        for term in corpus:
            yi, yj = c[term], corpus[term] - c[term]
            if yi + yj == 0:
                continue
            alpha = a0 * corpus[term] / n
            delta, z = _log_odds_by_hand(yi, yj, ni, n - ni, alpha, a0)
            row = _row(out, g, term)
            assert abs(row["score"] - delta) < TOL and abs(row["z"] - z) < TOL
            assert row["count"] == yi and row["count_other"] == yj and row["other"] == "rest"
            assert row["total"] == ni and row["total_other"] == n - ni
            assert abs(row["p"] - 2 * stats.norm.sf(abs(z))) < TOL
            checked += 1
    assert checked == len(out) == 3 * len(corpus)
    assert out.attrs["method"] == "log_odds" and out.attrs["prior"] == "corpus"
    assert out.attrs["prior_scale"] == a0


def test_log_odds_full_variance_option():
    out = distinctive_terms(TINY, variance="full", **PLAIN)
    counts = _counts(TINY)
    corpus = sum(counts.values(), Counter())
    n, na = sum(corpus.values()), sum(counts["A"].values())
    for term in corpus:
        yi, yj, a = counts["A"][term], corpus[term] - counts["A"][term], corpus[term]
        delta, _ = _log_odds_by_hand(yi, yj, na, n - na, a, n)
        var = 1 / (yi + a) + 1 / (na + n - yi - a) + 1 / (yj + a) + 1 / (n - na + n - yj - a)
        row = _row(out, "A", term)
        assert abs(row["score"] - delta) < TOL and abs(row["z"] - delta / math.sqrt(var)) < TOL
    assert out.attrs["variance"] == "full"
    with pytest.raises(ValueError, match="variance='exact' is not known"):
        distinctive_terms(TINY, variance="exact")


def test_log_odds_flat_and_background_priors():
    counts = _counts(TINY)
    corpus = sum(counts.values(), Counter())
    n, na = sum(corpus.values()), sum(counts["A"].values())
    flat = distinctive_terms(TINY, prior=0.5, **PLAIN)
    row = _row(flat, "A", "restrictions")
    delta, z = _log_odds_by_hand(3, 0, na, n - na, 0.5, 0.5 * len(corpus))
    assert abs(row["score"] - delta) < TOL and abs(row["z"] - z) < TOL
    assert flat.attrs["prior"] == "uniform(0.5)"

    background = pd.DataFrame({"text": ["deal deal deal sanctions", "talks unrelated"]})
    bg = distinctive_terms(TINY, prior=background, **PLAIN)
    raw = {t: Counter(["deal", "deal", "deal", "sanctions", "talks", "unrelated"])[t] + 1 for t in corpus}  # +1 each
    a0 = sum(raw.values())
    ya = counts["A"]["deal"]
    delta, z = _log_odds_by_hand(ya, corpus["deal"] - ya, na, n - na, raw["deal"], a0)
    row = _row(bg, "A", "deal")
    assert abs(row["score"] - delta) < TOL and abs(row["z"] - z) < TOL
    by_mapping = distinctive_terms(TINY, prior={"deal": 3, "sanctions": 1, "talks": 1}, **PLAIN)
    assert abs(_row(by_mapping, "A", "deal")["z"] - z) < TOL


def test_pair_compares_two_groups_and_mirrors():
    out = distinctive_terms(TINY, pair=("A", "B"), **PLAIN)
    counts = _counts(TINY)
    corpus = sum(counts.values(), Counter())
    n = sum(corpus.values())
    na, nb = sum(counts["A"].values()), sum(counts["B"].values())
    assert set(out["group"]) == {"A", "B"} and set(out["other"]) == {"A", "B"}
    for term in set(counts["A"]) | set(counts["B"]):
        delta, z = _log_odds_by_hand(counts["A"][term], counts["B"][term], na, nb, corpus[term], n)
        ra, rb = _row(out, "A", term), _row(out, "B", term)
        assert abs(ra["score"] - delta) < TOL and abs(ra["z"] - z) < TOL
        assert abs(rb["score"] + delta) < TOL and abs(rb["z"] + z) < TOL
        assert ra["count_other"] == rb["count"]
    assert set(out[out.group == "A"].term) == set(counts["A"]) | set(counts["B"])     # C's words play no part
    with pytest.raises(ValueError, match="not found in column 'outlet'"):
        distinctive_terms(TINY, pair=("A", "Z"), **PLAIN)


# ---------------------------------------------------------------- keyness: G2 and chi2
@pytest.mark.parametrize("method", ["g2", "chi2"])
def test_keyness_matches_hand_computation_and_scipy(method):
    out = distinctive_terms(TINY, method=method, **PLAIN)
    counts = _counts(TINY)
    corpus = sum(counts.values(), Counter())
    n = sum(corpus.values())
    for g, c in counts.items():
        ni = sum(c.values())
        for term in corpus:
            a, b = c[term], corpus[term] - c[term]
            table = [[a, b], [ni - a, (n - ni) - b]]
            rows, cols = [a + b, n - a - b], [ni, n - ni]
            stat = 0.0
            for i in range(2):
                for j in range(2):
                    o, e = table[i][j], rows[i] * cols[j] / n
                    stat += (2 * o * math.log(o / e) if o > 0 else 0.0) if method == "g2" else (o - e) ** 2 / e
            ref = stats.chi2_contingency(table, correction=False,
                                         lambda_="log-likelihood" if method == "g2" else None)[0]
            assert abs(stat - ref) < 1e-9
            sign = 1 if a / ni > b / (n - ni) else -1 if a / ni < b / (n - ni) else 0
            row = _row(out, g, term)
            assert abs(row["score"] - sign * stat) < TOL
            assert abs(row["z"] - sign * math.sqrt(stat)) < TOL
            assert abs(row["p"] - stats.chi2.sf(stat, 1)) < TOL
            lr = math.log2(((a or 0.5) / ni) / ((b or 0.5) / (n - ni)))        # Hardie 2014
            assert abs(row["log_ratio"] - lr) < TOL
    with pytest.raises(ValueError, match="log_odds"):
        distinctive_terms(TINY, method=method, prior=0.5)


def test_output_contract_and_ordering():
    out = distinctive_terms(TINY, **PLAIN)
    assert list(out.columns[:6]) == ["group", "term", "count", "count_other", "score", "z"]   # DESIGN.md contract
    assert {"other", "docs", "docs_other", "total", "total_other", "log_ratio", "p"} <= set(out.columns)
    for _, g in out.groupby("group"):
        assert (np.diff(g["z"].to_numpy()) <= 1e-12).all()           # descending z within a group
    with pytest.raises(ValueError, match="method='pmi' is not known"):
        distinctive_terms(TINY, method="pmi")
    from mediakit.vectorize import make_vectorizer

    with pytest.raises(ValueError, match="needs term counts"):
        distinctive_terms(TINY, vectorizer=make_vectorizer("tfidf"))


def test_document_frequency_and_min_docs():
    df = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
                       "text": ["rant rant rant rant rant rant deal", "deal words", "deal", "deal words"]})
    loose = distinctive_terms(df, stop_words=None, min_docs=1)
    assert _row(loose, "A", "rant")["docs"] == 1 and _row(loose, "A", "rant")["z"] > 0
    strict = distinctive_terms(df, stop_words=None, min_docs=2)
    assert "rant" not in set(strict["term"])                          # one article cannot make it distinctive
    row = _row(strict, "B", "deal")
    assert row["docs"] == 2 and row["docs_other"] == 2
    # a negative row is kept only when the other side has the documents
    assert all((r.z >= 0 and r.docs >= 2) or (r.z < 0 and r.docs_other >= 2) for r in strict.itertuples())


def test_top_keeps_positive_rows_and_collapses_nested_ngrams():
    df = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
                       "text": ["rhine radio said", "rhine radio said more", "other words said", "other words"]})
    out = distinctive_terms(df, stop_words=None, ngram_range=(1, 2), top=3)
    a = out[out.group == "A"]
    assert (a["z"] > 0).all() and len(a) <= 3
    assert "rhine radio" in set(a.term) and not {"rhine", "radio"} & set(a.term)
    raw = distinctive_terms(df, stop_words=None, ngram_range=(1, 2), top=3, collapse_ngrams=False)
    assert len(raw[raw.group == "A"]) == 3 and {"rhine", "radio"} <= set(raw[raw.group == "A"].term)
    assert out.attrs["vectorizer"]["ngram_range"] == (1, 2)        # vectoriser settings pass through


# ---------------------------------------------------------------- bootstrap over articles
def test_bootstrap_collapses_when_articles_are_identical():
    df = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3,
                       "text": ["sanctions deal deal"] * 3 + ["restrictions deal"] * 3})
    for method in ("log_odds", "g2"):
        out = distinctive_terms(df, method=method, n_boot=25, **PLAIN)
        assert np.allclose(out["ci_low"], out["score"], atol=1e-9)
        assert np.allclose(out["ci_high"], out["score"], atol=1e-9)


def test_bootstrap_replicate_is_the_statistic_on_a_resampled_corpus():
    # n_boot=1: the interval is that one replicate. Redraw it with the documented scheme (per group in
    # sorted order, articles drawn with replacement) and recompute the statistic on the resampled corpus.
    seed = 7
    for method in ("log_odds", "chi2"):
        out = distinctive_terms(TINY, method=method, n_boot=1, random_state=seed, **PLAIN)
        rng = np.random.default_rng(seed)
        rows = []
        for g in sorted(TINY["outlet"].unique()):
            members = TINY[TINY.outlet == g]
            draws = np.bincount(rng.integers(0, len(members), len(members)), minlength=len(members))
            for (_, art), k in zip(members.iterrows(), draws):
                rows += [art] * int(k)
        resampled = pd.DataFrame(rows).reset_index(drop=True).drop(columns="article_id")  # ids repeat
        again = distinctive_terms(resampled, method=method, **PLAIN)
        checked = 0
        for r in out.itertuples():
            match = again[(again.group == r.group) & (again.term == r.term)]
            if len(match):                     # terms the resample lost entirely have no row to compare
                expected = match["score"].iloc[0]
                assert abs(r.ci_low - expected) < TOL and abs(r.ci_high - expected) < TOL
                checked += 1
        assert checked >= len(out) // 2


def test_bootstrap_interval_is_reproducible_and_brackets_the_estimate():
    df = load_s400()
    a = distinctive_terms(df, top=5, n_boot=60, random_state=1)
    b = distinctive_terms(df, top=5, n_boot=60, random_state=1)
    assert a[["ci_low", "ci_high"]].equals(b[["ci_low", "ci_high"]])
    assert (a["ci_low"] <= a["ci_high"]).all()
    inside = ((a["ci_low"] <= a["score"] + 1e-12) & (a["score"] <= a["ci_high"] + 1e-12)).mean()
    assert inside > 0.9
    assert a.attrs["n_boot"] == 60 and a.attrs["ci"] == 0.95


# ---------------------------------------------------------------- reuse discounting
def test_discount_reuse_counts_a_wire_story_once():
    wire = "Officials announced restrictions on the agency today."
    df = pd.DataFrame({"article_id": ["w", "r", "o"], "outlet": ["Wire", "Reprint", "Other"],
                       "text": [wire, wire + " Local reaction was calm.", "Sanctions were imposed on the agency."]})
    reuse = pd.DataFrame({"source_id": ["w"], "target_id": ["r"], "source_start": [0], "source_end": [len(wire)],
                          "target_start": [0], "target_end": [len(wire)], "similarity": [1.0],
                          "same_outlet": [False]})
    plain = distinctive_terms(df, **PLAIN)
    disc = distinctive_terms(df, discount_reuse=reuse, **PLAIN)
    assert _row(plain, "Reprint", "restrictions")["count"] == 1
    assert _row(disc, "Reprint", "restrictions")["count"] == 0
    assert _row(disc, "Wire", "restrictions")["count_other"] == 0
    assert _row(disc, "Reprint", "calm")["count"] == 1
    assert disc.attrs["discount_reuse"] == "find_reuse table"


# ---------------------------------------------------------------- naming
LEX = {"name": "test", "concepts": {
    "sanctions": {"label": "the measures", "variants": {
        "restrictions": ["restrictions"], "CAATSA sanctions": ["CAATSA sanctions"],
        "sanctions": ["sanctions", "yaptırım*"]},
        "exclude": ["Through Sanctions Act"]},
    "us": {"variants": {"US": ["US"], "United States": ["United States"]}},
    "agency": {"variants": {"SSB": ["SSB"], "Turkish name": ["Savunma Sanayii Baskanligi"]}},
}}
NAMING = pd.DataFrame({
    "article_id": ["x1", "x2", "y1"], "outlet": ["X", "X", "Y"],
    "text": ["The US imposed restrictions. They told us the United States would act.",
             "More restrictions and CAATSA sanctions under the Countering America's Adversaries Through Sanctions Act.",
             "ABD, Savunma Sanayii Başkanlığı'na yaptırımları uyguladı; SSB sanctions."],
})


def test_naming_matches_offsets_longest_match_exclusions_case_and_diacritics():
    m = naming_matches(NAMING, LEX)
    texts = NAMING.set_index("article_id")["text"]
    for r in m.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.match
    x2 = m[(m.article_id == "x2") & (m.concept == "sanctions")]
    assert x2["variant"].tolist() == ["restrictions", "CAATSA sanctions"]     # not also "sanctions"; law excluded
    us = m[(m.article_id == "x1") & (m.concept == "us")]
    assert us["match"].tolist() == ["US", "United States"]                    # "us" is not "US"
    y1 = m[m.article_id == "y1"]
    assert "Savunma Sanayii Başkanlığı" in y1["match"].tolist()               # diacritics ignored
    assert "yaptırımları" in y1["match"].tolist()                             # glob over Turkish suffixes


def test_naming_table_counts_shares_and_context_links():
    t = naming_table(NAMING, LEX)
    assert len(t) == (3 + 2 + 2) * 2                                          # every variant x group
    x = t[(t.concept == "sanctions") & (t.group == "X")].set_index("variant")
    assert x.loc["restrictions", "count"] == 2 and x.loc["restrictions", "docs"] == 2
    assert abs(x.loc["restrictions", "share"] - 2 / 3) < TOL and x["share"].sum() == pytest.approx(1.0)
    y_us = t[(t.concept == "us") & (t.group == "Y")]
    assert y_us["count"].sum() == 0 and y_us["share"].isna().all()
    texts = NAMING.set_index("article_id")["text"]
    for r in t[t["count"] > 0].itertuples():
        assert texts[r.example_id][r.example_start:r.example_end] in r.example
    assert t.attrs["lexicon"] == "test"


def test_lexicon_from_yaml_file_and_errors(tmp_path):
    path = write(tmp_path / "lex.yaml", "name: mine\nconcepts:\n  deal:\n    variants:\n      contract: [contract*]\n")
    t = naming_table(pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["Two contracts."]}), path)
    assert t.loc[0, "count"] == 1 and t.attrs["lexicon"] == "mine"
    with pytest.raises(ValueError, match="no lexicon 'nope'"):
        load_lexicon("nope")
    with pytest.raises(ValueError, match="needs a 'variants' mapping"):
        load_lexicon({"concepts": {"x": {"label": "y"}}})
    with pytest.raises(ValueError, match="not in the lexicon"):
        naming_table(NAMING, LEX, concepts=["weather"])


def test_s400_lexicon_finds_the_planted_naming_differences():
    t = naming_table(load_s400(), "s400")
    share = t.set_index(["concept", "group", "variant"])["share"]
    top = t.sort_values("count", ascending=False).groupby(["concept", "group"]).head(1).set_index(["concept", "group"])
    assert top.loc[("sanctions", "Volga Wire"), "variant"] == "restrictions"
    assert share[("sanctions", "Potomac Herald", "CAATSA penalties")] > 0.2
    assert share[("sanctions", "Anatolian Courier", "unilateral sanctions")] > 0.1
    assert top.loc[("system", "Bosphorus Ledger"), "variant"] == "Russian missiles"
    assert top.loc[("system", "Rhine Radio International"), "variant"] == "air defence system"
    assert top.loc[("system", "Potomac Herald"), "variant"] == "missile defense system"
    assert top.loc[("agency", "Volga Wire"), "variant"] == "Defense Industry Directorate"
    assert share[("united_states", "Potomac Herald", "US")] == 0 and share[("united_states", "Potomac Herald", "U.S.")] > 0


def _reference_naming(articles: pd.DataFrame, lex: dict, by: str = "outlet") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The straightforward reading of the naming spec: per concept one alternation (exclusions, then patterns
    longest first; the first alternative matching at the leftmost position wins) run with finditer over every
    text; the table by filtering the matches once per concept x group x variant."""
    rows = []
    for concept, spec in lex["concepts"].items():
        pairs = [("", p) for p in spec.get("exclude") or ()]
        pairs += sorted(((v, p) for v, ps in spec["variants"].items() for p in ps), key=lambda vp: -len(vp[1]))
        rx = re.compile("|".join(f"(?P<g{i}>{compile_pattern(p, 'glob', fold_diacritics=True).pattern})"
                                 for i, (_v, p) in enumerate(pairs)))
        for aid, grp, text in zip(articles["article_id"], articles[by], articles["text"]):
            for m in rx.finditer(text):
                variant = pairs[int(m.lastgroup[1:])][0]
                if variant:
                    rows.append((aid, grp, concept, variant, m.start(), m.end(), m.group()))
    matches = pd.DataFrame(rows, columns=["article_id", by, "concept", "variant", "start", "end", "match"])
    table = []
    for concept, spec in lex["concepts"].items():
        for grp in sorted(articles[by].unique()):
            mg = matches[(matches.concept == concept) & (matches[by] == grp)]
            for variant in spec["variants"]:
                mv = mg[mg.variant == variant]
                table.append((concept, variant, grp, len(mv), mv.article_id.nunique(),
                              len(mv) / len(mg) if len(mg) else np.nan, len(mg),
                              mv.article_id.iloc[0] if len(mv) else None,
                              int(mv.start.iloc[0]) if len(mv) else pd.NA, int(mv.end.iloc[0]) if len(mv) else pd.NA))
    table = pd.DataFrame(table, columns=["concept", "variant", "group", "count", "docs", "share", "concept_count",
                                         "example_id", "example_start", "example_end"])
    return matches, table.astype({"example_start": "Int64", "example_end": "Int64"})


def test_fast_naming_scanner_equals_the_straightforward_reference_on_s400():
    corpus = load_s400()
    lex = load_lexicon("s400")
    ref_matches, ref_table = _reference_naming(corpus, lex)
    m = naming_matches(corpus, "s400")
    cols = ["article_id", "outlet", "concept", "variant", "start", "end", "match"]
    assert len(m) == len(ref_matches) > 1000
    pd.testing.assert_frame_equal(m[cols].reset_index(drop=True), ref_matches, check_dtype=False)
    texts = corpus.set_index("article_id")["text"]
    assert all(texts[a][s:e] == x for a, s, e, x in zip(m.article_id, m.start, m.end, m.match))
    t = naming_table(corpus, "s400")
    pd.testing.assert_frame_equal(t[ref_table.columns].reset_index(drop=True), ref_table, check_dtype=False)
    assert t["count"].sum() == len(ref_matches)


def test_fast_naming_scanner_equals_the_reference_on_tricky_patterns():
    lex = {"concepts": {"x": {"variants": {"a": ["U.S.", "S"], "b": ["Sa?ctions", "s*", "Türkiye'*"]},
                              "exclude": ["T"]},
                        "y": {"variants": {"c": ["US", "ABD'*"], "d": ["S-400'ler*", "ſanctions"]}}}}
    df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
                       "text": ["U.S. and US; US-backed SSB'nin S-400'ler Sanctions T Türkiye’ye ABD'nin",
                                "Through Sanctions Act T, ſanctions SANCTIONS sactions"]})
    ref_matches, ref_table = _reference_naming(df, lex)
    m = naming_matches(df, lex)
    pd.testing.assert_frame_equal(m[ref_matches.columns].reset_index(drop=True), ref_matches, check_dtype=False)
    t = naming_table(df, lex)
    pd.testing.assert_frame_equal(t[ref_table.columns].reset_index(drop=True), ref_table, check_dtype=False)


def test_suggest_variants_finds_a_substitute_name():
    texts = [f"On {d} the US imposed {w} on the agency and Ankara rejected the {w} at once."
             for d, w in [("Monday", "sanctions"), ("Tuesday", "sanctions"), ("Friday", "restrictions"),
                          ("Sunday", "restrictions"), ("Monday", "sanctions")]]
    texts += ["The agency built a new factory near Ankara.", "Talks on the factory went on at once."]
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "outlet": ["X"] * len(texts),
                       "text": texts})
    lex = {"concepts": {"measures": {"variants": {"sanctions": ["sanctions"]}}}}
    s = suggest_variants(df, "measures", lexicon=lex, stop_words=None, top=5)
    assert s.iloc[0]["candidate"] == "restrictions" and s.iloc[0]["count"] == 4
    assert "sanctions" not in set(s["candidate"])
    r = s.iloc[0]
    assert df.set_index("article_id").loc[r.example_id, "text"][r.example_start:r.example_end] == "restrictions"


# ---------------------------------------------------------------- KWIC
KW = pd.DataFrame({"article_id": ["k1", "k2"], "outlet": ["X", "Y"],
                   "text": ["Zeta imposed restrictions on Ankara. The US\nimposed restrictions again.",
                            "Alpha saw restrictions. Sanctioned firms and new sanctions followed."]})


def test_kwic_offsets_and_contexts():
    k = kwic(KW, "imposed restrictions", window=2)
    assert len(k) == 2                                                  # matches across a line break too
    texts = KW.set_index("article_id")["text"]
    for r in k.itertuples():
        t = texts[r.article_id]
        assert t[r.start:r.end] == r.match and t[r.left_start:r.start] == r.left and t[r.end:r.right_end] == r.right
    assert k.loc[0, "left"] == "Zeta " and k.loc[0, "right"] == " on Ankara"
    assert kwic(KW, "restrictions", window=0).loc[0, "left"] == ""


def test_kwic_glob_regex_case_and_sorting():
    assert kwic(KW, "sanction*", kind="glob")["match"].tolist() == ["Sanctioned", "sanctions"]
    assert kwic(KW, r"sanction\w*", kind="regex")["match"].tolist() == ["sanctions"]        # regex: as written
    assert len(kwic(KW, "US")) == 1 and len(kwic(KW, "us", case=True)) == 0 and len(kwic(KW, "us")) == 1
    caps = pd.DataFrame({"article_id": ["c"], "outlet": ["X"], "text": ["They told us so."]})
    assert len(kwic(caps, "US")) == 0 and len(kwic(caps, "US", case=False)) == 1   # capitals match exactly
    right = kwic(KW, "restrictions", sort="right", window=1)["right"].str.strip(" .").str.lower().tolist()
    assert right == ["again", "on", "sanctioned"]
    left = kwic(KW, "restrictions", sort="left", window=1)
    assert left["left"].str.strip().str.lower().tolist() == ["imposed", "imposed", "saw"]
    with pytest.raises(ValueError, match="does not compile"):
        kwic(KW, "(", kind="regex")


# ---------------------------------------------------------------- collocations
def test_collocations_counts_pmi_and_g2_by_hand():
    df = pd.DataFrame({"outlet": ["X", "X"],
                       "text": ["new sanctions hit firms. new sanctions hit banks", "old sanctions and firms"]})
    c = collocations(df, "sanctions", window=1, min_count=1, stop_words=None)
    tokens = ["new", "sanctions", "hit", "firms", "new", "sanctions", "hit", "banks", "old", "sanctions", "and", "firms"]
    n = len(tokens)
    slots = 6                                                           # 3 nodes x (1 left + 1 right)
    row = c.set_index("collocate").loc["new"]
    o, cc = 2, Counter(tokens)["new"]
    e = slots * cc / n
    assert row["count"] == o and row["node_count"] == 3 and row["window_tokens"] == slots and row["tokens"] == n
    assert abs(row["expected"] - e) < TOL and abs(row["pmi"] - math.log2(o / e)) < TOL
    table = [[o, slots - o], [cc - o, n - slots - cc + o]]
    assert abs(row["g2"] - stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]) < 1e-9
    by = collocations(load_s400(), "sanctions", by="outlet", min_count=2)
    assert set(by["group"]) <= set(load_s400()["outlet"]) and (by["count"] >= 2).all()


# ---------------------------------------------------------------- CLI = Python API
def test_cli_prints_the_same_numbers_as_the_api(capsys):
    assert main(["terms", str(S400), "--top", "5", "--method", "g2", "--format", "csv"]) == 0
    cli = pd.read_csv(io.StringIO(capsys.readouterr().out))
    api = distinctive_terms(load_s400(), method="g2", top=5)
    assert cli["term"].tolist() == api["term"].astype(str).tolist()
    for col in ("count", "count_other", "docs", "score", "z", "log_ratio", "p"):
        assert np.allclose(cli[col].to_numpy(float), api[col].to_numpy(float), rtol=0, atol=1e-12), col
    assert main(["terms", str(S400), "--pair", "Volga Wire", "Potomac Herald", "--top", "4", "--format", "json"]) == 0
    pair = pd.read_json(io.StringIO(capsys.readouterr().out))
    api = distinctive_terms(load_s400(), pair=("Volga Wire", "Potomac Herald"), top=4)
    assert pair["z"].to_numpy() == pytest.approx(api["z"].to_numpy(), abs=1e-12)
    assert set(pair["group"]) == {"Volga Wire", "Potomac Herald"}


# ---------------------------------------------------------------- charts
def test_scatter_labels_avoid_only_the_points_near_them():
    """adjustText's overlap test grows with the square of the points near a label; with every point of a real
    pair of outlets (6,000) it ran for minutes. Labels avoid their own points and the nearest others."""
    from mediakit.plotting.terms import _AVOID_PER_LABEL, _points_near_labels

    rng = np.random.default_rng(1)
    x, y = 10 ** rng.uniform(-1, 2, 6000), 10 ** rng.uniform(-1, 2, 6000)
    labelled = np.zeros(6000, dtype=bool)
    labelled[rng.choice(6000, 20, replace=False)] = True
    near = _points_near_labels(x, y, labelled)
    assert set(np.flatnonzero(labelled)) <= set(near.tolist())
    assert len(near) == len(set(near.tolist())) <= 20 * (_AVOID_PER_LABEL + 1)
    # the points kept for one label are its nearest: none left out is closer than the farthest kept
    i = int(np.flatnonzero(labelled)[0])
    dist = np.hypot(np.log10(x) - np.log10(x[i]), np.log10(y) - np.log10(y[i]))
    kept = np.sort(dist)[: _AVOID_PER_LABEL + 1]
    assert set(np.flatnonzero(dist <= kept[-1]).tolist()) <= set(near.tolist())


def test_charts_draw_and_label_without_overlap():
    from mediakit import plotting as mp

    df = load_s400()
    dt = distinctive_terms(df, top=4, n_boot=20)
    ax = mp.plot_distinctive_terms(dt)
    assert len(ax.patches) == len(mp.distinctive_terms_data(dt)) == (dt.z > 0).sum()
    assert ax.containers and any(type(c).__name__ == "ErrorbarContainer" for c in ax.containers)

    pair = distinctive_terms(df, pair=("Volga Wire", "Potomac Herald"))
    ax = mp.plot_term_scatter(pair, label_top=8)
    data = mp.term_scatter_data(pair, label_top=8)
    labels = [t for t in ax.texts if t.get_text() in set(data.loc[data.label, "term"])]
    assert len(labels) == data["label"].sum() == 16
    fig = ax.figure
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in labels]
    overlaps = sum(boxes[i].overlaps(boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))
    assert overlaps == 0
    ticks = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
    assert ticks and not any("$" in t or "mathdefault" in t for t in ticks)  # "100", not "$10^{2}$"

    nt = naming_table(df, "s400")
    ax = mp.plot_naming_heatmap(nt, "sanctions")
    hm = mp.naming_heatmap_data(nt, "sanctions")
    assert ax.images[0].get_array().shape == (hm.variant.nunique(), hm.group.nunique())
    assert sum(int(t.get_text()) for t in ax.texts if t.get_text().isdigit()) == hm["count"].sum()

    full = distinctive_terms(df, min_docs=1)
    ax = mp.plot_term_heatmap(full, terms=["restrictions", "sanctions", "SAMs"])
    assert ax.images[0].get_array().shape == (3, df.outlet.nunique())
    import matplotlib.pyplot as plt

    plt.close("all")


_S400_CACHE: list[pd.DataFrame] = []


def load_s400() -> pd.DataFrame:
    if not _S400_CACHE:
        import warnings

        from mediakit.corpus import load_corpus

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _S400_CACHE.append(load_corpus(S400))
    return _S400_CACHE[0].copy()


# ---------------------------------------------------------------- the output contract (docs/contract.md)
def test_contract_attrs_groups_and_int64_offsets():
    dt = distinctive_terms(TINY, top=2, **PLAIN)
    assert dt.attrs["analysis"] == "distinctive_terms" and dt.attrs["by"] == "outlet" and dt.attrs["n_boot"] == 0
    assert not {"timings", "n_terms", "articles_per_group", "n_articles"} & set(dt.attrs)   # parameters only
    k = kwic(NAMING, "restrictions", window=2)
    assert k.attrs["analysis"] == "kwic" and all(str(k[c].dtype) == "Int64"
                                                 for c in ("start", "end", "left_start", "right_end"))
    c = collocations(NAMING, "restrictions", by="outlet", min_count=1, stop_words=None)
    assert c.attrs["analysis"] == "collocations" and c.attrs["by"] == "outlet" and set(c["group"]) == {"X"}
    m = naming_matches(NAMING, LEX)
    assert m.attrs["analysis"] == "naming_matches" and str(m["start"].dtype) == "Int64"
    t = naming_table(NAMING, LEX)
    assert t.attrs["analysis"] == "naming_table" and t.attrs["by"] == "outlet"
    unseen = t[t["count"] == 0]
    assert str(t["example_start"].dtype) == "Int64" and unseen["example_start"].isna().all() and len(unseen)


@pytest.mark.parametrize("call", [
    lambda d: distinctive_terms(d, top=3, **PLAIN),
    lambda d: kwic(d, "restrictions"),
    lambda d: collocations(d, "restrictions", by="outlet"),
    lambda d: naming_matches(d, LEX),
    lambda d: naming_table(d, LEX),
    lambda d: suggest_variants(d, "sanctions", lexicon=LEX),
], ids=["distinctive_terms", "kwic", "collocations", "naming_matches", "naming_table", "suggest_variants"])
def test_empty_input_gives_empty_table_with_the_columns_and_missing_columns_raise(call):
    import warnings

    import mediakit as mk

    full = call(NAMING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        none = call(NAMING.iloc[:0])
    assert len(none) == 0 and list(none.columns) == list(full.columns)
    def kinds(df):  # text columns are object or pandas' str; numbers and offsets must agree exactly
        return ["text" if str(t) in ("object", "str") else str(t) for t in df.dtypes]

    assert kinds(none) == kinds(full)
    with pytest.raises(mk.ColumnError, match="'text'"):
        call(NAMING.drop(columns="text"))
    with pytest.raises(mk.ColumnError, match="'outlet'"):
        call(NAMING.drop(columns="outlet"))


def test_no_lexicon_means_none_and_a_note():
    for fn in (naming_table, naming_matches):
        out = fn(NAMING)                                     # no default lexicon: None means none
        assert len(out) == 0 and out.attrs["note"].startswith("No naming lexicon: a story pack's naming.yaml")
    assert list(naming_table(NAMING).columns) == list(naming_table(NAMING, LEX).columns)
    with pytest.raises(TypeError):
        load_lexicon()  # the loader has no default either
    with pytest.raises(ValueError, match="needs the concept's known names"):
        suggest_variants(NAMING, "sanctions")


def test_lexicon_names_resolve_through_story_packs_first(tmp_path):
    pack = tmp_path / "mystory"
    pack.mkdir()
    write(pack / "story.yaml", "name: mystory\ntitle: A test story\n")
    write(pack / "naming.yaml", "concepts:\n  deal:\n    variants:\n      contract: [contract*]\n")
    assert list(load_lexicon(pack)["concepts"]) == ["deal"]      # a pack folder -> its naming.yaml
    assert load_lexicon("s400")["concepts"]                      # the shipped story (pack or old resources path)


def test_fit_warning_when_the_lexicon_matches_under_one_article_in_ten():
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(20)], "outlet": ["X", "Y"] * 10,
                       "text": ["New restrictions were imposed."] + ["The weather was mild."] * 19})
    with pytest.warns(UserWarning, match=r"matches in 1 of 20 articles \(5%\)") as record:
        t = naming_table(df, LEX)
    assert len([w for w in record if "matches in" in str(w.message)]) == 1          # once
    assert "1 of 20 articles" in t.attrs["fit_note"]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "fit_note" not in naming_table(NAMING, LEX).attrs                   # 3 of 3 articles: fits


def test_discount_reuse_true_warns_that_it_computes_reuse():
    df = load_s400().head(60)
    import mediakit as mk

    reuse = mk.find_reuse(df)
    with pytest.warns(UserWarning, match="computes find_reuse"):
        a = distinctive_terms(df, top=5, discount_reuse=True)
    b = distinctive_terms(df, top=5, discount_reuse=reuse)
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["discount_reuse"] is True and b.attrs["discount_reuse"] == "find_reuse table"
    spans = mk.reused_spans(df, reuse)                               # a spans table works the same
    pd.testing.assert_frame_equal(distinctive_terms(df, top=5, discount_reuse=spans), b)


def test_distinctive_terms_runs_as_a_registered_analysis():
    from mediakit.analysis import get, run_local

    a = get("distinctive_terms")
    out = run_local(a, TINY, **{**dict(by="outlet", method="log_odds", pair=None, top=None, min_docs=1, prior=None,
                                       prior_scale=None, variance="monroe", n_boot=0, ci=0.95, random_state=0,
                                       collapse_ngrams=True, discount_reuse=False, vectorizer=None),
                                    "stop_words": None})
    pd.testing.assert_frame_equal(out, distinctive_terms(TINY, **PLAIN))
    with pytest.raises(ValueError, match="n_boot is not available on Dask"):
        a.validate(list(TINY.columns), engine="dask", **{**dict(by="outlet", method="log_odds", pair=None, top=None,
                   min_docs=1, prior=None, prior_scale=None, variance="monroe", n_boot=10, ci=0.95, random_state=0,
                   collapse_ngrams=True, discount_reuse=False, vectorizer=None)})


SHOUTING = pd.DataFrame({
    "outlet": ["Loud Post"] * 4 + ["Quiet Times"] * 4,
    "text": [
        "PORTVILLE — The council met on ferries.\n\nHOW THE FERRY PLAN WILL CHANGE THE HARBOUR\n\nFerries again.",
        "PORTVILLE (Wire) — Ferries ran late.\n\nWHAT THE COUNCIL DECIDED ABOUT THE PIERS\n\nPiers, ferries.",
        "PORTVILLE — The FBI, CIA and NATO were not asked about ferries. Ferries and piers.",
        "PORTVILLE — Ferry fares rose; the US and EU watched. THE END OF THE ROUTE. Ferries.",
        "The council met on ferries in Portville. Docks and cranes.",
        "Cranes stood idle at the docks; Portville's council said ferries were late.",
        "The docks of Portville: cranes, fares and ferries.",
        "Cranes and docks, the harbour master of Portville said. Fares rose.",
    ],
})


def test_headings_and_datelines_in_capitals_are_not_terms_acronyms_stay():
    from sklearn.feature_extraction.text import CountVectorizer

    from mediakit.text import NewsTokenizer

    toks = NewsTokenizer()(SHOUTING.text[0])
    assert "portville" in toks and "PORTVILLE" not in toks and "THE" not in toks and "HARBOUR" not in toks
    assert {"FBI", "CIA", "NATO"} <= set(NewsTokenizer()(SHOUTING.text[2]))       # a list of acronyms stays
    assert {"US", "EU"} <= set(NewsTokenizer()(SHOUTING.text[3]))
    assert "PORTVILLE" in NewsTokenizer(lowercase=False)(SHOUTING.text[0])     # case kept when asked
    top = distinctive_terms(SHOUTING, top=20, min_docs=1, stop_words="en")
    loud = set(top.loc[top.group == "Loud Post", "term"])
    assert not {t for t in loud if t.isupper() and len(t) > 4}, loud          # no THE, HARBOUR, PORTVILLE
    # the counting path (raw tokens folded once) gives what the tokenizer gives, token for token
    sk = CountVectorizer(tokenizer=NewsTokenizer(), token_pattern=None, lowercase=False).fit(SHOUTING.text)
    full = distinctive_terms(SHOUTING, min_docs=1, stop_words=None)
    assert set(full["term"]) == set(sk.get_feature_names_out())
