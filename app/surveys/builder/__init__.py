"""Building surveys: staff write questions, translate them, preview them and type in paper
answers. Every page is on the one blueprint in blueprint.py, under /staff/surveys.
"""
