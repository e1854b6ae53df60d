"""The trainer reads the measurements their own learners saved (L4)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

import access
from access.measurements import access_measurement, visible_measurements
from accounts.roles import Task
from portal.texts import FIGURE_LABELS, notes, render_highlighted
from textmeter.errors import TextMeterError
from textmeter.measure import measure


@access.staff_required(Task.TRACK_PROGRESS)
def learner_measurements(request: HttpRequest) -> HttpResponse:
    saved = (
        visible_measurements(request.user)
        .select_related("learner__user")
        .only("code", "title", "figures", "created_at", "learner__user__full_name")
    )
    return render(request, "office/texts_list.html", {"saved": saved})


@access.staff_required(Task.TRACK_PROGRESS)
def learner_measurement(request: HttpRequest, code: str) -> HttpResponse:
    saved = access_measurement(request.user, code)
    context = {"saved": saved, "labels": FIGURE_LABELS}
    try:
        result = measure(saved.text, saved.language)
    except TextMeterError:
        result = None
    if result is not None:
        context.update(
            marked=render_highlighted(result.measured_text or saved.text, result.highlights),
            notes=notes(result.highlights),
        )
    return render(request, "office/texts_detail.html", context)
