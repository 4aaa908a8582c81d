"""The dialogue set (``tests/dialogues/*.yaml``): conversations whose every turn states
what a correct answer contains. Each conversation is played through
:class:`~bot.answer.chat.Conversations` — the same rules as ``budget-bot chat`` and the bot —
and each turn is checked like a question of the dev set."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from bot import PROJECT_DIR
from bot.answer import devset
from bot.answer.chat import Asker, Conversations

DIALOGUES_DIR = PROJECT_DIR / "tests" / "dialogues"


@dataclass(frozen=True)
class Turn:
    case: devset.Case
    reply_to: int | None = None


@dataclass(frozen=True)
class Dialogue:
    id: str
    kind: str
    lang: str
    turns: tuple[Turn, ...]


def load(directory: Path = DIALOGUES_DIR) -> list[Dialogue]:
    out = []
    for path in sorted(directory.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            lang = str(raw["lang"])
            turns = []
            for t in raw["turns"]:
                intent = str(t["intent"])
                turns.append(
                    Turn(
                        devset.Case(
                            q=str(t["q"]),
                            lang=str(t.get("lang", lang)),
                            intent=intent,
                            years=tuple(t["years"]) if "years" in t else None,
                            items=tuple(
                                (int(y), str(c), Decimal(str(a)))
                                for y, c, a in t.get("items") or []
                            ),
                            today=devset.DEFAULT_TODAY,
                            file=path.name,
                            tags=(str(raw.get("kind", "")),),
                            exact=bool(t.get("exact", intent in devset.EXACT_INTENTS)),
                        ),
                        t.get("reply_to"),
                    )
                )
            out.append(Dialogue(str(raw["id"]), str(raw.get("kind", "")), lang, tuple(turns)))
    return out


def play(engine: Asker, dialogue: Dialogue) -> list[list[str]]:
    """Problems per turn (empty lists when every answer is right)."""
    chats = Conversations(engine, today=devset.DEFAULT_TODAY)
    return [
        devset.check(turn.case, chats.say(dialogue.id, turn.case.q, turn.reply_to)[0])
        for turn in dialogue.turns
    ]
