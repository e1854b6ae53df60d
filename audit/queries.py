from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent, Event


class AuditFilterForm(forms.Form):
    event = forms.ChoiceField(label=_("Gebeurtenis"), choices=[("", _("Alle"))] + list(Event.choices), required=False)
    actor = forms.CharField(label=_("Wie (e-mailadres)"), required=False)
    since = forms.DateField(label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("De begindatum ligt na de einddatum."))
        return data


def filter_events(form: AuditFilterForm) -> QuerySet[AuditEvent]:
    """The events matching the filter; none while the filter has an error (it is shown on the form)."""
    events = AuditEvent.objects.select_related("client").order_by("-at", "-id")
    if not form.is_bound:
        return events
    if not form.is_valid():
        return events.none()
    data = form.cleaned_data
    if data["event"]:
        events = events.filter(event=data["event"])
    if data["actor"]:
        events = events.filter(actor_label__icontains=data["actor"])
    if data["since"]:
        events = events.filter(at__date__gte=data["since"])
    if data["until"]:
        events = events.filter(at__date__lte=data["until"])
    return events
