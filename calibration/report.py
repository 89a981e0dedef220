"""The calibration report: per checklist item and skill, how the managers' ratings spread, how
often pairs of them agreed, the group's rating beside the machine's proposal, and where each
manager differs from the group; overall agreement as Fleiss' kappa (calibration.agreement)."""

from dataclasses import dataclass, field

from reviews.enums import Rating

from .agreement import describe_kappa, fleiss_kappa, modal_rating, pair_agreement


def _label(value):
    return Rating(value).label if value in Rating.values else ""


@dataclass
class ReportRow:
    code: str
    title: str
    is_skill: bool
    ratings: dict = field(default_factory=dict)  # rater pk -> rating
    machine: str = ""

    @property
    def values(self):
        return list(self.ratings.values())

    @property
    def group(self):
        return modal_rating(self.values)

    @property
    def group_label(self):
        return _label(self.group) or ("Split" if self.values else "Not rated")

    @property
    def agreement(self):
        return pair_agreement(self.values)

    @property
    def machine_label(self):
        return _label(self.machine)

    @property
    def machine_agreement(self):
        """The share of raters who gave the machine's proposed rating."""
        if not self.machine or not self.values:
            return None
        return sum(value == self.machine for value in self.values) / len(self.values)

    @property
    def spread(self):
        """ "Satisfactory 2, Needs improvement 1": the ratings given, without who gave them."""
        counts = {}
        for value in self.values:
            counts[_label(value)] = counts.get(_label(value), 0) + 1
        return ", ".join(f"{label} {count}" for label, count in sorted(counts.items()))

    def of(self, rater_pk):
        return self.ratings.get(rater_pk, "")

    def label_of(self, rater_pk):
        return _label(self.of(rater_pk))

    def differs_for(self, rater_pk):
        """Whether the rater's rating differs from the rest of the group's: from the others'
        most common rating, or, when the others are split, from every one of theirs (so with
        two raters, each differs from the other whenever they disagree)."""
        mine = self.of(rater_pk)
        others = [value for pk, value in self.ratings.items() if pk != rater_pk]
        if not mine or not others:
            return False
        majority = modal_rating(others)
        return mine != majority if majority else mine not in others


@dataclass
class Report:
    rows: list
    raters: list
    kappa: float | None

    @property
    def kappa_words(self):
        return describe_kappa(self.kappa)

    def differences(self, rater_pk):
        return [row for row in self.rows if row.differs_for(rater_pk)]

    @property
    def per_rater(self):
        return [(rater, len(self.differences(rater.pk))) for rater in self.raters]

    @property
    def machine_agreement(self):
        pairs = [(value, row.machine) for row in self.rows if row.machine for value in row.values]
        return sum(a == b for a, b in pairs) / len(pairs) if pairs else None


def build_report(exercise) -> Report:
    checklist = exercise.checklist_version.checklist()
    submitted = list(exercise.submitted())
    rows = []
    for skill in checklist.skills:
        for item in skill.items:
            rows.append(
                ReportRow(item.id, f"{item.id} {item.title}", False,
                          machine=exercise.machine.get(item.id, ""))
            )  # fmt: skip
        rows.append(ReportRow(skill.code, f"Overall: {skill.title}", True))
    for rating in submitted:
        for row in rows:
            value = rating.skills.get(row.code) if row.is_skill else rating.items.get(row.code)
            if value:
                row.ratings[rating.rater_id] = value
    kappa = fleiss_kappa([row.values for row in rows])
    return Report(rows=rows, raters=[rating.rater for rating in submitted], kappa=kappa)


def table(report: Report, rater_pks: list[int]) -> list[dict]:
    """The report's rows with a cell per rater in `rater_pks`: their rating and whether it
    differs from the group's (a lead sees every rater, a participant themself only)."""
    return [
        {
            "row": row,
            "cells": [
                {"label": row.label_of(pk) or "-", "differs": row.differs_for(pk)}
                for pk in rater_pks
            ],
        }
        for row in report.rows
    ]
