"""The platform's roles: Django groups, named once here and created by a migration."""

from enum import StrEnum


class Role(StrEnum):
    PRACTITIONER = "Practitioner"
    TREATMENT_MANAGER = "Treatment manager"
    OEP_EDITOR = "OEP editor"
    ADMINISTRATOR = "Administrator"


# Groups that may open the Wagtail admin: editors publish there, managers review there.
ADMIN_ROLES = (Role.TREATMENT_MANAGER, Role.OEP_EDITOR)
