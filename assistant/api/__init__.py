"""The HTTP edge: parse, validate, hand to the service; no analysis logic here."""
