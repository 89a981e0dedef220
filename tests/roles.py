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


# The roles whose group may use the Wagtail admin at all (wagtailadmin.access_admin).
ADMIN_USERS = {"manager", "other_manager", "editor", "admin"}


def admin_refusal(role, path):
    """Where the Wagtail admin sends someone a view refuses them: back to the dashboard (with a
    message) when they may use the admin, otherwise to its sign-in page."""
    if role in ADMIN_USERS:
        return "/admin/"
    return f"/admin/login/?next={path}"


def assert_admin_refuses(response, role, path):
    assert (response.status_code, response["Location"]) == (302, admin_refusal(role, path))
