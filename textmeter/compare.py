"""Before/after comparison of two versions of the same text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from textmeter.measure import Measurement, measure

# Figure -> True when a lower value is better.
COMPARED: dict[str, bool] = {
    "difficulty": True,
    "mean_sentence_length": True,
    "long_sentence_share": True,
    "very_long_sentences": True,
    "syllables_per_word": True,
    "flesch_douma": False,
    "brouwer": False,
    "flesch_reading_ease": False,
    "flesch_kincaid_grade": True,
    "mean_familiarity": False,
    "rare_word_rate": True,
    "long_word_share": True,
    "passive_rate": True,
    "nominal_per_100_words": True,
    "officialese_per_100_words": True,
    "abbreviations_per_100_words": True,
}


@dataclass(slots=True)
class Change:
    figure: str
    before: float
    after: float
    change: float
    verdict: str  # "better", "worse" or "same"


@dataclass(slots=True)
class Comparison:
    before: Measurement
    after: Measurement
    changes: list[Change]
    b1_before: str
    b1_after: str

    @property
    def easier(self) -> bool:
        return self.after.difficulty < self.before.difficulty

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "changes": [asdict(c) for c in self.changes],
            "b1_before": self.b1_before,
            "b1_after": self.b1_after,
            "easier": self.easier,
        }


def compare(before: str, after: str, lang: str | None = None) -> Comparison:
    """Measure both versions (in the same language) and say per figure what improved."""
    first = measure(before, lang)
    second = measure(after, lang or first.language)
    changes = []
    for figure, lower_is_better in COMPARED.items():
        old = getattr(first, figure)
        new = getattr(second, figure)
        if old is None or new is None:
            continue
        delta = round(new - old, 4)
        verdict = "same" if delta == 0 else "better" if (delta < 0) == lower_is_better else "worse"
        changes.append(Change(figure, old, new, delta, verdict))
    return Comparison(first, second, changes, first.b1.verdict, second.b1.verdict)
