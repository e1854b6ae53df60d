"""A helper for the word lists in textmeter's modules."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` as a frozenset (lists stay readable as prose)."""
    return frozenset(text.split())
