"""Demo intake and evaluation questionnaires for every project of the demo world.

Call `add_demo_questionnaires(world)` after `cursistensite.demo.build_world()`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from audit.actions import record
from audit.models import Event
from questionnaires.models import Question, Questionnaire

T = Question.Type
Spec = list[tuple[str, str, bool, list[str]]]

INTAKE: Spec = [
    (T.SHORT_TEXT, "Wat is je functie?", True, []),
    (T.LONG_TEXT, "Wat wil je na deze training beter kunnen?", True, []),
    (
        T.SINGLE_CHOICE,
        "Hoe vaak schrijf je brieven of e-mails aan burgers of klanten?",
        True,
        ["Dagelijks", "Wekelijks", "Af en toe"],
    ),
    (T.MULTIPLE_CHOICE, "Welke teksten schrijf je?", False, ["Brieven", "E-mails", "Webteksten", "Rapporten"]),
    (T.SCALE, "Hoe zeker voel je je over je schrijven (1 = onzeker, 5 = heel zeker)?", True, []),
    (T.YES_NO, "Heb je eerder een schrijftraining gevolgd?", True, []),
]

EVALUATION: Spec = [
    (T.SCALE, "Welk cijfer geef je de training (1 = slecht, 5 = uitstekend)?", True, []),
    (T.SCALE, "Hoe bruikbaar is wat je leerde voor je werk?", True, []),
    (T.YES_NO, "Zou je de training aanraden aan een collega?", True, []),
    (T.LONG_TEXT, "Wat kan er beter?", False, []),
]


def _questions(questionnaire: Questionnaire, spec: Spec) -> None:
    Question.objects.bulk_create(
        Question(questionnaire=questionnaire, order=n, type=kind, text=text, required=required, choices=choices)
        for n, (kind, text, required, choices) in enumerate(spec, start=1)
    )


@transaction.atomic
def add_demo_questionnaires(world: Any, *, anonymous_evaluation: bool = True) -> list[Questionnaire]:
    made = []
    for client_world in world.clients:
        project = client_world.project
        for kind, key, title, spec, anonymous in (
            (Questionnaire.Kind.INTAKE, "intake", "Intake", INTAKE, False),
            (
                Questionnaire.Kind.EVALUATION,
                "evaluation",
                "Evaluatie van de training",
                EVALUATION,
                anonymous_evaluation,
            ),
        ):
            questionnaire = Questionnaire.objects.create(
                client=client_world.client,
                project=project,
                action=client_world.actions[key],
                kind=kind,
                title=title,
                anonymous=anonymous,
                introduction="Je antwoorden helpen de trainer de training op jou af te stemmen."
                if kind == Questionnaire.Kind.INTAKE
                else "",
            )
            _questions(questionnaire, spec)
            record(Event.DATA_CHANGED, actor=None, target=questionnaire, data={"created": "questionnaire"})
            made.append(questionnaire)
    return made
