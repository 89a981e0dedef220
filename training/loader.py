"""Load training modules from the versioned YAML in training/content/ (format: SCHEMA.md).

Pages are matched by slug and updated in place; a page gets a new published revision only
when what the YAML says differs from what is live. Block ids are derived from the module,
lesson and position, so quiz answers and reflective-log entries keep pointing at the same
question or exercise across reloads; a quiz option's id is derived from its question and its
text, so reordering a question's options keeps the learners' past answers pointing at the
options they chose.
"""

import json
import uuid
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from accounts import editors as editor_permissions
from core.loaders import LoadReport, keep_editors_changes

from .checklist import practice_skill_choices
from .models import Audience, LessonPage, ModulePage, ModuleTopic, TrainingIndexPage
from .quiz import DEFAULT_PASS_MARK_PERCENT

CONTENT_DIR = Path(__file__).resolve().parent / "content"
BLOCK_ID_NAMESPACE = uuid.UUID("6f1d3c9e-5d0a-4c41-9a51-2b7f0b5e8a11")
BLOCK_TYPES = {
    "text",
    "key_points",
    "practice_example",
    "reflective_exercise",
    "quiz",
    "evidence",
    "checklist",
}


class ContentError(Exception):
    """The content cannot be loaded; the message names the file and the entry."""


def _id(*parts) -> str:
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(str(part) for part in parts)))


def _require(data, key, where):
    if not isinstance(data, dict) or data.get(key) in (None, ""):
        raise ContentError(f"{where}: `{key}` is missing.")
    return data[key]


def _evidence_page(number, where):
    from compendium.models import EvidencePage

    page = EvidencePage.objects.filter(number=number).first()
    if page is None:
        raise ContentError(
            f"{where}: evidence entry {number} is not in the compendium. "
            "Import the compendium before loading training."
        )
    return page


def _raw_block(block, block_id, where):
    kind = _require(block, "type", where)
    if kind not in BLOCK_TYPES:
        raise ContentError(f"{where}: unknown block type `{kind}`.")
    value = _require(block, "value", where)
    if kind == "key_points":
        value = [
            {"type": "item", "value": str(point), "id": _id(block_id, i)}
            for i, point in enumerate(value)
        ]
    elif kind == "practice_example":
        value = {
            "title": _require(value, "title", where),
            "context": value.get("context", ""),
            "lines": [
                {
                    "type": "item",
                    "id": _id(block_id, i),
                    "value": {
                        "speaker": _require(line, "speaker", f"{where}, line {i + 1}"),
                        "text": str(_require(line, "text", f"{where}, line {i + 1}")),
                        "technique": line.get("technique", ""),
                    },
                }
                for i, line in enumerate(_require(value, "lines", where))
            ],
        }
    elif kind == "reflective_exercise":
        value = {"prompt": _require(value, "prompt", where), "guidance": value.get("guidance", "")}
    elif kind == "quiz":
        options = _require(value, "options", where)
        if not any(option.get("correct") for option in options):
            raise ContentError(f"{where}: no option is marked correct.")
        texts = [
            str(_require(option, "text", f"{where}, option {i + 1}"))
            for i, option in enumerate(options)
        ]
        if len(set(texts)) != len(texts):
            raise ContentError(f"{where}: two options have the same text.")
        value = {
            "question": _require(value, "question", where),
            "options": [
                {
                    "type": "item",
                    "id": _id(block_id, "option", text),
                    "value": {
                        "text": text,
                        "correct": bool(option.get("correct")),
                        "explanation": option.get("explanation", ""),
                    },
                }
                for text, option in zip(texts, options, strict=True)
            ],
        }
    elif kind == "evidence":
        number = _require(value, "entry", where)
        value = {"entry": _evidence_page(number, where).pk, "note": value.get("note", "")}
    elif kind == "checklist":
        value = {"items": [str(item) for item in value.get("items", value)]}
    return {"type": kind, "value": value, "id": block_id}


def _quiz_settings(lesson_data, body, where) -> tuple[int, int | None]:
    """The lesson's `quiz:` settings: its pass mark and how many questions an attempt draws."""
    settings = lesson_data.get("quiz") or {}
    if not isinstance(settings, dict):
        raise ContentError(f"{where}: `quiz` holds `pass_mark` and `draw`.")
    pass_mark = settings.get("pass_mark", DEFAULT_PASS_MARK_PERCENT)
    if not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100:
        raise ContentError(f"{where}: the quiz's `pass_mark` is a percentage from 1 to 100.")
    draw = settings.get("draw")
    bank = sum(block["type"] == "quiz" for block in body)
    if draw is not None and (not isinstance(draw, int) or not 1 <= draw <= bank):
        raise ContentError(f"{where}: the quiz's `draw` is a number of questions from 1 to {bank}.")
    return pass_mark, draw


