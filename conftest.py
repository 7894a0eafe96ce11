"""pytest set-up for the whole checkout (not shipped: the package is mediakit/ only).

Docstring examples (``--doctest-modules``, see pyproject.toml) run with the repository root as the working
directory, so that an example may read ``data/s400`` whatever folder pytest was started from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _doctests_run_from_the_repository_root(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        monkeypatch.chdir(ROOT)


@pytest.fixture(autouse=True, scope="session")
def _user_cache_under_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """mediakit's user cache (lemmas looked up) goes to a folder of this session, never the user's own, for
    this process and every process it starts (CLI runs, notebook kernels)."""
    import os

    os.environ["MEDIAKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("usercache"))
