"""Degenerate corpora still get a report: a section that cannot run says why in one sentence."""

from __future__ import annotations

import re

import pytest

from mediakit.report import build_report

EN = ("The minister said on Monday that the new dam would open next year. Critics warned that the cost had "
      "doubled and that farmers downstream would lose water. \"We will not accept this,\" said Ali Demir, a farmer.")
TR = ("Bakan pazartesi günü yeni barajın gelecek yıl açılacağını söyledi. Eleştirmenler maliyetin iki katına "
      "çıktığını belirtti. \"Bunu kabul etmeyeceğiz\" dedi çiftçi Ali Demir.")
CASES = {
    "one_outlet": [("Courier", f"2021-0{m}-01", "en", EN) for m in range(1, 4)],
    "one_article": [("Courier", "2021-01-01", "en", EN)],
    "all_turkish": [(o, f"2021-0{m}-01", "tr", TR) for o in ("Gazete", "Sabah") for m in range(1, 3)],
    "undated": [(o, "", "en", EN) for o in ("Courier", "Herald") for _ in range(2)],
}
NOTES = {
    "one_outlet": ["Distinctive terms compare the English-language articles of at least two outlets, and this "
                   "corpus has them from only one outlet (Courier), so this section was not run."],
    "one_article": ["Outlet similarity compares the English-language articles of at least two outlets, and this "
                    "corpus has them from only one outlet (Courier), so this section was not run."],
    "all_turkish": ["Distinctive terms compare the English-language articles of at least two outlets, and this "
                    "corpus has no English-language articles, so this section was not run."],
    "undated": ["No article in this corpus has a date, so coverage over time cannot be shown."],
}


def _corpus(root, rows):
    root.mkdir()
    for i, (outlet, date, lang, text) in enumerate(rows):
        front = f"---\ntitle: Story {i}\noutlet: {outlet}\nlanguage: {lang}\n" + (f"date: '{date}'\n" if date else "")
        (root / f"a{i}.md").write_text(f"{front}---\n{text} Item {i}.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("case", sorted(CASES))
def test_degenerate_corpus_gets_a_report(case, tmp_path):
    path = build_report(_corpus(tmp_path / case, CASES[case]), tmp_path / "out", n_boot=10, progress=False)
    page = path.read_text(encoding="utf-8")
    for note in NOTES[case]:
        assert f'<p class="note">{note}</p>' in page
    # every section is on the page, with its heading, run or explained
    for key in ("overview", "timeline", "terms", "framing", "sources", "reuse", "similarity"):
        assert f'<section id="{key}">' in page
    assert f"<strong>{len(CASES[case])}</strong> articles" in page
    assert "Traceback" not in page
    assert (tmp_path / "out" / "figures" / "report_articles_per_outlet.svg").exists()


def test_an_outlet_name_with_math_and_bidi_is_drawn_literally(tmp_path):
    names = ["$\\foo{x}$ Times", "$5 Daily $ Digest", "Evil\u202e Gazette"]
    rows = [(o, f"2021-0{m}-01", "en", EN) for o in names for m in range(1, 3)]
    path = build_report(_corpus(tmp_path / "c", rows), tmp_path / "out", n_boot=10, progress=False)
    page = path.read_text(encoding="utf-8")
    assert "$5 Daily $ Digest" in page and "$\\foo{x}$ Times" in page   # in SVG text and tables, as written
    assert "<bdi>Evil\u202e Gazette</bdi>" in page
    assert not re.search("<td>Evil\u202e", page)
    csv = (tmp_path / "out" / "tables" / "corpus_outlets.csv").read_text(encoding="utf-8")
    assert "$5 Daily $ Digest" in csv
