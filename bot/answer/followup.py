"""Follow-ups: a message read against the context the chat's last answer left.

People go on from an answer the way they would with a person: "дороги 2024" — "а в 2025?" —
"а освещение?" — "подробнее" — "почему меньше?". What the message names replaces what the
context holds; what it leaves out is taken from the context:

* no line named → the context's line ("а в 2025?", "подробнее", "в процентах?");
* no year named → the context's years ("а освещение?"); "сравни с 2023" adds 2023 to them;
  "почему меньше?" compares the context's year with the one before;
* no place named → the context's budget holder;
* no question word → the context's kind of answer ("а в 2023?" after a breakdown is a
  breakdown).

A message that names a line and a year is a full question: the context is not used. A
follow-up with nothing to follow gets a short question back (``None`` here).
"""

from __future__ import annotations

from dataclasses import replace

from bot.answer.context import Context
from bot.answer.match import Hit
from bot.answer.understand import Reading

# Cues a message may carry and still be a follow-up of the last answer.
FOLLOW_CUES = frozenset(
    {
        "breakdown",
        "detail",
        "share",
        "compare",
        "why",
        "amount",
        "versus",
        "year_before",
        "year_after",
    }
)
SHIFT = {"year_before": -1, "year_after": 1}  # "а годом раньше?": from the context's year
# What a bare "а в 2023?" keeps of the last answer's kind; after a line's breakdown or share
# it asks for the line's amount in that year.
KEPT_INTENTS = {"top": "top", "overview": "overview"}  # views of the whole budget
SHORT = 2  # content words: "а освещение?" is short, a whole question is not


def names_line(r: Reading) -> bool:
    return any(h.full for h in r.topics) or bool(r.glossary)


def is_fragment(r: Reading) -> bool:
    """A message that only makes sense after an answer: "а в 2025?", "подробнее",
    "почему меньше?", "а освещение?", "в процентах?"."""
    if r.empty or r.entity is not None or r.place is not None or r.whole:
        return False
    if r.cues - FOLLOW_CUES - {"all_years", "last_years"}:
        return False  # "обзор 2024", "топ-5", "what is a subvention": asked whole
    if names_line(r):
        return r.followup and not r.years and len(r.words) <= SHORT
    if r.cues & SHIFT.keys():
        return True
    if r.unexplained:
        return False
    if r.followup:
        return True
    # "подробнее", "почему?", "в процентах?": a cue and nothing else ("куда уходят деньги",
    # "compare 2023 and 2024" name what they ask about)
    return not r.words and not r.years and bool(r.cues & {"why", "detail", "share", "compare"})


def _bare(r: Reading) -> bool:
    """ "2025?", "сравни с 2023", "почему?": nothing but years and follow-up cues."""
    return (
        not r.words
        and not r.whole
        and not names_line(r)
        and not r.cues - FOLLOW_CUES - {"all_years", "last_years"}
    )


def _short(r: Reading) -> bool:
    """ "көше жарығына қанша?" in the middle of a conversation about 2024: 2024's."""
    return (
        names_line(r)
        and not r.years
        and not r.whole
        and len(r.words) <= SHORT
        and not r.cues - FOLLOW_CUES  # "что такое субвенция?" asks something of its own
    )


def stands_alone(r: Reading) -> bool:
    """A question of its own: ``follow`` gives it back unchanged whatever the context, so
    its answer is the same in every chat (the bot answers it once for all of them)."""
    if is_fragment(r):
        return False
    if r.place is not None:
        return True  # "а в Алматы?": answered as a place the store lacks
    return not _bare(r) and not _short(r) and not (r.followup and not r.unexplained)


def follow(r: Reading, ctx: Context | None) -> Reading | None:
    """``r`` with what it leaves out taken from ``ctx``; None for a fragment with no context."""
    if stands_alone(r):
        return r  # a question of its own replaces the context
    if ctx is None or not (ctx.years or ctx.code):
        return None if is_fragment(r) else r
    topics = r.topics
    if not names_line(r) and ctx.code:
        topics = [Hit(ctx.code, 1.0, frozenset(), full=True)]
    cues = set(r.cues) - SHIFT.keys()
    years = r.years
    shift = sum(SHIFT[c] for c in r.cues & SHIFT.keys())
    if shift and not years and ctx.years:
        years = (ctx.years[0] + shift,) if shift < 0 else (ctx.years[-1] + shift,)
    if "why" in cues:
        years = years or ctx.years
    elif "compare" in cues and years and ctx.years:
        years = tuple(sorted(set(years) | {ctx.years[-1]}))  # "сравни с 2023"
    elif not years and cues & {"breakdown", "detail", "share"} and ctx.years:
        years = ctx.years[-1:]  # "подробнее" after a comparison: the latest year of it
    elif not years:
        years = ctx.years
    if not cues - {"amount"} and ctx.intent in KEPT_INTENTS and not names_line(r):
        cues.add(KEPT_INTENTS[ctx.intent])
    entity = r.entity or ctx.entity
    n = r.n if r.n is not None or "top" not in cues else ctx.n
    return replace(r, entity=entity, topics=topics, years=tuple(years), cues=cues, n=n)
