"""The treatment manager's review page, the practitioner's feedback page, progress charts and
the CSV export of a practitioner's scores.

Recordings are fetched through recordings.permissions (via reviews.permissions), so every view
refuses exactly who the recording views refuse.
"""

import csv
from typing import NamedTuple

from csp.constants import NONCE
from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from accounts.teams import practitioners_managed_by, teams_managed_by
from core.content_cache import remember
from core.exports import spreadsheet_safe_rows
from recordings.enums import RecordingStatus, SpeakerRole
from recordings.models import Recording, ScoreCard
from recordings.permissions import get_recording_for, reviewable_recordings
from recordings.signals import AccessKind, record_access
from scoring.checklist import Checklist
from training import progress as training_progress
from training.models import TrainingIndexPage

from . import commenting, progress, reviewing, self_assessment
from .agreement import machine_proposal
from .enums import ChartRange, Rating
from .forms import CommentForm, ResponseForm, ReviewForm, SelfAssessmentForm, practised_skills
from .learning import learning_for
from .models import Review
from .permissions import feedback_for, practitioner_for, recording_to_review
from .refusals import conversation_errors

# ---------------------------------------------------------------- the review page

# The pages with the player: wavesurfer.js draws its waveform in a shadow root with a <style> of
# its own, which the strict policy allows only with this response's nonce (player.js hands the
# nonce of its own <script> tag to wavesurfer). Still no 'unsafe-inline', and only here.
player_page = csp_update({"style-src": [NONCE]})


def _scorecard_of(recording):
    card = ScoreCard.objects.latest_for(recording)
    if card is None:
        raise Http404("This recording has no scores yet.")
    return card


def _skill_sections(checklist, scorecard, form, review=None):
    """Per skill: the machine's summary, and per item its result, evidence and rating field."""
    sections = []
    for skill in checklist.skills:
        items = []
        for item in skill.items:
            result = scorecard.items.get(item.id, {})
            proposal = machine_proposal(result)
            items.append(
                {
                    "item": item,
                    "result": result,
                    "proposal": Rating(proposal).label if proposal else "",
                    "field": form[f"item_{item.id}"] if form else None,
                    "rating": review.item_rating(item.id) if review else None,
                }
            )
        sections.append(
            {
                "skill": skill,
                "summary": scorecard.skills.get(skill.code, {}),
                "items": items,
                "field": form[f"skill_{skill.code}"] if form else None,
                "rating": review.skill_rating(skill.code) if review else None,
                "rated": [entry for entry in items if entry["rating"]],
            }
        )
    return sections


def _metrics(scorecard):
    return [entry for entry in scorecard.metrics.values() if entry.get("id")]


def _wants_json(request):
    return request.headers.get("X-Requested-With") == "autosave"


class _ReviewParts(NamedTuple):
    """What the review page is built from, read once per request."""

    scorecard: ScoreCard
    checklist: Checklist
    segments: list
    current: Review  # the manager's working copy
    practised: set[str]

    @classmethod
    def of(cls, recording, user):
        scorecard = _scorecard_of(recording)
        checklist = scorecard.checklist_version.checklist()
        return cls(
            scorecard=scorecard,
            checklist=checklist,
            segments=list(recording.segments.all()),
            current=reviewing.working_copy(recording, user),
            practised=practised_skills(recording, checklist),
        )

    @property
    def form_kwargs(self):
        return {
            "checklist": self.checklist,
            "scorecard": self.scorecard,
            "segments": self.segments,
            "practised": self.practised,
        }


def _not_ready(request, recording):
    messages.info(request, "The recording can be reviewed once it is transcribed and scored.")
    return redirect(recording)


@login_required
@player_page
def review(request, pk):
    recording = recording_to_review(request.user, pk)
    if recording.status != RecordingStatus.READY:
        return _not_ready(request, recording)
    parts = _ReviewParts.of(recording, request.user)
    current = parts.current
    form = None

    if request.method == "POST":
        form = ReviewForm(request.POST, **parts.form_kwargs)
        action = request.POST.get("action", "save")
        if form.is_valid() and (action != "share" or form.check_shareable()):
            previous = reviewing.working_copy(recording, request.user)
            edited = form.apply_to(current)
            if action == "share":
                reviewing.share(edited, request.user, previous=previous)
                messages.success(request, "Your feedback is shared with the practitioner.")
                return redirect(reverse("reviews:review", args=[recording.pk]))
            reviewing.save_draft(
                edited, request.user, previous=previous, autosave=_wants_json(request)
            )
            if _wants_json(request):
                return JsonResponse({"saved_at": timezone.localtime().strftime("%H:%M:%S")})
            messages.success(
                request, "Draft saved. The practitioner cannot see it until you share it."
            )
            return redirect(reverse("reviews:review", args=[recording.pk]))
        if _wants_json(request):
            return JsonResponse({"errors": form.errors}, status=400)

    return _render_review(request, recording, parts, form)


