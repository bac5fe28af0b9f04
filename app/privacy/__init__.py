"""Privacy duties: erasure on request, keeping personal data no longer than needed, backups."""
