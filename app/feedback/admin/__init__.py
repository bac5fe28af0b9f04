"""Staff pages to write, translate, publish and take down updates, on the one blueprint in
blueprint.py, under /staff/updates.
"""
