"""Who may open the Today page. The only place that decides.

Anyone with a staff role (facilitator, supervisor or admin) in any organisation has
a Today page; everyone else gets 404, as if it did not exist. What each section of
the page lists is decided by the owning app's own rules (see sections.py).
"""

from __future__ import annotations

from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.permissions import is_staff


def can_see_today(person: Person) -> bool:
    """Staff of any organisation, now; never a peer, nor anyone signed out."""
    return is_staff(person)


def check_see_today(person: Person) -> None:
    """Raises Http404 unless can_see_today. No side effects."""
    if not can_see_today(person):
        raise Http404
