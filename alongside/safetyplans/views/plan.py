"""The owner's plan: reading it, writing a section, earlier versions, printouts and
the reminder."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BaseFormSet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from alongside.core.requests import AuthenticatedRequest

from .. import actions, lock
from ..forms import ContactFormSet, ReminderForm, SectionForm, ServiceFormSet
from ..pdf import LAYOUT_NAMES, Layout, PrintableSection, render_pdf
from ..permissions import plan_of
from ..sections import (
    SECTIONS_BY_KEY,
    Contact,
    Kind,
    PlanContent,
    services_in,
    shown_sections,
)
from .common import PlanLocked, content_of, open_plan, owner_context, unlock_page


@login_required
@require_GET
def plan_detail(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
    content = content_of(plan)
    return render(
        request,
        "safetyplans/plan.html",
        {
            **owner_context(request, plan),
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
    content = content_of(plan)
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
            **owner_context(request, plan),
            "section": chosen,
            "form": form,
            "contacts_form": contacts_form,
        },
    )


@login_required
@require_GET
def version_list(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
    versions = [] if plan is None else list(plan.versions.defer("content"))
    return render(
        request,
        "safetyplans/history.html",
        {
            **owner_context(request, plan),
            "versions": [(v, SECTIONS_BY_KEY.get(v.changed_section)) for v in versions],
        },
    )


@login_required
@require_GET
def version_detail(request: AuthenticatedRequest, version_number: int) -> HttpResponse:
    try:
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
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
            **owner_context(request, plan),
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
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
    chosen = Layout(layout)
    body = render_pdf(_printable(content_of(plan), request.user), chosen)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{LAYOUT_NAMES[chosen]}"'
    return response


@login_required
@require_GET
def plan_print(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
    return render(
        request,
        "safetyplans/print.html",
        {**owner_context(request, plan), "layouts": Layout},
    )


@login_required
@require_http_methods(["GET", "POST"])
def reminder_edit(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
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
        {**owner_context(request, plan), "form": form},
    )
