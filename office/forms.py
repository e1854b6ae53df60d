"""Forms of the office pages. Every form answers bad input with a clear Dutch message."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import Role
from clients.imports import FIELDS
from clients.models import Client, Learner
from training.models import Attendance, ProjectAction, TrainingGroup


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


def staff_with_role(role: Role) -> Any:
    return User.objects.filter(
        is_active=True, kind__in=[User.Kind.STAFF, User.Kind.THIRD_PARTY], role_assignments__role=role
    ).order_by("full_name")


class ClientForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)

    def __init__(self, *args: Any, instance: Client | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance = instance

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = Client.objects.filter(name__iexact=name)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Er bestaat al een klant met deze naam."))
        return name


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(label=_("E-mailadres"), error_messages={"invalid": _("Vul een geldig e-mailadres in.")})

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Er bestaat al een account met dit e-mailadres."))
        return email


class ContactForm(PersonForm):
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    invite = forms.BooleanField(label=_("Stuur direct een uitnodiging"), required=False, initial=True)


class LearnerForm(PersonForm):
    employee_number = forms.CharField(label=_("Personeelsnummer"), max_length=40, required=False)
    group = forms.ModelChoiceField(label=_("Groep"), queryset=TrainingGroup.objects.none(), required=False)

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["group"]).queryset = project.groups.order_by("name")


class ProjectForm(forms.Form):
    client = forms.ModelChoiceField(label=_("Klant"), queryset=Client.objects.order_by("name"))
    name = forms.CharField(label=_("Naam"), max_length=200)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea, required=False)
    starts_on = forms.DateField(label=_("Startdatum"), widget=DateInput)
    ends_on = forms.DateField(label=_("Einddatum"), widget=DateInput)
    adviser = forms.ModelChoiceField(label=_("Adviseur"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["adviser"]).queryset = staff_with_role(Role.ADVISER)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("De einddatum ligt voor de startdatum."))
        return data


class ProjectEditForm(ProjectForm):
    """Edit a project; the client does not change."""

    enrolment_deadline = forms.DateTimeField(
        label=_("Inschrijven en wisselen tot"), widget=DateTimeInput, required=False
    )
    hours = forms.DecimalField(label=_("Studie-uren"), min_value=0, max_digits=5, decimal_places=1)
    min_attendance_percent = forms.IntegerField(
        label=_("Minimale aanwezigheid (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("Vul een percentage tussen 0 en 100 in."),
            "max_value": _("Vul een percentage tussen 0 en 100 in."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["client"]


class CopyProjectForm(forms.Form):
    name = forms.CharField(label=_("Naam van de kopie"), max_length=200)
    starts_on = forms.DateField(
        label=_("Nieuwe startdatum"), widget=DateInput, help_text=_("Alle datums schuiven evenveel mee.")
    )


def _participants(project: Any) -> Any:
    return Learner.objects.filter(participations__project=project).select_related("user").order_by("user__full_name")


class LearnerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.full_name)


class LearnerMultipleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.full_name)


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=ProjectAction.Kind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    due_on = forms.DateField(label=_("Uiterlijk op"), widget=DateInput, required=False)
    required = forms.BooleanField(label=_("Verplicht"), required=False, initial=True)
    url = forms.URLField(label=_("Link (e-learning of film)"), required=False, assume_scheme="https")
    group = forms.ModelChoiceField(label=_("Alleen voor groep"), queryset=TrainingGroup.objects.none(), required=False)
    learners = LearnerMultipleChoice(
        label=_("Alleen voor deze cursisten"),
        queryset=Learner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leeg laten: de actie geldt voor het hele project of de gekozen groep."),
    )

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["group"]).queryset = project.groups.order_by("name")
        cast(forms.ModelChoiceField, self.fields["learners"]).queryset = _participants(project)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("group") and data.get("learners"):
            raise forms.ValidationError(_("Kies een groep of losse cursisten, niet allebei."))
        return data


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    file = forms.FileField(label=_("Bestand"), error_messages={"required": _("Kies een bestand.")})
    group = forms.ModelChoiceField(label=_("Alleen voor groep"), queryset=TrainingGroup.objects.none(), required=False)
    learner = LearnerChoice(label=_("Alleen voor cursist"), queryset=Learner.objects.none(), required=False)

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["group"]).queryset = project.groups.order_by("name")
        cast(forms.ModelChoiceField, self.fields["learner"]).queryset = _participants(project)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("group") and data.get("learner"):
            raise forms.ValidationError(_("Kies een groep of één cursist, niet allebei."))
        return data


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    capacity = forms.IntegerField(label=_("Aantal plaatsen"), min_value=1, max_value=500, initial=12)
    trainer = forms.ModelChoiceField(label=_("Trainer"), queryset=User.objects.none(), required=False)
    location = forms.CharField(label=_("Locatie"), max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["trainer"]).queryset = staff_with_role(Role.TRAINER)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    starts_at = forms.DateTimeField(label=_("Begint"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Eindigt"), widget=DateTimeInput)
    location = forms.CharField(label=_("Locatie"), max_length=200)
    trainer = forms.ModelChoiceField(label=_("Trainer"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["trainer"]).queryset = staff_with_role(Role.TRAINER)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("Een bijeenkomst eindigt na het begin."))
        return data


class AttendanceForm(forms.Form):
    """One choice per enrolled learner of the session's group."""

    def __init__(self, *args: Any, learners: Any, current: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.learners = list(learners)
        for learner in self.learners:
            self.fields[f"l_{learner.code}"] = forms.ChoiceField(
                label=learner.user.full_name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                initial=current.get(learner.pk),
                error_messages={"required": _("Kies voor iedere cursist een status.")},
            )

    def statuses(self) -> list[tuple[Any, str]]:
        return [(learner, self.cleaned_data[f"l_{learner.code}"]) for learner in self.learners]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand (CSV of XLSX)"),
        help_text=_("De eerste regel bevat de kolomnamen."),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )


