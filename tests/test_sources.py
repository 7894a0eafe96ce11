"""Tests of mediakit.sources: quote extraction (golden snippets for every construction, offsets checked),
speaker resolution and types, verb stance, profiles with bootstrap CIs, speaker tables, article sourcing,
reuse discounting, the charts, the CLI, and (when ../shared/eval is present) the PolNeAR targets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from mediakit.quotes import find_quotes  # noqa: E402
from mediakit.sources import (  # noqa: E402
    EXTRA_COLUMNS,
    QUOTE_COLUMNS,
    article_sourcing,
    extract_quotes,
    source_profile,
    speaker_table,
)

DATA = Path(__file__).parent / "data" / "sources"
CASES = json.loads((DATA / "snippets.json").read_text(encoding="utf-8"))
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_quotes.py"


def _quotes(text: str, lang: str = "en", **kw) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["x"], "outlet": ["O"], "text": [text], "language": [lang]}),
                          **kw)


def _check_offsets(text: str, q: pd.DataFrame) -> None:
    for r in q.itertuples():
        assert text[r.start:r.end] == r.quote
        assert r.sentence_text in text and text[r.start:r.end] in r.sentence_text or r.kind == "direct"
        if not pd.isna(r.speaker_start):
            assert text[r.speaker_start:r.speaker_end] == r.speaker
        if not pd.isna(r.verb_start):
            assert text[r.verb_start:r.verb_end] == r.verb


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_snippets(case):
    text = case["text"]
    q = _quotes(text, case["lang"], merge_speakers=False, gazetteer="s400")  # the snippets name S-400 people
    assert list(q.columns) == QUOTE_COLUMNS + EXTRA_COLUMNS
    _check_offsets(text, q)
    rows = q.to_dict("records")
    for exp in case["expect"]:
        hits = [r for r in rows if r["kind"] == exp["kind"] and r["quote"] == exp["quote"]]
        assert hits, f"{case['id']}: no {exp['kind']} quote {exp['quote']!r}; got {[(r['kind'], r['quote']) for r in rows]}"
        r = hits[0]
        for key, col in (("speaker", "speaker"), ("canonical", "speaker_canonical"), ("verb", "verb"),
                         ("type", "speaker_type"), ("country", "speaker_country"), ("stance", "stance"),
                         ("fragment", "fragment")):
            if key in exp:
                assert r[col] == exp[key], f"{case['id']}: {col} {r[col]!r} != {exp[key]!r}"
    for absent in case.get("absent", []):
        assert not any(absent in r["quote"] for r in rows), f"{case['id']}: {absent!r} should not be a quote"
    for absent in case.get("absent_speakers", []):
        assert absent not in set(q["speaker"].dropna()), f"{case['id']}: {absent!r} should not be a speaker"


def test_quote_mark_styles_and_nesting():
    text = ('A said “one ‘two’ three”. B said «four „five“ six». C said "seven". '
            "D said ''eight''. E said ‹nine›. Don't split apostrophes: the Kerrs' house.")
    got = [text[q.start:q.end] for q in find_quotes(text)]
    assert got == ["one ‘two’ three", "four „five“ six", "seven", "eight", "nine"]


def test_multi_paragraph_quote_spans_paragraphs():
    text = "He said:\n\n“First part.\n\n“Second part.”\n\nAfter."
    (q,) = find_quotes(text)
    assert q.paragraphs == 2 and text[q.start:q.end] == "First part.\n\n“Second part."


def test_unclosed_quote_stops_at_paragraph_end():
    text = "He said: “never closed\n\nNext paragraph."
    (q,) = find_quotes(text)
    assert not q.closed and text[q.start:q.end] == "never closed"


def test_cross_article_name_merging():
    arts = pd.DataFrame({
        "article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"], "language": ["en", "en", "tr"],
        "text": ["Selin Aydar, an economist, said the lira would fall.",
                 "Aydar said the lira would recover.",
                 "Ekonomist Selin Aydar, liranın düşeceğini söyledi."],
    })
    q = extract_quotes(arts)
    assert set(q["speaker_canonical"]) == {"Selin Aydar"}
    assert set(q["speaker"]) >= {"Selin Aydar", "Aydar"}


def test_a_persons_role_carries_across_articles():
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "language": ["en", "tr"],
                         "text": ["Harun Kestel, who runs a machining firm in Eskişehir, said orders had stopped.",
                                  "Harun Kestel, siparişlerin durduğunu söyledi."]})
    q = extract_quotes(arts)
    assert list(q["speaker_type"]) == ["industry", "industry"]


def test_diacritic_variants_merge_to_gazetteer_name():
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "language": ["en", "tr"],
                         "text": ["İsmail Demir said the work continued.", "Demir, çalışmanın sürdüğünü söyledi."]})
    assert set(extract_quotes(arts, gazetteer="s400")["speaker_canonical"]) == {"Ismail Demir"}


def test_pronoun_gender_prefers_matching_antecedent():
    text = ("Mrs. Lena Ortiz, a trade lawyer, said the rules were clear. Paul Grant, a banker, disagreed. "
            "“The rules are anything but clear,” he said. “We read them twice,” she said.")
    q = _quotes(text)
    by_quote = dict(zip(q["quote"], q["speaker_canonical"]))
    assert by_quote["The rules are anything but clear,"] == "Paul Grant"
    assert by_quote["We read them twice,"] == "Lena Ortiz"


def test_language_is_guessed_without_a_language_column():
    arts = pd.DataFrame({"article_id": ["r"], "text": ["«Мы продолжим работу», - заявил Демир."]})
    q = extract_quotes(arts, gazetteer="s400")
    assert q.loc[0, "verb"] == "заявил" and q.loc[0, "speaker_canonical"] == "Ismail Demir"


def test_empty_and_missing_columns():
    from mediakit import ColumnError

    empty = extract_quotes(pd.DataFrame({"article_id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}))
    assert len(empty) == 0 and list(empty.columns) == QUOTE_COLUMNS + EXTRA_COLUMNS
    assert {c: str(empty[c].dtype) for c in ("start", "speaker_start", "verb_end", "sentence", "fragment")} == {
        "start": "Int64", "speaker_start": "Int64", "verb_end": "Int64", "sentence": "Int64", "fragment": "bool"}
    assert empty.attrs["analysis"] == "extract_quotes"
    with pytest.raises(ColumnError, match="extract_quotes: column 'text' missing"):
        extract_quotes(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(ColumnError, match="source_profile: column 'region' missing"):
        source_profile(empty, by="region")
    t = speaker_table(empty)
    assert len(t) == 0 and list(t.columns) == ["speaker", "speaker_type", "speaker_country", "group", "count"]
    with pytest.raises(ValueError, match="no story pack"):
        extract_quotes(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), gazetteer="no-such-story")


def test_offsets_are_int64_and_sentence_is_an_index():
    text = "First sentence here. Then the minister said the talks would go on. “Yes,” she added."
    q = _quotes(text)
    assert str(q["start"].dtype) == "Int64" and q["speaker_start"].notna().all()
    assert q["sentence"].tolist() == [1, 2]
    assert q["sentence_text"].tolist() == ["Then the minister said the talks would go on.", "“Yes,” she added."]
    according = _quotes("Prices rose, according to reports.")
    assert according["verb_start"].isna().all() or str(according["verb_start"].dtype) == "Int64"
    _check_offsets(text, q)


def test_gazetteer_roles_hold_only_for_their_dates():
    """A story pack's gazetteer adds its people; a role applies only inside its from/until dates."""
    text = "The secretary of state said the sanctions would stay. Pompeo added that talks continued."
    arts = pd.DataFrame({"article_id": ["old", "new", "undated"], "outlet": ["A", "A", "B"], "text": [text] * 3,
                         "date": pd.to_datetime(["2016-10-01", "2020-12-14", None])})
    plain = extract_quotes(arts)                         # generic gazetteer: nobody of the story
    assert "Mike Pompeo" not in set(plain["speaker_canonical"]) and "note" in plain.attrs
    with pytest.warns(UserWarning, match=r"1 quote names a gazetteer person outside .*; 2 quotes in undated"):
        q = extract_quotes(arts, gazetteer="s400", merge_speakers=False)
    by = {aid: g for aid, g in q.groupby("article_id")}
    # in office (2020) and undated (applied, with the note): "the secretary of state" is Pompeo, an official
    assert by["new"]["speaker_canonical"].tolist() == ["Mike Pompeo", "Mike Pompeo"]
    assert set(by["new"]["speaker_type"]) == {"official"}
    assert by["undated"]["speaker_canonical"].tolist() == ["Mike Pompeo", "Mike Pompeo"]
    # 2016: the description names someone else, and the bare name gets no gazetteer role
    assert by["old"]["speaker_canonical"].tolist()[0] != "Mike Pompeo"
    assert by["old"]["speaker_type"].tolist()[1] == "unknown"
    assert q.attrs["fit_note"].startswith("extract_quotes: 1 quote names")


