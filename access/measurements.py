"""Access to saved text measurements: the learner's own, and their trainer's (read only)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from access.core import learner_of
from accounts.roles import Role
from measurements.models import SavedMeasurement
from training.models import Enrolment


def trained_learner_ids(user: Any) -> QuerySet[Enrolment, Any]:
    """Learners enrolled in a group this trainer trains (as group trainer or session trainer)."""
    return Enrolment.objects.filter(
        Q(group__trainer=user) | Q(group__sessions__trainer=user), status=Enrolment.Status.ENROLLED
    ).values("learner")


def visible_measurements(user: Any) -> QuerySet[SavedMeasurement]:
    learner = learner_of(user)
    if learner is not None:
        return SavedMeasurement.objects.filter(learner=learner)
    if getattr(user, "is_authenticated", False) and user.is_employee and Role.TRAINER in user.roles:
        return SavedMeasurement.objects.filter(learner__in=trained_learner_ids(user))
    raise PermissionDenied


def access_measurement(user: Any, code: str) -> SavedMeasurement:
    saved = visible_measurements(user).select_related("learner__user").filter(code=code).first()
    if saved is None:
        raise Http404
    return saved
