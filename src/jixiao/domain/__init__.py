"""Plain domain types and pure parsing helpers; imports nothing else of jixiao."""
