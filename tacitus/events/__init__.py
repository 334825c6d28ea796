"""Events: the pattern dictionary, framing, and extraction from parsed sentences."""
