"""Evaluate ``difficulty`` on the Amsterdam complex/simple corpus.

    python -m textmeter.evaluate [CSV] [--folds 5] [--wrong 8]

For every document (all rows joined) and every sentence pair whose text differs, count how often the
simplified side is judged easier (a strictly lower difficulty; a tie counts as not easier) by
``difficulty``, by the published Flesch-Douma formula and by mean sentence length alone. Also
reports a leave-documents-out figure: the difficulty weights are refitted on 4/5 of the documents
and scored on the held-out fifth, so that the calibration cannot hide overfitting.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textmeter import difficulty as model
from textmeter.errors import TextMeterError
from textmeter.measure import Measurement, features_of, measure

DEFAULT_CSV = Path(__file__).parent / "data" / "amsterdam" / "complex-simple-v1-anonymized.csv"


@dataclass(frozen=True, slots=True)
class Side:
    text: str
    measurement: Measurement


@dataclass(frozen=True, slots=True)
class Pair:
    document: str
    complex: Side
    simple: Side


def load(path: Path = DEFAULT_CSV) -> tuple[list[Pair], list[Pair]]:
    """(documents, differing sentence pairs) measured with textmeter, forced to Dutch."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_document: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_document.setdefault(row["Document ID"], []).append(row)
    documents = []
    for document, members in by_document.items():
        complex_text = "\n\n".join(r["Complex"].strip() for r in members)
        simple_text = "\n\n".join(r["Simple"].strip() for r in members)
        documents.append(Pair(document, _side(complex_text), _side(simple_text)))
    pairs = []
    for row in rows:
        if _normalise(row["Complex"]) == _normalise(row["Simple"]):
            continue
        try:
            pairs.append(Pair(row["Document ID"], _side(row["Complex"]), _side(row["Simple"])))
        except TextMeterError:
            continue  # e.g. "xxx xxx xxx" rows cannot be measured; none in this copy
    return documents, pairs


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _side(text: str) -> Side:
    return Side(text, measure(text, "nl"))


Score = Callable[[Measurement], float]


def score_difficulty(m: Measurement) -> float:
    return model.difficulty(features_of(m))


def score_douma(m: Measurement) -> float:
    return -(m.flesch_douma or 0.0)  # higher Flesch-Douma = easier, so negate


def score_asl(m: Measurement) -> float:
    return m.mean_sentence_length


def wins(pairs: Sequence[Pair], score: Score) -> int:
    """How often the simple side scores strictly lower (easier) than the complex side."""
    return sum(1 for p in pairs if score(p.simple.measurement) < score(p.complex.measurement))


# --- fitting ---------------------------------------------------------------------------------------


