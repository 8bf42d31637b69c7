"""`{% compact %}` drops only the template's own line breaks and indentation: never a
space on the line, never anything a variable renders."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError


def rendered(source: str, **values: object) -> str:
    return Template("{% load compact %}" + source).render(Context(values))


def test_line_breaks_next_to_tags_go_and_spaces_on_the_line_stay() -> None:
    source = """{% compact %}
    <li>
      <p><span>{{ name }}</span> <time>now</time></p>
      {% if shown %}
        <p>{{ words }}</p>
      {% endif %}
    </li>
    {% endcompact %}
"""
    assert rendered(source, name="Sam", shown=True, words="hi") == (
        "<li><p><span>Sam</span> <time>now</time></p><p>hi</p></li>\n"
    )


def test_a_line_break_between_words_is_one_space() -> None:
    source = "{% compact %}<p>Only you\n      can see this.</p>{% endcompact %}"
    assert rendered(source) == "<p>Only you can see this.</p>"


def test_what_a_variable_renders_is_never_touched() -> None:
    words = "Two  spaces,\n\n   then indented,\tand a tab.\n"
    source = "{% compact %}\n  <div>{{ words }}</div>\n  <p>{{ words }}</p>\n"
    assert rendered(source, words=words) == f"<div>{words}</div><p>{words}</p>"


def test_without_an_end_it_runs_to_the_end_with_the_last_line_break() -> None:
    assert rendered("{% compact %}\n<p>\n  {{ a }}\n</p>\n", a=1) == "<p>1</p>"


def test_a_line_break_beside_a_variable_or_tag_and_a_word_is_one_space() -> None:
    source = (
        "{% compact %}<p>Hello\n  {{ name }}\n  said {% if a %}yes{% endif %}"
        "\n  then</p>"
    )
    assert rendered(source, name="Sam", a=True) == "<p>Hello Sam said yes then</p>"


def test_a_line_break_between_two_template_tags_goes() -> None:
    source = "{% compact %}{% if a %}<b>x</b>{% endif %}\n  {% if a %}y{% endif %}"
    assert rendered(source, a=True) == "<b>x</b>y"


@pytest.mark.parametrize("element", ["<pre>", "<PRE class='x'>", "<textarea>"])
def test_text_whose_whitespace_shows_is_refused(element: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        rendered("{% compact %}" + element + "a\n  b{% endcompact %}")
