"""Public import path of the domain model (``from jixiao.model import Project``)."""

from jixiao.domain.model import (  # noqa: F401
    FUND_SOURCES,
    Document,
    DocumentKind,
    Indicator,
    Money,
    MoneyUnit,
    NotApplicable,
    ParseWarning,
    Project,
    StatedTotal,
    Status,
)
from jixiao.domain.source import SourceRef  # noqa: F401
from jixiao.domain.targets import TargetValue  # noqa: F401
