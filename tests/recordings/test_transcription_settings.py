"""The words of the trade Whisper is told before it listens: a setting administrators edit in
the Wagtail admin (Settings > Transcription), off by default, read by the worker."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from accounts.roles import Role
from recordings import processing
from recordings.models import Recording, TranscriptionSettings
from speech.vocabulary import PROBATION_TERMS, SPOKEN_STYLE, prompt_for, terms_in
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _edit_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["recordings", "transcriptionsettings", site.pk])


def test_whisper_is_told_no_terms_until_an_administrator_turns_the_list_on():
    # only the way people talk (speech.vocabulary.SPOKEN_STYLE), given with the list or without
    assert processing.transcription_options().initial_prompt == SPOKEN_STYLE
    assert terms_in(TranscriptionSettings.current().vocabulary) == list(PROBATION_TERMS)


def test_an_administrator_edits_the_list_and_the_worker_tells_whisper_those_terms(client):
    # Not only superusers: a member of the Administrator group.
    admin = UserFactory(username="adele", role=Role.ADMINISTRATOR)
    assert not admin.is_superuser
    client.force_login(admin)
    form = client.get(_edit_url())
    assert form.status_code == 200 and 'name="vocabulary"' in form.content.decode()

    response = client.post(
        _edit_url(), {"use_vocabulary": "on", "vocabulary": "Pathfinder\nOASys\n\npathfinder, HDC"}
    )

    assert response.status_code == 302
    prompt = processing.transcription_options().initial_prompt
    assert prompt == prompt_for(["Pathfinder", "OASys", "HDC"])
    assert "MAPPA" not in prompt, "a term taken off the list is no longer given"


def test_a_list_longer_than_whisper_reads_is_refused_with_what_to_do(client, people):
    client.force_login(people["admin"])
    # 60 acronyms: few words, but more tokens than Whisper reads of a prompt
    too_long = "\n".join(f"HMPPS{k} ROTL{k}" for k in range(30))

    response = client.post(_edit_url(), {"use_vocabulary": "on", "vocabulary": too_long})

    assert response.status_code == 200
    assert "the first terms would be dropped" in response.content.decode()
    assert not TranscriptionSettings.current().use_vocabulary


def test_turning_on_an_empty_list_is_refused(client, people):
    client.force_login(people["admin"])

    response = client.post(_edit_url(), {"use_vocabulary": "on", "vocabulary": " \n "})

    assert response.status_code == 200
    assert "Add at least one term" in response.content.decode()
    assert not TranscriptionSettings.current().use_vocabulary, "nothing was saved"


@pytest.mark.parametrize("role", ["practitioner", "manager", "editor"])
def test_only_administrators_reach_the_setting(client, people, role):
    client.force_login(people[role])

    response = client.get(_edit_url(), follow=True)

    # Wagtail sends them elsewhere (the admin's login or its dashboard), never to the form
    assert response.redirect_chain and response.status_code == 200
    assert 'name="vocabulary"' not in response.content.decode()


def test_a_model_that_cannot_be_read_is_said_on_the_form_not_a_server_error(
    client, people, settings, tmp_path
):
    settings.WHISPER_MODEL = str(tmp_path / "no-model-here")
    client.force_login(people["admin"])

    response = client.post(_edit_url(), {"use_vocabulary": "on", "vocabulary": "OASys"})

    assert response.status_code == 200
    assert "cannot be read to count the list" in response.content.decode()
    assert not TranscriptionSettings.current().use_vocabulary


def test_a_list_that_is_off_is_saved_whatever_its_length(client, people, settings, tmp_path):
    # Whisper never reads a list that is off: neither its length nor the model is checked, so
    # an administrator can always turn an over-long list (or one saved before the line of talk
    # was given with it) off
    settings.WHISPER_MODEL = str(tmp_path / "no-model-here")
    client.force_login(people["admin"])
    too_long = "\n".join(f"HMPPS{k} ROTL{k}" for k in range(30))

    response = client.post(_edit_url(), {"vocabulary": too_long})

    assert response.status_code == 302
    saved = TranscriptionSettings.current()
    assert not saved.use_vocabulary and "ROTL29" in saved.vocabulary
    assert processing.transcription_options().initial_prompt == SPOKEN_STYLE


def test_a_transcription_is_resumed_with_the_window_it_began_with(settings):
    settings.WHISPER_WINDOW_SECONDS = 600.0
    begun = Recording(transcription_window_seconds=180.0)
    assert processing.transcription_options(begun).window_seconds == 180.0
    assert processing.transcription_options(Recording()).window_seconds == 600.0
    assert processing.transcription_options().window_seconds == 600.0


def test_a_transcription_begun_with_no_prompt_is_resumed_with_none():
    # Before the line of talk was always given, a list that was off was kept as "" (told
    # nothing); the rest of such a recording is decoded as its first part was
    begun_before = Recording(transcription_prompt="")
    assert processing.transcription_options(begun_before).initial_prompt is None
    not_begun = Recording(transcription_prompt=None)
    assert processing.transcription_options(not_begun).initial_prompt == SPOKEN_STYLE
