"""core tables: documents, units, projects, indicators, totals, warnings

Revision ID: 0001_core
Revises: 
Create Date: 2026-11-21 04:34:38.446779
"""
from alembic import op
import sqlalchemy as sa
import jixiao.storage.types


revision = '0001_core'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('department', sa.String(length=200), nullable=True),
    sa.Column('money_unit', sa.String(length=10), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('project_count', sa.Integer(), nullable=False),
    sa.Column('indicator_count', sa.Integer(), nullable=False),
    sa.Column('extras', sa.JSON(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_kind'), ['kind'], unique=False)

    op.create_table('document_files',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id')
    )
    op.create_table('parse_warnings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('src_line', sa.Integer(), nullable=True),
    sa.Column('src_sheet', sa.String(length=100), nullable=True),
    sa.Column('src_cell', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('parse_warnings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parse_warnings_document_id'), ['document_id'], unique=False)

    op.create_table('stated_totals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=True),
    sa.Column('budget_total', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('actual_total', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('money', sa.JSON(), nullable=True),
    sa.Column('execution_rate', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('covers', sa.JSON(), nullable=True),
    sa.Column('src_line', sa.Integer(), nullable=True),
    sa.Column('src_sheet', sa.String(length=100), nullable=True),
    sa.Column('src_cell', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stated_totals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stated_totals_document_id'), ['document_id'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_document_id'), ['document_id'], unique=False)

    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('seq', sa.String(length=20), nullable=True),
    sa.Column('code', sa.String(length=60), nullable=True),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=True),
    sa.Column('department', sa.String(length=200), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('money_unit', sa.String(length=10), nullable=False),
    sa.Column('budget_total', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('actual_total', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('budget_initial_total', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('money', sa.JSON(), nullable=True),
    sa.Column('execution_rate', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.Column('status_text', sa.Text(), nullable=True),
    sa.Column('goal', sa.Text(), nullable=True),
    sa.Column('goal_long_term', sa.Text(), nullable=True),
    sa.Column('problems', sa.Text(), nullable=True),
    sa.Column('rectification', sa.Text(), nullable=True),
    sa.Column('stated_scores', sa.JSON(), nullable=True),
    sa.Column('not_applicable', sa.JSON(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.Column('src_line', sa.Integer(), nullable=True),
    sa.Column('src_sheet', sa.String(length=100), nullable=True),
    sa.Column('src_cell', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_projects_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_unit'), ['unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('ix_projects_unit_name', ['unit', 'name'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_year'), ['year'], unique=False)

    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('level1', sa.String(length=30), nullable=True),
    sa.Column('level2', sa.String(length=30), nullable=True),
    sa.Column('level1_text', sa.String(length=100), nullable=True),
    sa.Column('level2_text', sa.String(length=100), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('target_text', sa.Text(), nullable=True),
    sa.Column('target_op', sa.String(length=4), nullable=True),
    sa.Column('target_value', sa.String(length=40), nullable=True),
    sa.Column('target_value_high', sa.String(length=40), nullable=True),
    sa.Column('target_unit', sa.String(length=20), nullable=True),
    sa.Column('actual_text', sa.Text(), nullable=True),
    sa.Column('actual_op', sa.String(length=4), nullable=True),
    sa.Column('actual_value', sa.String(length=40), nullable=True),
    sa.Column('actual_unit', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('weight', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('score', jixiao.storage.types.Hundredths(), nullable=True),
    sa.Column('deviation_reason', sa.Text(), nullable=True),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('source_of_value', sa.Text(), nullable=True),
    sa.Column('src_line', sa.Integer(), nullable=True),
    sa.Column('src_sheet', sa.String(length=100), nullable=True),
    sa.Column('src_cell', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicators_project_id'), ['project_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicators_project_id'))

    op.drop_table('indicators')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_projects_year'))
        batch_op.drop_index('ix_projects_unit_name')
        batch_op.drop_index(batch_op.f('ix_projects_unit_id'))
        batch_op.drop_index(batch_op.f('ix_projects_unit'))
        batch_op.drop_index(batch_op.f('ix_projects_name'))
        batch_op.drop_index(batch_op.f('ix_projects_document_id'))
        batch_op.drop_index(batch_op.f('ix_projects_code'))

    op.drop_table('projects')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_document_id'))

    op.drop_table('units')
    with op.batch_alter_table('stated_totals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stated_totals_document_id'))

    op.drop_table('stated_totals')
    with op.batch_alter_table('parse_warnings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parse_warnings_document_id'))

    op.drop_table('parse_warnings')
    op.drop_table('document_files')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_kind'))

    op.drop_table('documents')
    
