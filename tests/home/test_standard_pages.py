"""Standard pages: the privacy notice and the accessibility statement are real, editable site
pages at fixed addresses, made by a data migration with starting text."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import HomePage, StandardPage
from tests.home.factories import HomePageFactory, StandardPageFactory


class StandardPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory()
        cls.page = StandardPageFactory(parent=cls.home, title="About us", slug="about-us")

    def test_standard_pages_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, {})

    def setUp(self):
        # Not self.login(): the sign-in throttle (django-axes) needs the request that
        # client.login() does not pass to authenticate.
        self.client.force_login(self.create_test_user())

    def test_a_standard_page_can_be_created_under_the_home_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {"title": "Cookies", "slug": "cookies", "body": rich_text("<p>We use one.</p>")}
            ),
        )

    def test_standard_page_renders(self):
        self.assertPageIsRenderable(self.page)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "title", "sections"),
    [
        (
            "/privacy-notice/",
            "Privacy notice",
            ["What we hold", "Who can see it", "How long we keep it", "Your rights"],
        ),
        (
            "/accessibility-statement/",
            "Accessibility statement",
            [
                "How accessible this website is",
                "Feedback and contact information",
                "Enforcement procedure",
                "Compliance status",
                "Non-accessible content",
                "Preparation of this accessibility statement",
            ],
        ),
    ],
)
def test_the_migration_made_the_page_at_its_address(client, path, title, sections):
    response = client.get(path)
    assert response.status_code == 200
    text = response.content.decode()
    assert f">{title}</h1>" in text
    for section in sections:
        assert section in text
    assert StandardPage.objects.get(url_path=f"/home{path}").live
