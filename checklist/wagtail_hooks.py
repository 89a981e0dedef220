from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import SkillsChecklist
from .viewsets import OneChecklistPolicy, SkillsChecklistViewSet

register_permission_policy(SkillsChecklist, OneChecklistPolicy(SkillsChecklist))
register_snippet(SkillsChecklistViewSet)
