"""Realistic synthetic projects for benchmarks: the shapes and words of the seeds, at any scale."""

from __future__ import annotations

import random
from decimal import Decimal

from jixiao.domain.model import Indicator, Money, Project
from jixiao.domain.source import SourceRef
from jixiao.domain.targets import parse_target

UNITS = ["人力资源局本级", "劳动就业服务中心", "职业介绍服务中心", "人事服务中心", "职业训练中心",
         "社会保险基金管理中心", "人才服务中心", "劳动人事争议仲裁院"]
NAMES = ["就业服务", "办公设备购置", "信息化系统维护", "人才引进", "安全生产监管", "仲裁工作",
         "调解业务工作", "社区教育", "技能人才评价", "南粤家政示范基地", "修缮维护", "学校管理"]
TARGETS = [
    ("output", "quantity", "举办公益招聘会场数", "不少于{n}场", "举办公益招聘会{m}场，完成目标"),
    ("output", "quantity", "培训人数", "≥{n}人", "共培训{m}人"),
    ("output", "quality", "结案率", "≥{p}%", "结案率{q}%"),
    ("output", "timeliness", "办结时限", "{d}个工作日内", "平均{e}个工作日办结"),
    ("outcome", "social", "促进就业", "显著提升", "完成"),
    ("satisfaction", "service_satisfaction", "服务对象满意度", "≥{p}%", "满意度为{q}%"),
]
CENT = Decimal("0.01")


def _indicator(rng: random.Random, spec, file: str, line: int) -> Indicator:
    level1, level2, name, target, actual = spec
    n = rng.randint(5, 2000)
    values = {"n": n, "m": max(0, n + rng.randint(-n // 3, n // 2)), "p": rng.choice([80, 85, 90, 95]),
              "q": rng.randint(70, 100), "d": rng.randint(3, 30), "e": rng.randint(2, 40)}
    return Indicator(level1=level1, level2=level2, name=name, target=parse_target(target.format(**values)),
                     actual=parse_target(actual.format(**values)), source=SourceRef(file, line))


def make_projects(n: int, seed: int = 0) -> list[Project]:
    """``n`` projects with 4–6 indicators each, amounts in yuan, stated rates, sources."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        file = f"bench_{i // 1000:04d}.txt"
        budget = (Decimal(rng.randint(1_000, 50_000_000)) / 100).quantize(CENT) * 100
        actual = (budget * Decimal(rng.randint(55, 100)) / 100).quantize(CENT)
        rate = (actual / budget * 100).quantize(CENT) if budget else Decimal(0)
        if rng.random() < 0.03:
            rate += Decimal("0.05")  # a few stated rates that do not match, as in real forms
        inds = [_indicator(rng, spec, file, i % 1000 + 10) for spec in rng.sample(TARGETS, rng.randint(4, 6))]
        out.append(Project(
            name=f"{rng.choice(NAMES)}{i}", unit=rng.choice(UNITS), department="深圳市某区人力资源局",
            seq=str(i + 1), year=2021, budget=Money(budget, {"general_public": budget}),
            actual=Money(actual, {"general_public": actual}), execution_rate=rate,
            status=rng.choice(["done", "done", "done", "mostly_done", "not_done"]),
            status_text="完成", goal="保障单位正常运行，完成年度工作任务。", indicators=inds,
            problems="无" if rng.random() < 0.7 else None, source=SourceRef(file, i % 1000 + 10),
        ))
    return out
