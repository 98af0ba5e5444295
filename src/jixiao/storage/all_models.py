"""Imports every table module so the metadata is complete (for Alembic and tests)."""

from . import models  # noqa: F401
from . import finding_models  # noqa: F401
from . import auth_models  # noqa: F401
from . import web_indexes  # noqa: F401
from . import workflow_models  # noqa: F401
from . import budget_models  # noqa: F401
from . import score_models  # noqa: F401
from . import job_models  # noqa: F401
