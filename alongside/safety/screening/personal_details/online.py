"""Emails (also spelled out), links (social profiles apart) and social media handles."""

from __future__ import annotations

import re
from collections.abc import Iterator

import alongside.safety.screening.scan as scan
from alongside.safety.screening.personal_details.kinds import Detail

# --- emails --------------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
    r"\.[A-Za-z]{2,}\b"
)
_MAIL_PROVIDERS = (
    r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|live|btinternet|aol|proton"
    r"|protonmail|sky|virginmedia|nhs|mail|ymail|msn)"
)
_EMAIL_SPELLED_OUT = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9][\w.+\-]*\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*"
    + _MAIL_PROVIDERS
    + r"\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+|\.)\s*(?:com|co\s*(?:\.|\s+dot\s+)?\s*uk"
    r"|net|org)\b",
    re.IGNORECASE,
)

# --- links ---------------------------------------------------------------------------
_TLDS = r"(?:com|org|net|co\.uk|org\.uk|ac\.uk|gov\.uk|nhs\.uk|uk|io|me|ly|gg|info|app|tv|link|page)"
_LINK = re.compile(
    r"(?:\b(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![@\w.\-])[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]+)*\." + _TLDS + r"\b"
    r"(?:/[^\s<>\"']*)?)",
    re.IGNORECASE,
)
_PROFILE_SITES = re.compile(
    r"(?:instagram\.com|instagr\.am|facebook\.com|fb\.com|fb\.me|tiktok\.com"
    r"|twitter\.com|(?<![\w.])x\.com|snapchat\.com|wa\.me|t\.me|discord\.gg"
    r"|discord\.com/users|linkedin\.com/in|threads\.net|bsky\.app|onlyfans\.com"
    r"|reddit\.com/u(?:ser)?/|youtube\.com/@)",
    re.IGNORECASE,
)

# --- social handles ------------------------------------------------------------------
_PLATFORMS = (
    r"(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|tt|twitter|discord|kik|telegram"
    r"|whats\s?app|facebook|fb|threads|bluesky|reddit|steam|xbox|psn|twitch|skype)"
)
_HANDLE_AT = re.compile(
    r"(?<![\w@.])@(?=[A-Za-z0-9_.]*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
)


def _handle_name(group: str) -> str:
    return (
        r"@?(?P<" + group + r">[A-Za-z0-9_][A-Za-z0-9_.#]{1,30}[A-Za-z0-9_])(?![\w#])"
    )


_HANDLE_CONTEXT = re.compile(
    r"(?:\b"
    + _PLATFORMS
    + r"\s*(?:name|handle|username|user|id)?\s*(?:[:=\-]|is|\bat\b)\s*"
    + _handle_name("name1")
    + r"|\b(?:add|follow|message|msg|dm|snap|hmu|hit\s+me\s+up|find|text|ping)"
    r"\s+me\s+(?:on\s+"
    + _PLATFORMS
    + r"\s*(?:[:\-]|\bat\b)?|at|@)\s*"
    + _handle_name("name2")
    + r"|\bmy\s+"
    + _PLATFORMS
    + r"\s+(?:is|=|:)\s*"
    + _handle_name("name3")
    + r")",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "the",
        "if",
        "so",
        "too",
        "as",
        "at",
        "on",
        "in",
        "to",
        "me",
        "my",
        "you",
        "your",
        "it",
        "its",
        "is",
        "was",
        "be",
        "are",
        "then",
        "than",
        "there",
        "here",
        "this",
        "that",
        "please",
        "pls",
        "plz",
        "anytime",
        "any",
        "time",
        "tonight",
        "later",
        "soon",
        "sometime",
        "whenever",
        "guys",
        "everyone",
        "anyone",
        "someone",
        "x",
        "xx",
        "xxx",
        "lol",
        "haha",
        "if",
        "ok",
        "okay",
        "yes",
        "no",
        "not",
        "now",
        "just",
        "maybe",
        "cos",
        "because",
        "but",
        "sure",
        "thanks",
        "thank",
        "first",
        "again",
        "all",
        "though",
        "instead",
        "aswell",
        "also",
    ]
)


# What every email, spelled-out email and link holds: a post without it (most
# posts) is passed over in one quick look.
_SPELLED_AT = re.compile(
    r"(?:\[at\]|\(at\)|\{at\}|\sat\s)\s*" + _MAIL_PROVIDERS, re.IGNORECASE
)
_LINK_HINT = re.compile(r"https?://|www\.|\.(?:" + _TLDS + r")\b", re.IGNORECASE)


def find_emails(text: str) -> Iterator[Detail]:
    if "@" in text:
        for match in scan.finditer(_EMAIL, text):
            yield Detail("email", match.start(), match.end(), 0.95)
    if _SPELLED_AT.search(text):
        for match in scan.finditer(_EMAIL_SPELLED_OUT, text):
            yield Detail("email", match.start(), match.end(), 0.95)


def find_links(text: str) -> Iterator[Detail]:
    if not _LINK_HINT.search(text):
        return
    for match in scan.finditer(_LINK, text):
        value = match.group(0)
        trimmed = value.rstrip(".,;:!?)]}'\"")
        end = match.start() + len(trimmed)
        kind = "profile_link" if _PROFILE_SITES.search(trimmed) else "link"
        yield Detail(kind, match.start(), end, 0.9)


def find_handles(text: str) -> Iterator[Detail]:
    if "@" in text:
        for match in scan.finditer(_HANDLE_AT, text):
            yield Detail("social_handle", match.start(), match.end(), 0.8)
    for match in scan.finditer(_HANDLE_CONTEXT, text):
        name = next(
            (
                value
                for key, value in match.groupdict().items()
                if key.startswith("name") and value
            ),
            None,
        )
        if (
            not name
            or name.lower() in _NOT_A_NAME
            or (name.isdigit() and len(name) < 5)
        ):
            continue
        yield Detail("social_handle", match.start(), match.end(), 0.85)
