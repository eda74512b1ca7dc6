"""Checks over a report, one module per family, each yielding Finding objects."""
