"""Quality of quote attribution: the check-by-hand loop (sample_quotes, quote_accuracy), attribution
precision rules (what never attributes) and speaker resolution (what never becomes a canonical name)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mediakit.corpus import ColumnError
from mediakit.quotes import find_attributions
from mediakit.quotes._checking import CHECK_COLUMNS, quote_accuracy, sample_quotes
from mediakit.sources import extract_quotes


# ---------------------------------------------------------------- check-by-hand loop
def _corpus():
    texts = {
        "a1": 'Ann Lee said the plan would fail. "We <will> wait & see," she added.',
        "a2": "The minister told reporters that talks would go on. Critics said the deal was weak.",
        "b1": 'Bob Stone, a bank teller, said rates were "too high" for savers.',
        "b2": "The senator argued that the bill was unfair. Voters said they wanted change.",
    }
    return pd.DataFrame({"article_id": list(texts), "outlet": ["A", "A", "B", "B"], "text": list(texts.values())})


def test_sample_sheet_columns_offsets_and_strata(tmp_path):
    arts = _corpus()
    q = extract_quotes(arts)
    sheet = sample_quotes(q, arts, n=4, by="outlet", random_state=0)
    assert list(sheet.columns[:2]) == ["check_id", "outlet"]
    for c in ("article_id", "kind", "quote", "start", "end", "speaker", "speaker_canonical", "sentence_text",
              "quote_start", "quote_end", *CHECK_COLUMNS):
        assert c in sheet.columns
    assert sheet["outlet"].value_counts().to_dict() == {"A": 2, "B": 2}
    assert sheet["check_id"].tolist() == [1, 2, 3, 4]
    assert str(sheet["start"].dtype) == "Int64" and str(sheet["quote_start"].dtype) == "Int64"
    texts = dict(zip(arts["article_id"], arts["text"]))
    for r in sheet.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.quote  # offsets index the article text
        assert r.sentence_text[r.quote_start:r.quote_end] == r.quote  # and the sentence shown
        assert r.sentence_text in texts[r.article_id]
    assert (sheet[list(CHECK_COLUMNS)] == "").all().all()
    assert sheet.attrs["by"] == "outlet"
    # same random_state, same sheet; a group with few quotes gives what it has
    again = sample_quotes(q, arts, n=4, by="outlet", random_state=0)
    assert again["quote"].tolist() == sheet["quote"].tolist()
    assert len(sample_quotes(q, arts, n=500)) == int((~q["fragment"]).sum())


def test_sample_writes_csv_and_escaped_html(tmp_path):
    arts = _corpus()
    q = extract_quotes(arts)
    q = q[q["quote"].str.contains("<will>")]
    assert len(q) == 1
    sheet = sample_quotes(q, arts, n=1, path=tmp_path / "check")
    csv = pd.read_csv(tmp_path / "check.csv", keep_default_na=False)
    assert csv["quote"].tolist() == sheet["quote"].tolist()
    assert {"speaker_ok", "span_ok", "is_attribution", "note"} <= set(csv.columns)
    page = (tmp_path / "check.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "<mark>We &lt;will&gt; wait &amp; see,</mark>" in page
    assert "<will>" not in page
    # the text around the quote is escaped too and kept in order
    assert "&quot;<mark>We &lt;will&gt; wait &amp; see,</mark>&quot; she added." in page


def test_sample_errors():
    arts = _corpus()
    q = extract_quotes(arts)
    with pytest.raises(ColumnError, match="sample_quotes: column 'desk' missing"):
        sample_quotes(q, arts, by="desk")
    with pytest.raises(ValueError, match="n must be a positive integer"):
        sample_quotes(q, arts, n=0)
    with pytest.raises(ColumnError, match="column 'text' missing from articles"):
        sample_quotes(q, arts.drop(columns="text"))


def test_quote_accuracy_numbers_on_a_hand_made_sheet():
    sheet = pd.DataFrame({
        "article_id": ["a", "a", "b", "c", "d", "e", "f"],
        "outlet": ["X", "X", "X", "Y", "Y", "Y", "Y"],
        "speaker_ok": [1, 0, "yes", "1", 1, "", "n"],
        "span_ok": [1, 1, 1, 0, 1, "", 1],
        "is_attribution": [1, 1, 1, 1, 1, "", 0],
    })
    acc = quote_accuracy(sheet, n_boot=500, random_state=3)
    assert acc.attrs["by"] == "outlet" and acc.attrs["analysis"] == "quote_accuracy"
    get = {(r.group, r.measure): r for r in acc.itertuples()}
    # X: three attributions, speakers 2/3 right, spans 3/3, both 2/3
    assert get["X", "speaker_ok"].share == pytest.approx(2 / 3) and get["X", "speaker_ok"].n == 3
    assert get["X", "span_ok"].share == 1.0
    assert get["X", "both_ok"].share == pytest.approx(2 / 3)
    # Y: the unmarked row is skipped; the non-attribution counts against is_attribution and both_ok only
    assert get["Y", "is_attribution"].n == 3 and get["Y", "is_attribution"].share == pytest.approx(2 / 3)
    assert get["Y", "speaker_ok"].n == 2 and get["Y", "speaker_ok"].share == 1.0
    assert get["Y", "span_ok"].share == 0.5
    assert get["Y", "both_ok"].n == 3 and get["Y", "both_ok"].share == pytest.approx(1 / 3)
    assert get["all", "both_ok"].n == 6 and get["all", "both_ok"].share == pytest.approx(3 / 6)
    # bootstrap over articles: the interval holds the share; a group of identical marks has no spread
    for r in acc.itertuples():
        assert r.ci_low <= r.share <= r.ci_high
    assert get["X", "span_ok"].ci_low == get["X", "span_ok"].ci_high == 1.0
    again = quote_accuracy(sheet, n_boot=500, random_state=3)
    assert np.allclose(again["ci_low"], acc["ci_low"], equal_nan=True)
    assert quote_accuracy(sheet, n_boot=0)["ci_low"].isna().all()


def test_quote_accuracy_reads_the_written_csv(tmp_path):
    arts = _corpus()
    sheet = sample_quotes(extract_quotes(arts), arts, n=4, path=tmp_path / "s")
    back = pd.read_csv(tmp_path / "s.csv", keep_default_na=False)
    back["speaker_ok"] = [1, 1, 0, 1]
    back["span_ok"] = [1, 0, 1, 1]
    back["is_attribution"] = 1
    acc = quote_accuracy(back, n_boot=0)
    assert acc.set_index(["group", "measure"]).loc[("all", "both_ok"), "share"] == 0.5
    assert len(sheet) == 4
    with pytest.raises(ValueError, match="cannot read the mark 'maybe'"):
        quote_accuracy(back.assign(span_ok="maybe"), n_boot=0)
    with pytest.raises(ColumnError, match="column 'desk' missing"):
        quote_accuracy(back, by="desk")


# ---------------------------------------------------------------- what never attributes
@pytest.mark.parametrize("text", [
    "The index declined 1.2 per cent to 1,450 points, traders said nothing.",
    "Shares said to be weak fell on Monday.",
    "Ann Lee thanked him for his help during the campaign last year.",
    "The governor decided to side with the protesters over the weekend.",
    "Kerr has shown little daylight between himself and the party.",
    "Ortega won two of the contests known as Super Tuesday in March.",
    "Bush had a strong showing in Iowa and left the state upbeat.",
    "READ MORE: The senator wants a new vote on the bill next week.",
])
def test_no_attribution(text):
    recs = [r for r in find_attributions(text) if r["kind"] != "direct"]
    bad = [(text[r["start"]:r["end"]], r["lemma"]) for r in recs if r["lemma"] not in (None,)
           and (r["lemma"] in ("thank", "decide", "show", "know", "read") or r["speaker_start"] is not None
                and text[r["speaker_start"]:r["speaker_end"]].lower() in ("the index", "shares"))]
    assert not bad


@pytest.mark.parametrize("text,content,lemma", [
    ("The senator said that the bill was unfair.", "the bill was unfair", "say"),
    ("The poll showed Kerr leading the field with 31 percent.", "Kerr leading the field with 31 percent", "show"),
    ("Fifty-nine percent said it was not the right position.", "it was not the right position", "say"),
    ("Kerr plans to hold a rally in Ohio next week.", "to hold a rally in Ohio next week", "plan"),
    ("The harbour board issued a statement saying that Vance meant no harm.", "Vance meant no harm", "say"),
])
def test_attribution_kept(text, content, lemma):
    recs = [r for r in find_attributions(text) if r["lemma"] == lemma]
    assert [text[r["start"]:r["end"]] for r in recs] == [content]


# ---------------------------------------------------------------- speakers
def _speakers(texts: dict[str, str]) -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": list(texts), "outlet": "X", "text": list(texts.values())})
    return extract_quotes(arts).set_index("quote")


def test_cross_article_merge_needs_same_name_or_unambiguous_surname():
    q = _speakers({
        "a1": "Retired Lt. Gen. Michael Flynn said the deal was bad.",
        "a2": "John Flynn, a teacher, said schools were underfunded.",
        "a3": "Flynn said the talks must end soon.",
        "a4": "Fox News's Ed Henry said the debate was heated.",
        "a5": "Mary Kay Henry, the union president, said workers need raises.",
    })
    assert q.loc["the deal was bad", "speaker_canonical"] == "Michael Flynn"
    assert q.loc["the deal was bad", "speaker_type"] == "military"
    assert q.loc["schools were underfunded", "speaker_canonical"] == "John Flynn"
    # two Flynns in the corpus: a bare "Flynn" elsewhere is neither of them
    assert q.loc["the talks must end soon", "speaker_canonical"] == "Flynn"
    assert q.loc["the debate was heated", "speaker_canonical"] == "Ed Henry"
    assert q.loc["workers need raises", "speaker_canonical"] == "Mary Kay Henry"
    one = _speakers({"a1": "Michael Flynn said the deal was bad.", "a2": "Flynn said the talks must end soon."})
    assert one.loc["the talks must end soon", "speaker_canonical"] == "Michael Flynn"


def test_groups_pronouns_and_descriptions_are_no_canonical_names():
    q = _speakers({
        "g": ("Republicans said the bill was wrong. 72 percent of Republicans said they liked him. "
              "A significant cohort of Republicans said they wanted change. Analysts said the market was calm. "
              "Critics argued that the plan failed."),
        "p": "He said the vote was rigged. It said the plan would fail.",
        "d": "Prices are too high, said a bank teller in Ohio. An industry lobbyist said the rule would hurt jobs.",
    })
    groups = ["the bill was wrong", "they liked him", "they wanted change", "the market was calm", "the plan failed"]
    assert (q.loc[groups, "speaker_type"] == "group").all()
    assert q.loc["the bill was wrong", "speaker_canonical"] == "Republicans"
    assert q.loc[groups[1:], "speaker_canonical"].isna().all()  # never merged into another group's name
    for quote in ("the vote was rigged", "the plan would fail"):
        assert pd.isna(q.loc[quote, "speaker_canonical"]) and q.loc[quote, "speaker"] in ("He", "It")
    # the speaker's own description is kept as the mention, and names no one
    assert q.loc["Prices are too high", "speaker"] == "a bank teller in Ohio"
    assert q.loc["the rule would hurt jobs", "speaker"] == "An industry lobbyist"
    assert q.loc[["Prices are too high", "the rule would hurt jobs"], "speaker_canonical"].isna().all()
    assert q.loc["the rule would hurt jobs", "speaker_type"] == "industry"


def test_honorifics_roles_and_anonymity_after_the_quote():
    q = _speakers({
        "h": ("Sen. Jane Roe said the vote was fair. Rep. Tom Hale said he was worried. "
              "Gov. Ann Bell said the state was fine. The party's nominee, Sam Cole, said he would win."),
        "a": "The talks would resume soon, said an official who spoke on condition of anonymity.",
    })
    assert q.loc[["the vote was fair", "he was worried", "the state was fine"], "speaker_type"].tolist() == \
        ["official"] * 3
    assert q.loc["the vote was fair", "speaker_canonical"] == "Jane Roe"
    assert q.loc["he would win", "speaker_type"] == "campaign"
    assert q.loc["The talks would resume soon", "speaker_type"] == "anonymous"
    assert q.loc["The talks would resume soon", "speaker"] == "an official"


def test_type_from_how_the_article_introduces_the_speaker():
    q = _speakers({
        "i": ("The campaign hired veteran lobbyist and campaign chairman Sam Cole in March. "
              "Cole said the convention would be calm."),
        "n": "Jo Hale met the mayor on Monday. Hale said the convention would be calm.",
        "g": "African-Americans said the economy was better. Russians said the talks failed.",
    })
    calm = q[q.index == "the convention would be calm"]
    assert calm["speaker_type"].tolist() == ["campaign", "unknown"]  # no role written near Jo Hale's name
    assert (q.loc[["the economy was better", "the talks failed"], "speaker_type"] == "group").all()
