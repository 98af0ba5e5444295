"""Rules of the indicators family."""
