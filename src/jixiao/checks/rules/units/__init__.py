"""Rules of the units family."""
