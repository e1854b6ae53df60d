"""HTML input: detect it and reduce it to text (block elements become line breaks).

The portal's paste box can deliver HTML (copied from a web page or a mail). textmeter strips the
tags by default and says so in a warning; ``measure(..., html="refuse")`` refuses instead.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from textmeter.words import word_set

_TAG_RE = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|p|div|br|span|h[1-6]|ul|ol|li|a\s|strong|em|b|i|u|"
    r"table|tr|td|th|font|section|article|header|footer|main|blockquote|pre|code|img|meta|title)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
_BLOCKS = word_set(
    "p div br h1 h2 h3 h4 h5 h6 ul ol li table tr section article header footer main blockquote pre title"
)
_SKIP = frozenset(("script", "style", "head"))


def looks_like_html(text: str) -> bool:
    """True when the text has at least two HTML tags (one "<b>" in prose is not enough)."""
    return len(_TAG_RE.findall(text, 0, 200_000)) >= 2


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.parts.append("# ")
            elif tag == "li":
                self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "li" else "\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """The text content of an HTML fragment, with paragraphs, headings and list items kept."""
    stripper = _Stripper()
    stripper.feed(text)
    stripper.close()
    joined = unescape("".join(stripper.parts))
    joined = re.sub(r"[ \t\r\f\v]+", " ", joined)
    joined = re.sub(r" ?\n ?", "\n", joined)
    return re.sub(r"\n{3,}", "\n\n", joined).strip()
