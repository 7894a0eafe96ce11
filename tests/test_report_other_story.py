"""The default report on real coverage of another story (PolNeAR dev: US election news, Sep-Oct 2016) loaded as
plain text files, with no story pack: nothing of the S-400 pack appears, the timeline fits the corpus span, and no
quote is credited to a person the article's own names contradict (issue 2/7, item 8b).

Runs only where the evaluation data sits beside the checkout (../shared/eval/polnear); its articles are copied
into tmp_path, never into the repository."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import mediakit as mk

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"
DEV = POLNEAR / "data" / "dev" / "text"
N_ARTICLES = 60

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR is not in ../shared/eval/polnear")

# capitalised words that stand before a surname without being a first name
_TITLES = {
    "President", "Presidential", "Secretary", "Senator", "Sen", "Rep", "Representative", "Gov", "Governor", "Mr",
    "Mrs", "Ms", "Miss", "Dr", "Former", "Candidate", "Nominee", "Democrat", "Democrats", "Republican",
    "Republicans", "Democratic", "Vice", "First", "Lady", "General", "Gen", "Attorney", "Speaker", "Leader",
    "Chairman", "Chairwoman", "Mayor", "Judge", "Justice", "Director", "Chief", "Campaign", "Manager", "Press",
    "Rev", "Reverend", "Prime", "Minister", "Ambassador", "Commissioner", "Congressman", "Congresswoman", "The",
    "But", "And", "When", "While", "After", "Before", "As", "If", "That", "This", "Said", "Says", "Team", "Clinton",
    "Trump", "Obama", "Foundation", "Both", "Neither", "GOP", "Donald", "Hillary", "Bill",
}


def _sample(dest: Path) -> Path:
    """Copy N_ARTICLES dev articles, spread over the outlets, as <outlet>/<outlet>_<YYYY-MM-DD>_<id>.txt."""
    files = sorted(DEV.glob("*.txt"))
    by_outlet: dict[str, list[Path]] = {}
    for f in files:
        by_outlet.setdefault(f.name.split("_")[0], []).append(f)
    chosen: list[Path] = []
    while len(chosen) < N_ARTICLES and any(by_outlet.values()):
        for outlet in sorted(by_outlet):
            if by_outlet[outlet] and len(chosen) < N_ARTICLES:
                chosen.append(by_outlet[outlet].pop(0))
    corpus = dest / "polnear-dev"
    for f in chosen:
        outlet, date, slug = f.stem.split("_", 2)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), f"{f.name}: no date in the file name"
        (corpus / outlet).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, corpus / outlet / f"{outlet}_{date}_{slug}.txt")
    return corpus


@pytest.fixture(scope="module")
def polnear_report(tmp_path_factory):
    folder = _sample(tmp_path_factory.mktemp("polnear"))
    out = tmp_path_factory.mktemp("polnear-report")
    report = mk.build_report(folder, out, progress=False)
    return folder, out, report


def test_sample_is_plain_files_from_several_outlets_with_dates_from_names(polnear_report):
    folder, _, _ = polnear_report
    corpus = mk.load_corpus(folder)
    assert len(corpus) == N_ARTICLES and corpus.outlet.nunique() >= 3
    assert corpus.date.notna().all()          # every date read from its file name
    assert corpus.date.min() >= pd.Timestamp("2016-09-01") and corpus.date.max() <= pd.Timestamp("2016-10-31")


def test_nothing_of_the_s400_pack_in_the_default_report(polnear_report):
    _, _, report = polnear_report
    page = report.read_text(encoding="utf-8")
    pack = mk.load_story("s400")
    generic = set(mk.load_codebook("policy_frames").frame_names)
    frames = [f for f in pack.codebook.frame_names if f not in generic and "_" in f]
    assert {"russia_gain", "sanctions_legality"} <= set(frames)
    events = [label for label in pack.events.label if " " in label]
    assert events
    leaked = [s for s in frames + events + ["CAATSA", "S-400"] if s in page]
    assert not leaked, f"S-400 pack material in a report without a story: {leaked}"
    assert f"{pack.name} pack" not in page        # the provenance names no pack


def test_timeline_fits_the_corpus_span(polnear_report):
    _, out, _ = polnear_report
    csv = out / "figures" / "report_coverage_timeline.csv"
    assert csv.exists(), "the report drew no timeline"
    timeline = pd.read_csv(csv)
    bins = timeline.iloc[:, 0].nunique()          # one period per row (and outlet)
    assert bins >= 4, f"{bins} bins for a month of coverage"


def _full_names(text: str, surname: str) -> set[str]:
    """First names written before ``surname`` in ``text`` (titles and function words left out)."""
    found = re.findall(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", text)
    return {f for f in found if f not in _TITLES}


def test_no_quote_is_credited_to_a_person_the_article_contradicts(polnear_report):
    folder, _, _ = polnear_report
    corpus = mk.load_corpus(folder)
    quotes = mk.extract_quotes(corpus)
    assert len(quotes) > 100
    texts = dict(zip(corpus.article_id, corpus.text))
    titles = dict(zip(corpus.article_id, corpus.title.fillna("")))
    bad = []
    for aid, name in quotes[["article_id", "speaker_canonical"]].dropna().drop_duplicates().itertuples(index=False):
        parts = str(name).split()
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue                      # not a person's full name: a group, a role, an anonymous source
        first, surname = parts[0], parts[-1]
        article = titles[aid] + "\n" + texts[aid]
        if surname not in article:
            bad.append((aid, name, "surname not in the article"))
            continue
        others = _full_names(article, surname) - {first}
        if others and first not in _full_names(article, surname) and name not in article:
            bad.append((aid, name, f"the article names {sorted(others)} {surname}"))
    assert not bad, f"{len(bad)} speakers the article contradicts, e.g. {bad[:5]}"
