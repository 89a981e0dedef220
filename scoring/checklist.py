"""The SEEDS skills checklist as plain data: load a versioned YAML file or rebuild from a dict.

The Django side stores a checklist version in the database with ``Checklist.to_dict()`` and
rebuilds it with ``checklist_from_dict()``; this module is the one place that turns a checklist
into items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

CHECKLIST_DIR = Path(__file__).resolve().parent / "checklists"
DEFAULT_CHECKLIST_PATH = CHECKLIST_DIR / "seeds-v1.yaml"

SKILL_CODES = (
    "structuring",
    "relationship_building",
    "prosocial_modelling",
    "cognitive_techniques",
)
DETECT_LEVELS = ("H", "H/M", "M", "M/H", "M/L", "L/M", "L")


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    skill: str
    title: str
    behaviour: str
    cues: tuple[str, ...] = ()
    detect: str = "M"
    counts_against: bool = False

    @property
    def mode(self) -> str:
        """Items that need human judgement (detect starting with L) are prompts, not verdicts."""
        return "prompt" if self.detect.startswith("L") else "verdict"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "behaviour": self.behaviour,
            "cues": list(self.cues),
            "detect": self.detect,
            "counts_against": self.counts_against,
        }


@dataclass(frozen=True)
class Skill:
    code: str
    title: str
    items: tuple[ChecklistItem, ...] = ()

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "items": [item.to_dict() for item in self.items],
        }


@dataclass(frozen=True)
class Metric:
    id: str
    key: str
    title: str
    measure: str = ""
    benchmark: str = ""
    fair: float | None = None
    good: float | None = None
    prompt: bool = False

    def band(self, value: float | None) -> str | None:
        """'good', 'fair' or 'below' against the benchmark; None without a value or benchmark."""
        if value is None or self.good is None:
            return None
        if value >= self.good:
            return "good"
        if self.fair is not None and value >= self.fair:
            return "fair"
        return "below"

    def to_dict(self) -> dict:
        data = {
            "id": self.id,
            "key": self.key,
            "title": self.title,
            "measure": self.measure,
            "benchmark": self.benchmark,
        }
        for name in ("fair", "good"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        if self.prompt:
            data["prompt"] = True
        return data


@dataclass(frozen=True)
class Checklist:
    version: str
    skills: tuple[Skill, ...] = ()
    metrics: tuple[Metric, ...] = field(default_factory=tuple)

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for skill in self.skills for item in skill.items)

    def item(self, item_id: str) -> ChecklistItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def skill(self, code: str) -> Skill:
        for skill in self.skills:
            if skill.code == code:
                return skill
        raise KeyError(code)

    def metric(self, key: str) -> Metric | None:
        for metric in self.metrics:
            if metric.key == key or metric.id == key:
                return metric
        return None

    def to_dict(self) -> dict:
        return {
            "version": self.version,
            "skills": [skill.to_dict() for skill in self.skills],
            "metrics": [metric.to_dict() for metric in self.metrics],
        }


class ChecklistError(ValueError):
    """The checklist data is malformed."""


def _item_from_dict(data: dict, skill_code: str) -> ChecklistItem:
    try:
        item_id = str(data["id"]).strip()
    except KeyError as exc:
        raise ChecklistError(f"an item of {skill_code} has no id") from exc
    detect = str(data.get("detect", "M")).strip().upper()
    if detect not in DETECT_LEVELS:
        raise ChecklistError(f"item {item_id}: detect {detect!r} is not one of {DETECT_LEVELS}")
    behaviour = str(data.get("behaviour") or data.get("title") or "").strip()
    return ChecklistItem(
        id=item_id,
        skill=skill_code,
        title=str(data.get("title") or behaviour).strip(),
        behaviour=behaviour,
        cues=tuple(str(cue) for cue in data.get("cues") or ()),
        detect=detect,
        counts_against=bool(data.get("counts_against", False)),
    )


def checklist_from_dict(data: dict) -> Checklist:
    """Build a checklist from the dict shape written by ``Checklist.to_dict()`` (or the YAML)."""
    if not isinstance(data, dict) or "version" not in data:
        raise ChecklistError("a checklist needs a version")
    skills = []
    seen: set[str] = set()
    for skill_data in data.get("skills") or ():
        code = str(skill_data["code"])
        items = tuple(_item_from_dict(item, code) for item in skill_data.get("items") or ())
        for item in items:
            if item.id in seen:
                raise ChecklistError(f"item {item.id} appears twice")
            seen.add(item.id)
        skills.append(Skill(code=code, title=str(skill_data.get("title") or code), items=items))
    metrics = tuple(
        Metric(
            id=str(metric["id"]),
            key=str(metric.get("key") or metric["id"]),
            title=str(metric.get("title") or metric["id"]),
            measure=str(metric.get("measure") or ""),
            benchmark=str(metric.get("benchmark") or ""),
            fair=None if metric.get("fair") is None else float(metric["fair"]),
            good=None if metric.get("good") is None else float(metric["good"]),
            prompt=bool(metric.get("prompt", False)),
        )
        for metric in data.get("metrics") or ()
    )
    return Checklist(version=str(data["version"]), skills=tuple(skills), metrics=metrics)


def load_checklist(path: str | Path | None = None) -> Checklist:
    """Load a checklist YAML file; by default the shipped first version."""
    path = Path(path) if path else DEFAULT_CHECKLIST_PATH
    with path.open(encoding="utf-8") as handle:
        return checklist_from_dict(yaml.safe_load(handle))


@lru_cache(maxsize=1)
def seeds_skills() -> tuple[tuple[str, str], ...]:
    """The four SEEDS skills as (code, title): the codes above, titled as the shipped checklist
    titles them. Every label of a skill (upload form, training, review) comes from here."""
    titles = {skill.code: skill.title for skill in load_checklist().skills}
    missing = [code for code in SKILL_CODES if code not in titles]
    if missing:
        raise ChecklistError(f"the shipped checklist lacks the skills {', '.join(missing)}")
    return tuple((code, titles[code]) for code in SKILL_CODES)
