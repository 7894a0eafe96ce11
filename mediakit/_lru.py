"""A small thread-safe least-recently-used cache with hit and miss counters.

One job: the in-memory caches of the parsed corpora (:mod:`mediakit.parsed`) and of the embeddings
(:mod:`mediakit.embedding`) keep their last ``maxsize`` entries with it. Written here rather than with
``functools.lru_cache`` because the keys are content hashes computed by the caller (a DataFrame is not
hashable), the caches are cleared and inspected, and several entries are read or stored under one lock.

>>> c = LRUCache(2)
>>> c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
1
>>> sorted(c.keys()), c.info()
(['a', 'c'], {'hits': 1, 'misses': 0, 'size': 2, 'maxsize': 2})
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Iterator
from typing import Any

__all__ = ["LRUCache"]


class LRUCache:
    """The last ``maxsize`` values by key; :meth:`get` counts a hit or a miss unless ``count=False``."""

    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._hits = self._misses = 0

    def get(self, key: Hashable, *, count: bool = True) -> Any:
        """The value stored under ``key`` (now the most recently used), or None."""
        with self._lock:
            return self._get(key, count)

    def get_many(self, keys: Iterable[Hashable]) -> list[Any]:
        """The values of ``keys`` (None where absent), read under one lock; no counters change."""
        with self._lock:
            return [self._get(k, False) for k in keys]

    def put(self, key: Hashable, value: Any) -> None:
        """Store ``value`` under ``key``, dropping the least recently used entries beyond ``maxsize``."""
        self.put_many([(key, value)])

    def put_many(self, items: Iterable[tuple[Hashable, Any]]) -> None:
        """Store every ``(key, value)`` under one lock."""
        with self._lock:
            for key, value in items:
                self._data[key] = value
                self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        """Forget every entry and reset the counters."""
        with self._lock:
            self._data.clear()
            self._hits = self._misses = 0

    def info(self) -> dict[str, int]:
        """``hits``, ``misses``, ``size`` and ``maxsize``."""
        with self._lock:
            return {"hits": self._hits, "misses": self._misses, "size": len(self._data), "maxsize": self.maxsize}

    def keys(self) -> Iterator[Hashable]:
        """The keys, least recently used first (a snapshot)."""
        with self._lock:
            return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def _get(self, key: Hashable, count: bool) -> Any:
        hit = self._data.get(key)
        if hit is not None:
            self._data.move_to_end(key)
        if count:
            if hit is not None:
                self._hits += 1
            else:
                self._misses += 1
        return hit
