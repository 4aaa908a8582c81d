"""Read a question: its language, years, intent cues, budget holder, topic and glossary term.

Reading never touches the store; :class:`bot.answer.engine.Engine` decides what to answer
from the :class:`Reading`. All language knowledge comes from ``data/answer/`` and the
classifier; this module only combines it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from bot.answer.budgets import TOTALS
from bot.answer.latin import to_cyrillic
from bot.answer.lexicon import LANGS, Lexicon, all_lexicons, load_places
from bot.answer.match import Hit, PhraseIndex
from bot.answer.morph import stem, stems
from bot.answer.text import KAZAKH_LETTERS, clean, fold, is_cyrillic, is_latin, tokens
from bot.answer.years import find_years
from bot.classifier import Classifier

# Classifier kinds never offered as a topic: an administrator (124) spans every group.
NOT_TOPICS = frozenset({"admin"})
MAX_TOP = 20
DISTRICT = "\x00district:"  # key prefix of a district's name that picks its entity
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Reading:
    query: str
    text: str
    lang: str
    # the words alone chose ``lang`` (not a tie broken by the asker's own language): the
    # same reading for every asker
    lang_from_words: bool = False
    years: tuple[int, ...] = ()
    is_range: bool = False
    cues: set[str] = field(default_factory=set)
    n: int | None = None
    words: list[str] = field(default_factory=list)  # folded content words
    entity: str | None = None
    topics: list[Hit] = field(default_factory=list)
    glossary: list[Hit] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)
    # two-digit numbers written alone ("roads 24"): a year when the store has 20NN
    bare_numbers: tuple[int, ...] = ()
    place: dict[str, str] | None = None  # a place by name ("Алматы"): lang → name shown
    near: tuple[str, ...] = ()  # budget holders near that place (the same district)
    several: tuple[str, ...] = ()  # budget holders of the one name the question gives
    counts: tuple[int, ...] = ()  # number words among the words ("последние два года" → 2)
    followup: bool = False  # begins or ends like a follow-up: "а …", "ал … ше", "and …"
    whole: bool = False  # names the whole budget ("бюджет 2024"): never a follow-up
    person: bool = False  # a named person's pay ("зарплата Токаева"): not in any budget line

    @property
    def empty(self) -> bool:
        return not any(ch.isalnum() for ch in self.text)


def _cue_pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    """Cues that begin with a letter match at a word start; "%" or "/help" anywhere.

    The word-start check is one ``\b`` before the whole alternation, not one per cue: a
    lookbehind inside every branch keeps the regex engine from skipping ahead by first
    letters and made reading a long question twenty times slower."""
    words, others = [], []
    for cue in sorted(set(cues), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in cue.split())
        if body:
            (words if re.match(r"\w", cue) else others).append(body)
    parts = ([r"\b(?:" + "|".join(words) + ")"] if words else []) + others
    return re.compile("|".join(parts)) if parts else None


class Reader:
    """Understands questions against a classifier, a glossary and the store's entities."""

    def __init__(
        self,
        classifier: Classifier,
        glossary: dict[str, dict[str, list[str]]],
        entity_names: dict[str, list[tuple[str, str]]],
        district_names: dict[str, list[tuple[str, str]]] | None = None,
    ) -> None:
        """``glossary``: key → lang → terms; ``entity_names``: entity → [(lang, name)];
        ``district_names``: entity → the names of the district it lies in (its maslikhat's),
        which pick the entity too unless the question names a village of that name."""
        self.lex: dict[str, Lexicon] = all_lexicons()
        stop = {
            lang: lx.stopwords | frozenset(lx.year_words) | lx.followup_words
            for lang, lx in self.lex.items()
        }
        self.stopwords = frozenset().union(*stop.values())
        intents = sorted({i for lx in self.lex.values() for i in lx.intents})
        self.cue_patterns = {
            intent: p
            for intent in intents
            if (
                p := _cue_pattern(c for lx in self.lex.values() for c in lx.intents.get(intent, ()))
            )
        }
        prefixes = sorted({p for lx in self.lex.values() for p in lx.stop_prefixes}, key=len)
        self.stop_prefixes = (
            re.compile("|".join(re.escape(p) for p in reversed(prefixes))) if prefixes else None
        )
        self.numbers = {}
        for lx in self.lex.values():
            self.numbers.update(lx.numbers)
        # "а в 2025?", "ал жарыққа ше?", "and 2023?": words that tie a message to the last answer
        self.followup_first = frozenset().union(*(lx.followup_first for lx in self.lex.values()))
        self.followup_last = frozenset().union(*(lx.followup_last for lx in self.lex.values()))
        self.budget_words = frozenset().union(*(lx.budget_words for lx in self.lex.values()))
        greetings = sorted({w for lx in self.lex.values() for w in lx.salutations}, key=len)
        self.salutation = (
            re.compile(
                r"\s*(?:"
                + "|".join(re.escape(w) for w in reversed(greetings))
                + r")\b[^,!.?]{0,40}[,!]"
            )
            if greetings
            else None
        )
        self.salary_prefixes = tuple(
            sorted({w for lx in self.lex.values() for w in lx.salary_words})
        )
        self.settlement_words = frozenset().union(
            *(lx.settlement_words for lx in self.lex.values())
        )

        topic_phrases = []
        for e in classifier:
            if e.kind in NOT_TOPICS:
                continue
            for lang in LANGS:
                topic_phrases.append((e.code, lang, e.name(lang)))
                topic_phrases.extend((e.code, lang, w) for w in e.keywords.get(lang, ()))
        for lang, lx in self.lex.items():
            for code, words in lx.topics.items():
                if code in classifier.by_code and classifier.by_code[code].kind not in NOT_TOPICS:
                    topic_phrases.extend((code, lang, w) for w in words)
        self.topics = PhraseIndex(topic_phrases, stop)
        self.glossary = PhraseIndex(
            (
                (key, lang, term)
                for key, by_lang in glossary.items()
                for lang, terms in by_lang.items()
                for term in terms
            ),
            stop,
        )
        entity_stop = {lang: stop[lang] | self.lex[lang].entity_words for lang in LANGS}
        self.entity_words = frozenset().union(*(lx.entity_words for lx in self.lex.values()))
        self.entity_stems = frozenset(
            stem(w, lang) for lang, lx in self.lex.items() for w in lx.entity_words if len(w) > 3
        )
        self.entities = PhraseIndex(
            [
                *((key, lang, name) for key, names in entity_names.items() for lang, name in names),
                *(
                    (DISTRICT + key, lang, name)
                    for key, names in (district_names or {}).items()
                    for lang, name in names
                ),
            ],
            entity_stop,
        )
        places = load_places()
        self.places = dict(places.names)
        for form, shown in places.names.items():  # "Астаны", "Алматинский": no final vowel
            if len(form) > 4 and form[-1] in "аыеиоуя":
                self.places.setdefault(form[:-1], shown)
        self.place_endings = places.endings | frozenset(self.lex["kk"].suffixes)
        self.kk_endings = frozenset(self.lex["kk"].suffixes)
        # Stems each language's words have, to tell Kazakh typed without its letters from Russian.
        self.vocab: dict[str, set[str]] = {lang: set() for lang in LANGS}
        for lang, lx in self.lex.items():
            words = set(lx.markers) | set(lx.stopwords) | set(lx.year_words) | lx.followup_words
            # the words of follow-up cues ("неге азайды", "толығырақ") tell the language too
            for key in ("why", "detail", "execution"):
                words.update(tokens(" ".join(lx.intents.get(key, ()))))
            for phrase in [*lx.topics.values()]:
                words.update(tokens(fold(" ".join(phrase))))
            for e in classifier:
                words.update(tokens(fold(e.name(lang))))
                words.update(tokens(fold(" ".join(e.keywords.get(lang, ())))))
            for by_lang in glossary.values():
                words.update(tokens(fold(" ".join(by_lang.get(lang, [])))))
            self.vocab[lang] = {stem(w, lang) for w in words if not w.isdigit()} | words
        # Every word of the English data (cues, relative years, numbers): a Latin word among
        # them is English and is never read as Kazakh typed in Latin letters.
        en = self.lex["en"]
        cue_words = [*(c for cs in en.intents.values() for c in cs), *en.numbers, *en.entity_words]
        cue_words += [p for ps in en.relative_years.values() for p in ps]
        self.english = self.vocab["en"] | set(tokens(" ".join(cue_words)))
        # Kazakh and Russian words a transliterated word is recognised by
        self.cyrillic_words = {
            lang: self.vocab[lang]
            | set(tokens(" ".join(c for cs in self.lex[lang].intents.values() for c in cs)))
            for lang in ("kk", "ru")
        }

    def _place(self, words: list[str], candidates: list[int]) -> dict[str, str] | None:
        """A place named in ``data/answer/places.yaml`` (one the store may have no budget
        for), whole or with a case ending: "Алматыда", "в Уральске", "Астаны", "Жаңақаланың"."""
        for i in candidates:
            w = words[i]
            for n in range(len(w), 3, -1):
                if n < len(w) and w[n:] not in self.place_endings:
                    continue
                if (shown := self.places.get(w[:n])) is not None:
                    return shown
        return None

    @staticmethod
    def _holders(hits: list[Hit]) -> list[Hit]:
        """Entity hits with each holder's name and its district's name taken together:
        "Талов Жанибекского района" is the Talov of that district, not another Talov. A
        holder named by its own name comes first; a district's name alone stays a
        district hit."""
        if not hits:
            return hits
        names: dict[str, Hit] = {}
        districts: dict[str, Hit] = {}
        for h in hits:
            if h.key.startswith(DISTRICT):
                districts.setdefault(h.key[len(DISTRICT) :], h)
            else:
                names.setdefault(h.key, h)
        merged = []
        for key, h in names.items():
            d = districts.get(key)
            if d is not None and not d.words & h.words:
                h = replace(h, words=h.words | d.words, score=h.score + d.score)
            merged.append(h)
        merged.sort(key=lambda h: h.rank, reverse=True)
        rest = [h for k, h in districts.items() if k not in names]
        if merged and (not rest or merged[0].rank >= rest[0].rank):
            return merged + [replace(h, key=DISTRICT + k) for k, h in districts.items()]
        return [replace(h, key=DISTRICT + k) for k, h in districts.items()] + merged

    def _unhyphen(self, word: str) -> str:
        """ "жкх-га", "ипн-ге": a Kazakh ending joined to a Russian word or an abbreviation
        by a hyphen is an ending, not part of the word."""
        head, _, tail = word.rpartition("-")
        return head if head and tail in self.kk_endings else word

    def _english(self, word: str) -> bool:
        return word in self.english or stem(word, "en") in self.english

    def _cyrillic_word(self, word: str) -> bool:
        return any(
            word in known or stem(word, lang) in known
            for lang, known in self.cyrillic_words.items()
        )

    def from_latin(self, text: str) -> str | None:
        """``text`` with its Latin-lettered Kazakh words in Cyrillic, or None when they are not
        Kazakh: a Latin word the engine knows as English stays, and the text is converted only
        when more converted words are recognised than English ones."""
        low = text.lower()
        latin = {w for w in _WORD.findall(low) if is_latin(w) and not is_cyrillic(w) and len(w) > 1}
        if not latin:
            return None
        known = english = 0
        converted: dict[str, str] = {}
        for w in latin:
            c = fold(to_cyrillic(w))
            kazakh = self._cyrillic_word(c)
            if self._english(fold(w)):
                # "akim" is English and Kazakh alike: it counts for neither side
                english += not kazakh
                continue
            converted[w] = c
            known += kazakh
        if known <= english:
            return None
        return _WORD.sub(lambda m: converted.get(m.group(0), m.group(0)), low)

    def detect_language(self, text: str, prefer: str = "ru") -> str:
        """kk, ru or en by majority of recognised words; Kazakh letters count double.
        A tie goes to ``prefer``."""
        return self._detect(text, prefer)[0]

    def _detect(self, text: str, prefer: str) -> tuple[str, bool]:
        """:meth:`detect_language`, and whether the words alone decided (no tie)."""
        score = dict.fromkeys(LANGS, 0.0)
        for raw in tokens(text.lower()):
            if raw.isdigit():
                continue
            word = fold(raw)
            if not KAZAKH_LETTERS.isdisjoint(raw):
                score["kk"] += 2
            elif is_latin(word) and not is_cyrillic(word):
                score["kk" if word in self.lex["kk"].markers else "en"] += 1
            elif is_cyrillic(word):
                ru = word in self.vocab["ru"] or stem(word, "ru") in self.vocab["ru"]
                kk = word in self.vocab["kk"] or stem(word, "kk") in self.vocab["kk"]
                score["ru"] += ru
                score["kk"] += kk
                if not ru and not kk:
                    score["ru"] += 0.1  # an unknown Cyrillic word is more likely Russian
        best = max(LANGS, key=lambda lang: (score[lang], lang == prefer))
        if score[best] <= 0:
            return prefer, False
        return best, sum(score[lang] == score[best] for lang in LANGS) == 1

    def read(
        self,
        query: object,
        lang: str | None = None,
        today: date | None = None,
        prefer: str | None = None,
    ) -> Reading:
        """Read ``query``; ``lang`` fixes the reply language, ``prefer`` only breaks a tie of
        the detector (the asker's own language: "бюджет 2024" is Kazakh and Russian alike)."""
        text = clean(query)
        today = today or date.today()
        latin = self.from_latin(text) if lang != "en" else None
        if lang in LANGS:
            language, decided = lang, True
        elif latin is not None:  # "jol 2024 qansha": Kazakh in Latin letters
            text = latin
            language = self.detect_language(text, prefer="kk")
            decided = True  # whoever asks: a tie goes to Kazakh
        else:
            language, decided = self._detect(text, prefer=prefer if prefer in LANGS else "ru")
        reading = Reading(
            query=query if isinstance(query, str) else "",
            text=text,
            lang=language,
            lang_from_words=decided,
        )
        if reading.empty:
            return reading
        folded = fold(text)
        opening = self.salutation.match(folded) if self.salutation else None
        if opening:  # "Құрметті әкім, 2023 жылғы шығыстар …": the address is not the subject
            folded = " " * opening.end() + folded[opening.end() :]
        found = find_years(folded, list(self.lex.values()), today)
        reading.years, reading.is_range = found.years, found.is_range
        blank = list(folded)
        for s, e in found.spans:
            blank[s:e] = " " * (e - s)
        for intent, pattern in self.cue_patterns.items():
            for m in pattern.finditer(folded):
                reading.cues.add(intent)
                s, e = m.span()
                while e < len(folded) and folded[e].isalpha():
                    e += 1  # a cue is a word beginning: "уменьшил" takes "уменьшились" whole
                blank[s:e] = " " * (e - s)
        rest = [self._unhyphen(w) for w in tokens("".join(blank))]
        reading.bare_numbers = tuple(int(w) for w in rest if w.isdigit() and len(w) == 2)
        for w in rest:
            if w.isdigit() and 0 < int(w) <= MAX_TOP and reading.n is None:
                reading.n = int(w)
            elif w in self.numbers and reading.n is None and reading.cues & {"top", "bottom"}:
                reading.n = self.numbers[w]
        words = [
            w
            for w in rest
            if not w.isdigit()
            and w not in self.stopwords
            and len(w) > 1
            and not (self.stop_prefixes and self.stop_prefixes.match(w))
        ]
        # A budget holder's name is looked for among words that name no budget line or term,
        # so that thousands of village names cost nothing for "дороги 2024".
        candidates = [
            i
            for i, w in enumerate(words)
            if not self.topics.exact(w) and not self.glossary.exact(w)
        ]
        ent_hits = [
            replace(h, words=frozenset(candidates[i] for i in h.words))
            for h in self.entities.search([words[i] for i in candidates])
        ]
        plain = tokens(folded)
        ent_hits = self._holders(ent_hits)
        if ent_hits and ent_hits[0].key.startswith(DISTRICT):
            named = [words[i] for i in sorted(ent_hits[0].words)]
            if any(w in self.settlement_words for w in plain):
                # "а бюджет села Жанибек есть?": a village named like the district, not the
                # district's rural district the store has — a place the store lacks
                originals = {fold(w): w for w in tokens(text)}
                shown = " ".join(originals.get(w, w) for w in named).strip()
                reading.place = dict.fromkeys(LANGS, shown[:1].upper() + shown[1:])
                # the district's own budgets are the nearest ones the store covers
                reading.near = tuple(
                    dict.fromkeys(
                        h.key[len(DISTRICT) :]
                        for h in ent_hits
                        if h.key.startswith(DISTRICT) and h.words == ent_hits[0].words
                    )
                )
                ent_hits = []
            else:
                ent_hits[0] = replace(ent_hits[0], key=ent_hits[0].key[len(DISTRICT) :])
        if len(ent_hits) > 1 and not ent_hits[0].key.startswith(DISTRICT):
            best = ent_hits[0]
            tied = [
                h.key
                for h in ent_hits
                if not h.key.startswith(DISTRICT) and h.words == best.words and h.rank == best.rank
            ]
            if len(tied) > 1:
                # two places of one name and nothing to tell them apart: ask which
                reading.several = tuple(tied)
                words = [w for i, w in enumerate(words) if i not in best.words]
                ent_hits = []
        if ent_hits:
            reading.entity = ent_hits[0].key
            # the name and the generic words around it ("сельский округ", "rural district")
            words = [
                w
                for i, w in enumerate(words)
                if i not in ent_hits[0].words
                and w not in self.entity_words
                and not set(stems(w)) & self.entity_stems  # "қаласының", "округе"
            ]
        elif reading.place is None and not reading.several:
            reading.place = self._place(words, candidates)
        reading.words = words
        reading.counts = tuple(self.numbers[w] for w in words if w in self.numbers)
        reading.whole = any(w in self.budget_words for w in plain)
        reading.followup = bool(plain) and (
            plain[0] in self.followup_first
            or " ".join(plain[:2]) in self.followup_first
            or plain[-1] in self.followup_last
        )
        # A partial phrase met only through a typo guess ("мысықтарға" ~ "жұмыстарға") names
        # nothing; its words stay unexplained so the question is not answered on a guess.
        reading.topics = [h for h in self.topics.search(words) if not h.weak]
        reading.glossary = [h for h in self.glossary.search(words) if not h.weak]
        explained: set[int] = set()
        for h in (*reading.topics, *reading.glossary):
            explained |= h.words
        # "во сколько раз доходы 2023 больше доходов 2025": a word said again is explained
        # by whatever explained it the first time
        seen = {stem(words[i], reading.lang) for i in explained if i < len(words)}
        explained |= {i for i, w in enumerate(words) if stem(w, reading.lang) in seen}
        reading.unexplained = [
            w for i, w in enumerate(words) if i not in explained and w not in self.numbers
        ]
        if any(w.startswith(self.salary_prefixes) for w in tokens(folded) if self.salary_prefixes):
            # a name written with a capital letter that nothing else explains: a person
            later = tokens(text)[1:]
            names = {fold(w) for w in later if w[:1].isupper() and not w.isupper()}
            reading.person = bool(names & set(reading.unexplained))
        if any(h.full and h.key not in TOTALS for h in reading.topics) and (
            reading.years or reading.cues
        ):
            # "Не могли бы вы сказать, сколько в 2023 году ушло на аппарат акима?": when the
            # rest names a line and asks something, words no budget line, term or place knows
            # have no budget meaning and are skipped. Not for a total ("how much does bread
            # cost"): there the unknown word is the subject; requests ("просим сообщить")
            # are stop words in data/answer/.
            reading.unexplained = [
                w for w in reading.unexplained if self.topics.known(w) or self.glossary.known(w)
            ]
        return reading
