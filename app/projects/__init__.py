"""Co-production projects: the unit a charity plans and runs, with its plan and checklist."""