def test_anonymous_official_gets_no_default_country():
    """Generic data assumes no country: an unnamed official is of the country the text names, if any."""
    q = _quotes("A senior administration official said Paris would not change course on French pensions.")
    assert "US" not in q["speaker_canonical"].iloc[0] and q["speaker_country"].iloc[0] != "US"


def test_quote_counts_leave_out_fragments_everywhere():
    from mediakit.sources import countable_quotes

    q = _quotes('Minister Ana Ruiz said the country would "fully enforce the law" against any buyer.')
    assert sorted(q["kind"]) == ["direct", "mixed"] and len(countable_quotes(q)) == 1
    assert speaker_table(q)["count"].sum() == 1
    assert source_profile(q, n_boot=10)["n_quotes"].iloc[0] == 1


# ---------------------------------------------------------------- tables and profiles
@pytest.fixture
def quotes_two_outlets() -> pd.DataFrame:
    arts = pd.DataFrame({
        "article_id": ["a1", "a2", "b1", "b2"], "outlet": ["Alpha", "Alpha", "Beta", "Beta"],
        "text": [
            "Foreign Minister Mevlut Cavusoglu said Ankara would respond. “We will act,” he stressed.",
            "A Turkish official who asked not to be named said the decision was expected.",
            "Mike Pompeo claimed that the deal was dangerous. Nora Lind, an analyst at the Baltic Group, said talks could help.",
            "“The decision stands,” the State Department said.",
        ],
    })
    return extract_quotes(arts, gazetteer="s400")


