"""The shape of the compliance data files (rules.yml, disclosures.yml), checked when loaded.

A compliance officer edits the YAML, never Python. A file that does not match these models
raises `RuleFileError` naming the file and the problem, so a bad edit is never half-applied.
"""

import re
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# RuleFileError is re-exported: callers catch it from here.
from api.compliance.yaml_files import RuleFileError as RuleFileError
from api.compliance.yaml_files import validated
from api.products.vocabulary import ProductType

# The catalogue's own list, so a new product type reaches the rule checks by itself.
PRODUCT_TYPES = frozenset(get_args(ProductType))
_RULE_NAME = re.compile(r"^[a-z][a-z_]*$")
# Concepts computed in code rather than listed: a percentage ("N个点", "N percent") or a sum
# of money ("12万", "120,000").
BUILTIN_CONCEPTS = frozenset({"PCT", "AMOUNT"})


def _known_types(types: list[str]) -> list[str]:
    unknown = sorted(set(types) - PRODUCT_TYPES)
    if unknown:
        raise ValueError(f"unknown product types {unknown}")
    return types


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cues(Strict):
    """Words or phrases per language; matched on normalised text (simplified, lower case)."""

    zh: list[str] = []
    en: list[str] = []

    @field_validator("zh", "en")
    @classmethod
    def no_blank_cues(cls, cues: list[str]) -> list[str]:
        if any(not cue.strip() for cue in cues):
            raise ValueError("cues must not be blank")
        return cues


class LanguageRule(Strict):
    phrases: list[str] = []
    # Token patterns in the small syntax of api/compliance/patterns.py.
    patterns: list[str] = []
    # Vague praise (收益可观, attractive returns): tolerated when the sentence names the risk.
    vague_phrases: list[str] = []
    vague_patterns: list[str] = []
    # Longer expressions that contain a match but are not a violation (无风险利率, high yield bond).
    exclude: list[str] = []


class Concept(Strict):
    """A class of interchangeable words (保证/确保/guarantee*/promise*…) used by frames.

    English cues match whole words; a trailing `*` also matches longer words (guarant*).
    `exclude`: longer expressions in which a cue does not stand for the concept (一定程度).
    """

    zh: list[str] = []
    en: list[str] = []
    exclude: list[str] = []


_FRAME_JOINERS = (" + ", " > ")


class Frame(Strict):
    """Concepts that together make a claim: `a + b` in any order, `a > b` in this order.

    Each element lies within `gap` words (or Han characters) of the next one, in one clause
    (`scope: sentence` lets it cross commas), with no scope breaker (但, but…) in between.
    `scope: echo`: the first element in a short question, the others in order in the first
    clause of the next sentence, the second within `gap` of that clause's start.
    """

    match: str
    gap: int = Field(default=6, ge=0, le=30)
    # echo: the first element in a short question, the others opening the answer that
    # follows ("风险？根本不存在的。", "Losing money on this? Not gonna happen.")
    scope: Literal["clause", "sentence", "echo"] = "clause"
    also: list[str] = []  # concepts that must also occur somewhere in the sentence
    unless: list[str] = []  # concepts that must not occur in the sentence (fees, allocations)
    allowed_for_types: list[str] | None = None  # overrides the rule's for this frame
    vague: bool = False  # tolerated when the sentence names the risk

    @model_validator(mode="before")
    @classmethod
    def from_text(cls, value: object) -> object:
        return {"match": value} if isinstance(value, str) else value

    @property
    def ordered(self) -> bool:
        return " > " in self.match

    @property
    def elements(self) -> list[str]:
        joiner = _FRAME_JOINERS[1] if self.ordered else _FRAME_JOINERS[0]
        return [element.strip() for element in self.match.split(joiner)]

    @model_validator(mode="after")
    def one_kind_of_joiner(self) -> "Frame":
        if all(joiner in self.match for joiner in _FRAME_JOINERS):
            raise ValueError(f"frame {self.match!r} mixes ' + ' and ' > '")
        if any(not element or " " in element for element in self.elements):
            raise ValueError(f"frame {self.match!r}: elements are concept names")
        if self.allowed_for_types is not None:
            _known_types(self.allowed_for_types)
        return self


