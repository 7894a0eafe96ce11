"""The explorer page: build time, size and load time in headless Chromium, and the plotting choice.

    .venv/bin/python bench/explore.py                  # data/s400 + 10,000 generated articles
    .venv/bin/python bench/explore.py --screenshot     # also writes docs/explorer.png (s400, "sanctions")
    .venv/bin/python bench/explore.py --compare        # also the same scatter + KWIC as Bokeh and Plotly pages
    .venv/bin/python bench/explore.py --generated 10000 --baseline ../main   # 10k build: this code vs another
                                                       # checkout's, alternating in one run (+ page data equal)

Load time is what Chromium reports for the page (navigation start to the end of the load event; the
page's script runs before that event, so the scatter and lists are drawn and clickable by then), taken as
the median of 3 loads in a fresh headless Chromium with every host mapped to nothing
(--host-resolver-rules) and the page's CSP. The 10,000 articles are shard 0 of bench/scale.py (a bigram
model of the demo corpus' English text, two attributed quotes each, outlet-typical words, 4% reprints).
--compare builds the same scatter (focus vs rest, colour = z) with KWIC lines on a tap as a Bokeh
standalone page (bokeh.resources.INLINE, CustomJS) and as a Plotly page (plotly.js inlined, the click and
search handlers as the figure's post_script), both under the same CSP, and reports size, load time,
whether typing a term shows its KWIC lines, and console errors (needs `pip install bokeh plotly`: bench
only, neither is a mediakit dependency).
--baseline DIR builds the generated corpus' page in fresh subprocesses, the mediakit of DIR and this
checkout's taking turns (2 rounds), and reports wall time, CPU time (the process and its workers), the
load average and whether the two pages hold the same data: on a shared machine only such same-run
ratios mean anything.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import mediakit as mk  # noqa: E402
from mediakit.explore import CSP  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def browser(profile: Path):
    from selenium import webdriver

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))


def load_time(page: Path, tmp: Path, runs: int = 3) -> dict:
    times, errors = [], []
    for r in range(runs):
        driver = browser(tmp / f"profile-{page.stem}-{r}")
        try:
            driver.set_window_size(1280, 1500)
            driver.get(page.as_uri())
            nav = driver.execute_script("const n = performance.getEntriesByType('navigation')[0];"
                                        "return [n.loadEventEnd, n.domInteractive];")
            times.append(nav[0] / 1000)
            errors = [e["message"][:160] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        finally:
            driver.quit()
    return {"load_s": round(statistics.median(times), 3), "console_errors": errors}


def screenshot(page: Path, tmp: Path, out: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = browser(tmp / "profile-shot")
    try:
        driver.set_window_size(1280, 1100)
        driver.get(page.as_uri())
        driver.find_element(By.ID, "mk-search").send_keys("sanctions")
        [li for li in driver.find_elements(By.CSS_SELECTOR, "#mk-suggest li.suggestion") if li.text == "sanctions"][0].click()
        driver.execute_script("document.getElementById('terms').scrollIntoView()")
        driver.save_screenshot(str(out))
    finally:
        driver.quit()


def bokeh_page(ex, out: Path) -> Path:
    """The same scatter and KWIC as a Bokeh standalone page, inline resources, the same CSP."""
    from bokeh.embed import file_html
    from bokeh.layouts import column, row
    from bokeh.models import ColumnDataSource, CustomJS, Div, TapTool, TextInput
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    s = ex.scores()
    lines = {t: ex.lines(t) for t in s["term"]}
    kwic = ["".join(f"<div>{html.escape(r.left)}<mark>{html.escape(r.match)}</mark>{html.escape(r.right)}</div>"
                    for r in lines[t].itertuples(index=False)) for t in s["term"]]
    t = np.clip(s["z"].to_numpy() / 4, -1, 1)
    ends = {True: (33, 102, 172), False: (178, 24, 43)}
    colours = ["#" + "".join(f"{int(225 + (c - 225) * abs(v)):02x}" for c in ends[bool(v >= 0)]) for v in t]
    src = ColumnDataSource({"x": s["freq"] + 0.05, "y": s["freq_other"] + 0.05, "term": s["term"], "z": s["z"],
                            "c": colours, "kwic": kwic})
    fig = figure(x_axis_type="log", y_axis_type="log", width=600, height=500, tools="tap,hover,pan,wheel_zoom,reset",
                 tooltips=[("term", "@term"), ("z", "@z{0.00}")])
    fig.scatter("x", "y", source=src, color="c", size=6)
    div = Div(text="click a term")
    code = "const i = src.selected.indices[0]; if (i !== undefined) div.text = src.data.kwic[i];"
    src.selected.js_on_change("indices", CustomJS(args={"src": src, "div": div}, code=code))
    box = TextInput(title="term")
    box.js_on_change("value", CustomJS(args={"src": src}, code="const i = src.data.term.indexOf(cb_obj.value);"
                                                                   "if (i >= 0) src.selected.indices = [i];"))
    fig.select(TapTool)
    page = file_html(column(box, row(fig, div)), resources=INLINE, title="bokeh explorer")
    page = page.replace("<head>", f'<head>\n<meta http-equiv="Content-Security-Policy" content="{CSP}">', 1)
    out.write_text(page, encoding="utf-8")
    return out


def bokeh_interaction(page: Path, tmp: Path) -> dict:
    """Type a term into the Bokeh page's box and see whether the KWIC div fills (CustomJS under the CSP)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser(tmp / "profile-bokeh-i")
    try:
        driver.get(page.as_uri())
        time.sleep(1.0)
        inputs = driver.find_elements(By.CSS_SELECTOR, "input")
        if not inputs:      # Bokeh renders its widgets in shadow roots
            inputs = driver.execute_script(
                "const out = []; const walk = (r) => { r.querySelectorAll('*').forEach(e => {"
                " if (e.tagName === 'INPUT') out.push(e); if (e.shadowRoot) walk(e.shadowRoot); }); };"
                " walk(document); return out;")
        ok = False
        if inputs:
            inputs[0].send_keys("sanctions", Keys.ENTER)
            time.sleep(0.5)
            ok = bool(driver.execute_script(
                "let found = false; const walk = (r) => { r.querySelectorAll('*').forEach(e => {"
                " if (e.tagName === 'MARK') found = true; if (e.shadowRoot) walk(e.shadowRoot); }); };"
                " walk(document); return found;"))
        errors = [e["message"][:200] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        return {"kwic_shown_after_typing": ok, "console_errors": errors}
    finally:
        driver.quit()


def plotly_page(ex, out: Path) -> Path:
    """The same scatter and KWIC as a Plotly page: plotly.js inlined, click and search in post_script."""
    import plotly.graph_objects as go

    s = ex.scores()
    kwic = ["".join(f"<div>{html.escape(r.left)}<mark>{html.escape(r.match)}</mark>{html.escape(r.right)}</div>"
                    for r in ex.lines(t).itertuples(index=False)) for t in s["term"]]
    fig = go.Figure(go.Scatter(
        x=s["freq"] + 0.05, y=s["freq_other"] + 0.05, mode="markers", text=s["term"],
        customdata=np.c_[s["count"], s["count_other"], s["z"].round(2)],
        marker={"color": s["z"].clip(-4, 4), "colorscale": "RdBu", "cmid": 0, "size": 6, "showscale": True},
        hovertemplate="%{text}<br>%{customdata[0]} vs %{customdata[1]}<br>z %{customdata[2]}<extra></extra>"))
    fig.update_layout(width=700, height=550, xaxis_type="log", yaxis_type="log", clickmode="event+select")
    script = ("const gd = document.getElementById('{plot_id}');"
              "const kw = JSON.parse(document.getElementById('kw').textContent);"
              "const terms = gd.data[0].text;"
              "const show = (i) => { document.getElementById('kwic').innerHTML = kw[i]; };"
              "gd.on('plotly_click', (ev) => show(ev.points[0].pointIndex));"
              "document.getElementById('box').addEventListener('change', (e) => {"
              " const i = terms.indexOf(e.target.value);"
              " if (i >= 0) { Plotly.restyle(gd, {selectedpoints: [[i]]}); show(i); } });")
    body = fig.to_html(full_html=False, include_plotlyjs=True, div_id="plot", post_script=script)
    data = json.dumps(kwic).replace("</", "<\\/")
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><title>plotly explorer</title></head>'
            f'<body><input id="box" placeholder="term"><script type="application/json" id="kw">{data}</script>'
            f'{body}<div id="kwic">click a term</div></body></html>')
    out.write_text(page, encoding="utf-8")
    return out


