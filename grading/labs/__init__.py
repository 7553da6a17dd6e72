"""One module of checks per lab: ``grading.labs.l01`` grades lab L01, and so on.

Each module has public ``check_*`` functions that test cells call with the student's
program. They run the real work (``_grade_*``) through :func:`grading.isolation.run_isolated`.
"""
