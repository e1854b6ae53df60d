"""The overall ``difficulty`` figure: 0 (very easy) to 100 (very hard).

A logistic function of five interpretable features:

==========================  ======================================================  ==========
feature                     what it is                                              weight
==========================  ======================================================  ==========
log mean sentence length    natural log of words per sentence                       +4.0
mean familiarity            mean Zipf frequency of content words (compound heads)   -1.3
passive rate                share of sentences with a passive                       +3.0
officialese per 100 words   hits from the officialese list                          +0.33
abbreviations per 100 w.    "bijv.", "t/m", "%" and the like                        +0.55
==========================  ======================================================  ==========

The weights are in logit points per unit. They were fitted once by pairwise logistic regression
(complex minus simple side) on the public Amsterdam corpus, documents and sentence pairs weighted
equally, and then rounded. ``python -m textmeter.evaluate`` reports how well they do, and refits them
per fold with held-out documents to show what to expect on unseen texts. The logistic curve is
strictly increasing, so two texts with different features never tie at 0 or 100.
"""

from __future__ import annotations

import math
from dataclasses import astuple, dataclass


@dataclass(frozen=True, slots=True)
class Features:
    log_sentence_length: float  # ln(words per sentence)
    mean_familiarity: float  # mean Zipf of content words
    passive_rate: float  # share of sentences, 0-1
    officialese_per_100_words: float
    abbreviations_per_100_words: float

    def vector(self) -> tuple[float, ...]:
        return astuple(self)


WEIGHTS = Features(
    log_sentence_length=4.0,
    mean_familiarity=-1.3,
    passive_rate=3.0,
    officialese_per_100_words=0.33,
    abbreviations_per_100_words=0.55,
)
# The text that scores 50: 15 words per sentence, mean Zipf 4.6, 10 % passive sentences, one
# officialese phrase and a quarter of an abbreviation per 100 words (a middling municipal letter).
CENTRE = Features(
    log_sentence_length=math.log(15.0),
    mean_familiarity=4.6,
    passive_rate=0.10,
    officialese_per_100_words=1.0,
    abbreviations_per_100_words=0.25,
)


def features(
    mean_sentence_length: float,
    mean_familiarity: float,
    passive_rate: float,
    officialese_per_100_words: float,
    abbreviations_per_100_words: float,
) -> Features:
    return Features(
        math.log(max(1.0, mean_sentence_length)),
        mean_familiarity,
        passive_rate,
        officialese_per_100_words,
        abbreviations_per_100_words,
    )


def logit(values: Features, weights: Features = WEIGHTS, centre: Features = CENTRE) -> float:
    return sum(w * (x - c) for w, x, c in zip(weights.vector(), values.vector(), centre.vector(), strict=True))


# Flattens the curve so that whole texts spread over the scale (a plain B1 text lands near 25-30,
# a typical municipal original near 50-55). It does not change the order of any two texts.
STEEPNESS = 0.6


def difficulty(values: Features, weights: Features = WEIGHTS) -> float:
    """0-100, where 50 is the centre text above."""
    z = max(-50.0, min(50.0, STEEPNESS * logit(values, weights)))
    return 100.0 / (1.0 + math.exp(-z))


def contributions(values: Features, weights: Features = WEIGHTS) -> dict[str, float]:
    """How many logit points each feature adds (+ harder, - easier) relative to the centre text."""
    names = Features.__dataclass_fields__.keys()
    return {
        name: round(w * (x - c), 2)
        for name, w, x, c in zip(names, weights.vector(), values.vector(), CENTRE.vector(), strict=True)
    }
