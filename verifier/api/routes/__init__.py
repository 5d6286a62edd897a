"""The routes of /v1, one module per subject; each route calls one service."""
