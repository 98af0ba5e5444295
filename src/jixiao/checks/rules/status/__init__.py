"""Rules of the status family."""
