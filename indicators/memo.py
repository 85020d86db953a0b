"""A small thread-safe least-recently-used memo, shared by the caches of the core (geo's map
layers, the synthetic control's placebo fits).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["Memo"]

_T = TypeVar("_T")


class Memo:
    """Results by key, the ``maxsize`` most recently used kept; safe across threads.

    ``build`` runs outside the lock, so two threads missing the same key at once may both
    build it (the later result is kept); a cached value is returned as it is, so callers
    that mutate results must copy them. ``hits`` and ``misses`` count the look-ups.
    """

    def __init__(self, maxsize: int = 32) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """The value under ``key``, built by ``build()`` when not kept."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                cached: _T = self._data[key]
                return cached
            self.misses += 1
        value = build()
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every kept value."""
        with self._lock:
            self._data.clear()
