"""A project's own page: its plan and checklist with the surveys, sessions, updates and people
that belong to it, read from each area."""
