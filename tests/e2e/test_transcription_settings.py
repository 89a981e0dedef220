"""An administrator gives Whisper the words of the trade: from the dashboard to the setting,
edited and turned on in the browser, and read by the worker."""

import re

import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from recordings import processing
from speech.vocabulary import prompt_for
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import DESKTOP
from tests.e2e.site_pages import browser_context, make_what_wagtail_makes_on_first_read

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_administrator_turns_on_the_words_of_the_trade_from_the_dashboard(browser, live_server):
    # a member of the Administrator group, not a superuser: the group's grant is what lets in
    admin = UserFactory(username="adele", role=Role.ADMINISTRATOR)
    make_what_wagtail_makes_on_first_read([admin])
    context = browser_context(browser, live_server, admin, DESKTOP)
    page = context.new_page()
    page.goto(f"{live_server.url}/")

    page.get_by_role("link", name="Words of the trade for transcription").click()
    terms = page.get_by_role("textbox", name="Words of the trade")
    expect(terms).to_have_value(re.compile("OASys"))
    page.get_by_role("checkbox", name="Tell Whisper the words of the trade").check()
    terms.fill("OASys\nMAPPA\nPathfinder")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("updated")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Tell Whisper the words of the trade")).to_be_checked()
    prompt = processing.transcription_options().initial_prompt
    assert prompt == prompt_for(["OASys", "MAPPA", "Pathfinder"])
    context.close()
