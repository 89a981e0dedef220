"""Calibration between managers: consent asked and given in the app, a pseudonymised text copy
checked before sharing, blind rating, and the report with its permissions."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from calibration import calibrating
from calibration.models import CalibrationConsent, CalibrationExercise, ConsentStatus
from calibration.report import build_report
from checklist.enums import Skill
from recordings.enums import ErasureReason
from recordings.erasure import erase_transcript
from tests.accounts.factories import ManagerFactory
from tests.roles import sign_in

from .conftest import NAMES
from .factories import (
    CalibrationConsentFactory,
    CalibrationExerciseFactory,
    CalibrationRatingFactory,
)

pytestmark = pytest.mark.django_db


def words_of(html):
    return set(re.findall(r"[a-z']+", html.lower()))


def setup_data(recording, participants, title="Calibration one"):
    return {
        "title": title,
        "recording": recording.pk,
        "participants": [person.pk for person in participants],
    }


def rating_data(**skills):
    data = {f"skill_{code}": "satisfactory" for code in Skill.values}
    data.update({f"skill_{code}": value for code, value in skills.items()})
    return data


# ---------------------------------------------------------------- consent


def test_the_owner_is_asked_in_the_app_and_agrees(client, cast, session):
    client.force_login(cast["admin"])
    client.post(reverse("calibration:ask"), {"recording": session.pk})
    assert CalibrationConsent.objects.get(recording=session).status == ConsentStatus.ASKED

    client.force_login(cast["practitioner"])
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Answer the calibration request" in page
    url = reverse("calibration:consent", args=[session.pk])
    assert "text copy" in client.get(url).content.decode()
    client.post(url, {"answer": "given"})
    assert CalibrationConsent.objects.get(recording=session).given


def test_an_unanswered_consent_question_says_what_to_do_and_changes_nothing(client, cast, session):
    CalibrationConsentFactory(recording=session, status=ConsentStatus.ASKED)
    client.force_login(cast["practitioner"])
    # no answer chosen: the form's only field is missing, so the POST carries nothing at all
    response = client.post(reverse("calibration:consent", args=[session.pk]), {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert page.count("Select yes if managers may rate a copy, or no if not.") == 2
    assert CalibrationConsent.objects.get(recording=session).status == ConsentStatus.ASKED


def test_a_rating_posted_with_nothing_chosen_shows_every_missing_rating(client, cast):
    exercise = CalibrationExerciseFactory(
        open=True, participants=[cast["manager"], cast["other_manager"]]
    )
    client.force_login(cast["manager"])
    page = client.post(reverse("calibration:exercise", args=[exercise.pk]), {}).content.decode()
    assert "There is a problem" in page
    assert "Give an overall rating for Structuring." in page
    assert not exercise.ratings.exists()


@pytest.mark.parametrize("role", ["manager", "admin", "colleague"])
def test_nobody_but_the_owner_answers_for_a_recording(client, cast, session, role):
    CalibrationConsentFactory(recording=session, status=ConsentStatus.ASKED)
    sign_in(client, cast, role)
    response = client.post(reverse("calibration:consent", args=[session.pk]), {"answer": "given"})
    assert response.status_code in (403, 404)
    assert CalibrationConsent.objects.get(recording=session).status == ConsentStatus.ASKED


@pytest.mark.parametrize("status", [None, ConsentStatus.ASKED, ConsentStatus.DECLINED])
def test_a_recording_without_consent_cannot_be_chosen(client, cast, session, status):
    if status:
        CalibrationConsentFactory(recording=session, status=status)
    client.force_login(cast["admin"])
    form_page = client.get(reverse("calibration:new")).content.decode()
    assert f"({session.pk})</option>" not in form_page
    response = client.post(
        reverse("calibration:new"), setup_data(session, [cast["manager"], cast["other_manager"]])
    )
    assert "Only a recording whose owner agreed to calibration can be chosen." in (
        response.content.decode()
    )
    assert not CalibrationExercise.objects.exists()
    with pytest.raises(calibrating.NoConsent):
        calibrating.create_exercise(session, cast["admin"], title="x", participants=[])


def test_withdrawing_consent_deletes_the_copy_and_its_ratings(client, cast, session):
    exercise = CalibrationExerciseFactory(recording=CalibrationConsentFactory(recording=session)
                                          .recording, open=True)  # fmt: skip
    CalibrationRatingFactory(exercise=exercise)
    client.force_login(cast["practitioner"])
    client.post(reverse("calibration:consent", args=[session.pk]), {"answer": "declined"})
    assert not CalibrationExercise.objects.exists()


def test_an_exercise_whose_consent_was_withdrawn_cannot_be_shared(client, cast, session):
    consent = CalibrationConsentFactory(recording=session)
    exercise = CalibrationExerciseFactory(recording=session)
    CalibrationConsent.objects.filter(pk=consent.pk).update(status=ConsentStatus.DECLINED)
    client.force_login(cast["admin"])
    client.post(reverse("calibration:check", args=[exercise.pk]), {"action": "open"})
    exercise.refresh_from_db()
    assert exercise.status == "checking"


# ---------------------------------------------------------------- the pseudonymised copy


def test_the_lead_sets_up_checks_and_shares_a_copy_without_any_name(client, cast, session):
    CalibrationConsentFactory(recording=session)
    raters = [cast["manager"], cast["other_manager"]]
    client.force_login(cast["admin"])
    response = client.post(reverse("calibration:new"), setup_data(session, raters))
    exercise = CalibrationExercise.objects.get()
    assert response["Location"] == reverse("calibration:check", args=[exercise.pk])

    check = client.get(response["Location"]).content.decode()
    assert "kwabena" in check, "the person checking sees what was replaced"
    copy = " ".join(line["text"] for line in exercise.lines)
    assert not words_of(copy) & set(NAMES)
    assert "[phone number]" in copy and "[date of birth]" in copy
    assert not re.search(r"seven seven|nineteen eighty", copy)
    # The same person is the same label wherever they are mentioned.
    kwabena = re.search(r"my mate (Person [A-Z]+)", copy).group(1)
    assert f"yes and {kwabena} is coming" in copy

    client.post(reverse("calibration:check", args=[exercise.pk]), {"action": "open"})
    exercise.refresh_from_db()
    assert exercise.status == "open" and exercise.checked_by == cast["admin"]

    client.force_login(cast["other_manager"])
    page = client.get(reverse("calibration:exercise", args=[exercise.pk])).content.decode()
    assert "Person" in page and "what might get in the way" in page
    assert not words_of(page) & set(NAMES) - {"pat"}, "no name reaches the participant"
    assert "Okafor" not in page and "Patricia" not in page
    assert "<audio" not in page and f"/recordings/{session.pk}/" not in page


def test_the_person_checking_can_have_more_words_replaced(client, cast, session):
    exercise = CalibrationExerciseFactory(recording=CalibrationConsentFactory(recording=session)
                                          .recording)  # fmt: skip
    client.force_login(cast["admin"])
    client.post(
        reverse("calibration:check", args=[exercise.pk]),
        {"action": "recheck", "extra_terms": "monday, job"},
    )
    exercise.refresh_from_db()
    copy = " ".join(line["text"] for line in exercise.lines)
    assert "monday" not in copy and " job " not in copy


def test_participants_do_not_see_an_exercise_before_it_is_checked(client, cast):
    exercise = CalibrationExerciseFactory(participants=[cast["manager"], cast["other_manager"]])
    client.force_login(cast["manager"])
    assert client.get(reverse("calibration:exercise", args=[exercise.pk])).status_code == 404


# ---------------------------------------------------------------- rating blind


def test_a_participant_cannot_see_others_ratings_before_submitting(client, cast):
    exercise = CalibrationExerciseFactory(
        open=True, participants=[cast["manager"], cast["other_manager"]]
    )
    CalibrationRatingFactory(exercise=exercise, rater=cast["other_manager"])
    client.force_login(cast["manager"])
    page = client.get(reverse("calibration:exercise", args=[exercise.pk])).content.decode()
    assert "Haddad" not in page and "Omar" not in page
    assert "Satisfactory 1" not in page
    assert client.get(reverse("calibration:report", args=[exercise.pk])).status_code == 403

    response = client.post(
        reverse("calibration:exercise", args=[exercise.pk]),
        rating_data(structuring="needs_improvement"),
    )
    assert response["Location"] == reverse("calibration:report", args=[exercise.pk])
    report = client.get(response["Location"]).content.decode()
    assert "Where you differ from the group" in report
    assert "Omar" not in report, "a participant sees the group, not who said what"
    # Submitted ratings are final.
    again = client.post(reverse("calibration:exercise", args=[exercise.pk]), rating_data())
    assert again.status_code == 403


def test_every_skill_needs_an_overall_rating(client, cast):
    exercise = CalibrationExerciseFactory(
        open=True, participants=[cast["manager"], cast["other_manager"]]
    )
    client.force_login(cast["manager"])
    response = client.post(
        reverse("calibration:exercise", args=[exercise.pk]), rating_data(structuring="")
    )
    assert "Give an overall rating for Structuring." in response.content.decode()
    assert not exercise.ratings.exists()


# ---------------------------------------------------------------- the report


def test_the_report_gives_agreement_per_item_against_the_group_and_the_machine(cast):
    third = ManagerFactory()
    exercise = CalibrationExerciseFactory(
        open=True, participants=[cast["manager"], cast["other_manager"], third]
    )
    item = next(code for code, proposal in exercise.machine.items() if proposal)
    machine = exercise.machine[item]
    other = "missed_opportunity" if machine != "missed_opportunity" else "satisfactory"
    for rater, rating in [(cast["manager"], machine), (cast["other_manager"], machine),
                          (third, other)]:  # fmt: skip
        CalibrationRatingFactory(exercise=exercise, rater=rater, items={item: rating})
    report = build_report(exercise)
    row = next(row for row in report.rows if row.code == item)
    assert row.group == machine
    assert row.agreement == pytest.approx(1 / 3)
    assert row.machine_agreement == pytest.approx(2 / 3)
    assert [r.code for r in report.differences(third.pk)] == [item]
    assert report.differences(cast["manager"].pk) == []
    assert {r.pk: n for r, n in report.per_rater}[third.pk] == 1


def test_with_two_raters_each_differs_from_the_other_where_they_disagree(cast):
    exercise = CalibrationExerciseFactory(
        open=True, participants=[cast["manager"], cast["other_manager"]]
    )
    CalibrationRatingFactory(exercise=exercise, rater=cast["manager"])
    CalibrationRatingFactory(
        exercise=exercise,
        rater=cast["other_manager"],
        skills={**dict.fromkeys(Skill.values, "satisfactory"), "structuring": "needs_improvement"},
    )
    report = build_report(exercise)
    for rater in (cast["manager"], cast["other_manager"]):
        assert [row.code for row in report.differences(rater.pk)] == ["structuring"]
    structuring = next(row for row in report.rows if row.code == "structuring")
    assert structuring.group is None and structuring.agreement == 0
    # Four skills, two raters, one disagreement: kappa from Fleiss' formula by hand.
    # P-bar 3/4, chance agreement (7/8)^2 + (1/8)^2: slightly worse than chance.
    assert report.kappa == pytest.approx((0.75 - 0.78125) / (1 - 0.78125))


ROLES_AND_REPORT_STATUS = {
    "admin": 200,  # the lead
    "manager": 200,  # a participant who submitted
    "other_manager": 403,  # a participant who has not
    "practitioner": 404,  # the owner
    "colleague": 404,
    "editor": 404,
    "other_practitioner": 404,
}


@pytest.mark.parametrize(("role", "status"), ROLES_AND_REPORT_STATUS.items())
def test_who_may_read_the_report(client, cast, role, status):
    exercise = CalibrationExerciseFactory(
        open=True,
        created_by=cast["admin"],
        participants=[cast["manager"], cast["other_manager"]],
    )
    CalibrationRatingFactory(exercise=exercise, rater=cast["manager"])
    sign_in(client, cast, role)
    assert client.get(reverse("calibration:report", args=[exercise.pk])).status_code == status


def test_a_visitor_is_sent_to_sign_in_for_the_report(client):
    exercise = CalibrationExerciseFactory(open=True)
    response = client.get(reverse("calibration:report", args=[exercise.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_lead_sees_each_manager_against_the_group(client, cast):
    exercise = CalibrationExerciseFactory(
        open=True, participants=[cast["manager"], cast["other_manager"]]
    )
    CalibrationRatingFactory(exercise=exercise, rater=cast["manager"])
    CalibrationRatingFactory(exercise=exercise, rater=cast["other_manager"])
    client.force_login(cast["admin"])
    page = client.get(reverse("calibration:report", args=[exercise.pk])).content.decode()
    assert "Each manager against the group" in page
    assert "Melanie Stone" in page and "Omar Haddad" in page
    assert "Fleiss' kappa" in page or "Not measurable yet" in page


def test_a_senior_manager_with_the_permission_leads_on_recordings_they_may_see(
    client, cast, session
):
    CalibrationConsentFactory(recording=session)
    other_team_lead = cast["other_manager"]
    lead = cast["manager"]
    permission = Permission.objects.get(codename="run_calibration")
    for person in (lead, other_team_lead):
        person.user_permissions.add(permission)
    client.force_login(other_team_lead)
    assert f"({session.pk})</option>" not in client.get(reverse("calibration:new")).content.decode()
    client.force_login(lead)
    assert f"({session.pk})</option>" in client.get(reverse("calibration:new")).content.decode()


def test_a_manager_without_the_permission_cannot_set_up(client, cast):
    client.force_login(cast["manager"])
    assert client.get(reverse("calibration:new")).status_code == 404
    assert client.get(reverse("calibration:index")).status_code == 200


def test_administrators_can_give_the_lead_permission_to_a_group(client, cast):
    client.force_login(cast["admin"])
    page = client.get(reverse("wagtailusers_groups:add")).content.decode()
    permission = Permission.objects.get(codename="run_calibration")
    assert f'value="{permission.pk}"' in page
    assert "Can set up calibration exercises" in page


def test_once_closed_no_more_ratings_are_taken(client, cast):
    exercise = CalibrationExerciseFactory(
        open=True, participants=[cast["manager"], cast["other_manager"]]
    )
    client.force_login(cast["manager"])
    assert client.post(reverse("calibration:close", args=[exercise.pk])).status_code == 404
    client.force_login(cast["admin"])
    client.post(reverse("calibration:close", args=[exercise.pk]))
    exercise.refresh_from_db()
    assert exercise.status == "closed"
    client.force_login(cast["manager"])
    page = client.get(reverse("calibration:exercise", args=[exercise.pk])).content.decode()
    assert "This exercise is closed." in page
    response = client.post(reverse("calibration:exercise", args=[exercise.pk]), rating_data())
    assert response.status_code == 403 and not exercise.ratings.exists()


def test_erasing_the_transcript_deletes_the_calibration_copy(cast, session):
    exercise = CalibrationExerciseFactory(
        recording=CalibrationConsentFactory(recording=session).recording, open=True
    )
    CalibrationRatingFactory(exercise=exercise)
    erase_transcript(session, ErasureReason.RETENTION)
    assert not CalibrationExercise.objects.exists()
