"""A line (or revenue, spending and deficit) across years, with absolute and % change; with
``against``, two lines side by side (the latest year when none is given), saying which is
larger and by how much. Asked "why" ("почему меньше?"), it also lists the parts of the line
whose change explains the difference, and the amending decision each year's figure is from."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

from bot.answer import fmt
from bot.answer.budgets import Line
from bot.answer.cite import amendment_in_force
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan

CHANGED_LINES = 5  # a comparison of whole budgets lists the spending lines that changed most


def answer(c: Composer, plan: Plan) -> Reply:
    years, lang, code, entity, query, against = (
        list(plan.years),
        plan.lang,
        plan.code,
        plan.entity,
        plan.query,
        plan.against,
    )
    entity = c.store.resolve(entity)
    reply = Reply(query=query, lang=lang, intent="compare", code=code, entity=entity)
    if entity is None:
        return c.no_data(reply, None, years)
    want = 1 if against and code else 2
    present, missing, _ = c.resolve_years(tuple(sorted(set(years))), entity, want)
    reply.years = present or sorted(set(years))
    if not present:
        return c.no_data(reply, entity, missing)
    t = fmt.tr(lang)
    codes = [code] if code else ["income_total", "expense_total", "deficit"]
    if against and code:
        codes.append(against)
    totals: dict[str, dict[int, Decimal]] = {}
    used: list[Line] = []
    rows = [c.header(entity, present, lang)]
    for key in codes:
        rows.append("")
        rows.append(c.store.headline(key, lang))
        previous: Decimal | None = None
        for year in present:
            lines = c.store.lines_for(c.store.year_budget(entity, year), key)
            if not lines:
                rows.append(t.gettext("{year}: no such line").format(year=year))
                previous = None
                continue
            amount = sum((ln.amount for ln in lines), Decimal(0))
            totals.setdefault(key, {})[year] = amount
            for ln in lines:
                reply.items.append(c.item(year, ln, lang, entity))
                used.append(ln)
            row = t.gettext("{year}: {amount}").format(year=year, amount=fmt.money(amount, lang))
            if previous is not None:
                row += " — " + fmt.change(previous, amount, lang)
            rows.append(row)
            previous = amount
    if code is None and len(present) > 1:
        rows.extend(changed_lines(c, entity, present[0], present[-1], lang, used))
    elif plan.why and code and len(present) > 1:
        rows.extend(why_rows(c, entity, code, present[0], present[-1], lang, used))
    if len(codes) == 2:
        rows.extend(versus_rows(c, codes, totals, present, lang))
        if plan.ratio:
            rows.extend(ratio_rows(c, codes, totals, present, lang))
    elif plan.ratio and len(present) > 1 and code:
        rows.extend(year_ratio_rows(totals.get(code, {}), present, lang))
    if missing:
        rows.append("")
        rows.append(t.gettext("No data for {years}.").format(years=c.years_list(missing, lang)))
    if len(present) == 1 and len(codes) == 1:
        rows.append("")
        rows.append(
            t.gettext("Only one year to compare; the store has {years}.").format(
                years=c.years_list(c.store.available_years(entity), lang)
            )
        )
    reply.text = "\n".join(rows)
    return c.with_sources(reply, used)


def versus_rows(
    c: Composer,
    codes: list[str],
    totals: dict[str, dict[int, Decimal]],
    years: list[int],
    lang: str,
) -> list[str]:
    """For each year with both lines: which is larger and by how much."""
    t = fmt.tr(lang)
    names = {key: c.store.short_name(key, lang) for key in codes}
    rows = [""]
    for year in years:
        a, b = (totals.get(key, {}).get(year) for key in codes)
        if a is None or b is None:
            continue
        if a == b:
            rows.append(
                t.gettext("{year}: «{first}» and «{second}» are equal.").format(
                    year=year, first=names[codes[0]], second=names[codes[1]]
                )
            )
            continue
        big, small = (codes[0], codes[1]) if a > b else (codes[1], codes[0])
        rows.append(
            t.gettext("{year}: «{larger}» is more than «{smaller}» by {difference}.").format(
                year=year,
                larger=names[big],
                smaller=names[small],
                difference=fmt.money(abs(a - b), lang),
            )
        )
    return rows if len(rows) > 1 else []


def changed_lines(
    c: Composer, entity: str, first: int, last: int, lang: str, used: list[Line]
) -> list[str]:
    """Rows for the spending programmes whose amount changed most from ``first`` to
    ``last`` ("по каким статьям рост"); a programme is followed by its classifier entry,
    so a line that moved between sub-functions is still the same line."""
    t = fmt.tr(lang)
    sides: list[dict[str, tuple[Decimal, list[Line]]]] = []
    for year in (first, last):
        by_entry: dict[str, tuple[Decimal, list[Line]]] = {}
        for ln in c.store.leaves(c.store.year_budget(entity, year), "expense"):
            entry = c.store.classifier.entry_for_line(ln.code)
            key = entry.code if entry else ln.code
            amount, lines = by_entry.get(key, (Decimal(0), []))
            by_entry[key] = (amount + ln.amount, [*lines, ln])
        sides.append(by_entry)
    before, after = sides
    changes = []
    for key in {*before, *after}:
        a, b = before.get(key), after.get(key)
        delta = (b[0] if b else Decimal(0)) - (a[0] if a else Decimal(0))
        if delta:
            changes.append((-abs(delta), key, a, b))
    if not changes:
        return [
            "",
            t.gettext("No spending line changed from {first} to {last}.").format(
                first=first, last=last
            ),
        ]
    rows = [
        "",
        t.gettext("Spending lines that changed most, {first} → {last}:").format(
            first=first, last=last
        ),
    ]
    for _, _key, a, b in sorted(changes)[:CHANGED_LINES]:
        lines = (b or a or (Decimal(0), []))[1]
        name = c.store.line_name(lines[0].code, lang, lines[0].name_printed)
        if a and b:
            row = t.gettext("{name}: {before} → {after} ({change})").format(
                name=name,
                before=fmt.money(a[0], lang, approx=False),
                after=fmt.money(b[0], lang, approx=False),
                change=fmt.change(a[0], b[0], lang),
            )
        elif b:
            row = t.gettext("{name}: new in {year}, {amount}").format(
                name=name, year=last, amount=fmt.money(b[0], lang, approx=False)
            )
        elif a:
            row = t.gettext("{name}: not in the {year} budget (was {amount})").format(
                name=name, year=last, amount=fmt.money(a[0], lang, approx=False)
            )
        rows.append(f"• {row}")
        used.extend((a[1] if a else []) + (b[1] if b else []))
    return rows


def why_rows(
    c: Composer, entity: str, code: str, first: int, last: int, lang: str, used: list[Line]
) -> list[str]:
    """ "почему меньше?": the parts of the line whose amounts changed from ``first`` to
    ``last`` (a part is followed by its classifier entry, so a programme that moved between
    sub-functions is one part), and the decision — with its amendment — behind each figure."""
    t = fmt.tr(lang)
    sides: list[dict[str, tuple[Decimal, str]]] = []
    for year in (first, last):
        yb = c.store.year_budget(entity, year)
        parts: dict[str, tuple[Decimal, str]] = {}
        for parent in c.store.lines_for(yb, code):
            for ln in c.store.children(yb, parent.code):
                entry = c.store.classifier.entry_for_line(ln.code)
                key = entry.code if entry else ln.code
                amount, _ = parts.get(key, (Decimal(0), ""))
                parts[key] = (amount + ln.amount, c.store.line_name(ln.code, lang, ln.name_printed))
                used.append(ln)
        sides.append(parts)
    before, after = sides
    rows = [""]
    changes = sorted(
        (
            -abs((after.get(k, (Decimal(0), ""))[0]) - (before.get(k, (Decimal(0), ""))[0])),
            k,
        )
        for k in {*before, *after}
    )
    shown = [(k, before.get(k), after.get(k)) for delta, k in changes if delta][:CHANGED_LINES]
    if shown:
        rows.append(
            t.gettext("What changed inside this line, {first} → {last}:").format(
                first=first, last=last
            )
        )
        for _key, a, b in shown:
            name = (b or a or (Decimal(0), ""))[1]
            old = a[0] if a else Decimal(0)
            new = b[0] if b else Decimal(0)
            rows.append(
                "• "
                + t.gettext("{name}: {before} → {after} ({change})").format(
                    name=name,
                    before=fmt.money(old, lang, approx=False),
                    after=fmt.money(new, lang, approx=False),
                    change=fmt.change(old, new, lang),
                )
            )
    else:
        rows.append(
            t.gettext(
                "This line is not divided further; the change comes from the decisions named below."
            )
        )
    rows.extend(amendment_rows(c, entity, code, (first, last), lang))
    return rows


def amendment_rows(
    c: Composer, entity: str, code: str, years: tuple[int, ...], lang: str
) -> list[str]:
    """Which amending decision set each year's figure, when one did: the amendment behind
    a change is part of why it happened."""
    t = fmt.tr(lang)
    rows = []
    for year in years:
        for line in c.store.lines_for(c.store.year_budget(entity, year), code)[:1]:
            doc = c.store.documents.get(line.doc_id)
            if doc is None:
                continue
            amendment = amendment_in_force(doc, c.store.budgets.get(line.budget_id), line.source)
            if amendment:
                rows.append(
                    t.gettext(
                        "{year}: the figure is as amended by decision No {number} of {date}."
                    ).format(
                        year=year,
                        number=amendment.get("number", ""),
                        date=fmt.day(str(amendment.get("date", "")), lang),
                    )
                )
    return rows


def times(larger: Decimal, smaller: Decimal, lang: str) -> str:
    """How many times ``larger`` is ``smaller``: "67,81" (two decimals at most)."""
    value = (larger / smaller).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format_decimal(value, format="#,##0.##", locale=lang)


def ratio_rows(
    c: Composer,
    codes: list[str],
    totals: dict[str, dict[int, Decimal]],
    years: list[int],
    lang: str,
) -> list[str]:
    """ "во сколько раз": for each year with both lines non-zero, how many times the larger
    is the smaller."""
    t = fmt.tr(lang)
    rows = []
    for year in years:
        a, b = (totals.get(key, {}).get(year) for key in codes)
        if not a or not b or a <= 0 or b <= 0:
            continue
        big, small = (codes[0], codes[1]) if a >= b else (codes[1], codes[0])
        rows.append(
            t.gettext("{year}: «{larger}» is {times} times «{smaller}».").format(
                year=year,
                larger=c.store.short_name(big, lang),
                smaller=c.store.short_name(small, lang),
                times=times(max(a, b), min(a, b), lang),
            )
        )
    return rows


def year_ratio_rows(amounts: dict[int, Decimal], years: list[int], lang: str) -> list[str]:
    """ "во сколько раз доходы 2023 больше доходов 2025": the larger year over the smaller."""
    t = fmt.tr(lang)
    first, last = years[0], years[-1]
    a, b = amounts.get(first), amounts.get(last)
    if not a or not b or a <= 0 or b <= 0:
        return []
    (big, x), (small, y) = sorted(((first, a), (last, b)), key=lambda p: p[1], reverse=True)
    return [
        "",
        t.gettext("{larger} is {times} times {smaller}.").format(
            larger=big, smaller=small, times=times(x, y, lang)
        ),
    ]
