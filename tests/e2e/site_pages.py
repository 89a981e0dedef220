"""The site with content on every kind of page, one user per role, for crawls in the browser
(the CSP and layout checks, the accessibility crawl): the main pages each role reaches."""

from django.test import Client
from django.urls import reverse

from calibration import calibrating
from compendium.models import Theme
from notifications.delivery import notify
from notifications.models import Event
from recordings.enums import RecordingStatus, Stage
from recordings.models import VoicePrint
from reviews import commenting, reviewing
from tests.accounts.factories import (
    AdministratorFactory,
    EditorFactory,
    ManagerFactory,
    PractitionerFactory,
    TeamFactory,
)
from tests.assignments.factories import AssignmentFactory
from tests.calibration.factories import (
    CalibrationConsentFactory,
    CalibrationExerciseFactory,
    CalibrationRatingFactory,
)
from tests.compendium.factories import BulletinPageFactory, EvidencePageFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory, SelfAssessmentFactory
from tests.training.factories import ReflectiveLogEntryFactory
from tests.training.helpers import FIXTURE_CONTENT, create_evidence_entry, quiz_answers, route
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
    add_every_kind_of_page(team, practitioner, manager, admin, review)

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
    make_what_wagtail_makes_on_first_read([practitioner, manager, editor, admin])
    return {
        "anonymous": (None, PUBLIC + content),
        "practitioner": (practitioner, PUBLIC + content + own),
        "manager": (manager, PUBLIC + managing),
        "editor": (editor, PUBLIC + content + ["/accounts/profile/"]),
        "admin": (admin, PUBLIC + managing),
    }


def add_every_kind_of_page(team, practitioner, manager, admin, review):
    """Content that makes each kind of page exist (and be linked to) for a crawl: recordings in
    every state, a conversation on shared feedback, a self-assessment, assignments, calibration,
    notifications, quiz results, a certificate, a voice print and themed compendium pages."""
    for state in ("queued", "failed"):
        RecordingFactory(owner=practitioner, client_pseudonym=f"Client {state}", **{state: True})
    RecordingFactory(
        owner=practitioner,
        client_pseudonym="Client transcribing",
        status=RecordingStatus.TRANSCRIBING,
        stage=Stage.TRANSCRIBE,
    )
    # Ready: assessed by the practitioner (who may still correct it), a draft review by the
    # manager.
    assessed = RecordingFactory(owner=practitioner, client_pseudonym="Client assessed", scored=True)
    SelfAssessmentFactory(recording=assessed)
    ReviewFactory(recording=assessed, reviewer=manager)

    response = reviewing.respond(review, practitioner, "Thank you: I will try the summary.")
    commenting.reply(review, manager, "Good: tell me how it goes.", response=response)
    comment = commenting.add_comment(review, manager, text="A warm start.", at=0.0, line=0)
    commenting.reply(review, practitioner, "Thanks, it felt natural.", comment=comment)
    notify([manager], Event.RECORDING_READY, assessed)

    lessons = list(LessonPage.objects.live().order_by("path"))
    AssignmentFactory(
        practitioner=practitioner, assigned_by=manager, lesson=lessons[0], practice=True
    )
    AssignmentFactory(
        practitioner=practitioner, assigned_by=manager, lesson=lessons[1], overdue=True
    )
    ReflectiveLogEntryFactory(user=practitioner, lesson=lessons[0], shared=True)
    # Quiz results: a failed attempt on one lesson, and a pass completing a one-lesson module
    # (which issues its certificate), answered as the lesson's form answers them.
    learner = Client()
    learner.force_login(practitioner)
    learner.post(route(lessons[0], "answer_quiz"), quiz_answers(lessons[0], right=False))
    learner.post(route(lessons[-1], "answer_quiz"), quiz_answers(lessons[-1], right=True))
    VoicePrint.objects.create(
        owner=practitioner,
        embedding=[0.0] * 38,
        consent_statement="I agree to my voice print being kept.",
        consent_version="1",
        sample_seconds=25.0,
    )

    # Calibration: the owner asked about one recording; an open exercise on another, rated by
    # one participant and waiting for the manager.
    calibrating.ask_consent(assessed, admin)
    consented = CalibrationConsentFactory(recording=review.recording, asked_by=admin)
    exercise = CalibrationExerciseFactory(
        recording=consented.recording,
        created_by=admin,
        participants=[manager, ManagerFactory(teams=[team])],
        open=True,
    )
    CalibrationRatingFactory(
        exercise=exercise, rater=exercise.participants.exclude(pk=manager.pk)[0]
    )
    # And one the lead is still checking before sharing it.
    CalibrationExerciseFactory(
        recording=consented.recording, created_by=admin, participants=[manager]
    )

    women = Theme.objects.create(name="women", slug="women")
    for page in (BulletinPageFactory(title="Women on probation"), EvidencePageFactory(number=14)):
        page.themes.add(women)
        page.save_revision().publish()


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


def make_what_wagtail_makes_on_first_read(users):
    """Wagtail stores each setting's defaults, and each user's admin profile, the first time
    it reads them: made before any browser asks, so that two requests at once (a page and its
    favicon) never race to create one on the live server's shared connection, and so that the
    crawl's check for writes on GET sees only real ones."""
    from django.apps import apps
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Site
    from wagtail.users.models import UserProfile

    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting):
            model.for_site(Site.objects.get(is_default_site=True))
        elif issubclass(model, BaseGenericSetting):
            model.load()
    for user in users:
        UserProfile.get_for_user(user)