def review_page(request, recording, *, comment_form=None, refused_reply=None):
    """The review page as it opens, with a comment or a reply the server refused kept as typed
    beside its error (`comment_form`: the bound CommentForm; `refused_reply`: a RefusedReply),
    so nothing typed is lost without JavaScript. The caller has checked who may review."""
    if recording.status != RecordingStatus.READY:
        return _not_ready(request, recording)
    return _render_review(
        request,
        recording,
        _ReviewParts.of(recording, request.user),
        None,
        comment_form=comment_form,
        refused_reply=refused_reply,
    )


def _render_review(request, recording, parts, form, *, comment_form=None, refused_reply=None):
    scorecard, checklist, segments, current = parts[:4]
    if form is None:
        form = ReviewForm(
            initial=ReviewForm.initial_for(current, parts.practised), **parts.form_kwargs
        )
    record_access(request.user, AccessKind.REVIEW_PAGE, [recording])
    shared = reviewing.shared_review(recording)
    assessment = self_assessment.of(recording)
    return render(
        request,
        "reviews/review.html",
        {
            "self_assessment": assessment,
            # Blind first: shown once the manager's own saved version rates every skill.
            "self_assessment_visible": assessment is not None
            and self_assessment.manager_has_rated(current),
            "self_comparison": (
                self_assessment.comparison(assessment, current) if assessment else None
            ),
            **_moments_of(assessment, {segment.index: segment for segment in segments}),
            "recording": recording,
            "segments": segments,
            "scorecard": scorecard,
            "sections": _skill_sections(checklist, scorecard, form),
            "metrics": _metrics(scorecard),
            "form": form,
            "comment_form": comment_form or CommentForm(segments=segments, auto_id="comment_%s"),
            **conversation_errors(comment_form, refused_reply),
            "comments": commenting.visible_comments(current, request.user),
            "review": current,
            "shared": shared,
            "reading": reviewing.is_read(shared) if shared else None,
            "roles": SpeakerRole,
        },
    )


# ---------------------------------------------------------------- the practitioner's feedback


@login_required
@player_page
def feedback(request, pk):
    recording, review = feedback_for(request.user, pk)
    return feedback_page(request, recording, review)


def feedback_page(request, recording, review, *, refused_reply=None):
    """The feedback page; with `refused_reply` (reviews/refusals.py), a reply the server
    refused comes back as typed beside its error. The caller has checked who may read it."""
    record_access(request.user, AccessKind.FEEDBACK_PAGE, [recording])
    is_owner = recording.owner_id == request.user.pk
    # What was shared, not the current card: a speaker fix shows once the manager shares again.
    scorecard = review.shared_scorecard
    sections = []
    if review.checklist_version is not None:
        checklist = review.checklist_version.checklist()
        sections = _skill_sections(checklist, scorecard, None, review)
        for section in sections:
            section["learning"] = learning_for(
                section["skill"].code, [item.id for item in section["skill"].items]
            )
    segments = {}
    for segment in recording.segments.all():
        segment.role = review.shared_role(segment)
        segments[segment.index] = segment
    return render(
        request,
        "reviews/feedback.html",
        {
            "recording": recording,
            "review": review,
            "sections": sections,
            "metrics": _metrics(scorecard),
            "segments": segments,
            "is_owner": is_owner,
            "reading": reviewing.is_read(review),
            "response_form": ResponseForm() if is_owner else None,
            "comments": commenting.shared_comments(review),
            **conversation_errors(refused_reply=refused_reply),
            **_self_assessment_context(recording, review, segments),
        },
    )


def _moments_of(assessment, segments):
    if assessment is None:
        return {}
    return {
        "proudest_segment": segments.get(assessment.proudest_line),
        "redo_segment": segments.get(assessment.redo_line),
    }


def _self_assessment_context(recording, review, segments):
    assessment = self_assessment.of(recording)
    if assessment is None:
        return {}
    return {
        "self_assessment": assessment,
        "self_comparison": self_assessment.comparison(assessment, review),
        **_moments_of(assessment, segments),
    }


@login_required
def self_assess(request, pk):
    """The practitioner rates their own session before the feedback is shared."""
    recording = get_recording_for(request.user, pk)
    if recording.owner_id != request.user.pk:
        raise PermissionDenied("Only the practitioner assesses their own session.")
    if not self_assessment.may_self_assess(request.user, recording):
        if self_assessment.is_shared(recording):
            messages.info(request, "The feedback is shared, so your self-assessment is final.")
            return redirect("reviews:feedback", pk=recording.pk)
        messages.info(request, "You can assess the session once it is transcribed.")
        return redirect(recording)
    segments = list(recording.segments.all())
    assessment = self_assessment.of(recording)
    if request.method == "POST":
        form = SelfAssessmentForm(request.POST, segments=segments)
        if form.is_valid():
            self_assessment.save(recording, request.user, **form.values())
            messages.success(
                request,
                "Your self-assessment is saved. Your manager sees it after rating the session; "
                "you can change it until the feedback is shared.",
            )
            return redirect(recording)
    else:
        form = SelfAssessmentForm(
            initial=SelfAssessmentForm.initial_for(assessment), segments=segments
        )
    return render(
        request,
        "reviews/self_assessment.html",
        {
            "recording": recording,
            "form": form,
            "assessment": assessment,
            "breadcrumbs": [
                ("My recordings", reverse("recordings:list")),
                (str(recording), recording.get_absolute_url()),
            ],
        },
    )


