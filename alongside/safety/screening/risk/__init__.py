"""Risk to life: someone saying they intend to end their life, have a plan or a time,
or are saying goodbye.

Written as general rules about how people express intent, not as a list copied from any
data set. A match does not raise an alert when it is:

- negated ("I'm not suicidal", "I would never kill myself");
- told as past experience in a recovery story ("two years ago I attempted… now I'm
  doing better"), or set in the distant past;
- an idiom ("this exam is killing me", "I could kill for a coffee", "dying of
  embarrassment", "a cake to die for"): these are simply not in the patterns, and the
  common ones are excluded explicitly where they share words with a pattern;
- inside a quoted lyric or line from a film or book.

Concern for someone else ("my friend wants to kill herself") is reported separately:
the author is shown how to get help for them, without an alert about the author.

The parts, one concept each: ``intent`` (words of intent, plans and goodbyes),
``factors`` (weaker warning signs that alert together), ``others`` (worry for someone
else and words said to the reader), ``findings`` (what an assessment says and how
urgent it is) and ``assess`` (putting them together for one post).
"""

from alongside.safety.screening.risk.assess import assess_risk, weak_signs_in
from alongside.safety.screening.risk.factors import FACTOR_KINDS_FOR_ALERT, factor_score
from alongside.safety.screening.risk.findings import (
    URGENCY_BUILD_UP,
    URGENCY_IMMEDIATE,
    URGENCY_INTENT,
    URGENCY_NAMES,
    URGENCY_SIGNS,
    RiskAssessment,
    RiskFinding,
)
from alongside.safety.screening.risk.intent import ALERT_THRESHOLD

__all__ = [
    "ALERT_THRESHOLD",
    "FACTOR_KINDS_FOR_ALERT",
    "URGENCY_BUILD_UP",
    "URGENCY_IMMEDIATE",
    "URGENCY_INTENT",
    "URGENCY_NAMES",
    "URGENCY_SIGNS",
    "RiskAssessment",
    "RiskFinding",
    "assess_risk",
    "factor_score",
    "weak_signs_in",
]
