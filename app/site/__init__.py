"""The pages anyone can reach: home, choosing a language, robots.txt and the health check.

The home page shows open surveys and the latest updates, so this package sits above surveys
and feedback; nothing imports it.
"""
