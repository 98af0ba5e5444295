"""Rule documentation generated from the registry: one Markdown page per rule and an index.

``scripts/gen_rule_docs.py`` writes them to ``docs/rules/``; a test fails when they are stale.
"""

from __future__ import annotations

from .finding import SEVERITY_LABELS
from .registry import FAMILIES
from .rule import CORPUS, DOCUMENT, Rule
from .settings import OPTIONS

SCOPES = {"project": "每个项目", DOCUMENT: "每个文档",
          CORPUS: "全部文档之间"}


def _cjk(ch: str) -> bool:
    return ch > "\u2e80"


def _unwrap(text: str) -> str:
    """Docstring paragraphs as single lines: no space between Chinese characters, English apart."""
    out = []
    for para in text.split("\n\n"):
        joined = ""
        for line in (ln.strip() for ln in para.splitlines() if ln.strip()):
            if joined:
                if _cjk(joined[-1]) and _cjk(line[0]):
                    sep = ""
                elif _cjk(joined[-1]) and line[0].isascii() and line[0].isalpha():
                    sep = "\n\n"
                else:
                    sep = " "
                joined += sep
            joined += line
        out.append(joined)
    return "\n\n".join(out)


def _code_block(text: str) -> str:
    return f"```text\n{text}\n```" if text else "（无）"


def rule_page(r: Rule) -> str:
    """The Markdown page of one rule."""
    kinds = "、".join(sorted(r.kinds)) if r.kinds else "全部"
    options = "、".join(f"`{o}`" for o in r.options) or "—"
    lines = [
        f"# {r.code} {r.name}", "", r.summary, "",
        "| | |", "|---|---|",
        f"| 编号 | `{r.code}` |",
        f"| 家族 | {r.family_label} `{r.family}` |",
        f"| 严重程度 | {SEVERITY_LABELS[r.severity]} `{r.severity}` |",
        f"| 检查范围 | {SCOPES[r.scope]} |",
        f"| 适用文档 | {kinds} |",
        f"| 设置项 | {options} |",
        "", "## 为什么", "", _unwrap(r.why) or "—",
        "", "## 消息", "", f"- 中文：`{r.message}`", f"- English: `{r.message_en}`",
        "", "## 会被报告", "", _code_block(r.bad),
        "", "## 不会被报告", "", _code_block(r.good),
        "", "## 关闭或改级", "",
        "```toml", "[checks]", f'disable = ["{r.code}"]', "", "[checks.severity]", f'{r.code} = "warning"', "```", "",
    ]
    return "\n".join(lines)


def index_page(rules: list[Rule]) -> str:
    """The index of all rules by family, and the settings the checker reads."""
    lines = ["# 检查规则", "",
             "`jixiao check` 运行下列规则；`jixiao rules` 列出它们。本目录由 `scripts/gen_rule_docs.py` 从规则的",
             "代码和文档字符串生成，请勿手工修改。",
             "(Generated from the rule registry by `scripts/gen_rule_docs.py`; do not edit by hand.)", ""]
    for letter, (family, label) in FAMILIES.items():
        members = [r for r in rules if r.code[0] == letter]
        if not members:
            continue
        lines += [f"## {label} `{family}`", "", "| 编号 | 名称 | 严重程度 | 说明 |", "|---|---|---|---|"]
        lines += [f"| [{r.code}]({r.code}.md) | `{r.name}` | {SEVERITY_LABELS[r.severity]} | {r.summary} |"
                  for r in members]
        lines.append("")
    lines += ["## 设置", "",
              "设置写在 TOML 文件的 `[checks]` 表中（`jixiao check --settings 文件`，默认读取当前目录的",
              "`jixiao.toml`）；未知的设置项会被拒绝。", "",
              "| 设置项 | 默认值 | 说明 |", "|---|---|---|"]
    lines += [f"| `{name}` | `{default!r}` | {text} |" for name, (default, text) in OPTIONS.items()]
    lines += ["", "## 检查结果", "",
              "`jixiao check --format json` 输出 `{summary, findings}`；`jixiao export` 的 `findings` 数组为库中保存的结果，",
              "形状相同。(Same shape in both.)", "", "| 键 | 含义 |", "|---|---|"]
    lines += [f"| `{k}` | {v} |" for k, v in FINDING_KEYS.items()]
    lines.append("")
    return "\n".join(lines)


FINDING_KEYS = {
    "code": "规则编号", "rule": "规则名称", "severity": "error / warning / info",
    "message": "一句中文说明", "message_en": "英文说明",
    "document": "文档文件名", "document_id": "库中的文档 id（不在库中时为 null）",
    "project_id": "库中的项目 id，或 null（文档级结果）", "project": "项目：序号 名称",
    "source": "`{file, line}`（工作簿另有 `sheet`、`cell`）：原文位置",
    "expected": "应为（可为 null）", "actual": "实为（可为 null）",
    "related": "跨文档结果中另一份文档及其项目 `{document, project_id, project, source}`，否则 null",
}


def pages(rules: list[Rule]) -> dict[str, str]:
    """File name → content of every page of ``docs/rules/``."""
    out = {f"{r.code}.md": rule_page(r) for r in rules}
    out["README.md"] = index_page(rules)
    return out
