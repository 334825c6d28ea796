"""Relations between countries: series, partners, networks and changes, computed in the database;
events per country for the map (geo)."""
from .geo import country_counts
from .relations import PERIODS, changes, network, partners, series

__all__ = ["series", "partners", "network", "changes", "country_counts", "PERIODS"]
