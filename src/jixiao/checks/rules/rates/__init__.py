"""Rules of the rates family."""
