"""UK services that every new organisation's "Get help now" directory starts with.

Admins can edit or remove each one. Numbers were checked against the services' own
published pages; `docs/operations.md` says when to check them again.
"""

from typing import TypedDict


class ServiceDefaults(TypedDict):
    name: str
    purpose: str
    phone: str
    text_message: str
    website: str
    hours: str
    region: str
    is_urgent: bool
    position: int


UK_SUPPORT_SERVICES: list[ServiceDefaults] = [
    {
        "name": "Emergency services",
        "purpose": "If a life is in danger right now, or someone is badly hurt.",
        "phone": "999",
        "text_message": "",
        "website": "",
        "hours": "Any time, day or night",
        "region": "UK",
        "is_urgent": True,
        "position": 1,
    },
    {
        "name": "NHS 111 (mental health option)",
        "purpose": "Urgent help for your mental health when it is not an emergency. "
        "Call 111 and choose the mental health option.",
        "phone": "111",
        "text_message": "",
        "website": "https://111.nhs.uk",
        "hours": "Any time, day or night",
        "region": "England and Wales",
        "is_urgent": True,
        "position": 2,
    },
    {
        "name": "Samaritans",
        "purpose": "Someone to listen, whatever you are going through. Free to call, "
        "and the number does not show on your phone bill.",
        "phone": "116 123",
        "text_message": "",
        "website": "https://www.samaritans.org",
        "hours": "Any time, day or night",
        "region": "UK and Ireland",
        "is_urgent": True,
        "position": 3,
    },
    {
        "name": "Shout",
        "purpose": "A free text conversation with a trained volunteer, if you would "
        "rather write than talk.",
        "phone": "",
        "text_message": "Text SHOUT to 85258",
        "website": "https://giveusashout.org",
        "hours": "Any time, day or night",
        "region": "UK",
        "is_urgent": True,
        "position": 4,
    },
    {
        "name": "Breathing Space",
        "purpose": "A free, confidential phone line for anyone in Scotland feeling "
        "low, stressed or anxious.",
        "phone": "0800 83 85 87",
        "text_message": "",
        "website": "https://breathingspace.scot",
        "hours": "6pm to 2am, Monday to Thursday; all weekend, from 6pm Friday "
        "to 6am Monday",
        "region": "Scotland",
        "is_urgent": False,
        "position": 10,
    },
    {
        "name": "Lifeline",
        "purpose": "Crisis counselling for anyone in Northern Ireland who is in "
        "distress or despair.",
        "phone": "0808 808 8000",
        "text_message": "",
        "website": "https://www.lifelinehelpline.info",
        "hours": "Any time, day or night",
        "region": "Northern Ireland",
        "is_urgent": False,
        "position": 11,
    },
    {
        "name": "CALM",
        "purpose": "Talk to someone if you are struggling or need support; for "
        "anyone, of any gender.",
        "phone": "0800 58 58 58",
        "text_message": "",
        "website": "https://www.thecalmzone.net",
        "hours": "5pm to midnight, every day",
        "region": "UK",
        "is_urgent": False,
        "position": 12,
    },
    {
        "name": "PAPYRUS HOPELINE247",
        "purpose": "For young people under 35 with thoughts of suicide, and anyone "
        "worried about a young person.",
        "phone": "0800 068 4141",
        "text_message": "Text 88247",
        "website": "https://www.papyrus-uk.org",
        "hours": "Any time, day or night",
        "region": "UK",
        "is_urgent": False,
        "position": 13,
    },
    {
        "name": "National Domestic Abuse Helpline",
        "purpose": "Free, confidential support for anyone experiencing domestic "
        "abuse, and for people worried about someone else.",
        "phone": "0808 2000 247",
        "text_message": "",
        "website": "https://www.nationaldahelpline.org.uk",
        "hours": "Any time, day or night",
        "region": "England",
        "is_urgent": False,
        "position": 14,
    },
    {
        "name": "Cruse Bereavement Support",
        "purpose": "Support after someone dies, for as long as you need it.",
        "phone": "0808 808 1677",
        "text_message": "",
        "website": "https://www.cruse.org.uk",
        "hours": "Most days; see the website for today's times",
        "region": "UK",
        "is_urgent": False,
        "position": 15,
    },
    {
        "name": "Mind Infoline",
        "purpose": "Information about mental health problems, treatment and where "
        "to get help near you.",
        "phone": "0300 123 3393",
        "text_message": "",
        "website": "https://www.mind.org.uk",
        "hours": "9am to 6pm, Monday to Friday, except bank holidays",
        "region": "England and Wales",
        "is_urgent": False,
        "position": 16,
    },
]
