from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Team


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = "Teams"
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["name"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("managers")]


register_snippet(TeamViewSet)
