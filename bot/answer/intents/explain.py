"""A glossary entry by key or by any of its words."""

from __future__ import annotations

from bot.answer import fmt
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan


def answer(c: Composer, plan: Plan) -> Reply:
    term, lang, query = plan.term or "", plan.lang, plan.query
    t = fmt.tr(lang)
    found = c.glossary.get(term)
    if found is None:
        hits = c.reader.glossary.search([w for w in c.reader.read(term, lang=lang).words] or [term])
        found = c.glossary.get(hits[0].key) if hits else None
    reply = Reply(query=query or term, lang=lang, intent="explain")
    if found is None or not (found.texts.get(lang) or found.texts.get("ru")):
        reply.text = t.gettext(
            "I have no explanation for this term yet. I can explain: {terms}."
        ).format(terms=", ".join(g.title(lang) for g in c.glossary.values()))
        return reply
    reply.text = f"{found.title(lang).capitalize()}\n{found.texts.get(lang) or found.texts['ru']}"
    reply.code = found.key
    return reply
