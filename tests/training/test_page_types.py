"""Each training page type: an editor can create it where it belongs, and it renders (modules
and lessons for a signed-in user only)."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from tests.accounts.factories import PractitionerFactory
from tests.home.factories import HomePageFactory
from tests.training.factories import (
    LessonPageFactory,
    ModulePageFactory,
    TrainingIndexPageFactory,
)
from training.models import Audience, LessonPage, ModulePage, ModuleTopic, TrainingIndexPage


class TrainingPageCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory()

    def setUp(self):
        # Not self.login(): the sign-in throttle (django-axes) needs the request that
        # client.login() does not pass to authenticate.
        self.client.force_login(self.create_test_user())

    def test_training_index_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, TrainingIndexPage)
        self.assertCanCreate(
            self.home,
            TrainingIndexPage,
            nested_form_data({"title": "Training", "slug": "training"}),
        )

    def test_module_can_be_created_under_the_training_index(self):
        index = TrainingIndexPageFactory()
        self.assertCanCreateAt(TrainingIndexPage, ModulePage)
        self.assertCanNotCreateAt(HomePage, ModulePage)
        self.assertCanCreate(
            index,
            ModulePage,
            nested_form_data(
                {
                    "title": "Structuring sessions",
                    "slug": "structuring-sessions",
                    "skill": ModuleTopic.values[0],
                    "audience": Audience.PRACTITIONER,
                    "estimated_minutes": 60,
                    "summary": "How a supervision session is structured.",
                    "learning_outcomes": "",
                }
            ),
        )

    def test_lesson_can_be_created_under_a_module(self):
        module = ModulePageFactory()
        self.assertCanCreateAt(ModulePage, LessonPage)
        self.assertCanNotCreateAt(TrainingIndexPage, LessonPage)
        self.assertCanCreate(
            module,
            LessonPage,
            nested_form_data(
                {
                    "title": "Check-in and review",
                    "slug": "check-in-and-review",
                    "summary": "Start each session by checking in.",
                    "checklist_items": "",
                    "practice_skill": "",
                    "body": streamfield([("text", rich_text("<p>Ask how the week went.</p>"))]),
                    "quiz_pass_mark": 80,
                    "quiz_draw": "",
                }
            ),
        )


class TrainingPageRenderingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.learner = PractitionerFactory()

    def test_training_index_renders(self):
        self.assertPageIsRenderable(TrainingIndexPageFactory(), user=self.learner)

    def test_module_renders_for_a_signed_in_user(self):
        self.assertPageIsRenderable(ModulePageFactory(), user=self.learner)

    def test_lesson_renders_for_a_signed_in_user(self):
        self.assertPageIsRenderable(LessonPageFactory(), user=self.learner)

    def test_module_sends_an_anonymous_visitor_to_sign_in(self):
        module = ModulePageFactory()
        response = self.client.get(module.url)
        self.assertRedirects(
            response, f"/accounts/login/?next={module.url}", fetch_redirect_response=False
        )
