"""Every domain's tables, imported here so `Base.metadata` knows them (Alembic, tests).

Add one import line per domain package that defines tables.
"""

from api.chat import models as chat_models
from api.compliance import models as compliance_models  # noqa: F401
from api.db import Base
from api.feedback import models as feedback_models  # noqa: F401
from api.handoff import models as handoff_models  # noqa: F401
from api.products import models as products_models  # noqa: F401
from api.profiling import models as profiling_models  # noqa: F401
from api.suitability import models as suitability_models  # noqa: F401

metadata = Base.metadata

__all__ = ["chat_models", "metadata"]
