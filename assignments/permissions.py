"""Who may use the assignments admin: administrators, for every action."""

from accounts.permissions import AdministratorsOnlyPolicy


class AdministratorsManagePolicy(AdministratorsOnlyPolicy):
    """Administrators add, correct and remove assignments in the admin; nobody else sees it."""

    actions = frozenset({"add", "change", "delete", "view"})
