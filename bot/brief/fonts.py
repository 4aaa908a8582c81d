"""The brief's fonts: DejaVu Sans, which covers every letter of Kazakh Cyrillic
(ә ғ қ ң ө ұ ү һ і), embedded (subset) in every PDF.

matplotlib — already a dependency for the chat's charts — ships DejaVu Sans in its
data folder, so the brief needs no system font; Debian's ``fonts-dejavu-core`` is
used when matplotlib's copy is missing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
SYSTEM_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _candidates() -> list[Path]:
    dirs = []
    try:
        import matplotlib

        dirs.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        pass
    dirs.append(SYSTEM_DIR)
    return dirs


@cache
def register() -> tuple[str, str]:
    """Register the regular and bold faces with reportlab once; returns their names."""
    for folder in _candidates():
        regular, bold = folder / f"{REGULAR}.ttf", folder / f"{BOLD}.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
            pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
            return REGULAR, BOLD
    raise FileNotFoundError("DejaVu Sans not found (install matplotlib or fonts-dejavu-core)")
