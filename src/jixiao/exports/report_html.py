"""The checker's findings as one self-contained HTML page (no external CSS, fonts or scripts)."""

from __future__ import annotations

from collections import OrderedDict

from jinja2 import Environment

from jixiao.domain.beijing import now_in_beijing
from jixiao.domain.labels import finding_value, without_gloss

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}

TEMPLATE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jixiao 检查报告</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem;margin-bottom:.2rem}.meta{color:#57606a;margin-top:0}
.counts span{display:inline-block;margin-right:1rem;font-weight:600}
.error{color:#b42318}.warning{color:#9a6700}.info{color:#0969da}
section.doc{border:1px solid #d0d7de;border-radius:6px;margin:1.2rem 0;padding:.6rem 1rem}
section.doc>h2{font-size:1.1rem;margin:.3rem 0}
h3{font-size:1rem;margin:.8rem 0 .3rem;color:#24292f}
table{border-collapse:collapse;width:100%;font-size:.92rem}
td{border-top:1px solid #eaeef2;padding:.3rem .4rem;vertical-align:top}
td.sev{white-space:nowrap;font-weight:600;width:3rem}td.code{white-space:nowrap;width:3.5rem;font-family:monospace}
td.src{white-space:nowrap;color:#57606a;font-size:.85rem}.en{color:#57606a;font-size:.85rem}
.ev{color:#57606a;font-size:.85rem}
nav label{margin-right:1rem}
</style></head><body>
<h1>jixiao 检查报告 <small>(check report)</small></h1>
<p class="meta">生成于 {{ generated }} · {{ summary.documents }} 个文档 · {{ summary.projects }} 个项目 ·
{{ summary.rules }} 条规则</p>
<p class="counts"><span class="error">错误 {{ summary.counts.error }}</span>
<span class="warning">警告 {{ summary.counts.warning }}</span><span class="info">提示 {{ summary.counts.info }}</span></p>
<nav>{% for sev, label in labels.items() %}<label><input type="checkbox" checked data-sev="{{ sev }}"> {{ label }}</label>{% endfor %}</nav>
{% for doc in groups %}
<section class="doc"><h2>{{ doc.name or "（跨文档）" }}</h2>
{% for project in doc.projects %}
<h3>{{ project.name or "整个文档" }}</h3>
<table>{% for f in project.findings %}
<tr class="f-{{ f.severity }}"><td class="sev {{ f.severity }}">{{ labels[f.severity] }}</td><td class="code">{{ f.code }}</td>
<td>{{ f.message|chinese }}
{% if f.expected or f.actual %}<div class="ev">{% if f.expected %}应为：{{ f.expected|finding_value }}{% endif %}
{% if f.actual %} 实为：{{ f.actual|finding_value }}{% endif %}</div>{% endif %}</td>
<td class="src">{{ f.where }}</td></tr>{% endfor %}
</table>{% endfor %}
</section>{% else %}<p>没有发现问题。</p>{% endfor %}
<script>
document.querySelectorAll("nav input").forEach(function(box){box.addEventListener("change",function(){
document.querySelectorAll("tr.f-"+box.dataset.sev).forEach(function(tr){tr.style.display=box.checked?"":"none";});});});
</script>
</body></html>
"""

_env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_env.filters.update(chinese=without_gloss, finding_value=finding_value)
_template = _env.from_string(TEMPLATE)


def where(finding: dict) -> str:
    """A finding's place as a short label: ``第 31 行``, ``Sheet1!D7`` or the file name."""
    src = finding.get("source") or {}
    if src.get("sheet"):
        return f"{src['sheet']}!{src.get('cell') or src.get('line') or ''}"
    return f"第 {src['line']} 行" if src.get("line") else ""


def grouped(findings: list[dict]) -> list[dict]:
    """Findings by document, then by project (document-wide findings first), keeping run order."""
    docs: OrderedDict = OrderedDict()
    for f in findings:
        projects = docs.setdefault(f.get("document"), OrderedDict())
        projects.setdefault(f.get("project"), []).append(dict(f, where=where(f)))
    out = []
    for name, projects in docs.items():
        items = sorted(projects.items(), key=lambda kv: kv[0] is not None)
        out.append({"name": name, "projects": [{"name": p, "findings": fs} for p, fs in items]})
    return out


def render(findings: list[dict], summary: dict) -> str:
    """The HTML page for these findings; ``summary`` has counts, documents, projects, rules."""
    generated = now_in_beijing().strftime("%Y-%m-%d %H:%M") + "（北京时间）"
    return _template.render(groups=grouped(findings), summary=summary, labels=SEVERITY_LABELS,
                            generated=generated)
