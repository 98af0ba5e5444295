"""Rules of the cross-document family."""
