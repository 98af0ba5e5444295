"""Access checks that run before a workflow route reads its input: scope first, then the input.

So a unit editor asking for another unit's project gets 404 whatever it sends, and a viewer's write
gets 403 before its form is even read.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from jixiao.domain.lifecycle import Role
from jixiao.services import workflow as wf
from jixiao.services.users import Principal
from jixiao.services.workflow_scope import Forbidden
from jixiao.storage.workflow_models import WorkflowProjectRow

from .deps import ApiUser, DbSession, PageUser


def _writer(user: Principal) -> Principal:
    if user.role == Role.VIEWER:
        raise Forbidden("只读用户不能修改数据")
    return user


def page_writer(user: PageUser) -> Principal:
    """The signed-in user, refused when read-only."""
    return _writer(user)


def api_writer(user: ApiUser) -> Principal:
    """The token's user, refused when read-only."""
    return _writer(user)


def page_project(project_id: int, session: DbSession, user: PageUser) -> WorkflowProjectRow:
    """The project of the path, if the signed-in user may see it (404 otherwise)."""
    return wf.get_project(session, user, project_id)


def page_project_w(project_id: int, session: DbSession, user: Annotated[Principal, Depends(page_writer)]
                   ) -> WorkflowProjectRow:
    """The project of the path for a write: visible to the user, and the user not read-only."""
    return wf.get_project(session, user, project_id)


def api_project(project_id: int, session: DbSession, user: ApiUser) -> WorkflowProjectRow:
    """The project of the path, if the token's user may see it (404 otherwise)."""
    return wf.get_project(session, user, project_id)


def api_project_w(project_id: int, session: DbSession, user: Annotated[Principal, Depends(api_writer)]
                  ) -> WorkflowProjectRow:
    """The project of the path for an API write."""
    return wf.get_project(session, user, project_id)


PageWriter = Annotated[Principal, Depends(page_writer)]
ApiWriter = Annotated[Principal, Depends(api_writer)]
SeenProject = Annotated[WorkflowProjectRow, Depends(page_project)]
WritableProject = Annotated[WorkflowProjectRow, Depends(page_project_w)]
ApiSeenProject = Annotated[WorkflowProjectRow, Depends(api_project)]
ApiWritableProject = Annotated[WorkflowProjectRow, Depends(api_project_w)]
