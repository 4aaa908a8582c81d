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

from rapidfuzz import fuzz, process

from bot.answer.morph import stem, stems
from bot.answer.text import fold, tokens

PREFIX_WEIGHT = 0.85
FUZZY_CUTOFF = 80.0
MIN_FUZZY_LEN = 5
MIN_PREFIX_LEN = 4


@dataclass(frozen=True)
class Hit:
    key: str
    score: float
    words: frozenset[int]  # positions of the question words this key explains


class PhraseIndex:
    """Keys with phrases in several languages, searchable by question words."""

    def __init__(
        self,
        phrases: Iterable[tuple[str, str, str]],
        stopwords: dict[str, frozenset[str]],
    ) -> None:
        """``phrases``: (key, lang, text) triples; ``stopwords``: folded words per language."""
        self.phrases: list[tuple[str, tuple[str, ...]]] = []
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
        self.postings: dict[str, list[int]] = defaultdict(list)
        keys_of: dict[str, set[str]] = defaultdict(set)
        for i, (key, words) in enumerate(self.phrases):
            for w in words:
                self.postings[w].append(i)
                keys_of[w].add(key)
        n = len({key for key, _ in self.phrases}) or 1
        self.idf = {w: math.log(1 + n / len(ks)) for w, ks in keys_of.items()}
        self.vocab = sorted(self.postings)

    def _lookup(self, word: str) -> dict[str, float]:
        """Vocabulary words a folded question word may stand for, with a confidence."""
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
                for cut in range(len(s) - 1, MIN_PREFIX_LEN - 1, -1):
                    if s[:cut] in self.postings:
                        found.setdefault(s[:cut], PREFIX_WEIGHT)
                        break
        if found:
            return found
        for s in candidates:
            if len(s) >= MIN_FUZZY_LEN:
                for v, score, _ in process.extract(
                    s, self.vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
                ):
                    found[v] = max(found.get(v, 0.0), PREFIX_WEIGHT * score / 100)
        return found

    def search(self, words: list[str]) -> list[Hit]:
        """Keys named by ``words`` (folded question words), best first."""
        per_word = [self._lookup(w) for w in words]
        best: dict[str, tuple[float, frozenset[int]]] = {}
        touched: set[int] = set()
        for hits in per_word:
            for v in hits:
                touched.update(self.postings[v])
        for i in touched:
            key, pwords = self.phrases[i]
            gained = 0.0
            covered = 0
            positions: set[int] = set()
            for w in pwords:
                weight = 0.0
                for pos, hits in enumerate(per_word):
                    if w in hits and hits[w] > weight:
                        weight = hits[w]
                        positions.add(pos)
                if weight:
                    covered += 1
                    gained += self.idf[w] * weight
            score = gained * (covered / len(pwords)) ** 0.5 * (1 + 0.25 * (covered == len(pwords)))
            if score > best.get(key, (0.0, frozenset()))[0]:
                best[key] = (score, frozenset(positions))
        hits_sorted = sorted(best.items(), key=lambda kv: -kv[1][0])
        return [Hit(key, score, pos) for key, (score, pos) in hits_sorted]

    def explained(self, words: list[str]) -> set[int]:
        """Positions of ``words`` that mean anything to this index."""
        return {i for i, w in enumerate(words) if self._lookup(w)}
