"""Each compendium page type: an editor can create it where it belongs, and it renders."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from compendium.models import BulletinIndexPage, BulletinPage, CompendiumIndexPage, EvidencePage
from compendium.models.evidence import EvidenceKind
from home.models import HomePage
from tests.compendium.factories import (
    BulletinIndexPageFactory,
    BulletinPageFactory,
    CompendiumIndexPageFactory,
    EvidencePageFactory,
)
from tests.home.factories import HomePageFactory


class CompendiumPageCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory()

    def setUp(self):
        # Not self.login(): the sign-in throttle (django-axes) needs the request that
        # client.login() does not pass to authenticate.
        self.client.force_login(self.create_test_user())

    def test_compendium_index_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, CompendiumIndexPage)
        self.assertCanCreate(
            self.home,
            CompendiumIndexPage,
            nested_form_data({"title": "Compendium", "slug": "compendium", "source_statement": ""}),
        )

    def test_evidence_page_can_be_created_under_the_compendium_index(self):
        index = CompendiumIndexPageFactory()
        self.assertCanCreateAt(CompendiumIndexPage, EvidencePage)
        self.assertCanNotCreateAt(HomePage, EvidencePage)
        self.assertCanCreate(
            index,
            EvidencePage,
            nested_form_data(
                {
                    "title": "Engaging offenders in change",
                    "slug": "entry-12",
                    "number": 12,
                    "kind": EvidenceKind.values[0],
                    "authors": "A. Author",
                    "summary": "What the study found.",
                    "themes": "",
                    "body": streamfield([]),
                    "references": streamfield([]),
                }
            ),
        )

    def test_bulletin_index_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, BulletinIndexPage)
        self.assertCanCreate(
            self.home,
            BulletinIndexPage,
            nested_form_data({"title": "Bulletins", "slug": "bulletins"}),
        )

    def test_bulletin_can_be_created_under_the_bulletin_index(self):
        index = BulletinIndexPageFactory()
        self.assertCanCreateAt(BulletinIndexPage, BulletinPage)
        self.assertCanNotCreateAt(HomePage, BulletinPage)
        self.assertCanCreate(
            index,
            BulletinPage,
            nested_form_data(
                {
                    "title": "Spring bulletin",
                    "slug": "spring-bulletin",
                    "date": "2026-03-01",
                    "authors": "A. Author",
                    "summary": "",
                    "body": streamfield([]),
                    "themes": "",
                    "documents": inline_formset([]),
                    "source": "",
                    "licence": "",
                }
            ),
        )


class CompendiumPageRenderingTests(WagtailPageTestCase):
    def test_compendium_index_renders(self):
        self.assertPageIsRenderable(CompendiumIndexPageFactory())

    def test_evidence_page_renders(self):
        self.assertPageIsRenderable(EvidencePageFactory())

    def test_bulletin_index_renders(self):
        self.assertPageIsRenderable(BulletinIndexPageFactory())

    def test_bulletin_renders(self):
        self.assertPageIsRenderable(BulletinPageFactory())
