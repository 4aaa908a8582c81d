"""What the bot can do; a short reply to thanks or goodbye."""

from __future__ import annotations

from bot.answer import fmt
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan


def answer(c: Composer, plan: Plan) -> Reply:
    lang, query, thanks = plan.lang, plan.query, plan.thanks
    t = fmt.tr(lang)
    examples = c.examples(lang)
    if thanks:
        text = t.gettext("You're welcome! Ask me about the budget any time.")
        return Reply(query=query, lang=lang, intent="help", text=text, suggestions=examples)
    text = t.gettext(
        "I answer questions about local budgets with exact figures from the maslikhat's "
        "decisions and name the decision each figure comes from. Ask about a line and a "
        "year, a year's overview, a comparison of years, the biggest items, a breakdown, "
        "a share, or what a term means."
    )
    text += "\n\n" + t.gettext("For example:") + "\n" + "\n".join(f"• {e}" for e in examples)
    return Reply(query=query, lang=lang, intent="help", text=text, suggestions=examples)
