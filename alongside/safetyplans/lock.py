"""The optional PIN on a plan, for people on a shared device.

Unlocking is remembered in the person's session and lapses after `IDLE_SECONDS`
without opening a plan page, so the plan locks itself after five minutes idle even
with JavaScript switched off; with JavaScript the open page also locks itself then
(`plan-lock.js`). A forgotten PIN is removed by typing the account password again
(signing in again), never by staff.
"""

from __future__ import annotations

import json
import time

from django.http import HttpRequest, QueryDict

from .models import SafetyPlan

IDLE_SECONDS = 5 * 60
SESSION_KEY = "alongside.plan_unlocked_at"
# Wrong PINs and wrong passwords on the forgotten-PIN page count together; the rate
# is set beside sign-in's in settings.ACCOUNT_RATE_LIMITS.
WRONG_TRIES = "plan_pin_wrong_tries"


def is_locked(request: HttpRequest, plan: SafetyPlan | None) -> bool:
    """Whether the plan has a PIN that this browser has not entered in the last
    five minutes of use."""
    if plan is None or not plan.has_pin:
        return False
    unlocked_at = request.session.get(SESSION_KEY)
    if not isinstance(unlocked_at, int | float):
        return True
    return time.time() - unlocked_at > IDLE_SECONDS


def keep_open(request: HttpRequest) -> None:
    """Note that the plan is in use now (unlocked, or still open)."""
    request.session[SESSION_KEY] = time.time()


def lock_now(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


DRAFT_SESSION_KEY = "alongside.plan_draft"
DRAFT_CONTEXT = "safetyplans.draft"
DRAFT_FIELDS = ("text", "not_for_me", "contact-", "service-")


def keep_draft(request: HttpRequest, *, person_id: int, section: str) -> None:
    """Keep what was being typed into a section when the plan locked, sealed under
    the person's own key (the session store never holds the words in plain), so
    that it is back in the form once the PIN is entered."""
    from alongside.core import crypto

    from .sealing import data_key_for_person

    fields = {
        name: request.POST.getlist(name)
        for name in request.POST
        if name.startswith(DRAFT_FIELDS)
    }
    key_id, data_key = data_key_for_person(person_id)
    request.session[DRAFT_SESSION_KEY] = {
        "section": section,
        "sealed": crypto.seal(key_id, data_key, json.dumps(fields), DRAFT_CONTEXT),
    }


def take_draft(request: HttpRequest, *, section: str) -> QueryDict | None:
    """The kept draft for this section, once; None when there is none."""
    from .sealing import open_stored

    draft = request.session.get(DRAFT_SESSION_KEY)
    if not isinstance(draft, dict) or draft.get("section") != section:
        return None
    request.session.pop(DRAFT_SESSION_KEY, None)
    try:
        fields = json.loads(open_stored(str(draft.get("sealed", "")), DRAFT_CONTEXT))
    except ValueError:
        return None
    if not isinstance(fields, dict):
        return None
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        if isinstance(values, list):
            data.setlist(str(name), [str(value) for value in values])
    return data
