"""PNG charts with matplotlib's Agg backend. Pure functions: labels come translated."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.telegram.engine import Point
from bot.telegram.text import money

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _figure(**kw: object) -> Figure:
    """matplotlib is imported on the first chart, not at start (~0.3 s and ~40 MB)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(**kw)  # type: ignore[arg-type]


def _formatter(lang: str) -> object:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: money(int(v), lang))


@dataclass(frozen=True)
class Labels:
    title: str
    subtitle: str
    unit: str  # "thousand ₸"


def _titles(ax: Axes, labels: Labels) -> None:
    """Title above, the budget's name just under it; neither overlaps the plot."""
    ax.set_title(labels.title, fontsize=13, fontweight="bold", pad=24)
    ax.annotate(
        labels.subtitle,
        xy=(0.5, 1.0),
        xycoords="axes fraction",
        xytext=(0, 8),
        textcoords="offset points",
        ha="center",
        fontsize=10,
        color="#555555",
    )


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120, bbox_inches="tight")
    return buf.getvalue()


def bars(points: list[Point], labels: Labels, lang: str) -> bytes:
    """Horizontal bars, biggest on top, each with its amount and share."""
    points = sorted(points, key=lambda p: p.amount)
    total = sum((p.amount for p in points), start=0) or 1
    height = 2.2 + 0.55 * max(len(points), 1)
    fig = _figure(figsize=(9, height))
    ax = fig.add_subplot()
    names = [textwrap.shorten(p.label, 48, placeholder="…") for p in points]
    values = [float(p.amount) for p in points]
    ax.barh(names, values, color="#2f6db3")
    for y, p in enumerate(points):
        share = float(p.amount) / float(total) * 100
        ax.text(
            float(p.amount),
            y,
            f"  {money(p.amount, lang)} ({money(round(share, 1), lang)}%)",
            va="center",
            fontsize=9,
        )
    ax.xaxis.set_major_formatter(_formatter(lang))
    ax.set_xlabel(labels.unit)
    ax.set_xlim(0, max(values or [1]) * 1.45)
    ax.spines[["top", "right"]].set_visible(False)
    _titles(ax, labels)
    return _png(fig)


def line(points: list[Point], labels: Labels, lang: str) -> bytes:
    """A line across years with every point labelled."""
    fig = _figure(figsize=(8, 4.5))
    ax = fig.add_subplot()
    xs = [p.label for p in points]
    ys = [float(p.amount) for p in points]
    ax.plot(xs, ys, marker="o", color="#2f6db3", linewidth=2)
    for x, p in zip(xs, points, strict=True):
        ax.annotate(
            money(p.amount, lang),
            (x, float(p.amount)),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=9,
        )
    ax.yaxis.set_major_formatter(_formatter(lang))
    ax.set_ylabel(labels.unit)
    low, high = min(ys or [0]), max(ys or [1])
    ax.set_ylim(min(0, low), high * 1.2 if high > 0 else 1)
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    _titles(ax, labels)
    return _png(fig)
