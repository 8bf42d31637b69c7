"""`{% compact %}`: a template's own line breaks and indentation, dropped once as the
template is read, so what it renders carries no whitespace that is only there to make
the template readable.

    {% load compact %}{% compact %}
    <li>
      <p>{{ post.body }}</p>
    </li>
    {% endcompact %}

renders `<li><p>…</p></li>`. A line break with the spaces around it vanishes next to
an HTML tag, between two template tags or variables, and at the start or end of the
block; between two words, or a word and a variable or template tag, it becomes one
space. A space on the line stays, so a space that shows between two elements
(`</span> <time>`) is written on one line. Only the template's own text changes: what
a variable renders (a person's words) is never touched. Without `{% endcompact %}` it
runs to the end of the template, its last line break with it. Text whose whitespace
shows (`<pre>`, `<textarea>`) cannot be compacted: the template is refused.
"""

from __future__ import annotations

import re

from django import template
from django.template import TemplateSyntaxError
from django.template.base import Node, NodeList, Parser, TextNode, Token, TokenType
from django.template.context import Context

register = template.Library()

_BREAK = re.compile(r"\s*\n\s*")
_SHOWN_WHITESPACE = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)


def compacted(text: str) -> str:
    """The template's text between two of its tags (or the block's edges), each line
    break in it, with the spaces around it, dropped next to a tag and made one space
    between words."""

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        after_html = start > 0 and text[start - 1] == ">"
        before_html = end < len(text) and text[end] == "<"
        between_template_tags = start == 0 and end == len(text)
        if after_html or before_html or between_template_tags:
            return ""
        return " "

    return _BREAK.sub(replace, text)


class CompactNode(Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: Context) -> str:
        return str(self.nodelist.render(context))


@register.tag
def compact(parser: Parser, token: Token) -> CompactNode:
    closes = any(
        isinstance(later, Token)
        and later.token_type == TokenType.BLOCK
        and later.contents == "endcompact"
        for later in parser.tokens
    )
    nodelist = parser.parse(("endcompact",) if closes else ())
    if closes:
        parser.delete_first_token()
    # In place, so that a partial defined within (template_partials keeps its nodes
    # as they are parsed) is compact too.
    for node in nodelist.get_nodes_by_type(TextNode):
        assert isinstance(node, TextNode)
        if _SHOWN_WHITESPACE.search(node.s):
            raise TemplateSyntaxError(
                "{% compact %} cannot hold <pre> or <textarea>: their whitespace shows."
            )
        node.s = compacted(node.s)
    return CompactNode(nodelist)
