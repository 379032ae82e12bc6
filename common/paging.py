"""Pagination shared by every list page: 25 rows, links that keep the page's filters."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 25


def page_of(request, rows, size: int = PAGE_SIZE) -> Page:
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    page.query = params.urlencode()
    return page
