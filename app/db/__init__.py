"""(package docstring to come)"""