def fit(pairs: Sequence[Pair], iterations: int = 25, l2: float = 0.01) -> model.Features:
    """Pairwise logistic regression on standardised feature differences (complex - simple).

    Newton's method with a small ridge penalty; returns weights in feature units (logit points per
    unit). Without an intercept: swapping the sides of a pair flips the sign of the prediction.
    """
    diffs = [
        [
            c - s
            for c, s in zip(
                features_of(p.complex.measurement).vector(),
                features_of(p.simple.measurement).vector(),
                strict=True,
            )
        ]
        for p in pairs
    ]
    k = len(diffs[0])
    n = len(diffs)
    scale = [max(1e-9, math.sqrt(sum(d[j] ** 2 for d in diffs) / n)) for j in range(k)]
    xs = [[d[j] / scale[j] for j in range(k)] for d in diffs]
    w = [0.0] * k
    for _ in range(iterations):
        gradient = [l2 * wj for wj in w]
        hessian = [[l2 if i == j else 0.0 for j in range(k)] for i in range(k)]
        for x in xs:
            z = sum(wj * xj for wj, xj in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(k):
                gradient[i] -= (1.0 - p) * x[i] / n
                for j in range(k):
                    hessian[i][j] += p * (1.0 - p) * x[i] * x[j] / n
        step = _solve(hessian, gradient)
        w = [wj - sj for wj, sj in zip(w, step, strict=True)]
        if max(abs(sj) for sj in step) < 1e-8:
            break
    return model.Features(*(w[j] / scale[j] for j in range(k)))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Solve a small linear system by Gaussian elimination with partial pivoting."""
    size = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            for c in range(col, size + 1):
                rows[r][c] -= factor * rows[col][c]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        rest = sum(rows[r][c] * solution[c] for c in range(r + 1, size))
        solution[r] = (rows[r][size] - rest) / rows[r][r]
    return solution


def cross_validate(
    documents: Sequence[Pair], pairs: Sequence[Pair], folds: int = 5, seed: int = 7
) -> tuple[int, int, int, int]:
    """Leave-documents-out: (document wins, documents, pair wins, pairs) on held-out folds."""
    ids = sorted({d.document for d in documents}, key=int)
    random.Random(seed).shuffle(ids)
    doc_wins = pair_wins = n_docs = n_pairs = 0
    for fold in range(folds):
        held = set(ids[fold::folds])
        train = [d for d in documents if d.document not in held] + [p for p in pairs if p.document not in held]
        weights = fit(_balanced(train))

        def score(m: Measurement, weights: model.Features = weights) -> float:
            return model.difficulty(features_of(m), weights)

        test_docs = [d for d in documents if d.document in held]
        test_pairs = [p for p in pairs if p.document in held]
        doc_wins += wins(test_docs, score)
        pair_wins += wins(test_pairs, score)
        n_docs += len(test_docs)
        n_pairs += len(test_pairs)
    return doc_wins, n_docs, pair_wins, n_pairs


def _balanced(items: Sequence[Pair]) -> list[Pair]:
    """Repeat documents so that documents and pairs weigh about the same in the fit."""
    docs = [i for i in items if "\n\n" in i.complex.text]
    rest = [i for i in items if "\n\n" not in i.complex.text]
    repeat = max(1, len(rest) // max(1, len(docs)))
    return docs * repeat + rest


# --- command ---------------------------------------------------------------------------------------


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m textmeter.evaluate", description=__doc__)
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--folds", type=int, default=5, help="folds by document (0 = skip)")
    parser.add_argument("--wrong", type=int, default=8, help="how many wrongly judged pairs to show")
    parser.add_argument("--fit", action="store_true", help="print weights fitted on all data")
    args = parser.parse_args(argv)

    documents, pairs = load(args.csv)
    print(f"Corpus: {args.csv.name}: {len(documents)} documents, {len(pairs)} differing pairs")
    print("Simple side judged easier (strictly lower difficulty; ties count as not easier):")
    print(f"{'measure':<28}{'documents':>22}{'sentence pairs':>24}")
    for name, score in (
        ("difficulty", score_difficulty),
        ("Flesch-Douma", score_douma),
        ("mean sentence length", score_asl),
    ):
        print(f"{name:<28}{_pct(wins(documents, score), len(documents)):>22}{_pct(wins(pairs, score), len(pairs)):>24}")
    if args.folds:
        d, nd, p, np_ = cross_validate(documents, pairs, args.folds)
        print(
            f"{'difficulty, ' + str(args.folds) + '-fold by doc':<28}{_pct(d, nd):>22}"
            f"{_pct(p, np_):>24}   (weights refitted without the held-out documents)"
        )
    if args.fit:
        print("Weights fitted on all data:", fit(_balanced([*documents, *pairs])))
    wrong = [p for p in pairs if score_difficulty(p.simple.measurement) >= score_difficulty(p.complex.measurement)]
    wrong.sort(key=lambda p: score_difficulty(p.complex.measurement) - score_difficulty(p.simple.measurement))
    if args.wrong and wrong:
        print(f"\nPairs judged wrongly ({len(wrong)}); the worst {min(args.wrong, len(wrong))}:")
        for pair in wrong[: args.wrong]:
            c, s = pair.complex.measurement, pair.simple.measurement
            print(f"- document {pair.document}: difficulty complex {c.difficulty} vs simple {s.difficulty}")
            print(f"  complex: {pair.complex.text[:160]}")
            print(f"  simple:  {pair.simple.text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
