"""SEEDS training modules, lessons, quizzes and each learner's progress."""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.teams import practitioners_managed_by
from checklist.enums import Skill
from core.content_cache import remember
from core.exports import spreadsheet_safe_rows
from core.page_serving import RemembersViewRestrictionsMixin
from core.permissions import get_or_refuse

from . import gradebook, progress
from .blocks import LessonBodyBlock
from .certificates import issue_if_complete, normalise
from .checklist import checklist_titles, practice_skill_choices
from .quiz import (
    ATTEMPT_FIELD,
    DEFAULT_PASS_MARK_PERCENT,
    QuizForm,
    attempt_questions,
    attempt_token,
    error_links,
    new_seed,
    percent,
    questions_from_body,
    score,
    seed_from_token,
    shuffled,
)


class ModuleTopic(models.TextChoices):
    """A module's topic: the four SEEDS skills (the same codes as checklist.enums.Skill, so a
    lesson can send a learner to practise one), then the topics training teaches beyond them."""

    STRUCTURING = Skill.STRUCTURING.value, Skill.STRUCTURING.label
    RELATIONSHIP_BUILDING = Skill.RELATIONSHIP_BUILDING.value, Skill.RELATIONSHIP_BUILDING.label
    PROSOCIAL_MODELLING = Skill.PROSOCIAL_MODELLING.value, Skill.PROSOCIAL_MODELLING.label
    COGNITIVE_TECHNIQUES = Skill.COGNITIVE_TECHNIQUES.value, Skill.COGNITIVE_TECHNIQUES.label
    MOTIVATIONAL_INTERVIEWING = "motivational_interviewing", "Motivational interviewing"
    DESISTANCE = "desistance", "Desistance"
    REFLECTIVE_SUPERVISION = "reflective_supervision", "Reflective supervision"


