"""Rules of the wording family (部门预算、决算公开)."""
