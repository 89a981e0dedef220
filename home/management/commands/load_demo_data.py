"""Demo users for each role, two teams, then every app's demo content. Safe to run again."""

import os
import secrets

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Team, User
from accounts.roles import Role

TEAMS = ["North Probation Team", "South Probation Team"]

# username, full name, role, team (practitioners) or managed team (managers)
DEMO_USERS = [
    ("practitioner", "Priya Practitioner", Role.PRACTITIONER, TEAMS[0]),
    ("practitioner2", "Sam Second", Role.PRACTITIONER, TEAMS[1]),
    ("manager", "Morgan Manager", Role.TREATMENT_MANAGER, TEAMS[0]),
    ("manager2", "Nia Manager", Role.TREATMENT_MANAGER, TEAMS[1]),
    ("editor", "Edith Editor", Role.OEP_EDITOR, None),
    ("admin", "Ada Administrator", Role.ADMINISTRATOR, None),
]

# Management commands that load each app's demo content, in dependency order.
# Each must be idempotent: re-running updates in place.
CONTENT_STEPS: list[tuple[str, dict]] = [
    # The compendium first: training lessons cite its entries.
    ("import_compendium", {}),
    # Research bulletins, and the editors' moderation workflow.
    ("seed_bulletins", {}),
    ("load_training", {}),
    # The skills checklist before any recording is scored against it.
    ("load_checklist", {}),
    # The demo practitioner's transcribed and scored sample recording.
    ("load_sample_recording", {}),
    # The demo manager's shared review of that recording: the whole coached-feedback flow.
    ("load_sample_review", {}),
]


class Command(BaseCommand):
    help = "Create demo users, teams and content. Passwords of new users are printed once."

    def handle(self, *args, **options):
        created = self.create_users()
        for command, kwargs in CONTENT_STEPS:
            self.stdout.write(f"Running {command}…")
            call_command(command, stdout=self.stdout, stderr=self.stderr, **kwargs)
        if created:
            self.stdout.write(self.style.SUCCESS("\nDemo sign-ins (shown once; keep them):"))
            for username, role, password in created:
                self.stdout.write(f"  {username:<14} {password:<16} {role}")
        else:
            self.stdout.write("Demo users already exist; their passwords are unchanged.")

    @transaction.atomic
    def create_users(self):
        teams = {name: Team.objects.get_or_create(name=name)[0] for name in TEAMS}
        fixed_password = os.environ.get("DEMO_PASSWORD")
        created = []
        for username, full_name, role, team_name in DEMO_USERS:
            first, last = full_name.split(" ", 1)
            user, is_new = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                },
            )
            if is_new:
                password = fixed_password or secrets.token_urlsafe(9)
                user.set_password(password)
                created.append((username, role.value, password))
            user.groups.add(Group.objects.get(name=role.value))
            if role == Role.PRACTITIONER:
                user.team = teams[team_name]
            elif role == Role.TREATMENT_MANAGER:
                teams[team_name].managers.add(user)
            elif role == Role.ADMINISTRATOR:
                user.is_superuser = True
                user.is_staff = True
            user.save()
        return created
