"""Tests of the mediakit.framing package, mediakit.topics, mediakit.tone and their charts/CLI."""

from __future__ import annotations

import json
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from sklearn.base import clone  # noqa: E402

import mediakit as mk  # noqa: E402
from mediakit import framing, tone  # noqa: E402
from mediakit.framing import (  # noqa: E402
    CodebookError,
    FrameClassifier,
    agreement,
    frame_difference_test,
    frame_evidence,
    frame_profile,
    frame_shares,
    krippendorff_alpha,
    load_codebook,
    sample_for_coding,
    score_frames,
)

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "framing"
ROOT = HERE.parent
EVAL = Path(__file__).parents[2] / "shared" / "eval"
S400_FRAMES = ["sovereignty", "alliance", "security", "sanctions_legality", "economic", "russia_gain", "diplomacy",
               "domestic_politics"]


def arts(*texts: str, titles=None, outlets=None, ids=None, language="en") -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame({"article_id": ids or [f"a{i}" for i in range(n)],
                         "outlet": outlets or ["X"] * n,
                         "date": pd.to_datetime(["2020-12-14"] * n),
                         "title": titles or [""] * n, "text": list(texts), "language": [language] * n})


@pytest.fixture(scope="module")
def mini_corpus() -> pd.DataFrame:
    return mk.load_corpus(DATA / "corpus")


@pytest.fixture(scope="module")
def mini_scores(mini_corpus) -> pd.DataFrame:
    return score_frames(mini_corpus, "s400")


# ---------------------------------------------------------------- codebooks
def test_shipped_codebooks_have_the_required_frames():
    s400 = load_codebook("s400")
    assert s400.frame_names == S400_FRAMES
    for f in s400.frames:
        assert f.description and f.cues and f.examples
    pf = load_codebook("policy_frames")
    assert len(pf.frames) == 15
    assert [f.label for f in pf.frames][:3] == ["Economic", "Capacity and resources", "Morality"]
    assert pf.frame("other").residual and not pf.frame("other").cues


def test_policy_frames_labels_follow_the_media_frames_corpus_codes():
    codes_path = EVAL / "media_frames_corpus" / "annotations" / "codes.json"
    if not codes_path.exists():
        pytest.skip("../shared/eval/media_frames_corpus is not present on this machine")
    codes = json.loads(codes_path.read_text(encoding="utf-8"))
    dims = [codes[f"{i}.0"] for i in range(1, 16)]
    assert [f.label.lower() for f in load_codebook("policy_frames").frames] == [d.lower() for d in dims]


@pytest.mark.parametrize("name", ["s400", "policy_frames"])
def test_each_codebook_example_is_scored_as_its_own_frame(name):
    cb = load_codebook(name)
    rows = [{"article_id": f"{f.name}|{i}", "text": ex} for f in cb.frames for i, ex in enumerate(f.examples)]
    dom = score_frames(pd.DataFrame(rows), cb, parts=("lead", "body")).query("dominant")
    assert len(dom) == len(rows)
    assert (dom["article_id"].str.split("|").str[0] == dom["frame"]).all()


def test_load_codebook_from_path_and_dict():
    cb = load_codebook(DATA / "mini.yaml")
    assert cb.name == "mini" and cb.version == "0.1" and cb.frame_names == ["legal", "money"]
    assert cb.frame("money").cues[1].weight == 2.0
    again = load_codebook({"codebook": "d", "version": 1, "frames": [
        {"name": "x", "description": "X.", "cues": {"words": ["alpha"]}}]})
    assert again.match("Alpha and ALPHA") == {"x": (2.0, ["alpha", "alpha"])}


@pytest.mark.parametrize(("change", "message"), [
    ({"frames": []}, "non-empty list"),
    ({"version": None}, "version"),
    ({"colour": "red"}, "unknown top-level key"),
    ({"frames": [{"name": "Bad Name", "description": "d", "cues": {"words": ["a1a"]}}]}, "snake_case"),
    ({"frames": [{"name": "x", "cues": {"words": ["abc"]}}]}, "description"),
    ({"frames": [{"name": "x", "description": "d"}]}, "no cues"),
    ({"frames": [{"name": "x", "description": "d", "cues": {"patterns": ["(unclosed"]}}]}, "regular expression"),
    ({"frames": [{"name": "x", "description": "d", "cues": {"words": ["two words"]}}]}, "move it to phrases"),
    ({"frames": [{"name": "x", "description": "d", "cues": {"words": ["ab*"]}}]}, "at least 3 letters"),
    ({"frames": [{"name": "x", "description": "d", "cues": {"words": ["law", "Law"]}}]}, "listed twice"),
    ({"frames": [{"name": "x", "description": "d", "cues": {"words": ["law*", "lawful"]}}]}, "already matched"),
    ({"frames": [{"name": "x", "description": "d", "cues": {"nouns": ["a"]}}]}, "use words, phrases, patterns"),
    ({"frames": [{"name": "none", "description": "d", "cues": {"words": ["abc"]}}]}, "reserved"),
    ({"frames": [{"name": "x", "description": "d", "cues": {"words": ["abc"]}},
                 {"name": "x", "description": "d", "cues": {"words": ["abd"]}}]}, "appears twice"),
])
def test_load_codebook_rejects_malformed_codebooks_with_one_clear_line(change, message):
    data = {"codebook": "t", "version": "1", "frames": [{"name": "x", "description": "d", "cues": {"words": ["abc"]}}]}
    data.update(change)
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(CodebookError, match=message) as err:
        load_codebook(data)
    assert "\n" not in str(err.value)


