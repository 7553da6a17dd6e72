"""Grading for Smart Factory Lab: the checks notebook test cells call, and the nbgrader course tools.

Two halves, kept apart so a test cell imports little:

- **checks** (run inside a student's notebook): :mod:`grading.runner` runs a student's PLC
  program on a plant and returns a :class:`~grading.runner.RunReport`;
  :mod:`grading.tracing` and :mod:`grading.rules` record every output change and every
  broken rule; :mod:`grading.checks` turns them into Korean rubric messages
  (:mod:`grading.messages` picks the language); :mod:`grading.isolation` runs each check
  in a separate, freshly loaded process; :mod:`grading.labs` holds the checks of each lab.
- **course tools** (run by the teacher): :mod:`grading.course` builds an nbgrader course,
  :mod:`grading.autograde` grades many submissions at once, :mod:`grading.feedback`
  writes feedback without hidden tests, :mod:`grading.command` adds them to ``sflab``,
  :mod:`grading.bench` times them. :mod:`grading.notebook` and :mod:`grading.submissions`
  build notebooks in code; :mod:`grading.environment` makes nbgrader work from a venv
  that was never activated; :mod:`grading.output_limits` keeps graded notebooks small.
"""
