"""jixiao.scoring"""
