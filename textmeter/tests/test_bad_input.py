"""Bad input gets a clear error: a TextMeterError subclass with a Dutch and an English message (L4)."""

from __future__ import annotations

import pytest

import textmeter
from textmeter import (
    BinaryTextError,
    CorruptDocumentError,
    EmptyTextError,
    HtmlInputError,
    NoWordsError,
    TextMeterError,
    TextTooLongError,
    UnknownLanguageError,
    UnsupportedFileError,
    measure,
    read_document,
)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_L4_empty_text(text: str) -> None:
    with pytest.raises(EmptyTextError) as caught:
        measure(text)
    assert "geen tekst" in str(caught.value)
    assert "no text" in caught.value.message_en


@pytest.mark.parametrize("text", ["12 345 678", "€ 1.250,50 - 10.30 - 1-1-2024", "https://example.org", "!!! ???"])
def test_L4_only_numbers_symbols_or_links(text: str) -> None:
    with pytest.raises(NoWordsError) as caught:
        measure(text)
    assert isinstance(caught.value, TextMeterError)
    assert "geen woorden" in caught.value.message("nl")


def test_L4_text_of_2_mb_is_refused() -> None:
    text = "Dit is een zin. " * (2 * 1024 * 1024 // 16)
    with pytest.raises(TextTooLongError) as caught:
        measure(text)
    assert "te lang" in str(caught.value)
    assert "2.0 MB" in str(caught.value)
    with pytest.raises(TextTooLongError):
        read_document("lang.txt", text.encode("utf-8") * 3)


def test_L4_text_just_under_the_limit_is_measured() -> None:
    text = "Dit is een korte zin. " * 2000
    assert measure(text).sentences == 2000


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 kapot", b"geen zip", b""],
)
def test_L4_corrupt_docx(data: bytes) -> None:
    with pytest.raises(CorruptDocumentError) as caught:
        read_document("verslag.docx", data)
    assert "verslag.docx" in str(caught.value)


def test_L4_docx_without_document_xml() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("iets.txt", "hallo")
    with pytest.raises(CorruptDocumentError):
        read_document("leeg.docx", buffer.getvalue())


def test_L4_docx_with_an_xml_bomb_is_refused() -> None:
    import io
    import zipfile

    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><w:document>&lol2;</w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", bomb)
    with pytest.raises(CorruptDocumentError):
        read_document("bom.docx", buffer.getvalue())


def test_L4_unsupported_and_binary_files() -> None:
    with pytest.raises(UnsupportedFileError):
        read_document("foto.jpg", b"\xff\xd8\xff")
    with pytest.raises(BinaryTextError):
        read_document("tekst.txt", b"\x00\x01\x02binary")
    with pytest.raises(BinaryTextError):
        read_document("eigenlijk-docx.txt", b"PK\x03\x04....")


def test_L4_html_is_stripped_with_a_warning_or_refused() -> None:
    html = "<html><body><h1>Titel</h1><p>Dit is een zin.</p><p>Nog een <b>zin</b> &amp; meer.</p></body></html>"
    result = measure(html)
    assert result.sentences == 2
    assert result.headings == 1
    assert result.measured_text is not None and "<p>" not in result.measured_text
    assert any("HTML" in warning for warning in result.warnings)
    with pytest.raises(HtmlInputError):
        measure(html, html="refuse")


def test_L4_one_angle_bracket_is_not_html() -> None:
    result = measure("Als a < b en c > d, dan is dat zo. Dat is duidelijk.")
    assert result.measured_text is None


def test_L4_unknown_language() -> None:
    with pytest.raises(UnknownLanguageError):
        measure("Een zin.", "de")


def test_L4_every_error_has_both_messages() -> None:
    errors: list[TextMeterError] = [
        EmptyTextError(),
        NoWordsError(),
        TextTooLongError(3_000_000, 1_000_000),
        UnsupportedFileError("x.pdf"),
        CorruptDocumentError("x.docx"),
        BinaryTextError("x.txt"),
        HtmlInputError(),
        UnknownLanguageError("fr"),
    ]
    for error in errors:
        assert error.message_nl and error.message_en and error.message_nl != error.message_en
    assert textmeter.TextMeterError is TextMeterError
