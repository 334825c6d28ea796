"""The HTTP API (FastAPI, with an OpenAPI description) and the dashboard it serves."""
from .api import create_app

__all__ = ["create_app"]
