"""Which *ingested* projects a user may read: a unit editor only its own units' projects.

The documents often name a unit in shortened form ("职业训练中心" for "龙岗区职业训练中心"), so a
scope entry matches a unit name that ends with it, and the other way round. Administrators,
reviewers and viewers read every unit (accounts carry no department to narrow a reviewer by). As in
``workflow_scope``, a unit editor with an empty scope sees nothing.
"""

from __future__ import annotations

from sqlalchemy import distinct, select
from sqlalchemy.orm import Session

from jixiao.domain.lifecycle import Role
from jixiao.storage.models import ProjectRow

from .users import Principal


def unit_matches(entry: str, unit: str | None) -> bool:
    """True when a scope entry and a document's unit name are the same unit, either one shortened."""
    if not entry or not unit:
        return False
    return unit.endswith(entry) or entry.endswith(unit)


def is_restricted(user: Principal) -> bool:
    """Only unit editors are limited to their units when reading ingested data."""
    return user.role == Role.UNIT_EDITOR


def may_read_unit(user: Principal, unit: str | None) -> bool:
    """True when the user may read the projects of ``unit``."""
    return not is_restricted(user) or any(unit_matches(e, unit) for e in user.units)


def readable_units(session: Session, user: Principal) -> tuple[str, ...] | None:
    """The stored unit names the user may read, for an ``IN`` filter; None means every unit."""
    if not is_restricted(user):
        return None
    if not user.units:
        return ()
    names = session.scalars(select(distinct(ProjectRow.unit)).where(ProjectRow.unit.is_not(None)))
    return tuple(sorted(u for u in names if may_read_unit(user, u)))