def _owner_feedback(request, pk):
    recording, review = feedback_for(request.user, pk)
    if recording.owner_id != request.user.pk:
        raise PermissionDenied("Only the practitioner responds to their feedback.")
    return recording, review


@require_POST
@login_required
def respond(request, pk):
    recording, review = _owner_feedback(request, pk)
    form = ResponseForm(request.POST)
    if form.is_valid():
        reviewing.respond(review, request.user, form.cleaned_data["text"])
        messages.success(request, "Your response is saved; your manager will see it.")
    else:
        messages.error(request, "Write your response before sending it.")
    return redirect(reverse("reviews:feedback", args=[recording.pk]) + "#response")


@require_POST
@login_required
def mark_read(request, pk):
    recording, review = _owner_feedback(request, pk)
    if not reviewing.is_read(review):
        reviewing.mark_read(review, request.user)
    messages.success(request, "Marked as read.")
    return redirect(reverse("reviews:feedback", args=[recording.pk]))


# ---------------------------------------------------------------- progress over time


@login_required
def my_progress(request):
    return redirect("reviews:progress", user_id=request.user.pk)


@login_required
def practitioner_progress(request, user_id):
    practitioner = practitioner_for(request.user, user_id)
    chart_range = ChartRange.from_query(request.GET.get("range"))
    session_list = progress.sessions(Recording.objects.filter(owner=practitioner), chart_range)
    return render(
        request,
        "reviews/progress.html",
        {
            "practitioner": practitioner,
            "sessions": session_list,
            "skill_charts": progress.skill_charts(session_list),
            "metric_charts": progress.metric_charts(session_list),
            "is_self": practitioner.pk == request.user.pk,
            "chart_range": chart_range,
            "chart_ranges": ChartRange.choices,
            "machine_scores_caveat": progress.MACHINE_SCORES_CAVEAT,
        },
    )


@login_required
def scores_csv(request, user_id):
    practitioner = practitioner_for(request.user, user_id)
    session_list = progress.sessions(Recording.objects.filter(owner=practitioner))
    record_access(request.user, AccessKind.EXPORT, session_list)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(practitioner.get_full_name() or practitioner.username)
    response["Content-Disposition"] = f'attachment; filename="scores-{name}.csv"'
    csv.writer(response).writerows(spreadsheet_safe_rows(progress.csv_rows(session_list)))
    return response


@login_required
def team_progress(request):
    """The one team page: each practitioner's training and recordings side by side, then the
    team's skill ratings and session metrics over time."""
    user = request.user
    if not (user.is_treatment_manager or user.is_administrator):
        raise Http404("Team progress is for treatment managers.")
    teams = teams_managed_by(user)
    people = list(practitioners_managed_by(user).select_related("team"))
    recordings = Recording.objects.filter(owner__in=people)
    counts = {
        row["owner"]: row
        for row in recordings.values("owner").annotate(
            n=Count("pk"), shared=Count("pk", filter=Q(review__live=True))
        )
    }
    training_index = remember("training-index", TrainingIndexPage.objects.live().first)
    learning_url = _learning_url_maker(training_index)
    rows = [
        {"learning": learning,
         "recordings": counts.get(learning.learner.pk, {}).get("n", 0),
         "shared": counts.get(learning.learner.pk, {}).get("shared", 0),
         "learning_url": learning_url(learning.learner)}
        for learning in training_progress.team_summary(people)
    ]  # fmt: skip
    chart_range = ChartRange.from_query(request.GET.get("range"))
    session_list = progress.sessions(recordings, chart_range)
    return render(
        request,
        "reviews/team_progress.html",
        {
            "teams": teams,
            "rows": rows,
            "sessions": session_list,
            "skill_charts": progress.skill_charts(session_list, by_person=True),
            "metric_charts": progress.metric_charts(session_list, by_person=True),
            "training_index": training_index,
            "chart_range": chart_range,
            "chart_ranges": ChartRange.choices,
        },
    )


def _learning_url_maker(index):
    """learner -> the URL of their learning record in `index`, or None while there is no
    training."""
    if index is None:
        return lambda learner: None
    return lambda learner: (
        index.url + index.reverse_subpage("practitioner_progress", args=[learner.pk])
    )


# ---------------------------------------------------------------- the review queue


@login_required
def queue(request):
    """Transcribed recordings of the practitioners a manager manages whose feedback has not been
    shared yet, oldest first; a draft review is still to do."""
    user = request.user
    if not (user.is_treatment_manager or user.is_administrator):
        raise PermissionDenied("Reviews are for treatment managers.")
    recordings = (
        reviewable_recordings(user)
        .filter(status=RecordingStatus.READY)
        .exclude(review__live=True)
        .select_related("owner", "owner__team", "review")
        .order_by("created_at")
    )
    return render(request, "reviews/queue.html", {"recordings": recordings})
