"""load_corpus on every supported format, every bad-input case, boilerplate, ids and manifests."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from mediakit.corpus import (
    COLUMNS,
    CorpusError,
    load_corpus,
    load_manifest,
    strip_boilerplate,
    validate_corpus,
)

from .conftest import ROOT, S400, write

FIXTURES = Path(__file__).parent / "data" / "corpus"

FRONT = """---
title: "Council backs new bridge"
outlet: River Post
date: 2021-03-03
author: Ida Lund
url: https://river-post.example/bridge
language: en
section: Local
synthetic: true
---
The council voted on Tuesday to build a second bridge over the river, ending a debate that lasted ten years.

"It is a good day for the town," said the mayor, Per Vik.
"""


def load_quiet(path, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, **kw)


def load_with_report(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, return_report=True, **kw)


# ---------------------------------------------------------------- formats
def test_front_matter_markdown_fields_and_extras(tmp_path):
    write(tmp_path / "a.md", FRONT)
    df = load_corpus(tmp_path)
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS
    row = df.iloc[0]
    assert row.title == "Council backs new bridge"
    assert row.outlet == "River Post"
    assert row.date == pd.Timestamp("2021-03-03") and row.date_precision == "day"
    assert row.author == "Ida Lund" and row.url == "https://river-post.example/bridge"
    assert row.language == "en"
    assert row.section == "Local" and bool(row.synthetic) is True
    assert row.text.startswith("The council voted") and row.text.endswith("said the mayor, Per Vik.")
    assert pd.api.types.is_datetime64_any_dtype(df["date"])


def test_plain_text_takes_outlet_from_folder_or_argument(tmp_path):
    write(tmp_path / "Harbour Times" / "story.txt", "Ferry strike ends\n\nThe ferry crews went back to work on Monday.")
    df = load_corpus(tmp_path)
    assert df.loc[0, "outlet"] == "Harbour Times"
    assert df.loc[0, "title"] == "Ferry strike ends"
    assert df.loc[0, "text"] == "The ferry crews went back to work on Monday."
    df2 = load_corpus(tmp_path, outlet="Given Name")
    assert df2.loc[0, "outlet"] == "Given Name"


def test_html_page_main_text_and_metadata():
    df = load_corpus(FIXTURES / "page.html")
    row = df.iloc[0]
    assert row.outlet == "Lakeside Gazette"
    assert row.title == "Harbour council approves ferry timetable"
    assert row.author == "Mira Holt"
    assert row.url == "https://lakeside-gazette.example/news/ferry-timetable"
    assert row.date == pd.Timestamp("2021-05-04 06:30:00")  # +02:00 normalised to UTC
    assert "two evening crossings" in row.text and "winter demand in October" in row.text
    for furniture in ("Share on Facebook", "Related stories", "All rights reserved", "Sport"):
        assert furniture not in row.text


def test_rss_feed_items_become_articles():
    df = load_corpus(FIXTURES / "feed.xml")
    assert len(df) == 2
    first = df.iloc[0]
    assert first.outlet == "Valley Radio"
    assert first.title == "Library extends opening hours"
    assert first.author == "Ana Reis"
    assert first.date == pd.Timestamp("2020-12-15 00:30:00")
    assert first.text == ("The town library will stay open until nine in the evening from January, the council "
                          "said on Monday.\n\nLibrarians said students had asked for quiet space during the exam season.")
    assert first.source_path.endswith("feed.xml#item1")


def test_atom_feed():
    df = load_corpus(FIXTURES / "feed.atom")
    assert df.loc[0, "outlet"] == "Coast Weekly" and df.loc[0, "author"] == "Lea Marr"
    assert df.loc[0, "text"].startswith("The fishing fleet returned")


MEDIACLOUD = pd.DataFrame({
    "stories_id": [101, 102],
    "publish_date": ["2020-12-14 18:00:00", "2020-12-15 09:15:00"],
    "title": ["Sanctions announced", "Ankara responds"],
    "url": ["https://a.example/1", "https://b.example/2"],
    "media_name": ["Alpha News", "Beta Daily"],
    "full_text": ["Sanctions were announced on Monday by the State Department.",
                  "Ankara said on Tuesday that it rejected the sanctions."],
})


@pytest.mark.parametrize("ext", ["csv", "tsv", "jsonl", "json", "parquet"])
def test_tables_map_media_cloud_columns(tmp_path, ext):
    path = tmp_path / f"export.{ext}"
    if ext == "csv":
        MEDIACLOUD.to_csv(path, index=False)
    elif ext == "tsv":
        MEDIACLOUD.to_csv(path, index=False, sep="\t")
    elif ext == "jsonl":
        MEDIACLOUD.to_json(path, orient="records", lines=True)
    elif ext == "json":
        path.write_text(json.dumps({"stories": MEDIACLOUD.to_dict("records")}), encoding="utf-8")
    else:
        MEDIACLOUD.to_parquet(path)
    df = load_corpus(path)
    assert list(df.outlet) == ["Alpha News", "Beta Daily"]
    assert list(df.title) == ["Sanctions announced", "Ankara responds"]
    assert df.loc[0, "text"].startswith("Sanctions were announced")
    assert df.loc[1, "date"] == pd.Timestamp("2020-12-15 09:15:00")
    assert list(df.article_id) == ["101", "102"]


def test_gdelt_columns_and_override(tmp_path):
    gdelt = pd.DataFrame({"DocumentIdentifier": ["https://g.example/x"], "SourceCommonName": ["g.example"],
                          "seendate": ["20201214T193000Z"], "story_body": ["A body text about the talks."]})
    gdelt.to_csv(tmp_path / "gdelt.csv", index=False)
    df, report = load_with_report(tmp_path / "gdelt.csv")
    assert len(df) == 0 and df.attrs["n_skipped"] == 1
    assert "no text column" in report.skipped.reason[0]
    df = load_corpus(tmp_path / "gdelt.csv", columns={"story_body": "text"})
    assert df.loc[0, "outlet"] == "g.example" and df.loc[0, "url"] == "https://g.example/x"
    assert df.loc[0, "date"] == pd.Timestamp("2020-12-14 19:30:00")


# ---------------------------------------------------------------- bad input
def _skipped(report) -> dict[str, dict]:
    return {Path(s["path"].split("#")[0]).name + ("#" + s["path"].split("#")[1] if "#" in s["path"] else ""): s
            for s in report.skipped.to_dict("records")}


def test_every_bad_input_is_reported_and_the_rest_loads(tmp_path):
    write(tmp_path / "good.md", FRONT)
    write(tmp_path / "empty.md", "  \n\n")
    write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(tmp_path / "badyaml.md", "---\ntitle: a: b: c\noutlet: [unclosed\n---\nBody text here.\n")
    write(tmp_path / "notext.md", "---\ntitle: Only a title\noutlet: X\n---\n\n")
    write(tmp_path / "notes.docx", b"PK\x03\x04 not really a docx")
    write(tmp_path / "unclosed.md", "---\ntitle: Never closed\nBody.")
    write(tmp_path / "code.md", "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nBody.\n")
    (tmp_path / "broken.md").symlink_to(tmp_path / "does-not-exist.md")
    with pytest.warns(UserWarning) as rec:
        df, report = load_corpus(tmp_path, return_report=True)
    assert list(df.title) == ["Council backs new bridge"]
    assert {k: df.attrs[k] for k in ("n_skipped", "n_notes", "n_duplicates")} == {
        "n_skipped": 8, "n_notes": 0, "n_duplicates": 0}
    # the reasons counted, as the report's overview shows them beside the count; they add up to the count
    reasons = df.attrs["skipped_reasons"].split("; ")
    assert sum(int(r.split(" ", 1)[0]) for r in reasons) == 8 and "2 empty file" not in reasons
    assert "1 empty file" in reasons and "1 binary file, not text" in reasons
    skipped = _skipped(report)
    assert skipped["empty.md"]["reason"] == "empty file"
    assert skipped["binary.txt"]["reason"] == "binary file, not text"
    assert skipped["badyaml.md"]["reason"].startswith("bad YAML front matter at line")
    assert "quote values" in skipped["badyaml.md"]["hint"]
    assert skipped["notext.md"]["reason"] == "no article text after the metadata"
    assert skipped["notes.docx"]["reason"] == "unknown extension '.docx'"
    assert "never closed" in skipped["unclosed.md"]["reason"]
    assert skipped["code.md"]["reason"].startswith("bad YAML front matter")  # safe loader refuses objects
    assert skipped["broken.md"]["reason"] == "unreadable (broken symbolic link)"
    assert report.skipped.hint.str.len().gt(0).all()
    messages = [str(w.message) for w in rec]
    assert len(messages) == 1 and "\n" not in messages[0]
    assert "skipped 8 input(s)" in messages[0]


def test_strict_raises_listing_every_problem(tmp_path):
    write(tmp_path / "good.md", FRONT)
    write(tmp_path / "empty.md", "")
    write(tmp_path / "x.docx", b"PK")
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path, strict=True)
    assert len(err.value.problems) == 2
    assert "empty.md: empty file" in str(err.value) and "x.docx: unknown extension" in str(err.value)


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    target = write(tmp_path / "locked.md", FRONT)
    write(tmp_path / "good.md", FRONT.replace("second bridge", "third bridge"))
    real = os.open

    def deny(path, *args, **kw):  # root reads any file whatever its mode: refuse the open instead
        if Path(path) == target:
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kw)

    monkeypatch.setattr(os, "open", deny)
    df, report = load_with_report(tmp_path)
    assert len(df) == 1
    assert _skipped(report)["locked.md"]["reason"] == "unreadable (Permission denied)"


@pytest.mark.parametrize("encoding,text,word", [
    ("cp1251", "Президент заявил, что контракт будет выполнен в срок.", "Президент"),
    ("cp1254", "Bakanlık yaptırımları kınadı ve karşılık vereceğini açıkladı.", "Bakanlık"),
    ("latin-1", "Le ministre a déclaré que l'accord était signé à Genève.", "déclaré"),
    ("utf-8-sig", "Plain text with a byte order mark at the start.", "Plain"),
])
def test_legacy_encodings(tmp_path, encoding, text, word):
    write(tmp_path / "Outlet" / "a.txt", ("Title line\n\n" + text).encode(encoding))
    df, report = load_corpus(tmp_path, return_report=True)
    assert word in df.loc[0, "text"], df.loc[0, "text"]
    decoded = [n for n in report.notes.note if not n.startswith("outlet from the folder name")]
    if encoding != "utf-8-sig":
        assert decoded == [f"decoded as {encoding}"]


def test_duplicates_kept_once_and_flagged(tmp_path):
    write(tmp_path / "a.md", FRONT)
    write(tmp_path / "b.md", FRONT.replace("url: https://river-post.example/bridge", "url: https://mirror.example/b"))
    df, report = load_with_report(tmp_path)
    assert len(df) == 1 and df.attrs["n_duplicates"] == 1
    assert report.duplicates.path[0].endswith("b.md") and report.duplicates.duplicate_of[0].endswith("a.md")
    assert _skipped(report)["b.md"]["reason"].startswith("duplicate: same text as")


def test_unparseable_date_is_nat_and_reported(tmp_path):
    write(tmp_path / "a.md", FRONT.replace("date: 2021-03-03", "date: sometime in spring"))
    with pytest.warns(UserWarning, match=r"1 date\(s\) did not parse"):
        df, report = load_corpus(tmp_path, return_report=True)
    assert pd.isna(df.loc[0, "date"]) and df.loc[0, "date_precision"] == "unknown"
    assert report.notes.note.tolist() == ["date did not parse: 'sometime in spring'; set to NaT"]


def test_feed_entities_are_not_expanded(tmp_path):
    evil = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>T</title><item><title>x &xxe; &b;</title>
<description>Text of the item about the council and its budget, long enough.</description></item></channel></rss>"""
    write(tmp_path / "evil.xml", evil)
    df = load_quiet(tmp_path)
    joined = " ".join(df.get("title", pd.Series(dtype=str)).tolist() + df.get("text", pd.Series(dtype=str)).tolist())
    assert "root:" not in joined
    assert "aaaaaaaaaa" * 10 not in joined


