"""Questions a person at risk asks of themselves, or of no one: how to die, how much
it would take, how painful a way is, why suicide is not the answer. They alert even as
questions; a supporter's question to the reader ("are you thinking of ending your
life?") never does (see ``assess``).
"""

from __future__ import annotations

OWN_QUESTIONS: tuple[tuple[str, str, float, bool], ...] = (
    (
        "own_question",
        r"\b(?:how|ways?|best\s+way|easiest\s+way|quickest\s+way|painless\s+way|methods?)"
        r"\s+(?:to|of)\s+(?:kill\s+(?:my|one)\s*self|die\b|end\s+(?:it\s+all|my\s+life)"
        r"|commit\s+suicide|overdose)"
        r"|\bhow\s+(?:much|many)\s+(?:\w+\s+){0,3}?(?:will|would|does|do)\s+(?:it|i\s+need\s+to)"
        r"\s+take\b(?!\s+(?:to\s+(?:get|make|learn|save|pay|fix|finish|build)|for|before))"
        r"|\b(?:why|how)\s+(?:is|isn'?t)\s+(?:suicide|death|dying|killing\s+myself)\s+(?:not\s+)?"
        r"(?:the\s+|a\s+)?(?:answer|solution|option|way\s+out|better)\b"
        r"|\bwhy\s+(?:shouldn'?t|should\s+not|can'?t)\s+i\s+(?:just\s+)?(?:die|kill\s+myself"
        r"|end\s+it|end\s+my\s+life)\b"
        r"|\b(?:least\s+painful|most\s+painless|painless|quickest|easiest|surest|best)\s+(?:way"
        r"|method)\s+(?:to\s+(?:go|die|do\s+it|end\s+it)\b|out\b)"
        r"|\bhow\s+(?:painful|quick|long)\s+(?:is|does)\s+(?:hanging|drowning|an?\s+overdose"
        r"|overdosing|bleeding\s+out|jumping)\b|\bis\s+(?:hanging|drowning|an?\s+overdose"
        r"|overdosing|jumping)\s+(?:a\s+)?(?:painless|painful|quick)\b"
        r"|\b(?:is|are|would)\s+(?:\w+\s+){1,2}(?:stor(?:ey|y|ies|eys)|floors?|f(?:ee)?t|metres"
        r"|meters)\s+(?:be\s+)?high\s+enough\b",
        0.8,
        False,
    ),
)
