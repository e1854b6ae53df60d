"""Shared helpers for the textmeter tests (no Django: run with ``-p no:django``)."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold"


def read_tsv(name: str) -> list[list[str]]:
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="session")
def corpus() -> tuple[list[object], list[object]]:
    from textmeter.evaluate import load

    return load()  # type: ignore[return-value]


@pytest.fixture(autouse=True)
def _isolated_media() -> None:
    """Override the project's autouse fixture of the same name, which needs Django's ``settings``:
    textmeter is pure Python and its tests run with ``-p no:django``."""
