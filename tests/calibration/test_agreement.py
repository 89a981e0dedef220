"""Fleiss' kappa and pair agreement on known values."""

import pytest

from calibration.agreement import describe_kappa, fleiss_kappa, modal_rating, pair_agreement

# Fleiss (1971) as tabulated on Wikipedia's "Fleiss' kappa": 10 subjects, 14 raters each,
# counts per category 1..5. Kappa 0.210, with P-bar 0.378 and P-bar-e 0.213.
TABLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def ratings_of(row):
    return [str(category) for category, count in enumerate(row, start=1) for _ in range(count)]


def test_fleiss_kappa_of_the_textbook_table():
    assert fleiss_kappa([ratings_of(row) for row in TABLE]) == pytest.approx(0.2099, abs=1e-4)


def test_pair_agreement_of_the_textbook_rows():
    assert pair_agreement(ratings_of(TABLE[0])) == 1.0
    assert pair_agreement(ratings_of(TABLE[1])) == pytest.approx(0.253, abs=1e-3)


def test_perfect_agreement_across_categories_is_kappa_one():
    assert fleiss_kappa([["a", "a", "a"], ["b", "b", "b"]]) == 1.0


def test_kappa_is_undefined_without_two_raters_or_with_one_category_only():
    assert fleiss_kappa([["a"], ["b"]]) is None
    assert fleiss_kappa([["a", "a"], ["a", "a"]]) is None


def test_systematic_disagreement_is_below_zero():
    assert fleiss_kappa([["a", "b"], ["b", "a"], ["a", "b"]]) < 0


def test_modal_rating_and_ties():
    assert modal_rating(["a", "a", "b"]) == "a"
    assert modal_rating(["a", "b"]) is None
    assert modal_rating([]) is None


def test_kappa_in_words():
    assert describe_kappa(0.21) == "fair"
    assert describe_kappa(0.9) == "almost perfect"
    assert describe_kappa(-0.1) == "poor"
    assert describe_kappa(None) == "not measurable"
