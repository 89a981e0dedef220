"""The main pages of the site, with the content they need, for crawls in the browser (the CSP
and layout checks, the accessibility crawl): which pages each role reaches."""

from django.urls import reverse

from tests.accounts.factories import (
    AdministratorFactory,
    EditorFactory,
    ManagerFactory,
    PractitionerFactory,
    TeamFactory,
)
from tests.compendium.factories import BulletinPageFactory, EvidencePageFactory
from tests.reviews.factories import ReviewFactory
from tests.training.helpers import FIXTURE_CONTENT, create_evidence_entry
from training.loader import load_training
from training.models import LessonPage, ModulePage, TrainingIndexPage

PUBLIC = ["/", "/accounts/login/", "/feedback/"]


def build_site():
    """Content on every main page, one user per role, and the pages each of them reaches."""
    team = TeamFactory(name="North")
    practitioner = PractitionerFactory(username="priya", team=team)
    manager = ManagerFactory(username="mel", teams=[team])
    editor = EditorFactory(username="edna")
    admin = AdministratorFactory(username="ada")

    entry = create_evidence_entry()
    EvidencePageFactory(parent=entry.get_parent(), title="Women and engagement", number=13)
    bulletin = BulletinPageFactory(title="What works in supervision")
    load_training(FIXTURE_CONTENT)
    review = ReviewFactory(recording__owner=practitioner, reviewer=manager, shared=True)
    recording = review.recording

    content = [
        entry.get_parent().url,
        entry.url,
        entry.get_parent().url + "search/?q=engaging",
        bulletin.get_parent().url,
        bulletin.url,
        TrainingIndexPage.objects.get().url,
        ModulePage.objects.first().url,
        LessonPage.objects.first().url,
    ]
    own = [
        "/accounts/profile/",
        TrainingIndexPage.objects.get().url + "my-learning/",
        reverse("recordings:list"),
        reverse("recordings:upload"),
        reverse("recordings:voice"),
        recording.get_absolute_url(),
        reverse("reviews:feedback", args=[recording.pk]),
        reverse("reviews:my_progress"),
    ]
    managing = [
        "/accounts/profile/",
        reverse("reviews:queue"),
        reverse("reviews:review", args=[recording.pk]),
        reverse("reviews:team_progress"),
        reverse("reviews:progress", args=[practitioner.pk]),
        recording.get_absolute_url(),
    ]
    return {
        "anonymous": (None, PUBLIC + content),
        "practitioner": (practitioner, PUBLIC + content + own),
        "manager": (manager, PUBLIC + managing),
        "editor": (editor, PUBLIC + content + ["/accounts/profile/"]),
        "admin": (admin, PUBLIC + managing),
    }


def browser_context(browser, live_server, user, width):
    """A browser context `width` pixels wide, signed in as `user` (None: anonymous) through a
    session cookie, so a crawl does not pay for the sign-in form on every role."""
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(15_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
    return context
