"""Reading a survey's answers: tallies, themes staff tag answers with, the CSV export, and the
staff pages that show them (blueprint survey_results, under /staff/surveys).
"""
