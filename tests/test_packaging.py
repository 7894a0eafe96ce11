"""Packaging stays consistent: environment.yml mirrors pyproject, the lock pins everything, two commands."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _name(req: str) -> str:
    return re.split(r"[\[<>=!~; ]", req, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_mirrors_pyproject():
    p = _pyproject()
    expected = p["dependencies"] + [d for extra in ("notebooks", "dev", "scale")
                                    for d in p["optional-dependencies"][extra]]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert [d for d in pip_section if d != "-e ."] == expected
    assert "python>=3.11" in env["dependencies"]


def test_lock_pins_every_dependency_exactly():
    p = _pyproject()
    lock = {}
    for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"lock line without an exact pin: {line}"
            lock[name.lower().replace("_", "-")] = version
    needed = p["dependencies"] + [d for e in ("notebooks", "dev", "scale") for d in p["optional-dependencies"][e]]
    for req in needed:
        assert _name(req) in lock, f"{req} is not pinned in requirements/lock.txt"


def test_dependencies_have_lower_bounds_and_torch_is_pinned():
    p = _pyproject()
    for req in p["dependencies"]:
        assert ">=" in req, req
    assert "torch==2.13.0" in p["optional-dependencies"]["embed"]
    assert p["scripts"]["mediakit"] == "mediakit.cli:console"


def test_readme_quick_start_is_two_commands_and_ci_runs_it():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [ln for ln in block.strip().splitlines()] == ["make report", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.M)
    makefile = (ROOT / "Makefile").read_text()
    assert "-m pip install --quiet --upgrade pip" in makefile and "-c requirements/lock.txt" in makefile


def test_import_has_no_side_effects():
    import subprocess
    import sys

    code = ("import sys, matplotlib; before = dict(matplotlib.rcParams); import mediakit; "
            "assert dict(matplotlib.rcParams) == before; "
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
    out = subprocess.run([sys.executable, "-c", "import sys, mediakit; print('mediakit.sources' in sys.modules)"],
                         capture_output=True, text=True)
    assert out.stdout.strip() == "False"
