"""`review_message`: may this text be sent to a customer, and in what form?

Pure function of the text, the presented products and the active rule set; no database and
no HTTP, so the chat gateway, the action server's endpoint and the tests call the same code.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from api.compliance.normalise import normalise
from api.compliance.ruleset import Finding, RuleSet, default_store

Lang = Literal["zh", "en"]


@dataclass(frozen=True)
class Review:
    approved: bool
    violations: list[Finding]
    text: str  # what may be sent: disclosures appended, or the safe reply when blocked
    disclosures: list[str] = field(default_factory=list)
    rule_version: str = ""

    @property
    def rules_fired(self) -> list[str]:
        return sorted({finding.rule for finding in self.violations})


def review_message(
    text: str,
    lang: Lang,
    *,
    product_types: Mapping[str, str],
    product_codes: Sequence[str] | None = None,
    has_figures: bool = False,
    ruleset: RuleSet | None = None,
) -> Review:
    """Review one outgoing message.

    `product_types` maps product code → type (api.products.service.product_types);
    `product_codes` are the products the message presents (default: the keys of
    `product_types`). A code without a known type counts as a non-deposit product, so a
    principal-protection statement about it is blocked.
    """
    ruleset = ruleset or default_store().current()
    codes = list(product_types) if product_codes is None else list(product_codes)
    types: list[str | None] = [product_types.get(code) for code in codes]
    normalised = normalise(text)
    violations = ruleset.find_violations(normalised, types)
    if violations:
        return Review(
            approved=False,
            violations=violations,
            text=ruleset.blocked_reply(lang),
            rule_version=ruleset.version,
        )
    disclosures = ruleset.disclosures.required(normalised, lang, types, has_figures=has_figures)
    sendable = "\n".join([text.rstrip(), *disclosures])
    return Review(
        approved=True,
        violations=[],
        text=sendable,
        disclosures=disclosures,
        rule_version=ruleset.version,
    )
