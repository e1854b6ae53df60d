"""Test data for the client view, made through the product's own actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from clients.actions import create_learner
from clients.models import Client, Learner
from cursistensite.demo import AMS
from questionnaires.models import Question, Questionnaire, Response
from training import actions as training
from training.models import Project, ProjectAction, Session, TrainingGroup


@dataclass
class BuiltProject:
    project: Project
    group: TrainingGroup
    session: Session
    learners: list[Learner]
    intake: ProjectAction
    preparation: ProjectAction


def build_project(client: Client, n: int, *, by: Any, name: str = "Project", trainer: Any = None) -> BuiltProject:
    """A project of `client` with `n` learners in one group, some progress, a late action and attendance."""
    today = timezone.localdate()
    project = training.create_project(
        client=client, name=name, starts_on=today - timedelta(days=30), ends_on=today + timedelta(days=30), by=by
    )
    intake = training.add_action(project=project, kind="intake", title="Intake", by=by)
    preparation = training.add_action(
        project=project, kind="preparation", title="Voorbereiding", due_on=today - timedelta(days=1), by=by
    )
    group = training.create_group(project=project, name="Groep 1", capacity=n + 5, trainer=trainer, by=by)
    start = timezone.make_aware(datetime.combine(today, time(9, 30)), AMS)
    session = training.add_session(
        group=group, starts_at=start, ends_at=start + timedelta(hours=3), location="Zaal 1", by=by, title="Start"
    )
    learners = []
    for i in range(n):
        learner = create_learner(
            client=client,
            email=f"{name.lower().replace(' ', '')}.{i}@test.example",
            full_name=f"Cursist {i:03d}",
            employee_number=f"EMP-{i:03d}",
            by=by,
        )
        training.place_in_group(group=group, learner=learner, by=by)
        if i % 2 == 0:
            training.complete_action(action=intake, learner=learner, by=learner.user)
        else:
            training.start_action(action=intake, learner=learner, by=learner.user)
        training.record_attendance(session=session, learner=learner, status="present", by=by)
        learners.append(learner)
    return BuiltProject(project, group, session, learners, intake, preparation)


def make_questionnaire(
    project: Project, kind: str, *, anonymous: bool = False, title: str = "Vragenlijst"
) -> tuple[Questionnaire, dict[str, Question]]:
    """A questionnaire with one question of each type."""
    q = Questionnaire.objects.create(
        client=project.client, project=project, kind=kind, title=title, anonymous=anonymous
    )
    questions = {
        "text": Question.objects.create(questionnaire=q, order=1, text="Wat wil je leren?", type="long_text"),
        "single": Question.objects.create(
            questionnaire=q, order=2, text="Hoeveel schrijf je?", type="single_choice", choices=["Weinig", "Veel"]
        ),
        "multiple": Question.objects.create(
            questionnaire=q,
            order=3,
            text="Welke teksten?",
            type="multiple_choice",
            choices=["Brieven", "Mails", "Rapporten"],
        ),
        "scale": Question.objects.create(questionnaire=q, order=4, text="Hoe tevreden?", type="scale"),
        "yes_no": Question.objects.create(questionnaire=q, order=5, text="Aanraden?", type="yes_no"),
    }
    return q, questions


def answer(
    questionnaire: Questionnaire, questions: dict[str, Question], learner: Learner | None, **values: Any
) -> Response:
    return Response.objects.create(
        client=questionnaire.client,
        questionnaire=questionnaire,
        learner=learner,
        answers={str(questions[key].pk): value for key, value in values.items()},
        submitted_at=timezone.now(),
    )
