from wagtail.snippets.models import register_snippet

from .viewsets import TeamViewSet

register_snippet(TeamViewSet)
