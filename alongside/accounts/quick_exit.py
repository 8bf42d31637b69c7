"""When leaving quickly also signs a person out of this browser.

Leaving quickly always clears what the person was typing. Signing out as well is the
person's own choice; by default it happens on the pages of a group where someone may
be watching (a women's space, for example), so that nobody at the same device can
come back in after them.
"""

from __future__ import annotations

from .models import Person, QuickExit


def quick_exit_signs_out(person: Person, *, someone_may_be_watching: bool) -> bool:
    """Whether the quick exit on this page also signs `person` out. Someone signed
    out has nothing to sign out of."""
    if not person.is_authenticated:
        return False
    choice = person.quick_exit_signs_out
    if choice == QuickExit.ALWAYS:
        return True
    if choice == QuickExit.NEVER:
        return False
    return someone_may_be_watching
