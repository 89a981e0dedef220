"""The four SEEDS skills, written out literally: every app labels a skill from here.

The shipped checklist (scoring/checklists/seeds-v1.yaml) uses the same codes and titles; a test
keeps the two in step, so nothing is built from a data file at import time.
"""

from django.db import models


class Skill(models.TextChoices):
    STRUCTURING = "structuring", "Structuring"
    RELATIONSHIP_BUILDING = "relationship_building", "Relationship building"
    PROSOCIAL_MODELLING = "prosocial_modelling", "Prosocial modelling"
    COGNITIVE_TECHNIQUES = "cognitive_techniques", "Cognitive techniques"
