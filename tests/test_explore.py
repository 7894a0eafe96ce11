"""The explorer: term scatter data, KWIC offsets, evidence browsers, the offline page in a real browser,
and the notebook widget."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import mediakit as mk
from mediakit.explore import CSP

S400 = Path(__file__).resolve().parents[1] / "data" / "s400"


@pytest.fixture(scope="module")
def corpus():
    return mk.load_corpus(S400)


@pytest.fixture(scope="module")
def page(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("explore")
    return mk.build_explorer(corpus, out, story="s400", kwic_per_term=15)


def _data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="mk-data">(.*?)</script>', text, re.S)
    assert m, "no inline data block"
    return json.loads(m.group(1))


def test_kwic_lines_index_the_corpus_text(corpus, page):
    data = _data(page)
    texts = dict(zip(corpus["article_id"], corpus["text"]))
    arts = data["articles"]
    n = 0
    for k, lines in enumerate(data["kwic"]):
        for a, start, end, left_start, right_end, left, match, right in lines:
            text = texts[arts[a][0]]
            assert text[start:end] == match
            assert text[left_start:start] == left and text[end:right_end] == right
            assert match.lower() == data["terms"]["t"][k].lower() or re.sub(r"\s+", " ", match).lower() == \
                data["terms"]["t"][k].lower()
            n += 1
    assert n > 5000
    sanctions = data["terms"]["t"].index("sanctions")
    assert 0 < len(data["kwic"][sanctions]) <= 15


def test_evidence_spans_index_the_corpus(corpus, page):
    data = _data(page)
    rows = corpus.set_index("article_id")
    arts = data["articles"]
    cells = data["frames"]["cells"]
    assert len(cells) >= 20
    cue_count = 0
    for sentences in cells.values():
        for a, field, start, end, _score, text, cues in sentences:
            source = rows.loc[arts[a][0], field]
            assert source[start:end] == text
            for s, e, _neg in cues:
                assert start <= s < e <= end
                cue_count += 1
    assert cue_count > 500
    for quotes in data["quotes"]["quotes"].values():
        for a, _kind, _verb, _mention, start, end, quote in quotes:
            assert rows.loc[arts[a][0], "text"][start:end] == quote
    pairs = data["reuse"]["pairs"]
    assert len(pairs) == data["reuse"]["n"] == len(mk.find_reuse(corpus))
    for sa, ta, ss, se, ts, te, _sim, a, b, ops in pairs:
        assert rows.loc[arts[sa][0], "text"][ss:se] == a and rows.loc[arts[ta][0], "text"][ts:te] == b
        for _tag, a1, a2, b1, b2 in ops:
            assert 0 <= a1 <= a2 <= len(a) and 0 <= b1 <= b2 <= len(b)


def test_scores_equal_distinctive_terms(corpus):
    ex = mk.explore_terms(corpus, focus="Volga Wire", min_count=5)
    ref = mk.distinctive_terms(corpus, min_docs=0)
    ref = ref[ref["group"] == "Volga Wire"].set_index("term")
    mine = ex.scores().set_index("term")
    assert np.allclose(mine["z"], ref.loc[mine.index, "z"], atol=1e-9)
    assert (mine["count"] == ref.loc[mine.index, "count"]).all()
    pair = mk.distinctive_terms(corpus, pair=("Volga Wire", "Potomac Herald"), min_docs=0)
    pair = pair[pair["group"] == "Volga Wire"].set_index("term")
    mine = ex.scores(against="Potomac Herald").set_index("term")
    common = mine.index.intersection(pair.index)
    assert len(common) > 300
    assert np.allclose(mine.loc[common, "z"], pair.loc[common, "z"], atol=1e-9)
    assert (mine["ci_low"] < mine["score"]).all() and (mine["score"] < mine["ci_high"]).all()


def test_page_is_offline_with_a_csp(page):
    text = page.read_text(encoding="utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in text.replace("&#x27;", "'")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert text.count("<script") == 2 and 'type="application/json"' in text


def test_caps_are_respected_and_stated(corpus, tmp_path):
    path = mk.build_explorer(corpus, tmp_path / "x.html", min_count=8, max_terms=50, kwic_per_term=3,
                             sentences_per_cell=2, max_speakers=5, quotes_per_speaker=2, max_pairs=1)
    data = _data(path)
    counts = np.array(data["terms"]["c"]).sum(axis=1)
    assert len(data["terms"]["t"]) == 50 and counts.min() >= 8
    assert max(len(v) for v in data["kwic"]) == 3
    assert max(len(v) for v in data["frames"]["cells"].values()) == 2
    assert len(data["quotes"]["speakers"]) == 5 and max(len(v) for v in data["quotes"]["quotes"].values()) <= 2
    assert len(data["reuse"]["pairs"]) == 1
    stated = path.read_text(encoding="utf-8")
    for phrase in ("at least 8 times (min_count)", "at most 50 are kept (max_terms)", "at most 3 keyword-in-context",
                   "At most 2 sentences per outlet", "max_speakers=5", "at most 2 quotes", "max_pairs=1"):
        assert phrase in stated, phrase


def test_worker_processes_give_the_same_page(corpus, page, tmp_path):
    other = mk.build_explorer(corpus, tmp_path, story="s400", kwic_per_term=15, n_jobs=3)
    a, b = _data(page), _data(other)
    a["meta"].pop("build_seconds"), b["meta"].pop("build_seconds")
    assert a == b


def test_workers_split_the_analyses_into_parts_with_the_same_tables(corpus):
    from concurrent.futures import ProcessPoolExecutor

    import mediakit.framing
    import mediakit.sources  # noqa: F401 (the analyses register on import)
    from mediakit.analysis import get
    from mediakit.explore._build import _split_run

    with ProcessPoolExecutor(2) as pool:
        quotes = _split_run(get("extract_quotes"), corpus, pool, 3)
        frames = _split_run(get("score_frames"), corpus, pool, 2, codebook="s400")
        quotes, frames = quotes(), frames()
    whole_q, whole_f = mk.extract_quotes(corpus), mk.score_frames(corpus, "s400")
    pd.testing.assert_frame_equal(quotes, whole_q)
    pd.testing.assert_frame_equal(frames, whole_f)
    assert quotes.attrs == whole_q.attrs and frames.attrs == whole_f.attrs
    assert len(quotes) > 500 and len(frames) > 1000


def test_tables_passed_in_are_used_as_they_are(corpus, page, tmp_path):
    quotes, frames, reuse = mk.extract_quotes(corpus), mk.score_frames(corpus, "s400"), mk.find_reuse(corpus)
    other = mk.build_explorer(corpus, tmp_path, story="s400", kwic_per_term=15, quotes=quotes, frames=frames,
                              reuse=reuse)
    a, b = _data(page), _data(other)
    a["meta"].pop("build_seconds"), b["meta"].pop("build_seconds")
    b["meta"]["caps"]["codebook"] = a["meta"]["caps"]["codebook"]      # named by the table's attrs
    assert a == b
    few = quotes[quotes["speaker_canonical"] == quotes["speaker_canonical"].value_counts().index[-1]]
    data = _data(mk.build_explorer(corpus, tmp_path / "few.html", quotes=few, frames=frames, reuse=reuse.head(2)))
    assert len(data["quotes"]["speakers"]) == 1 and data["reuse"]["n"] == 2
    with pytest.raises(TypeError, match="build_explorer: reuse must be the pandas table"):
        mk.build_explorer(corpus, tmp_path, reuse="reuse.csv")


def test_kwic_sample_is_kwic_lines_in_one_pass(corpus):
    from mediakit.explore._terms import _trie_regex, sample_kwic

    terms = ["sanctions", "S-400", "NATO", "us", "US", "missile defense", "Ankara"]
    lines, seen = sample_kwic(corpus, terms, by="outlet", per_term=4, window=5, random_state=1)
    rx = r"(?<!\w)(?:(?i:" + _trie_regex(sorted(t.lower() for t in terms if t == t.lower())) + ")|" + \
        _trie_regex(sorted(t for t in terms if t != t.lower())) + r")(?!\w)"
    every = mk.kwic(corpus, rx, kind="regex", window=5)
    keys = set(zip(every["article_id"], every["start"], every["end"], every["left_start"], every["right_end"],
                   every["left"], every["right"]))
    per_term = lines.groupby("term").size()
    for t in terms:
        n = int((every["match"].str.replace(r"\s+", " ", regex=True).map(
            lambda m: m if m in terms and m != m.lower() else m.lower()) == t).sum())
        assert per_term.get(t, 0) == min(4, n), t          # full when it can be, else every match
        assert seen[t] >= per_term.get(t, 0)
    for r in lines.itertuples(index=False):
        assert (r.article_id, r.start, r.end, r.left_start, r.right_end, r.left, r.right) in keys
    again, _ = sample_kwic(corpus, terms, by="outlet", per_term=4, window=5, random_state=2)
    assert not again.equals(lines)                            # another sample for another random_state


def test_evidence_widget_shows_a_speaker_and_a_reuse_pair(corpus):
    pytest.importorskip("ipywidgets")
    from mediakit.explore import explore_evidence

    quotes, reuse = mk.extract_quotes(corpus), mk.find_reuse(corpus)
    ev = explore_evidence(corpus, quotes, reuse, max_speakers=10, quotes_per_speaker=6)
    ui_box = ev.widget()
    assert ui_box.children and len(ev.speakers) == 10
    top = ev.speakers["speaker"].iloc[0]
    ui = ev._ui
    ui.speaker.value = top                                  # a selection in the dropdown
    rows = ev.quotes_of(top)
    texts = dict(zip(corpus["article_id"], corpus["text"]))
    assert ev.selected_speaker == top and 0 < len(rows) <= 6 and rows["group"].nunique() >= 2
    for r in rows.itertuples(index=False):
        assert texts[r.article_id][r.start:r.end] == r.quote
        assert f'data-article="{r.article_id}" data-start="{r.start}" data-end="{r.end}"' in ui.quotes_output.value
    assert ui.quotes_output.value.count("<td") == rows["group"].nunique()   # one column per outlet
    ui.pair.value = 0
    pair = ev.pairs().iloc[0]
    assert ev.selected_pair == 0 and pair["similarity"] == ev.pairs()["similarity"].max()
    assert texts[pair["source_id"]][pair["source_start"]:pair["source_end"]] == pair["source_text"]
    assert texts[pair["target_id"]][pair["target_start"]:pair["target_end"]] == pair["target_text"]
    assert ui.reuse_output.value.count('class="passage"') == 2
    assert ("<mark>" in ui.reuse_output.value) == bool(pair["changes"])
    with pytest.raises(KeyError, match="not among the 10 shown"):
        ev.quotes_of("Nobody Atall")


def test_script_in_a_title_cannot_close_the_data_block(tmp_path):
    evil = "</script><script>alert(1)</script><!--"
    df = pd.DataFrame({"article_id": list("abcd"), "outlet": ["A", "A", "B", "B"],
                       "title": [evil, "t", "t", "t"],
                       "text": ["Sanctions </script> hit hard.", "Sanctions loom.", "Restrictions hit.",
                                "Restrictions again."]})
    path = mk.build_explorer(df, tmp_path, min_count=1)
    text = path.read_text(encoding="utf-8")
    assert text.count("</script>") == 2 and "alert(1)" in text
    assert _data(path)["articles"][0][3] == evil


def test_bad_input_is_named(corpus):
    with pytest.raises(mk.ColumnError, match="explore_terms: column 'desk' missing"):
        mk.explore_terms(corpus, by="desk")
    with pytest.raises(ValueError, match="focus='Nowhere' is not a value of column 'outlet'"):
        mk.explore_terms(corpus, focus="Nowhere")


def test_widget_selection_updates_kwic(corpus):
    pytest.importorskip("ipywidgets")
    ex = mk.explore_terms(corpus, focus="Volga Wire", kwic_per_term=5)
    box = ex.widget()
    assert box.children
    ui = ex._ui
    lines = ex.select("sanctions")
    texts = dict(zip(corpus["article_id"], corpus["text"]))
    assert 0 < len(lines) <= 5
    for r in lines.itertuples(index=False):
        assert texts[r.article_id][r.start:r.end] == r.match
        assert f'data-start="{r.start}" data-end="{r.end}"' in ui.kwic_output.value
    assert ui.search.value == "sanctions" and "stroke-width=\"2\"" in ui.scatter.value
    ui.focus.value = "Potomac Herald"                  # a new focus: the header and scores follow
    assert "in Potomac Herald" in ui.kwic_output.value
    ui.search.value = "restrictions"                   # typing a term selects it
    assert ex.selected == "restrictions" and ">restrictions</mark>" in ui.kwic_output.value.lower()
    assert "<iframe srcdoc=" in ex._repr_html_()


# ---------------------------------------------------------------- a real browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver are not installed")
def test_explorer_in_headless_chromium(corpus, page, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.common.by import By

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND",
                f"--user-data-dir={tmp_path / 'profile'}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    try:
        driver.set_window_size(1280, 1600)
        driver.get(page.as_uri())
        assert driver.execute_script("return document.body.getAttribute('data-ready')") == "1"
        assert len(driver.find_elements(By.CSS_SELECTOR, "#mk-scatter circle.pt")) > 500
        box = driver.find_element(By.ID, "mk-search")
        box.send_keys("sanctio")
        hit = [li for li in driver.find_elements(By.CSS_SELECTOR, "#mk-suggest li.suggestion") if li.text == "sanctions"]
        assert hit, "the search did not offer 'sanctions'"
        hit[0].click()
        lines = driver.find_elements(By.CSS_SELECTOR, "#mk-kwic tr.kwic-line")
        assert lines
        texts = dict(zip(corpus["article_id"], corpus["text"]))
        for line in lines:
            aid, start, end = (line.get_attribute(a) for a in ("data-article", "data-start", "data-end"))
            shown = line.find_element(By.CSS_SELECTOR, "td.match").text
            assert texts[aid][int(start):int(end)] == shown
        # the page's statistic for another pairing equals mk.distinctive_terms
        focus, other = "Volga Wire", "Potomac Herald"
        js = driver.execute_script(f"return window.mkExplorer.scores({focus!r}, {other!r}).map(s => [s.term, s.z])")
        ref = mk.distinctive_terms(corpus, pair=(focus, other), min_docs=0)
        ref = ref[ref["group"] == focus].set_index("term")["z"]
        js = {t: z for t, z in js if t in ref.index}
        assert len(js) > 300 and max(abs(z - ref[t]) for t, z in js.items()) < 1e-9
        # an evidence browser: a frame cell shows its sentences with cues marked
        driver.find_element(By.CSS_SELECTOR, "#mk-frames td.cell:not(.empty)").click()
        assert driver.find_elements(By.CSS_SELECTOR, "#mk-frame-sentences li.frame-sentence mark.cue")
        requests = []
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                requests.append(msg["params"]["request"]["url"])
        outside = [u for u in requests if u.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp")]
        assert outside == [], f"requests left the machine: {outside}"
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], errors
    finally:
        driver.quit()
