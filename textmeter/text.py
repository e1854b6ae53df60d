"""Tokens, structure (paragraphs, headings, list items) and sentences, with offsets into the text.

Every token and sentence keeps ``start``/``end`` character offsets into the original text, so that
highlights can point at the exact place. Structure rules:

* A blank line ends a paragraph.
* Markdown headings (``# Kop``), setext headings, list items (``-``, ``*``, ``•``, ``1.``, ``a)``)
  and table rows are structural units. A heading or list item without final punctuation is not a
  sentence: it counts for structure, not for sentence figures. A list item that ends in ``.``, ``!``
  or ``?`` is running text and its sentences count.
* A line of at most 6 words ending in a comma that opens a paragraph is a salutation or closing
  ("Geachte heer Jansen,", "Met vriendelijke groet,"): a unit, not a sentence.
* A plain line of at most 12 words without final punctuation that stands alone, or that opens a
  paragraph and is followed by a capitalised line, is a heading.
* Sentences end at ``.``, ``!``, ``?`` and ``…`` unless the full stop belongs to an abbreviation
  (``bijv.``, ``o.a.``, ``dhr.``, ``1 jan. 2024``), an initial (``P. de Boer``) or a number
  (``€ 1.250,50``), and unless a lower-case word follows (``"Kom je?", vroeg ze.``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from textmeter.words import word_set


class Kind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    URL = "url"
    EMAIL = "email"
    ABBREVIATION = "abbreviation"  # dotted: bijv., o.a., dhr.
    PUNCT = "punct"
    SYMBOL = "symbol"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: Kind

    @property
    def lower(self) -> str:
        return self.text.lower()


_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"'()\[\]]*[^\s<>"'()\[\].,;:!?])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<dotted>(?<![\w.])(?:[^\W\d_]{1,3}\.){2,}(?![\w]))
  | (?P<slashed>(?<![\w/])[^\W\d_]/[^\W\d_](?![\w/]))
  | (?P<mixed>[^\W\d_]+-\d[\w-]*|\d+[^\W\d_]+(?:-\w+)*\b(?<!\d))
  | (?P<number>\d+(?:[.,:/-]\d+)*(?:,-)?(?:e|ste|de)?\b)
  | (?P<word>[^\W\d_]+(?:['’][^\W\d_]+|-[^\W\d_]+)*)
  | (?P<ellipsis>\.{2,}|…)
  | (?P<terminal>[!?]+)
  | (?P<punct>[.,;:()\[\]{}"'“”‘’«»„/\\|&+=*#_~^<>-–—])
  | (?P<symbol>\S)
    """,
    re.VERBOSE,
)

# Abbreviations written with one full stop, lower case, without the stop.
TITLES = word_set(
    """
    dhr mevr mw mr dr drs ir ing prof ds st sr jr mgr fa jhr mrs ms
    """
)
MONTHS = word_set(
    """
    jan feb febr mrt mar apr jun jul aug sep sept okt oct nov dec
    """
)
MID_SENTENCE = word_set(
    """
    bijv bv vb resp ca vs zgn evt incl excl art blz nr hfdst hfst par tel vgl afd mln mld
    ong pag pct gem ged jl str vlgs vnl vz wo nl no fig ex cf approx dept est vol
    """
)
CAN_END = word_set("enz etc")
DOTTED_CAN_END = word_set("z.s.m. e.d. e.a. a.u.b. s.v.p. m.v.g. etc. enz. p.p.")
ABBREVIATIONS = TITLES | MONTHS | MID_SENTENCE | CAN_END

