"""Benchmark (not a test): CPU time of textmeter on a 1,000-word Dutch text, next to textstat.

    uv run python scripts/bench_textmeter.py [--runs 21]

Measures CPU time (time.process_time) and prints the median of N runs for
- textmeter.measure(text, "nl") (the whole analysis: structure, formulas, highlights, B1, difficulty)
- textstat's Flesch score with textstat.set_lang("nl") on the same text (formula only).
The text is 1,000 words taken from the complex side of the Amsterdam corpus shipped with textmeter.
Each run measures the sentences in a different rotation, so that no library can answer from a
whole-text cache; word-level caches stay warm, as they would in a running portal. textmeter's
one-off costs (loading the word-frequency list, the first pass with cold word caches) are printed
separately. The goal is under 100 ms per 1,000 words.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textmeter import lexicon, measure, syllables  # noqa: E402
from textmeter.evaluate import DEFAULT_CSV  # noqa: E402

WORDS = 1000


def dutch_text(words: int = WORDS) -> list[str]:
    """Sentences from the corpus (complex side) until ``words`` words are reached."""
    sentences: list[str] = []
    count = 0
    with DEFAULT_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            sentence = row["Complex"].strip()
            if not sentence.endswith((".", "?", "!")):
                continue
            n = len(sentence.split())
            if count + n > words:
                break
            sentences.append(sentence)
            count += n
    return sentences


def rotated(sentences: list[str], i: int) -> str:
    k = i % len(sentences)
    return " ".join(sentences[k:] + sentences[:k])


def cpu_ms(function: Callable[[str], object], sentences: list[str], runs: int) -> list[float]:
    times = []
    for i in range(runs):
        text = rotated(sentences, i + 1)
        start = time.process_time()
        function(text)
        times.append(1000 * (time.process_time() - start))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    import textstat

    sentences = dutch_text()
    text = " ".join(sentences)
    print(f"Text: {len(text.split())} whitespace-separated words, {len(sentences)} sentences")

    start = time.process_time()
    lexicon.zipf("gemeente", "nl")
    syllables.count_dutch("gemeente")
    print(
        f"textmeter one-off: loading the Dutch frequency list and hyphenation patterns {1000 * (time.process_time() - start):.0f} ms"
    )

    lexicon.zipf.cache_clear()
    lexicon.split_compound.cache_clear()
    syllables.count_dutch.cache_clear()
    start = time.process_time()
    first = measure(text, "nl")
    print(f"textmeter first call, cold word caches: {1000 * (time.process_time() - start):.1f} ms")

    ours = cpu_ms(lambda t: measure(t, "nl"), sentences, args.runs)
    textstat.set_lang("nl")
    textstat.flesch_reading_ease(text)  # warm up (loads pyphen's dictionary)
    theirs = cpu_ms(textstat.flesch_reading_ease, sentences, args.runs)

    print(
        f"textmeter.measure          median {statistics.median(ours):7.1f} ms CPU  (min {min(ours):.1f}, max {max(ours):.1f}, {args.runs} runs)"
    )
    print(
        f"textstat flesch (nl)       median {statistics.median(theirs):7.1f} ms CPU  (min {min(theirs):.1f}, max {max(theirs):.1f}, {args.runs} runs)"
    )
    print(
        f"Scores: textmeter Flesch-Douma {first.flesch_douma} on {first.words} words "
        f"(numbers and names left out), textstat {textstat.flesch_reading_ease(text):.1f}"
    )
    goal = statistics.median(ours) < 100
    print(f"Goal (< 100 ms per 1,000 words): {'met' if goal else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
