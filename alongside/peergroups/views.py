"""Group pages: finding a group, joining it, taking a break, leaving and coming back,
and answering requests to join. Views translate; actions decide and write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import GroupCreation
from alongside.organisations.permissions import can_create_group, get_organisation_for
from alongside.supporters.permissions import facilitating_training_reason

from . import actions
from .forms import (
    DisplayNameForm,
    GroupForm,
    GroupSearchForm,
)
from .models import Membership, Status, Tag
from .permissions import (
    can_delete_group,
    can_join,
    can_leave,
    can_manage_requests,
    can_pause,
    can_rename_self,
    can_return,
    can_see_members,
    check_leave,
    check_manage_requests,
    check_rename_self,
    get_group_for,
    groups_visible_to,
    membership_of,
    membership_status,
)
from .search import matching_groups

# After leaving, the page thanks the person and offers an optional parting note.
# The note is an anonymous answer, which insights (an app above this one) owns, so
# the page is named here, not imported.
PARTING_NOTE = "insights:parting-note"


@login_required
@require_GET
def group_list(request: AuthenticatedRequest) -> HttpResponse:
    form = GroupSearchForm(request.GET or None)
    groups = groups_visible_to(request.user).listed()
    query = tag_slug = ""
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        tag_slug = form.cleaned_data["tag"]
    if tag_slug:
        groups = groups.filter(tags__slug=tag_slug)
    groups = groups.distinct().select_related("organisation").prefetch_related("tags")
    found = matching_groups(groups, query) if query else list(groups)
    statuses = dict(
        Membership.objects.filter(person=request.user).values_list("group_id", "status")
    )
    tags = Tag.objects.filter(
        groups__in=groups_visible_to(request.user).listed()
    ).distinct()
    creatable = [
        organisation
        for organisation in request.user.roles.select_related("organisation")
        if can_create_group(request.user, organisation.organisation)
    ]
    context = {
        "form": form,
        "groups": [(group, statuses.get(group.pk)) for group in found],
        "tags": tags,
        "query": query,
        "tag_slug": tag_slug,
        "creatable_in": [role.organisation for role in creatable],
    }
    if request.htmx:
        return render(request, "peergroups/list.html#group-results", context)
    return render(request, "peergroups/list.html", context)


@login_required
@require_GET
def group_detail(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    membership = membership_of(request.user, group)
    members = []
    if can_see_members(request.user, group):
        members = list(
            Membership.objects.active().filter(group=group).only("display_name", "role")
        )
    return render(
        request,
        "peergroups/detail.html",
        {
            "group": group,
            "membership": membership,
            "members": members,
            "can_join": can_join(request.user, group),
            "can_pause": can_pause(request.user, group),
            "can_return": can_return(request.user, group),
            "can_leave": can_leave(request.user, group),
            "can_rename": can_rename_self(request.user, group),
            "can_manage_requests": can_manage_requests(request.user, group),
            "can_delete": can_delete_group(request.user, group),
            "pending_requests": (
                Membership.objects.requested().filter(group=group).count()
                if can_manage_requests(request.user, group)
                else 0
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_join(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    if not can_join(request.user, group):
        # Already in, waiting, or coming back instead: the group page shows the way.
        return redirect("peergroups:group-detail", group_id=group.pk)
    form = DisplayNameForm(
        request.POST or None,
        initial={"display_name": actions.suggest_display_name(group=group)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership = actions.join_group(
                person=request.user,
                group=group,
                display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as error:
            form.add_error("display_name", error)
        else:
            if membership.status == Status.REQUESTED:
                messages.info(
                    request,
                    "Thank you for asking. A facilitator will reply soon, and you will "
                    "find their answer in your notifications.",
                )
            else:
                messages.success(request, f"Welcome to {group.name}.")
            return redirect("peergroups:group-detail", group_id=group.pk)
    return render(request, "peergroups/join.html", {"group": group, "form": form})


@login_required
@require_POST
def membership_pause(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    if membership_status(request.user, group) == Status.PAUSED:
        # Pressed twice: the first press has done it and said so.
        return redirect("peergroups:group-detail", group_id=group.pk)
    actions.pause_membership(person=request.user, group=group)
    messages.info(
        request,
        "You are taking a break. Nothing is lost, nobody is told, and you can come "
        "back whenever you like.",
    )
    return redirect("peergroups:group-detail", group_id=group.pk)


@login_required
@require_POST
def membership_return(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    if membership_status(request.user, group) == Status.ACTIVE:
        # Pressed twice: the first press has done it and said so.
        return redirect("peergroups:group-detail", group_id=group.pk)
    actions.return_to_group(person=request.user, group=group)
    messages.success(request, "Welcome back.")
    return redirect("peergroups:group-detail", group_id=group.pk)


@login_required
@require_http_methods(["GET", "POST"])
def group_leave(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    membership = membership_of(request.user, group)
    if (
        request.method == "POST"
        and membership is not None
        and membership.status == Status.LEFT
    ):
        # Pressed twice: the first press has done it.
        return redirect(PARTING_NOTE, group_id=group.pk)
    check_leave(request.user, group)
    if request.method == "POST":
        was_request = membership is not None and membership.status == Status.REQUESTED
        actions.leave_group(person=request.user, group=group)
        if was_request:
            messages.info(request, "Your request is withdrawn.")
            return redirect("peergroups:group-detail", group_id=group.pk)
        return redirect(PARTING_NOTE, group_id=group.pk)
    return render(
        request, "peergroups/leave.html", {"group": group, "membership": membership}
    )


@login_required
@require_http_methods(["GET", "POST"])
def display_name_edit(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_rename_self(request.user, group)
    membership = membership_of(request.user, group)
    form = DisplayNameForm(
        request.POST or None,
        initial={"display_name": membership.display_name if membership else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.rename_self(
                person=request.user,
                group=group,
                display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as error:
            form.add_error("display_name", error)
        else:
            messages.success(request, "Your name in this group is changed.")
            return redirect("peergroups:group-detail", group_id=group.pk)
    return render(
        request, "peergroups/display_name.html", {"group": group, "form": form}
    )


@login_required
@require_GET
def request_list(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_manage_requests(request.user, group)
    ensure_second_factor(request)
    requests = (
        Membership.objects.requested().filter(group=group).order_by("status_changed_at")
    )
    return render(
        request, "peergroups/requests.html", {"group": group, "requests": requests}
    )


def _get_request(
    request: AuthenticatedRequest, group_id: int, membership_id: int
) -> Membership | None:
    """The request to answer; None when it has been answered already (a second
    click, or another facilitator or admin got there first)."""
    group = get_group_for(request.user, group_id)
    check_manage_requests(request.user, group)
    ensure_second_factor(request)
    membership = Membership.objects.filter(group=group, pk=membership_id).first()
    if membership is None:
        raise Http404
    if membership.status != Status.REQUESTED:
        messages.info(
            request,
            "This request has already been answered, so nothing more was needed.",
        )
        return None
    return membership


@login_required
@require_POST
def request_approve(
    request: AuthenticatedRequest, group_id: int, membership_id: int
) -> HttpResponse:
    membership = _get_request(request, group_id, membership_id)
    if membership is None:
        return redirect("peergroups:request-list", group_id=group_id)
    actions.approve_join_request(person=request.user, membership=membership)
    messages.success(request, f"{membership.display_name} is welcomed into the group.")
    return redirect("peergroups:request-list", group_id=group_id)


@login_required
@require_POST
def request_decline(
    request: AuthenticatedRequest, group_id: int, membership_id: int
) -> HttpResponse:
    membership = _get_request(request, group_id, membership_id)
    if membership is None:
        return redirect("peergroups:request-list", group_id=group_id)
    actions.decline_join_request(person=request.user, membership=membership)
    messages.info(request, "They have been told kindly, and may ask again later.")
    return redirect("peergroups:request-list", group_id=group_id)


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, organisation_slug)
    if not can_create_group(request.user, organisation):
        raise Http404
    if (
        organisation.group_creation != GroupCreation.ANYONE
        or organisation.requires_staff_facilitators
    ):
        # Here only staff may start groups, so this is a staff page.
        ensure_second_factor(request)
    form = GroupForm(
        request.POST or None, initial={"join_policy": "open", "is_listed": True}
    )
    # Facilitating needs the training the organisation asks for (the supporters
    # app); the page says which, and keeps anything typed.
    not_trained = facilitating_training_reason(request.user, organisation)
    if request.method == "POST" and not not_trained and form.is_valid():
        group = actions.create_group(
            person=request.user,
            organisation=organisation,
            name=form.cleaned_data["name"],
            shared_experience=form.cleaned_data["shared_experience"],
            who_for=form.cleaned_data["who_for"],
            format=form.cleaned_data["format"],
            when_and_where=form.cleaned_data["when_and_where"],
            is_listed=form.cleaned_data["is_listed"],
            join_policy=form.cleaned_data["join_policy"],
            tag_names=form.tag_names(),
            someone_may_be_watching=form.cleaned_data["someone_may_be_watching"],
        )
        messages.success(request, "Your group is ready. You are its first facilitator.")
        return redirect("peergroups:group-detail", group_id=group.pk)
    return render(
        request,
        "peergroups/create.html",
        {"organisation": organisation, "form": form, "not_trained": not_trained},
    )
