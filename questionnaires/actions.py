"""Writes on questionnaires: save a draft, submit once (L7, L9)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.actions import record
from audit.models import Event
from clients.models import Learner
from questionnaires import queries
from questionnaires.models import Questionnaire, Response
from training import actions as training


class QuestionnaireError(Exception):
    """The answers were refused; the message is for the learner."""


def _guard(questionnaire: Questionnaire, learner: Learner) -> None:
    # Lock the learner row: two submits of the same learner run one after the other.
    Learner.objects.select_for_update().filter(pk=learner.pk).first()
    if questionnaire.anonymous and questionnaire.action_id is None:
        # Without an action there is nothing to record completion on, so a second submit could not be refused.
        raise QuestionnaireError(_("Deze vragenlijst is nog niet klaar om in te vullen."))
    if not queries.is_open(questionnaire, learner):
        raise QuestionnaireError(_("Deze evaluatie gaat open na de laatste bijeenkomst van je groep."))
    if queries.is_submitted(questionnaire, learner):
        raise QuestionnaireError(_("Je hebt deze vragenlijst al ingestuurd."))


@transaction.atomic
def save_draft(*, questionnaire: Questionnaire, learner: Learner, answers: dict[str, Any], by: Any) -> Response:
    """Keep the answers so far; the learner can come back later."""
    _guard(questionnaire, learner)
    response, _created = Response.objects.update_or_create(
        questionnaire=questionnaire,
        learner=learner,
        defaults={"client_id": questionnaire.client_id, "answers": answers},
    )
    if questionnaire.action is not None:
        training.start_action(action=questionnaire.action, learner=learner, by=by)
    else:
        record(Event.DATA_CHANGED, actor=by, target=questionnaire, data={"draft": True})
    return response


@transaction.atomic
def submit(*, questionnaire: Questionnaire, learner: Learner, answers: dict[str, Any], by: Any) -> Response:
    """Send the answers in, once. An anonymous questionnaire keeps them without the link to the learner;
    completing the action is recorded either way."""
    _guard(questionnaire, learner)
    now = timezone.now()
    if questionnaire.anonymous:
        Response.objects.filter(questionnaire=questionnaire, learner=learner).delete()
        response = Response.objects.create(
            client_id=questionnaire.client_id,
            questionnaire=questionnaire,
            learner=None,
            answers=answers,
            submitted_at=now,
        )
    else:
        response, _created = Response.objects.update_or_create(
            questionnaire=questionnaire,
            learner=learner,
            defaults={"client_id": questionnaire.client_id, "answers": answers, "submitted_at": now},
        )
    if questionnaire.action is not None:
        training.complete_action(action=questionnaire.action, learner=learner, by=by)
    else:
        record(Event.ACTION_COMPLETED, actor=by, target=questionnaire, client=questionnaire.client)
    return response
