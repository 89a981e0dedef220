"""The agreement report: per checklist item, how often managers confirmed the machine."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from checklist.models import ChecklistVersion
from core.exports import SpreadsheetSafeExportMixin

from .enums import Agreement
from .models import ItemRating


def may_see_agreement(user):
    return user.is_authenticated and (user.is_oep_editor or user.is_administrator)


class AgreementReportView(SpreadsheetSafeExportMixin, ReportView):
    """Per checklist item, over shared reviews: how often managers confirmed the machine's
    proposal, overrode it, or found what the machine missed."""

    page_title = "Agreement with the machine"
    header_icon = "tasks"
    index_url_name = "reviews_agreement"
    index_results_url_name = "reviews_agreement_results"
    results_template_name = "reviews/agreement_report_results.html"
    paginate_by = 100
    list_export = [
        "item",
        "title",
        "rated",
        "confirmed",
        "overridden",
        "missed",
        "agreement_percent",
    ]
    export_headings = {
        "item": "Item",
        "title": "Title",
        "rated": "Rated by managers",
        "confirmed": "Confirmed",
        "overridden": "Overridden",
        "missed": "Found by the manager only",
        "agreement_percent": "Agreement (%)",
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_agreement(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        rows = (
            ItemRating.objects.filter(review__live=True)
            .values("item")
            .annotate(
                rated=Count("pk"),
                confirmed=Count("pk", filter=Q(agreement=Agreement.CONFIRMED)),
                overridden=Count("pk", filter=Q(agreement=Agreement.OVERRIDDEN)),
                missed=Count("pk", filter=Q(agreement=Agreement.MISSED)),
            )
        )
        return sorted(rows, key=_item_order)

    def decorate_paginated_queryset(self, object_list):
        titles = {
            item.id: item.title for item in ChecklistVersion.objects.current().checklist().items
        }
        for row in object_list:
            row["title"] = titles.get(row["item"], "")
            judged = row["confirmed"] + row["overridden"]
            row["agreement_percent"] = round(100 * row["confirmed"] / judged) if judged else None
        return object_list

    def get_filtered_queryset(self):
        return self.get_queryset()


def _item_order(row):
    code = row["item"]
    return (code[:1], int(code[1:]) if code[1:].isdigit() else 0)


def _item_order(row):
    code = row["item"]
    return (code[:1], int(code[1:]) if code[1:].isdigit() else 0)


class AgreementMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_agreement(request.user)
