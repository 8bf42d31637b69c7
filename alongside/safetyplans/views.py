"""Pages of My plan: the owner's plan and its sections, history, printouts,
sharing, reminder and PIN; the copies shared with a named person; and a shared
link's copy, which is the one page here open without signing in.

Every owner page goes through the PIN lock first (`lock.py`). Lookups go through
`permissions.py`; changes through `actions.py`.
"""

from __future__ import annotations

from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest

from . import actions, lock
from .forms import (
    LINK,
    ContactFormSet,
    PasswordAgainForm,
    PinForm,
    ReminderForm,
    SectionForm,
    ServiceFormSet,
    ShareForm,
    UnlockForm,
)
from .models import PlanShare, SafetyPlan
from .pdf import LAYOUT_NAMES, Layout, PrintableSection, render_pdf
from .permissions import (
    get_link_share,
    get_own_share,
    get_share_for,
    plan_of,
    share_an_organisation,
)
from .permissions import shares_visible_to as shares_with
from .sections import (
    SECTIONS_BY_KEY,
    Contact,
    Kind,
    PlanContent,
    services_in,
    shown_sections,
)


def _open_plan(request: AuthenticatedRequest) -> SafetyPlan | None:
    """The owner's plan (None before anything is saved), kept open for five more
    minutes when it has a PIN. Raises `_Locked` when the PIN is needed first."""
    plan = plan_of(request.user)
    if lock.is_locked(request, plan):
        raise _Locked
    if plan is not None and plan.has_pin:
        lock.keep_open(request)
    return plan


class _Locked(Exception):
    pass


def _locked_page(request: HttpRequest) -> HttpResponse:
    return redirect("safetyplans:plan-unlock")


def _content(plan: SafetyPlan | None) -> PlanContent:
    return PlanContent() if plan is None else actions.current_content(plan)


def _owner_context(
    request: AuthenticatedRequest, plan: SafetyPlan | None
) -> dict[str, Any]:
    return {"plan": plan, "has_pin": plan is not None and plan.has_pin}


@login_required
@require_GET
def plan_detail(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    content = _content(plan)
    return render(
        request,
        "safetyplans/plan.html",
        {
            **_owner_context(request, plan),
            "sections": shown_sections(content, request.user),
            "is_empty": content.is_empty,
        },
    )


def _contact_initial(contacts: list[Contact], blank_rows: int) -> list[dict[str, str]]:
    rows = [
        {
            "name": c.name,
            "phone": c.phone,
            "text_to": c.text_to,
            "note": c.note,
        }
        for c in contacts
    ]
    return rows + [{} for _ in range(blank_rows)]


def _unlock_then(section: str) -> HttpResponse:
    return redirect(reverse("safetyplans:plan-unlock") + f"?section={section}")


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: AuthenticatedRequest, section: str) -> HttpResponse:
    chosen = SECTIONS_BY_KEY.get(section)
    if chosen is None:
        raise Http404
    plan = plan_of(request.user)
    is_locked = lock.is_locked(request, plan)
    locks_now = (
        bool(request.POST.get("lock_after")) and plan is not None and plan.has_pin
    )
    if request.method == "POST" and (is_locked or locks_now):
        # Locked while typing: keep the words (sealed) for after the PIN.
        lock.keep_draft(request, person_id=request.user.pk, section=section)
        lock.lock_now(request)
        return _unlock_then(section)
    if is_locked:
        return _unlock_then(section)
    if plan is not None and plan.has_pin:
        lock.keep_open(request)
    draft = (
        lock.take_draft(request, section=section) if request.method == "GET" else None
    )
    if draft is not None:
        messages.info(request, "What you were typing is back. Press Save to keep it.")
    content = _content(plan)
    data = request.POST if request.method == "POST" else draft
    form = SectionForm(
        data,
        initial={
            "text": content.text(section),
            "not_for_me": content.is_not_for_me(section),
        },
        label="Anything else you want to write here"
        if chosen.kind != Kind.TEXT
        else "In your own words",
    )
    contacts_form: BaseFormSet[Any] | None = None
    if chosen.kind == Kind.PEOPLE:
        contacts_form = ContactFormSet(
            data, initial=_contact_initial(content.people, 2), prefix="contact"
        )
    elif chosen.kind == Kind.SERVICES:
        contacts_form = ServiceFormSet(
            data,
            initial=_contact_initial(services_in(content, request.user), 2),
            prefix="service",
        )
    if request.method == "POST":
        valid = form.is_valid()
        valid = (contacts_form is None or contacts_form.is_valid()) and valid
        if valid:
            contacts = None
            if contacts_form is not None:
                contacts = [
                    c
                    for c in (f.contact() for f in contacts_form.forms)
                    if c is not None
                ]
            actions.save_section(
                person=request.user,
                section_key=section,
                text=form.cleaned_data["text"],
                not_for_me=form.cleaned_data["not_for_me"],
                contacts=contacts,
            )
            messages.success(request, "Saved. Earlier versions are kept too.")
            return redirect(reverse("safetyplans:plan-detail") + f"#{section}")
    return render(
        request,
        "safetyplans/section_edit.html",
        {
            **_owner_context(request, plan),
            "section": chosen,
            "form": form,
            "contacts_form": contacts_form,
        },
    )