class RuleDefinition(Strict):
    name: str
    description: str
    zh: LanguageRule
    en: LanguageRule
    # Concept co-occurrences (see `concepts` and api/compliance/frames.py), both languages.
    frames: list[Frame] = []
    # The claim is true for these product types (deposits are principal-protected by deposit
    # insurance; fixed-rate deposits pay contractual interest): allowed when every presented
    # product is one of them.
    allowed_for_types: list[str] = []
    # With no product named: allowed when the message rests the claim on deposit insurance
    # and names no other kind of product ("存款受存款保险保障，是保本的").
    allowed_with_deposit_insurance: bool = False
    # Statistics about the past ("historical low 1.8%") are not promises.
    allowed_when_historical: bool = False
    # The same, only when the message also names the risk or the past-performance caveat
    # ("曾经翻倍，但也出现过腰斩").
    allowed_when_historical_with_risk: bool = False
    # Not a claim when the sentence is about data, accounts or passwords ("信息绝对安全").
    allowed_about_non_financial: bool = False

    @field_validator("allowed_for_types")
    @classmethod
    def known_types(cls, types: list[str]) -> list[str]:
        return _known_types(types)

    @field_validator("name")
    @classmethod
    def snake_case(cls, name: str) -> str:
        if not _RULE_NAME.match(name):
            raise ValueError(f"rule name {name!r} must be snake_case")
        return name

    @model_validator(mode="after")
    def has_something_to_match(self) -> "RuleDefinition":
        sources = (self.zh, self.en)
        if not self.frames and not any(
            s.phrases or s.patterns or s.vague_phrases or s.vague_patterns for s in sources
        ):
            raise ValueError(f"rule {self.name} has no phrases or patterns")
        return self


class Context(Strict):
    """Cue lists that decide whether a match is negated, refuted, reported or excused."""

    negation_adjacent: Cues  # must touch the match: 不保本, 非保本
    negation: Cues  # anywhere earlier in the clause: 不承诺…, no product is…
    not_negation: Cues  # look like negation but are not: 不仅, 非常, don't worry
    scope_breakers: Cues  # a new statement starts: 但是, 而且, but, and
    contrast: Cues = Cues()  # a frame never spans these: 但, but, although
    refutation_after: Cues  # said after the match: …是不可能的, …is a myth
    warning_before: Cues  # 警惕…, beware of…, anyone who promises…
    question_reporting: Cues  # 您问…, you asked whether…
    answer_negation: Cues  # the answer after a reported question says "no"
    risk_acknowledgement: Cues
    historical: Cues
    deposit_insurance: Cues
    non_deposit_products: Cues
    # An embedded question (是否保本, whether it is guaranteed) is not a claim, unless the
    # answer that follows affirms it (是的, yes).
    embedded_question: Cues = Cues()
    answer_affirmation: Cues = Cues()
    # The customer's goal ("if capital safety matters most…") in a sentence that points to
    # deposits describes what deposits do, not what a product promises.
    goal_before: Cues = Cues()
    # …or said right after it: "如果本金安全是您的首要目标，…建议选择存款".
    goal_after: Cues = Cues()
    # Another product said to differ after a deposit's claim: "存款到期保本，理财就不一样了".
    differs: Cues = Cues()
    # Comparison words: a deposit they touch is a yardstick, not the subject ("像存款一样").
    comparison: Cues = Cues()
    attribution: Cues = Cues()  # "analysts expect…": the classifier leaves it to the rules
    valued_before: Cues = Cues()  # right before the claim: 注重本金安全, keeping your money safe
    deposits: Cues = Cues()
    # "Deposits" in general: a subject true of every plain deposit kind ("存款是保本的").
    generic_deposits: Cues = Cues()
    not_deposits: Cues = Cues()  # "不是存款", "not a deposit": blanked before looking
    # The claim named as a term, not made: "刚性兑付是指…", "'Rigid redemption' meant…",
    # "the term 'guaranteed return'" (right before or right after the matched words).
    term_before: Cues = Cues()
    term_after: Cues = Cues()
    # A sentence opening with a short term and one of these ("刚性兑付是指…", "Rigid redemption
    # means…") is a definition: the claims in its body describe the term, not a product.
    definition_opening: Cues = Cues()
    # …unless that opening names a product ("这款产品是指…", "this fund means…").
    definition_not_term: Cues = Cues()
    definition_question: Cues = Cues()  # "什么是刚性兑付？": the next sentence defines it
    # Said later in the sentence (or, after "it/this", in the next): the practice is gone.
    abolished: Cues = Cues()
    anaphora: Cues = Cues()  # "it", "this practice", "这种做法" opening that next sentence
    # The sentence is about data, passwords, accounts… ("您的信息绝对安全"), not money.
    non_financial_subjects: Cues = Cues()
    financial_subjects: Cues = Cues()
    # Words naming each kind of deposit. A claim whose subject is a deposit kind the rule
    # allows ("定期存款的利息是固定的") states what is true of it, when no other product is named.
    deposit_kinds: dict[str, Cues] = {}

    @field_validator("deposit_kinds")
    @classmethod
    def known_deposit_kinds(cls, kinds: dict[str, Cues]) -> dict[str, Cues]:
        _known_types(list(kinds))
        return kinds


