"""Read uploaded documents: .txt, .md and .docx (without python-docx).

A .docx file is a zip archive; the text is in ``word/document.xml``. Paragraphs become lines
separated by blank lines; paragraphs with a heading style become markdown headings and numbered or
bulleted paragraphs become list items, so that the structure rules of :mod:`textmeter.text` apply.
The XML is parsed with defusedxml (no entity expansion, no external entities).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from textmeter.errors import (
    BinaryTextError,
    CorruptDocumentError,
    EmptyTextError,
    TextTooLongError,
    UnsupportedFileError,
)
from textmeter.measure import MAX_CHARACTERS

MAX_FILE_BYTES = 10 * 1024 * 1024  # a .docx with images can be large; its text is limited below
MAX_TEXT_BYTES = 4 * MAX_CHARACTERS  # UTF-8 uses at most 4 bytes per character
MAX_XML_BYTES = 50 * 1024 * 1024  # uncompressed document.xml (zip bombs)
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_document(name: str, data: bytes) -> str:
    """The text of an uploaded file. ``name`` is only used for its extension and in messages."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".docx":
        if len(data) > MAX_FILE_BYTES:
            raise TextTooLongError(len(data), MAX_FILE_BYTES)
        return _read_docx(name, data)
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedFileError(name)
    if len(data) > MAX_TEXT_BYTES:
        raise TextTooLongError(len(data), MAX_CHARACTERS)
    return _decode(name, data)


def _decode(name: str, data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise BinaryTextError(name)  # a .docx (or other zip) saved with a .txt name
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryTextError(name)
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        try:
            text = data.decode("cp1252")  # Windows text files from older Word versions
        except UnicodeDecodeError as error:
            raise BinaryTextError(name) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyTextError()
    return text


def _read_docx(name: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise TextTooLongError(info.file_size, MAX_XML_BYTES)
            xml = archive.read(info)
        root = ElementTree.fromstring(xml)
    except TextTooLongError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, DefusedXmlException) as error:
        raise CorruptDocumentError(name) from error
    except Exception as error:  # xml.etree.ElementTree.ParseError and zlib errors
        raise CorruptDocumentError(name) from error
    body = root.find(f"{_W}body")
    if body is None:
        raise CorruptDocumentError(name)
    blocks = [_paragraph_text(p) for p in body.iter(f"{_W}p")]
    text = "\n\n".join(block for block in blocks if block.strip())
    if len(text) > MAX_CHARACTERS:
        raise TextTooLongError(len(text.encode("utf-8")), MAX_CHARACTERS)
    if not text.strip():
        raise EmptyTextError()
    return text


def _paragraph_text(paragraph: Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    text = "".join(parts).strip()
    if not text:
        return ""
    properties = paragraph.find(f"{_W}pPr")
    if properties is not None:
        style = properties.find(f"{_W}pStyle")
        style_name = (style.get(f"{_W}val") or "") if style is not None else ""
        lowered = style_name.lower()
        if lowered.startswith(("heading", "kop", "title", "titel")):
            return "# " + text.replace("\n", " ")
        if properties.find(f"{_W}numPr") is not None or "list" in lowered or "lijst" in lowered:
            return "- " + text.replace("\n", " ")
    return text
