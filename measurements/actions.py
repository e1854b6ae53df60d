"""Measure texts for learners and keep the measurements they choose to save."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from audit.actions import record
from audit.models import Event
from clients.models import Learner
from measurements.models import SavedMeasurement
from textmeter.measure import Measurement

FIGURE_KEYS = (
    "language",
    "words",
    "sentences",
    "paragraphs",
    "reading_time_seconds",
    "mean_sentence_length",
    "long_sentence_share",
    "syllables_per_word",
    "flesch_douma",
    "brouwer",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "rare_word_rate",
    "passive_sentences",
    "nominal_sentences",
    "officialese",
    "difficulty",
    "difficulty_label",
)


def figures_of(measurement: Measurement) -> dict[str, Any]:
    data = measurement.to_dict()
    figures = {key: data[key] for key in FIGURE_KEYS if key in data}
    figures["b1_verdict"] = data["b1"]["label"]
    return figures


@transaction.atomic
def save_measurement(*, learner: Learner, title: str, text: str, measurement: Measurement, by: Any) -> SavedMeasurement:
    saved = SavedMeasurement.objects.create(
        client_id=learner.client_id,
        learner=learner,
        title=title[:200],
        language=measurement.language,
        text=text,
        figures=figures_of(measurement),
    )
    # The text itself is never written to the activity log.
    record(Event.DATA_CHANGED, actor=by, target=saved, client=learner.client, data={"measurement": "saved"})
    return saved


@transaction.atomic
def delete_measurement(*, saved: SavedMeasurement, by: Any) -> None:
    record(Event.DATA_CHANGED, actor=by, target=saved, data={"measurement": "deleted"})
    saved.delete()
