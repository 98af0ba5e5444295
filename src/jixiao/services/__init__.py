"""Use cases: the only layer that combines readers, checks, scoring and storage."""
