"""Export formats over the store: JSON (schema ``jixiao/1``), CSV, and later forms and reports."""
