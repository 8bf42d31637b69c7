"""The sign-in form: allauth's, in our words.

It lives apart from forms.py because allauth builds its sign-up form from ours when
its own forms module is imported.
"""

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm


class LoginForm(AllauthLoginForm):  # type: ignore[misc]
    """allauth's sign-in form in our words: one way to reset a forgotten password
    (the page says it once, in a sentence), and the "remember" choice explained."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Stay signed in on this device"
            self.fields[
                "remember"
            ].help_text = "Leave this unticked on a shared or work computer."
