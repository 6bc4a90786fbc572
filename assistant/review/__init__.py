"""The review tool's logic: the queue by thread, decisions, calibration, dashboard figures."""
