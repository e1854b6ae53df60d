"""Command line: ``python -m textmeter FILE [--lang nl|en] [--json]`` (FILE may be ``-``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from textmeter.errors import TextMeterError
from textmeter.measure import Measurement, measure
from textmeter.reading import MAX_FILE_BYTES, read_document

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m textmeter",
        description="Measure the readability of a Dutch or English text (.txt, .md, .docx).",
    )
    parser.add_argument("file", help="the file to measure, or - for standard input")
    parser.add_argument("--lang", choices=("nl", "en"), help="force the language (default: detect)")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--html", choices=("strip", "refuse"), default="strip", help="what to do with HTML input")
    args = parser.parse_args(argv)
    lang = args.lang or "nl"
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
            name = "stdin.txt"
        else:
            path = Path(args.file)
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            name = path.name
        text = read_document(name, data)
        result = measure(text, args.lang, html=args.html)
    except TextMeterError as error:
        print(f"textmeter: {error.message(lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"textmeter: {args.file}: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.json:
            json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(summary(result))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
    return 0


def summary(m: Measurement) -> str:
    """A short human-readable report."""
    nl = m.language == "nl"
    lines = [
        f"{'Taal' if nl else 'Language'}: {m.language}" + (" (herkend)" if nl and m.language_detected else ""),
        f"{'Moeilijkheid' if nl else 'Difficulty'}: {m.difficulty:.0f}/100 ({m.difficulty_label})",
    ]
    if m.flesch_douma is not None:
        lines.append(f"Flesch-Douma: {m.flesch_douma} ({m.formula_band}); Brouwer: {m.brouwer}")
    if m.flesch_reading_ease is not None:
        lines.append(
            f"Flesch Reading Ease: {m.flesch_reading_ease} ({m.formula_band}); "
            f"Flesch-Kincaid grade: {m.flesch_kincaid_grade}"
        )
    lines += [
        f"{'Zinnen' if nl else 'Sentences'}: {m.sentences}, {'woorden' if nl else 'words'}: "
        f"{m.words}, {'alinea' + chr(39) + 's' if nl else 'paragraphs'}: {m.paragraphs}, "
        f"{'leestijd' if nl else 'reading time'}: {m.reading_time_seconds} s",
        f"{'Gemiddelde zinslengte' if nl else 'Mean sentence length'}: {m.mean_sentence_length}",
        f"{'Lettergrepen per woord' if nl else 'Syllables per word'}: {m.syllables_per_word}",
        "",
        f"{m.b1.label}",
    ]
    for c in m.b1.criteria:
        lines.append(f"  [{'x' if c.passed else ' '}] {c.label}: {c.value}")
    lines.append("")
    for h in m.highlights:
        lines.append(f"- {h.text[:70]!r}: {h.reason}")
    for warning in m.warnings:
        lines.append(f"! {warning}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
