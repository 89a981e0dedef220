from wagtail.permissions import register_permission_policy

from .models import SkillsChecklist
from .viewsets import OneChecklistPolicy

register_permission_policy(SkillsChecklist, OneChecklistPolicy(SkillsChecklist))
