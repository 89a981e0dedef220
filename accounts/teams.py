"""Who manages whom: the one rule every view, queue and progress page asks.

A treatment manager manages the active members of the teams they manage; an administrator
manages every active practitioner. Nobody manages themself, so a manager who is also a member
of one of their own teams never reviews their own work.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .roles import Role


def teams_managed_by(user):
    """The teams whose people `user` oversees: an administrator's are all of them."""
    from .models import Team

    if not user.is_authenticated:
        return Team.objects.none()
    if user.is_administrator:
        return Team.objects.all()
    if user.is_treatment_manager:
        return user.managed_teams.all()
    return Team.objects.none()


def practitioners_managed_by(user):
    """The active practitioners whose recordings, reviews and progress `user` oversees."""
    users = get_user_model().objects.filter(is_active=True)
    if not user.is_authenticated:
        return users.none()
    if user.is_administrator:
        practitioners = Q(groups__name=Role.PRACTITIONER.value) | Q(team__isnull=False)
    elif user.is_treatment_manager:
        practitioners = Q(team__in=teams_managed_by(user))
    else:
        return users.none()
    return (
        users.filter(practitioners)
        .exclude(pk=user.pk)
        .select_related("team")
        .order_by("team__name", "last_name", "first_name", "username")
        .distinct()
    )