def test_speaker_table_counts(quotes_two_outlets):
    t = speaker_table(quotes_two_outlets)
    assert list(t.columns) == ["speaker", "speaker_type", "speaker_country", "group", "count"]
    assert t.attrs["by"] == "outlet" and t.attrs["analysis"] == "speaker_table"
    rows = t[t["speaker"] == "Mevlut Cavusoglu"]
    assert rows[["group", "count", "speaker_type", "speaker_country"]].values.tolist() == [["Alpha", 2, "official", "TR"]]
    totals = t.groupby("speaker", sort=False)["count"].sum()
    assert totals.is_monotonic_decreasing and totals.sum() == len(quotes_two_outlets)


def test_source_profile_shares_and_cis(quotes_two_outlets):
    p = source_profile(quotes_two_outlets, n_boot=200, random_state=1)
    assert p.attrs["by"] == "outlet" and p.attrs["n_boot"] == 200 and p.attrs["random_state"] == 1
    assert p.equals(source_profile(quotes_two_outlets, n_boot=200, random_state=1))
    assert set(p["measure"]) == {"speaker_type", "country", "kind", "stance", "anonymous", "top_speaker"}
    for (_g, m), part in p.groupby(["group", "measure"]):
        if m != "top_speaker":
            assert part["share"].sum() == pytest.approx(1.0)
    assert ((p["ci_low"] <= p["share"] + 1e-9) & (p["share"] <= p["ci_high"] + 1e-9)).all()
    anon = p[(p.group == "Alpha") & (p.measure == "anonymous") & (p.category == "anonymous")].iloc[0]
    assert anon["count"] == 1 and anon["n_articles"] == 2 and anon["n_quotes"] == 3
    # one article in Beta quotes nobody anonymously: its CI collapses
    beta = p[(p.group == "Beta") & (p.measure == "kind") & (p.category == "direct")].iloc[0]
    assert 0 <= beta["ci_low"] <= beta["ci_high"] <= 1


