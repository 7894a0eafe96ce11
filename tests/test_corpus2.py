"""The second test corpus, tests/data/harbour (a fictional toll dispute and transit strike), and its answer key.

The corpus is synthetic, written for mediakit's tests; its README.md holds the answer key that these tests
read: the quotes a good extractor should find, the reprints, the shared quote and the boilerplate.
"""

from __future__ import annotations

import inspect
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
import yaml

import mediakit as mk

HERE = Path(__file__).parent
CORPUS = HERE / "data" / "harbour"
STORY = HERE / "data" / "harbour-story"
README = (CORPUS / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a skipped file or a bad date would warn
        return mk.load_corpus(CORPUS)


def _table(heading: str) -> list[list[str]]:
    """Rows (cells stripped) of the first Markdown table after ``heading`` in the README."""
    section = README.split(heading, 1)[1]
    rows = []
    for line in section.splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if set("".join(cells)) <= set("-: "):
            continue
        rows.append(cells)
    return rows[1:]  # without the header


def _article(corpus: pd.DataFrame, rel: str) -> pd.Series:
    """The article loaded from ``rel`` (a path under the corpus folder, ``file.csv#row2`` for a table row)."""
    paths = corpus["source_path"].map(lambda p: Path(p.split("#")[0]).relative_to(CORPUS).as_posix()
                                      + ("#" + p.split("#")[1] if "#" in p else ""))
    hit = corpus[paths == rel]
    assert len(hit) == 1, f"{rel}: {len(hit)} articles loaded from it"
    return hit.iloc[0]


def test_loads_every_file_with_nothing_skipped(corpus):
    assert len(corpus) == 28
    assert corpus.attrs["n_skipped"] == 0
    assert corpus["outlet"].nunique() >= 4
    assert corpus["language"].value_counts().to_dict() == {"en": 24, "tr": 2, "ru": 2}
    # README.md is documentation, not an article
    assert not corpus["source_path"].str.endswith("README.md").any()
    words = corpus["text"].str.split().str.len()
    assert words.between(200, 500).all(), corpus.loc[~words.between(200, 500), "source_path"].tolist()


def test_every_file_is_listed_in_the_readme(corpus):
    listed = {row[0] for row in _table("## Every file")}
    for _, a in corpus.iterrows():
        rel = Path(a["source_path"].split("#")[0]).relative_to(CORPUS).as_posix()
        rel += "#" + a["source_path"].split("#")[1] if "#" in a["source_path"] else ""
        assert rel in listed, f"{rel} is not in README.md's file list"
    assert len(listed) == len(corpus)


def test_front_matter_and_csv_rows_say_synthetic(corpus):
    md = corpus[corpus["source_path"].str.endswith(".md")]
    assert len(md) == 21 and (md["synthetic"] == True).all()  # noqa: E712 (a YAML boolean)
    rows = corpus[corpus["source_path"].str.contains(".csv#", regex=False)]
    assert len(rows) == 3 and (rows["synthetic"].astype(str).str.lower() == "true").all()
    # plain text files have no front matter: name pattern outlet_YYYY-MM-DD_slug.txt, in the outlet's folder
    txt = corpus[corpus["source_path"].str.endswith(".txt")]
    assert len(txt) == 4
    for p in txt["source_path"]:
        assert re.fullmatch(r"bay-public-radio_\d{4}-\d{2}-\d{2}_[a-z0-9-]+\.txt", Path(p).name)
        assert Path(p).parent.name == "bay-public-radio"


def test_weekly_timeline_has_at_least_six_bins(corpus):
    dated = corpus.dropna(subset=["date"])
    assert dated["date"].min() >= pd.Timestamp("2025-03-03") and dated["date"].max() <= pd.Timestamp("2025-04-30")
    timeline = mk.coverage_timeline(corpus, freq="W")
    weeks = timeline.groupby("period")["articles"].sum()
    assert (weeks > 0).sum() >= 6
    assert weeks.max() >= 5  # the peak week of the board vote / strike


def test_answer_key_quotes_occur_verbatim(corpus):
    quotes = _table("## Quotes a good extractor should find")
    assert 15 <= len(quotes) <= 20
    kinds = set()
    for qid, rel, speaker, kind, words in quotes:
        text = _article(corpus, rel)["text"]
        assert words in text, f"{qid}: {words!r} is not in the text of {rel}"
        assert speaker
        kinds.add(kind)
    assert {"direct", "indirect", "according_to"} <= kinds


def test_shared_quote_is_40_words_in_two_outlets(corpus):
    statement = re.search(r"^> (.+)$", README.split("## Shared quote", 1)[1], re.M).group(1)
    assert len(statement.split()) == 40
    # one outlet ends it with "money.", the other with "money," before the attribution
    having = corpus[corpus["text"].str.contains(statement.rstrip("."), regex=False)]
    assert sorted(having["outlet"]) == ["Merrow Bay Chronicle", "Tidewater Business Journal"]


def test_boilerplate_is_in_the_files_and_out_of_the_loaded_text(corpus):
    """The editor's notes, database markers and tweet markup are in the files; the loader takes them out of
    `text` (notes learned as outlet boilerplate and kept in the `boilerplate` column), offsets intact."""
    rows = _table("## Boilerplate")
    notes = [r[2] for r in rows if r[0] == "editor's note"]
    assert len(notes) == 2
    raw = "\n".join(p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
                    if p.suffix in (".md", ".txt") and p.name != "README.md")
    for note in notes:
        assert raw.count(note) >= 4
        assert not corpus["text"].str.contains(note, regex=False).any()
        having = corpus[corpus["boilerplate"].fillna("").str.contains(note, regex=False)]
        assert len(having) >= 4 and having["outlet"].nunique() == 1
    assert raw.count("FULL TEXT.") >= 4 and "ABSTRACT." in raw
    assert not corpus["text"].str.startswith(("FULL TEXT.", "ABSTRACT.")).any()
    assert len(re.findall(r'<tweet id="\d+">.+</tweet>', raw)) == 1
    assert not corpus["text"].str.contains("<tweet", regex=False).any()


def _pairs(corpus: pd.DataFrame, heading: str) -> list[tuple[str, str, str]]:
    return [(row[0], _article(corpus, row[2] if heading.startswith("## Reprints") else row[3])["article_id"],
             _article(corpus, row[1])["article_id"]) for row in _table(heading)]


def test_find_reuse_finds_the_reprints(corpus):
    reuse = mk.find_reuse(corpus)
    found = set(zip(reuse["source_id"], reuse["target_id"]))
    reprints = _pairs(corpus, "## Reprints")
    assert len(reprints) == 3
    for rid, source, target in reprints:
        assert (source, target) in found, f"{rid} not found by find_reuse"
    # the shared quote is found as a passage too (same day: direction is not the point, the pair is)
    chron = _article(corpus, "merrow-chronicle/2025-03-26-after-the-vote.md")["article_id"]
    biz = _article(corpus, "tidewater-business/2025-03-26-vote-bond-rally.md")["article_id"]
    assert (chron, biz) in found or (biz, chron) in found


def test_find_reuse_finds_the_translated_reprints(corpus):
    translated = _pairs(corpus, "## Translated reprints")
    assert len(translated) == 2
    if "cross_lingual" not in inspect.signature(mk.find_reuse).parameters:
        pytest.skip("find_reuse has no cross_lingual option yet")
    reuse = mk.find_reuse(corpus, cross_lingual=True)
    found = set(zip(reuse["source_id"], reuse["target_id"]))
    for rid, source, target in translated:
        assert (source, target) in found, f"{rid} not found by find_reuse(cross_lingual=True)"


def test_story_pack_files_are_complete():
    story = yaml.safe_load((STORY / "story.yaml").read_text(encoding="utf-8"))
    assert {"name", "title", "description", "languages", "date_range"} <= set(story)
    assert set(story["languages"]) == {"en", "tr", "ru"}
    start, end = pd.Timestamp(story["date_range"]["start"]), pd.Timestamp(story["date_range"]["end"])
    events = yaml.safe_load((STORY / "events.yaml").read_text(encoding="utf-8"))["events"]
    assert 5 <= len(events) <= 7
    for e in events:
        assert {"id", "date", "precision", "label", "description"} <= set(e)
        assert start <= pd.Timestamp(e["date"]) <= end
    naming = yaml.safe_load((STORY / "naming.yaml").read_text(encoding="utf-8"))["concepts"]
    assert 2 <= len(naming) <= 3 and all(len(c["variants"]) >= 2 for c in naming.values())
    actors = yaml.safe_load((STORY / "actors.yaml").read_text(encoding="utf-8"))["entries"]
    assert 3 <= len(actors) <= 5
    aliases = [a for entry in actors for a in entry["aliases"]]
    assert len(aliases) == len(set(aliases)), "an alias belongs to one actor only"
    people = yaml.safe_load((STORY / "speakers.yaml").read_text(encoding="utf-8"))["people"]
    for p in people:
        assert p["roles"] and all("from" in r for r in p["roles"]), p["name"]
        for r in p["roles"]:
            if "until" in r:
                assert pd.Timestamp(r["from"]) < pd.Timestamp(r["until"])
    assert not (CORPUS / "story.yaml").exists()


def test_naming_lexicon_matches_the_corpus(corpus):
    table = mk.naming_table(corpus, lexicon=str(STORY / "naming.yaml"))
    used = table[table["count"] > 0].groupby("concept")["variant"].nunique()
    assert set(used.index) == {"toll", "strike", "authority"}
    assert (used >= 2).all()  # each concept has competing names in use
