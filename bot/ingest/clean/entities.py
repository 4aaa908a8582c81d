"""Who a budget belongs to: entities named in a decision, with their kind and parent.

Why: "аудандық бюджет", "городской бюджет", "областной бюджет" name no place at all —
the budget is the issuing maslikhat's own territory — and "Аксу" is a rural district
in more than one district, so an entity is known by its name, its kind and its
parent (the region of a district or city; the district of a town, settlement,
village or rural district). Everything language-specific comes from the ingest
vocabulary (``bot.ingest.vocab``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.vocab import Vocabulary, best_key, stem, words

# Kinds a district or city maslikhat adopts budgets for, below itself.
LOCAL_KINDS = frozenset({"town", "settlement", "village", "rural_district", "villages_total"})


@dataclass(frozen=True)
class Entity:
    name: str  # the bare name as filed: "Талов", "Таловский", "имени Абая"
    kind: str
    parent: Entity | None = None

    def with_parent(self, parent: Entity | None) -> Entity:
        if parent is None or self.parent is not None or parent == self:
            return self
        return Entity(self.name, self.kind, parent)


_ADJECTIVE = re.compile(r"(ий|ый|ой|ая|яя|ое|ее)$")


def display_name(entity: Entity, lang: str) -> str:
    """The holder's full name in the document's language ("Жаңаталап ауылдық округі",
    "Жанаталапский сельский округ", "сельский округ имени Абая"), from the kind
    templates of ``data/entity_kinds.yaml``."""
    from bot.ingest.places import kind_template

    template = kind_template(entity.kind)
    one_word = len(entity.name.split()) == 1
    if lang == "ru" and not (one_word and _ADJECTIVE.search(entity.name)):
        pattern = template.get("ru_noun", template["ru"])
    else:
        pattern = template.get(lang, template["ru"])
    return pattern.format(kk=entity.name, ru=entity.name, ru_noun=entity.name, en=entity.name)


def nominative(name: str, kind: str, vocab: Vocabulary) -> str:
    """The filed form of a name printed in a case form ("Таловского" → "Таловский")."""
    words_ = name.split()
    out = []
    for word in words_:
        for rule in vocab.name_endings.get(kind, ()):
            old, _, new = rule.partition(">")
            keep = 0 if kind == "issuer" else 3  # "маслихата" is all ending; "Аксу" is not
            if word.lower().endswith(old) and len(word) >= len(old) + keep:
                word = word[: -len(old)] + new
                break
        out.append(word)
    return " ".join(out)


def _entity(match: re.Match[str], kind: str, vocab: Vocabulary) -> Entity:
    found = match.group("name").split() if "name" in match.groupdict() else []
    # "Республики Казахстан Жаркольский районный маслихат": the name is "Жаркольский"
    while len(found) > 1 and any(found[0].lower().startswith(stem(w)) for w in vocab.not_names):
        found = found[1:]
    raw = " ".join(found)
    suffix = match.groupdict().get("suffix")
    if suffix:
        raw = f"{raw} {suffix.strip()}"
    return Entity(nominative(raw, kind, vocab), kind)


def find_entities(text: str, vocab: Vocabulary) -> list[tuple[int, Entity]]:
    """Entities named in ``text`` with their positions, in reading order."""
    found: dict[int, tuple[int, Entity]] = {}
    for item in vocab.entities:
        for m in item.pattern.finditer(text):
            start = m.start("name") if "name" in m.groupdict() and m.group("name") else m.start()
            entity = _entity(m, item.kind, vocab) if item.kind != "villages_total" else None
            if entity is None:
                entity = Entity("", "villages_total")
            elif not entity.name:
                continue
            # one entity per place in the text: the longer match wins
            prev = found.get(start)
            if prev is None or m.end() - m.start() > prev[0]:
                found[start] = (m.end() - m.start(), entity)
    return [(pos, e) for pos, (_, e) in sorted(found.items())]


def issuer_territory(text: str, vocab: Vocabulary, *, last: bool = False) -> Entity | None:
    """The territory the issuing maslikhat governs, with its region when printed.

    "Шыңғырлау аудандық мәслихаты" → Shyngyrlau district; "Решение Есильского районного
    маслихата Акмолинской области" → Esil district of Akmola region.
    """
    # ``last``: the maslikhat named last — a preamble cites the regional decision
    # before "районный маслихат РЕШИЛ"
    best: tuple[int, Entity] | None = None
    for kind, patterns in vocab.issuer.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                if best is None or (m.start() > best[0] if last else m.start() < best[0]):
                    best = (m.start(), _entity(m, kind, vocab))
    if best is None:
        return None
    territory = best[1]
    if territory.kind != "region":
        region = next((e for _, e in find_entities(text, vocab) if e.kind == "region"), None)
        territory = territory.with_parent(region)
    return territory


def own_budget_kind(text: str, vocab: Vocabulary) -> str | None:
    """ "аудандық бюджет" → district: a budget named only by its level, anywhere in ``text``."""
    tw = words(text)
    for i in range(len(tw)):
        key = best_key(" ".join(tw[i : i + 4]), vocab.own_budget)
        if key:
            return key
    return None


def same_place(a: Entity, b: Entity) -> bool:
    """Two printings of one place's name ("Есиль"/"Есильский", "Шыңғырлау"/"Шыңғырлау")."""
    x, y = a.name.lower(), b.name.lower()
    n = min(len(x), len(y), 5)
    return n >= 3 and x[:n] == y[:n]


