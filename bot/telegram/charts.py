"""PNG charts with matplotlib's Agg backend. Pure functions: labels come translated.

Charts are read on phones: every image is 1200×900 px (4:3, under Telegram's 1280 px
preview width) whatever the data, with large type; long names wrap instead of shrinking.
The unit and the source go in the photo's caption as well as on the chart.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.telegram.engine import Point
from bot.telegram.text import money

SIZE_INCHES = (8.0, 6.0)  # 4:3
DPI = 150  # → 1200 × 900 px
MAX_BARS = 8
NAME_WIDTH = 26  # characters per line of a bar's name
BLUE = "#2f6db3"

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Labels:
    title: str
    subtitle: str
    unit: str  # "thousand ₸"
    source: str = ""  # "Source: …", shown under the chart and in the caption


def _figure() -> Figure:
    """matplotlib is imported on the first chart, not at start (~0.3 s and ~40 MB)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")


def _formatter(lang: str) -> object:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: money(int(v), lang))


def _titles(fig: Figure, ax: Axes, labels: Labels) -> None:
    """Title and the budget's name above the plot; the source under it."""
    fig.suptitle("\n".join(textwrap.wrap(labels.title, 40)), fontsize=18, fontweight="bold")
    ax.set_title(labels.subtitle, fontsize=13, color="#555555")
    if labels.source:
        fig.supxlabel(
            textwrap.shorten(labels.source, 110, placeholder="…"), fontsize=9, color="#777777"
        )


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def bars(points: list[Point], labels: Labels, lang: str) -> bytes:
    """Horizontal bars, biggest on top, each with its amount and share."""
    total = sum((p.amount for p in points), start=0) or 1
    points = sorted(points, key=lambda p: p.amount)[-MAX_BARS:]
    fig = _figure()
    ax = fig.add_subplot()
    names = [
        "\n".join(
            textwrap.wrap(textwrap.shorten(p.label, 3 * NAME_WIDTH, placeholder="…"), NAME_WIDTH)
        )
        for p in points
    ]
    values = [float(p.amount) for p in points]  # drawing only; amounts stay Decimal in text
    ax.barh(names, values, color=BLUE)
    for y, p in enumerate(points):
        share = p.amount / total * 100
        ax.text(
            float(p.amount),
            y,
            f" {money(p.amount, lang)}\n ({money(round(share, 1), lang)}%)",
            va="center",
            fontsize=12,
        )
    ax.xaxis.set_major_formatter(_formatter(lang))
    ax.set_xlabel(labels.unit, fontsize=12)
    ax.tick_params(labelsize=11)
    ax.set_xlim(0, max(values or [1]) * 1.6)
    ax.spines[["top", "right"]].set_visible(False)
    _titles(fig, ax, labels)
    return _png(fig)


def line(points: list[Point], labels: Labels, lang: str) -> bytes:
    """A line across years with every point labelled."""
    fig = _figure()
    ax = fig.add_subplot()
    xs = [p.label for p in points]
    ys = [float(p.amount) for p in points]  # drawing only
    ax.plot(xs, ys, marker="o", markersize=10, color=BLUE, linewidth=3)
    for x, p in zip(xs, points, strict=True):
        ax.annotate(
            money(p.amount, lang),
            (x, float(p.amount)),
            textcoords="offset points",
            xytext=(0, 12),
            ha="center",
            fontsize=14,
            fontweight="bold",
        )
    ax.yaxis.set_major_formatter(_formatter(lang))
    ax.set_ylabel(labels.unit, fontsize=13)
    ax.tick_params(labelsize=13)
    low, high = min(ys or [0]), max(ys or [1])
    ax.set_ylim(min(0, low * 1.2), high * 1.25 if high > 0 else 1)
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    _titles(fig, ax, labels)
    return _png(fig)
