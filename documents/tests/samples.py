"""Small but real files of every allowed type, for upload tests."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile


def _zip(entries: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(first, entries.pop(first), compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'

SAMPLES: dict[str, bytes] = {
    "pdf": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
    "jpg": b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x00" * 32,
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
    "rtf": b"{\\rtf1\\ansi Hallo wereld}",
    "txt": "Beste mevrouw, dank voor uw brief. Groet, Anna — één tekst.".encode(),
    "docx": _zip({"[Content_Types].xml": CT, "word/document.xml": b"<w:document/>"}),
    "xlsx": _zip({"[Content_Types].xml": CT, "xl/workbook.xml": b"<workbook/>"}),
    "pptx": _zip({"[Content_Types].xml": CT, "ppt/presentation.xml": b"<presentation/>"}),
    "odt": _zip(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"},
        first="mimetype",
    ),
}


def sample(ext: str, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or f"huiswerk.{ext}", SAMPLES[ext])