def test_source_profile_counts_mixed_quotes_once():
    q = _quotes('Pompeo said the US would "fully enforce CAATSA" against any buyer.')
    assert sorted(q["kind"]) == ["direct", "mixed"] and q["fragment"].sum() == 1
    p = source_profile(q, n_boot=20)
    assert p["n_quotes"].iloc[0] == 1


def test_discount_reuse_drops_quotes_in_reused_text():
    text = "Demir said the work continued. Later, the analyst said prices would rise."
    arts = pd.DataFrame({"article_id": ["t"], "outlet": ["O"], "text": [text]})
    reuse = pd.DataFrame({"source_id": ["s"], "target_id": ["t"], "source_start": [0], "source_end": [30],
                          "target_start": [0], "target_end": [30], "similarity": [1.0], "same_outlet": [False]})
    full = extract_quotes(arts)
    kept = extract_quotes(arts, discount_reuse=reuse)
    assert len(full) == 2 and list(kept["quote"]) == ["prices would rise"]
    spans = pd.DataFrame({"article_id": ["t"], "start": [0], "end": [30]})
    assert extract_quotes(arts, discount_reuse=spans).equals(kept)
    p = source_profile(full, n_boot=10, discount_reuse=reuse)
    assert p["n_quotes"].iloc[0] == 1
    with pytest.raises(ValueError, match="needs the articles"):
        source_profile(full, discount_reuse=True)
    with pytest.warns(UserWarning, match="computes find_reuse"):
        extract_quotes(arts, discount_reuse=True)


def test_article_sourcing_credits_and_in_text_media():
    arts = pd.DataFrame({
        "article_id": ["a", "b"], "outlet": ["X", "Y"], "wire": ["TASS", ""],
        "credits": ["Photo: Ivan Petrov / TASS; Based on materials from TASS", "Reuters contributed to this report."],
        "text": ["Demir told NTV that work continued, according to TASS.",
                 "Reuters reported that the talks ended. The ministry told Anadolu Agency it would respond."],
    })
    s = article_sourcing(arts)
    got = set(zip(s["article_id"], s["source"], s["how"]))
    assert {("a", "TASS", "wire"), ("a", "TASS", "credit"), ("a", "NTV", "interview"), ("a", "TASS", "according_to"),
            ("b", "Reuters", "credit"), ("b", "Reuters", "reported"), ("b", "Anadolu Agency", "interview")} <= got
    for r in s.dropna(subset=["start"]).itertuples():
        assert arts.set_index("article_id").loc[r.article_id, "text"][int(r.start):int(r.end)] == r.evidence


def test_stance_lexicon_is_editable_data():
    from mediakit.quotes import load_verb_lexicon

    lex = load_verb_lexicon("en")
    assert lex.forms["said"].stance == "neutral" and lex.forms["insisted"].stance == "emphatic"
    assert lex.forms["alleged"].stance == "distancing" and lex.forms["warned"].stance == "critical"
    assert load_verb_lexicon("tr").forms["vurguladı"].stance == "emphatic"
    assert load_verb_lexicon("ru").forms["подчеркнул"].stance == "emphatic"


# ---------------------------------------------------------------- charts
def test_charts(quotes_two_outlets):
    import matplotlib.pyplot as plt

    from mediakit.plotting import sources as P

    for fn in (P.plot_speaker_types, P.plot_speaker_countries, P.plot_verb_stance):
        ax = fn(quotes_two_outlets)
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Alpha", "Beta"]
        plt.close(ax.figure)
    tab = P.shares(quotes_two_outlets, "speaker_type")
    assert tab.sum(axis=1).round(6).eq(1).all()
    ax = P.plot_speaker_heatmap(speaker_table(quotes_two_outlets), top=3)
    assert len(ax.get_yticklabels()) == 3
    plt.close(ax.figure)
    ax = P.plot_profile_share(source_profile(quotes_two_outlets, n_boot=20), "speaker_type", "official")
    assert len(ax.patches) == 2
    plt.close(ax.figure)


