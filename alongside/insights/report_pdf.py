"""The commissioner's report as PDF, from the same figures as its CSV
(`report.ReportFigures`): a chart where one helps, always with its table and a
sentence in words, the denominators beside every rate, and a methods page with
the definitions, the rules that hide small numbers and the questions' credits.

Made with fpdf2, as the group agreement's PDF is, with its text cleaning
(`agreements.pdf.Writer`): the built-in Helvetica, no fonts shipped, nothing
fetched. Charts are drawn with the PDF's own rectangles and lines. A hidden figure
is a gap marked "not shown", never a bar of zero. Never anyone's words, and no
group is named: the figures are the whole organisation's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils import timezone
from fpdf import FPDF, ViewerPreferences

from alongside.agreements.pdf import Writer
from alongside.core.disclosure import (
    RESPONDENTS_LEAVING,
    ROUND_TO,
    SMALLEST_MEAN,
    SMALLEST_SHOWN,
    Table,
)

from .rates import Quarter
from .report import (
    ALL_QUARTERS,
    HIDDEN,
    ReportFigures,
    cell_phrase,
    interval_phrase,
    share_phrase,
)
from .shown_back import QUESTIONS, Distribution

MORE_REPORTS = (
    "More reports often mean that people feel able to report, not that the "
    "service is less safe."
)
# Okabe and Ito's blue, told apart by people with colour blindness, on white.
BAR = (0, 114, 178)
INK = (26, 26, 26)
GRID = (190, 190, 190)


def render_report_pdf(figures: ReportFigures, *, made_on: date | None = None) -> bytes:
    writer = Writer()
    pdf = FPDF(format="A4")
    title = f"Peer support figures, {figures.period}"
    pdf.set_title(title)
    pdf.set_subject(writer.clean(figures.organisation_name))
    pdf.set_author("Alongside")
    pdf.set_creator("Alongside")
    pdf.set_lang("en-GB")
    # Readers and screen readers announce the title, not the file's name.
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()

    _heading(pdf, title, size=20)
    _paragraph(
        pdf,
        writer.clean(
            f"{figures.organisation_name}: figures for the whole service, "
            f"{figures.period}, made on {(made_on or timezone.localdate()):%d %B %Y}."
        ),
    )
    _paragraph(
        pdf,
        "This report holds figures only, never anyone's words, and names no group "
        f"or person. Counts about people from 1 to {SMALLEST_SHOWN - 1} are "
        f'"{HIDDEN}", larger ones are rounded to the nearest {ROUND_TO}, and '
        f"answers to questions are shown only when {RESPONDENTS_LEAVING} or more "
        "people answered. The last page explains every figure.",
    )
    _meetings(pdf, figures)
    _rates(pdf, figures)
    _counts_table(
        pdf, "Incidents by category", figures.incidents.by_category, "All categories"
    )
    _counts_table(
        pdf, "Incidents by severity", figures.incidents.by_severity, "All severities"
    )
    _felt_safety(
        pdf,
        "Felt safety after meetings",
        "After a meeting, people may answer two questions from 1 (not at all) to "
        "5 (completely), without their name. Each figure is the share of that "
        "quarter's answers; the number of answers is beside it.",
        figures.felt_safety,
        "answers",
    )
    _felt_safety(
        pdf,
        "Felt safety after one-to-one meetings",
        "After a one-to-one meeting, the person supported may say how safe they "
        "felt, from 1 (not at all) to 5 (completely). Each figure is the share of "
        "that quarter's answers; the number of different people who answered is "
        f"beside it, and a quarter is shown only when {RESPONDENTS_LEAVING} or "
        "more answered.",
        figures.one_to_one,
        "people",
    )
    pdf.add_page()
    _methods(pdf)
    if writer.replaced:
        _paragraph(
            pdf,
            "Some characters of the service's name cannot be shown in this PDF "
            "and appear as question marks.",
            style="I",
        )
    return bytes(pdf.output())


# --- sections -----------------------------------------------------------------------


def _meetings(pdf: FPDF, figures: ReportFigures) -> None:
    _heading(pdf, "Meetings held and attendances")
    _paragraph(
        pdf,
        "Meetings held are the denominator of the first rate; attendances, the "
        "head counts facilitators entered, are the denominator of the second.",
    )
    _table(
        pdf,
        ("Quarter", "Meetings held", "Attendances counted"),
        [
            (row.quarter.label, cell_phrase(row.meetings), cell_phrase(row.attendances))
            for row in figures.incidents.rates
        ],
        widths=(2, 2, 2),
    )


def _rates(pdf: FPDF, figures: ReportFigures) -> None:
    rates = figures.incidents.rates
    _heading(pdf, "Incident rates")
    _bar_chart(
        pdf,
        "Incidents per 100 meetings held, with 95% intervals",
        [row.quarter.label for row in rates],
        [row.per_100_meetings for row in rates],
        [row.meetings_interval for row in rates],
    )
    words = [
        f"{row.quarter.label}: not shown"
        if row.per_100_meetings is None
        else f"{row.quarter.label}: {row.per_100_meetings:.1f} per 100 meetings "
        f"({cell_phrase(row.meetings)} meetings held)"
        for row in rates
    ]
    _paragraph(pdf, "In words: " + "; ".join(words) + ".", size=9)
    _table(
        pdf,
        (
            "Quarter",
            "Per 100 meetings (95% interval)",
            "Meetings held",
            "Per 100 attendances (95% interval)",
            "Attendances",
        ),
        [
            (
                row.quarter.label,
                _rate_phrase(row.per_100_meetings, row.meetings_interval),
                cell_phrase(row.meetings),
                _rate_phrase(row.per_100_attendances, row.attendances_interval),
                cell_phrase(row.attendances),
            )
            for row in rates
        ],
        widths=(2, 4, 2, 4, 2),
    )
    _paragraph(pdf, MORE_REPORTS, style="I")


def _counts_table(pdf: FPDF, title: str, table: Table, everything: str) -> None:
    _heading(pdf, title)
    header = ("", *table.columns, ALL_QUARTERS.capitalize())
    rows = [
        (label, *(cell_phrase(figure) for figure in cells), cell_phrase(total))
        for label, cells, total in zip(
            table.rows, table.cells, table.row_totals, strict=True
        )
    ]
    rows.append(
        (
            everything,
            *(cell_phrase(figure) for figure in table.column_totals),
            cell_phrase(table.total),
        )
    )
    _table(pdf, header, rows, widths=(4, *([2] * (len(header) - 1))), size=8)


def _felt_safety(
    pdf: FPDF,
    title: str,
    explanation: str,
    rows: list[tuple[Quarter, Distribution]],
    counted: str,
) -> None:
    _heading(pdf, title)
    _paragraph(pdf, explanation)
    enough = [(q, d) for q, d in rows if d.is_enough]
    if enough:
        quarter, distribution = enough[-1]
        for question, shares in distribution.questions:
            _bar_chart(
                pdf,
                f'"{question}", {quarter.label} (% of answers)',
                [str(share.score) for share in shares],
                [share.percent for share in shares],
                None,
                maximum=100.0,
                gap=HIDDEN,
            )
    lines: list[tuple[str, ...]] = []
    for quarter, distribution in rows:
        if not distribution.is_enough:
            lines.append((quarter.label, "Not enough answers yet", "", "", "", "", ""))
            continue
        for question, shares in distribution.questions:
            lines.append(
                (
                    quarter.label,
                    f"{question} ({cell_phrase(distribution.respondents)} {counted})",
                    *(share_phrase(share.percent) for share in shares),
                )
            )
    _table(
        pdf,
        ("Quarter", "Question", "1", "2", "3", "4", "5"),
        lines,
        widths=(2, 6, 1, 1, 1, 1, 1),
        size=8,
    )


def _methods(pdf: FPDF) -> None:
    _heading(pdf, "How these figures are made")
    for title, text in (
        (
            "Quarters",
            "Calendar quarters that have ended. Only whole quarters are published, "
            "so that no shorter period can be cut out of one to reveal a hidden "
            "number.",
        ),
        (
            "Meetings held",
            "Meetings that were not cancelled and had begun, across every group "
            "of the service. This is a count of meetings, not of people, so it "
            "is shown as it is.",
        ),
        (
            "Attendances",
            "The sum of the head counts facilitators entered after meetings. A "
            "meeting without a head count adds nothing, so this may be lower than "
            "the real number.",
        ),
        (
            "Incidents",
            "Entries in the service's incident log, by the day they happened, by "
            "category and by severity.",
        ),
        (
            "Rates and intervals",
            "Incidents per 100 meetings held and per 100 attendances, worked out "
            "from the unrounded numbers. Each comes with an exact Poisson 95% "
            "interval (Garwood's method). With few incidents the interval is "
            "wide, and two quarters whose intervals overlap may not really differ. "
            + MORE_REPORTS,
        ),
        (
            "Felt safety",
            "Answers given without a name after meetings. Each answer holds no "
            "link to the person who gave it, and only the day it was given.",
        ),
        (
            "Felt safety after one-to-one meetings",
            'The answer to "I felt safe" in the short check after each one-to-one '
            "meeting, for the whole service: never pair by pair. One person may "
            "answer after every meeting, so a quarter is shown only when enough "
            "different people answered, not just enough answers.",
        ),
        (
            "Small numbers",
            f"Counts about people: 0 stays 0; 1 to {SMALLEST_SHOWN - 1} are "
            f'"{HIDDEN}"; {SMALLEST_SHOWN} or more are rounded to the nearest '
            f'{ROUND_TO}, so "about 15" means 13 to 17. In a table, and among the '
            "shares of one question, a second figure is hidden too when a hidden "
            "one could otherwise be worked out from a total; it may be of any "
            f'size, and reads "{HIDDEN}" as well, so that the two cannot be told '
            "apart. A rate is not shown when its count or its denominator is "
            f"hidden. Averages are made only from {SMALLEST_MEAN} or more people. "
            f"Answers to questions are shown only from {RESPONDENTS_LEAVING} or "
            "more answers in a quarter.",
        ),
        (
            "Questions and credits",
            f'"{QUESTIONS[0][1]}" and "{QUESTIONS[1][1]}" are Alongside\'s own '
            "wording, free to use with Alongside. They are not a published, "
            "tested scale: compare them with themselves over time, not with other "
            "surveys.",
        ),
    ):
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(pdf.epw, 6, title, align="L", new_x="LMARGIN", new_y="NEXT")
        _paragraph(pdf, text)


# --- drawing ------------------------------------------------------------------------


def _heading(pdf: FPDF, text: str, *, size: int = 14) -> None:
    if size < 20:
        pdf.ln(3)
        pdf.start_section(text)
    pdf.set_font("Helvetica", "B", size)
    pdf.set_text_color(*INK)
    pdf.multi_cell(pdf.epw, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _paragraph(pdf: FPDF, text: str, *, size: int = 10, style: str = "") -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.set_text_color(*INK)
    pdf.multi_cell(pdf.epw, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _table(
    pdf: FPDF,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[int],
    size: int = 9,
) -> None:
    pdf.set_font("Helvetica", "", size)
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(
        col_widths=tuple(widths),
        text_align="LEFT",
        line_height=size * 0.55,
        padding=1,
    ) as table:
        for values in (header, *rows):
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(3)


def _rate_phrase(value: float | None, interval: tuple[float, float] | None) -> str:
    if value is None:
        return "not shown"
    if interval is None:
        return f"{value:.2f}"
    return f"{value:.2f} ({interval_phrase(interval)})"


def _bar_chart(
    pdf: FPDF,
    title: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    intervals: Sequence[tuple[float, float] | None] | None,
    *,
    maximum: float | None = None,
    gap: str = "not shown",
) -> None:
    """Vertical bars with an axis of three gridlines; whiskers for intervals; a
    hidden value is a gap reading "not shown"."""
    height, axis_width = 45.0, 12.0
    if pdf.will_page_break(height + 20):
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(pdf.epw, 5, title, align="L", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 3
    left = pdf.l_margin + axis_width
    width = pdf.epw - axis_width
    highest = max(
        [v for v in values if v is not None]
        + [i[1] for i in intervals or [] if i is not None]
        + [0.0]
    )
    scale_top = maximum or _nice(highest)
    pdf.set_font("Helvetica", "", 8)
    pdf.set_draw_color(*GRID)
    pdf.set_line_width(0.2)
    for step in range(3):
        y = top + height - height * step / 2
        pdf.line(left, y, left + width, y)
        pdf.set_xy(pdf.l_margin, y - 2)
        pdf.cell(axis_width - 1, 4, f"{scale_top * step / 2:g}", align="R")
    slot = width / max(len(labels), 1)
    bar = slot * 0.5
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + slot * index + (slot - bar) / 2
        if value is None:
            pdf.set_xy(x - 2, top + height - 6)
            pdf.cell(bar + 4, 4, gap, align="C")
        else:
            tall = height * min(value, scale_top) / scale_top if scale_top else 0
            pdf.set_fill_color(*BAR)
            pdf.rect(x, top + height - tall, bar, tall, style="F")
            interval = intervals[index] if intervals else None
            if interval is not None:
                _whisker(pdf, x + bar / 2, top, height, scale_top, interval)
        pdf.set_xy(left + slot * index, top + height + 1)
        pdf.cell(slot, 4, label, align="C")
    pdf.set_xy(pdf.l_margin, top + height + 7)


def _whisker(
    pdf: FPDF,
    middle: float,
    top: float,
    height: float,
    scale_top: float,
    interval: tuple[float, float],
) -> None:
    low, high = (
        top + height - height * min(end, scale_top) / scale_top for end in interval
    )
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.4)
    pdf.line(middle, low, middle, high)
    pdf.line(middle - 1.5, low, middle + 1.5, low)
    pdf.line(middle - 1.5, high, middle + 1.5, high)
    pdf.set_draw_color(*GRID)
    pdf.set_line_width(0.2)


def _nice(value: float) -> float:
    """A round top for an axis at or above `value`."""
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 < value:
        step *= 10
    while step > value * 10:
        step /= 10
    for multiple in (1, 2, 5, 10):
        if step * multiple >= value:
            return step * multiple
    return step * 10
