from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from training.models import ProjectAction, TrainingGroup
from training.progress import MatrixFilter
from training.queries import Status

STATUS_CHOICES = [
    ("", _("Alle")),
    (Status.OPEN, _("Niet begonnen")),
    (Status.STARTED, _("Begonnen")),
    (Status.DONE, _("Klaar")),
]
SORT_CHOICES = [("naam", _("Naam")), ("groep", _("Groep"))]


class ProgressFilterForm(forms.Form):
    """The filters of the per-learner progress table (P2), read from GET parameters."""

    groep = forms.ChoiceField(label=_("Groep"), required=False)
    actie = forms.ChoiceField(
        label=_("Actie"),
        required=False,
        help_text=_("Met een actie gelden status en ‘te laat’ voor die actie; zonder actie voor het geheel."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=STATUS_CHOICES,
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
    te_laat = forms.BooleanField(label=_("Alleen te laat"), required=False)
    sorteer = forms.ChoiceField(
        label=_("Sorteer op"),
        required=False,
        choices=SORT_CHOICES,
        error_messages={"invalid_choice": _("Sorteer op naam of op groep.")},
    )

    def __init__(self, data: Any, *, groups: list[TrainingGroup], actions: list[ProjectAction], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        group_field = self.fields["groep"]
        assert isinstance(group_field, forms.ChoiceField)
        group_field.choices = [("", _("Alle groepen")), *[(g.code, g.name) for g in groups]]
        group_field.error_messages["invalid_choice"] = _("Deze groep hoort niet bij dit project.")
        action_field = self.fields["actie"]
        assert isinstance(action_field, forms.ChoiceField)
        action_field.choices = [("", _("Alle acties")), *[(a.code, a.title) for a in actions]]
        action_field.error_messages["invalid_choice"] = _("Deze actie hoort niet bij dit project.")

    def filters(self) -> MatrixFilter:
        data = self.cleaned_data
        return MatrixFilter(
            group=data["groep"],
            action=data["actie"],
            status=data["status"],
            late=bool(data["te_laat"]),
            sort=data["sorteer"] or "naam",
        )
