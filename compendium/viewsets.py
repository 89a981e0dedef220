"""The compendium's themes in the admin, as a snippet editors manage."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Themes"
    # Beside Pages (100), where the compendium itself is edited; before Images (300).
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "description"]
    search_fields = ["name", "description"]