# ---------------------------------------------------------------- CLI
def test_cli_jsonl(tmp_path, capsys):
    from mediakit.cli import main

    (tmp_path / "a.md").write_text("---\ntitle: T\noutlet: Alpha\ndate: 2020-12-14\nlanguage: en\n---\n"
                                   "“We will respond,” the minister said. Demir told NTV that work continued.\n",
                                   encoding="utf-8")
    assert main(["quotes", str(tmp_path), "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["kind"] for x in lines] == ["direct", "indirect"]
    assert set(lines[0]) == set(QUOTE_COLUMNS)
    assert lines[0]["speaker_type"] == "official" and lines[1]["speaker_canonical"] == "Demir"
    assert lines[0]["start"] == 1 and isinstance(lines[1]["verb_start"], int)


# ---------------------------------------------------------------- PolNeAR (skips without ../shared/eval)
def test_polnear_targets_on_a_subset():
    data = SHARED_EVAL / "polnear" / "data" / "dev"
    if not data.exists() or not SCORER.exists():
        pytest.skip("../shared/eval/polnear is not present on this machine")
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    sq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sq)
    arts, golds = sq.load_polnear(str(data))  # the whole dev split: 84 articles, about a second
    q = extract_quotes(arts)
    preds: dict[str, list] = {}
    for r in q.to_dict("records"):
        preds.setdefault(r["article_id"], []).append(dict(
            start=int(r["start"]), end=int(r["end"]), kind=r["kind"], speaker=r["speaker"],
            speaker_canonical=r["speaker_canonical"], speaker_start=r["speaker_start"], speaker_end=r["speaker_end"]))
    direct = sq.match(preds, golds, True)
    every = sq.match(preds, golds, False)
    assert direct["f1"] >= 0.90 and direct["spk"] >= 0.90, direct
    assert every["f1"] >= 0.70, every
    for a in arts.itertuples():
        _check_offsets(a.text, q[q["article_id"] == a.article_id])


# ---------------------------------------------------------------- bounded work (issue 6/7 item 5)
def _no_full_stop_text(n_chars: int) -> str:
    """Text of about ``n_chars`` characters with no full stop: commas, quotations and "said" throughout."""
    words = ["the", "minister", "said", "that", "work", "continued", "and", "officials", "were", "waiting", "for",
             "news", "from", "the", "capital"]
    parts, size, k = [], 0, 0
    while size < n_chars:
        k += 1
        if k % 23 == 0:
            part = '"We will wait, and we will see,"'
        elif k % 31 == 0:
            part = "Selin Aydar said,"
        elif k % 37 == 0:
            part = "“Nothing has changed”"
        else:
            part = words[(k * 7) % len(words)]
        parts.append(part)
        size += len(part) + 1
    return " ".join(parts)


def test_extract_quotes_is_bounded_on_a_long_text_without_full_stops():
    import time

    from mediakit.quotes import MAX_UNIT_TOKENS

    text = _no_full_stop_text(300_000)
    assert len(text) >= 300_000 and "." not in text and "!" not in text and "?" not in text
    _quotes("warm up: load the lexicons, the minister said.")
    t0 = time.perf_counter()
    q = _quotes(text)
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, f"extract_quotes took {elapsed:.1f} s on {len(text):,} characters"  # 57 s before the cap
    assert len(q) > 1000 and {"direct", "mixed"} <= set(q["kind"])
    _check_offsets(text, q)
    # the "sentence" is a cut piece of the text, at most MAX_UNIT_TOKENS tokens long, never the whole text
    assert q["sentence_text"].str.len().max() < len(text) // 10
    assert all(len(s.split()) <= MAX_UNIT_TOKENS for s in q["sentence_text"])
    assert all(s in text for s in q["sentence_text"].unique())
    # every quotation is reported once
    direct = q[q["kind"] == "direct"]
    assert not direct.duplicated(["start", "end"]).any()


def test_length_cap_cuts_inside_an_overlong_quotation_without_duplicates():
    from mediakit.quotes import MAX_UNIT_TOKENS

    inner = " ".join(["word,"] * (MAX_UNIT_TOKENS + 500))
    text = f'The minister said: "{inner} end" and left'
    q = _quotes(text)
    _check_offsets(text, q)
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 1 and direct["quote"].iat[0] == f"{inner} end"
    assert direct["speaker"].iat[0] == "The minister"
