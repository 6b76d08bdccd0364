"""Public budget pages and open-data exports (read only; writes live in the admin)."""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.generic import TemplateView

from budget import exports, selectors
from budget.charts import stacked_bar_chart
from budget.models import LineKind
from core.exports import csv_response


class IndexView(TemplateView):
    template_name = "budget/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        index = selectors.budget_index(legislature_slug=self.request.GET.get("legislature"))
        overview = index.overview
        context.update(
            legislatures=index.legislatures,
            overview=overview,
            legislature=overview.legislature if overview else None,
            chart=stacked_bar_chart(overview) if overview else None,
            has_example_data=bool(overview and overview.has_example_data),
            columns=exports.COLUMNS,
        )
        return context


class YearView(TemplateView):
    template_name = "budget/year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = selectors.review_detail(
            legislature_slug=self.kwargs["legislature"], year=self.kwargs["year"]
        )
        lines = list(review.lines.all())
        context.update(
            review=review,
            legislature=review.legislature,
            payment_lines=[line for line in lines if line.kind == LineKind.PAYMENT],
            commitment_lines=[line for line in lines if line.kind == LineKind.COMMITMENT],
            siblings=review.legislature.sibling_reviews,
            related_links=selectors.related_links(review),
        )
        return context


def lines_csv(request):
    # Built whole, not streamed: the same for every visitor, so the page cache keeps it.
    return csv_response(exports.CSV_NAME, exports.COLUMNS, exports.csv_rows(), streaming=False)


def lines_json(request):
    return JsonResponse(exports.lines_json(), json_dumps_params={"ensure_ascii": False})


def datapackage(request):
    package = exports.datapackage(
        csv_url=request.build_absolute_uri(reverse("budget:lines_csv")),
        homepage=request.build_absolute_uri(reverse("budget:index")),
    )
    return HttpResponse(
        json.dumps(package, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
