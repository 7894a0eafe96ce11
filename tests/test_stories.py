"""Story packs: loading and validating, a corpus folder naming its story, drafting a pack from a corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import mediakit as mk
from mediakit.stories import StoryError, init_story, load_story, story_for_corpus

from .conftest import ROOT, S400

RES = ROOT / "mediakit" / "resources"
# The s400 files as they are before the lead moves them into the pack: copied into a tmp_path pack.
OLD_FILES = {"codebook.yaml": RES / "codebooks" / "s400.yaml", "naming.yaml": RES / "naming" / "s400.yaml",
             "actors.yaml": RES / "actors" / "s400.yaml", "events.yaml": RES / "events" / "s400.yaml"}


@pytest.fixture()
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "mystory"
    folder.mkdir()
    shutil.copy(ROOT / "mediakit" / "stories" / "s400" / "story.yaml", folder / "story.yaml")
    for name, src in OLD_FILES.items():
        target = ROOT / "mediakit" / "stories" / "s400" / name
        shutil.copy(target if target.exists() else src, folder / name)
    (folder / "speakers.yaml").write_text(
        "people:\n  - name: Ana Field\n    type: expert\n    country: GB\n    role: analyst\n", encoding="utf-8")
    return folder


def test_load_shipped_s400_pack():
    story = mk.load_story("s400")
    assert story.name == "s400" and story.languages == ("en", "tr", "ru")
    assert [d.strftime("%Y-%m-%d") for d in story.date_range] == ["2017-01-01", "2021-12-31"]
    assert story.path == ROOT / "mediakit" / "stories" / "s400"
    for kind in ("codebook", "naming", "actors", "events", "speakers"):
        # loaded exactly when the pack holds the file (the s400 files move into the pack at merge time)
        assert (getattr(story, kind) is not None) == (story.file(kind) is not None), kind


def test_load_pack_folder_loads_every_file(pack):
    story = load_story(pack)
    assert story.path == pack
    assert "sanctions_legality" in story.codebook.frame_names
    assert "caatsa" in story.naming["concepts"] or len(story.naming["concepts"]) >= 3
    assert {"actor", "alias"} <= set(story.actors.columns) and len(story.actors) > 10
    assert {"event_id", "date", "label"} <= set(story.events.columns) and len(story.events) >= 10
    assert story.speakers.lookup("Ana Field").name == "Ana Field"
    assert load_story(pack / "story.yaml").name == story.name  # the story.yaml path works too


def test_pack_with_only_story_yaml(tmp_path):
    (tmp_path / "story.yaml").write_text("name: dam\ntitle: A dam on the river\n", encoding="utf-8")
    story = load_story(tmp_path)
    assert (story.name, story.title, story.languages, story.date_range) == ("dam", "A dam on the river", (), None)
    assert all(getattr(story, k) is None for k in ("codebook", "naming", "actors", "events", "speakers"))


BAD_STORY = {
    "no name": ("title: T\n", "'name' is missing"),
    "no title": ("name: x\n", "'title' is missing"),
    "bad language": ("name: x\ntitle: T\nlanguages: [english]\n", "ISO 639-1"),
    "one date": ("name: x\ntitle: T\ndate_range: ['2020-01-01']\n", "two dates"),
    "bad date": ("name: x\ntitle: T\ndate_range: ['2020-01-01', 'soon']\n", "YYYY-MM-DD"),
    "reversed": ("name: x\ntitle: T\ndate_range: ['2021-01-01', '2020-01-01']\n", "swap"),
    "unknown key": ("name: x\ntitle: T\nlanguage: [en]\n", "unknown key 'language'"),
    "not yaml": ("name: [x\n", "not valid YAML"),
    "a list": ("- name\n", "expected a mapping"),
    "reference and more": ("story: s400\nname: x\n", "holds nothing else"),
    "dangling reference": ("story: nowhere-pack\n", "no story pack 'nowhere-pack'"),
}


@pytest.mark.parametrize("case", sorted(BAD_STORY))
def test_bad_story_yaml_is_one_line_naming_the_file(tmp_path, case):
    text, expected = BAD_STORY[case]
    (tmp_path / "story.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(StoryError) as err:
        load_story(tmp_path)
    msg = str(err.value)
    assert "\n" not in msg and expected in msg
    assert "story.yaml" in msg


BAD_FILES = {
    "codebook.yaml": "frames: 3\n",
    "naming.yaml": "concepts: {}\n",
    "actors.yaml": "entries: nope\n",
    "events.yaml": "events:\n  - label: no date\n",
    "speakers.yaml": "people:\n  - type: expert\n",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_pack_file_is_one_line_naming_the_file(pack, name):
    (pack / name).write_text(BAD_FILES[name], encoding="utf-8")
    with pytest.raises(StoryError) as err:
        load_story(pack)
    msg = str(err.value)
    assert "\n" not in msg and name in msg


def test_missing_pack_is_one_line():
    with pytest.raises(StoryError, match=r"^no story pack 'nope'; shipped packs: .*s400"):
        load_story("nope")


def test_story_for_corpus_reference_and_pack(tmp_path, pack):
    assert story_for_corpus(S400).name == "s400"  # data/s400/story.yaml says `story: s400`
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert story_for_corpus(corpus) is None
    (corpus / "story.yaml").write_text("story: ../mystory\n", encoding="utf-8")   # relative path reference
    assert story_for_corpus(corpus).path == pack.resolve() or story_for_corpus(corpus).path.resolve() == pack
    own = tmp_path / "own"
    own.mkdir()
    (own / "story.yaml").write_text("name: own\ntitle: The folder is its own pack\n", encoding="utf-8")
    assert story_for_corpus(own).name == "own"
    assert story_for_corpus(S400 / "README.md") is None  # a file names no story


def test_story_yaml_is_not_read_as_an_article():
    report = mk.load_corpus(S400, return_report=True)[1]
    assert not any("story.yaml" in str(p) for p in report.skipped["path"])


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    return init_story(tmp_path_factory.mktemp("draft") / "pk", S400)


def test_story_init_writes_five_files(drafted):
    assert sorted(p.name for p in drafted.iterdir()) == [
        "codebook.yaml", "events.yaml", "naming.yaml", "speakers.yaml", "story.yaml"]
    for p in drafted.iterdir():
        assert p.read_text(encoding="utf-8").startswith("# "), f"{p.name} says what to check by hand"
    story = load_story(drafted)  # every draft loads with its analysis's loader
    assert story.name == "pk"
    assert set(story.languages) == {"en", "tr", "ru"}
    corpus = mk.load_corpus(S400)
    assert [d.strftime("%Y-%m-%d") for d in story.date_range] == [
        f"{corpus.date.min():%Y-%m-%d}", f"{corpus.date.max():%Y-%m-%d}"]
    assert story.codebook.frame_names == mk.load_codebook("policy_frames").frame_names


def test_story_init_events_are_suggested_peaks(drafted):
    raw = yaml.safe_load((drafted / "events.yaml").read_text(encoding="utf-8"))
    events = raw["events"]
    assert events and all(e["status"] == "suggested" and e["label"].startswith("Peak") for e in events)
    corpus = mk.load_corpus(S400)
    weekly = corpus.date.dt.tz_localize(None).dt.to_period("W").value_counts()
    counts = mk.coverage_timeline(corpus, "W", by=None)["articles"]
    limit = counts.mean() + 2 * counts.std(ddof=0)
    expected = sorted(f"{p.start_time:%Y-%m-%d}" for p, n in weekly.items() if n > limit)
    assert sorted(e["date"] for e in events) == expected


def test_story_init_naming_and_speakers(drafted):
    naming = yaml.safe_load((drafted / "naming.yaml").read_text(encoding="utf-8"))
    assert 1 <= len(naming["concepts"]) <= 4
    assert all(len(c["variants"]) >= 1 for c in naming["concepts"].values())
    people = yaml.safe_load((drafted / "speakers.yaml").read_text(encoding="utf-8"))["people"]
    quotes = mk.extract_quotes(mk.load_corpus(S400))
    top = people[0]["name"]
    assert (quotes["speaker_canonical"] == top).sum() > 0
    assert all(p["type"] in ("official", "military", "expert", "industry", "media", "citizen") for p in people)


def test_story_init_refuses_overwrite(drafted):
    before = (drafted / "story.yaml").read_text(encoding="utf-8")
    with pytest.raises(StoryError, match="already holds a story pack.*--force"):
        init_story(drafted, S400)
    assert (drafted / "story.yaml").read_text(encoding="utf-8") == before


def test_cli_story_init(tmp_path, capsys):
    from mediakit.cli import main

    assert main(["story", "init", str(tmp_path / "p"), "--corpus", str(S400)]) == 0
    assert (tmp_path / "p" / "events.yaml").exists()
    assert main(["story", "init", str(tmp_path / "p"), "--corpus", str(S400)]) == 1
    assert "already holds a story pack" in capsys.readouterr().err
