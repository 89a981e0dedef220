"""The platform's roles: Django groups, named once here and created by a migration."""

from enum import StrEnum


class Role(StrEnum):
    PRACTITIONER = "Practitioner"
    TREATMENT_MANAGER = "Treatment manager"
    OEP_EDITOR = "OEP editor"
    ADMINISTRATOR = "Administrator"
