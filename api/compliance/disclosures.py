"""Which mandatory disclosures an approved message needs (DOMAIN.md §5), from disclosures.yml.

A message "presents" something when it names products (product codes) or shows a figure: a
percentage, or a yield word next to a number. Deposits get the deposit-insurance statement
instead of "not a deposit". A disclosure the message already carries is not repeated.
"""

import re
from collections.abc import Sequence

from api.compliance.context import CueMatcher
from api.compliance.definitions import Disclosure, DisclosuresFile
from api.compliance.normalise import NormalisedText, compact

_PERCENTAGE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|个百分点|个点|percent\b|per cent\b|pct\b|bps\b|基点)|百分之"
)
_NUMBER = re.compile(r"\d")
# A yield word counts as a figure only with a number this close (年化 1.85, yield of 2.1).
FIGURE_WORD_REACH = 12


class DisclosurePlanner:
    def __init__(self, definitions: DisclosuresFile) -> None:
        self.definitions = definitions
        self._figure_words = CueMatcher(definitions.figure_words)
        self._mentions = {d.key: CueMatcher(d.mentions) for d in definitions.disclosures}
        self._markers = {d.key: _markers(d) for d in definitions.disclosures}

    def shows_figures(self, normalised: NormalisedText) -> bool:
        text = normalised.text
        if _PERCENTAGE.search(text):
            return True
        return any(
            _NUMBER.search(text[max(0, start - FIGURE_WORD_REACH) : end + FIGURE_WORD_REACH])
            for start, end in self._figure_words.spans(text)
        )

    def required(
        self,
        normalised: NormalisedText,
        lang: str,
        product_types: Sequence[str | None],
        *,
        has_figures: bool = False,
    ) -> list[str]:
        """Disclosure texts to append, in file order, skipping those already present."""
        figures = has_figures or self.shows_figures(normalised)
        presented = bool(product_types) or figures
        known = {kind for kind in product_types if kind}
        message = compact(normalised.source)
        needed = []
        for disclosure in self.definitions.disclosures:
            if not self._applies(
                disclosure, normalised, known, presented=presented, figures=figures
            ):
                continue
            if _all_of(product_types, disclosure.unless_all_types):
                continue
            if any(marker in message for marker in self._markers[disclosure.key]):
                continue
            needed.append(disclosure.text.zh if lang == "zh" else disclosure.text.en)
        return needed

    def _applies(
        self,
        disclosure: Disclosure,
        normalised: NormalisedText,
        types: set[str],
        *,
        presented: bool,
        figures: bool,
    ) -> bool:
        if disclosure.when == "presented":
            return presented
        if disclosure.when == "figures":
            return figures
        if types & set(disclosure.types):
            return True
        return presented and self._mentions[disclosure.key].search(normalised.text)


def _all_of(product_types: Sequence[str | None], allowed: list[str]) -> bool:
    """True when products were named and every one is of an allowed type (unknown: never)."""
    return bool(product_types) and bool(allowed) and all(kind in allowed for kind in product_types)


def _markers(disclosure: Disclosure) -> list[str]:
    texts = [
        disclosure.text.zh,
        disclosure.text.en,
        *disclosure.present_if.zh,
        *disclosure.present_if.en,
    ]
    return [marker for marker in (compact(text) for text in texts) if marker]
