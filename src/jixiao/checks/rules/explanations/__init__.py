"""Rules of the explanations family (部门预算、决算公开)."""
