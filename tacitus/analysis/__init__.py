"""Relations between countries: series, partners, networks and changes, computed in the database."""
from .relations import PERIODS, changes, network, partners, series

__all__ = ["series", "partners", "network", "changes", "PERIODS"]
