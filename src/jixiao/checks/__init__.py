"""jixiao.checks"""
