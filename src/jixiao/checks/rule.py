"""A rule: a small function with a stable code, a name, a severity and message templates.

The rule's docstring is its documentation: the first line says what it finds, the text up to
``Bad:`` why it matters, then a bad and a good example (``docs/rules/`` is generated from these).
A rule function yields :class:`Hit`\\ s; the runner turns each into a :class:`Finding` by filling
the message templates with the hit's parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from jixiao.domain.model import Document, Project
from jixiao.domain.source import SourceRef

from .finding import Severity
from .registry import FAMILIES, REGISTRY, Registry

# What a rule function is given: one project, one document, or the whole set of documents.
PROJECT, DOCUMENT, CORPUS = "project", "document", "corpus"
_CODE = re.compile(r"^[A-Z]\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9-]+$")


@dataclass(slots=True)
class Hit:
    """One occurrence found by a rule: template parameters plus where and what."""

    params: dict
    source: SourceRef | None = None
    expected: str | None = None
    actual: str | None = None
    project: Project | None = None
    document: Document | None = None
    related: dict | None = None


def hit(source: SourceRef | None = None, *, expected=None, actual=None, project=None,
        document=None, related=None, **params) -> Hit:
    """Build a hit; keyword parameters fill the rule's message templates."""
    return Hit(params, source, None if expected is None else str(expected),
               None if actual is None else str(actual), project, document, related)


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule; ``fn`` is called by the runner according to ``scope``."""

    code: str
    name: str
    severity: str
    scope: str
    message: str
    message_en: str
    fn: Callable[..., Iterable[Hit]]
    kinds: frozenset[str] | None = None
    doc: str = ""
    options: tuple[str, ...] = field(default=())

    @property
    def family(self) -> str:
        """Family name in code (``money``, ``rates`` …), from the code's letter."""
        return FAMILIES[self.code[0]][0]

    @property
    def family_label(self) -> str:
        """Family name in Chinese (金额, 执行率 …)."""
        return FAMILIES[self.code[0]][1]

    def applies_to(self, kind: str) -> bool:
        """True when the rule checks documents of this kind."""
        return self.kinds is None or kind in self.kinds

    def _sections(self) -> dict[str, str]:
        text = _dedent(self.doc)
        parts = re.split(r"^(Bad|Good):\s*$", text, flags=re.M)
        out = {"head": parts[0].strip()}
        for label, body in zip(parts[1::2], parts[2::2]):
            out[label.lower()] = _dedent(body.strip("\n")).rstrip()
        return out

    @property
    def summary(self) -> str:
        """The docstring's first line: what the rule finds."""
        return self._sections()["head"].splitlines()[0] if self.doc else self.name

    @property
    def why(self) -> str:
        """Why the rule exists (docstring text before the examples)."""
        lines = self._sections()["head"].splitlines()[1:]
        return "\n".join(lines).strip()

    @property
    def bad(self) -> str:
        """Example of what the rule reports."""
        return self._sections().get("bad", "")

    @property
    def good(self) -> str:
        """Example of what passes."""
        return self._sections().get("good", "")


def _dedent(text: str) -> str:
    lines = text.expandtabs().splitlines()
    indents = [len(s) - len(s.lstrip()) for s in lines[1:] if s.strip()]
    cut = min(indents, default=0)
    return "\n".join([lines[0].strip()] + [s[cut:] for s in lines[1:]]) if lines else ""


def rule(code: str, name: str, severity: str, message: str, message_en: str, *,
         scope: str = PROJECT, kinds: Iterable[str] | None = None, options: Iterable[str] = (),
         registry: Registry | None = None) -> Callable[[Callable], Rule]:
    """Decorator: register a rule function under ``code`` (refused if the code is taken)."""
    if not _CODE.match(code) or code[0] not in FAMILIES:
        raise ValueError(f"规则编号应为家族字母加三位数字: {code}")
    if not _NAME.match(name):
        raise ValueError(f"规则名称应为小写英文加连字符: {name}")
    Severity(severity)
    if scope not in (PROJECT, DOCUMENT, CORPUS):
        raise ValueError(f"未知的规则范围: {scope}")

    def wrap(fn: Callable) -> Rule:
        r = Rule(code, name, severity, scope, message, message_en, fn,
                 frozenset(kinds) if kinds is not None else None, fn.__doc__ or "", tuple(options))
        (registry if registry is not None else REGISTRY).register(r)
        return r

    return wrap