@login_required
@require_GET
def version_list(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    versions = [] if plan is None else list(plan.versions.defer("content"))
    return render(
        request,
        "safetyplans/history.html",
        {
            **_owner_context(request, plan),
            "versions": [(v, SECTIONS_BY_KEY.get(v.changed_section)) for v in versions],
        },
    )


@login_required
@require_GET
def version_detail(request: AuthenticatedRequest, version_number: int) -> HttpResponse:
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    version = (
        None if plan is None else plan.versions.filter(number=version_number).first()
    )
    if version is None:
        raise Http404
    content = PlanContent.from_json(version.content)
    return render(
        request,
        "safetyplans/version.html",
        {
            **_owner_context(request, plan),
            "version": version,
            "sections": shown_sections(content, request.user),
        },
    )


def _printable(content: PlanContent, person: object) -> list[PrintableSection]:
    printable = []
    for shown in shown_sections(content, person):
        if shown.is_not_for_me or not shown.has_words:
            continue
        lines = [line for line in shown.text.splitlines() if line.strip()]
        for contact in shown.contacts:
            parts = [contact.name]
            if contact.phone:
                parts.append(f"call {contact.phone}")
            if contact.text_to and contact.text_to != contact.phone:
                parts.append(f"text {contact.text_to}")
            elif contact.text_to:
                parts.append("or text")
            line = (
                ": ".join([parts[0], ", ".join(parts[1:])]) if parts[1:] else parts[0]
            )
            if contact.note:
                line += f". {contact.note}"
            lines.append(line)
        printable.append(PrintableSection(shown.section.heading, lines))
    return printable


@login_required
@require_GET
def plan_pdf(request: AuthenticatedRequest, layout: str) -> HttpResponse:
    if layout not in Layout.__members__.values():
        raise Http404
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    chosen = Layout(layout)
    body = render_pdf(_printable(_content(plan), request.user), chosen)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{LAYOUT_NAMES[chosen]}"'
    return response


@login_required
@require_GET
def plan_print(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    return render(
        request,
        "safetyplans/print.html",
        {**_owner_context(request, plan), "layouts": Layout},
    )


def _share_rows(plan: SafetyPlan | None) -> list[tuple[PlanShare, bool]]:
    """Each share, and whether its named person can still open it (they, or the
    owner, may have left the organisation since)."""
    if plan is None:
        return []
    shares = plan.shares.select_related("recipient").prefetch_related("views")
    return [
        (
            share,
            share.recipient is None
            or share_an_organisation(plan.owner, share.recipient),
        )
        for share in shares
    ]


@login_required
@require_http_methods(["GET", "POST"])
def share_list(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    form = ShareForm(
        request.POST or None,
        owner=request.user,
        initial={"days": actions.DEFAULT_LINK_DAYS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["kind"] == LINK:
                actions.share_by_link(
                    person=request.user,
                    days=form.link_days,
                    shown_as=form.cleaned_data["shown_as"],
                )
                messages.success(request, "Your link is ready: copy it from the list.")
            else:
                assert form.recipient is not None
                actions.share_with_person(
                    person=request.user,
                    recipient=form.recipient,
                    shown_as=form.cleaned_data["shown_as"],
                )
                messages.success(
                    request, "Shared. They will find it in their notifications."
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("safetyplans:share-list")
    plan = plan_of(request.user)
    return render(
        request,
        "safetyplans/sharing.html",
        {**_owner_context(request, plan), "form": form, "shares": _share_rows(plan)},
    )


@login_required
@require_POST
def share_revoke(request: AuthenticatedRequest, share_id: int) -> HttpResponse:
    share = get_own_share(request.user, share_id)
    try:
        _open_plan(request)
    except _Locked:
        return _locked_page(request)
    actions.revoke_share(person=request.user, share=share)
    messages.success(request, "Stopped. Nobody can open that share any more.")
    return redirect("safetyplans:share-list")


@login_required
@require_http_methods(["GET", "POST"])
def reminder_edit(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    form = ReminderForm(
        request.POST or None,
        initial={"review_months": plan.review_months if plan else 0},
    )
    if request.method == "POST" and form.is_valid():
        actions.set_review_reminder(
            person=request.user, months=form.cleaned_data["review_months"]
        )
        messages.success(request, "Your reminder choice is saved.")
        return redirect("safetyplans:plan-detail")
    return render(
        request,
        "safetyplans/reminder.html",
        {**_owner_context(request, plan), "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pin_edit(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = _open_plan(request)
    except _Locked:
        return _locked_page(request)
    if request.method == "POST" and request.POST.get("action") == "remove":
        actions.remove_pin(person=request.user)
        messages.success(request, "The PIN is off. Your plan opens without it.")
        return redirect("safetyplans:plan-detail")
    form = PinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.set_pin(person=request.user, pin=form.cleaned_data["pin"])
        lock.keep_open(request)
        messages.success(
            request, "Done. The plan asks for the PIN after five idle minutes."
        )
        return redirect("safetyplans:plan-detail")
    return render(
        request, "safetyplans/pin.html", {**_owner_context(request, plan), "form": form}
    )


@login_required
@require_POST
def plan_lock(request: AuthenticatedRequest) -> HttpResponse:
    lock.lock_now(request)
    plan = plan_of(request.user)
    if plan is not None and plan.has_pin:
        return redirect("safetyplans:plan-unlock")
    return redirect("safetyplans:plan-detail")


@login_required
@require_http_methods(["GET", "POST"])
def plan_unlock(request: AuthenticatedRequest) -> HttpResponse:
    plan = plan_of(request.user)
    if plan is None or not lock.is_locked(request, plan):
        return redirect("safetyplans:plan-detail")
    may_try = ratelimit.consume(
        request, action=lock.WRONG_TRIES, user=request.user, dry_run=True
    )
    section = request.GET.get("section", "")
    form = UnlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not may_try:
            form.add_error(
                "pin",
                "That PIN has been tried several times. Please wait five minutes, "
                "then try again.",
            )
        elif check_password(form.cleaned_data["pin"], plan.pin_hash):
            lock.keep_open(request)
            if section in SECTIONS_BY_KEY:
                return redirect("safetyplans:section-edit", section=section)
            return redirect("safetyplans:plan-detail")
        else:
            ratelimit.consume(request, action=lock.WRONG_TRIES, user=request.user)
            form.add_error("pin", "That PIN did not match. Please try again.")
    return render(
        request,
        "safetyplans/unlock.html",
        {"form": form, "section": section if section in SECTIONS_BY_KEY else ""},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pin_reset(request: AuthenticatedRequest) -> HttpResponse:
    plan = plan_of(request.user)
    if plan is None or not plan.has_pin:
        return redirect("safetyplans:plan-detail")
    may_try = ratelimit.consume(
        request, action=lock.WRONG_TRIES, user=request.user, dry_run=True
    )
    form = PasswordAgainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not may_try:
            form.add_error(
                "password",
                "That has been tried several times. Please wait five minutes, "
                "then try again.",
            )
        elif request.user.check_password(form.cleaned_data["password"]):
            actions.remove_pin(person=request.user)
            lock.keep_open(request)
            messages.success(request, "The PIN is off. You can set a new one.")
            return redirect("safetyplans:plan-detail")
        else:
            ratelimit.consume(request, action=lock.WRONG_TRIES, user=request.user)
            form.add_error("password", "That password did not match. Please try again.")
    return render(request, "safetyplans/pin_reset.html", {"form": form})


@login_required
@require_GET
def shared_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "safetyplans/shared_list.html",
        {"shares": list(shares_with(request.user).order_by("-created_at"))},
    )


def _shared_copy(
    request: HttpRequest, share: PlanShare, *, is_link: bool
) -> HttpResponse:
    actions.record_share_view(share=share)
    owner = share.plan.owner
    content = actions.current_content(share.plan)
    response = render(
        request,
        "safetyplans/shared.html",
        {
            "share": share,
            "is_link": is_link,
            "sections": shown_sections(content, owner),
            "is_empty": content.is_empty,
        },
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_GET
def shared_detail(request: AuthenticatedRequest, share_id: int) -> HttpResponse:
    share = get_share_for(request.user, share_id)
    return _shared_copy(request, share, is_link=False)


@require_GET
def link_view(request: HttpRequest, token: str) -> HttpResponse:
    """Public on purpose: the owner gave this link to someone. It answers 404 once
    revoked or expired, as for any unknown link."""
    share = get_link_share(token)
    return _shared_copy(request, share, is_link=True)
