"""The command line, run as a subprocess: python -m textmeter FILE [--lang] [--json] (L4)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Geachte heer Jansen,\n\nWij hebben uw aanvraag ontvangen. De aanvraag wordt binnen zes weken "
    "beoordeeld. Teneinde uw aanvraag te behandelen, hebben wij middels dit formulier meer gegevens "
    "nodig.\n"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603  (our own interpreter and module, fixed arguments)
        [sys.executable, "-m", "textmeter", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def make_docx(paragraphs: list[tuple[str, str | None]]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        "<w:p>"
        + (f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else "")
        + f"<w:r><w:t>{text}</w:t></w:r></w:p>"
        for text, style in paragraphs
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_L4_cli_json_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run(str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("language", "sentences", "words", "flesch_douma", "difficulty", "b1", "highlights"):
        assert key in data
    assert data["language"] == "nl"
    assert data["sentences"] == 3
    assert data["passive_sentences"] == 1
    assert {h["kind"] for h in data["highlights"]} >= {"passive", "officialese"}
    assert data["b1"]["indication"] is True


def test_L4_cli_reads_standard_input_and_forces_english() -> None:
    text = b"The form was sent to you last week. Please sign it and return it before Friday."
    result = run("-", "--lang", "en", "--json", stdin=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == "en"
    assert "flesch_reading_ease" in data and "flesch_douma" not in data


def test_L4_cli_plain_summary_for_markdown(tmp_path: Path) -> None:
    path = tmp_path / "tekst.md"
    path.write_text("# Kop\n\n" + TEXT, encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert "Flesch-Douma" in out and "indicatie" in out


def test_L4_cli_reads_a_docx_made_with_zipfile(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(
        make_docx(
            [
                ("Uw aanvraag", "Heading1"),
                ("Wij hebben uw aanvraag ontvangen.", None),
                ("De aanvraag wordt beoordeeld door de gemeente.", None),
            ]
        )
    )
    result = run(str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["sentences"] == 2
    assert data["headings"] == 1


def test_L4_cli_corrupt_docx_exits_non_zero_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(b"PK\x03\x04 dit is geen echt zip-bestand")
    result = run(str(path))
    assert result.returncode == 2
    assert result.stdout == b""
    assert "geen geldig Word-bestand" in result.stderr.decode("utf-8")


def test_L4_cli_empty_input_and_missing_file() -> None:
    empty = run("-", stdin=b"   \n")
    assert empty.returncode == 2
    assert "geen tekst" in empty.stderr.decode("utf-8")
    missing = run("/nonexistent/bestand.txt")
    assert missing.returncode == 2
    assert missing.stderr


def test_L4_cli_english_message_with_lang_en() -> None:
    result = run("-", "--lang", "en", stdin=b"12 345 678")
    assert result.returncode == 2
    assert "no words" in result.stderr.decode("utf-8")
