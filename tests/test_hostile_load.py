"""load_corpus on hostile folders: every file is loaded or listed with a reason, quickly, whatever it holds."""

from __future__ import annotations

import os
import stat
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from mediakit.corpus import LoadReport, load_corpus, load_manifest

# Hypothesis keeps caches in ./.hypothesis by default: tests write nothing into the checkout.
set_hypothesis_home_dir(os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY")
                        or Path(tempfile.gettempdir()) / "mediakit-hypothesis")

GOOD = """---
title: "Council backs new bridge {n}"
outlet: River Post
date: 2021-03-0{n}
---
The council voted on Tuesday to build bridge number {n} over the river, ending a debate that lasted years.
"""

# 641 bytes of YAML that expand to 9**9 strings: the loader must refuse it, not expand it.
BOMB = "---\n" + "\n".join(
    ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    + ["title: *i"]) + "\n---\nBody text of the bomb.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def load(path, **kw) -> tuple[pd.DataFrame, LoadReport]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, return_report=True, **kw)


def shown(path: Path | bytes) -> str:
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def every_file(root: Path) -> list[Path]:
    """Every non-hidden entry that is not a folder (files, links, FIFOs), as load_corpus should see it."""
    out = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out += [Path(folder) / n for n in names if not n.startswith(".")]
    return out


def unaccounted(root: Path, df: pd.DataFrame, report: LoadReport) -> list[str]:
    """Files that are neither a row's source nor listed as skipped (table rows count as their file)."""
    seen = list(df.source_path) + list(report.skipped.path)
    missing = []
    for f in every_file(root):
        s = shown(f)
        if not any(p == s or p.startswith(s + "#") for p in seen):
            missing.append(s)
    return missing


def reasons(report: LoadReport) -> dict[str, str]:
    return {Path(p).name: r for p, r in zip(report.skipped.path, report.skipped.reason, strict=True)}


def notes(report: LoadReport) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p, n in zip(report.notes.path, report.notes.note, strict=True):
        out.setdefault(Path(p).name, []).append(n)
    return out


# ---------------------------------------------------------------- the whole hostile folder
@pytest.fixture
def hostile(tmp_path) -> Path:
    root = tmp_path / "corpus"
    for n in (1, 2):
        write(root / f"good{n}.md", GOOD.format(n=n))
    write(root / "bomb.md", BOMB)
    (root / "zero.md").symlink_to("/dev/zero")
    (root / "urandom.txt").symlink_to("/dev/urandom")
    os.mkfifo(root / "pipe.md")
    (root / "pipe-link.md").symlink_to(root / "pipe.md")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    write(tmp_path / "outside.md", GOOD.format(n=9))
    (root / "outside-link.md").symlink_to(tmp_path / "outside.md")
    write(root / "feb30.md", GOOD.format(n=3).replace("2021-03-03", "2020-02-30"))
    write(root / "old.md", GOOD.format(n=4).replace("2021-03-04", "1500-01-01"))
    write(root / "credits.md", GOOD.format(n=5).replace("outlet:", "credits: 5\nauthor: [A. B., 7]\noutlet:"))
    write(root / "table.csv", "title,text,outlet,date\nT6,Text of article six about the bridge.,Post,2020-02-30\n"
                              "T7,Text of article seven about the bridge.,Post,1500-01-01\n")
    write(root / "empty-export.csv", "title,text,outlet,date\n")
    write(root / "feed.xml", """<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
<item><title>Item</title><pubDate>Sun, 30 Feb 2020 10:00:00 GMT</pubDate>
<description>Text of the feed item about the bridge and the council.</description></item></channel></rss>""")
    write(root / "Outlet" / "dateline.txt", "Bridge opens\n01 January 1500\nThe bridge opened to traffic today.\n")
    os.close(os.open(os.fsencode(root) + b"/\xcd\xee\xe2\xee\xf1\xf2\xe8.md",  # "Новости" in cp1251
                     os.O_WRONLY | os.O_CREAT, 0o644))
    with open(os.fsencode(root) + b"/\xcd\xee\xe2\xee\xf1\xf2\xe8.md", "wb") as fh:
        fh.write(GOOD.format(n=8).encode())
    write(root / "utf16.txt", "Utf title\n\nA text saved as UTF-16 with a byte-order mark.".encode("utf-16"))
    write(root / "cp1252.txt", "Title\n\nThe minister\u2019s \u201cdeal\u201d \u2014 signed for \u20ac5 m.".encode("cp1252"))
    write(root / "control.md", GOOD.format(n=6).replace("The council", "The\x07 coun\x01cil\x1b[31m"))
    locked = root / "locked"
    write(locked / "inside.md", GOOD.format(n=7))
    locked.chmod(0)
    yield root
    locked.chmod(0o755)


