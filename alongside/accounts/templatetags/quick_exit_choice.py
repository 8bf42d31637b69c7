"""The address the quick exit calls to sign out, on pages where it should."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from alongside.accounts.quick_exit import quick_exit_signs_out

register = template.Library()


@register.simple_tag(takes_context=True)
def quick_exit_sign_out_url(context: template.Context) -> str:
    """The sign-out address when leaving quickly should sign out here, else "".

    A page about a group passes the group as `group`; whether someone may be watching
    there is the group's own setting.
    """
    request = context.get("request")
    person: Any = getattr(request, "user", None)
    if person is None:
        return ""
    group = context.get("group")
    watched = bool(getattr(group, "someone_may_be_watching", False))
    if not quick_exit_signs_out(person, someone_may_be_watching=watched):
        return ""
    return reverse("accounts:quick-exit-sign-out")