class Audience(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioners"
    TREATMENT_MANAGER = "treatment_manager", "Treatment managers"


def validate_checklist_ids(value):
    unknown = [item for item in split_ids(value) if item not in checklist_titles()]
    if unknown:
        raise ValidationError(f"Not in the skills checklist: {', '.join(unknown)}.")


def split_ids(value: str) -> list[str]:
    return [part.strip().upper() for part in (value or "").split(",") if part.strip()]


class SignInRequiredMixin:
    """Module and lesson pages are for signed-in learners; visitors are sent to sign in."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)


class TrainingIndexPage(RemembersViewRestrictionsMixin, RoutablePageMixin, Page):
    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.ModulePage"]
    max_count = 1

    def modules(self):
        return ModulePage.objects.child_of(self).live()

    @path("", name="index")
    def index(self, request):
        # A route of its own, so the other routes' pages do not work out the module list.
        modules = remember("modules", lambda: list(self.modules()), self.pk)
        if request.user.is_authenticated:
            by_module = {row.module.pk: row for row in progress.module_progress(request.user)}
            module_rows = [(module, by_module.get(module.pk)) for module in modules]
        else:
            module_rows = [(module, None) for module in modules]
        return self.render(request, context_overrides={"module_rows": module_rows})

    @path("my-learning/", name="my_learning")
    def my_learning(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        user = request.user
        return self.render(
            request,
            template="training/my_learning.html",
            context_overrides={
                **self._learning_record(user, viewer=user),
                "manages_anyone": practitioners_managed_by(user).exists(),
            },
        )

    @staticmethod
    def _learning_record(learner, viewer):
        """A learner's record as `viewer` may see it: the reflections they may read only."""
        return {
            "learner": learner,
            "module_progress": progress.module_progress(learner),
            "last_lesson": progress.last_lesson(learner, viewer=viewer),
            "quiz_scores": progress.quiz_scores(learner),
            "reflective_log": ReflectiveLogEntry.objects.visible_to(viewer, owner=learner),
        }

    @path("team/", name="team_progress")
    def team_progress(self, request):
        """The team's training is on the one team page, beside their recordings."""
        return redirect("reviews:team_progress")

    # ------------------------------------------------------------ the record of learning

    @staticmethod
    def _overseen(request):
        """The practitioners the user oversees; the gradebook is for managers and admins."""
        user = request.user
        if not (user.is_treatment_manager or user.is_administrator):
            raise Http404("The gradebook is for treatment managers.")
        return practitioners_managed_by(user)

    @path("gradebook/", name="gradebook")
    def gradebook_page(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return self.render(
            request,
            template="training/gradebook.html",
            context_overrides={"rows": gradebook.gradebook(self._overseen(request))},
        )

    @path("gradebook/csv/", name="gradebook_csv")
    def gradebook_csv(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        rows = gradebook.gradebook(self._overseen(request))
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="gradebook.csv"'
        csv.writer(response).writerows(spreadsheet_safe_rows(gradebook.csv_rows(rows)))
        return response

    @path("certificates/<int:module_id>/<int:user_id>/", name="certificate")
    def certificate(self, request, module_id, user_id):
        """A learner's certificate for a module: for the learner, their managers and admins."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        viewer = request.user
        overseen = practitioners_managed_by(viewer).order_by().values("pk")
        visible = get_user_model().objects.filter(Q(pk=viewer.pk) | Q(pk__in=overseen))
        learner = get_or_refuse(visible, user_id, what="learner")
        module = get_object_or_404(ModulePage.objects.child_of(self).live(), pk=module_id)
        certificate = issue_if_complete(learner, module)
        if certificate is None:
            raise Http404("There is no certificate until every lesson of the module is complete.")
        verify = self.url + self.reverse_subpage("verify_certificate")
        return self.render(
            request,
            template="training/certificate.html",
            context_overrides={
                "learner": learner,
                "module": module,
                "certificate": certificate,
                "verify_url": request.build_absolute_uri(verify),
            },
        )

    @path("certificates/verify/", name="verify_certificate")
    def verify_certificate(self, request):
        """Anyone holding a certificate can check its code: it is not guessable, and the page
        says no more than the certificate does."""
        code = normalise(request.GET.get("code", ""))
        certificate = (
            Certificate.objects.filter(code=code).select_related("user", "module").first()
            if code
            else None
        )
        response = self.render(
            request,
            template="training/certificate_verify.html",
            context_overrides={"code": code, "certificate": certificate},
        )
        # It names a person, and may be asked for without signing in: no proxy keeps it.
        patch_cache_control(response, no_store=True, private=True)
        return response

    @path("team/<int:user_id>/", name="practitioner_progress")
    def practitioner_progress(self, request, user_id):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        # Anyone outside the manager's teams is indistinguishable from someone who does not exist.
        learner = request.user.overseen(
            get_object_or_404(practitioners_managed_by(request.user), pk=user_id)
        )
        return self.render(
            request,
            template="training/practitioner_progress.html",
            context_overrides=self._learning_record(learner, viewer=request.user),
        )


class ModulePage(SignInRequiredMixin, RemembersViewRestrictionsMixin, Page):
    skill = models.CharField(max_length=40, choices=ModuleTopic.choices)
    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.PRACTITIONER
    )
    summary = models.TextField(help_text="One or two sentences shown on the module list.")
    learning_outcomes = models.TextField(blank=True, help_text="One outcome per line.")
    estimated_minutes = models.PositiveIntegerField(default=60)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("skill"), FieldPanel("audience"), FieldPanel("estimated_minutes")],
            heading="Module",
        ),
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.FilterField("skill"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = "training module"

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    def lessons(self):
        return LessonPage.objects.child_of(self).live()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lessons = remember("lessons", lambda: list(self.lessons()), self.pk)
        done = set(
            LessonCompletion.objects.filter(user=request.user, lesson__in=lessons).values_list(
                "lesson_id", flat=True
            )
        )
        context["lesson_rows"] = [(lesson, lesson.pk in done) for lesson in lessons]
        context["completed"] = len(done)
        context["percent"] = percent(len(done), len(lessons))
        if lessons and len(done) == len(lessons):
            index = self.get_parent().specific
            route = index.reverse_subpage("certificate", args=[self.pk, request.user.pk])
            context["certificate_url"] = index.url + route
        return context


class LessonPage(SignInRequiredMixin, RemembersViewRestrictionsMixin, RoutablePageMixin, Page):
    summary = models.TextField()
    checklist_items = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_checklist_ids],
        help_text="Ids of the skills-checklist items this lesson teaches, e.g. “A1, A2”.",
    )
    practice_skill = models.CharField(
        max_length=40,
        choices=practice_skill_choices,
        blank=True,
        help_text="Offer “record a session practising this skill” with this skill preselected.",
    )
    body = StreamField(LessonBodyBlock())
    quiz_pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)",
        default=DEFAULT_PASS_MARK_PERCENT,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="The share of the quiz to answer right; passing completes the lesson.",
    )
    quiz_draw = models.PositiveSmallIntegerField(
        "questions per attempt",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Ask this many of the lesson's quiz questions, drawn afresh for each attempt. "
        "Leave empty to ask them all.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("checklist_items"), FieldPanel("practice_skill")], heading="Practice"
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("quiz_pass_mark"), FieldPanel("quiz_draw")], heading="Quiz"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["training.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "lesson"

    @property
    def checklist_item_titles(self) -> list[tuple[str, str]]:
        titles = checklist_titles()
        return [(item_id, titles.get(item_id, "")) for item_id in split_ids(self.checklist_items)]

    def practice_url(self) -> str | None:
        """The recording upload with this lesson's skill preselected, once recordings exist."""
        if not self.practice_skill:
            return None
        try:
            upload = reverse("recordings:upload")
        except NoReverseMatch:
            return None
        return f"{upload}?{urlencode({'skill': self.practice_skill})}"

    def questions(self):
        """Every question of the lesson's quiz: the bank each attempt draws from."""
        return questions_from_body(self.body)

    @property
    def has_quiz(self) -> bool:
        return any(block.block_type == "quiz" for block in self.body)

    def clean(self):
        super().clean()
        bank = sum(block.block_type == "quiz" for block in self.body)
        if self.quiz_draw and self.quiz_draw > bank:
            raise ValidationError(
                {"quiz_draw": f"The lesson has {bank} quiz questions to draw from."}
            )

    def _shown_questions(self, request, latest, quiz_form):
        """The questions the page shows, in the attempt's order, and the form's token if any.

        A form with errors shows its own attempt again; a past attempt is shown marked (right
        answers and explanations only once passed); otherwise a new attempt is drawn."""
        if quiz_form is not None:
            for question in quiz_form.questions:
                question.selected = quiz_form.data.getlist(question.field_name)
                question.error = " ".join(quiz_form.errors.get(question.field_name, []))
            return quiz_form.questions, quiz_form.token
        if latest and "retake" not in request.GET:
            shown = [q for q in self.questions() if q.id in latest.answers]
            if latest.seed is not None:
                shown = [shuffled(question, latest.seed) for question in shown]
            for question in shown:
                question.selected = latest.answers[question.id]
                question.answered = True
                question.reveal = latest.passed
            return shown, None
        seed = new_seed()
        return attempt_questions(self.questions(), self.quiz_draw, seed), attempt_token(
            self.pk, seed
        )

    def get_context(self, request, *args, quiz_form=None, reflection=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        entries = {
            entry.exercise_id: entry
            for entry in ReflectiveLogEntry.objects.filter(user=user, lesson=self)
        }
        body_items = []
        for block in self.body:
            if block.block_type == "quiz":
                continue
            item = {"block": block, "entry": entries.get(block.id), "errors": {}}
            if reflection and reflection["exercise_id"] == block.id:
                item.update(reflection)
            # The error summary links each error to its field, as the exercise's template
            # names them (exercise-<block id>-<field>).
            item["error_links"] = [
                (f"exercise-{block.id}-{field}", message)
                for field, message in item["errors"].items()
            ]
            body_items.append(item)
        context["body_items"] = body_items
        # A reflection can be about one of the learner's own recorded sessions.
        context["my_recordings"] = (
            list(user.recordings.order_by("-session_date", "-pk")[:50])
            if user.is_authenticated
            else []
        )

        latest = QuizAttempt.objects.filter(user=user, lesson=self).first()
        if self.has_quiz:
            questions, token = self._shown_questions(request, latest, quiz_form)
            if token is None:
                context["attempt"] = latest
            context["questions"] = questions
            context["quiz_errors"] = error_links(questions)
            context["quiz_token"] = token
            context["token_field"] = ATTEMPT_FIELD
            context["bank_size"] = len(self.questions())
        context["quiz_form"] = quiz_form
        context["pass_mark"] = self.quiz_pass_mark
        context["completed"] = LessonCompletion.objects.filter(user=user, lesson=self).exists()
        context.update(remember("lesson-neighbours", self._neighbours, self.pk))
        return context

    def complete_for(self, user):
        """Record that `user` completed this lesson; the module's certificate follows when it
        was the module's last lesson to complete."""
        _completion, created = LessonCompletion.objects.get_or_create(user=user, lesson=self)
        if created:
            issue_if_complete(user, ModulePage.objects.ancestor_of(self).get())

    def _neighbours(self):
        """The module and the lessons either side, kept until content changes."""
        siblings = list(
            LessonPage.objects.sibling_of(self).live().only("id", "title", "path", "url_path")
        )
        position = next(i for i, page in enumerate(siblings) if page.pk == self.pk)
        return {
            "module": self.get_parent().specific,
            "previous_lesson": siblings[position - 1] if position > 0 else None,
            "next_lesson": siblings[position + 1] if position + 1 < len(siblings) else None,
        }

    def _back(self, fragment=""):
        return HttpResponseRedirect(self.url + (f"#{fragment}" if fragment else ""))

    @path("complete/", name="complete")
    def mark_complete(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if self.has_quiz:
            # Otherwise the quiz could be skipped: passing it is what completes the lesson.
            messages.error(request, "Pass the quiz to complete this lesson.")
            return self._back("quiz")
        self.complete_for(request.user)
        messages.success(request, f"“{self.title}” is marked complete.")
        return self._back()

    @path("quiz/", name="answer_quiz")
    def answer_quiz(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        token = request.POST.get(ATTEMPT_FIELD)
        seed = seed_from_token(self.pk, token)
        if seed is None:
            messages.error(
                request, "Those answers were not for the quiz as it was shown. Please answer again."
            )
            return self._back("quiz")
        form = QuizForm(attempt_questions(self.questions(), self.quiz_draw, seed), request.POST)
        form.token = token
        if not form.is_valid():
            return self.render(request, quiz_form=form)
        answers = form.answers()
        for question in form.questions:
            question.selected = answers[question.id]
        right, total = score(form.questions)
        attempt = QuizAttempt.objects.create(
            user=request.user,
            lesson=self,
            answers=answers,
            seed=seed,
            right=right,
            total=total,
            score=percent(right, total),
            passed=percent(right, total) >= self.quiz_pass_mark,
        )
        if attempt.passed:
            self.complete_for(request.user)
            messages.success(
                request, f"You scored {right} out of {total} and passed: this lesson is complete."
            )
        else:
            messages.warning(
                request,
                f"You scored {right} out of {total}; the pass mark is {self.quiz_pass_mark}%. "
                "Your wrong answers are marked below.",
            )
        return self._back("quiz")

    @path("reflect/", name="save_reflection")
    def save_reflection(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        exercise_id = request.POST.get("exercise", "")
        exercise = next(
            (
                block
                for block in self.body
                if block.block_type == "reflective_exercise" and block.id == exercise_id
            ),
            None,
        )
        if exercise is None:
            raise Http404("No such exercise in this lesson.")
        text = request.POST.get("text", "").strip()
        shared = request.POST.get("shared") == "on"
        recording_id = request.POST.get("recording", "")
        # Only the learner's own recordings: any other id is refused like a missing one.
        recording = (
            request.user.recordings.filter(pk=recording_id).first()
            if recording_id.isdigit()
            else None
        )
        errors = {}  # by the field they belong to, so each shows beside its own field
        if not text:
            errors["text"] = "Write your reflection before saving it."
        elif recording_id and recording is None:
            errors["recording"] = "Choose one of your own recordings, or none."
        if errors:
            reflection = {
                "exercise_id": exercise_id,
                "errors": errors,
                "draft_text": text,  # what the learner typed comes back with the errors
                "draft_shared": shared,
            }
            return self.render(request, reflection=reflection)
        ReflectiveLogEntry.objects.update_or_create(
            user=request.user,
            lesson=self,
            exercise_id=exercise_id,
            defaults={
                "prompt": exercise.value["prompt"],
                "text": text,
                "shared": shared,
                "recording": recording,
            },
        )
        who = "you and your treatment manager" if shared else "only you"
        messages.success(request, f"Saved to your reflective log. It can be read by {who}.")
        return self._back(f"exercise-{exercise_id}")


class LessonCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="one_completion_per_lesson")
        ]
        ordering = ["-completed_at"]

    def __str__(self):
        return f"{self.user} completed {self.lesson}"


class QuizAttempt(models.Model):
    """One submission of a lesson's quiz, marked by the server against the stored questions."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="quiz_attempts")
    answers = models.JSONField(help_text="Question block id -> chosen option ids.")
    seed = models.PositiveIntegerField(
        null=True,
        editable=False,
        help_text="Chose the attempt's questions and the order of their options.",
    )
    right = models.PositiveIntegerField()
    total = models.PositiveIntegerField()
    score = models.PositiveIntegerField(help_text="Percentage of questions answered right.")
    passed = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user} scored {self.score}% on {self.lesson}"


class ReflectiveLogQuerySet(models.QuerySet):
    def visible_to(self, viewer, owner):
        """The owner sees all their entries; their treatment manager only those shared."""
        entries = self.filter(user=owner).select_related("lesson", "recording")
        if viewer.pk == owner.pk:
            return entries
        # Learners share a reflection with their treatment manager, not with administrators,
        # who oversee everyone's progress.
        if viewer.is_treatment_manager and viewer.manages(owner):
            return entries.filter(shared=True)
        return self.none()


class ReflectiveLogEntry(models.Model):
    """A learner's answer to a reflective exercise: private unless they choose to share it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflective_log"
    )
    # The log belongs to the learner, so it outlives a lesson that is deleted.
    lesson = models.ForeignKey(
        LessonPage, null=True, on_delete=models.SET_NULL, related_name="reflections"
    )
    exercise_id = models.CharField(max_length=64, help_text="The exercise block's id.")
    prompt = models.TextField(help_text="The prompt as it read when the learner answered.")
    text = models.TextField()
    shared = models.BooleanField(
        default=False, help_text="Shown to the learner's treatment manager."
    )
    # A reflection may be about one of the learner's own recorded sessions (never another's:
    # save_reflection and clean() check the owner). The log outlives a deleted recording.
    recording = models.ForeignKey(
        "recordings.Recording",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reflections",
        help_text="One of the learner's own recordings this reflection is about.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReflectiveLogQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "exercise_id"], name="one_entry_per_exercise"
            )
        ]
        ordering = ["-updated_at"]
        verbose_name_plural = "reflective log entries"

    def __str__(self):
        return f"{self.user}: {self.prompt[:40]}"

    def clean(self):
        if self.recording_id and self.recording.owner_id != self.user_id:
            raise ValidationError({"recording": "Choose one of your own recordings."})


class Certificate(models.Model):
    """A learner's record of completing a module: issued once, when every live lesson of the
    module is complete, with a code that lets anyone holding the certificate check it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_certificates"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="certificates")
    completed_at = models.DateTimeField(help_text="When the module's last lesson was completed.")
    code = models.CharField(max_length=20, unique=True, editable=False)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="one_certificate_per_module")
        ]
        ordering = ["-completed_at"]

    def __str__(self):
        return f"{self.user}: {self.module}"