def test_not_a_feed(tmp_path):
    write(tmp_path / "config.xml", "<?xml version='1.0'?><config><a>1</a></config>")
    _, report = load_with_report(tmp_path)
    assert _skipped(report)["config.xml"]["reason"].startswith("not an RSS/Atom feed")


def test_table_rows_without_text_are_listed(tmp_path):
    pd.DataFrame({"title": ["a", "b"], "text": ["Some body text here.", ""], "outlet": ["X", "X"]}).to_csv(
        tmp_path / "t.csv", index=False)
    df, report = load_with_report(tmp_path / "t.csv")
    assert len(df) == 1
    assert _skipped(report)["t.csv#row3"]["reason"] == "table row has no text"


def test_missing_path(tmp_path):
    df, report = load_with_report(tmp_path / "nope")
    assert df.empty and report.skipped.reason.tolist() == ["no such file or folder"]


# ---------------------------------------------------------------- ids, boilerplate, language
def test_article_id_is_stable_and_independent_of_location(tmp_path):
    no_id = FRONT.replace("url: https://river-post.example/bridge\n", "")
    write(tmp_path / "one" / "a.md", no_id)
    write(tmp_path / "two" / "renamed.md", no_id)
    first = load_quiet(tmp_path / "one").article_id.iloc[0]
    again = load_quiet(tmp_path / "one").article_id.iloc[0]
    moved = load_quiet(tmp_path / "two").article_id.iloc[0]
    assert first == again == moved and len(first) == 16
    write(tmp_path / "three" / "a.md", FRONT.replace("title:", "id: my-own-id\ntitle:"))
    assert load_quiet(tmp_path / "three").article_id.iloc[0] == "my-own-id"


