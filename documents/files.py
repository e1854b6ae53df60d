"""Checking uploaded files by their content (L6): the extension must match what the bytes are."""

from __future__ import annotations

import calendar
import io
import zipfile
from datetime import datetime
from typing import IO
from zoneinfo import ZoneInfo

from django.utils import timezone

AMS = ZoneInfo("Europe/Amsterdam")

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "jpg": "image/jpeg",
    "png": "image/png",
}
ALLOWED_EXTENSIONS = tuple(CONTENT_TYPES)
EXTENSION_ALIASES = {"jpeg": "jpg"}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` plus whole calendar months in Europe/Amsterdam; the day is clipped to the month's end
    (31 August + 6 months = 28 or 29 February). The wall-clock time is kept across DST changes."""
    local = timezone.localtime(moment, AMS)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    naive = local.replace(tzinfo=None, year=year, month=month, day=day)
    return timezone.make_aware(naive, AMS)


def extension_of(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return EXTENSION_ALIASES.get(ext, ext)


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            for kind, marker in OOXML_MARKERS.items():
                if marker in names and "[Content_Types].xml" in names:
                    return kind
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def sniff(handle: IO[bytes]) -> str | None:
    """What the bytes are, as one of ALLOWED_EXTENSIONS (doc/docx/… by structure), or None."""
    handle.seek(0)
    data = handle.read()
    handle.seek(0)
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "txt"
