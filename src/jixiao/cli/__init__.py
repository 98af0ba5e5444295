"""Command line: thin wrappers that parse options, call a service and render."""