def _apply(page, fields: dict) -> bool:
    """Set fields on a page; True when anything differs from what was there."""
    changed = False
    for name, new in fields.items():
        if name == "body":
            # Compare the stored form of both, so formatting differences do not count.
            old = json.dumps(page.body.get_prep_value(), sort_keys=True)
            page.body = new
            changed |= old != json.dumps(page.body.get_prep_value(), sort_keys=True)
            continue
        if getattr(page, name) != new:
            setattr(page, name, new)
            changed = True
    return changed


def _validate(page, fields, where):
    """The same field and block validation the admin applies (required values, choices...)."""
    exclude = [f.name for f in page._meta.fields if f.name not in fields]
    try:
        page.clean_fields(exclude=exclude)
    except ValidationError as exc:
        problems = "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            for name, messages in exc.message_dict.items()
        )
        raise ContentError(f"{where}: {problems}") from exc


def _upsert(parent, model, slug, fields, report, label, where, force=False):
    """Create the page under `parent`, or update the one with this slug; publish if changed.
    A page an editor has changed is kept as it is unless `force` (core.loaders' policy)."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        _validate(page, fields, where)
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(label)
        return page
    if keep_editors_changes(page, force):
        report.kept_edits.append(label)
        return page
    page = page.get_latest_revision_as_object()
    if _apply(page, fields) or not page.live or page.has_unpublished_changes:
        _validate(page, fields, where)
        page.save_revision().publish()
        report.updated.append(label)
    else:
        report.unchanged.append(label)
    return page


def _order_children(parent, pages):
    """Keep the tree in YAML order, moving pages only when it differs."""
    current = list(Page.objects.child_of(parent).filter(pk__in=[p.pk for p in pages]))
    if [p.pk for p in current] == [p.pk for p in pages]:
        return
    for page in pages:
        Page.objects.get(pk=page.pk).move(parent, pos="last-child")


def training_index(report=None) -> TrainingIndexPage:
    from home.models import HomePage

    index = TrainingIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        if home is None:
            raise ContentError("There is no home page to put the training index under.")
        index = TrainingIndexPage(title="Training", slug="training")
        home.add_child(instance=index)
        index.save_revision().publish()
        if report is not None:
            report.created.append("training index")
    # OEP editors write and publish the modules in the admin.
    editor_permissions.grant_page_permissions(
        index, editor_permissions.SELF_PUBLISHED_PAGE_PERMISSIONS
    )
    return index


def load_module(index, data: dict, source: str, report: LoadReport, force=False) -> ModulePage:
    where = source
    slug = _require(data, "slug", where)
    skill = _require(data, "skill", where)
    if skill not in ModuleTopic.values:
        raise ContentError(f"{where}: unknown skill `{skill}`.")
    audience = data.get("audience", Audience.PRACTITIONER)
    if audience not in Audience.values:
        raise ContentError(f"{where}: unknown audience `{audience}`.")
    module = _upsert(
        index,
        ModulePage,
        slug,
        {
            "title": _require(data, "title", where),
            "skill": skill,
            "audience": audience,
            "summary": str(_require(data, "summary", where)).strip(),
            "learning_outcomes": "\n".join(
                str(line).strip() for line in data.get("learning_outcomes", [])
            ),
            "estimated_minutes": int(data.get("estimated_minutes", 60)),
        },
        report,
        f"module {slug}",
        where,
        force,
    )
    lessons = []
    for lesson_data in _require(data, "lessons", where):
        lesson_slug = _require(lesson_data, "slug", f"{where}, a lesson")
        lesson_where = f"{source}, lesson {lesson_slug}"
        practice_skill = lesson_data.get("practice_skill") or ""
        if practice_skill and practice_skill not in dict(practice_skill_choices()):
            raise ContentError(f"{lesson_where}: unknown practice_skill `{practice_skill}`.")
        body = [
            _raw_block(block, _id(slug, lesson_slug, i), f"{lesson_where}, block {i + 1}")
            for i, block in enumerate(_require(lesson_data, "body", lesson_where))
        ]
        pass_mark, draw = _quiz_settings(lesson_data, body, lesson_where)
        lessons.append(
            _upsert(
                module,
                LessonPage,
                lesson_slug,
                {
                    "title": _require(lesson_data, "title", lesson_where),
                    "summary": str(_require(lesson_data, "summary", lesson_where)).strip(),
                    "checklist_items": ", ".join(
                        str(item) for item in lesson_data.get("checklist_items", [])
                    ),
                    "practice_skill": practice_skill,
                    "body": body,
                    "quiz_pass_mark": pass_mark,
                    "quiz_draw": draw,
                },
                report,
                f"lesson {slug}/{lesson_slug}",
                lesson_where,
                force,
            )
        )
    _order_children(module, lessons)
    return module


@transaction.atomic
def load_training(directory: Path = CONTENT_DIR, force: bool = False) -> LoadReport:
    """Load every module file in `directory`, in name order; all or nothing."""
    report = LoadReport()
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise ContentError(f"No module files (*.yaml) in {directory}.")
    index = training_index(report)
    modules = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ContentError(f"{path.name}: not valid YAML: {exc}") from exc
        modules.append(load_module(index, data, path.name, report, force=force))
    _order_children(index, modules)
    return report
