"""What the review and feedback pages give their player (static/js/player.js): each line's end
and word timings, the stored waveform or whether the browser may decode the audio for one, and
the one nonce that lets wavesurfer.js style its waveform under the strict policy."""

import json
import re

import pytest
from django.urls import reverse

from recordings.models import TranscriptSegment

from .conftest import post_review, scored_recording

pytestmark = pytest.mark.django_db

WORDS = [
    {"start": 0.0, "end": 0.4, "text": " Before", "probability": 0.9},
    {"start": 0.4, "end": 0.61234, "text": " we", "probability": 0.8},
]


def player_data(html):
    found = re.search(r'<script id="player-data" type="application/json">(.*?)</script>', html)
    assert found, "the player's facts are on the page as JSON, not as script"
    return json.loads(found.group(1))


def review_page(client, people, recording):
    client.force_login(people["manager"])
    return client.get(reverse("reviews:review", args=[recording.pk]))


def test_the_player_knows_each_lines_end_and_its_timed_words(client, people, recording):
    TranscriptSegment.objects.filter(recording=recording, index=0).update(words=WORDS)
    html = review_page(client, people, recording).content.decode()
    data = player_data(html)
    assert data["lines"]["1"] == [5.0, 9.0], "play this moment stops at the end of its line"
    assert len(data["lines"]) == recording.segments.count()
    assert 'data-words="[[0.0,0.4,&quot;Before&quot;],[0.4,0.61,&quot;we&quot;]]"' in html
    assert 'data-seek="5.0" data-end="9.0" data-line="1"' in html
    assert 'id="transcript-search"' in html, "search beside the transcript"


def test_a_stored_waveform_is_drawn_as_it_is_and_never_decoded(client, people, recording):
    recording.waveform_peaks = [0.1, 1.0, 0.5]
    recording.save()
    data = player_data(review_page(client, people, recording).content.decode())
    assert data["peaks"] == [[0.1, 1.0, 0.5]]
    assert data["decodeWaveform"] is False


@pytest.mark.parametrize(("seconds", "decoded"), [(30.0, True), (3600.0, False)])
def test_without_a_stored_waveform_only_a_short_file_is_decoded_in_the_browser(
    client, people, seconds, decoded
):
    recording = scored_recording(people["practitioner"], duration=seconds)
    data = player_data(review_page(client, people, recording).content.decode())
    assert data["peaks"] is None
    assert data["decodeWaveform"] is decoded
    assert data["duration"] == seconds


def nonces(response):
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return directives, re.findall(r"'nonce-([^']+)'", directives["style-src"])


def test_the_player_pages_allow_wavesurfers_styles_by_nonce_and_nothing_inline(
    client, people, recording
):
    response = review_page(client, people, recording)
    directives, found = nonces(response)
    assert len(found) == 1
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "nonce" not in directives["script-src"]
    html = response.content.decode()
    assert f'<script src="/static/js/player.js" nonce="{found[0]}" defer>' in html
    assert html.index("wavesurfer/wavesurfer.min.js") < html.index("wavesurfer/regions.min.js")
    assert html.index("wavesurfer/regions.min.js") < html.index("js/player.js")

    post_review(client, recording, action="share")
    client.force_login(people["practitioner"])
    response = client.get(reverse("reviews:feedback", args=[recording.pk]))
    _, found = nonces(response)
    assert len(found) == 1
    assert f'nonce="{found[0]}"' in response.content.decode()

    # Pages without the player keep the plain policy.
    response = client.get(reverse("recordings:list"))
    assert response.status_code == 200
    assert "nonce" not in response.headers["Content-Security-Policy"]
