"""Each person's private topic filters."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from alongside.core.requests import AuthenticatedRequest

from .. import actions
from ..forms import TopicFiltersForm
from ..models import TopicFilter


@login_required
@require_http_methods(["GET", "POST"])
def filters_edit(request: AuthenticatedRequest) -> HttpResponse:
    """Public to every signed-in person: the choices are their own."""
    current = dict(
        TopicFilter.objects.filter(person=request.user).values_list("topic", "choice")
    )
    form = TopicFiltersForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        actions.set_topic_filters(person=request.user, choices=form.cleaned_data)
        messages.success(request, "Your choices are saved. Only you can see them.")
        return redirect("conversations:filters-edit")
    return render(request, "conversations/filters.html", {"form": form})
