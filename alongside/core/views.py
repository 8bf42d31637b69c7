"""The error pages, in the product's own voice."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request context: whatever broke may be in it. The quick
    # exit comes from settings, so it works even when the database does not.
    template = loader.get_template("500.html")
    context = {"quick_exit_url": settings.QUICK_EXIT_URL}
    return HttpResponse(template.render(context), status=500)