FIELD_LABELS = {
    "name": _("Naam"),
    "email": _("E-mailadres"),
    "employee_number": _("Personeelsnummer"),
    "group": _("Groep"),
}


class ImportMappingForm(forms.Form):
    """Which column holds which field; name and email are required."""

    def __init__(self, *args: Any, header: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— niet gebruiken —"))] + [(str(i), h or f"#{i + 1}") for i, h in enumerate(header)]
        for key in FIELDS:
            self.fields[key] = forms.ChoiceField(
                label=FIELD_LABELS[key], choices=choices, required=key in ("name", "email")
            )
            self.fields[key].error_messages["required"] = _("Kies de kolom met de %(field)s.") % {
                "field": str(FIELD_LABELS[key]).lower()
            }

    def mapping(self) -> dict[str, int | None]:
        return {key: int(self.cleaned_data[key]) if self.cleaned_data.get(key) else None for key in FIELDS}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        used = [v for v in data.values() if v]
        if len(used) != len(set(used)):
            raise forms.ValidationError(_("Gebruik iedere kolom maar voor één veld."))
        return data


class StaffForm(forms.Form):
    full_name = forms.CharField(label=_("Naam"), max_length=200)
    roles = forms.MultipleChoiceField(
        label=_("Rollen"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    nda_signed_on = forms.DateField(label=_("Geheimhoudingsverklaring getekend op"), widget=DateInput, required=False)
    organisation = forms.CharField(label=_("Organisatie (derde partij)"), max_length=200, required=False)
    processing_agreement_signed_on = forms.DateField(
        label=_("Verwerkersovereenkomst getekend op (derde partij)"), widget=DateInput, required=False
    )
    access_ends_on = forms.DateField(label=_("Toegang tot en met (derde partij)"), widget=DateInput, required=False)

    def __init__(self, *args: Any, third_party: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.third_party = third_party

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.third_party:
            if not data.get("access_ends_on"):
                self.add_error("access_ends_on", _("Een derde partij heeft altijd een einddatum."))
            elif data["access_ends_on"] < date.today():
                self.add_error("access_ends_on", _("De einddatum ligt in het verleden."))
            if not data.get("organisation"):
                self.add_error("organisation", _("Vul de organisatie van de derde partij in."))
        return data

    def access_ends_at(self) -> Any:
        day = self.cleaned_data.get("access_ends_on")
        if not day:
            return None
        return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


class NewStaffForm(StaffForm):
    email = forms.EmailField(label=_("E-mailadres"), error_messages={"invalid": _("Vul een geldig e-mailadres in.")})
    third_party_account = forms.BooleanField(label=_("Derde partij"), required=False)

    field_order = ["full_name", "email", "third_party_account"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.third_party = bool(self.data.get("third_party_account"))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Er bestaat al een account met dit e-mailadres."))
        return email


class InvoiceLineForm(forms.Form):
    description = forms.CharField(label=_("Omschrijving"), max_length=300)
    quantity = forms.DecimalField(label=_("Aantal"), min_value=0, max_digits=8, decimal_places=2, initial=1)
    unit_price = forms.DecimalField(label=_("Prijs per stuk (€)"), min_value=0, max_digits=10, decimal_places=2)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam of e-mailadres"), max_length=200, required=False)
