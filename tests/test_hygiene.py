"""The session check that a test run leaves the checkout as it found it, tried on a throwaway repository."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import checkout_state

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_checkout_state_sees_new_changed_and_ignored_files_but_not_run_litter(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".gitignore").write_text("reports/*\n.venv/\n__pycache__/\n")
    (repo / "kept.txt").write_text("v1")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")
    assert checkout_state(repo) == set()

    for litter in (".venv/bin", "pkg/__pycache__", ".pytest_cache/v"):
        (repo / litter).mkdir(parents=True)
        (repo / litter / "x").write_text("x")
    assert checkout_state(repo) == set()

    (repo / "reports").mkdir()
    (repo / "reports" / "shot.png").write_bytes(b"png")      # ignored by .gitignore, still a write
    (repo / "kept.txt").write_text("v2")                      # a tracked file changed
    (repo / "new.csv").write_text("a,b\n")                    # an untracked file
    assert checkout_state(repo) == {"!! reports/shot.png", " M kept.txt", "?? new.csv"}


def test_checkout_state_is_none_outside_git(tmp_path):
    assert checkout_state(tmp_path) is None
