"""Reading a compliance data file: strict YAML 1.2 booleans, every problem a `RuleFileError`."""

import re
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class RuleFileError(ValueError):
    """A compliance data file is missing, unreadable or invalid."""


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


def validated(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'file'}: {error['msg']}"
            for error in exc.errors()
        )
        raise RuleFileError(f"{path}: {problems}") from exc