def test_hostile_folder_loads_in_seconds_and_lists_every_file(hostile):
    t0 = time.perf_counter()
    load(hostile)  # the first load also imports the HTML, feed and language libraries
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    df, report = load(hostile)
    warm = time.perf_counter() - t0
    assert cold < 30 and warm < 3, (cold, warm)
    assert unaccounted(hostile, df, report) == []
    loaded = {Path(p.split("#")[0]).name for p in df.source_path}
    assert {"good1.md", "good2.md", "feb30.md", "old.md", "credits.md", "table.csv", "feed.xml", "dateline.txt",
            "Новости.md".encode("cp1251").decode("utf-8", "backslashreplace"), "utf16.txt", "cp1252.txt",
            "control.md"} <= loaded
    why = reasons(report)
    assert why["bomb.md"] == "YAML aliases (*name) in the front matter are not allowed"
    assert why["zero.md"].startswith("symbolic link leading out of the corpus folder (to /dev/zero)")
    assert why["urandom.txt"].startswith("symbolic link leading out of the corpus folder (to /dev/urandom)")
    assert why["passwd.txt"].startswith("symbolic link leading out of the corpus folder")
    assert why["outside-link.md"].startswith("symbolic link leading out of the corpus folder")
    assert why["pipe.md"] == "a FIFO (named pipe), not a regular file; not read"
    assert why["pipe-link.md"] == "a FIFO (named pipe) (through a symbolic link), not a regular file; not read"
    assert why["empty-export.csv"] == "CSV table has no rows (only a header)"
    assert "root:" not in " ".join(df.text)
    assert df.attrs == {"n_skipped": len(report.skipped), "n_notes": len(report.notes),
                        "n_duplicates": 0, "skipped_reasons": df.attrs["skipped_reasons"]}
    if os.access(hostile / "locked", os.R_OK | os.X_OK):  # root enters any folder: then it simply loads
        assert "inside.md" in loaded
    else:
        assert why["locked"].startswith("folder cannot be read")


def test_impossible_dates_are_nat_with_a_note(hostile):
    df, report = load(hostile)
    by_name = {Path(p).name: r for p, r in zip(df.source_path, df.itertuples(), strict=True)}
    for name in ("feb30.md", "old.md", "table.csv#row2", "table.csv#row3", "feed.xml#item1", "dateline.txt"):
        assert pd.isna(by_name[name].date) and by_name[name].date_precision == "unknown", name
    n = notes(report)
    assert n["feb30.md"] == ["date did not parse: 2020-02-30 is not a calendar date "
                             "(day is out of range for month); set to NaT"]
    assert n["old.md"] == ["date did not parse: 1500-01-01 is outside the range pandas can hold, "
                           "1677-09-21 to 2262-04-11; set to NaT"]
    assert "outside the range" in n["table.csv#row3"][0] and "not a calendar date" in n["table.csv#row2"][0]
    assert "not a calendar date" in n["feed.xml#item1"][0]
    assert by_name["dateline.txt"].text == "The bridge opened to traffic today."  # the dateline left the text
    assert df.loc[df.source_path.str.endswith("good1.md"), "date"].iloc[0] == pd.Timestamp("2021-03-01")


def test_field_values_of_any_type_become_text(hostile):
    df, _ = load(hostile)
    row = df[df.source_path.str.endswith("credits.md")].iloc[0]
    assert row.credits == "5" and row.author == "A. B.; 7"


def test_encodings_names_and_control_characters(hostile):
    df, report = load(hostile)
    by_name = {Path(p).name: r for p, r in zip(df.source_path, df.itertuples(), strict=True)}
    assert by_name["utf16.txt"].text == "A text saved as UTF-16 with a byte-order mark."
    assert by_name["cp1252.txt"].text == "The minister\u2019s \u201cdeal\u201d \u2014 signed for \u20ac5 m."
    assert notes(report)["cp1252.txt"] == ["decoded as cp1252"]
    assert notes(report)["utf16.txt"] == ["decoded as utf-16"]
    control = by_name["control.md"].text
    assert control.startswith("The council[31m voted") and not any(ord(c) < 32 and c not in "\n\t" for c in control)
    name = by_name[r"\xcd\xee\xe2\xee\xf1\xf2\xe8.md"]
    assert name.title == "Council backs new bridge 8"
    df.to_csv(os.devnull)  # escaped names are plain text: they can be written anywhere
    str(report).encode("utf-8")


def test_bomb_is_refused_in_milliseconds(tmp_path):
    assert len(BOMB.split("\n---\n")[0]) + 5 <= 700  # the audit's 641-byte class
    write(tmp_path / "bomb.md", BOMB)
    t0 = time.perf_counter()
    df, report = load(tmp_path)
    assert time.perf_counter() - t0 < 0.5
    assert df.empty and list(report.skipped.reason) == ["YAML aliases (*name) in the front matter are not allowed"]


def test_folder_that_cannot_be_entered_is_listed(tmp_path, monkeypatch):
    write(tmp_path / "good.md", GOOD.format(n=1))
    write(tmp_path / "locked" / "a.md", GOOD.format(n=2))
    real = os.scandir

    def deny(path="."):  # tests run as root, who enters any folder: refuse the listing instead
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", deny)
    df, report = load(tmp_path)
    assert len(df) == 1
    assert reasons(report) == {"locked": "folder cannot be read (Permission denied)"}