def plotly_interaction(page: Path, tmp: Path) -> dict:
    """Type a term into the Plotly page's box: do its KWIC lines show, are the points drawn, any error?"""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser(tmp / "profile-plotly-i")
    try:
        driver.get(page.as_uri())
        points = len(driver.find_elements(By.CSS_SELECTOR, "#plot .scatterlayer path.point"))
        driver.find_element(By.ID, "box").send_keys("sanctions", Keys.ENTER)
        time.sleep(0.5)
        ok = bool(driver.find_elements(By.CSS_SELECTOR, "#kwic mark"))
        errors = [e["message"][:200] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        return {"points_drawn": points, "kwic_shown_after_typing": ok, "console_errors": errors}
    finally:
        driver.quit()


_RUNNER = """
import json, os, resource, sys, time
import pandas as pd
import mediakit as mk
corpus = pd.read_pickle(sys.argv[1])
mk.distinctive_terms(corpus.iloc[:50])
load = os.getloadavg()[0]
t0 = time.perf_counter()
page = mk.build_explorer(corpus, sys.argv[2], n_jobs=int(sys.argv[3]))
wall = time.perf_counter() - t0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"mediakit": mk.__file__, "wall_s": round(wall, 1),
                  "cpu_main_s": round(me.ru_utime + me.ru_stime, 1),
                  "cpu_workers_s": round(kids.ru_utime + kids.ru_stime, 1),
                  "load_before": round(load, 1), "load_after": round(os.getloadavg()[0], 1),
                  "size_MB": round(page.stat().st_size / 1e6, 2)}))
"""


def page_data(page: Path) -> dict:
    import re

    text = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="mk-data">(.*?)</script>', text, re.S).group(1))
    data["meta"].pop("build_seconds", None)
    return data


def ab_build(big, baseline: Path, tmp: Path, rounds: int = 2, n_jobs: int = 2) -> dict:
    """Build the page with the baseline checkout's mediakit and with this one, taking turns in fresh
    processes; CPU times include the worker processes."""
    import os
    import subprocess

    data = tmp / "big.pkl"
    big.to_pickle(data)
    runs: dict[str, list[dict]] = {"baseline": [], "this": []}
    for r in range(rounds):
        for name, root in (("baseline", baseline.resolve()), ("this", ROOT)):
            env = {**os.environ, "PYTHONPATH": str(root)}
            out = tmp / f"ab-{name}-{r}.html"
            # the import first: the runner's script must not import this checkout's mediakit by its path
            proc = subprocess.run([sys.executable, "-c", _RUNNER, str(data), str(out), str(n_jobs)], env=env,
                                  cwd=tmp, capture_output=True, text=True, check=True)
            runs[name].append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(name, runs[name][-1], flush=True)
    same = page_data(tmp / "ab-baseline-0.html") == page_data(tmp / "ab-this-0.html")

    def total(run: dict) -> float:
        return run["cpu_main_s"] + run["cpu_workers_s"]

    ratio_wall = statistics.median(b["wall_s"] / t["wall_s"] for b, t in zip(runs["baseline"], runs["this"]))
    ratio_cpu = statistics.median(total(b) / total(t) for b, t in zip(runs["baseline"], runs["this"]))
    return {"runs": runs, "page_data_equal": same, "speedup_wall": round(ratio_wall, 2),
            "speedup_cpu": round(ratio_cpu, 2)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--screenshot", action="store_true", help="write docs/explorer.png")
    ap.add_argument("--compare", action="store_true", help="also measure Bokeh and Plotly pages with the same scatter")
    ap.add_argument("--baseline", type=Path, help="a checkout whose mediakit builds the generated page in turn")
    ap.add_argument("--generated", type=int, default=10_000, help="generated articles (0 to skip)")
    args = ap.parse_args(argv)
    if not (CHROMIUM and CHROMEDRIVER):
        sys.exit("bench/explore.py needs Debian's chromium and chromium-driver")
    results = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        corpus = mk.load_corpus(ROOT / "data" / "s400", progress=False)
        mk.distinctive_terms(corpus.iloc[::8])               # imports and caches warm, not timed
        t0 = time.perf_counter()
        page = mk.build_explorer(corpus, tmp / "s400" / "explorer.html", story="s400")
        build = time.perf_counter() - t0
        results["s400 (own page)"] = {"articles": len(corpus), "build_s": round(build, 1),
                                      "size_MB": round(page.stat().st_size / 1e6, 2), **load_time(page, tmp)}
        print(json.dumps(results, indent=1), flush=True)
        if args.screenshot:
            screenshot(page, tmp, ROOT / "docs" / "explorer.png")
            print("wrote docs/explorer.png")
        if args.compare:
            ex = mk.explore_terms(corpus, focus="Volga Wire")
            bpage = bokeh_page(ex, tmp / "bokeh.html")
            import bokeh

            results[f"s400 terms only, Bokeh {bokeh.__version__} inline"] = {
                "size_MB": round(bpage.stat().st_size / 1e6, 2), **load_time(bpage, tmp), **bokeh_interaction(bpage, tmp)}
            own = tmp / "own-terms.html"
            own.write_text(ex.to_html(), encoding="utf-8")
            import plotly

            ppage = plotly_page(ex, tmp / "plotly.html")
            results[f"s400 terms only, Plotly {plotly.__version__} inline"] = {
                "size_MB": round(ppage.stat().st_size / 1e6, 2), **load_time(ppage, tmp), **plotly_interaction(ppage, tmp)}
            results["s400 terms only, own page"] = {"size_MB": round(own.stat().st_size / 1e6, 2), **load_time(own, tmp)}
            print(json.dumps(results, indent=1), flush=True)
        if args.generated:
            from reuse import Bigrams
            from scale import SHARD, make_shard

            english = corpus[corpus["language"] == "en"]["text"].tolist()
            model = Bigrams(english, np.random.default_rng(0))
            big = make_shard(0, model, 0)
            while len(big) < args.generated:      # more shards for larger runs
                big = big._append(make_shard(len(big) // SHARD, model, 0), ignore_index=True)
            big = big.head(args.generated)
            if args.baseline:
                results["A/B build of the generated page"] = ab_build(big, args.baseline, tmp)
                print(json.dumps(results, indent=1), flush=True)
            t0 = time.perf_counter()
            page = mk.build_explorer(big, tmp / "big" / "explorer.html", n_jobs=2)
            build = time.perf_counter() - t0
            results[f"{len(big):,} generated articles (own page, n_jobs=2)"] = {
                "articles": len(big), "build_s": round(build, 1), "size_MB": round(page.stat().st_size / 1e6, 2),
                **load_time(page, tmp, runs=1)}
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
