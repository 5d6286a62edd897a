"""Checks: claims and reference records in, findings and evidence out. Pure: no store."""