def budget_holder(head: str, vocab: Vocabulary, issuer: Entity | None) -> Entity | None:
    """Whose budget a point's head (the text before its items) approves.

    A named town, settlement, village or rural district first (its parent is the issuer's
    district or city); then a budget named by level ("районный бюджет" → the issuer's
    territory); then a named district, city or region; a summary of all villages of a
    district is an entity of its own kind, never the district's own budget.
    """
    named = [e for _, e in find_entities(head, vocab)]
    local = [e for e in named if e.kind in LOCAL_KINDS and e.kind != "villages_total"]
    if local:
        # "Орал қаласының Зачаган кентінің бюджеті" from Орал's own maslikhat: the city named
        # is the issuer, the parent; the budget is the settlement's
        below = [e for e in local if not (issuer and e.kind == "town" and same_place(e, issuer))]
        entity = (below or local)[0]
        town_is_city = entity.kind == "town" and issuer and issuer.kind in {"city", "region"}
        if town_is_city and (issuer.kind == "region" or same_place(entity, issuer)):
            return Entity(entity.name, "city", issuer if issuer.kind == "region" else issuer.parent)
        return entity.with_parent(
            issuer if issuer and issuer.kind in {"district", "city"} else None
        )
    if any(e.kind == "villages_total" for e in named):
        base = issuer if issuer and issuer.kind in {"district", "city"} else None
        district = next((e for e in named if e.kind == "district"), base)
        if district is None:
            return None
        return Entity(district.name, "villages_total", district)
    level = own_budget_kind(head, vocab)
    if level and issuer:
        if issuer.kind == level:
            return issuer
        if level == "city" and issuer.kind == "region":
            return None
    upper = [e for e in named if e.kind in {"district", "city", "region"}]
    if upper:
        entity = upper[0]
        if issuer and same_place(entity, issuer) and entity.kind == issuer.kind:
            return issuer
        region = next((e for e in named if e.kind == "region"), None)
        if entity.kind != "region":
            return entity.with_parent(region or (issuer.parent if issuer else None))
        return entity
    if level and issuer and issuer.kind == level:
        return issuer
    return None


def is_sub_heading(text: str, vocab: Vocabulary) -> Entity | None:
    """ "По городу Жанатас:" / "Жаңатас қаласы бойынша:" → that entity, else None."""
    for pattern in vocab.sub_heading:
        m = pattern.match(text.strip())
        if m:
            found = find_entities(m.group("what"), vocab)
            if found:
                return found[0][1]
    return None


__all__ = [
    "Entity",
    "budget_holder",
    "find_entities",
    "is_sub_heading",
    "issuer_territory",
    "own_budget_kind",
]
