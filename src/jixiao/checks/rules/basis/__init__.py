"""Rules of the basis family."""
