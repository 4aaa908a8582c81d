"""What the engine returns: the same object feeds the CLI's JSON and the bot's reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# Intents the engine recognises (``Reply.intent``).
INTENTS: tuple[str, ...] = (
    "amount",  # the amount of a line
    "overview",  # a year's summary
    "breakdown",  # a line into its children
    "top",  # top-N lines
    "compare",  # across years
    "share",  # share of a total
    "catalog",  # which budgets and years exist
    "explain",  # glossary term
    "help",
    "unknown",  # nothing understood / no data
)


@dataclass(frozen=True)
class Item:
    year: int
    code: str
    name: str
    amount: Decimal  # thousand tenge, exact
    entity: str = ""


@dataclass
class Reply:
    query: str
    lang: str
    intent: str
    years: list[int] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    text: str = ""
    sources: list[str] = field(default_factory=list)
    # For the Telegram layer's buttons; not part of the JSON contract.
    code: str | None = None  # the line the reply is about, if any
    entity: str | None = None
    suggestions: list[str] = field(default_factory=list)  # "did you mean" / example questions
    # A question waiting for one missing part ("дороги 2024" — which budget?): its line and
    # years stay in the context so the answer ("Еркин") completes it.
    pending: bool = False
    # Asked whole ("дороги 2024"): the same answer whatever the chat said before, so the
    # bot keeps one copy for every chat instead of one per conversation.
    stands_alone: bool = False
    # Its language read from the words, not from the asker's own language breaking a tie.
    lang_from_words: bool = False

    def to_json(self) -> dict[str, Any]:
        """The ``budget-bot ask --json`` contract."""

        def num(value: Decimal) -> int | float:
            return int(value) if value == value.to_integral_value() else float(value)

        return {
            "query": self.query,
            "lang": self.lang,
            "intent": self.intent,
            "years": list(self.years),
            "items": [
                {"year": i.year, "code": i.code, "name": i.name, "amount": num(i.amount)}
                for i in self.items
            ],
            "text": self.text,
            "sources": list(self.sources),
        }
