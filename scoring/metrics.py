"""Layer 3: session metrics E1 to E5 against the checklist's benchmarks, skill summaries and
the overall practice-quality figure."""

from __future__ import annotations

import re

from .checklist import Checklist
from .codes import UtteranceCode
from .text import normalise

MI_CONSISTENT_TAGS = ("affirmation", "permission", "autonomy", "empathy")
CHANGE_TALK = re.compile(
    r"\b(?:i want to|i'd like to|i would like to|i need to|i've got to|i have to|i could|"
    r"i can|i'm going to|i am going to|i will|i'll|i've decided|i'm ready|i'm willing|"
    r"i should|it would be better|i don't want to (?:go back|end up|lose))\b"
)


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 3) if whole else None


def code_counts(codes: list[UtteranceCode]) -> dict[str, int]:
    """Counts of behaviours, subtypes and MI-consistent / -inconsistent acts."""
    counts = {
        "practitioner": 0,
        "question": 0,
        "open": 0,
        "closed": 0,
        "reflection": 0,
        "complex": 0,
        "simple": 0,
        "therapist_input": 0,
        "other": 0,
        "advice_without_permission": 0,
        "mi_consistent": 0,
        "mi_inconsistent": 0,
    }
    for code in codes:
        if code.behaviour is None:
            continue
        counts["practitioner"] += 1
        counts[code.behaviour] += 1
        if code.question_subtype:
            counts[code.question_subtype] += 1
        if code.reflection_subtype:
            counts[code.reflection_subtype] += 1
        unsolicited = code.input_subtype == "advice" or (
            "advice" in code.tags and "permission" not in code.tags and code.behaviour != "question"
        )
        if unsolicited:
            counts["advice_without_permission"] += 1
        inconsistent = int(unsolicited) + int("confrontation" in code.tags)
        counts["mi_inconsistent"] += inconsistent
        counts["mi_consistent"] += sum(1 for tag in MI_CONSISTENT_TAGS if tag in code.tags)
    return counts


def unit_counts(units, acts) -> dict[str, int]:
    """Questions and reflections counted over units, reflections as judged (scoring/judgement/): an
    "it sounds like" that lectures is no reflection, a plain restatement is one. E1 and E3 then
    rest on the same reflections."""
    questions = [u for u in units if u.code.behaviour == "question"]
    reflections = [a for a in acts if a.item in ("B3", "B4") and a.polarity == "supports"]
    return {
        "question": len(questions),
        "open": sum(1 for u in questions if u.code.question_subtype == "open"),
        "closed": sum(1 for u in questions if u.code.question_subtype == "closed"),
        "reflection": len(reflections),
        "complex": sum(1 for a in reflections if a.item == "B4"),
        "simple": sum(1 for a in reflections if a.item == "B3"),
    }


def session_metrics(
    utterances, codes: list[UtteranceCode], checklist: Checklist, units=None, acts=None
) -> dict:
    """E1 to E5 and talk-time figures, each with its benchmark band where the checklist has one.

    With ``units`` and judged ``acts``, E1 to E3 count units and judged reflections; without
    them, one code per utterance."""
    counts = code_counts(codes)
    if units is not None and acts is not None:
        counts.update(unit_counts(units, acts))
    q, r = counts["question"], counts["reflection"]
    # with no questions at all, the ratio is the number of reflections (None if neither)
    ratio = round(r / q, 3) if q else (float(r) if r else None)
    mic, miin = counts["mi_consistent"], counts["mi_inconsistent"]
    words = [len(normalise(u.text).split()) for u in utterances]
    practitioner_words = sum(w for u, w in zip(utterances, words, strict=True) if u.is_practitioner)
    longest_words = max(
        (w for u, w in zip(utterances, words, strict=True) if u.is_practitioner), default=0
    )
    timed = [
        u.end - u.start
        for u in utterances
        if u.is_practitioner and u.start is not None and u.end is not None
    ]
    change_talk = [
        u.index
        for u in utterances
        if not u.is_practitioner and CHANGE_TALK.search(normalise(u.text))
    ]
    values = {
        "reflection_question_ratio": ratio,
        "open_question_share": _ratio(counts["open"], counts["open"] + counts["closed"]),
        "complex_reflection_share": _ratio(counts["complex"], counts["complex"] + counts["simple"]),
        "mi_consistent_share": _ratio(mic, mic + miin),
        "practitioner_talk_share": _ratio(practitioner_words, sum(words)),
        "longest_turn_words": longest_words,
        "longest_turn_seconds": round(max(timed), 1) if timed else None,
        "change_talk_evoked": len(change_talk),
    }
    out = {}
    for key, value in values.items():
        metric = checklist.metric(key)
        entry = {"value": value}
        if metric is not None:
            entry.update(id=metric.id, title=metric.title, benchmark=metric.benchmark)
            entry["band"] = None if metric.prompt else metric.band(value)
            if metric.prompt:
                entry["mode"] = "prompt"
                entry["utterances"] = change_talk if key == "change_talk_evoked" else []
        out[key] = entry
    return out


