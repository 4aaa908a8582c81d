"""Source lines: which decision, which point or appendix, and which amendment is in force.

A figure is only as good as its citation: every answer names the issuing maslikhat in the
reply language, the decision's number and date, the point or appendix, and — when the
part was restated — the amending decision that gave the edition in force.
"""

from __future__ import annotations

import re
from typing import Any

from bot.answer.fmt import day, tr

_PART = re.compile(r"^\s*(point|appendix)\s*(\S+)\s*$", re.IGNORECASE)


def part_name(source: str, lang: str) -> str:
    """``point 1`` → «пункт 1» / «1-тармақ»; ``appendix 2`` → «приложение 2» / «2-қосымша»."""
    t = tr(lang)
    m = _PART.match(source or "")
    if not m:
        return source or ""
    if m.group(1).lower() == "point":
        return t.gettext("point {n}").format(n=m.group(2))
    return t.gettext("appendix {n}").format(n=m.group(2))


def _covers(scope: str, source: str) -> bool:
    """Whether an amendment's scope (``"point 1, appendix 1"``) covers a part."""
    if not scope:
        return False
    scope = scope.lower()
    source = (source or "").lower().strip()
    return bool(source) and re.search(r"(?<!\w)" + re.escape(source) + r"(?!\w)", scope) is not None


def amendment_in_force(
    doc: dict[str, Any], budget: dict[str, Any] | None, source: str
) -> dict[str, str] | None:
    """The amending decision whose edition of ``source`` is in force, if any.

    The budget row says which edition is in force (``edition``: the decision's number);
    without one, the document's amendments whose scope names the part decide.
    """
    amendments = [a for a in doc.get("amendments") or [] if isinstance(a, dict)]
    if budget is not None and budget.get("edition"):
        edition = str(budget["edition"])
        if edition == str(doc.get("number")):
            return None
        named = [a for a in amendments if str(a.get("number")) == edition]
        return (
            named[-1]
            if named
            else {"number": edition, "date": str(budget.get("edition_date") or "")}
        )
    candidates = [a for a in amendments if _covers(str(a.get("scope", "")), source)]
    if not candidates:
        return None
    return max(candidates, key=lambda a: str(a.get("date", "")))


def cite(doc: dict[str, Any], budget: dict[str, Any] | None, source: str, lang: str) -> str:
    t = tr(lang)
    issuer = doc.get(f"issuer_{lang}") or doc.get("issuer") or ""
    text = t.gettext("{issuer}, decision No {number} of {date}").format(
        issuer=issuer, number=doc.get("number", ""), date=day(str(doc.get("date", "")), lang)
    )
    part = part_name(source, lang)
    if part:
        text += ", " + part
    amendment = amendment_in_force(doc, budget, source)
    if amendment:
        text += " " + t.gettext("(as amended by decision No {number} of {date})").format(
            number=amendment.get("number", ""), date=day(str(amendment.get("date", "")), lang)
        )
    return text
