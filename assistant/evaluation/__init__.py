"""Quality measurement on labelled sets (``assistant eval ...``)."""