class ClassifierSettings(Strict):
    """The second-stage model (api/compliance/classifier.py), named and pinned by hash."""

    model: str  # file name, beside rules.yml
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    threshold: float = Field(ge=0.5, le=1.0)  # P(violation) at or above which it blocks
    min_units: int = Field(default=6, ge=1)  # shorter sentences (Han chars, words) are skipped
    enabled: bool = True


class RulesFile(Strict):
    version: str = Field(min_length=1)
    context: Context
    # Misspellings read as the word they stand for: {guaranteed: [guarenteed, garanteed]}.
    spellings: dict[str, list[str]] = {}
    concepts: dict[str, Concept] = {}
    rules: list[RuleDefinition] = Field(min_length=1)
    classifier: ClassifierSettings | None = None

    @field_validator("version", mode="before")
    @classmethod
    def version_as_text(cls, version: object) -> object:
        return str(version) if isinstance(version, int | float) else version

    @model_validator(mode="after")
    def unique_rule_names(self) -> "RulesFile":
        names = [rule.name for rule in self.rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"duplicate rule names {duplicates}")
        known = set(self.concepts) | BUILTIN_CONCEPTS
        for rule in self.rules:
            for frame in rule.frames:
                unknown = sorted(set(frame.elements + frame.also + frame.unless) - known)
                if unknown:
                    raise ValueError(f"rule {rule.name}: frame {frame.match!r} uses {unknown}")
        return self


class Bilingual(Strict):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Disclosure(Strict):
    key: str
    text: Bilingual
    # presented: a product or a figure is shown; figures: a return/yield/percentage is shown;
    # product_type: one of `types` is presented (or named in a message that presents something).
    when: Literal["presented", "figures", "product_type"]
    types: list[str] = []
    mentions: Cues = Cues()
    # Skip when every presented product is one of these types (deposits are not "not deposits").
    unless_all_types: list[str] = []
    # Already present when the message contains any of these (or the text itself).
    present_if: Cues = Cues()

    @field_validator("types", "unless_all_types")
    @classmethod
    def known_types(cls, types: list[str]) -> list[str]:
        return _known_types(types)

    @model_validator(mode="after")
    def product_type_needs_types(self) -> "Disclosure":
        if self.when == "product_type" and not self.types:
            raise ValueError(f"disclosure {self.key} is per product type but names no types")
        return self


class DisclosuresFile(Strict):
    version: str = Field(min_length=1)
    blocked_reply: Bilingual
    # Words that make a number a return figure (年化, yield…); percentages always count.
    figure_words: Cues
    disclosures: list[Disclosure] = Field(min_length=1)

    @field_validator("version", mode="before")
    @classmethod
    def version_as_text(cls, version: object) -> object:
        return str(version) if isinstance(version, int | float) else version

    @model_validator(mode="after")
    def unique_keys(self) -> "DisclosuresFile":
        keys = [disclosure.key for disclosure in self.disclosures]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate disclosure keys")
        return self


def load_rules_file(path: Path) -> RulesFile:
    return validated(RulesFile, path)


def load_disclosures_file(path: Path) -> DisclosuresFile:
    return validated(DisclosuresFile, path)
