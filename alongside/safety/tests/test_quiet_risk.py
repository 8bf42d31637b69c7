"""Quiet words of risk, by kind: no future, others better for one's death, fear of
acting on an urge, goodbyes without a word for dying, asking about a means, feeling
fated to die this way. Each kind alerts in the writer's own voice and stays quiet
when said of someone else, to the reader, in the past or as an everyday phrase.
Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

AT_RISK = {
    "no_future": [
        "I know I won't last much longer, whatever anyone says.",
        "Honestly I'm just not built to survive this.",
        "I'm not sure if I'm still going to be around by spring.",
        "I can't see myself a few years from now at all.",
        "I'd hate to live to see another Christmas like this one.",
        "I can't live through another winter like the last.",
        "Can't eat. Can't sleep. Can't imagine a future.",
    ],
    "better_for_my_death": [
        "My death would make their lives so much easier.",
        "Sometimes I wonder if my mum would miss me if I died.",
    ],
    "afraid_of_acting": [
        "I'm scared that I might actually act on the urges tonight.",
        "I keep getting the urge to push it into my neck.",
    ],
    "goodbye": [
        "You were all only delaying the inevitable. See you in the next life.",
        "This is my final good bye message to you all.",
        "I don't want to be talked out of it, I just want one last, good chat.",
    ],
    "asking_about_a_means": [
        "Does anyone know which pills to mix to kill myself?",
        "Is the old viaduct still an option for suicide?",
        "Honestly, why should I not just end it?",
        "Does anyone know if it's still possible to jump off the pier?",
    ],
    "unsure_is_not_denying": [
        "I can't tell if I'm suicidal or just exhausted, it's there every day.",
    ],
    "signs_together": [
        "I can't stand this loneliness one more minute. I feel so empty.",
        "Tonight's the night. No one wants me any more. Goodbye.",
    ],
    "alive_for_someone_else": [
        "I'd have been gone long ago if it weren't for my little brother.",
        "The only reason I'm still here is my dog.",
        "Why shouldn't I do the world a favour?",
    ],
    "named_as_mine_after": [
        "I finally told her about the suicidal thoughts I've been having.",
    ],
    "resolve_beside_a_means": [
        "I've got the gun now. I'll sort things for the kids before I do it.",
    ],
    "not_yet": [
        "I didn't kill myself tonight, but I came close.",
        "Why haven't I killed myself yet?",
    ],
    "fated": [
        "Does anyone else feel destined to die by suicide?",
        "I'm going to die by suicide one day, I just know it.",
    ],
}

NOT_AT_RISK = [
    # Someone else, the reader, the past, everyday phrases.
    "My nan says she won't last the year in that cold flat, so we're moving her.",
    "The old laptop is not built to last, it died again today.",
    "You're not built to survive on four hours' sleep, go to bed!",
    "If anyone else feels like this, please ring the helpline tonight.",
    "Our team had a good run while it lasted, shame about the final.",
    "It was a fun ride while it lasted, but we both wanted different things.",
    "Years ago I was scared I might act on the urges, and therapy helped me.",
    "I can't see myself living in London in a few years, it's too expensive.",
    "Does anyone know if the pool is still open to jump in after six?",
    "Thank you all, I'll see you next week at the group.",
    "Can't you imagine a future where you feel better than this?",
    "I'm not suicidal, I'm just worn out by this job.",
    "No one wants me on their team at work, it's a bit rubbish.",
    "I can't stand this weather, it's been raining all week.",
    "The only reason I'm here is the free biscuits, to be honest.",
    "She told me about the suicidal thoughts she's been having.",
    "Before I do it, I'll check the rota with my manager.",
    "Years ago I didn't kill myself because of my sister, and now I'm glad.",
    "He'd have been gone long ago if the last bus had come on time.",
]


@pytest.mark.parametrize(
    ("kind", "text"),
    [(kind, text) for kind, texts in AT_RISK.items() for text in texts],
)
def test_quiet_words_of_risk_alert_the_person_on_duty(kind: str, text: str) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert, (kind, text)
    assert result.card in {"crisis", "self_harm"}


@pytest.mark.parametrize("text", NOT_AT_RISK)
def test_the_same_words_about_others_or_everyday_things_do_not_alert(
    text: str,
) -> None:
    assert not screen(text).needs_on_duty_alert, text


def test_a_report_with_words_named_as_mine_after_them_is_screened() -> None:
    # No "I" before the words and a campaign in the sentence: read as a report,
    # never an error.
    result = screen("The awareness campaign talked about the urges I keep having.")
    assert not result.needs_on_duty_alert
