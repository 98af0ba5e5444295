"""jixiao.web"""
