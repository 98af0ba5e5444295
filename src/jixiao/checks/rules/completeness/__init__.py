"""Rules of the completeness family (部门预算、决算公开)."""