def test_boilerplate_and_credits_are_moved_out_of_text():
    body = ("ANKARA (Reuters) - Turkey said on Monday it would respond.\n\nThe talks go on.\n\n"
            "Read more: Ten things about ferries\n\nPhoto: Ann Example / Lakeside Gazette\n\n"
            "AFP contributed to this report.\n\nReporting by Ann Example; Editing by Bo Test\n\n"
            "Share this article\n\nSubscribe to our newsletter\n\nFollow us on Telegram")
    text, wire, credits = strip_boilerplate(body)
    assert text == "Turkey said on Monday it would respond.\n\nThe talks go on."
    assert wire == "AFP"
    assert "Photo: Ann Example / Lakeside Gazette" in credits
    assert "Reporting by Ann Example; Editing by Bo Test" in credits
    assert credits[0] == "ANKARA (Reuters) -"


def test_seed_article_boilerplate(shared_dir):
    df = load_corpus(shared_dir / "seeds", outlet="TASS")
    row = df.iloc[0]
    assert row.title == "Turkey considers buying the second regiment of S-400s from Russia"
    assert row.date == pd.Timestamp("2021-03-03")
    assert row.wire == "TASS"
    assert "Photo: Vitaly Nevar / TASS" in row.credits and "Based on materials from TASS" in row.credits
    assert "Based on materials" not in row.text and "Photo:" not in row.text and "GSV" not in row.text
    assert row.text.startswith("Ismail Demir, head of Turkey's Defense Industry Directorate")
    assert row.text.endswith("were ready to be put into service.")


