"""Routers of the web app, one module per area."""

from . import api_core, api_extras, auth, budget, documents, findings, overview, projects, source, users

ROUTERS = [auth.router, overview.router, documents.router, projects.router, source.router, findings.router,
           budget.router, api_core.router, api_extras.router, users.router]
