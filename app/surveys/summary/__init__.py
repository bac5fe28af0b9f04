"""Published summaries of a survey's results: staff choose questions and quotes, and anyone can
read the summary beside the survey (blueprint summary_admin, under /staff/surveys).
"""
