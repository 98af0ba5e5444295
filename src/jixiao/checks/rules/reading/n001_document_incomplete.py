from jixiao.checks.rule import DOCUMENT, hit, rule

INCOMPLETE = "表格不完整"


@rule("N001", "document-incomplete", "warning",
      "文档不完整：{where}之后的内容不在文件中，已读取其前面的部分",
      "the document is incomplete: nothing after {where} is in the file; what comes before it was read",
      scope=DOCUMENT)
def check(doc, ctx):
    """文档不完整.

    网页摘录、下载不全的文件常在表格中间断开。读取时保留断点之前的全部内容，但断点之后的
    指标、总分和结论都不在文件中：据此复核或评分前，应找到完整的原件。
    A file that stops inside a table was read as far as it goes; what follows is missing.

    Bad:
        …质量指标 | 指标1:经费支出合规性 | 严格执行相关财经法规制度 | 严格执行相关财经法（文件到此为止）

    Good:
        …总分 | 100 | 98 | 自评等级：优
    """
    for w in doc.warnings:
        if w.message.startswith(INCOMPLETE):
            where = w.source.label() if w.source is not None else doc.file
            yield hit(w.source or doc.source, expected="完整的表格", actual=f"在 {where} 处中断", where=where)
