"""Rules of the reading family: what a reader could not take in as written."""
