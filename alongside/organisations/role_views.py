"""People and roles: an organisation's admins see who holds which role and change it,
told first, in plain words, what a lower role takes away."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from alongside.core.password_again import asks_for_the_password_again
from alongside.core.requests import AuthenticatedRequest

from . import actions
from .forms import RoleChangeForm
from .models import Organisation, OrganisationRole, Role
from .permissions import people_visible_to, role_change_refusal
from .role_changes import takes_away, what_they_keep, what_they_stop
from .views import get_managed_organisation

PEOPLE_PER_PAGE = 50


@login_required
@require_GET
def people(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """The organisation's people and their roles, for its admins: highest role
    first, searchable by name, a page at a time."""
    organisation = get_managed_organisation(request, slug)
    search = request.GET.get("q", "")[:100].strip()
    page = Paginator(
        people_visible_to(request.user, organisation, search=search),
        PEOPLE_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/people.html",
        {"organisation": organisation, "page": page, "search": search},
    )


@login_required
@require_http_methods(["GET", "POST"])
def role_change(request: AuthenticatedRequest, slug: str, role_id: int) -> HttpResponse:
    """Choose someone's new role (the form), say plainly what they will stop seeing
    when it takes something away (the confirming page), then change it (the
    button). Changing who may read people's private words asks for the password
    again, after the admin check, so nobody else learns the page exists."""
    organisation = get_managed_organisation(request, slug)
    place = get_object_or_404(
        OrganisationRole.objects.filter(organisation=organisation).select_related(
            "person"
        ),
        pk=role_id,
    )
    return _role_change(request, organisation, place)


@asks_for_the_password_again
def _role_change(
    request: AuthenticatedRequest, organisation: Organisation, place: OrganisationRole
) -> HttpResponse:
    form = RoleChangeForm(
        request.POST or None, initial={"role": place.role, "from_role": place.role}
    )
    if request.method == "POST" and form.is_valid():
        new_role = form.cleaned_data["role"]
        from_role = form.cleaned_data["from_role"]
        confirmed = form.cleaned_data["confirmed"]
        # The page was shown when they held another role (another admin changed it
        # meanwhile): what it said is no longer true, so nothing is applied.
        stale = bool(confirmed or from_role) and from_role != place.role
        refusal = role_change_refusal(request.user, place, new_role)
        if refusal:
            form.add_error("role", refusal)
        elif new_role == place.role:
            messages.info(
                request, f"{place.person.shown_name} is already {_label(new_role)}."
            )
            return redirect("organisations:people", slug=organisation.slug)
        elif takes_away(place.role, new_role) and (stale or not confirmed):
            return _confirming_page(request, organisation, place, new_role, stale=stale)
        elif stale:
            form = RoleChangeForm(initial={"role": place.role, "from_role": place.role})
            return render(
                request,
                "organisations/role_change.html",
                {
                    "organisation": organisation,
                    "place": place,
                    "form": form,
                    "changed_since": True,
                },
            )
        else:
            return _change(
                request,
                organisation,
                place,
                new_role,
                step_down_from_groups=form.cleaned_data["step_down_from_groups"],
            )
    return render(
        request,
        "organisations/role_change.html",
        {"organisation": organisation, "place": place, "form": form},
    )


def _confirming_page(
    request: AuthenticatedRequest,
    organisation: Organisation,
    place: OrganisationRole,
    new_role: str,
    *,
    stale: bool = False,
) -> HttpResponse:
    """What the person will stop seeing and what they keep, as things are now. With
    `stale`, the admin is told first that the person's role changed since they last
    looked."""
    is_self = place.person_id == request.user.pk
    return render(
        request,
        "organisations/role_confirm.html",
        {
            "organisation": organisation,
            "place": place,
            "new_role": new_role,
            "new_role_label": _label(new_role),
            "old_role_label": _label(place.role),
            "lost": what_they_stop(
                place.role,
                new_role,
                only_staff_facilitate=organisation.requires_staff_facilitators,
                is_self=is_self,
            ),
            "kept": what_they_keep(place, new_role, is_self=is_self),
            "is_self": is_self,
            "changed_since": stale,
        },
    )


def _change(
    request: AuthenticatedRequest,
    organisation: Organisation,
    place: OrganisationRole,
    new_role: str,
    *,
    step_down_from_groups: bool = False,
) -> HttpResponse:
    """Make the change, and say truly what happened: a change refused at the last
    moment (another admin stepped down, or took this admin's role away, meanwhile)
    shows the form again with the reason; someone who left meanwhile, or already
    holds the role, is not told of anything."""
    try:
        changed = actions.change_role(
            person=request.user,
            place=place,
            role=new_role,
            step_down_from_groups=step_down_from_groups,
        )
    except (PermissionDenied, Http404) as refusal:
        return _form_again(request, organisation, place, refusal)
    if not changed:
        if OrganisationRole.objects.filter(pk=place.pk).exists():
            messages.info(
                request,
                f"{place.person.shown_name} is already {_label(new_role)}. Nothing "
                "was changed.",
            )
        else:
            messages.info(
                request,
                f"{place.person.shown_name} is no longer in {organisation.name}, so "
                "nothing was changed.",
            )
        return redirect("organisations:people", slug=organisation.slug)
    if place.person_id == request.user.pk:
        messages.success(
            request,
            f"You are now {_label(new_role)} here. Another admin can change it back.",
        )
        return redirect("organisations:organisation-detail", slug=organisation.slug)
    messages.success(
        request,
        f"{place.person.shown_name} is now {_label(new_role)}. It took effect "
        "straight away, and they have been told.",
    )
    return redirect("organisations:people", slug=organisation.slug)


def _form_again(
    request: AuthenticatedRequest,
    organisation: Organisation,
    place: OrganisationRole,
    refusal: PermissionDenied | Http404,
) -> HttpResponse:
    """The role form again, with the person's role as it is now and the reason the
    change was not made; or, for an admin who is an admin no longer, or someone who
    left, a plain message on the page they may still see."""
    current = (
        OrganisationRole.objects.filter(pk=place.pk).select_related("person").first()
    )
    if current is None:
        messages.info(
            request,
            f"{place.person.shown_name} is no longer in {organisation.name}, so "
            "nothing was changed.",
        )
        return redirect("organisations:people", slug=organisation.slug)
    if isinstance(refusal, Http404):
        # Their own admin role was taken away meanwhile: the page is no longer
        # theirs to see.
        messages.info(
            request,
            "You are no longer an admin here, so the change was not made. Another "
            "admin can make it.",
        )
        return redirect("organisations:organisation-detail", slug=organisation.slug)
    reason = str(refusal) or "That change cannot be made now."
    form = RoleChangeForm(
        {"role": current.role, "from_role": current.role},
        initial={"role": current.role, "from_role": current.role},
    )
    form.is_valid()
    form.add_error("role", reason)
    return render(
        request,
        "organisations/role_change.html",
        {"organisation": organisation, "place": current, "form": form},
    )


def _label(role: str) -> str:
    """The role's name inside a sentence: "a peer", "an organisation admin"."""
    name = str(Role(role).label).lower()
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"
