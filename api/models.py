"""Every domain's tables, imported here so `Base.metadata` knows them (Alembic, tests).

Add one import line per domain package that defines tables.
"""

from api.chat import models as chat_models
from api.db import Base
from api.handoff import models as handoff_models  # noqa: F401
from api.feedback import models as feedback_models  # noqa: F401

metadata = Base.metadata

__all__ = ["metadata", "chat_models"]
