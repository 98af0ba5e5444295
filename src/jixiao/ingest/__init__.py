"""From file bytes to domain objects: sources (formats → Grid) then forms (Grid → Document)."""
