"""Serving stored files: always as an attachment, never inline, with nosniff."""

from __future__ import annotations

import re
import unicodedata

from django.core.files.storage import storages
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def safe_filename(name: str, default: str = "bestand") -> str:
    """A sanitised file name: no path, no control characters, only safe ASCII."""
    name = name.replace("\\", "/").split("/")[-1]
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._ -]+", "_", name).strip(" .")
    return name[:120] or default


def attachment_response(storage_key: str, *, filename: str, content_type: str) -> FileResponse:
    handle = storages["default"].open(storage_key, "rb")
    response = FileResponse(handle, as_attachment=True, filename=safe_filename(filename), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def generated_attachment(data: bytes | str, *, filename: str, content_type: str) -> HttpResponse:
    """A file made on request (PDF, XLSX, CSV, .ics) served like a stored one: attachment, nosniff,
    sandboxed, never cached."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename)) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