def test_language_detection(tmp_path):
    write(tmp_path / "O" / "en.txt", "T\n\nThe ministry said the sanctions would not change the country's decision.")
    write(tmp_path / "O" / "ru.txt", "T\n\nМинистерство заявило, что санкции не изменят решение страны.")
    write(tmp_path / "O" / "tr.txt", "T\n\nBakanlık, yaptırımların ülkenin kararını değiştirmeyeceğini söyledi.")
    df = load_corpus(tmp_path)
    langs = {Path(p).stem: lang for p, lang in zip(df.source_path, df.language)}
    assert langs == {"en": "en", "ru": "ru", "tr": "tr"}


def test_validate_corpus(tiny_corpus):
    assert validate_corpus(tiny_corpus) is tiny_corpus
    bad = pd.concat([tiny_corpus, tiny_corpus.iloc[[0]]])
    with pytest.raises(CorpusError, match="appears more than once"):
        validate_corpus(bad)
    with pytest.raises(CorpusError, match="column 'text' missing"):
        validate_corpus(tiny_corpus.drop(columns="text"))


# ---------------------------------------------------------------- manifest
def test_bundled_manifest_dates_and_precision():
    m = load_manifest(S400 / "coverage_manifest.csv")
    assert len(m) == 153
    assert {"outlet", "date", "date_precision", "date_raw", "title", "url", "language"} <= set(m.columns)
    by_raw = dict(zip(m.date_raw, zip(m.date, m.date_precision)))
    assert by_raw["2018-04-03/04"] == (pd.Timestamp("2018-04-03"), "day")
    inferred = next(k for k in by_raw if "(inferred)" in k)
    assert by_raw[inferred][1] in ("month", "day", "year")
    assert by_raw["2017 (n/v)"] == (pd.Timestamp("2017-01-01"), "year")
    assert set(m.date_precision) <= {"day", "month", "year", "unknown"}


def test_shared_manifest_loads_identically(shared_dir):
    a = load_manifest(shared_dir / "story" / "coverage_manifest.csv")
    b = load_manifest(S400 / "coverage_manifest.csv")
    pd.testing.assert_frame_equal(a, b)


def test_manifest_errors(tmp_path):
    with pytest.raises(CorpusError, match="no 'url' column"):
        write(tmp_path / "m.csv", "title,date\nx,2020\n")
        load_manifest(tmp_path / "m.csv")
    with pytest.raises(CorpusError, match="no such manifest"):
        load_manifest(tmp_path / "missing.csv")


def test_mediakitignore(tmp_path):
    write(tmp_path / "a.md", FRONT)
    write(tmp_path / "gold" / "quotes.csv", "article_id,start\n")
    write(tmp_path / "README.md", "# about this corpus\n\nNot an article.")
    write(tmp_path / ".mediakitignore", "gold/\n")
    df = load_corpus(tmp_path)
    assert len(df) == 1 and df.attrs["n_skipped"] == 0


def test_project_root_layout():
    for rel in ("pyproject.toml", "Makefile", "README.md", "environment.yml", ".ci/run", "data/README.md"):
        assert (ROOT / rel).exists(), rel
