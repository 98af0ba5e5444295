"""Routers of the web app, one module per area."""

from . import api_core, auth, documents, overview, projects, source

ROUTERS = [auth.router, overview.router, documents.router, projects.router, source.router, api_core.router]
