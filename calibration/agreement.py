"""Agreement between raters, as plain functions on plain data (no Django): Fleiss' kappa over
subjects, the share of agreeing pairs on one subject, and the group's modal rating.

A subject is the list of ratings the raters gave it, e.g. ["satisfactory", "satisfactory",
"needs_improvement"]. Raters may differ in number between subjects (Fleiss' kappa generalised
to unequal counts); a subject rated by fewer than two people says nothing about agreement and
is left out.
"""

from collections import Counter


def pair_agreement(ratings: list[str]) -> float | None:
    """The share of pairs of raters who gave the subject the same rating (Fleiss' P_i)."""
    n = len(ratings)
    if n < 2:
        return None
    counts = Counter(ratings).values()
    return sum(c * (c - 1) for c in counts) / (n * (n - 1))


def fleiss_kappa(subjects: list[list[str]]) -> float | None:
    """Fleiss' kappa: agreement beyond chance, 1 perfect, 0 chance, negative worse than chance.

    None when it is undefined: no subject rated by two people, or every rating the same one
    category (chance agreement is then total; `pair_agreement` still says it was unanimous)."""
    rated = [ratings for ratings in subjects if len(ratings) >= 2]
    if not rated:
        return None
    observed = sum(pair_agreement(ratings) for ratings in rated) / len(rated)
    totals = Counter(rating for ratings in rated for rating in ratings)
    count = sum(totals.values())
    expected = sum((c / count) ** 2 for c in totals.values())
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def modal_rating(ratings: list[str]) -> str | None:
    """The rating most raters gave; None when nobody rated or the top two are tied."""
    common = Counter(ratings).most_common(2)
    if not common or (len(common) == 2 and common[0][1] == common[1][1]):
        return None
    return common[0][0]


def describe_kappa(kappa: float | None) -> str:
    """Landis and Koch's words for a kappa, as calibration reports usually give them."""
    if kappa is None:
        return "not measurable"
    for floor, words in ((0.81, "almost perfect"), (0.61, "substantial"), (0.41, "moderate"),
                         (0.21, "fair"), (0.0, "slight")):  # fmt: skip
        if kappa >= floor:
            return words
    return "poor"
