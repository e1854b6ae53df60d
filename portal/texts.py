"""L4: measure texts in the portal (the `textmeter` library does the measuring; texts stay on the server)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from access.measurements import access_measurement, visible_measurements
from measurements.actions import delete_measurement, figures_of, save_measurement
from textmeter import TextMeterError, read_document
from textmeter.measure import Highlight, Measurement, measure

MAX_FILE_BYTES = 2 * 1024 * 1024
LANGUAGE_CHOICES = [
    ("", gettext_lazy("Automatisch herkennen")),
    ("nl", gettext_lazy("Nederlands")),
    ("en", gettext_lazy("Engels")),
]


class MeasureForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Je tekst"), widget=forms.Textarea(attrs={"rows": 12}), required=False)
    file = forms.FileField(
        label=gettext_lazy("Of kies een bestand"),
        required=False,
        help_text=gettext_lazy(".docx, .txt of .md, maximaal 2 MB"),
    )
    language = forms.ChoiceField(label=gettext_lazy("Taal"), choices=LANGUAGE_CHOICES, required=False)
    save = forms.BooleanField(label=gettext_lazy("Bewaar deze meting in mijn overzicht"), required=False)
    title = forms.CharField(label=gettext_lazy("Titel (als je de meting bewaart)"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(
                    _("Dit bestand is groter dan 2 MB. Kies een kleiner bestand of plak de tekst.")
                )
            try:
                data["text"] = read_upload(upload.name or "", upload.read())
            except TextMeterError as error:
                raise forms.ValidationError(error_text(error)) from error
        if not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Plak een tekst of kies een bestand."))
        return data


class CompareForm(forms.Form):
    before = forms.CharField(label=gettext_lazy("Eerste versie"), widget=forms.Textarea(attrs={"rows": 10}))
    after = forms.CharField(label=gettext_lazy("Nieuwe versie"), widget=forms.Textarea(attrs={"rows": 10}))
    language = forms.ChoiceField(label=gettext_lazy("Taal"), choices=LANGUAGE_CHOICES, required=False)

    error_messages = {"required": gettext_lazy("Vul beide versies in.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = _("Vul beide versies in.")


def read_upload(name: str, data: bytes) -> str:
    return read_document(name, data)


def error_text(error: TextMeterError) -> str:
    """The library's message in the language of the page."""
    return error.message(get_language() or "nl")


def render_highlighted(text: str, highlights: list[Highlight]) -> SafeString:
    """The text with every flagged sentence and word marked, each with a numbered note (not colour alone)."""
    sentences = sorted((h for h in highlights if h.scope == "sentence"), key=lambda h: (h.start, h.end))
    words = sorted((h for h in highlights if h.scope != "sentence"), key=lambda h: (h.start, h.end))
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    number = 0
    last_end = -1
    spans: list[tuple[int, int, str]] = []
    for group, css in ((sentences, "hl-sentence"), (words, "hl-word")):
        last_end = -1
        merged: dict[tuple[int, int], list[Highlight]] = {}
        for h in group:
            merged.setdefault((h.start, h.end), []).append(h)
        for (start, end), items in sorted(merged.items()):
            if start < last_end:  # overlapping marks of the same scope are listed, not nested
                continue
            last_end = end
            number += 1
            spans.append((start, end, css))
            label = ", ".join(dict.fromkeys(i.reason for i in items))
            opens.setdefault(start, []).append(f'<mark class="{css}" title="{escape(label)}">')
            closes.setdefault(end, []).insert(
                0, f'<sup class="hl-note" aria-label="{escape(label)}">[{number}]</sup></mark>'
            )
    out: list[str] = []
    cursor = 0
    points = sorted(set(opens) | set(closes))
    for point in points:
        out.append(escape(text[cursor:point]))
        out.extend(closes.get(point, []))
        out.extend(opens.get(point, []))
        cursor = point
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308  (every piece of text is escaped above)


def notes(highlights: list[Highlight]) -> list[dict[str, Any]]:
    """The numbered list of reasons that goes with `render_highlighted`, in the same order."""
    result: list[dict[str, Any]] = []
    for scope in ("sentence", "word"):
        seen: dict[tuple[int, int], dict[str, Any]] = {}
        last_end = -1
        for h in sorted(
            (h for h in highlights if (h.scope == "sentence") == (scope == "sentence")), key=lambda h: (h.start, h.end)
        ):
            key = (h.start, h.end)
            if key in seen:
                seen[key]["reasons"].append(h)
                continue
            if h.start < last_end:
                continue
            last_end = h.end
            seen[key] = {"text": h.text, "reasons": [h], "scope": scope}
            result.append(seen[key])
    for number, note in enumerate(result, start=1):
        note["number"] = number
    return result