def quality_components(codes: list[UtteranceCode], utterances=()) -> dict[str, float]:
    """Rates (never counts, so long sessions gain nothing by length) that MI quality rests on."""
    c = code_counts(codes)
    words = [(u.is_practitioner, len(u.text.split())) for u in utterances]
    total_words = sum(n for _, n in words)
    n = max(c["practitioner"], 1)
    asked_or_reflected = c["question"] + c["reflection"]
    return {
        "reflection_share": c["reflection"] / asked_or_reflected if asked_or_reflected else 0.0,
        "complex_share": c["complex"] / c["reflection"] if c["reflection"] else 0.0,
        "open_share": c["open"] / c["question"] if c["question"] else 0.0,
        "input_rate": c["therapist_input"] / n,
        "unsolicited_advice_rate": c["advice_without_permission"] / n,
        "mi_consistent_rate": c["mi_consistent"] / n,
        "mi_inconsistent_rate": c["mi_inconsistent"] / n,
        "closed_rate": c["closed"] / n,
        "practitioner_talk_share": (
            sum(n for mine, n in words if mine) / total_words if total_words else 0.5
        ),
    }


# Set by reasoning about MI practice and checked by cross-validation (docs/scoring.md),
# not fitted to single transcripts.
QUALITY_WEIGHTS = {
    "reflection_share": 2.0,
    "complex_share": 1.0,
    "open_share": 1.0,
    "input_rate": -3.0,
    "unsolicited_advice_rate": -3.0,
    "mi_consistent_rate": 1.0,
    "mi_inconsistent_rate": -3.0,
    "closed_rate": 0.0,
    "practitioner_talk_share": -1.0,
}


def session_quality(codes: list[UtteranceCode], utterances=()) -> float:
    """Higher means practice closer to MI; a weighted sum of the rates above."""
    parts = quality_components(codes, utterances)
    return round(sum(QUALITY_WEIGHTS[k] * v for k, v in parts.items()), 4)


def skill_summaries(items: dict[str, dict], checklist: Checklist) -> dict[str, dict]:
    """Per skill: share of expected verdict items shown, less those that count against."""
    out = {}
    for skill in checklist.skills:
        shown, expected, against, prompts, manual = [], [], [], [], []
        for item in skill.items:
            result = items.get(item.id, {})
            if result.get("mode") == "manual":
                manual.append(item.id)
                continue
            if result.get("mode") == "prompt":
                if result.get("evidence"):
                    prompts.append(item.id)
                continue
            if item.counts_against:
                if result.get("present"):
                    against.append(item.id)
                continue
            expected.append(item.id)
            if result.get("present"):
                shown.append(item.id)
        score = (len(shown) - 0.5 * len(against)) / len(expected) if expected else 0.0
        score = round(min(1.0, max(0.0, score)), 3)
        parts = [f"{len(shown)} of {len(expected)} items shown"]
        if shown:
            parts.append("shown: " + ", ".join(shown))
        if against:
            parts.append("counting against: " + ", ".join(against))
        if prompts:
            parts.append("for the reviewer to judge: " + ", ".join(prompts))
        if manual:
            parts.append("rate by hand: " + ", ".join(manual))
        out[skill.code] = {
            "title": skill.title,
            "score": score,
            "items_shown": shown,
            "items_expected": expected,
            "items_against": against,
            "prompts": prompts,
            "manual": manual,
            "summary": "; ".join(parts),
        }
    return out
