"""Answers that answer: the sentences of the best passages that state what was asked.

Retrieval finds the items; this module reads them at the level of sentences
and list items (`retrieval.text.units`) and chooses what to say:

1. a question editors already answered (an item's `faq`) that matches the
   question closely is answered with that answer first;
2. otherwise each unit of the best items is scored against the question —
   cosine of the question and the unit (the index's encoder, unit vectors
   computed at build time), BM25-style term overlap, and whether the unit
   holds the kind of fact asked for (a number, an amount, a phone number, a
   duration) — and the best unit is kept with what it needs to make sense:
   the sentence introducing its list, or the one before a sentence that
   starts with "This"/"Cela"; close runners-up of the same item are added in
   the source's order, within a word budget, ending on a complete sentence;
3. where another level of government also answers (a federal rule and the
   Ontario service), the reply says both, each with its source.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from retrieval.folding import fold
from retrieval.lexical import Analyzer
from retrieval.search import Hit, SearchIndex
from retrieval.settings import AnswerSettings
from retrieval.text import Unit, render, units

_DIGIT = re.compile(r"\d")
_MONEY = re.compile(r"\$|\b(free|gratuit|gratuite|gratuits|gratuites|no cost|sans frais|aucuns? frais)\b", re.I)
_PHONE = re.compile(r"\b(\d{3}[-. ]\d{3}[-. ]\d{4}|1[-. ]\d{3}[-. ]\d{3}[-. ]\d{4}|[2-9]11|988)\b")
_DURATION = re.compile(
    r"\b\d[\d,  ]*[\s-]*(days?|weeks?|months?|years?|hours?|minutes?|business days|jours?|semaines?|mois|ans|"
    r"années?|heures?)\b|\b(one|two|three|four|five|six|ten|un|une|deux|trois|quatre|cinq|six|dix)[\s-]"
    r"(days?|weeks?|months?|years?|hours?|minutes?|jours?|semaines?|mois|ans|années?|heures?)\b",
    re.I,
)
_FREQUENCY = re.compile(
    r"\b(times a (year|month|week)|every (month|year|week|two weeks)|each (month|year)|monthly|yearly|annually|"
    r"quarterly|fois par (an|année|mois|semaine)|chaque (mois|année|semaine)|tous les (mois|ans)|mensuel\w*|"
    r"annuel\w*|trimestriel\w*)\b",
    re.I,
)
_DATE = re.compile(
    r"\b(\d{1,2}(st|nd|rd|th)|1er|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    r"décembre|decembre)\b",
    re.I,
)
_AGE = re.compile(r"\b\d{1,2}\s*(years? old|or older|and older|ans|ou plus)\b|\baged? \d|\bâgée?s? de \d", re.I)
_REFERS_BACK = re.compile(
    r"^(this|that|these|those|it|they|then|also|however|so|otherwise|if so|ce|cet|cette|ces|cela|ça|il|elle|ils|"
    r"elles|sinon|ensuite|aussi|toutefois|donc|dans ce cas|par contre|de plus|en effet)\b|^(c|ç)['’]",
    re.I,
)

# What kind of fact a question asks for, from its words (accents folded, lower case).
_CUES: dict[str, re.Pattern[str]] = {
    "money": re.compile(
        r"\b(how much|cost|costs|fee|fees|price|pay|paid|charge|free|combien (ca|ça) coute|cout|couts|coute|"
        r"frais|prix|tarif|payer|paye|gratuit)\b"
    ),
    "phone": re.compile(
        r"\b(phone|number|call|dial|text|numero|telephone|appeler|appelle|composer|texto|joindre|contact)\b"
    ),
    "duration": re.compile(
        r"\b(how long|how many (days|weeks|months|years)|when|deadline|wait|waiting|delay|combien de temps|"
        r"combien de (jours|semaines|mois|ans)|quand|delai|delais|attendre|attente|avant de|within|dans les)\b"
    ),
    "age": re.compile(
        r"\b(how old|what age|age|ages|quel age|a partir de quel age|\d+ ?(year|yr)s? old|\d+ ?ans|teen\w*|"
        r"ado\w*|kids?|child|children|enfants?|baby|bebe|senior|aine)\b"
    ),
    "frequency": re.compile(
        r"\b(how often|monthly|every month|each month|per month|weekly|quarterly|a quel rythme|chaque mois|"
        r"tous les mois|par mois|combien de fois|frequence)\b"
    ),
    "date": re.compile(r"\b(what day|which day|what date|due date|deadline|quel jour|quelle date|date limite)\b"),
    "count": re.compile(r"\b(how many|how much|minimum|at least|combien|au moins)\b"),
}


def question_cues(question: str) -> set[str]:
    """The kinds of fact the question asks for: money, phone, duration, age, count."""
    folded = fold(question)
    return {name for name, pattern in _CUES.items() if pattern.search(folded)}


# What each kind of fact looks like in a unit's text.
_STATED: dict[str, re.Pattern[str]] = {
    "money": _MONEY,
    "phone": _PHONE,
    "duration": _DURATION,
    "age": _AGE,
    "frequency": _FREQUENCY,
    "date": _DATE,
    "count": _DIGIT,
}


def unit_cues(text: str) -> set[str]:
    """The kinds of fact a unit states."""
    return {name for name, pattern in _STATED.items() if pattern.search(text)}


@dataclass(frozen=True)
class UnitRecord:
    """One unit of one item, as stored in the index (`units.json`)."""

    item_id: str
    position: int
    heading: str
    kind: str
    text: str
    block: int
    lead: int | None = None

    @property
    def introduces_list(self) -> bool:
        return self.kind == "sentence" and self.text.endswith(":")

    @property
    def unit(self) -> Unit:
        return Unit(self.position, self.heading, self.kind, self.text, self.block, self.lead)

    def embedded_text(self) -> str:
        """What the encoder sees: the section heading gives a sentence its context."""
        return f"{self.heading}: {self.text}" if self.heading else self.text


@dataclass(frozen=True)
class FaqRecord:
    """A question editors know people ask, answered by the item (`faq.json`)."""

    item_id: str
    q: str
    a: str


def unit_records(item_id: str, body: str) -> list[UnitRecord]:
    return [UnitRecord(item_id, u.position, u.heading, u.kind, u.text, u.block, u.lead) for u in units(body)]


@dataclass
class Answer:
    """The reply's own text and the items it comes from (first = main source)."""

    text: str
    hits: list[Hit]
    parts: list[str] = field(default_factory=list)
    faq: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "parts": self.parts, "faq": self.faq, "sources": [h.id for h in self.hits]}


