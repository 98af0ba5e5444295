"""Helpers shared by the workflow tests: the people of a bureau and a realistic declaration."""

from __future__ import annotations

from decimal import Decimal

from jixiao.services.users import create_user, principal_by_id
from jixiao.services.workflow_data import DeclarationIn, IndicatorIn, ReviewIn
from jixiao.storage.session import transaction

UNIT_A = "职业训练中心"
UNIT_B = "劳动监察大队"
DEPARTMENT = "深圳市龙岗区人力资源局"

# username → (role, unit scope)
PEOPLE = {
    "admin": ("admin", ()),
    "reviewer": ("reviewer", ()),
    # the same unit as the seeds write it in two documents (names match exactly, nothing guessed)
    "editor": ("unit_editor", (UNIT_A, "龙岗区职业训练中心")),
    "editor_b": ("unit_editor", (UNIT_B,)),
    "viewer": ("viewer", ()),
    "unscoped_editor": ("unit_editor", ()),
}
PASSWORD = "pw-一二三-456"


def make_people(factory) -> dict:
    """Create the accounts and return their principals by username."""
    with transaction(factory) as session:
        ids = {name: create_user(session, name, PASSWORD, role, name, units).id
               for name, (role, units) in PEOPLE.items()}
    with factory() as session:
        return {name: principal_by_id(session, i) for name, i in ids.items()}


def declaration(unit: str = UNIT_A, name: str = "职业技能提升培训补贴", year: int = 2026) -> DeclarationIn:
    """A declaration as a unit would fill it in (money in yuan; the form is kept in 万元)."""
    return DeclarationIn(
        year=year, unit=unit, name=name, department=DEPARTMENT, code="440307250000000001",
        money_unit="wan_yuan", facts={"type": "民生类", "period": "2026年1月-12月", "new_or_continuing": "延续"},
        money={"general_public": Decimal("3298400.00"), "carried_over": Decimal("100000.00")},
        basis="2360*12个月*120人=339.84万元；以上合计：339.84万元",
        goal="全年开展职业技能培训不少于1200人次，培训合格率不低于90%，提升劳动者就业能力。",
        indicators=[
            IndicatorIn(level2="quantity", name="培训人次", target="≥1200人次", weight=Decimal(20)),
            IndicatorIn(level2="quality", name="培训合格率", target="≥90%", weight=Decimal(15)),
            IndicatorIn(level2="timeliness", name="补贴发放及时率", target="=100%", weight=Decimal(15)),
            IndicatorIn(level2="social", name="参训人员就业能力", target="显著提升", weight=Decimal(30)),
            IndicatorIn(level2="service_satisfaction", name="参训人员满意度", target="≥90%",
                        weight=Decimal(10)),
        ],
    )


def review_form(outcome: str, comment: str = "审核意见") -> ReviewIn:
    """A review with all four dimensions filled in."""
    verdict = "pass" if outcome in ("优", "良") else "fail"
    return ReviewIn(dimensions={d: (verdict, f"{d} 意见") for d in
                                ("completeness", "relevance", "appropriateness", "feasibility")},
                    outcome=outcome, comment=comment)
