"""Alembic environment: runs on the connection handed in by jixiao.storage.session.upgrade."""

from alembic import context
from sqlalchemy import create_engine

import jixiao.storage.all_models  # noqa: F401  (registers every table on the metadata)
from jixiao.storage.models import Base
from jixiao.storage.session import include_object

target_metadata = Base.metadata
config = context.config


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _run(conn)
    else:
        _run(conn)


def _run(conn) -> None:
    context.configure(connection=conn, target_metadata=target_metadata, include_object=include_object,
                      render_as_batch=conn.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run()
