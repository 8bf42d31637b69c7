"""Charts drawn on the server as SVG with pygal, shown as images with a text
summary as their alternative text, each beside its data table. No JavaScript runs:
an SVG shown as an image never runs scripts, and pygal is told to link none.
Hidden figures are left out of a chart (a gap), never drawn as zero.

Drawing is the slow part of a dashboard built afresh, and a chart depends only on
its title, labels and numbers (figures already through disclosure control), so the
last few drawn are remembered in this process and drawn again only when a number
changes."""

from __future__ import annotations

import base64
import functools
from collections.abc import Sequence

import pygal
from pygal.style import Style

# High contrast on white, and colours told apart by people with colour blindness
# (Okabe and Ito's palette).
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1a1a1a",
    foreground_strong="#1a1a1a",
    foreground_subtle="#555555",
    colors=(
        "#0072B2",
        "#D55E00",
        "#009E73",
        "#CC79A7",
        "#E69F00",
        "#56B4E9",
        "#000000",
    ),
    font_family="sans-serif",
    title_font_size=18,
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    value_font_size=14,
)
_OPTIONS = {
    "style": STYLE,
    "js": [],
    "disable_xml_declaration": True,
    "width": 720,
    "height": 360,
    "print_values": False,
    "show_y_guides": True,
    "legend_at_bottom": True,
    "truncate_legend": -1,
}


def _data_uri(chart: pygal.graph.graph.Graph) -> str:
    svg = chart.render(is_unicode=True)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def rate_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    intervals: Sequence[tuple[float, float] | None],
) -> str:
    """Bars of a rate per quarter with their 95% intervals; a data: address."""
    return _rate_chart(title, tuple(labels), tuple(values), tuple(intervals))


def stacked_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | None]]],
) -> str:
    """Stacked bars of counts per quarter, one colour per series."""
    return _stacked_chart(
        title, tuple(labels), tuple((name, tuple(values)) for name, values in series)
    )


def shares_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
) -> str:
    """Bars of shares (percentages) per answer on a scale; a hidden share is a
    gap, never a zero."""
    return _shares_chart(
        title, tuple(labels), tuple((name, tuple(values)) for name, values in series)
    )


REMEMBERED = 64


@functools.lru_cache(maxsize=REMEMBERED)
def _rate_chart(
    title: str,
    labels: tuple[str, ...],
    values: tuple[float | None, ...],
    intervals: tuple[tuple[float, float] | None, ...],
) -> str:
    chart = pygal.Bar(title=title, show_legend=False, **_OPTIONS)
    chart.x_labels = list(labels)
    chart.add(
        title,
        [
            None
            if value is None
            else {
                "value": round(value, 2),
                "ci": {"low": interval[0], "high": interval[1]} if interval else {},
            }
            for value, interval in zip(values, intervals, strict=True)
        ],
    )
    return _data_uri(chart)


@functools.lru_cache(maxsize=REMEMBERED)
def _stacked_chart(
    title: str,
    labels: tuple[str, ...],
    series: tuple[tuple[str, tuple[int | None, ...]], ...],
) -> str:
    chart = pygal.StackedBar(title=title, **_OPTIONS)
    chart.x_labels = list(labels)
    for name, values in series:
        if any(value for value in values):
            chart.add(name, list(values))
    return _data_uri(chart)


@functools.lru_cache(maxsize=REMEMBERED)
def _shares_chart(
    title: str,
    labels: tuple[str, ...],
    series: tuple[tuple[str, tuple[float | None, ...]], ...],
) -> str:
    chart = pygal.Bar(title=title, range=(0, 100), **_OPTIONS)
    chart.x_labels = list(labels)
    for name, values in series:
        chart.add(name, [None if value is None else round(value) for value in values])
    return _data_uri(chart)