_OPENING_QUOTES = frozenset("\"“‘„«('[")
_CLOSING = frozenset("\"”’')»]")
_FINAL_PUNCTUATION = (".", "!", "?", "…", ":", ",", ";", '"', "”", "’", ")")
_LIST_RE = re.compile(r"^[ \t]*(?:[-*+•–·▪]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+")
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")
_SETEXT_RE = re.compile(r"^[ \t]*(?:=+|-{2,})[ \t]*$")
_RULE_RE = re.compile(r"^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:_[ \t]*){3,}$")
_TABLE_RE = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_HEADING_MAX_WORDS = 12
_SALUTATION_MAX_WORDS = 6


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets. Single-stop abbreviations keep their
    stop (``bijv.``), as do initials (``P.``)."""
    stop = len(text) if end is None else end
    raw: list[Token] = []
    for match in _TOKEN_RE.finditer(text, start, stop):
        group = match.lastgroup or "symbol"
        if group in ("ellipsis", "terminal"):
            kind = Kind.PUNCT
        elif group == "mixed":
            kind = Kind.NUMBER if match.group()[0].isdigit() else Kind.WORD
        elif group in ("dotted", "slashed"):
            kind = Kind.ABBREVIATION
        else:
            kind = Kind(group)
        raw.append(Token(match.group(), match.start(), match.end(), kind))
    tokens: list[Token] = []
    i = 0
    while i < len(raw):
        token = raw[i]
        following = raw[i + 1] if i + 1 < len(raw) else None
        if (
            token.kind is Kind.WORD
            and following is not None
            and following.text == "."
            and following.start == token.end
            and _is_single_stop_abbreviation(token.text)
        ):
            tokens.append(Token(token.text + ".", token.start, following.end, Kind.ABBREVIATION))
            i += 2
            continue
        tokens.append(token)
        i += 1
    return tokens


def _is_single_stop_abbreviation(word: str) -> bool:
    lower = word.lower()
    if len(word) == 1 and word.isupper():
        return True  # an initial: P. de Boer
    if lower in MONTHS:
        return word.islower() or lower in {"jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec"}
    return lower in ABBREVIATIONS and not (lower == "no" and word == "No")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    paragraph: int
    unit: str = "sentence"  # "sentence", or "heading"/"list_item" when measured as a fallback


@dataclass(slots=True)
class Unit:
    """A heading, list item or table row that is not a sentence."""

    kind: str
    start: int
    end: int
    tokens: list[Token]


@dataclass(slots=True)
class Structure:
    sentences: list[Sentence] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    fallback: bool = False  # no sentences: headings/list items were measured as sentences


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # without the newline
    text: str


def _lines(text: str) -> list[_Line]:
    lines = []
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        stripped = raw.rstrip("\r")
        lines.append(_Line(position, position + len(stripped), stripped))
        position = end + 1
    return lines


def _word_count(tokens: list[Token]) -> int:
    return sum(1 for token in tokens if token.kind is Kind.WORD)


def _ends_with_punctuation(line: str) -> bool:
    return line.rstrip().endswith(_FINAL_PUNCTUATION)


def _content_start(line: _Line, pattern: re.Pattern[str]) -> int:
    match = pattern.match(line.text)
    return line.start + (match.end() if match else 0)


def parse(text: str) -> Structure:
    """Split ``text`` into paragraphs, structural units and sentences."""
    structure = Structure()
    lines = _lines(text)
    paragraph: list[_Line] = []

    def flush() -> None:
        if paragraph:
            _add_paragraph(text, paragraph, structure)
            paragraph.clear()

    skip: set[int] = set()
    for index, line in enumerate(lines):
        if index in skip:
            continue
        stripped = line.text.strip()
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if not stripped or _RULE_RE.match(line.text):
            flush()
        elif _HEADING_RE.match(line.text):
            flush()
            _add_unit(text, "heading", _content_start(line, _HEADING_RE), line.end, structure)
        elif _SETEXT_RE.match(following) and not paragraph and not _LIST_RE.match(line.text):
            flush()
            _add_unit(text, "heading", line.start, line.end, structure)
            skip.add(index + 1)
        elif _TABLE_RE.match(line.text):
            flush()
            if not set(stripped) <= set("|-: \t"):
                _add_unit(text, "table_row", line.start, line.end, structure)
        elif _LIST_RE.match(line.text):
            flush()
            start = _content_start(line, _LIST_RE)
            if line.text.rstrip().rstrip('"”’)').endswith((".", "!", "?", "…")):
                paragraph.append(_Line(start, line.end, text[start : line.end]))
                flush()
            else:
                _add_unit(text, "list_item", start, line.end, structure)
        else:
            paragraph.append(line)
    flush()
    if not structure.sentences and structure.units:
        structure.fallback = True
        for number, unit in enumerate(structure.units):
            if _word_count(unit.tokens):
                structure.sentences.append(Sentence(unit.start, unit.end, unit.tokens, number, unit.kind))
                structure.paragraphs.append((unit.start, unit.end))
    return structure


def _add_unit(text: str, kind: str, start: int, end: int, structure: Structure) -> None:
    tokens = tokenize(text, start, end)
    if tokens:
        structure.units.append(Unit(kind, tokens[0].start, tokens[-1].end, tokens))


def _add_paragraph(text: str, lines: list[_Line], structure: Structure) -> None:
    # Leading lines that are not running text become units: a salutation or closing ("Geachte heer
    # Jansen,", "Met vriendelijke groet,") and a short line without final punctuation that stands
    # alone or is followed by a capitalised line (a heading: "Inleiding", "Wat moet u doen").
    while lines:
        first = lines[0]
        words = _word_count(tokenize(text, first.start, first.end))
        stripped = first.text.rstrip()
        rest = lines[1:]
        if (
            stripped.endswith(",")
            and 0 < words <= _SALUTATION_MAX_WORDS
            and (not rest or _starts_capitalised(rest[0].text))
        ):
            _add_unit(text, "salutation", first.start, first.end, structure)
        elif (
            not _ends_with_punctuation(first.text)
            and 0 < words <= _HEADING_MAX_WORDS
            and (not rest or _starts_capitalised(rest[0].text))
        ):
            _add_unit(text, "heading", first.start, first.end, structure)
        else:
            break
        lines = rest
    if not lines:
        return
    start, end = lines[0].start, lines[-1].end
    tokens = tokenize(text, start, end)
    if not tokens:
        return
    number = len(structure.paragraphs)
    structure.paragraphs.append((tokens[0].start, tokens[-1].end))
    for chunk in split_sentences(tokens):
        structure.sentences.append(Sentence(chunk[0].start, chunk[-1].end, chunk, number))


def _starts_capitalised(line: str) -> bool:
    stripped = line.lstrip(" \t\"'“‘(")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _starts_sentence(token: Token | None) -> bool:
    """Could ``token`` open a new sentence? (capital, digit, opening quote, symbol)"""
    if token is None:
        return True
    if token.kind is Kind.WORD or token.kind is Kind.ABBREVIATION:
        return token.text[0].isupper()
    if token.kind is Kind.PUNCT:
        return token.text in _OPENING_QUOTES or token.text in ("-", "–", "—")
    return True  # a number, link, e-mail address or symbol


def split_sentences(tokens: list[Token]) -> list[list[Token]]:
    """Split a paragraph's tokens into sentences."""
    sentences: list[list[Token]] = []
    current: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        current.append(token)
        boundary = False
        if token.kind is Kind.PUNCT and (token.text in (".", "…") or token.text[0] in "!?."):
            # absorb closing quotes and brackets: ... einde." Volgende
            while i + 1 < n and tokens[i + 1].text in _CLOSING and tokens[i + 1].start == tokens[i].end:
                i += 1
                current.append(tokens[i])
            following = tokens[i + 1] if i + 1 < n else None
            boundary = _starts_sentence(following) or (
                following is not None and following.kind is Kind.PUNCT and following.text in "-–—"
            )
            if token.text in ("…",) or token.text.startswith(".."):
                boundary = following is None or (following.kind is Kind.WORD and following.text[0].isupper())
        elif token.kind is Kind.ABBREVIATION:
            boundary = _abbreviation_ends(token, tokens[i + 1] if i + 1 < n else None)
        if boundary:
            sentences.append(current)
            current = []
        i += 1
    if current:
        if sentences and all(t.kind is Kind.PUNCT for t in current):
            sentences[-1].extend(current)
        else:
            sentences.append(current)
    return sentences


def _abbreviation_ends(token: Token, following: Token | None) -> bool:
    lower = token.lower
    if following is None:
        return True
    if not (following.kind is Kind.WORD and following.text[0].isupper()):
        return False
    if "." in lower[:-1]:  # dotted: o.a., z.s.m.
        return lower in DOTTED_CAN_END
    stem = lower[:-1]
    if stem in MONTHS:
        return True  # "op 3 jan. De ..." (a number after the month was handled above)
    return stem in CAN_END
