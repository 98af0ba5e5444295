"""jixiao (绩效): read, check, score and publish China's budget performance forms."""

__version__ = "0.1.0"
