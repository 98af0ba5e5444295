"""Built-in rules, one per module, grouped in one package per family (imported by the registry)."""
