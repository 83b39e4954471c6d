"""Mocks with a planted defect, each of which the suite must catch and name (planted: the documented
surface, planted_eras: the eras and the operations beyond the documentation)."""