def _measure(text: str, language: str) -> tuple[Measurement | None, str | None]:
    try:
        return measure(text, language or None), None
    except TextMeterError as error:
        return None, error_text(error)


@access.learner_required
def measure_text(request: HttpRequest) -> HttpResponse:
    learner = access.learner_of(request.user)
    assert learner is not None
    form = MeasureForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        result, error = _measure(text, form.cleaned_data["language"])
        if error:
            form.add_error("text", error)
        elif result is not None:
            shown = result.measured_text or text
            context.update(
                result=result,
                figures=figures_of(result),
                marked=render_highlighted(shown, result.highlights),
                notes=notes(result.highlights),
            )
            if form.cleaned_data["save"]:
                title = form.cleaned_data["title"] or shown.strip().splitlines()[0][:60]
                save_measurement(learner=learner, title=title, text=shown, measurement=result, by=request.user)
                messages.success(request, _("De meting is bewaard in je overzicht."))
    return render(request, "portal/texts/measure.html", context)


@access.learner_required
def compare_texts(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.POST or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        lang = form.cleaned_data["language"]
        before, error_before = _measure(form.cleaned_data["before"], lang)
        after, error_after = _measure(form.cleaned_data["after"], lang)
        if error_before:
            form.add_error("before", error_before)
        if error_after:
            form.add_error("after", error_after)
        if before is not None and after is not None:
            a, b = figures_of(before), figures_of(after)
            context["rows"] = [
                {"key": key, "label": FIGURE_LABELS[key], "before": a.get(key), "after": b.get(key)}
                for key in FIGURE_LABELS
                if key in a or key in b
            ]
    return render(request, "portal/texts/compare.html", context)


@access.learner_required
def history(request: HttpRequest) -> HttpResponse:
    saved = visible_measurements(request.user).only("code", "title", "language", "figures", "created_at")
    return render(request, "portal/texts/history.html", {"saved": saved, "labels": FIGURE_LABELS})


@access.learner_required
def saved_detail(request: HttpRequest, code: str) -> HttpResponse:
    saved = access_measurement(request.user, code)
    result, _error = _measure(saved.text, saved.language)
    context: dict[str, Any] = {"saved": saved, "labels": FIGURE_LABELS}
    if result is not None:
        context.update(
            marked=render_highlighted(result.measured_text or saved.text, result.highlights),
            notes=notes(result.highlights),
        )
    return render(request, "portal/texts/saved_detail.html", context)


@require_POST
@access.learner_required
def saved_delete(request: HttpRequest, code: str) -> HttpResponse:
    saved = access_measurement(request.user, code)
    delete_measurement(saved=saved, by=request.user)
    messages.success(request, _("De meting is verwijderd."))
    return redirect("texts:history")


FIGURE_LABELS: dict[str, Any] = {
    "words": gettext_lazy("Woorden"),
    "sentences": gettext_lazy("Zinnen"),
    "mean_sentence_length": gettext_lazy("Gemiddelde zinslengte (woorden)"),
    "long_sentence_share": gettext_lazy("Deel lange zinnen"),
    "syllables_per_word": gettext_lazy("Lettergrepen per woord"),
    "flesch_douma": gettext_lazy("Flesch-Douma (hoger is makkelijker)"),
    "brouwer": gettext_lazy("Brouwer-index (hoger is makkelijker)"),
    "flesch_reading_ease": gettext_lazy("Flesch Reading Ease (hoger is makkelijker)"),
    "flesch_kincaid_grade": gettext_lazy("Flesch-Kincaid (schooljaar)"),
    "rare_word_rate": gettext_lazy("Deel zeldzame woorden"),
    "passive_sentences": gettext_lazy("Lijdende zinnen"),
    "nominal_sentences": gettext_lazy("Zinnen met naamwoordstijl"),
    "officialese": gettext_lazy("Ambtelijke woorden"),
    "difficulty": gettext_lazy("Moeilijkheid (0 = heel makkelijk, 100 = heel moeilijk)"),
    "b1_verdict": gettext_lazy("B1-indicatie"),
}
