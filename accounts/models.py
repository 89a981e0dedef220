"""Users, the teams practitioners belong to, and the managers of those teams."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models

from .roles import Role
from .teams import practitioners_managed_by


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)
    managers = models.ManyToManyField(
        "accounts.User",
        related_name="managed_teams",
        blank=True,
        help_text="Treatment managers who review this team's recordings.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class User(AbstractUser):
    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The team a practitioner belongs to.",
    )

    class Meta:
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username

    @cached_property
    def group_names(self):
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, role: Role) -> bool:
        if role == Role.ADMINISTRATOR:
            return self.is_superuser or role in self.group_names
        return role in self.group_names

    @property
    def is_practitioner(self):
        return self.has_role(Role.PRACTITIONER)

    @property
    def is_treatment_manager(self):
        return self.has_role(Role.TREATMENT_MANAGER)

    @property
    def is_oep_editor(self):
        return self.has_role(Role.OEP_EDITOR)

    @property
    def is_administrator(self):
        return self.has_role(Role.ADMINISTRATOR)

    @property
    def roles(self):
        return [role for role in Role if self.has_role(role)]

    def manages(self, other: "User") -> bool:
        """True when `other` is one of the practitioners this user oversees (accounts.teams).

        Answered once per other person for this user object (one request's user)."""
        answers = self.__dict__.setdefault("_manages", {})
        if other.pk not in answers:
            answers[other.pk] = practitioners_managed_by(self).filter(pk=other.pk).exists()
        return answers[other.pk]

    def overseen(self, other: "User") -> "User":
        """Notes that `other` was found among practitioners_managed_by(self), so that manages()
        need not ask the database again; returns `other`."""
        self.__dict__.setdefault("_manages", {})[other.pk] = True
        return other
