"""Writes on documents: homework uploads (L6, D5), opening files (D4), certificates (L13)."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.actions import record
from audit.models import Event
from clients.models import Learner
from cursistensite.lib.files import safe_filename
from documents.files import ALLOWED_EXTENSIONS, CONTENT_TYPES, add_months, extension_of, sniff
from documents.models import Material, Upload
from training import actions as training
from training.models import Project, ProjectAction

log = logging.getLogger(__name__)


class UploadError(Exception):
    """The file was refused; the message is for the learner."""


def check_file(file: UploadedFile) -> str:
    """The verified extension of `file`, or UploadError with a Dutch reason."""
    if not file.size:
        raise UploadError(_("Het bestand is leeg."))
    if file.size > settings.UPLOAD_MAX_BYTES:
        raise UploadError(
            _("Het bestand is te groot. Het mag hoogstens %(max)s zijn.")
            % {"max": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    claimed = extension_of(file.name or "")
    if claimed not in ALLOWED_EXTENSIONS:
        raise UploadError(
            _("Dit soort bestand kun je niet uploaden. Toegestaan: %(types)s.")
            % {"types": ", ".join(ALLOWED_EXTENSIONS)}
        )
    actual = sniff(file)
    if actual != claimed:
        raise UploadError(_("De inhoud van het bestand past niet bij de extensie .%(ext)s.") % {"ext": claimed})
    return claimed


def upload_homework(
    *,
    project: Project,
    learner: Learner,
    file: UploadedFile,
    acknowledged: bool,
    by: Any,
    action: ProjectAction | None = None,
) -> Upload:
    """Store `file` under a random key after the learner acknowledged the confidentiality warning (S7)."""
    if not acknowledged:
        raise UploadError(_("Bevestig eerst dat je de waarschuwing over vertrouwelijke gegevens hebt gelezen."))
    ext = check_file(file)
    storage = storages["default"]
    key = storage.save(f"uploads/{secrets.token_hex(20)}", file)
    try:
        with transaction.atomic():
            now = timezone.now()
            upload = Upload.objects.create(
                client_id=project.client_id,
                project=project,
                action=action,
                learner=learner,
                storage_key=key,
                original_name=safe_filename(file.name or "", default=f"bestand.{ext}"),
                content_type=CONTENT_TYPES[ext],
                size=file.size or 0,
                uploaded_at=now,
                hidden_at=add_months(now, settings.UPLOAD_HIDE_AFTER_MONTHS),
                delete_at=add_months(now, settings.UPLOAD_DELETE_AFTER_MONTHS),
                warning_acknowledged_at=now,
            )
            record(Event.UPLOADED, actor=by, target=upload, client=project.client)
            if action is not None:
                training.complete_action(action=action, learner=learner, by=by)
    except Exception:
        storage.delete(key)
        raise
    return upload


@transaction.atomic
def record_open(*, document: models.Model, by: Any) -> None:
    """D4: every open of a stored document is logged."""
    record(Event.DOCUMENT_OPENED, actor=by, target=document, label=None)


def purge_uploads(now: Any = None) -> dict[str, int]:
    """D5: delete every upload past its delete date, row and stored bytes; a content-free record remains.

    Idempotent: a second run finds nothing to do.
    """
    now = now or timezone.now()
    counts = {"uploads": 0, "files": 0}
    storage = storages["default"]
    for upload in Upload.objects.filter(delete_at__lte=now).select_related("client").order_by("pk").iterator():
        with transaction.atomic():
            locked = Upload.objects.select_for_update().filter(pk=upload.pk).first()
            if locked is None:
                continue
            if storage.exists(locked.storage_key):
                storage.delete(locked.storage_key)
                counts["files"] += 1
            record(
                Event.UPLOAD_DELETED,
                actor=None,
                client=upload.client,
                data={"upload": locked.code, "uploaded_at": locked.uploaded_at.isoformat(), "size": locked.size},
                label="purge_uploads",
            )
            locked.delete()
            counts["uploads"] += 1
    return counts


def add_material(
    *,
    project: Project,
    title: str,
    file: UploadedFile,
    by: Any,
    group: Any = None,
    learner: Learner | None = None,
) -> Material:
    """L10, U7: staff link a document to a project, one of its groups or one of its learners."""
    if group is not None and group.project_id != project.pk:
        raise UploadError(_("Deze groep hoort niet bij dit project."))
    if learner is not None and not project.participations.filter(learner=learner).exists():
        raise UploadError(_("Deze cursist doet niet mee aan dit project."))
    ext = check_file(file)
    storage = storages["default"]
    key = storage.save(f"materials/{secrets.token_hex(20)}", file)
    try:
        with transaction.atomic():
            material = Material.objects.create(
                client_id=project.client_id,
                project=project,
                group=group,
                learner=learner,
                title=title,
                storage_key=key,
                original_name=safe_filename(file.name or "", default=f"bestand.{ext}"),
                content_type=CONTENT_TYPES[ext],
                size=file.size or 0,
                created_by=by if getattr(by, "pk", None) else None,
            )
            record(Event.DATA_CHANGED, actor=by, target=material, data={"created": "material"})
    except Exception:
        storage.delete(key)
        raise
    return material
