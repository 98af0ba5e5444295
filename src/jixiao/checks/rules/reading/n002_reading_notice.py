from jixiao.checks.rule import DOCUMENT, hit, rule

from .n001_document_incomplete import INCOMPLETE


@rule("N002", "reading-notice", "info",
      "读取提示：{notice}",
      "reading notice: {notice}", scope=DOCUMENT)
def check(doc, ctx):
    """读取提示.

    表格读取时遇到的每一处异常都记下来，并指明文件和行号（或单元格、页码）：例如空单元格被省略后
    按表头顺序读取、金额写法无法识别、连在一起的数字无法用执行率核对拆分、缺少资金表或指标表。
    这些地方的数据可能不全或需要人工核对原件。
    A notice names what was read in an unusual way, or not read, and where.

    Bad:
        资金行“年度资金总额 303010100%”：数字连在一起，且无法用执行率确定拆分

    Good:
        年度资金总额 | 30 | 30 | 10 | 100% | 10
    """
    for w in doc.warnings:
        if not w.message.startswith(INCOMPLETE):
            yield hit(w.source or doc.source, actual=w.text, notice=w.message)
