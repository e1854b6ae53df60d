"""Forms of the learner portal."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from documents.files import ALLOWED_EXTENSIONS


class UploadForm(forms.Form):
    """L6 homework upload with the S7 confidentiality warning acknowledged first."""

    acknowledged = forms.BooleanField(
        label=_("Ik heb de waarschuwing gelezen: mijn bestand bevat geen vertrouwelijke of persoonsgegevens."),
        error_messages={"required": _("Bevestig eerst dat je de waarschuwing hebt gelezen.")},
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("Toegestaan: %(types)s.") % {"types": ", ".join(ALLOWED_EXTENSIONS)},
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
            "invalid": _("Dit is geen geldig bestand."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in ALLOWED_EXTENSIONS)}),
    )


class PersonalDataForm(forms.Form):
    """L12: name and preferred language (the employee number is deliberately absent)."""

    full_name = forms.CharField(label=_("Naam"), max_length=200, error_messages={"required": _("Vul je naam in.")})
    language = forms.ChoiceField(
        label=_("Voorkeurstaal"),
        choices=settings.LANGUAGES,
        error_messages={"invalid_choice": _("Kies een taal uit de lijst.")},
    )


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label=_("Nieuw e-mailadres"),
        error_messages={"required": _("Vul een e-mailadres in."), "invalid": _("Vul een geldig e-mailadres in.")},
    )
