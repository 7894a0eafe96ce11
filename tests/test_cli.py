"""The mediakit command: info output, one-line errors with a non-zero exit, output formats."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from mediakit.cli import emit, main

from .conftest import ROOT, write


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mediakit.cli", *args], capture_output=True, text=True, cwd=ROOT)


def test_info_on_a_folder(tmp_path, capsys):
    write(tmp_path / "Alpha" / "a.txt", "First\n\nThe council met on Monday and approved the plan.")
    write(tmp_path / "Beta" / "b.txt", "Second\n\nThe mayor said the plan was too expensive for the town.")
    write(tmp_path / "Beta" / "empty.txt", "")
    assert main(["info", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 articles from 2 outlets" in out
    assert "languages: en 2" in out
    assert "skipped: 1" in out and "empty.txt: empty file" in out


def test_info_csv_format(tmp_path, capsys):
    write(tmp_path / "Alpha" / "a.txt", "First\n\nThe council met on Monday and approved the plan.")
    assert main(["info", str(tmp_path), "--format", "csv"]) == 0
    df = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert df.loc[0, "outlet"] == "Alpha" and df.loc[0, "articles"] == 1


def test_errors_are_one_line_without_traceback(tmp_path):
    res = run("info", str(tmp_path / "missing"))
    assert res.returncode == 1
    assert res.stderr.strip().count("\n") == 0
    assert res.stderr.startswith("mediakit: error:") and "Traceback" not in res.stderr
    res = run("fetch", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o"))
    assert res.returncode == 1 and "no such manifest" in res.stderr and "Traceback" not in res.stderr


def test_no_command_prints_help():
    res = run()
    assert res.returncode == 2 and "info" in res.stdout


def test_emit_formats(tmp_path, capsys):
    df = pd.DataFrame({"a": [1, 2], "b": ["x", None], "d": pd.to_datetime(["2020-01-01", None])})
    emit(df, "jsonl")
    lines = capsys.readouterr().out.splitlines()
    assert json.loads(lines[0]) == {"a": 1, "b": "x", "d": "2020-01-01T00:00:00"}
    assert json.loads(lines[1]) == {"a": 2, "b": None, "d": None}
    emit(df, "json", str(tmp_path / "o.json"))
    assert len(json.loads((tmp_path / "o.json").read_text())) == 2


def test_cli_csv_is_neutralised_and_terminal_escapes_are_stripped(tmp_path, capsys):
    import pandas as pd

    from mediakit.cli import emit

    df = pd.DataFrame({"outlet": ["=HYPERLINK(\"x\")", "\x1b[31mRed\x1b[0m\x07 News", "-3"], "n": [-1, 2, 3]})
    emit(df, "csv")
    out = capsys.readouterr().out
    assert out == "outlet,n\n\"'=HYPERLINK(\"\"x\"\")\",-1\nRed News,2\n-3,3\n"
    emit(df, "csv", neutralise=False)
    assert capsys.readouterr().out.startswith("outlet,n\n\"=HYPERLINK")
    for fmt in ("table", "json", "jsonl"):
        emit(df, fmt)
        text = capsys.readouterr().out
        assert "\x1b" not in text and "\x07" not in text and "Red News" in text


def test_cli_raw_csv_flag_turns_neutralising_off(tmp_path, capsys):
    from mediakit.cli import main

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "bad\x1b[2J\x07name.md").write_text("---\ntitle: no body\n---\n", encoding="utf-8")  # skipped
    for i, outlet in enumerate(["=cmd|' /C calc'!A0", "@Herald"]):
        (corpus / f"a{i}.md").write_text(f"---\ntitle: T{i}\noutlet: \"{outlet}\"\ndate: '2021-01-0{i + 1}'\n---\n"
                                         f"The dam opened on day {i}, officials said.\n", encoding="utf-8")
    assert main(["info", str(corpus), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "'=cmd|' /C calc'!A0" in out and "'@Herald" in out and "\x1b" not in out and "\x07" not in out
    assert main(["info", str(corpus), "--format", "csv", "--raw-csv"]) == 0
    assert "\n=cmd|' /C calc'!A0," in capsys.readouterr().out
    assert main(["info", str(corpus)]) == 0
    info = capsys.readouterr()
    assert "badname.md" in info.out and "\x1b" not in info.out + info.err and "\x07" not in info.out


def test_console_script_exits_with_mains_code_after_running_the_exit_handlers(tmp_path):
    """`mediakit` (mediakit.cli.console) ends the process without tearing down every object, but only after
    the exit handlers ran (the user cache and logging rely on them) and with main's exit code."""
    import subprocess
    import sys

    marker = tmp_path / "handler-ran"
    code = ("import atexit, pathlib, sys; "
            f"atexit.register(lambda: pathlib.Path({str(marker)!r}).write_text('yes')); "
            "from mediakit.cli import console; console()")
    ok = subprocess.run([sys.executable, "-c", code, "info", str(ROOT / "tests" / "data" / "harbour")],
                        capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert ok.returncode == 0 and "articles" in ok.stdout and marker.read_text() == "yes"
    marker.unlink()
    bad = subprocess.run([sys.executable, "-c", code, "info", str(tmp_path / "missing")],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert bad.returncode == 1 and bad.stderr.startswith("mediakit: error:") and marker.read_text() == "yes"
