"""What each role can do, as the header navigation and the home page's list of tasks."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from accounts.roles import Role
from core.content_cache import remember

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
        "publish",
        "Publish",
        "Edit and publish the compendium, training modules and bulletins.",
        (Role.OEP_EDITOR, Role.ADMINISTRATOR),
        url_name="wagtailadmin_home",
    ),
]


def _page_urls() -> dict[str, str]:
    """The URL of the first live page of each page type the entries name, in one query."""
    types = {
        ContentType.objects.get_for_model(apps.get_model(entry.page_model)).pk: entry.page_model
        for entry in ENTRIES
        if entry.page_model
    }
    urls = {}
    for page in Page.objects.live().filter(content_type__in=types).order_by("path"):
        urls.setdefault(types[page.content_type_id], page.url)
    return urls


def _resolve(entry: NavEntry, page_urls: dict[str, str]) -> str | None:
    if entry.url_name:
        try:
            return reverse(entry.url_name)
        except NoReverseMatch:
            return None
    return page_urls.get(entry.page_model)


def _allowed(entry: NavEntry, user) -> bool:
    if entry.roles is ANYONE:
        return True
    return user.is_authenticated and any(user.has_role(role) for role in entry.roles)


def navigation_for(user) -> list[NavItem]:
    items = []
    # Kept until content changes: the header is on every page.
    page_urls = remember("navigation", _page_urls)
    for entry in ENTRIES:
        if not _allowed(entry, user):
            continue
        url = _resolve(entry, page_urls)
        if url:
            items.append(NavItem(entry.key, entry.label, url, entry.description))
    return items
