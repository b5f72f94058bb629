"""Return illustrations (收益测算): scenarios from a product's own yield kind, with caveats."""
