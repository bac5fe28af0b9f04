"""You said, we did: updates linked to what people told us, and telling them what changed."""
