"""The cast of every permission test: the `people` fixture's roles plus an anonymous visitor."""

EVERY_ROLE = [
    "practitioner",
    "colleague",
    "manager",
    "other_practitioner",
    "other_manager",
    "editor",
    "admin",
    "anonymous",
]


def sign_in(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])
