"""What a risk assessment says, and how urgent an alert is."""

from __future__ import annotations

from dataclasses import dataclass

# How soon someone should reach the person, highest first. Stored with the post and
# the alert; the moderation queue and the duty view are ordered by it.
URGENCY_IMMEDIATE = 6  # intent with a plan, a time, a goodbye or a means in detail
URGENCY_INTENT = 5  # intent to end one's life
URGENCY_SIGNS = 4  # two warning signs in one post, or wanting to self-harm now
URGENCY_BUILD_UP = 3  # weak warning signs built up over recent posts
URGENCY_NAMES = {
    URGENCY_IMMEDIATE: "Urgent: a plan, a time or a goodbye",
    URGENCY_INTENT: "Urgent: may want to end their life",
    URGENCY_SIGNS: "Soon: warning signs, or wanting to self-harm now",
    URGENCY_BUILD_UP: "Soon: warning signs building up over recent posts",
}


@dataclass(frozen=True, slots=True)
class RiskFinding:
    label: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    findings: tuple[RiskFinding, ...]
    # Set when the text speaks of present risk to the author's own life.
    is_at_risk: bool
    # Set when the text speaks of risk to someone else's life.
    is_concern_for_other: bool
    # Matches set aside as past experience, negation or a quotation (for the record).
    set_aside: tuple[RiskFinding, ...]
    # One of the URGENCY_* levels when at risk, else 0.
    urgency: int = 0
    # The writer wants to hurt themselves now (tonight, right now).
    is_self_harm_now: bool = False
    # Risk words addressed to the reader or asked as a question: the writer is
    # supporting someone, and may like short guidance on responding safely.
    is_supporting: bool = False
    # Kinds of weak warning sign found in the writer's own words (for build-up).
    weak_signs: frozenset[str] = frozenset()
