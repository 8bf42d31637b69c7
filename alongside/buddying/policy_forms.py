"""Parse and check the organisation's one-to-one settings, and the questions the
settings add to asking for support, a supporter's matching facts and planning a
meeting (a team, a role at work, only "in person"). No writes here."""

from __future__ import annotations

from typing import Any

from django import forms

from .actions import MOST_TEAMS, TEAM_LENGTH, tidy_teams
from .pair_policy import PairPolicy

NO_TEAM = ("", "I would rather not say")


class PairSettingsForm(forms.Form):
    is_in_person_only = forms.BooleanField(
        label="Pairs meet in person only",
        required=False,
        help_text="They plan meetings here, and do not write to each other in "
        "Alongside. Coordinators see when the meetings are and whether the "
        "supporter checked in and out, never what is said.",
    )
    keeps_teams_apart = forms.BooleanField(
        label="Never match someone with a supporter from their own team",
        required=False,
        help_text="People choose their team from the list below when they ask. "
        "Supporters choose theirs with their matching facts.",
    )
    teams = forms.CharField(
        label="Your teams or departments",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One on each line, for example: Emergency department.",
    )

    def clean_teams(self) -> list[str]:
        teams = tidy_teams(self.cleaned_data.get("teams", "").splitlines())
        if len(teams) > MOST_TEAMS:
            raise forms.ValidationError(
                f"Please list up to {MOST_TEAMS} teams. Nothing you wrote is lost."
            )
        long = [team for team in teams if len(team) > TEAM_LENGTH]
        if long:
            raise forms.ValidationError(
                f"Please keep each team's name under {TEAM_LENGTH} characters "
                f"(this one is longer: {long[0][:40]}…). Nothing you wrote is lost."
            )
        return teams

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("keeps_teams_apart") and not cleaned.get("teams"):
            self.add_error(
                "teams",
                "To keep teams apart, please list your teams, one on each line, "
                "so that people can choose theirs.",
            )
        return cleaned


def _team_field(policy: PairPolicy, label: str, help_text: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[NO_TEAM, *((team, team) for team in policy.teams)],
        help_text=help_text,
        error_messages={
            "invalid_choice": "Please choose your team from the list.",
        },
    )


def add_request_questions(form: forms.Form, policy: PairPolicy) -> None:
    """Only the ways to meet the organisation allows; the team, where teams are
    kept apart; the role at work, in a workplace scheme."""
    form.fields["formats"].choices = policy.formats  # type: ignore[attr-defined]
    if policy.asks_team:
        form.fields["team"] = _team_field(
            policy,
            "Your team or department",
            "So that you are never matched with someone from your own team. Only "
            "the coordinators see it; your supporter does not.",
        )
    if policy.asks_work_role:
        form.fields["work_role"] = forms.CharField(
            label="Your role at work",
            required=False,
            max_length=80,
            help_text="The coordinators see it, to help them choose.",
            error_messages={
                "max_length": "Please keep this under 80 characters. Nothing you "
                "wrote is lost."
            },
        )
        form.fields["shares_work_role"] = forms.BooleanField(
            label="My supporter may know my role at work too",
            required=False,
            help_text="Leave this unticked and your supporter is never shown it.",
        )


def add_profile_questions(form: forms.Form, policy: PairPolicy) -> None:
    if policy.asks_team:
        form.fields["team"] = _team_field(
            policy,
            "Your team or department",
            "So that you are never matched with someone from your own team. If "
            "you would rather not say, you may be.",
        )


def limit_meeting_formats(form: forms.Form, policy: PairPolicy) -> None:
    form.fields["format"].choices = policy.formats  # type: ignore[attr-defined]
    if policy.is_in_person_only:
        form.fields["format"].initial = policy.formats[0][0]
