"""Where the work runs: a Dask client for a local cluster on 127.0.0.1 or a running scheduler."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

__all__ = ["scheduler"]


@contextlib.contextmanager
def scheduler(spec: str | None = None, *, threads_per_worker: int = 1,
              memory_limit: str | int = "auto", dashboard: bool = False) -> Iterator[Any]:
    """Open a Dask client for ``spec`` and make it current; close what was opened on exit.

    ``spec``: None or ``"local"`` (LocalCluster, 2 workers), ``"local:N"`` (N workers) — both on 127.0.0.1,
    one thread each (the analyses are pure Python, so processes beat threads) — or ``"tcp://HOST:PORT"``,
    the scheduler of a running cluster (nothing is started or stopped there). ``dashboard``: serve Dask's
    diagnostics dashboard of a local cluster (off by default); its HTTP server listens on 127.0.0.1 only.

    >>> with scheduler("local:2") as client:                         # doctest: +SKIP
    ...     print(client.scheduler_info()["address"])
    """
    import logging

    # p2p shuffles log a WARNING each time one starts and stops: routine here, so keep them out of the output
    quiet = logging.getLogger("distributed.shuffle._scheduler_plugin")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        with _open(spec, threads_per_worker, memory_limit, dashboard) as client:
            yield client
    finally:
        quiet.setLevel(level)


@contextlib.contextmanager
def _open(spec: str | None, threads_per_worker: int, memory_limit: str | int, dashboard: bool) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    spec = (spec or "local").strip()
    if spec.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        client = Client(spec)
        try:
            yield client
        finally:
            client.close()
        return
    if spec == "local":
        n = 2
    elif spec.startswith("local:") and spec[6:].isdigit() and int(spec[6:]) > 0:
        n = int(spec[6:])
    else:
        raise ValueError(f"--scheduler {spec!r} is not understood; use local, local:N (N workers) or "
                         "tcp://HOST:PORT (a running Dask scheduler)")
    # Everything listens on 127.0.0.1 only, on free ports so that two runs never clash: the scheduler, the
    # workers and the scheduler's HTTP server (Dask always starts one, for /health; left to itself it
    # listens on every interface at :8787). The dashboard pages on it are off unless asked for.
    cluster = LocalCluster(n_workers=n, threads_per_worker=threads_per_worker, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": dashboard},
                           memory_limit=memory_limit)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()
