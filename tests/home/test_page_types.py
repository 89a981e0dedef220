"""The home page type: where it may live, that there is only one, and that it renders."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from tests.home.factories import HomePageFactory


class HomePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory()

    def test_home_page_type_may_live_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)

    def test_a_second_home_page_cannot_be_created(self):
        # The data migration made the one home page the site needs.
        self.assertEqual(HomePage.objects.count(), 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_home_page_renders(self):
        self.assertPageIsRenderable(self.home)
