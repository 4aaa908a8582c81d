"""A least-recently-used cache bounded in bytes, not entries.

"the budget cache can grow to ~210 MB": a cap of N entries says nothing about memory when
one entry is a 40-line village budget and another a 4,000-line district one. Each value is
weighed once when stored (by a caller-supplied estimate) and the oldest are dropped until
the total fits. Thread-safe: the bot's engine thread and the event loop share caches.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


def text_bytes(*texts: str) -> int:
    """What ``str`` objects take: CPython stores 1, 2 or 4 bytes a character plus a header."""
    return sum(sys.getsizeof(t) for t in texts)


class ByteLRU(Generic[V]):
    def __init__(self, max_bytes: int, weigh: Callable[[V], int]) -> None:
        self.max_bytes = max_bytes
        self.weigh = weigh
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> V | None:
        return self.get_any(key)

    def get_any(self, *keys: Hashable) -> V | None:
        """The value under the first of ``keys`` present (one hit or one miss in all)."""
        with self._lock:
            for key in keys:
                found = self._items.get(key)
                if found is not None:
                    self._items.move_to_end(key)
                    self.hits += 1
                    return found[0]
            self.misses += 1
            return None

    def put(self, key: Hashable, value: V) -> None:
        size = self.weigh(value)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            if size > self.max_bytes:
                return  # bigger than the whole cache: not worth evicting everything for
            self._items[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0
