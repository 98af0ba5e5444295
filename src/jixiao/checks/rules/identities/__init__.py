"""Rules of the identities family (勾稽关系 of published budget and final-account tables)."""
