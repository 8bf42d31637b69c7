"""How the words of a post are shown: escaped, with line breaks, and with links made
clickable only where the organisation allows links.

Making links is by far the dearest part of showing a post, and most posts have none,
so it runs only on words that could hold one. The result is exactly what Django's
`urlize` then `linebreaksbr` give."""

from __future__ import annotations

import re

from django import template
from django.template.defaultfilters import linebreaksbr, urlize
from django.utils.safestring import SafeString

register = template.Library()

# Everything `urlize` turns into a link contains one of these (a web address with
# its scheme, one starting "www.", a bare name under a common ending, or an email
# address), so text without any of them comes out escaped and unchanged.
_MAY_HOLD_A_LINK = re.compile(
    r"https?://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)", re.IGNORECASE
)


@register.filter(is_safe=True, needs_autoescape=True)
def post_text(body: object, links_allowed: bool, autoescape: bool = True) -> SafeString:
    """The post's words as HTML: `{{ post.body|post_text:links_allowed }}`."""
    text = str(body)
    if links_allowed and _MAY_HOLD_A_LINK.search(text):
        return linebreaksbr(urlize(text, autoescape=autoescape), autoescape)
    return linebreaksbr(text, autoescape)
