"""Boilerplate at load time: learned per outlet, user rules, boilerplate.yaml, markup, markers, credit lines;
plus ColumnError, dates in file names and the folder-outlet note. Offsets index the loaded text."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

import mediakit as mk
from mediakit.corpus import ColumnError, CorpusError, LoadReport, load_corpus, validate_corpus
from mediakit.dates import date_in_name

from .conftest import write

NOTE = "Editor's note: this story has been updated to correct the name of the river authority."


def article(outlet: str, n: int, body: str) -> str:
    return f"---\ntitle: Story {n}\noutlet: {outlet}\ndate: 2021-03-0{n}\n---\n{body}\n"


def bodies() -> list[str]:
    return [
        "The council voted to build a second bridge over the river.",
        "Farmers asked the province for help after the flood destroyed crops.",
        "The mayor opened the new library on Saturday morning with a speech.",
        "Rail workers went on strike over pay and longer shifts this week.",
        "A storm closed the harbour and cancelled two ferry crossings.",
    ]


def load(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, return_report=True, **kw)


def by_title(df: pd.DataFrame) -> dict[str, pd.Series]:
    return {row.title: row for _, row in df.iterrows()}


@pytest.fixture
def noted(tmp_path):
    """Five River Post articles, four ending with the same editor's note; a second outlet repeats a
    passage in two articles only."""
    for i, body in enumerate(bodies(), 1):
        text = f"{body}\n\n{NOTE}" if i <= 4 else body
        write(tmp_path / "river" / f"{i}.md", article("River Post", i, text))
    pair = "Subscribers can read the full budget documents on our website every single day."
    write(tmp_path / "hill" / "1.md", article("Hill Times", 1, f"Taxes will rise next year.\n\n{pair}"))
    write(tmp_path / "hill" / "2.md", article("Hill Times", 2, f"The school reopened after repairs.\n\n{pair}"))
    write(tmp_path / "hill" / "3.md", article("Hill Times", 3, "Police closed the old bridge at night."))
    return tmp_path


# ---------------------------------------------------------------- learned boilerplate
def test_editors_note_in_four_of_five_articles_is_learned_and_removed(noted):
    df, report = load(noted)
    rows = by_title(df[df.outlet == "River Post"])
    for i, body in enumerate(bodies(), 1):
        assert rows[f"Story {i}"].text == body
        assert rows[f"Story {i}"].boilerplate == (NOTE if i <= 4 else "")
    assert not df.text.str.contains("Editor's note").any()
    assert len(report.skipped) == 0


def test_templated_articles_are_not_their_own_boilerplate():
    from mediakit.corpus._learn import learn_spans

    story = "The council voted on Tuesday to build bridge number {} over the river, ending a debate that lasted years."
    texts = [story.format(i) for i in range(6)]
    assert learn_spans(texts, ["Post"] * 6) == [[]] * 6
    # the same sentence as a minor part of longer articles is still learned
    longer = [f"{t} " + " ".join(f"Line {i} {j} of the report went on about the budget." for j in range(4))
              for i, t in enumerate(texts)]
    assert all(len(sp) == 1 for sp in learn_spans(longer, ["Post"] * 6))


def test_passage_in_two_articles_only_stays(noted):
    df, _ = load(noted)
    hill = df[df.outlet == "Hill Times"]
    assert hill.text.str.contains("Subscribers can read the full budget documents").sum() == 2
    assert (hill.boilerplate == "").all()


def _outlet_texts(n: int, noted: dict[int, str]) -> list[str]:
    """``n`` different one-sentence stories of one outlet; story i ends with ``noted[i]`` when given."""
    texts = [f"Story number {i} tells how the council met on day {i} to talk about road {i}." for i in range(n)]
    return [f"{t}\n\n{noted[i]}" if i in noted else t for i, t in enumerate(texts)]


def test_a_note_in_three_of_120_articles_is_learned_but_not_in_three_of_200():
    from mediakit.corpus._learn import MIN_SHARE, learn_spans

    assert MIN_SHARE == 0.025  # 3 of 120 reach it (2.5%), 3 of 200 do not (1.5%: the share needs 5)
    for n, learned in ((120, True), (200, False)):
        texts = _outlet_texts(n, {7: NOTE, 50: NOTE, 99: NOTE})
        spans = learn_spans(texts, ["Post"] * n)
        assert [texts[i][s:e] for i in (7, 50, 99) for s, e in spans[i]] == ([NOTE] * 3 if learned else [])
        assert sum(map(len, spans)) == (3 if learned else 0)


def test_a_reworded_note_is_learned_with_the_one_it_rewords():
    from mediakit.corpus._learn import learn_spans

    note = ("Editor's note: the owner of this paper has given money to the mayor's campaign, to his party and to "
            "{} in the past two years.")
    longer, other = note.format("his allies"), note.format("his rivals")
    texts = _outlet_texts(40, {1: longer, 2: longer, 3: longer, 4: other})
    spans = learn_spans(texts, ["Post"] * 40)
    assert [texts[i][s:e] for i in (1, 2, 3, 4) for s, e in spans[i]] == [longer] * 3 + [other]
    # long sentences that only open alike ("The city council said on Tuesday that ...") are no near-copies
    opening = "The city council said on Tuesday that {}."
    texts = _outlet_texts(40, {i: opening.format(topic) for i, topic in enumerate(
        ["the new bridge over the river would be paid for by a toll on every lorry that crosses it",
         "a tax on empty flats would be raised in the spring to fund two new schools in the east",
         "the old school by the harbour would close for good once the last pupils leave this summer",
         "money for the harbour walls had run out long before the storms of the winter began"], 1)})
    assert sum(map(len, learn_spans(texts, ["Post"] * 40))) == 0
    # an outlet's stock attribution of its go-to expert, saying something else each time, is reporting
    expert = "Ana Li, a senior fellow at the Harbour Institute for Maritime and Trade Studies, said {}."
    texts = _outlet_texts(40, {i: expert.format(said) for i, said in enumerate(
        ["the port would lose money", "the strike could last a month", "the ferries were safe"], 1)})
    assert sum(map(len, learn_spans(texts, ["Post"] * 40))) == 0
    # a short stock sentence with another subject is no near-copy ("X did not return a call.")
    stock = "{} did not respond to a request for comment on Friday."
    texts = _outlet_texts(40, {1: stock.format("The mayor"), 2: stock.format("The mayor"),
                               3: stock.format("The mayor"), 4: stock.format("The governor")})
    spans = learn_spans(texts, ["Post"] * 40)
    assert [len(spans[i]) for i in (1, 2, 3, 4)] == [1, 1, 1, 0]


def test_keep_mode_keeps_the_note(noted):
    df, _ = load(noted, boilerplate="keep")
    river = df[df.outlet == "River Post"]
    assert river.text.str.endswith(NOTE).sum() == 4
    assert (df.boilerplate == "").all()


def test_short_repeated_sentences_are_not_boilerplate(tmp_path):
    for i, body in enumerate(bodies(), 1):  # "Read more at the site." is in all five but has 5 words
        write(tmp_path / f"{i}.md", article("River Post", i, f"{body} Read more at the site."))
    df, _ = load(tmp_path)
    assert df.text.str.endswith("Read more at the site.").all() and (df.boilerplate == "").all()


def test_user_rules_literal_and_regex_are_removed_everywhere(tmp_path):
    write(tmp_path / "1.md", article("River Post", 1, "Listen to   this story. The dam held overnight."))
    write(tmp_path / "2.md", article("Hill Times", 2, "Posted 3 hours ago\n\nThe ferry sailed again today."))
    df, _ = load(tmp_path, boilerplate=["Listen to this story.", r"re:^Posted \d+ hours ago$"])
    rows = by_title(df)
    assert rows["Story 1"].text == "The dam held overnight."
    assert rows["Story 1"].boilerplate == "Listen to this story."
    assert rows["Story 2"].text == "The ferry sailed again today."
    assert rows["Story 2"].boilerplate == "Posted 3 hours ago"
    compiled, _ = load(tmp_path, boilerplate=[re.compile(r"The dam held\s+overnight\.")])
    assert by_title(compiled)["Story 1"].text == "Listen to this story."


def test_boilerplate_yaml_in_the_corpus_folder(tmp_path):
    write(tmp_path / "boilerplate.yaml", "patterns:\n  - 'Listen to this article.'\n  - 're:^Updated \\d{1,2}:\\d\\d$'\n")
    write(tmp_path / "1.md", article("River Post", 1, "Updated 10:45\n\nListen to this article. The bridge opened."))
    df, report = load(tmp_path, boilerplate="keep")  # the folder's rules apply with "keep" too
    assert len(df) == 1 and len(report.skipped) == 0  # the rules file is not an article
    assert df.loc[0, "text"] == "The bridge opened."
    assert df.loc[0, "boilerplate"] == "Updated 10:45 | Listen to this article."


def test_bad_boilerplate_options_and_files_are_one_line_errors(tmp_path):
    write(tmp_path / "1.md", article("River Post", 1, "The bridge opened."))
    with pytest.raises(CorpusError, match=r"boilerplate='drop' is not an option; use 'learn', 'keep'"):
        load_corpus(tmp_path, boilerplate="drop")
    with pytest.raises(CorpusError, match=r"not a valid regular expression .*drop the 're:' prefix"):
        load_corpus(tmp_path, boilerplate=["re:(unclosed"])
    write(tmp_path / "boilerplate.yaml", "rules: [a]\n")
    with pytest.raises(CorpusError, match=r"boilerplate.yaml: no list of strings under 'patterns:'") as err:
        load_corpus(tmp_path)
    assert "\n" not in str(err.value)


def test_article_that_is_only_boilerplate_is_listed_not_emptied(tmp_path):
    write(tmp_path / "1.md", article("River Post", 1, "The bridge opened."))
    write(tmp_path / "2.md", article("River Post", 2, "Advertisement only."))
    df, report = load(tmp_path, boilerplate=["Advertisement only."])
    assert list(df.title) == ["Story 1"]
    assert list(report.skipped.reason) == ["no article text left after removing boilerplate"]


# ---------------------------------------------------------------- markup, markers, credit lines
def test_leftover_markup_is_removed_and_tweet_text_kept(tmp_path):
    body = ('The senator replied online.\n\n<tweet id="7781">We will win this state. #vote</tweet>\n\n'
            '<tweet id="7782" />\n\n<p>Her rival <b>disagreed</b>.<br/>He said so twice.</p>\n\n'
            '[embed]https://video.example/abc[/embed]\n\nVoting ends on Tuesday.')
    write(tmp_path / "1.md", article("River Post", 1, body))
    df, _ = load(tmp_path)
    assert df.loc[0, "text"] == ("The senator replied online.\n\nWe will win this state. #vote\n\n"
                                 "Her rival disagreed.\n\nHe said so twice.\n\nVoting ends on Tuesday.")
    assert "tweet" not in df.loc[0, "text"].lower()


@pytest.mark.parametrize("dateline, wire", [("NEW YORK, Nov. 19 (UPI) — ", "UPI"), ("RENO, Nev. (AP) — ", "AP"),
                                              ("Paris (AFP) – ", "AFP")])
def test_wire_dateline_after_a_headline_in_the_text_sets_wire(tmp_path, dateline, wire):
    body = f"Mayor wins second term\n\n{dateline}The mayor won a second term on Tuesday."
    write(tmp_path / "1.md", article("River Post", 1, body))
    df, _ = load(tmp_path)
    assert df.loc[0, "text"] == "Mayor wins second term\n\nThe mayor won a second term on Tuesday."
    assert df.loc[0, "wire"] == wire and df.loc[0, "credits"] == dateline.strip()
    # a first paragraph that is no headline (more than 20 words) keeps a dateline-like second paragraph
    long_lead = " ".join(["word"] * 21) + "."
    write(tmp_path / "1.md", article("River Post", 1, f"{long_lead}\n\n{dateline}The mayor won."))
    df, _ = load(tmp_path)
    assert df.loc[0, "wire"] == "" and dateline.strip() in df.loc[0, "text"]


def test_database_markers_are_removed(tmp_path):
    body = ("ABSTRACT. The senate passed the budget.\n\nFULL TEXT. The senate passed the budget late on "
            "Friday after a long debate.")
    write(tmp_path / "1.md", article("River Post", 1, body))
    write(tmp_path / "2.md", article("Hill Times", 2, "Copyright 2016 The Hill Times Company. All rights reserved. "
                                                      "Rain is expected all week."))
    rows = by_title(load(tmp_path)[0])
    assert rows["Story 1"].text == ("The senate passed the budget.\n\nThe senate passed the budget late on Friday "
                                    "after a long debate.")
    assert rows["Story 2"].text == "Rain is expected all week."


@pytest.mark.parametrize("tail,credit", [
    ("Turnout was high, officials said. (Additional reporting by Ana Ruiz; Editing by Tom Lee)",
     "(Additional reporting by Ana Ruiz; Editing by Tom Lee)"),
    ("Turnout was high, officials said.\n\nEditing by Tom Lee and Sara Kim of the national desk team",
     "Editing by Tom Lee and Sara Kim of the national desk team"),
    ("Turnout was high, officials said.\n\nReporting by Ana Ruiz in the capital; writing by Tom Lee at the desk",
     "Reporting by Ana Ruiz in the capital; writing by Tom Lee at the desk"),
    ("Turnout was high, officials said.\n\nContributing: Ana Ruiz, Tom Lee and the regional staff of the paper",
     "Contributing: Ana Ruiz, Tom Lee and the regional staff of the paper"),
    ("Turnout was high, officials said.\n\nCompiled by Ana Ruiz from agency reports and the paper's own staff",
     "Compiled by Ana Ruiz from agency reports and the paper's own staff"),
])
def test_trailing_credit_lines_go_to_credits(tmp_path, tail, credit):
    write(tmp_path / "1.md", article("River Post", 1, tail))
    df, _ = load(tmp_path)
    assert df.loc[0, "text"] == "Turnout was high, officials said."
    assert df.loc[0, "credits"] == credit


def test_offsets_reported_by_an_analysis_index_the_loaded_text(noted):
    (noted / "river" / "1.md").write_text(article(
        "River Post", 1, '<p>The council voted to build a bridge.</p>\n\n<tweet id="1">The council is right.</tweet>'
        f"\n\n{NOTE}\n\n(Reporting by Ana Ruiz; Editing by Tom Lee)"), encoding="utf-8")
    df, _ = load(noted)
    hits = mk.kwic(df, "council")
    assert len(hits) == 2
    texts = dict(zip(df.article_id, df.text))
    for row in hits.itertuples():
        assert texts[row.article_id][row.start:row.end].lower() == "council"
    first = df[(df.title == "Story 1") & (df.outlet == "River Post")].iloc[0]
    assert first.text == "The council voted to build a bridge.\n\nThe council is right."
    assert first.boilerplate == NOTE and first.credits == "(Reporting by Ana Ruiz; Editing by Tom Lee)"


# ---------------------------------------------------------------- metadata in file names
@pytest.mark.parametrize("name", ["outlet_2016-10-03_slug.txt", "2016-10-03-slug.md", "20161003_x.txt"])
def test_date_in_the_file_name_fills_date(tmp_path, name):
    write(tmp_path / "Daily Star" / name, "A headline\n\nThe candidates met for a second debate on Sunday night.")
    df, report = load(tmp_path)
    assert df.loc[0, "date"] == pd.Timestamp("2016-10-03") and df.loc[0, "date_precision"] == "day"
    assert "date from file name" in list(report.notes.note)


def test_file_name_date_never_overrides_the_files_own_and_is_plausible(tmp_path):
    write(tmp_path / "2016-10-03-a.md", article("River Post", 1, "The bridge opened."))
    write(tmp_path / "O" / "30001003_b.txt", "Title\n\nA story with a number that is not a date.")
    write(tmp_path / "O" / "2016-02-30_c.txt", "Title\n\nA story whose name has no calendar day.")
    df, report = load(tmp_path)
    dates = dict(zip(df.source_path.str.rsplit("/", n=1).str[-1], df.date))
    assert dates["2016-10-03-a.md"] == pd.Timestamp("2021-03-01")
    assert pd.isna(dates["30001003_b.txt"]) and pd.isna(dates["2016-02-30_c.txt"])
    assert "date from file name" not in list(report.notes.note)
    assert date_in_name("x_1899-12-31.txt") is pd.NaT and date_in_name("2100-12-31") == pd.Timestamp("2100-12-31")


def test_one_note_for_outlets_taken_from_folder_names(tmp_path):
    for i in range(3):
        write(tmp_path / "Daily Star" / f"{i}.txt", f"Title {i}\n\nStory number {i} about the election campaign.")
    write(tmp_path / "Evening Post" / "e.txt", "Title\n\nA story about the weather in the valley.")
    write(tmp_path / "Evening Post" / "f.md", article("Given Outlet", 1, "A story with its own outlet."))
    df, report = load(tmp_path)
    folder_notes = [n for n in report.notes.note if n.startswith("outlet from the folder name")]
    assert folder_notes == ["outlet from the folder name for 4 article(s) (2 folders: 'Daily Star', 'Evening "
                            "Post'); pass load_corpus(..., outlet=...) or give each file an outlet field if that "
                            "is wrong"]
    _, with_outlet = load(tmp_path, outlet="Chosen")
    assert not any(n.startswith("outlet from the folder") for n in with_outlet.notes.note)


# ---------------------------------------------------------------- ColumnError
def test_column_error_is_one_line_naming_function_column_and_fix(tiny_corpus):
    with pytest.raises(ColumnError) as err:
        validate_corpus(tiny_corpus.drop(columns="text"), required=("article_id", "text"), where="score_frames")
    assert str(err.value) == ("score_frames: column 'text' missing; pass a corpus from mediakit.load_corpus or "
                              "add the column")
    assert isinstance(err.value, CorpusError) and isinstance(err.value, ValueError)
    assert mk.ColumnError is ColumnError and mk.LoadReport is LoadReport
    with pytest.raises(ColumnError, match=r"^validate_corpus: column 'date' is (object|str|string)"):
        validate_corpus(tiny_corpus.assign(date="2020-01-01"))
    with pytest.raises(ColumnError, match=r"^kwic: column 'text' is int64, not text"):
        validate_corpus(tiny_corpus.assign(text=1), ("text",), where="kwic")
    with pytest.raises(ColumnError, match=r"^f: columns 'a', 'b' missing"):
        validate_corpus(tiny_corpus, ("a", "b"), where="f")
    assert validate_corpus(tiny_corpus[["text"]], ("text",)) is not None


def test_separator_lines_photo_credits_and_web_addresses_never_become_terms(tmp_path):
    """Live-blog furniture found in real news: "___." separator lines, "2:10 p.m.:" time lines, "LETTERS."
    section labels, photo credits pasted into a paragraph
    ("(AP Photo/...)", "... via Getty Images") and written-out web addresses ("http://..."): gone from the
    text (credits kept in `credits`), so none of them is a distinctive term of the outlet that has them."""
    for i, body in enumerate(bodies()):
        write(tmp_path / "blog" / f"b{i}.md", article("Blog", i + 1,
              f"LETTERS.\n\n{body} (AP Photo/Ann Lee)\n\n___.\n\n2:10 p.m.:\n\n"
              f"KIM ROE/AFP via Getty ImagesThe crowd cheered.\n\nGetty.\n\n"
              f"More at http://example.org/p{i}."))
        write(tmp_path / "paper" / f"p{i}.md", article("Paper", i + 1, body + " The crowd cheered."))
    corpus, _ = load(tmp_path)
    blog = corpus[corpus.outlet == "Blog"]
    assert len(blog) == 5
    for text, credits in zip(blog.text, blog.credits):
        assert "___" not in text and "Getty" not in text and "AP Photo" not in text
        assert "LETTERS" not in text and "p.m." not in text
        assert "(AP Photo/Ann Lee)" in credits and "/AFP via Getty Images" in credits and "Getty." in credits
        assert "The crowd cheered." in text
    terms = mk.distinctive_terms(corpus, by="outlet", top=10, n_boot=0)
    blog_terms = set(terms[terms.group == "Blog"].term)
    assert not blog_terms & {"___", "getty", "images", "photo", "ap", "http", "www", "letters", "p.m"}, blog_terms
