"""textmeter: readability and clarity measurement for Dutch and English texts (pure Python).

Public API::

    from textmeter import measure, read_document, compare, TextMeterError

    m = measure("Uw aanvraag wordt z.s.m. in behandeling genomen.")   # language detected
    m.difficulty, m.flesch_douma, m.b1.verdict, m.highlights
    m.to_dict()                                   # the JSON form (see README.md)
    text = read_document("brief.docx", data)      # .txt, .md, .docx -> str
    c = compare(before_text, after_text)          # before/after, per figure better/worse
    preload()                                     # optional: load word lists at start-up

No Django, no network: word frequencies come from wordfreq's offline lists.
"""

from textmeter.compare import Change, Comparison, compare
from textmeter.errors import (
    BinaryTextError,
    CorruptDocumentError,
    EmptyTextError,
    HtmlInputError,
    NoWordsError,
    TextMeterError,
    TextTooLongError,
    UnknownLanguageError,
    UnsupportedFileError,
)
from textmeter.measure import (
    MAX_CHARACTERS,
    B1Check,
    Criterion,
    Highlight,
    Measurement,
    SentenceDetail,
    measure,
    preload,
)
from textmeter.reading import read_document

__all__ = [
    "MAX_CHARACTERS",
    "B1Check",
    "BinaryTextError",
    "Change",
    "Comparison",
    "CorruptDocumentError",
    "Criterion",
    "EmptyTextError",
    "Highlight",
    "HtmlInputError",
    "Measurement",
    "NoWordsError",
    "SentenceDetail",
    "TextMeterError",
    "TextTooLongError",
    "UnknownLanguageError",
    "UnsupportedFileError",
    "compare",
    "measure",
    "preload",
    "read_document",
]
