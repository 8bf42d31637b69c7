"""Sign-in names that tell nobody who else uses the service.

If sign-up refused a name because it is taken, anyone could learn whether a named
person has an account here, which for a mental-health service is itself a harm. So
the name typed at sign-up is only the start of the sign-in name: four random
numbers are always added ("river" becomes "river-4821"), whether or not anyone uses
"river", and the whole name is shown straight after joining. A taken name and a
free one are answered by the same steps and the same page.
"""

from __future__ import annotations

import secrets

from .models import Person

# The part a person chooses is kept short enough for the numbers to fit in the
# 150 characters Django keeps for a username.
MAX_CHOSEN_LENGTH = 140
SUFFIX_DIGITS = 4
# With 10,000 endings a clash is rare; after a few, longer endings are used.
TRIES_PER_LENGTH = 5


def _ending(digits: int) -> str:
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def unique_sign_in_name(chosen: str) -> str:
    """`chosen` with a random ending of digits that no account has yet.

    Always adds the ending, and always asks the database the same way, so that how
    the answer comes back says nothing about who else has an account.
    """
    chosen = chosen[:MAX_CHOSEN_LENGTH]
    digits = SUFFIX_DIGITS
    while True:
        for _ in range(TRIES_PER_LENGTH):
            candidate = f"{chosen}-{_ending(digits)}"
            if not Person.objects.filter(username__iexact=candidate).exists():
                return candidate
        digits += 2
