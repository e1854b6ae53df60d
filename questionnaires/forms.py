"""One questionnaire engine for intake (L7) and evaluation (L9): questions become a Django form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from questionnaires.models import Question, Questionnaire

YES, NO = "ja", "nee"
SCALE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]

ERRORS = {
    "required": _("Beantwoord deze vraag."),
    "invalid_choice": _("Kies een van de mogelijke antwoorden."),
    "invalid_list": _("Kies een of meer van de mogelijke antwoorden."),
    "max_length": _("Je antwoord is te lang (maximaal %(limit_value)d tekens)."),
}


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def _field(question: Question, required: bool) -> forms.Field:
    common: dict[str, Any] = {
        "label": question.text,
        "help_text": question.help_text,
        "required": required,
        "error_messages": ERRORS,
    }
    choices = [(str(c), str(c)) for c in question.choices or []]
    match question.type:
        case Question.Type.SHORT_TEXT:
            return forms.CharField(max_length=500, **common)
        case Question.Type.LONG_TEXT:
            return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **common)
        case Question.Type.SINGLE_CHOICE:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        case Question.Type.MULTIPLE_CHOICE:
            return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
        case Question.Type.SCALE:
            return forms.ChoiceField(choices=SCALE_CHOICES, widget=forms.RadioSelect, **common)
        case Question.Type.YES_NO:
            return forms.ChoiceField(choices=[(YES, _("Ja")), (NO, _("Nee"))], widget=forms.RadioSelect, **common)
    raise ValueError(f"Unknown question type {question.type}")


class QuestionnaireForm(forms.Form):
    """The answers to `questionnaire`. A draft may leave required questions open."""

    def __init__(
        self,
        *args: Any,
        questionnaire: Questionnaire,
        questions: list[Question],
        draft: bool = False,
        answers: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        initial = {}
        for question in questions:
            value = (answers or {}).get(str(question.pk))
            if value is not None:
                initial[field_name(question)] = str(value) if question.type == Question.Type.SCALE else value
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.questions = questions
        for question in questions:
            self.fields[field_name(question)] = _field(question, required=question.required and not draft)

    def answers(self) -> dict[str, Any]:
        """The cleaned answers as stored in Response.answers: {str(question.pk): value}."""
        result: dict[str, Any] = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if value in (None, "", []):
                continue
            if question.type == Question.Type.SCALE:
                value = int(value)
            result[str(question.pk)] = value
        return result
