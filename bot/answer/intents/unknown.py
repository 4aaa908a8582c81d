"""Nothing to answer from the store — said plainly, with what the bot can answer instead.

One reply per :attr:`Plan.reason`: an empty message, a term without an explanation, words
that name no budget line (or several: then those lines are offered), a place the store has
no budget for, no budget data at all, a follow-up with nothing before it, and questions that
are not about a budget (prices, exchange rates, weather, chatter).
"""

from __future__ import annotations

from bot.answer import fmt
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan
from bot.answer.text import fold, tokens

ECHO_WORDS = 5
ECHO_CHARS = 60
NEAR_PLACES = 5  # covered budgets named when a place is missing


def answer(c: Composer, plan: Plan) -> Reply:
    t = fmt.tr(plan.lang)
    reply = Reply(query=plan.query, lang=plan.lang, intent=plan.intent)
    if plan.reason == "nodata":
        have = c.store.available_years(plan.entity)
        missing = [y for y in plan.years if y not in have] or list(plan.years)
        if plan.intent == "catalog":  # "есть ли данные за 2030?"
            reply.years = list(plan.years)
        return c.no_data(reply, plan.entity, missing)
    if plan.reason == "place":
        return _other_place(c, plan, reply)
    if plan.reason == "which_place":
        return _which_place(c, plan, reply)
    if plan.reason == "empty":
        text = t.gettext("Please ask a question about the budget in words.")
    elif plan.reason == "explain":
        text = t.gettext("I have no explanation for this term yet. I can explain: {terms}.").format(
            terms=", ".join(g.title(plan.lang) for g in c.glossary.values())
        )
    elif plan.reason == "clarify":
        # "а в 2025?" as the first message: there is no earlier answer to follow
        text = t.gettext(
            "What would you like to know? I don't have an earlier question of yours to go on, "
            "so please name the budget line or the year."
        )
    elif plan.reason == "offtopic":
        text = t.gettext(
            "I only answer questions about local budgets: how much is planned for a line, "
            "revenue and spending, comparisons of years. I don't know prices, exchange rates, "
            "the weather or people's salaries."
        )
    else:
        originals = {fold(w): w for w in tokens(plan.text.lower())}
        shown = " ".join(originals.get(w, w) for w in plan.words[:ECHO_WORDS]) or plan.text
        if len(shown) > ECHO_CHARS:  # a pasted essay is not echoed back whole
            shown = shown[: ECHO_CHARS - 1] + "…"
        if plan.choices:
            names = [c.store.entry_name(code, plan.lang) for code in plan.choices]
            reply.text = t.gettext(
                "«{words}» can mean several budget lines. Did you mean: {choices}?"
            ).format(words=shown, choices="; ".join(f"«{n}»" for n in names))
            # each choice is a question the bot answers, with the year that was asked
            when = " ".join(str(y) for y in plan.years)
            reply.suggestions = [f"{n} {when}".strip() for n in names]
            return reply
        text = t.gettext("I could not find «{words}» in the budget.").format(words=shown)
    examples = c.examples(plan.lang)
    text += "\n\n" + t.gettext("Try, for example:") + "\n" + "\n".join(f"• {e}" for e in examples)
    reply.text = text
    reply.suggestions = examples
    return reply


def _other_place(c: Composer, plan: Plan, reply: Reply) -> Reply:
    """A place the store has no budget for: say so and name the budgets it has."""
    t = fmt.tr(plan.lang)
    place = dict(plan.place)
    reply.years = list(plan.years)
    covered = sorted(c.store.years)
    near = [e for e in plan.near if e in c.store.years] or covered
    shown = near[:NEAR_PLACES]
    have = "; ".join(
        f"{c.store.entity_name(e, plan.lang)} ({c.years_list(c.store.years[e], plan.lang)})"
        for e in shown
    )
    if len(covered) > len(shown):
        have += " " + t.ngettext(
            "… and {n} more budget", "… and {n} more budgets", len(covered) - len(shown)
        ).format(n=len(covered) - len(shown))
    reply.text = t.gettext(
        "I have no budget data for {place}. I can answer about: {budgets}."
    ).format(place=place.get(plan.lang) or next(iter(place.values()), ""), budgets=have)
    reply.suggestions = c.examples(plan.lang)
    return reply


def _which_place(c: Composer, plan: Plan, reply: Reply) -> Reply:
    """ "дороги 2024" with many budgets in the store: ask which, naming some; the line and
    years wait in the context for the answer ("Еркин")."""
    t = fmt.tr(plan.lang)
    holders = list(plan.near) or c.store.holders()
    shown = holders[:NEAR_PLACES]
    names = [c.store.entity_name(e, plan.lang) for e in shown]
    reply.text = t.gettext("Which budget do you mean? I have, for example: {budgets}.").format(
        budgets="; ".join(names)
    )
    if len(holders) > len(shown):
        reply.text += " " + t.ngettext(
            "… and {n} more budget", "… and {n} more budgets", len(holders) - len(shown)
        ).format(n=len(holders) - len(shown))
    reply.text += "\n\n" + t.gettext("Name the place, for example: «{example}».").format(
        example=f"{plan.query.strip()} {names[0]}".strip() if names else plan.query
    )
    reply.suggestions = [f"{plan.query.strip()} {name}".strip() for name in names[:3]]
    reply.code, reply.years, reply.pending = plan.code, list(plan.years), True
    return reply
