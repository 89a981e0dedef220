"""Module certificates: issued when a learner has completed every live lesson of a module."""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import Count, Max

# No 0/O, 1/I/L: the code is read off paper and typed in.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code() -> str:
    """Three groups of four, e.g. "7KQ3-M2XR-9PHD": about 59 bits, not guessable."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(chars[i : i + 4] for i in range(0, 12, 4))


def normalise(code: str) -> str:
    chars = "".join(c for c in (code or "").upper() if c.isalnum())
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def issue_if_complete(user, module):
    """The learner's certificate for the module, issued now if every live lesson of the module
    is complete; None while any is not. Lessons completed before certificates existed count."""
    from .models import Certificate, LessonCompletion, LessonPage

    existing = Certificate.objects.filter(user=user, module=module).first()
    if existing:
        return existing
    lessons = list(LessonPage.objects.child_of(module).live().values_list("pk", flat=True))
    completions = LessonCompletion.objects.filter(user=user, lesson__in=lessons)
    done = completions.aggregate(count=Count("pk"), last=Max("completed_at"))
    if not lessons or done["count"] != len(lessons):
        return None
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                user=user, module=module, completed_at=done["last"], code=new_code()
            )
    except IntegrityError:  # issued meanwhile by another request
        return Certificate.objects.get(user=user, module=module)
