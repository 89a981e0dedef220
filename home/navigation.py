"""What each role can do, as the header navigation and the home page's list of tasks."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from accounts.roles import Role

ANYONE = None


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url: str
    description: str = ""


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    description: str
    roles: tuple | None  # None: everyone, signed in or not
    url_name: str = ""
    page_model: str = ""  # "app_label.ModelName": the first live page of that type


ENTRIES = [
    NavEntry(
        "learn",
        "Learn",
        "Study the SEEDS training modules, answer quizzes and keep a reflective log.",
        ANYONE,
        page_model="training.TrainingIndexPage",
    ),
    NavEntry(
        "evidence",
        "Evidence",
        "Browse and search the evidence compendium behind the SEEDS skills.",
        ANYONE,
        page_model="compendium.CompendiumIndexPage",
    ),
    NavEntry(
        "bulletins",
        "Bulletins",
        "Read the research bulletins written by OEP teams.",
        ANYONE,
        page_model="compendium.BulletinIndexPage",
    ),
    NavEntry(
        "recordings",
        "My recordings",
        "Upload recordings of your practice sessions and read the feedback on them.",
        (Role.PRACTITIONER,),
        url_name="recordings:list",
    ),
    NavEntry(
        "progress",
        "My progress",
        "See how your skills have moved from one recorded session to the next.",
        (Role.PRACTITIONER,),
        url_name="reviews:my_progress",
    ),
    NavEntry(
        "reviews",
        "Reviews to do",
        "Review your team's recordings and write coached feedback.",
        (Role.TREATMENT_MANAGER,),
        url_name="reviews:queue",
    ),
    NavEntry(
        "calibration",
        "Calibration",
        "Rate shared sessions blind with other managers and see where you differ.",
        (Role.TREATMENT_MANAGER, Role.ADMINISTRATOR),
        url_name="calibration:index",
    ),
    NavEntry(
        "publish",
        "Publish",
        "Edit and publish the compendium, training modules and bulletins.",
        (Role.OEP_EDITOR, Role.ADMINISTRATOR),
        url_name="wagtailadmin_home",
    ),
]


def _resolve(entry: NavEntry) -> str | None:
    if entry.url_name:
        try:
            return reverse(entry.url_name)
        except NoReverseMatch:
            return None
    app_label, model_name = entry.page_model.split(".")
    page = (
        Page.objects.live()
        .filter(content_type__app_label=app_label, content_type__model=model_name.lower())
        .first()
    )
    return page.url if page else None


def _allowed(entry: NavEntry, user) -> bool:
    if entry.roles is ANYONE:
        return True
    return user.is_authenticated and any(user.has_role(role) for role in entry.roles)


def navigation_for(user) -> list[NavItem]:
    items = []
    for entry in ENTRIES:
        if not _allowed(entry, user):
            continue
        url = _resolve(entry)
        if url:
            items.append(NavItem(entry.key, entry.label, url, entry.description))
    return items
