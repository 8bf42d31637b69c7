"""The page where a group's facilitator says who facilitated a held meeting.
Views translate; permissions decide; facilitation writes."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.permissions import get_group_for
from alongside.supporters.cofacilitating import facilitators_recorded_for

from . import facilitation
from .permissions import check_manage_meetings, check_see_meetings, get_occurrence_for


class WhoFacilitatedForm(forms.Form):
    facilitators = forms.TypedMultipleChoiceField(
        label="Who facilitated it?",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Please choose who facilitated the meeting.",
            "invalid_choice": "Please choose from the group's facilitators.",
        },
    )

    def __init__(self, *args: object, choices: list[tuple[int, str]], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["facilitators"].choices = choices  # type: ignore[attr-defined]


@login_required
@require_http_methods(["GET", "POST"])
def who_facilitated(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_see_meetings(request.user, group)
    occurrence = get_occurrence_for(request.user, group, occurrence_id)
    check_manage_meetings(request.user, group)
    memberships = facilitation.facilitators_of_group(occurrence)
    form = WhoFacilitatedForm(
        request.POST if request.method == "POST" else None,
        choices=[(m.person_id, m.display_name) for m in memberships],
        initial={"facilitators": facilitators_recorded_for(occurrence.pk)},
    )
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["facilitators"])
        try:
            facilitation.record_who_facilitated(
                person=request.user,
                occurrence=occurrence,
                facilitators=[m.person for m in memberships if m.person_id in chosen],
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request,
                "Thank you, it is kept. Each of you can leave a short debrief for "
                "your supervisor from your inbox.",
            )
            return redirect(
                "meetings:occurrence-detail",
                group_id=group.pk,
                occurrence_id=occurrence.pk,
            )
    return render(
        request,
        "meetings/who_facilitated.html",
        {
            "group": group,
            "occurrence": occurrence,
            "form": form,
            "has_happened": not occurrence.is_cancelled
            and occurrence.starts_at <= timezone.now(),
        },
        status=400 if form.errors else 200,
    )
