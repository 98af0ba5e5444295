"""jixiao.scoring: the ministry's self-evaluation scoring, every point explained (pure functions).

``score_project(project, settings)`` → ProjectScore; settings in ``settings.py`` (national defaults,
provincial variants off); JSON input ``jixiao/selfeval/1`` in ``selfeval_input.py``.
"""
