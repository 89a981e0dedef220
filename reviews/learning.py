"""Where a practitioner can learn a skill: the training lessons that teach its checklist items
(or sit in the module for that skill), and the compendium entries those lessons cite."""

from training.models import Audience, LessonPage, ModulePage, split_ids


def learning_for(skill_code: str, item_codes) -> dict:
    """{"lessons": [...], "evidence": [...]} for one skill, lessons teaching its items first."""
    item_codes = set(item_codes)
    modules = ModulePage.objects.live().only("path")
    module_paths = [module.path for module in modules.filter(skill=skill_code)]
    # Lessons written for treatment managers (reflective supervision) are not for practitioners.
    managers_paths = [m.path for m in modules.filter(audience=Audience.TREATMENT_MANAGER)]
    ranked = []
    for lesson in LessonPage.objects.live().order_by("path"):
        if any(lesson.path.startswith(path) for path in managers_paths):
            continue
        taught = item_codes.intersection(split_ids(lesson.checklist_items))
        in_module = any(lesson.path.startswith(path) for path in module_paths)
        if taught or in_module:
            ranked.append((-len(taught), lesson.path, lesson, sorted(taught)))
    ranked.sort(key=lambda entry: entry[:2])
    lessons = [(lesson, taught) for _, _, lesson, taught in ranked[:4]]
    evidence, seen = [], set()
    for lesson, _ in lessons:
        for block in lesson.body:
            if block.block_type != "evidence":
                continue
            entry = block.value.get("entry")
            if entry is not None and entry.live and entry.pk not in seen:
                seen.add(entry.pk)
                evidence.append(entry.specific)
    return {"lessons": lessons, "evidence": evidence[:4]}
