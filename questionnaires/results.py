"""Read-only summaries of intake answers (P5) and evaluation results (P8).

`Response.answers` is a dict {str(question.pk): value}: a str for text, single choice and yes/no
("ja"/"nee"), a list of str for multiple choice, an int 1–5 for a scale. Only submitted responses count.
An anonymous questionnaire never shows answers per respondent, and shows nothing at all below
`settings.ANONYMOUS_EVALUATION_MIN_RESPONSES` responses, so that no single answer can be traced back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from questionnaires.models import Question, Questionnaire, Response
from training.models import Project

CHOICE_TYPES = (Question.Type.SINGLE_CHOICE, Question.Type.MULTIPLE_CHOICE, Question.Type.YES_NO)
TEXT_TYPES = (Question.Type.SHORT_TEXT, Question.Type.LONG_TEXT)
YES_NO_CHOICES = ("ja", "nee")
SCALE = (1, 2, 3, 4, 5)


@dataclass
class Count:
    label: str
    n: int
    percent: int


@dataclass
class QuestionSummary:
    question: Question
    answered: int = 0
    counts: list[Count] = field(default_factory=list)  # choices, yes/no and scale points
    average: float | None = None  # scale only
    texts: list[str] = field(default_factory=list)  # text questions only

    @property
    def is_scale(self) -> bool:
        return self.question.type == Question.Type.SCALE

    @property
    def is_text(self) -> bool:
        return self.question.type in TEXT_TYPES


@dataclass
class Respondent:
    name: str
    code: str
    answers: list[str]  # one display string per question, in question order


@dataclass
class QuestionnaireResults:
    questionnaire: Questionnaire
    questions: list[Question]
    responses: int
    summaries: list[QuestionSummary]
    respondents: list[Respondent]
    # True when an anonymous questionnaire has too few responses to show anything.
    withheld: bool = False
    minimum: int = 0


def display_answer(question: Question, value: Any) -> str:
    """One answer as text for a table cell."""
    if value is None or value == "" or value == []:
        return "—"
    if question.type == Question.Type.MULTIPLE_CHOICE and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if question.type == Question.Type.YES_NO:
        return str(_("Ja")) if value == "ja" else str(_("Nee")) if value == "nee" else str(value)
    return str(value)


def _percent(n: int, total: int) -> int:
    return round(100 * n / total) if total else 0


def summarise_question(question: Question, values: list[Any], *, sort_texts: bool = False) -> QuestionSummary:
    """Counts for choices and yes/no, distribution and average for a scale, the list for text."""
    summary = QuestionSummary(question=question)
    given = [v for v in values if v not in (None, "", [])]
    summary.answered = len(given)
    if question.type in CHOICE_TYPES:
        options = list(YES_NO_CHOICES) if question.type == Question.Type.YES_NO else [str(c) for c in question.choices]
        tally = dict.fromkeys(options, 0)
        for value in given:
            for item in value if isinstance(value, list) else [value]:
                tally[str(item)] = tally.get(str(item), 0) + 1
        labels = {"ja": str(_("Ja")), "nee": str(_("Nee"))} if question.type == Question.Type.YES_NO else {}
        summary.counts = [
            Count(label=labels.get(option, option), n=n, percent=_percent(n, summary.answered))
            for option, n in tally.items()
        ]
    elif question.type == Question.Type.SCALE:
        points = [int(v) for v in given if isinstance(v, int | str) and str(v).isdigit() and int(v) in SCALE]
        summary.answered = len(points)
        summary.counts = [
            Count(label=str(point), n=points.count(point), percent=_percent(points.count(point), len(points)))
            for point in SCALE
        ]
        summary.average = round(sum(points) / len(points), 1) if points else None
    else:
        summary.texts = [str(v) for v in given]
        if sort_texts:
            summary.texts.sort(key=str.lower)
    return summary


def summarise_questionnaire(questionnaire: Questionnaire) -> QuestionnaireResults:
    """The results of one questionnaire. Two queries, whatever the number of responses."""
    questions = list(questionnaire.questions.order_by("order", "id"))
    responses = list(
        Response.objects.filter(questionnaire=questionnaire, submitted_at__isnull=False)
        .select_related("learner__user")
        .order_by("submitted_at", "id")
    )
    minimum = int(settings.ANONYMOUS_EVALUATION_MIN_RESPONSES)
    results = QuestionnaireResults(
        questionnaire=questionnaire,
        questions=questions,
        responses=len(responses),
        summaries=[],
        respondents=[],
        minimum=minimum,
    )
    if questionnaire.anonymous and len(responses) < minimum:
        results.withheld = True
        return results
    anonymous = questionnaire.anonymous
    results.summaries = [
        summarise_question(q, [r.answers.get(str(q.pk)) for r in responses], sort_texts=anonymous) for q in questions
    ]
    if not anonymous:
        results.respondents = sorted(
            (
                Respondent(
                    name=r.learner.name if r.learner else "—",
                    code=r.learner.code if r.learner else "",
                    answers=[display_answer(q, r.answers.get(str(q.pk))) for q in questions],
                )
                for r in responses
            ),
            key=lambda respondent: respondent.name.lower(),
        )
    return results


def project_results(project: Project, kind: str) -> list[QuestionnaireResults]:
    """Results of every questionnaire of `kind` (intake or evaluation) in `project`. 1 + 2 per questionnaire."""
    return [
        summarise_questionnaire(q)
        for q in Questionnaire.objects.filter(project=project, kind=kind).order_by("title", "id")
    ]