def test_size_caps_are_parameters_and_say_how_to_raise_them(tmp_path):
    write(tmp_path / "big.md", GOOD.format(n=1) + "word " * 30_000)  # ~150 kB
    write(tmp_path / "small.md", GOOD.format(n=2))
    df, report = load(tmp_path, max_file_bytes=100_000)
    assert list(df.title) == ["Council backs new bridge 2"]
    assert reasons(report)["big.md"] == "file too large (0.2 MB; the cap is 0.1 MB)"
    assert report.skipped.hint[0] == "raise the cap with load_corpus(..., max_file_bytes=160000)"
    df, report = load(tmp_path, max_text_chars=10_000)
    assert reasons(report)["big.md"].startswith("text too long (150,") and "max_text_chars=" in report.skipped.hint[0]
    df, report = load(tmp_path)
    assert len(df) == 2 and report.skipped.empty


def test_parquet_values_and_compression_bomb(tmp_path):
    pd.DataFrame({"text": ["Text of a parquet article about the bridge."], "title": [42], "outlet": [b"Post"],
                  "author": [["A", "B"]]}).to_parquet(tmp_path / "a.parquet")
    df, _ = load(tmp_path)
    assert (df.title[0], df.outlet[0], df.author[0]) == ("42", "Post", "A; B")
    pd.DataFrame({"text": ["x" * 2_000_000]}).to_parquet(tmp_path / "bomb.parquet")
    assert (tmp_path / "bomb.parquet").stat().st_size < 200_000
    _, report = load(tmp_path / "bomb.parquet", max_file_bytes=100_000)
    assert report.skipped.reason[0].startswith("Parquet data too large (2.")


def test_special_files_named_directly_are_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    t0 = time.perf_counter()
    df, report = load([tmp_path / "pipe.md", "/dev/zero"])
    assert time.perf_counter() - t0 < 2
    assert df.empty and list(report.skipped.reason) == [
        "a FIFO (named pipe), not a regular file; not read", "unknown extension '(none)'"]
    df, report = load(tmp_path / "pipe.md")
    assert report.skipped.reason[0] == "a FIFO (named pipe), not a regular file; not read"


def test_strict_still_raises_and_the_warning_is_one_line(hostile):
    with pytest.warns(UserWarning) as rec:
        load_corpus(hostile)
    assert len(rec) == 1 and "\n" not in str(rec[0].message)
    with pytest.raises(Exception, match="problem"):
        load_corpus(hostile, strict=True)


def test_manifest_dates_out_of_range_are_nat_and_kept_raw(tmp_path):
    write(tmp_path / "m.csv", "url,date\nhttps://a.example/1,1500-01-01\nhttps://a.example/2,2020-02-30\n"
                              "https://a.example/3,2021-03-03\n")
    m = load_manifest(tmp_path / "m.csv")
    assert m.date.isna().tolist() == [True, True, False]
    assert m.date_raw.tolist() == ["1500-01-01", "2020-02-30", "2021-03-03"]
    assert list(m.date_precision) == ["unknown", "unknown", "day"]


# ---------------------------------------------------------------- random folders
_NAME_BYTES = st.binary(min_size=1, max_size=12).map(
    lambda b: b"f" + bytes(c for c in b if c not in b"/\x00"))
_EXT = st.sampled_from([b".md", b".txt", b".csv", b".json", b".jsonl", b".xml", b".html", b".parquet", b""])
_FRONT = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
              st.lists(st.integers(), max_size=3), st.sampled_from(["2020-02-30", "1500-01-01", "9999-12-31"])),
    max_size=4)


@st.composite
def _content(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "front", "text"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "text":
        return draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
    import yaml

    meta = draw(_FRONT)
    return ("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + draw(st.text(max_size=80))).encode(
        "utf-8", "surrogatepass")


# No per-example deadline (the first load imports trafilatura and feedparser); the test times each load.
@settings(max_examples=40, deadline=None, database=None,  # database=None: no .hypothesis folder in the checkout
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(_NAME_BYTES, _EXT, _content()), min_size=1, max_size=5))
def test_random_folders_load_or_list_every_file(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("random")
    broot = os.fsencode(root)
    for i, (name, ext, content) in enumerate(files):
        sub = broot + (b"/sub" if i % 2 else b"")
        os.makedirs(sub, exist_ok=True)
        with open(sub + b"/" + name + str(i).encode() + ext, "wb") as fh:
            fh.write(content)
    t0 = time.perf_counter()
    df, report = load(root)
    assert time.perf_counter() - t0 < 8
    assert unaccounted(root, df, report) == []
    assert report.skipped.hint.str.len().gt(0).all()
    assert df.date.dtype == "datetime64[ns]"
    assert not df.text.str.contains(r"[\x00-\x08\x0b-\x1f]").any()
    assert stat.S_ISDIR(os.stat(root).st_mode)
