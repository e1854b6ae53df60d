"""Errors raised for input that textmeter cannot measure.

Every error carries a Dutch message (``message_nl``, also ``str(error)``) for learners and an English
one (``message_en``) for English texts, logs and the command line.
"""

from __future__ import annotations

from textmeter import messages


class TextMeterError(Exception):
    """Base class: the input cannot be measured. ``str()`` gives the Dutch message."""

    code = "error"

    def __init__(self, message_nl: str, message_en: str) -> None:
        super().__init__(message_nl)
        self.message_nl = message_nl
        self.message_en = message_en

    def message(self, lang: str = "nl") -> str:
        """The message in ``lang`` ("nl" or "en")."""
        return self.message_en if lang == "en" else self.message_nl


class EmptyTextError(TextMeterError):
    """The text is empty or contains only white space."""

    code = "empty"

    def __init__(self) -> None:
        super().__init__(*messages.error("empty"))


class NoWordsError(TextMeterError):
    """The text has no countable words (only numbers, symbols, links ...)."""

    code = "no_words"

    def __init__(self) -> None:
        super().__init__(*messages.error("no_words"))


class TextTooLongError(TextMeterError):
    """The text (or file) is larger than the limit."""

    code = "too_long"

    def __init__(self, size: int, limit: int) -> None:
        nl, en = messages.error("too_long", size=_kb(size), limit=_kb(limit))
        super().__init__(nl, en)
        self.size = size
        self.limit = limit


class UnsupportedFileError(TextMeterError):
    """The file type is not .txt, .md or .docx."""

    code = "unsupported_file"

    def __init__(self, name: str) -> None:
        super().__init__(*messages.error("unsupported_file", name=name))


class CorruptDocumentError(TextMeterError):
    """A .docx file that cannot be read."""

    code = "corrupt_docx"

    def __init__(self, name: str) -> None:
        super().__init__(*messages.error("corrupt_docx", name=name))


class BinaryTextError(TextMeterError):
    """A text file that is not valid text (binary data or an unknown encoding)."""

    code = "not_text"

    def __init__(self, name: str) -> None:
        super().__init__(*messages.error("not_text", name=name))


class HtmlInputError(TextMeterError):
    """HTML was given where plain text was expected (only with ``html="refuse"``)."""

    code = "html"

    def __init__(self) -> None:
        super().__init__(*messages.error("html"))


class UnknownLanguageError(TextMeterError):
    """A language other than "nl" or "en" was asked for."""

    code = "language"

    def __init__(self, lang: str) -> None:
        super().__init__(*messages.error("language", lang=lang))


def _kb(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} kB"
