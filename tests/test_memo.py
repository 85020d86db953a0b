"""The core's one LRU memo (geo's layers, the synthetic control's placebo fits)."""

from __future__ import annotations

from indicators.memo import Memo


def test_the_least_recently_used_goes_first_and_lookups_are_counted() -> None:
    memo = Memo(maxsize=2)
    built: list[str] = []

    def build(key: str) -> str:
        built.append(key)
        return key.upper()

    assert memo.get("a", lambda: build("a")) == "A"
    assert memo.get("b", lambda: build("b")) == "B"
    assert memo.get("a", lambda: build("a")) == "A"  # a is now the most recent
    memo.get("c", lambda: build("c"))  # evicts b
    memo.get("a", lambda: build("a"))
    memo.get("b", lambda: build("b"))
    assert built == ["a", "b", "c", "b"]
    assert (memo.hits, memo.misses) == (2, 4)
    memo.clear()
    memo.get("a", lambda: build("a"))
    assert built[-1] == "a"
