"""Users in each role, and teams, for any app's tests."""

import factory
from django.contrib.auth.models import Group

from accounts.models import Team, User
from accounts.roles import Role

TEST_PASSWORD = "correct-horse-battery-staple"


def _give_role(user, role):
    if role:
        user.groups.add(Group.objects.get(name=Role(role).value))
    user.save()


def _role_factory(default):
    return factory.PostGeneration(
        lambda user, create, extracted, **kw: _give_role(user, extracted or default)
    )


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    role = factory.PostGeneration(lambda user, create, extracted, **kw: _give_role(user, extracted))


class PractitionerFactory(UserFactory):
    role = _role_factory(Role.PRACTITIONER)
    team = factory.SubFactory(TeamFactory)


class ManagerFactory(UserFactory):
    """A treatment manager; pass `teams=[team, ...]` to set the teams they manage."""

    role = _role_factory(Role.TREATMENT_MANAGER)

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        for team in extracted or []:
            team.managers.add(self)


class EditorFactory(UserFactory):
    role = _role_factory(Role.OEP_EDITOR)


class AdministratorFactory(UserFactory):
    role = _role_factory(Role.ADMINISTRATOR)
    is_superuser = True
    is_staff = True