def test_load_codebook_reports_file_and_line_of_bad_yaml(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("codebook: b\nversion: 1\nframes:\n  - name: x\n   description: [oops\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"bad\.yaml: line \d+ is not valid YAML"):
        load_codebook(bad)
    with pytest.raises(CodebookError, match="no codebook named 'nope'"):
        load_codebook("nope")
    with pytest.raises(CodebookError, match="no such codebook file"):
        load_codebook(tmp_path / "missing.yaml")


@pytest.mark.parametrize("pattern", [r"(a+)+b", r"(x*)*", r"(x+)*", r"(?:\w+\s?)+$", r"\b(?:(?:very )+good)+",
                                     r"(?=(a*)*)b", r"(x|(y+))+"])
@pytest.mark.parametrize("where", ["cues", "negative"])
def test_codebook_refuses_patterns_that_backtrack_catastrophically(tmp_path, pattern, where):
    text = "codebook: t\nversion: 1\nframes:\n  - name: hang\n    description: d\n"
    text += "    cues: {words: [abc]}\n" if where == "negative" else ""
    path = tmp_path / "slow.yaml"
    path.write_text(text + f"    {where}:\n      patterns: [{json.dumps(pattern)}]\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    assert time.perf_counter() - start < 1.0  # refused at load, before any text is scored
    message = str(err.value)
    assert "\n" not in message and "slow.yaml" in message and "(hang)" in message and repr(pattern) in message
    assert "repeats a repeat" in message and "'(a+)+b' -> 'a+b'" in message  # the problem and the fix


def test_codebook_accepts_bounded_and_single_repeats(tmp_path):
    safe = [r"(ab)+", r"\b(its|our) (own )?security\b", r"\bsanction\w*.{0,40}\b(law|court)s?",
            r"(\w+\s){0,3}deal", r"(?:a{2,5})+"]
    cb = load_codebook({"codebook": "t", "version": 1, "frames": [
        {"name": "x", "description": "d", "cues": {"patterns": safe}}]})
    assert len(cb.frames[0].cues) == len(safe)
    assert load_codebook("s400").matcher is not None and load_codebook("policy_frames").matcher is not None


# ---------------------------------------------------------------- matching rules
def test_matching_ignores_case_and_accents_but_capitals_only_match_capitals():
    cb = load_codebook({"codebook": "t", "version": 1, "frames": [
        {"name": "us", "description": "d", "cues": {"words": ["US"]}},
        {"name": "tr", "description": "d", "cues": {"words": ["yaptırım*", "Türkiye"]}}]})
    assert cb.match("Let us go.") == {}
    assert cb.match("The US said.") == {"us": (1.0, ["US"])}
    # folded diacritics and case; apostrophe suffixes; wildcard endings
    assert cb.match("YAPTIRIMLAR ve yaptirim, Türkiye'nin") == {"tr": (3.0, ["yaptırım*", "yaptırım*", "Türkiye"])}


def test_hyphenated_words_phrases_ignore_and_negative_cues():
    cb = load_codebook(DATA / "mini.yaml")
    assert cb.match("A NATO-court ruling.")["legal"][1] == ["court*"]
    assert cb.match("The rule of law held.")["legal"] == (2.5, ["rule of law", "law"])
    assert cb.match("He lives on Law Street.") == {}  # masked by `ignore`
    assert cb.match("Law and lawn")["legal"] == (0.0, ["law", "-lawn"])  # negative cue subtracts
    assert cb.match("Under SECTION 231 of it.")["legal"] == (1.5, ["\\bsection\\s+\\d+\\b"])


def test_patterns_match_the_same_with_the_fast_path_and_with_dotted_capital_i():
    cb = load_codebook(DATA / "mini.yaml")
    # "İ" lower-cases to two characters: the matcher must fall back to case-insensitive search
    for text in ("Section 9 here", "İstanbul: Section 9 here", "xsection 9 (no boundary)"):
        got = cb.match(text).get("legal", (0.0, []))[1]
        assert got == ([] if text.startswith("x") else ["\\bsection\\s+\\d+\\b"]), text
    s400 = load_codebook("s400")
    sent = "The Presidency of Defense Industries bought an S-400 air defense system."
    assert "economic" not in s400.match(sent) and "security" not in s400.match(sent)


# ---------------------------------------------------------------- score_frames
def test_score_frames_offsets_parts_and_dominant(mini_corpus, mini_scores):
    s = mini_scores
    assert list(s.columns[:11]) == ["article_id", "outlet", "date", "part", "sentence", "start", "end", "frame",
                                    "score", "cues", "dominant"]
    texts = dict(zip(mini_corpus["article_id"], mini_corpus["text"]))
    titles = dict(zip(mini_corpus["article_id"], mini_corpus["title"]))
    for r in s.itertuples():
        source = titles if r.part == "headline" else texts
        assert source[r.article_id][r.start:r.end] == r.text
    # exactly one dominant row per sentence; unframed sentences are 'none' rows
    assert (s.groupby(["article_id", "part", "sentence"])["dominant"].sum() == 1).all()
    weather = s[s["text"].str.startswith("The weather")]
    assert weather[["frame", "score", "dominant"]].values.tolist() == [["none", 0.0, True]]
    # lead = first paragraph; headline offsets index the title
    first = s[(s.article_id == "alpha-2020-12-14-sanctions") & s.dominant]
    assert first["part"].tolist() == ["headline", "lead", "lead", "body", "body", "body"]
    assert first["sentence"].tolist() == [0, 0, 1, 2, 3, 4]
    lead = first[first.part == "lead"]
    assert lead["sentence"].tolist() == [0, 1] and lead["frame"].tolist() == ["sanctions_legality"] * 2
    assert s.attrs["codebook"] == "s400" and s.attrs["codebook_version"] == "1.1"


def test_score_frames_dominant_frames_of_the_mini_corpus(mini_scores):
    dom = mini_scores[mini_scores.dominant & (mini_scores.part != "headline")].set_index("text")["frame"]
    assert dom["Diplomats met in Vienna for a new round of talks."] == "diplomacy"
    assert dom["Engineers say the radar could collect intelligence on stealth aircraft."] == "security"
    assert dom["NATO allies fear a rift in the alliance."] == "alliance"
    assert dom["Opposition lawmakers asked parliament to debate the purchase."] == "domestic_politics"
    assert dom["Economists warned that the cost to the defence industry could reach a billion dollars."] == "economic"
    sov = "Officials said the country would defend its sovereign rights and its national decisions."
    assert dom[sov] == "sovereignty"


def test_score_frames_lead_sentences_and_min_score():
    a = arts("One talks. Two talks. Three talks. Four talks.", titles=["Talks"])
    s = score_frames(a, "s400", lead_sentences=2)
    body = s[s.part != "headline"]
    assert body["part"].tolist() == ["lead", "lead", "body", "body"]
    assert score_frames(a, "s400", min_score=1.5)["frame"].eq("none").all()
    assert set(score_frames(a, "s400", parts=("headline",))["part"]) == {"headline"}
    with pytest.raises(ValueError, match="unknown part"):
        score_frames(a, "s400", parts=("footer",))
    with pytest.raises(mk.ColumnError, match="score_frames: column 'text' missing"):
        score_frames(pd.DataFrame({"article_id": ["x"]}), "s400")


def test_discount_reuse_drops_sentences_inside_reused_spans():
    src = "The Treasury imposed sanctions. Diplomats met for talks."
    tgt = "The Treasury imposed sanctions. Opposition MPs asked questions in parliament."
    a = arts(src, tgt, ids=["src", "tgt"])
    reuse = pd.DataFrame({"source_id": ["src"], "target_id": ["tgt"], "source_start": [0], "source_end": [31],
                          "target_start": [0], "target_end": [31], "similarity": [1.0], "same_outlet": [True]})
    s = score_frames(a, "s400", parts=("lead", "body"), discount_reuse=reuse)
    assert s[s.article_id == "tgt"]["frame"].tolist() == ["domestic_politics"]
    assert len(s[s.article_id == "src"].query("dominant")) == 2
    assert s.attrs["reused_sentences_dropped"] == 1
    spans = pd.DataFrame({"article_id": ["tgt"], "start": [0], "end": [31]})  # reused_spans() shape
    s2 = score_frames(a, "s400", parts=("lead", "body"), discount_reuse=spans)
    assert s2.equals(s)
    full = score_frames(a, "s400", parts=("lead", "body"))
    assert framing.reused_sentence_mask(full, reuse).sum() == 1


def test_actor_mentions_discount_reuse_with_a_reuse_table_or_spans():
    src = "Moscow welcomed the deal warmly. Washington was angry."
    tgt = "Moscow welcomed the deal warmly. Ankara said nothing."
    a = arts(src, tgt, ids=["src", "tgt"])
    reuse = pd.DataFrame({"source_id": ["src"], "target_id": ["tgt"], "source_start": [0], "source_end": [32],
                          "target_start": [0], "target_end": [32], "similarity": [1.0], "same_outlet": [True]})
    full = tone.actor_mentions(a, "s400")
    assert full[["article_id", "actor"]].values.tolist() == [["src", "Russia"], ["src", "United States"],
                                                             ["tgt", "Russia"], ["tgt", "Turkey"]]
    kept = tone.actor_mentions(a, "s400", discount_reuse=reuse)
    assert kept[["article_id", "actor"]].values.tolist() == [["src", "Russia"], ["src", "United States"],
                                                             ["tgt", "Turkey"]]
    spans = pd.DataFrame({"article_id": ["tgt"], "start": [0], "end": [32]})
    assert tone.actor_mentions(a, "s400", discount_reuse=spans).equals(kept)


def test_framing_does_not_reexport_tone_or_topics():
    for name in ("tone_toward", "actor_mentions", "load_actors", "topic_model"):
        assert not hasattr(framing, name), name
    assert mk.tone_toward is tone.tone_toward and mk.load_actors is tone.load_actors
    assert mk.actor_mentions is tone.actor_mentions and mk.topic_model is mk.topics.topic_model
    assert mk.load_codebook is framing.codebook.load_codebook
    assert mk.score_frames.__wrapped__ is framing.scoring.score_frames  # the Dask-aware entry point (mediakit.api)


# ---------------------------------------------------------------- shares, profile, test
def planted(n_articles: int = 10, per: int = 6, p_a: float = 0.8, p_b: float = 0.2, seed: int = 0) -> pd.DataFrame:
    """Sentence table with outlet A using frame x with probability p_a and outlet B with p_b."""
    rng = np.random.default_rng(seed)
    rows = []
    for g, p in (("A", p_a), ("B", p_b)):
        for i in range(n_articles):
            for j in range(per):
                rows.append({"article_id": f"{g}{i}", "outlet": g, "part": "body", "sentence": j, "start": 0, "end": 1,
                             "frame": "x" if rng.random() < p else "y", "score": 1.0, "cues": "", "dominant": True,
                             "text": "t"})
    return pd.DataFrame(rows)


def test_frame_shares_sum_to_one_per_article(mini_scores):
    sh = frame_shares(mini_scores)
    assert np.allclose(sh.groupby("article_id")["share"].sum(), 1.0)
    anyf = frame_shares(mini_scores, count="any")
    assert anyf["n"].sum() >= sh["n"].sum()


def test_frame_profile_cis_and_test_match_scipy():
    from scipy.stats import chi2_contingency

    s = planted()
    p = frame_profile(s, n_boot=500)
    assert list(p.columns) == ["group", "frame", "share", "ci_low", "ci_high", "n", "n_framed", "n_articles"]
    assert p.attrs["by"] == "outlet" and p.attrs["analysis"] == "frame_profile" and "test" not in p.attrs
    assert ((p["ci_low"] <= p["share"]) & (p["share"] <= p["ci_high"])).all()
    assert np.allclose(p.groupby("group")["share"].sum(), 1)
    test = frame_difference_test(s, n_perm=500).set_index("frame")
    table = s.groupby(["outlet", "frame"]).size().unstack().to_numpy()
    chi2, pval, dof, _ = chi2_contingency(table, correction=False)
    assert test.loc["all", "chi2"] == pytest.approx(chi2) and test.loc["all", "dof"] == dof
    assert test.loc["all", "p_chi2"] == pytest.approx(pval)
    assert test.loc["all", "cramers_v"] == pytest.approx(np.sqrt(chi2 / table.sum()))
    assert test.loc["all", "p_perm"] < 0.01


def test_permutation_test_does_not_find_a_difference_that_is_not_there():
    res = frame_difference_test(planted(p_a=0.5, p_b=0.5, seed=3), n_perm=500).set_index("frame")
    assert res.loc["all", "p_perm"] > 0.05
    assert res.loc["all", "cramers_v"] < 0.2


def test_cramers_v_of_a_hand_table():
    # table [[10, 0], [0, 10]]: chi2 = 20, n = 20, V = 1
    rows = [{"article_id": f"{g}{i}", "outlet": g, "part": "body", "sentence": 0, "frame": f, "dominant": True}
            for g, f in (("A", "x"), ("B", "y")) for i in range(10)]
    res = frame_difference_test(pd.DataFrame(rows), n_perm=200)
    assert res.iloc[0]["chi2"] == pytest.approx(20.0) and res.iloc[0]["cramers_v"] == pytest.approx(1.0)


def test_frame_evidence_over_time_and_headline_vs_body(mini_scores):
    ev = frame_evidence(mini_scores, "Beta Monitor", "security")
    assert len(ev) and (ev["outlet"] == "Beta Monitor").all() and (ev["frame"] == "security").all()
    assert ev["score"].is_monotonic_decreasing
    with pytest.raises(KeyError, match="no frame 'nope'"):
        frame_evidence(mini_scores, "Beta Monitor", "nope")
    with pytest.raises(KeyError, match="no outlet 'Gamma'"):
        frame_evidence(mini_scores, "Gamma", "security")
    ot = framing.frames_over_time(mini_scores, freq="MS")
    assert np.allclose(ot.groupby("period")["share"].sum(), 1)
    hb = framing.headline_vs_body(mini_scores)
    assert set(hb["part"]) == {"headline", "lead", "body"}
    assert np.allclose(hb.groupby("part")["share"].sum(), 1)


# ---------------------------------------------------------------- validation loop
def test_krippendorff_alpha_hand_computed():
    # Two coders, four units: (a,a) (a,a) (b,b) (b,a). Coincidences o_aa=4, o_bb=2, o_ab=o_ba=1;
    # n_a=5, n_b=3, n=8. alpha = 1 - (n-1) * (o_ab+o_ba) / (n_a*n_b + n_b*n_a) = 1 - 7*2/30 = 0.5333...
    assert krippendorff_alpha([["a", "a", "b", "b"], ["a", "a", "b", "a"]]) == pytest.approx(1 - 14 / 30)
    # Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", 4 observers x 12 units, nominal: 0.743
    n = None
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n], [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n], [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    assert krippendorff_alpha(data) == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha([["a", "b", "c"], ["a", "b", "c"]]) == 1.0
    assert np.isnan(krippendorff_alpha([["a", None], [None, "b"]]))


def test_agreement_per_frame_scores_and_alignment_by_offsets():
    coded = pd.DataFrame({"article_id": ["a"] * 5, "sentence": range(5), "frame": ["x", "x", "y", "y", ""]})
    pred = pd.DataFrame({"article_id": ["a"] * 5, "sentence": range(5), "frame": ["x", "x", "y", "x", "y"]})
    a = agreement(coded, pred).set_index("frame")
    assert a.loc["x", ["precision", "recall", "f1"]].tolist() == pytest.approx([2 / 3, 1.0, 0.8])
    assert a.loc["y", ["precision", "recall", "f1"]].tolist() == pytest.approx([1.0, 0.5, 2 / 3])
    assert a.loc["macro", "f1"] == pytest.approx((0.8 + 2 / 3) / 2)
    assert a.attrs["n_units"] == 4 and a.attrs["alpha"] == pytest.approx(1 - 14 / 30)
    # offsets: a coded span that differs slightly from the machine's sentence still matches by overlap
    scores = score_frames(arts("Talks resumed. The Treasury imposed sanctions."), "s400", parts=("lead", "body"))
    coded = pd.DataFrame({"article_id": ["a0", "a0", "zz"], "start": [0, 15, 0], "end": [13, 47, 5],
                          "frame": ["diplomacy", "sanctions_legality", "diplomacy"]})
    res = agreement(coded, scores)
    assert res.attrs["accuracy"] == 1.0 and res.attrs["n_units"] == 2 and res.attrs["unmatched"] == 1


def test_sample_for_coding_is_stratified_blind_and_written(tmp_path, mini_corpus):
    out = tmp_path / "coding" / "sheet.csv"
    sheet = sample_for_coding(mini_corpus, 6, stratify="outlet", path=out, random_state=1, codebook="s400")
    assert sheet["outlet"].value_counts().to_dict() == {"Alpha Daily": 3, "Beta Monitor": 3}
    assert (sheet["frame"] == "").all() and "score" not in sheet.columns and "cues" not in sheet.columns
    back = pd.read_csv(out, keep_default_na=False)
    assert back["coding_id"].tolist() == list(range(1, 7))
    texts = dict(zip(mini_corpus["article_id"], mini_corpus["text"]))
    assert all(texts[r.article_id][r.start:r.end] == r.text for r in back.itertuples())
    assert (tmp_path / "coding" / "sheet.csv.codes.txt").read_text(encoding="utf-8").split() == S400_FRAMES + ["none"]
    assert sample_for_coding(mini_corpus, 6, random_state=1, codebook="s400").equals(sheet)
    # more than one group can give: the rest comes from the other group
    assert len(sample_for_coding(mini_corpus, 100, codebook=None)) == sum(
        len(mk.split_sentences(t)) for t in mini_corpus["text"])


def test_frame_classifier_follows_scikit_learn_conventions():
    X = (["the court ruled on the law", "sanctions law and the court", "a legal ruling by judges"] * 4
         + ["talks at the summit", "diplomats met for talks", "a summit of leaders and envoys"] * 4)
    y = ["legal"] * 12 + ["diplomacy"] * 12
    clf = FrameClassifier(Cs=(1.0, 10.0), cv=3)
    assert clf.get_params()["cv"] == 3 and not hasattr(clf, "pipeline_")
    with pytest.raises(Exception, match="not fitted"):
        clf.predict(["x"])
    fitted = clf.fit(X, y)
    assert fitted is clf and set(clf.classes_) == {"legal", "diplomacy"}
    assert clf.analyzer_ in ("word", "char_wb", "word+char") and clf.C_ in (1.0, 10.0)
    assert len(clf.cv_results_) == 6 and 0 <= clf.cv_score_ <= 1
    assert clf.predict(["the judges and the law", "a summit for talks"]).tolist() == ["legal", "diplomacy"]
    assert clf.predict_proba(["law"]).shape == (1, 2)
    assert not hasattr(clone(clf), "pipeline_")
    assert set(clf.top_terms(3)["frame"]) == {"legal", "diplomacy"}
    coded = pd.DataFrame({"text": X + ["uncoded"], "frame": y + [""]})
    assert FrameClassifier(analyzer="word", C=1.0, cv=3).fit(coded).classes_.tolist() == ["diplomacy", "legal"]
    with pytest.raises(ValueError, match="two different frames"):
        FrameClassifier().fit(["a", "b"], ["x", "x"])


def test_frame_classifier_scores_sentences_like_score_frames(mini_corpus):
    X = ["sanctions under the law", "talks and diplomats", "radar and intelligence threat"] * 3
    y = ["sanctions_legality", "diplomacy", "security"] * 3
    clf = FrameClassifier(analyzer="word", C=10.0, cv=3).fit(X, y)
    s = clf.score_sentences(mini_corpus)
    assert list(s.columns) == framing.SCORE_COLUMNS and s["dominant"].all()
    texts = dict(zip(mini_corpus["article_id"], mini_corpus["text"]))
    assert all(texts[r.article_id][r.start:r.end] == r.text for r in s.itertuples())
    assert set(frame_profile(s, n_boot=50)["frame"]) <= set(y)


# ---------------------------------------------------------------- topics and tone
def test_topic_model_separates_two_themes():
    legal = "sanctions law penalties treasury court"
    talks = "summit talks diplomats envoys meeting"
    texts = [f"{legal} {w}" for w in ("alpha", "beta", "gamma")] + [f"{talks} {w}" for w in ("delta", "eps", "zeta")]
    a = arts(*texts, outlets=["P", "Q", "P", "Q", "P", "Q"])
    tm = mk.topic_model(a, n_topics=2, min_df=1, max_df=1.0, n_boot=100)
    assert set(tm.terms["topic"]) == {0, 1}
    legal_topic = tm.terms[tm.terms["term"] == "sanctions"].sort_values("weight").iloc[-1]["topic"]
    top_docs = tm.top_articles(legal_topic, 3)["article_id"].tolist()
    assert sorted(top_docs) == ["a0", "a1", "a2"]
    assert np.allclose(tm.shares.groupby("outlet")["share"].sum(), 1)
    with pytest.raises(ValueError, match="lower n_topics"):
        mk.topic_model(a, n_topics=10)


def test_topic_model_keeps_the_token_US_and_drops_the_stop_word_us():
    texts = ["The US imposed sanctions on us and on the treasury.", "The US court upheld the sanctions for us.",
             "Talks with US diplomats at the summit gave us hope.", "The summit talks left us and the US envoys calm."]
    a = arts(*texts, outlets=["P", "Q", "P", "Q"])
    tm = mk.topic_model(a, n_topics=2, min_df=1, max_df=1.0, n_boot=0)
    vocab = set(tm.vectorizer.vocabulary_)
    assert "US" in vocab and "us" not in vocab and "the" not in vocab  # sklearn's "english" list dropped "US"
    assert "US" in set(tm.terms["term"])
    own = mk.topic_model(a, n_topics=2, min_df=1, max_df=1.0, n_boot=0, stop_words=["sanctions", "the"])
    assert {"us", "US"} <= set(own.vectorizer.vocabulary_) and "sanctions" not in own.vectorizer.vocabulary_


def test_load_actors_and_mentions():
    table = tone.load_actors("s400")
    assert {"United States", "Turkey", "Russia", "NATO"} <= set(table["actor"])
    assert table.loc[table.alias == "Washington", "actor"].item() == "United States"
    with pytest.raises(ValueError, match="belongs to both"):
        tone.load_actors({"A": ["x"], "B": ["x"]})
    a = arts("Let us hope. The US made a terrible, awful mistake. Moscow welcomed the great deal warmly.",
             "Ankara'nın kararı.", ids=["e", "t"])
    a.loc[1, "language"] = "tr"
    m = tone.actor_mentions(a, "s400")
    assert m["actor"].tolist() == ["United States", "Russia"]
    assert all(a.loc[0, "text"][r.start:r.end] == r.text for r in m.itertuples())
    us, ru = m["tone"].tolist()
    assert us < -0.3 and ru > 0.3
    assert m.attrs["n_skipped_articles"] == 1
    assert m.attrs["note"] == "VADER is English-only: 1 of 2 articles in other languages were left out"
    assert m["start"].dtype == "Int64" and m["sentence"].dtype == "Int64"


def test_tone_toward_per_outlet_with_cis():
    texts = ["Moscow was pleased and happy.", "Moscow made a terrible, awful mistake.", "Moscow is great.",
             "Washington failed badly.", "Washington is bad and wrong.", "Nothing about anyone."]
    a = arts(*texts, outlets=["P", "P", "P", "Q", "Q", "Q"])
    t = mk.tone_toward(a, "s400", n_boot=200)
    assert t.attrs["by"] == "outlet" and t.attrs["random_state"] == 0 and "note" not in t.attrs
    t = t.set_index(["group", "actor"])
    assert t.loc[("P", "Russia"), "n_sentences"] == 3 and t.loc[("P", "Russia"), "n_articles"] == 3
    assert t.loc[("P", "Russia"), "ci_low"] <= t.loc[("P", "Russia"), "tone"] <= t.loc[("P", "Russia"), "ci_high"]
    assert t.loc[("Q", "United States"), "tone"] < 0
    assert t.loc[("Q", "United States"), "share_negative"] == 1.0


# ---------------------------------------------------------------- plots and CLI
def test_framing_plots_return_axes(mini_corpus, mini_scores):
    from matplotlib.axes import Axes

    from mediakit import plotting

    prof = frame_profile(mini_scores, n_boot=50)
    ax = plotting.plot_frame_profile(prof, frames=S400_FRAMES, by="group")
    assert isinstance(ax, Axes) and [t.get_text() for t in ax.get_yticklabels()] == S400_FRAMES
    ax = plotting.plot_frames_over_time(framing.frames_over_time(mini_scores, freq="MS"))
    assert len(ax.get_lines()) == framing.frames_over_time(mini_scores, freq="MS")["frame"].nunique()
    ax = plotting.plot_headline_vs_body(framing.headline_vs_body(mini_scores))
    assert len(ax.get_legend().get_texts()) == 3
    ax = plotting.plot_tone(mk.tone_toward(mini_corpus, "s400", n_boot=50), by="group")
    assert isinstance(ax, Axes)
    tm = mk.topic_model(mini_corpus, n_topics=2, min_df=1, max_df=1.0, min_groups=1, n_boot=0)
    assert isinstance(plotting.plot_topic_shares(tm.shares), Axes)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_cli_frames(capsys, tmp_path):
    from mediakit.cli import main

    corpus = str(DATA / "corpus")
    assert main(["frames", corpus, "--codebook", "s400", "--format", "csv", "--n-boot", "50"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "group,frame,share,ci_low,ci_high,n,n_framed,n_articles"
    dest = tmp_path / "s.jsonl"
    assert main(["frames", corpus, "--level", "sentences", "--format", "jsonl", "--out", str(dest)]) == 0
    rows = [json.loads(x) for x in dest.read_text(encoding="utf-8").splitlines()]
    assert {"article_id", "part", "sentence", "start", "end", "frame", "score", "cues"} <= set(rows[0])
    assert main(["frames", corpus, "--level", "evidence", "--frame", "alliance", "--group", "Beta Monitor",
                 "--codebook", str(DATA / "mini.yaml")]) == 1  # mini has no 'alliance' frame
    assert "no frame 'alliance'" in capsys.readouterr().err
    assert main(["frames", corpus, "--codebook", "nope"]) == 1
    assert "no codebook named 'nope'" in capsys.readouterr().err


# ---------------------------------------------------------------- quality guards (fast)
def test_s400_codebook_on_the_demo_gold():
    gold_path = ROOT / "data" / "s400" / "gold" / "frames.csv"
    if not gold_path.exists():
        pytest.skip("data/s400/gold/frames.csv not built yet")
    scores = score_frames(mk.load_corpus(ROOT / "data" / "s400"), "s400")
    res = agreement(pd.read_csv(gold_path), scores)
    assert res.attrs["unmatched"] == 0
    assert res.iloc[-1]["f1"] >= 0.70  # figures per frame: bench/frames.py


def test_frame_classifier_on_gvfc_split0():
    base = EVAL / "gvfc_newsframing" / "dataset"
    if not base.exists():
        pytest.skip("../shared/eval/gvfc_newsframing is not present on this machine")
    english = pd.read_csv(base / "english.csv").drop_duplicates("ImageID").set_index("ImageID")["Q3 Theme1"]
    train = pd.read_csv(base / "0" / "train.tsv", sep="\t", header=None, quoting=3)
    test = pd.read_csv(base / "0" / "test_first_frame.tsv", sep="\t", header=None, quoting=3)
    clf = FrameClassifier(analyzer="word", C=10.0, cv=2).fit(train[1].tolist(), train[0].map(english).astype(str).tolist())
    from sklearn.metrics import f1_score

    assert f1_score(test[2].astype(str), clf.predict(test[1].tolist()), average="macro") > 0.5


def test_s400_frames_map_to_policy_frames_dimensions():
    general = set(load_codebook("policy_frames").frame_names)
    for frame in load_codebook("s400").frames:
        assert frame.maps_to, frame.name
        for target in frame.maps_to:
            codebook, _, name = target.partition(".")
            assert codebook == "policy_frames" and name in general, target


# ---------------------------------------------------------------- round 2: the output contract, story-neutral
def test_contract_score_frames_columns_dtypes_attrs_and_empty():
    a = arts("The court ruled the tariffs illegal. Nothing else.", titles=["Tariffs"])
    s = score_frames(a)
    assert s.attrs["codebook"] == "policy_frames" and s.attrs["analysis"] == "score_frames"
    assert all(s[c].dtype == "Int64" for c in ("sentence", "start", "end"))
    empty = score_frames(a.iloc[:0])
    assert list(empty.columns) == list(s.columns) and len(empty) == 0
    assert (empty.dtypes == s.dtypes).all()
    with pytest.raises(mk.ColumnError, match="frame_profile: by= 'nope'"):
        frame_profile(s, "nope")
    assert len(frame_profile(empty)) == 0 and len(frame_difference_test(empty)) == 1


def test_phrase_cues_span_white_space_or_hyphens_never_punctuation():
    cb = mk.load_codebook({"codebook": "t", "version": "1", "frames": [
        {"name": "supply", "description": "Supply.", "cues": {"phrases": ["supply chain*", "test-fir*"]}}]})
    assert cb.match("a supply-chain test firing")["supply"][1] == ["supply chain*", "test-fir*"]
    assert cb.match("the supply, chains; test. Firing") == {}


def test_codebook_fit_warning_names_the_share_of_uncovered_languages():
    a = arts("The court ruled.", "Mahkeme karar verdi.", "The tariffs rose.", "Prices fell.", ids=list("abcd"))
    a["language"] = ["en", "de", "en", "en"]
    with pytest.warns(UserWarning, match="25% of the articles"):
        s = score_frames(a)
    assert "25% of the articles (1 of 4)" in s.attrs["fit_note"]


def test_discount_reuse_true_warns_and_matches_a_precomputed_table(mini_corpus):
    reuse = mk.find_reuse(mini_corpus)
    with pytest.warns(UserWarning, match="compute it once"):
        computed = score_frames(mini_corpus, "s400", discount_reuse=True)
    assert computed.equals(score_frames(mini_corpus, "s400", discount_reuse=reuse))


def test_tone_without_actors_is_empty_with_a_note_and_counts_skipped_languages():
    a = arts("Moscow was pleased.", "Moskova memnun.", ids=["e", "t"])
    a.loc[1, "language"] = "tr"
    t = mk.tone_toward(a)
    assert len(t) == 0 and list(t.columns)[:2] == ["group", "actor"] and "actors.yaml" in t.attrs["note"]
    t = mk.tone_toward(a, {"Russia": ["Moscow", "Moskova"]}, n_boot=10)
    assert t.attrs["n_skipped_articles"] == 1 and t["n_sentences"].tolist() == [1]
    assert t.attrs["note"] == "VADER is English-only: 1 of 2 articles in other languages were left out"


def test_coding_sheet_is_neutralised(tmp_path):
    a = pd.DataFrame({"article_id": ["a"], "outlet": ["=HYPERLINK(1)"], "text": ["-1 is low. @home it is."]})
    sample_for_coding(a, 2, path=tmp_path / "s.csv")
    text = (tmp_path / "s.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text and "'@home" in text
    sample_for_coding(a, 2, path=tmp_path / "raw.csv", neutralise=False)
    assert ",=HYPERLINK(1)," in (tmp_path / "raw.csv").read_text(encoding="utf-8")
