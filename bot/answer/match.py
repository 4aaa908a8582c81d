"""Find which known phrase (a budget line, a glossary term, a budget holder) a question names.

Each key (a classifier code, a glossary term, an entity) has phrases in kk, ru and en.
Phrases and question words are folded and stemmed; a question word meets a phrase word
exactly, by prefix (``транспорт``/``транспортн``) or, for typos, by a rapidfuzz ratio.
A phrase scores the inverse-document-frequency weight of the words it shares with the
question times the part of the phrase covered, so "коммунальное хозяйство" prefers the
sub-function of that exact name over "жилищно-коммунальное хозяйство".
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.answer.morph import stem, stems
from bot.answer.text import fold, tokens

PREFIX_WEIGHT = 0.85
FUZZY_CUTOFF = 80.0
MIN_FUZZY_LEN = 5
MIN_PREFIX_LEN = 4
SHORT_WORD = 7
IN_ORDER_BONUS = 1.1  # a phrase met word after word, as written, beats the same words scattered
LOOKUP_MEMO = 20_000  # words remembered per index (~300 bytes each), then forgotten at once


@dataclass(frozen=True)
class Hit:
    key: str
    score: float
    words: frozenset[int]  # positions of the question words this key explains
    full: bool = False  # every word of one of the key's phrases is in the question
    weakest: float = 1.0  # lowest confidence of a matched word (below PREFIX_WEIGHT: a typo)

    @property
    def weak(self) -> bool:
        """Part of a phrase met only through a typo-tolerant guess: too little to answer on."""
        return not self.full and self.weakest < PREFIX_WEIGHT

    @property
    def rank(self) -> tuple[int, bool, float]:
        """More question words explained first, then a whole phrase, then the weight."""
        return (len(self.words), self.full, self.score)


class PhraseIndex:
    """Keys with phrases in several languages, searchable by question words."""

    def __init__(
        self,
        phrases: Iterable[tuple[str, str, str]],
        stopwords: dict[str, frozenset[str]],
    ) -> None:
        """``phrases``: (key, lang, text) triples; ``stopwords``: folded words per language."""
        phrases = list(phrases)
        self.phrases: list[tuple[str, tuple[str, ...]]] = []
        self.langs: list[str] = []  # the language of each phrase
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for key, lang, text in phrases:
            stop = stopwords.get(lang, frozenset())
            words = tuple(
                dict.fromkeys(
                    stem(w, lang) for w in tokens(fold(text)) if w not in stop and not w.isdigit()
                )
            )
            if words and (key, words) not in seen:
                seen.add((key, words))
                self.phrases.append((key, words))
                self.langs.append(lang)
        self.postings: dict[str, list[int]] = defaultdict(list)
        keys_of: dict[str, set[str]] = defaultdict(set)
        # Unstemmed forms too, so a typo is compared with the word as people write it.
        self.surface: dict[str, set[str]] = defaultdict(set)
        for _key, lang, text in phrases:
            stop = stopwords.get(lang, frozenset())
            for w in tokens(fold(text)):
                if w not in stop and not w.isdigit():
                    self.surface[w].add(stem(w, lang))
        for i, (key, words) in enumerate(self.phrases):
            for w in words:
                self.postings[w].append(i)
                keys_of[w].add(key)
        n = len({key for key, _ in self.phrases}) or 1
        self.idf = {w: math.log(1 + n / len(ks)) for w, ks in keys_of.items()}
        self.vocab = sorted(self.postings)
        self.surfaces = sorted(self.surface)
        self._memo: dict[tuple[str, bool], dict[str, float]] = {}

    def _lookup(self, word: str, fuzzy: bool = True) -> dict[str, float]:
        """Vocabulary words a folded question word may stand for, with a confidence.

        Remembered per word (the index never changes): a typo search costs ~70 µs, and a
        pasted 4,096-character message repeats its words (read-only result; bounded)."""
        key = (word, fuzzy)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= LOOKUP_MEMO:
                self._memo.clear()
            found = self._memo[key] = self._lookup_uncached(word, fuzzy)
        return found

    def _lookup_uncached(self, word: str, fuzzy: bool) -> dict[str, float]:
        found: dict[str, float] = {}
        candidates = stems(word)
        for s in candidates:
            if s in self.postings:
                found[s] = 1.0
        if found:
            return found
        for s in candidates:
            if len(s) >= MIN_PREFIX_LEN:
                i = bisect_left(self.vocab, s)
                for v in self.vocab[i : i + 8]:
                    if not v.startswith(s):
                        break
                    found.setdefault(v, PREFIX_WEIGHT)
                shortest = max(MIN_PREFIX_LEN, -(-len(s) * 3 // 5))
                for cut in range(len(s) - 1, shortest - 1, -1):
                    if s[:cut] in self.postings:
                        found.setdefault(s[:cut], PREFIX_WEIGHT)
                        break
        if found or not fuzzy:
            return found
        if len(word) >= MIN_FUZZY_LEN:
            for v, score, _ in process.extract(
                word, self.surfaces, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
            ):
                if self._plausible_typo(word, v):
                    for s in self.surface[v]:
                        found[s] = max(found.get(s, 0.0), PREFIX_WEIGHT * score / 100)
            for s in candidates:
                if len(s) < MIN_FUZZY_LEN:
                    continue
                for v, score, _ in process.extract(
                    s, self.vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
                ):
                    if self._plausible_typo(s, v):
                        found[v] = max(found.get(v, 0.0), PREFIX_WEIGHT * score / 100)
        return found

    @staticmethod
    def _plausible_typo(word: str, known: str) -> bool:
        """Short words must keep their first letter: ``rodas`` → roads, not ``lines`` → fines."""
        return len(word) >= SHORT_WORD or word[:1] == known[:1]

    def search(self, words: list[str]) -> list[Hit]:
        """Keys named by ``words`` (folded question words), best first."""
        per_word = [self._lookup(w) for w in words]
        best: dict[str, Hit] = {}
        touched: set[int] = set()
        # vocabulary word → (question position, weight) where it is met, in order: a phrase
        # word looks only where it is met ("сколько потратили на дороги" pasted twenty
        # times made every phrase word scan all eighty positions)
        met: dict[str, list[tuple[int, float]]] = {}
        for pos, hits in enumerate(per_word):
            for v, wt in hits.items():
                met.setdefault(v, []).append((pos, wt))
        for v in met:
            touched.update(self.postings[v])
        # per key and phrase length: phrase word index → the best (question position,
        # weight, idf, phrase) met for it, the first of equals (one per slot, not a list
        # of every phrase met: a common word is met by hundreds)
        aligned: dict[tuple[str, int], dict[int, tuple[int, float, float, int]]] = {}
        for i in touched:
            key, pwords = self.phrases[i]
            gained = 0.0
            weakest = 1.0
            covered = 0
            positions: set[int] = set()
            order: list[int] = []
            for k, w in enumerate(pwords):
                weight, where = 0.0, -1
                for pos, wt in met.get(w, ()):
                    if wt > weight or (
                        # a word met twice: the place right after the phrase's previous word
                        wt == weight and order and pos == order[-1] + 1
                    ):
                        weight, where = wt, pos
                if weight:
                    covered += 1
                    gained += self.idf[w] * weight
                    weakest = min(weakest, weight)
                    positions.add(where)
                    order.append(where)
                    slots = aligned.setdefault((key, len(pwords)), {})
                    kept = slots.get(k)
                    if kept is None or weight > kept[1]:
                        slots[k] = (where, weight, self.idf[w], i)
            full = covered == len(pwords)
            in_order = full and len(order) > 1 and all(b == a + 1 for a, b in pairwise(order))
            hit = Hit(
                key,
                gained
                * (covered / len(pwords))
                * (1.25 if full else 1.0)
                * (IN_ORDER_BONUS if in_order else 1.0),
                frozenset(positions),
                full,
                weakest,
            )
            if key not in best or hit.rank > best[key].rank:
                best[key] = hit
        for (key, size), slots in aligned.items():
            mixed = self._mixed(key, size, slots, self.langs)
            if mixed is not None and (key not in best or mixed.rank > best[key].rank):
                best[key] = mixed
        return sorted(best.values(), key=lambda h: h.rank, reverse=True)

    @staticmethod
    def _mixed(
        key: str,
        size: int,
        slots: dict[int, tuple[int, float, float, int]],
        langs: list[str],
    ) -> Hit | None:
        """A line named half in one language and half in another ("налоговые түсімдер":
        "налоговые поступления" and "салықтық түсімдер"): phrases of one key with as many
        words, each word of the name met in one of them, at different places in the question
        and from phrases of at least two languages. Translations keep their word order here
        (adjective, noun), so a word is matched by its place in the name."""
        if size < 2 or len(slots) < size:
            return None
        chosen = [slots[k] for k in range(size)]
        positions = [c[0] for c in chosen]
        if len(set(positions)) < size or len({langs[c[3]] for c in chosen}) < 2:
            return None  # two languages, not two phrasings of one
        weakest = min(c[1] for c in chosen)
        if weakest < 1.0:
            return None  # both halves must be met exactly: no guessing across languages
        score = sum(c[1] * c[2] for c in chosen) * 1.25
        return Hit(key, score, frozenset(positions), True, weakest)

    def exact(self, word: str) -> bool:
        """Whether ``word`` (one of its stems) is in the vocabulary as it is: "Каратау" is
        not "қаражат" cut short."""
        return any(weight >= 1.0 for weight in self._lookup(word, fuzzy=False).values())

    def known(self, word: str) -> bool:
        """Whether ``word`` is in the vocabulary exactly or by prefix (no typo search)."""
        return bool(self._lookup(word, fuzzy=False))
