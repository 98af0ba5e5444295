"""Rules of the template family."""
