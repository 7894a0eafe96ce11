"""Developer tooling for the mediakit checkout (not part of the installed package)."""
