"""Fixtures for the Rasa NLU components in bot/ (run in the Rasa environment).

Components are built against tests/bot/fixtures/catalogue.yml, never the real
catalogue, and persisted into a throwaway LocalModelStorage.
"""

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from bot.entities import FinanceEntityExtractor
from bot.tokenizer import BilingualTokenizer

FIXTURE_CATALOGUE = Path(__file__).parent / "fixtures" / "catalogue.yml"


@pytest.fixture(scope="session")
def catalogue_path() -> Path:
    return FIXTURE_CATALOGUE


@pytest.fixture(scope="session")
def execution_context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test-model")


@pytest.fixture
def model_storage(tmp_path: Path) -> ModelStorage:
    return LocalModelStorage(tmp_path)


@pytest.fixture(scope="session")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> BilingualTokenizer:
    storage = LocalModelStorage(tmp_path_factory.mktemp("tokenizer"))
    config = {"catalogue_path": str(FIXTURE_CATALOGUE)}
    return BilingualTokenizer(config, storage, Resource("tokenizer"))


@pytest.fixture(scope="session")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> FinanceEntityExtractor:
    storage = LocalModelStorage(tmp_path_factory.mktemp("extractor"))
    config = {"catalogue_path": str(FIXTURE_CATALOGUE)}
    return FinanceEntityExtractor(config, storage, Resource("extractor"))
