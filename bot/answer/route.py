"""The routing step: a :class:`~bot.answer.understand.Reading` and a read view of the store
in, a :class:`Plan` out — which intent answers, about which line, years and budget holder.

Routing reads nothing but the view's small questions (which years a holder has, which lines
are in force, whether a line has parts), so it is tested from a table of readings and plans
without formatting a single reply. The intents in :mod:`bot.answer.intents` carry the plan
out; :mod:`bot.answer.followup` turns a follow-up into a full reading before it gets here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Protocol

from bot.answer.budgets import TOTALS
from bot.answer.match import Hit
from bot.answer.morph import stem
from bot.answer.understand import Reading
from bot.classifier import Classifier, Entry
from bot.codes import depth

OVERVIEW_TOPICS = TOTALS | {"deficit"}  # two of them named together ask for the overview
SUGGEST_RATIO = 0.75  # a reading this close to the best is offered as "did you mean"
MAX_CHOICES = 4  # "did you mean" lines offered instead of an answer to a vague word
DEFAULT_TOP = 5


class StoreView(Protocol):
    """What routing may ask the store (``bot.answer.budgets.Budgets`` is one)."""

    classifier: Classifier

    def resolve(self, entity: str | None) -> str | None: ...
    def available_years(self, entity: str | None = None) -> list[int]: ...
    def entries_in_force(self, entity: str) -> frozenset[str]: ...
    def present(self, entity: str) -> set[str]: ...
    def has_parts(self, code: str, years: tuple[int, ...], entity: str) -> bool: ...
    def line_codes(self, entity: str, code: str) -> set[str]: ...
    def holders(self) -> list[str]: ...


@dataclass(frozen=True)
class Plan:
    """What to answer. ``reason`` tells an ``unknown`` (or a catalog without data) apart:
    empty, explain, words, place, nodata, clarify, offtopic."""

    intent: str
    query: str
    lang: str
    text: str = ""  # the question as read (Kazakh typed in Latin letters: in Cyrillic)
    code: str | None = None
    years: tuple[int, ...] = ()
    entity: str | None = None
    n: int = DEFAULT_TOP
    smallest: bool = False
    against: str | None = None  # a second line, side by side with ``code``
    term: str | None = None  # the glossary key to explain
    thanks: bool = False
    why: bool = False  # "почему меньше?": the parts whose change explains the difference
    execution: bool = False  # "фактически исполнено": say the store holds approved plans
    ratio: bool = False  # "во сколько раз": say how many times one amount is the other
    reason: str = ""
    words: tuple[str, ...] = ()  # question words nothing explained, to echo back
    choices: tuple[str, ...] = ()  # classifier codes the words may mean
    suggestions: tuple[str, ...] = ()  # "did you mean" codes next to an answer
    place: tuple[tuple[str, str], ...] = ()  # a place the store lacks: (lang, name) pairs
    near: tuple[str, ...] = ()  # covered budget holders near that place


def route(r: Reading, view: StoreView, figure_first: frozenset[str] = frozenset()) -> Plan:
    """The plan for reading ``r``. ``figure_first``: glossary keys that name a figure as well
    as a term ("доходы"), explained only when asked "what is …"."""
    base = Plan(intent="unknown", query=r.query, lang=r.lang, text=r.text)
    ratio = "ratio" in r.cues  # "во сколько раз": a comparison with the ratio said
    versus = "versus" in r.cues or ratio  # "roads or lighting, which is more": two lines named
    why = "why" in r.cues
    execution = "execution" in r.cues
    cues = r.cues - {"versus", "why", "execution", "detail", "ratio", "year_before", "year_after"}
    if "detail" in r.cues:  # "подробнее": what the line consists of
        cues.add("breakdown")
    r = replace(r, cues=cues)
    if r.empty:
        return replace(base, reason="empty")
    topic, suggestions = pick_topic(r, view)
    if "share" in r.cues and topic is not None:
        topic, suggestions, r = _share_denominator(r, view, topic, suggestions)
    # an umbrella word guessed from a typo ("завтра" ~ "затраты") does not make it a budget one
    vague = topic is None or topic.code in TOTALS
    if ("offtopic" in r.cues and vague and r.entity is None and not r.whole) or r.person:
        # "сколько стоит доллар", "погода завтра", "зарплата Токаева": not in any budget
        return replace(base, reason="offtopic")
    r = replace(r, cues=r.cues - {"offtopic"})
    entity = view.resolve(r.entity)
    if r.place is not None and r.entity is None:
        return replace(
            base, reason="place", years=r.years, place=tuple(r.place.items()), near=r.near
        )
    r = expand_years(r, view, entity)
    cues = r.cues
    glossary = r.glossary[0].key if r.glossary else None
    courtesy = cues & {"help", "thanks"}
    if (
        courtesy
        and topic is None
        and not r.years
        and glossary is None
        and not cues - {"help", "thanks", "amount"}
    ):
        return replace(base, intent="help", thanks="help" not in courtesy)
    if "catalog" in cues and topic is None:
        if any(y not in view.available_years(entity) for y in r.years):
            return replace(base, intent="catalog", reason="nodata", years=r.years, entity=entity)
        return replace(base, intent="catalog", entity=r.entity)
    only_glossary = glossary is not None and not r.unexplained and not r.years
    topic_hit = next((h for h in r.topics if topic and h.key == topic.code), None)
    # "зарплата акима", "what does the akim's office spend": budget lines name words the
    # term does not, so the question asks for a figure, not a definition
    glossary_covers = topic_hit is None or (
        bool(r.glossary) and frozenset().union(*(h.words for h in r.topics)) <= r.glossary[0].words
    )
    # "доходы", "revenue" name a figure as well as a term: explained only when asked
    # "what is …", and only when the term is all the question names
    is_figure = glossary is not None and glossary in figure_first
    if glossary and (
        (
            "explain" in cues
            and (not r.years or topic is None)
            and (not is_figure or (glossary_covers and not r.unexplained))
        )
        or (
            only_glossary
            and not is_figure
            and not cues - {"explain"}
            and (topic is None or (len(r.words) <= 3 and glossary_covers))
        )
    ):
        return replace(base, intent="explain", term=glossary)
    if "explain" in cues and topic is None and not r.years and r.unexplained:
        return replace(base, intent="explain", reason="explain")
    if entity is None:
        return replace(base, reason="nodata", years=r.years)
    if r.several or (r.entity is None and len(view.holders()) > 1 and (topic or r.years)):
        # "дороги 2024" when the store holds many budgets: which one? (not a guess)
        return replace(
            base,
            reason="which_place",
            code=topic.code if topic else None,
            years=r.years,
            near=r.several,
        )
    unknown = replace(base, reason="words", words=tuple(r.unexplained), years=r.years)
    code = topic.code if topic else None
    if code in OVERVIEW_TOPICS and several_totals(r):
        code = None  # "revenue and spending": the year's overview (or their comparison)
    if code in TOTALS and r.unexplained and not cues - {"amount"}:
        # "spent on education": the umbrella word matched, the subject did not
        return unknown
    if code in TOTALS and not cues - {"amount"} and topic_hit is not None:
        # "spent on the streets": a word names several narrower lines and none of them
        # wholly; the total would answer a question nobody asked
        section = "income" if code == "income_total" else "expense"
        vague = sorted(
            {
                i
                for h in r.topics
                if h.key not in TOTALS
                and (e := view.classifier.by_code.get(h.key)) is not None
                and e.section == section
                for i in h.words
            }
            - topic_hit.words
        )
        if vague:
            return replace(
                unknown,
                words=tuple(r.words[i] for i in vague),
                choices=tuple(choices(r, set(vague), entity, view)),
            )
    if topic is not None and topic_hit is not None and not topic_hit.full:
        # "улицы": a word that is part of several lines' names and the whole of none
        options = choices(r, set(topic_hit.words), entity, view)
        if len(options) > 1:
            return replace(
                unknown,
                words=tuple(r.words[i] for i in sorted(topic_hit.words)),
                choices=tuple(options),
            )
    if topic is None and r.unexplained and not cues & {"overview", "top", "bottom", "breakdown"}:
        return unknown
    if (
        topic is not None
        and topic_hit is not None
        and not topic_hit.full
        and r.unexplained
        and not cues
        and topic.code not in view.present(entity)
    ):
        # "футбол нәтижесі кеше": no question asked, one word shared with a line this budget
        # never had and the rest unknown: nothing was asked about the budget
        return unknown
    if "together" in cues and code:
        # "все налоги на имущество вместе": the line that sums the one named
        code = parent_of(code, view)
    plan = replace(
        base,
        entity=entity,
        years=r.years,
        code=code,
        suggestions=tuple(suggestions),
        why=why,
        execution=execution,
        ratio=ratio,
    )
    other = (
        second_line(r, topic, topic_hit, entity, view)
        if versus or "compare" in cues or (not cues - {"amount"} and not suggestions)
        else None
    )
    if other is not None:
        # "landscaping vs lighting 2024": two lines side by side in the years asked
        return replace(plan, intent="compare", code=other[0], against=other[1])
    if "compare" in cues or len(r.years) >= 2 or why or ratio:
        years = r.years
        if len(years) == 1:
            prev = [y for y in view.available_years(entity) if y < years[0]]
            years = (prev[-1], years[0]) if prev else years
        return replace(plan, intent="compare", years=years)
    if cues & {"top", "bottom"}:
        return replace(
            plan,
            intent="top",
            years=r.years[-1:],
            n=r.n or DEFAULT_TOP,
            smallest="bottom" in cues and "top" not in cues,
        )
    if "share" in cues and code and code not in TOTALS:  # "кіріс бөлігі": revenue
        return replace(plan, intent="share", years=r.years[-1:])
    if "breakdown" in cues or (
        "overview" in cues and code and view.has_parts(code, r.years, entity)
    ):
        # "сводка по доходам": a summary of a line is what it consists of
        return replace(plan, intent="breakdown", code=code or "expense_total", years=r.years[-1:])
    if code is None:
        return replace(plan, intent="overview", years=r.years[-1:])
    return replace(plan, intent="amount")


def _share_denominator(
    r: Reading, view: StoreView, topic: Entry, suggestions: list[str]
) -> tuple[Entry | None, list[str], Reading]:
    """ "долю доходов составляют налоги": the total names the denominator, so a line read
    through its word ("налог на доходы") yields to the one the rest names."""
    denominator = frozenset().union(*(h.words for h in r.topics if h.key in TOTALS and h.full))
    hit = next((h for h in r.topics if h.key == topic.code), None)
    if hit is not None and topic.code not in TOTALS and denominator and denominator < hit.words:
        rest = replace(r, topics=[h for h in r.topics if not h.words & denominator])
        if any(h.full for h in rest.topics):
            best, alternatives = pick_topic(rest, view)
            return best, alternatives, rest
    return topic, suggestions, r


def parent_of(code: str, view: StoreView) -> str:
    """The classifier entry one level up from ``code`` (a tax's class), or ``code``."""
    entry = view.classifier.by_code.get(code)
    if entry is None or "." not in code:
        return code
    parent = view.classifier.by_code.get(code.rsplit(".", 1)[0])
    if parent is None or parent.kind in {"admin", "category"} or entry.kind == "programme":
        return code
    return parent.code


def choices(r: Reading, words: set[int], entity: str, view: StoreView) -> list[str]:
    """Lines of the budget that the question words at ``words`` partly name, best first."""
    present = view.entries_in_force(entity)
    hits = [
        h
        for h in r.topics
        if h.key not in TOTALS and h.key in present and h.words & words and not h.full
    ]
    if not hits:
        return []
    best = max(h.score for h in hits)
    out: list[str] = []
    for h in hits:
        if h.score >= SUGGEST_RATIO * best and h.key not in out:
            out.append(h.key)
    return out[:MAX_CHOICES]


def second_line(
    r: Reading, topic: Entry | None, topic_hit: Hit | None, entity: str | None, view: StoreView
) -> tuple[str, str] | None:
    """Two different lines named by words of their own ("дороги или освещение",
    "жол мен жарық"), in the order the question names them; None unless both are wholly
    named, neither is a total and neither contains the other."""
    if topic is None or topic_hit is None or not topic_hit.full or entity is None:
        return None
    if topic.code in TOTALS or not topic_hit.words:
        return None
    present = view.present(entity)
    said = Counter(stem(w, r.lang) for w in r.words)
    candidates = sorted(
        (
            h
            for h in r.topics
            if h.full
            and h.words
            and h.key != topic.code
            and h.key not in TOTALS
            and h.key in present
            # each named by a word of its own ("land tax and vehicle tax" share "tax";
            # "абаттандыру мен көше жарығы": "көше" belongs to both names)
            and h.words - topic_hit.words
            and topic_hit.words - h.words
            and (e := view.classifier.by_code.get(h.key)) is not None
            and e.name_ru != topic.name_ru
        ),
        # a line sharing fewer words, then one whose shared words were said twice
        key=lambda h: (
            -len(h.words & topic_hit.words),
            all(said[stem(r.words[i], r.lang)] > 1 for i in h.words & topic_hit.words),
            len(h.words),
            h.score,
        ),
        reverse=True,
    )
    if not candidates:  # the usual case: spare loading every year's lines
        return None
    mine = view.line_codes(entity, topic.code)
    for h in candidates:
        theirs = view.line_codes(entity, h.key)
        if not theirs or not mine:
            continue
        nested = any(
            a == b or a.startswith(b + ".") or b.startswith(a + ".") for a in mine for b in theirs
        )
        if nested:
            continue
        if min(h.words) < min(topic_hit.words):
            return h.key, topic.code
        return topic.code, h.key
    return None


def several_totals(r: Reading) -> bool:
    """Two of revenue, spending and deficit, each named by its own words."""
    named: dict[str, frozenset[int]] = {}
    for h in r.topics:
        if h.key in OVERVIEW_TOPICS and h.full and h.key not in named:
            named[h.key] = h.words
    found = list(named.values())
    return any(not (a & b) for i, a in enumerate(found) for b in found[i + 1 :])


def pick_topic(r: Reading, view: StoreView) -> tuple[Entry | None, list[str]]:
    """The best classifier entry for the question and close alternatives."""
    if not r.topics:
        return None, []
    entity = view.resolve(r.entity)
    present = view.present(entity) if entity else set()
    scored = []
    for hit in r.topics:
        entry = view.classifier.by_code.get(hit.key)
        if entry is None:
            continue
        # An umbrella topic ("расходы") yields to a narrower one that explains other words
        # ("расходы на дороги"), but not to one that only shares its word.
        narrower = any(
            h is not hit and h.full and h.key not in TOTALS and not h.words <= hit.words
            for h in r.topics
        )
        yields = entry.code in TOTALS and narrower
        score = hit.score * (1.0 if entry.code in present else 0.6)
        summary = entry.kind == "summary"
        level = depth(entry.path or entry.code)  # a tie goes to the more specific line
        scored.append(((not yields, len(hit.words), hit.full, score, summary, level), entry, hit))
    if not scored:
        return None, []
    scored.sort(key=lambda s: s[0], reverse=True)
    (_, best_words, _, best_score, _, _), best, best_hit = scored[0]
    alternatives = [
        e.code
        for (_, n_words, _, score, _, _), e, hit in scored[1:]
        if n_words >= best_words
        and hit.words & best_hit.words
        and score >= SUGGEST_RATIO * best_score
        and e.code in present
        and e.code not in TOTALS
        and e.name_ru != best.name_ru
    ][:2]
    return best, alternatives


def expand_years(r: Reading, view: StoreView, entity: str | None) -> Reading:
    """Years said without a year number: "all years", "по годам", "үш жылда" — every
    year of the budget holder; "за последние два года" — the last N; "roads 24",
    "дороги 24 и 25" — two-digit numbers written alone, when each is a year the store
    has (never inside a top-N question)."""
    cues = r.cues - {"all_years", "last_years"}
    if entity is None or r.years:
        return replace(r, cues=cues) if cues != r.cues else r
    have = view.available_years(entity)
    if "all_years" in r.cues:
        return replace(r, years=tuple(have), is_range=True, cues=cues)
    if "last_years" in r.cues and not r.cues & {"top", "bottom"}:
        counts = [r.n] if r.n else list(r.counts)
        if counts and counts[0] >= 2:  # "последние 5 лет" with three in the store: all three
            return replace(r, years=tuple(have[-counts[0] :]), n=None, cues=cues)
    r = replace(r, cues=cues) if cues != r.cues else r
    if not r.cues & {"top", "bottom"}:
        years = sorted({2000 + n for n in r.bare_numbers})
        if years and all(y in have for y in years):
            return replace(r, years=tuple(years), n=None, is_range=len(years) > 2)
    return r
