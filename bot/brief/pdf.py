"""The brief laid out on one A4 page with reportlab.

Why reportlab: it has been maintained since 2000 and is released several times a year,
it is pure Python with wheels (no system libraries to install, unlike HTML-to-PDF
engines that need Pango or a browser), it embeds TrueType subsets with a ToUnicode map
(so the PDF's text can be searched and read back exactly), and its Platypus tables and
vector drawings are enough for a page of figures and a bar chart.

Numbers come from :mod:`bot.answer.fmt` — the same babel formatting as chat answers.
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bot.answer import fmt
from bot.answer.cite import part_name
from bot.brief.data import Brief, Change, Decision, Row
from bot.brief.fonts import register
from bot.i18n import translations

MARGIN = 14 * mm
WIDTH = A4[0] - 2 * MARGIN
INK = colors.HexColor("#1f2d3d")
ACCENT = colors.HexColor("#2f6db5")
PALE = colors.HexColor("#eef3f9")
GRID = colors.HexColor("#c8d3e0")
CHART_BARS = 8


def _(lang: str, text: str) -> str:
    return translations(lang, "web").gettext(text)


class _Styles:
    def __init__(self) -> None:
        regular, bold = register()
        self.title = ParagraphStyle("t", fontName=bold, fontSize=15, leading=18, textColor=INK)
        self.sub = ParagraphStyle("s", fontName=regular, fontSize=8, leading=10, textColor=INK)
        self.h = ParagraphStyle(
            "h",
            fontName=bold,
            fontSize=10,
            leading=12,
            textColor=ACCENT,
            spaceBefore=5,
            spaceAfter=2,
        )
        self.cell = ParagraphStyle("c", fontName=regular, fontSize=7.5, leading=9)
        self.cell_b = ParagraphStyle("cb", parent=self.cell, fontName=bold)
        self.num = ParagraphStyle("n", parent=self.cell, alignment=2)
        self.num_b = ParagraphStyle("nb", parent=self.num, fontName=bold)
        self.note = ParagraphStyle("f", fontName=regular, fontSize=6.5, leading=8, textColor=INK)
        self.regular, self.bold = regular, bold


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _signed(value: Decimal, lang: str) -> str:
    return ("+" if value > 0 else "") + fmt.number(value, lang)


def _pct(c: Change, lang: str) -> str:
    return fmt.percent(c.diff / abs(c.old), lang, signed=True) if c.old else "—"


def _table(data: list[list[Paragraph]], widths: list[float], head: bool = True) -> Table:
    table = Table(data, colWidths=widths, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), register()[0]),  # empty cells too: no Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), PALE))
    table.setStyle(TableStyle(style))
    return table


def _headline(brief: Brief, st: _Styles, width: float, mark: str) -> list:
    lang = brief.lang
    rows = [[_p(_(lang, "Line"), st.cell_b), _p(_(lang, "thousand ₸"), st.num_b)]]
    for r in brief.headline.rows:
        name_style, num_style = (st.cell_b, st.num_b) if r.level == 0 else (st.cell, st.num)
        indent = "    " * r.level
        rows.append(
            [
                Paragraph(indent.replace(" ", "&nbsp;") + escape(r.name), name_style),
                _p(fmt.number(r.amount, lang), num_style),
            ]
        )
    return [
        Paragraph(escape(_(lang, "Headline figures")) + f" <super>{mark}</super>", st.h),
        _table(rows, [width - 26 * mm, 26 * mm]),
    ]


def _programmes(brief: Brief, st: _Styles, width: float, mark: str) -> list:
    lang = brief.lang
    total = next((r.amount for r in brief.headline.rows if r.code == "expense_total"), None)
    rows = [
        [
            _p(_(lang, "Programme"), st.cell_b),
            _p(_(lang, "thousand ₸"), st.num_b),
            _p(_(lang, "share of spending"), st.num_b),
        ]
    ]
    for r in brief.programmes.rows:
        share = fmt.percent(r.amount / total, lang) if total else "—"
        rows.append(
            [_p(r.name, st.cell), _p(fmt.number(r.amount, lang), st.num), _p(share, st.num)]
        )
    return [
        Paragraph(escape(_(lang, "Largest programmes")) + f" <super>{mark}</super>", st.h),
        _table(rows, [width - 44 * mm, 24 * mm, 20 * mm]),
    ]


class _Bars(Flowable):
    """Spending by area as horizontal bars, drawn straight on the canvas in our fonts."""

    ROW, BAR = 17.0, 6.5

    def __init__(self, rows: list[Row], lang: str, width: float, fonts: tuple[str, str]) -> None:
        super().__init__()
        self.rows, self.lang, self.width, self.fonts = rows, lang, width, fonts
        self.height = self.ROW * len(rows) + 2

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        regular, bold = self.fonts
        top = max(r.amount for r in self.rows)
        for i, r in enumerate(self.rows):
            y = self.height - (i + 1) * self.ROW
            name = r.name if len(r.name) <= 70 else r.name[:69] + "…"
            c.setFillColor(INK)
            c.setFont(regular, 6.5)
            c.drawString(0, y + self.BAR + 2.5, name)
            # geometry only: the bar's length is a drawing coordinate, not a figure
            length = max(float(r.amount / top) * (self.width - 60), 1.0)
            c.setFillColor(ACCENT)
            c.rect(0, y + 1, length, self.BAR, stroke=0, fill=1)
            c.setFillColor(INK)
            c.setFont(bold, 6.5)
            c.drawString(length + 3, y + 2, fmt.number(r.amount, self.lang))


def _chart(brief: Brief, st: _Styles, width: float) -> list:
    bars = [g for g in brief.groups if g.amount > 0][:CHART_BARS]
    if not bars:
        return []
    return [
        _p(_(brief.lang, "Spending by area, thousand ₸"), st.h),
        _Bars(bars, brief.lang, width, (st.regular, st.bold)),
    ]


def _change(brief: Brief, st: _Styles, mark: str) -> list:
    lang = brief.lang
    if brief.previous_year is None:
        return [
            _p(_(lang, "Change against the previous year"), st.h),
            _p(_(lang, "The store has no budget for the previous year to compare with."), st.sub),
        ]
    old, new = str(brief.previous_year), str(brief.year)
    rows = [
        [
            _p(_(lang, "Line"), st.cell_b),
            _p(old, st.num_b),
            _p(new, st.num_b),
            _p(_(lang, "change"), st.num_b),
            _p("%", st.num_b),
        ]
    ]

    def add(c: Change, bold: bool) -> None:
        cs, ns = (st.cell_b, st.num_b) if bold else (st.cell, st.num)
        rows.append(
            [
                _p(c.name, cs),
                _p(fmt.number(c.old, lang), ns),
                _p(fmt.number(c.new, lang), ns),
                _p(_signed(c.diff, lang), ns),
                _p(_pct(c, lang), ns),
            ]
        )

    for c in brief.changes:
        add(c, True)
    rows.append([_p(_(lang, "Lines that moved most"), st.cell_b), "", "", "", ""])
    for c in brief.moved:
        add(c, False)
    if not brief.moved:
        rows.append([_p(_(lang, "No programme changed its amount."), st.cell), "", "", "", ""])
    table = _table(rows, [WIDTH - 90 * mm, 22 * mm, 22 * mm, 26 * mm, 20 * mm])
    spans = [len(brief.changes) + 1] + ([] if brief.moved else [len(brief.changes) + 2])
    for at in spans:
        table.setStyle(
            TableStyle([("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), PALE)])
        )
    title = _(lang, "Change against {year}, thousand ₸").format(year=old)
    return [Paragraph(escape(title) + f" <super>{mark}</super>", st.h), table]


_PARTS = re.compile(r"\s*,\s*")


def _scope(scope: str, lang: str) -> str:
    return ", ".join(part_name(p, lang) for p in _PARTS.split(scope) if p)


def _decision_line(d: Decision, lang: str) -> str:
    when = fmt.day(d.date, lang)
    if not d.scope and not d.in_force:
        return _(lang, "Decision No {number} of {date}, {issuer}").format(
            number=d.number, date=when, issuer=d.issuer
        )
    text = _(lang, "Amended by decision No {number} of {date}").format(number=d.number, date=when)
    if d.scope:
        text += f" ({_scope(d.scope, lang)})"
    if d.in_force:
        text += " — " + _(lang, "edition in force")
    return text


def _decisions(brief: Brief, st: _Styles) -> list:
    lang = brief.lang
    out: list = [_p(_(lang, "Decision and amendments in force"), st.h)]
    for d in brief.decisions:
        out.append(
            _p(
                ("• " if not d.scope and not d.in_force else "   ↳ ") + _decision_line(d, lang),
                st.sub,
            )
        )
    return out


def _footer(brief: Brief, st: _Styles, marks: dict[str, str]) -> list:
    lang = brief.lang
    out: list = [Spacer(1, 4)]
    tables = [
        (marks["headline"], _(lang, "Headline figures"), brief.headline.sources),
        (marks["programmes"], _(lang, "Largest programmes"), brief.programmes.sources),
    ]
    if brief.previous_year is not None:
        tables.append(
            (
                marks["change"],
                _(lang, "Change against {year}, thousand ₸").format(year=brief.previous_year),
                brief.change_sources,
            )
        )
    label = _(lang, "Sources")
    for mark, title, sources in tables:
        text = "; ".join(sources) or "—"
        out.append(
            Paragraph(
                f"<super>{mark}</super> {escape(title)} — {escape(label)}: {escape(text)}", st.note
            )
        )
    return out


def render(brief: Brief, today: date | None = None) -> bytes:
    """The brief as PDF bytes."""
    st = _Styles()
    lang = brief.lang
    today = today or date.today()
    marks = {"headline": "1", "programmes": "2", "change": "3"}
    title = _(lang, "{entity}: budget for {year}").format(entity=brief.entity_name, year=brief.year)
    sub = _(lang, "Brief of {date}. Amounts in thousand ₸, exactly as in the decision.").format(
        date=fmt.day(today.isoformat(), lang)
    )
    left_w = WIDTH * 0.5 - 3 * mm
    right_w = WIDTH - left_w - 6 * mm
    left = _headline(brief, st, left_w, marks["headline"])
    right = _chart(brief, st, right_w) + _programmes(brief, st, right_w, marks["programmes"])
    top = Table([[left, right]], colWidths=[left_w + 6 * mm, right_w], hAlign="LEFT")
    top.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story: list = [_p(title, st.title), _p(sub, st.sub), Spacer(1, 2), top]
    story += _change(brief, st, marks["change"])
    story += _decisions(brief, st)
    story.append(KeepTogether(_footer(brief, st, marks)))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=brief.decisions[0].issuer if brief.decisions else "",
        subject=sub,
        creator="budget-bot",
        initialFontName=st.regular,
        lang={"kk": "kk-KZ", "ru": "ru-RU", "en": "en"}.get(lang, lang),
    )
    # The page starts in our font, so no unembedded Helvetica is referenced.
    doc.build(story, canvasmaker=partial(Canvas, initialFontName=st.regular))
    return buf.getvalue()
