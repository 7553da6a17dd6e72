"""Grading for Smart Factory Lab: the checks notebook test cells call, and the nbgrader course tools.

Two halves, kept apart so a test cell imports almost nothing:

- **checks** (run inside a student's notebook): :mod:`grading.runner` runs a student's PLC
  program on a plant and returns a :class:`~grading.report.RunReport`;
  :mod:`grading.tracing` and :mod:`grading.rules` record every output change and every
  broken rule; :mod:`grading.checks` turns them into Korean rubric messages;
  :mod:`grading.isolation` runs each check in a separate, freshly loaded process;
  :mod:`grading.labs` holds one module of checks per lab.
- **course tools** (run by the teacher): :mod:`grading.course` builds an nbgrader course,
  :mod:`grading.autograde` grades many submissions at once, :mod:`grading.feedback`
  writes feedback without hidden tests, :mod:`grading.command` adds them to ``sflab``.
"""
