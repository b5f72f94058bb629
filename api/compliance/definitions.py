"""The shape of the compliance data files (rules.yml, disclosures.yml), checked when loaded.

A compliance officer edits the YAML, never Python. A file that does not match these models
raises `RuleFileError` naming the file and the problem, so a bad edit is never half-applied.
"""

import re
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

PRODUCT_TYPES = frozenset(
    {
        "demand_deposit",
        "time_deposit",
        "large_cd",
        "structured_deposit",
        "wmp_cash",
        "wmp_fixed_income",
        "wmp_mixed",
        "money_market_fund",
        "bond_fund",
        "hybrid_fund",
        "equity_fund",
        "index_fund",
        "annuity_insurance",
        "trust",
    }
)
_RULE_NAME = re.compile(r"^[a-z][a-z_]*$")
M = TypeVar("M", bound=BaseModel)


def _known_types(types: list[str]) -> list[str]:
    unknown = sorted(set(types) - PRODUCT_TYPES)
    if unknown:
        raise ValueError(f"unknown product types {unknown}")
    return types


class RuleFileError(ValueError):
    """A compliance data file is missing, unreadable or invalid."""


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


class RuleDefinition(Strict):
    name: str
    description: str
    zh: LanguageRule
    en: LanguageRule
    # The claim is true for these product types (deposits are principal-protected by deposit
    # insurance; fixed-rate deposits pay contractual interest): allowed when every presented
    # product is one of them.
    allowed_for_types: list[str] = []
    # With no product named: allowed when the message rests the claim on deposit insurance
    # and names no other kind of product ("存款受存款保险保障，是保本的").
    allowed_with_deposit_insurance: bool = False
    # Statistics about the past ("historical low 1.8%") are not promises.
    allowed_when_historical: bool = False

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
        if not any(s.phrases or s.patterns or s.vague_phrases or s.vague_patterns for s in sources):
            raise ValueError(f"rule {self.name} has no phrases or patterns")
        return self


class Context(Strict):
    """Cue lists that decide whether a match is negated, refuted, reported or excused."""

    negation_adjacent: Cues  # must touch the match: 不保本, 非保本
    negation: Cues  # anywhere earlier in the clause: 不承诺…, no product is…
    not_negation: Cues  # look like negation but are not: 不仅, 非常, don't worry
    scope_breakers: Cues  # a new statement starts: 但是, 而且, but, and
    refutation_after: Cues  # said after the match: …是不可能的, …is a myth
    warning_before: Cues  # 警惕…, beware of…, anyone who promises…
    question_reporting: Cues  # 您问…, you asked whether…
    answer_negation: Cues  # the answer after a reported question says "no"
    risk_acknowledgement: Cues
    historical: Cues
    deposit_insurance: Cues
    non_deposit_products: Cues


class RulesFile(Strict):
    version: str = Field(min_length=1)
    context: Context
    rules: list[RuleDefinition] = Field(min_length=1)

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


class _Yaml12BooleansLoader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false. In YAML 1.1 the cue word `no` would be False."""


_Yaml12BooleansLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12BooleansLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12BooleansLoader)
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: not valid YAML ({exc})") from exc


def _validated(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'file'}: {error['msg']}"
            for error in exc.errors()
        )
        raise RuleFileError(f"{path}: {problems}") from exc


def load_rules_file(path: Path) -> RulesFile:
    return _validated(RulesFile, path)


def load_disclosures_file(path: Path) -> DisclosuresFile:
    return _validated(DisclosuresFile, path)
