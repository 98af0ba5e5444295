"""Rules of the money family."""
