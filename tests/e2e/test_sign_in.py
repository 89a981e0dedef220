import pytest
from playwright.sync_api import expect

from tests.accounts.factories import EditorFactory

from .conftest import WIDTHS, assert_no_sideways_scroll, main_navigation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_editor_signs_in_and_reaches_publishing_from_the_header(page, live_server, sign_in):
    editor = EditorFactory(username="edna")
    page.goto(f"{live_server.url}/accounts/login/")
    assert_no_sideways_scroll(page)
    sign_in(page, editor)
    assert_no_sideways_scroll(page)
    main_navigation(page).get_by_role("link", name="Publish").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link_is_the_first_thing_a_keyboard_reaches(page, live_server):
    page.goto(live_server.url)
    assert_no_sideways_scroll(page)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
