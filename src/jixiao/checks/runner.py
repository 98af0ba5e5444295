"""Run the enabled rules over a check context and collect findings.

Document rules run once per document, project rules once per project (the hot path: plain loops,
no per-call allocation beyond the hits), corpus rules once per run. A rule that fails on odd data
is recorded in the report and the others go on: bad input is normal input.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from jixiao.domain.model import Document, Project

from .context import CheckContext
from .finding import Finding, severity_rank
from .registry import all_rules
from .rule import CORPUS, DOCUMENT, PROJECT, Hit, Rule


@dataclass(slots=True)
class RuleFailure:
    """A rule that raised on some input: which rule, where, and the exception text."""

    code: str
    where: str
    error: str


@dataclass(slots=True)
class CheckReport:
    """Findings of one run, with what was checked and how long it took."""

    findings: list[Finding]
    rules: list[Rule]
    documents: int = 0
    projects: int = 0
    checks: int = 0
    seconds: float = 0.0
    failures: list[RuleFailure] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Findings per severity."""
        c = Counter(f.severity for f in self.findings)
        return {s: c.get(s, 0) for s in ("error", "warning", "info")}

    def filtered(self, severity: str | None = None, codes: list[str] | None = None) -> list[Finding]:
        """Findings at or above ``severity`` and, if given, only of these rule codes."""
        floor = severity_rank(severity) if severity else 0
        wanted = {c.upper() for c in codes} if codes else None
        return [f for f in self.findings
                if severity_rank(f.severity) >= floor and (wanted is None or f.code in wanted)]


def project_label(p: Project | None) -> str | None:
    """How a project is named in findings: ``序号 名称`` when it has a row number."""
    if p is None:
        return None
    return f"{p.seq} {p.name}" if p.seq else p.name


def make_finding(rule: Rule, h: Hit, ctx: CheckContext, doc: Document | None,
                 project: Project | None) -> Finding:
    """Fill the rule's templates with the hit's parameters and attach where it was found."""
    doc = h.document or doc
    project = h.project or project
    source = h.source or (project.source if project is not None else None) or (doc.source if doc else None)
    return Finding(
        code=rule.code, rule=rule.name, severity=ctx.settings.severity_of(rule),
        message=rule.message.format_map(h.params), message_en=rule.message_en.format_map(h.params),
        document=doc.file if doc else None, document_id=ctx.document_id(doc),
        project_id=project.details.get("id") if project is not None else None,
        project=project_label(project), source=source, expected=h.expected, actual=h.actual,
        related=h.related,
    )


def _select(rules: list[Rule] | None, ctx: CheckContext) -> list[Rule]:
    return [r for r in (rules if rules is not None else all_rules()) if ctx.settings.enabled(r)]


def run_checks(ctx: CheckContext, rules: list[Rule] | None = None) -> CheckReport:
    """Run the enabled rules (all built-in rules unless ``rules`` is given) over the context."""
    start = time.perf_counter()
    selected = _select(rules, ctx)
    report = CheckReport(findings=[], rules=selected, documents=len(ctx.documents))
    for doc in ctx.documents:
        _run_document(doc, selected, ctx, report)
    for r in selected:
        if r.scope == CORPUS:
            report.checks += 1
            _collect(r, lambda r=r: r.fn(ctx), ctx, None, None, report, "corpus")
    files = {d.file: i for i, d in enumerate(ctx.documents)}
    report.findings.sort(key=lambda f: (files.get(f.document, len(files)),
                                        (f.source.line or 0) if f.source else 0,
                                        -severity_rank(f.severity), f.code))
    report.seconds = time.perf_counter() - start
    return report


def _run_document(doc: Document, selected: list[Rule], ctx: CheckContext, report: CheckReport) -> None:
    kind = doc.kind
    doc_rules = [r for r in selected if r.scope == DOCUMENT and r.applies_to(kind)]
    project_rules = [r for r in selected if r.scope == PROJECT and r.applies_to(kind)]
    for r in doc_rules:
        _collect(r, lambda r=r: r.fn(doc, ctx), ctx, doc, None, report, doc.file)
    report.projects += len(doc.projects)
    report.checks += len(doc_rules) + len(doc.projects) * len(project_rules)
    findings = report.findings
    for p in doc.projects:
        for r in project_rules:
            try:
                hits = r.fn(p, doc, ctx)
                if hits:
                    findings.extend(make_finding(r, h, ctx, doc, p) for h in hits)
            except Exception as exc:  # noqa: BLE001  a rule bug must not stop the run
                report.failures.append(RuleFailure(r.code, f"{doc.file}:{p.seq or p.name}", repr(exc)))


def _collect(r: Rule, call, ctx, doc, project, report: CheckReport, where: str) -> None:
    try:
        report.findings.extend(make_finding(r, h, ctx, doc, project) for h in call() or ())
    except Exception as exc:  # noqa: BLE001  a rule bug must not stop the run
        report.failures.append(RuleFailure(r.code, where, repr(exc)))
