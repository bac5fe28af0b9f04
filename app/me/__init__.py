"""/me: a participant's own page, their details, their sessions and claims, and everything we
hold about them (export.py and held.py), read from every other package. Nothing imports it.
"""
