"""Sentence vectors kept across runs: one SQLite file in the user's cache folder (:mod:`mediakit._usercache`).

One job: store and fetch float32 vectors by (model, text). A sentence met in any earlier run (a re-run of
the report, a notebook opened again) is not encoded again, and when every sentence of a call was met
before the encoder is not even loaded. Nothing here is needed: no cache folder, a folder that cannot be
written, a locked or corrupt file all read as "not stored" and the vectors are computed as usual. The file
holds at most :data:`MAX_ROWS` vectors (about 2 KB each for the default model); past that the oldest go.
Keys are hashes of the model's name and version and the text: the file holds no text.

>>> import os, tempfile
>>> before = os.environ.get("MEDIAKIT_CACHE_DIR")
>>> os.environ["MEDIAKIT_CACHE_DIR"] = tempfile.mkdtemp()
>>> store = VectorStore("demo-model-1")
>>> store.put(["a", "b"], np.eye(2, dtype=np.float32))
2
>>> got = store.get(["b", "c"])
>>> got[0].tolist(), got[1]
([0.0, 1.0], None)
>>> _ = os.environ.pop("MEDIAKIT_CACHE_DIR") if before is None else os.environ.update(MEDIAKIT_CACHE_DIR=before)
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ._usercache import cache_dir

__all__ = ["VectorStore", "MAX_ROWS"]

MAX_ROWS = 250_000   # vectors kept (about 500 MB of 512-dimension float32); the oldest are dropped past it
FILE = "sentence-vectors.sqlite"
_BATCH = 500         # keys per SELECT (SQLite's limit on bound parameters is 999 on old builds)


class VectorStore:
    """Vectors of one model (``model`` names it with its version: vectors of another version never meet)."""

    def __init__(self, model: str):
        self.model = model
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._pid != os.getpid():  # a forked process opens its own connection (one is never shared)
            self._db, self._pid = None, os.getpid()
        if self._db is not None or self._broken:
            return self._db
        folder = cache_dir()
        if folder is None:
            self._broken = True
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(Path(folder) / FILE, timeout=2.0)
            db.execute("CREATE TABLE IF NOT EXISTS v (k BLOB PRIMARY KEY, dim INTEGER, vec BLOB)")
            self._db = db
        except (OSError, sqlite3.Error):
            self._broken = True
        return self._db

    def _key(self, text: str) -> bytes:
        return hashlib.blake2b(f"{self.model}\x00{text}".encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def get(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        """The stored vector of each text, or None."""
        out: list[np.ndarray | None] = [None] * len(texts)
        db = self._connect()
        if db is None or not len(texts):
            return out
        keys = [self._key(t) for t in texts]
        where: dict[bytes, list[int]] = {}
        for i, k in enumerate(keys):
            where.setdefault(k, []).append(i)
        unique = list(where)
        try:
            for s in range(0, len(unique), _BATCH):
                part = unique[s:s + _BATCH]
                rows = db.execute(f"SELECT k, dim, vec FROM v WHERE k IN ({','.join('?' * len(part))})", part)
                for k, dim, vec in rows:
                    v = np.frombuffer(vec, dtype=np.float32)
                    if len(v) == dim:
                        for i in where[k]:
                            out[i] = v
        except sqlite3.Error:
            return [None] * len(texts)
        return out

    def put(self, texts: Sequence[str], vectors: np.ndarray) -> int:
        """Store the vectors (rows of ``vectors``) of ``texts``; how many were stored (0 when the cache is off,
        locked by another process or not writable)."""
        db = self._connect()
        if db is None or not len(texts):
            return 0
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        rows = [(self._key(t), int(v.shape[0]), v.tobytes()) for t, v in zip(texts, vectors)]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO v (k, dim, vec) VALUES (?, ?, ?)", rows)
                n = db.execute("SELECT COUNT(*) FROM v").fetchone()[0]
                if n > MAX_ROWS:  # the oldest rows first (rowids grow with each insert)
                    db.execute("DELETE FROM v WHERE rowid IN (SELECT rowid FROM v ORDER BY rowid LIMIT ?)",
                               (n - MAX_ROWS,))
        except sqlite3.Error:
            return 0
        return len(rows)