class AnswerBook:
    """Every item's units and FAQ pairs with their vectors: what answers are chosen from."""

    def __init__(
        self,
        unit_rows: Sequence[UnitRecord],
        faq_rows: Sequence[FaqRecord],
        faq_vectors: np.ndarray,
        languages: dict[str, str],
        settings: AnswerSettings | None = None,
    ):
        if len(faq_rows) != len(faq_vectors):
            raise ValueError("FAQ pairs and their vectors differ in number; rebuild the index")
        self.units = list(unit_rows)
        self.faqs = list(faq_rows)
        self.faq_vectors = faq_vectors
        self.settings = settings or AnswerSettings()
        self._rows_of: dict[str, list[int]] = {}
        for row, record in enumerate(self.units):
            self._rows_of.setdefault(record.item_id, []).append(row)
        self._faq_rows_of: dict[str, list[int]] = {}
        for row, faq in enumerate(self.faqs):
            self._faq_rows_of.setdefault(faq.item_id, []).append(row)
        self._analyzers = {lang: Analyzer(lang) for lang in ("en", "fr")}
        # Document frequencies of stemmed terms per language, over units, for term weights.
        self._df: dict[str, Counter[str]] = {"en": Counter(), "fr": Counter()}
        self._n: dict[str, int] = {"en": 0, "fr": 0}
        self._terms: list[set[str]] = []
        for record in self.units:
            lang = languages.get(record.item_id, "en")
            terms = set(self._analyzers[lang](record.embedded_text()))
            self._terms.append(terms)
            self._df[lang].update(terms)
            self._n[lang] += 1

    def as_records(self) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        return [asdict(u) for u in self.units], [asdict(f) for f in self.faqs]

    # --- scoring -------------------------------------------------------------

    def _idf(self, term: str, language: str) -> float:
        n = max(self._n[language], 1)
        return math.log(1 + (n - self._df[language][term] + 0.5) / (self._df[language][term] + 0.5))

    def _lexical(self, query_terms: list[str], row: int, language: str) -> float:
        if not query_terms:
            return 0.0
        weights = {t: self._idf(t, language) for t in set(query_terms)}
        total = sum(weights.values()) or 1.0
        return sum(w for t, w in weights.items() if t in self._terms[row]) / total

    def score_units(self, question: str, item_id: str, language: str) -> dict[int, float]:
        """Row -> score for every unit of one item."""
        rows = self._rows_of.get(item_id, [])
        if not rows:
            return {}
        s = self.settings
        terms = self._analyzers[language](question)
        asked = question_cues(question)
        scores: dict[int, float] = {}
        for row in rows:
            record = self.units[row]
            score = s.lexical_weight * self._lexical(terms, row, language)
            if asked:
                stated = unit_cues(record.text)
                score += s.cue_weight * len(asked & stated) / len(asked)
            if record.text.endswith(":") and record.kind == "sentence":
                score -= s.cue_weight  # a lead-in says little by itself; its items carry the facts
            if len(record.text.split()) < 5 and not (asked and unit_cues(record.text) & asked):
                score -= s.cue_weight  # "Every permanent resident.": an answer to a heading, not to the question
            scores[row] = score
        return scores

    def faq_match(self, query_vector: np.ndarray, hits: Sequence[Hit]) -> tuple[FaqRecord, Hit, float] | None:
        """The closest FAQ question among the found items, if it is close enough."""
        best: tuple[FaqRecord, Hit, float] | None = None
        for hit in hits:
            rows = self._faq_rows_of.get(hit.id, [])
            if not rows:
                continue
            sims = self.faq_vectors[rows] @ query_vector
            n = int(np.argmax(sims))
            if best is None or float(sims[n]) > best[2]:
                best = (self.faqs[rows[n]], hit, float(sims[n]))
        if best is None or best[2] < self.settings.faq_similarity:
            return None
        return best

    # --- choosing ------------------------------------------------------------

    def _context(self, row: int, item_rows: list[int], scores: dict[int, float]) -> list[int]:
        """The best unit with what it needs to be understood."""
        record = self.units[row]
        by_position = {self.units[r].position: r for r in item_rows}
        chosen = [row]
        if record.kind == "item" and record.lead is not None:
            lead_row = by_position[record.lead]
            siblings = [r for r in item_rows if self.units[r].kind == "item" and self.units[r].lead == record.lead]
            chosen.append(lead_row)
            if len(siblings) <= self.settings.max_list_items:
                chosen.extend(siblings)  # a short list that answers is kept whole
            else:
                best = sorted(siblings, key=lambda r: -scores[r])[: self.settings.max_list_items]
                chosen.extend(best)
        elif record.introduces_list:
            chosen.extend(r for r in item_rows if self.units[r].lead == record.position)
        elif _REFERS_BACK.match(record.text) or len(record.text.split()) < 5:
            previous = by_position.get(record.position - 1)
            if previous is not None and self.units[previous].block == record.block:
                chosen.append(previous)
        return chosen

    def _words(self, rows: Sequence[int]) -> int:
        return sum(len(self.units[r].text.split()) for r in set(rows))

    def select(
        self,
        question: str,
        hit: Hit,
        language: str,
        sections: dict[str, float] | None = None,
    ) -> tuple[list[int], float, int]:
        """The rows to say from one item, the score of its best unit, and that unit's row.

        `sections` holds the cosine of the question and each section of the item (heading -> best
        passage under it): the encoder's view of where in the item the answer is, at no extra cost.
        """
        scores = self.score_units(question, hit.id, language)
        if sections:
            top = max(sections.values())
            for row in scores:
                gap = top - sections.get(self.units[row].heading, top)
                scores[row] -= self.settings.section_weight * gap
        if not scores:
            return [], -1.0, -1
        item_rows = self._rows_of[hit.id]
        ranked = sorted(scores, key=lambda r: -scores[r])
        best = ranked[0]
        chosen = self._context(best, item_rows, scores)
        budget = self.settings.max_words
        if self._words(chosen) > budget:
            # A long list: keep the lead-in and the best items that fit.
            keep = [best] + [r for r in chosen if r != best and self.units[r].kind == "sentence"]
            for r in sorted((r for r in chosen if r not in keep), key=lambda r: -scores[r]):
                if self._words([*keep, r]) <= budget:
                    keep.append(r)
            chosen = keep
        for row in ranked[1:]:
            if scores[row] < scores[best] - self.settings.margin:
                break
            if row in chosen:
                continue
            extra = self._context(row, item_rows, scores)
            if self._words([*chosen, *extra]) <= budget:
                chosen.extend(extra)
        return sorted(set(chosen), key=lambda r: self.units[r].position), scores[best], best

    def render_rows(self, rows: Sequence[int]) -> str:
        return render([self.units[r].unit for r in rows])

    def compose(
        self,
        question: str,
        query_vector: np.ndarray,
        hits: Sequence[Hit],
        language: str,
        sections: Callable[[str], dict[str, float]] | None = None,
        said: str = "",
    ) -> Answer | None:
        """The answer to `question` from the found items (best first); None when they hold no units.

        Sentences the previous reply (`said`) already gave are left out, unless nothing else would remain:
        a follow-up ("is it free?") gets what is new, not the item's opening again."""
        hits = [h for h in hits if h.id in self._rows_of]
        already = set(_content_words(said))

        def said_before(row: int) -> bool:
            return bool(already) and _repeats(self.units[row].text, already)

        def new(rows: list[int], best: int = -1) -> list[int]:
            # What answers best is said again if asked again ("and if I have nowhere to sleep tonight?" after
            # a reply that already named the shelter line); what only came with it is not.
            fresh = [r for r in rows if r == best or not said_before(r)]
            return fresh if fresh and already else rows

        if not hits:
            return None
        matched = self.faq_match(query_vector, hits[:3])
        if matched is not None:
            # The editors' answer first; then, within the budget, what the item says closest to the question.
            faq, hit, _ = matched
            rows, _, _ = self.select(question, hit, hit.language, sections(hit.id) if sections else None)
            room = self.settings.max_words - len(faq.a.split())
            in_faq = set(_content_words(faq.a))
            extra = [r for r in new(rows) if not _repeats(self.units[r].text, in_faq)]
            while extra and self._words(extra) > room:
                extra = extra[:-1]
            text = faq.a + ("\n\n" + self.render_rows(extra) if extra else "")
            return Answer(text=text.strip(), hits=[hit], parts=[text.strip()], faq=True)
        s = self.settings
        candidates: list[tuple[float, Hit, list[int]]] = []
        for rank, hit in enumerate(hits[:3]):
            rows, score, best = self.select(question, hit, hit.language, sections(hit.id) if sections else None)
            if rows:
                candidates.append((score - s.item_penalty * rank, hit, new(rows, best)))
        if not candidates:
            return None
        candidates.sort(key=lambda c: -c[0])
        best_score, best_hit, best_rows = candidates[0]
        main = self.render_rows(best_rows)
        answer = Answer(text=main, hits=[best_hit], parts=[main])
        for score, hit, rows in candidates[1:]:
            if hit.jurisdiction == best_hit.jurisdiction or score < best_score - s.second_level_margin:
                continue
            if self._words(best_rows) + self._words(rows) > s.max_words * 1.5:
                rows = rows[:1]
            other = self.render_rows(rows)
            if other and other != main:
                answer.parts.append(other)
                answer.hits.append(hit)
                answer.text = f"{main}\n\n{other}"
            break
        return answer


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(text)) if len(w) > 3]


def _repeats(text: str, said: set[str], share: float = 0.6) -> bool:
    """True when most of the content words of `text` were already said."""
    words = _content_words(text)
    return bool(words) and sum(w in said for w in words) / len(words) >= share


def answer_from_index(
    index: SearchIndex, question: str, hits: Sequence[Hit], language: str, said: str = ""
) -> Answer | None:
    """The answer to `question` from the found items of `index`: the one way every caller composes one;
    `said`: the previous reply, whose sentences are not repeated."""
    if index.answers is None:
        return None
    book: AnswerBook = index.answers
    return book.compose(
        question,
        index.query_vector(question)[0],
        hits,
        language,
        lambda item: index.section_similarities(question, item),
        said,
    )
