"""Small builders for office tests."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile


def csv_file(rows: list[list[str]], name: str = "cursisten.csv") -> SimpleUploadedFile:
    text = "\n".join(";".join(row) for row in rows) + "\n"
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_file(rows: list[list[str]], name: str = "cursisten.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, xlsx_bytes(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


HEADER = ["Naam", "E-mail", "Personeelsnummer", "Groep"]
