"""Grading for Smart Factory Lab: the checks notebook test cells call, the trusted pass, and the course tools.

Three parts, kept apart so a test cell imports little:

- **checks** (run inside a student's notebook): :mod:`grading.runner` runs a student's PLC
  program on a plant and returns a :class:`~grading.runner.RunReport`;
  :mod:`grading.tracing` and :mod:`grading.rules` record every output change and every
  broken rule; :mod:`grading.checks` turns them into Korean rubric messages
  (:mod:`grading.messages` picks the language); :mod:`grading.isolation` runs each check
  in a separate, freshly loaded process; :mod:`grading.labs` holds the checks of each lab.
- **the trusted pass** (decides every score, where the student's code cannot reach):
  :mod:`grading.trusted` runs the teacher's test cells with stand-ins (:mod:`grading.remote`)
  for the student's code, which runs in a process of its own (:mod:`grading.student_process`,
  :mod:`grading.student_worker`) behind a pipe of plain data (:mod:`grading.channel`,
  :mod:`grading.wire`), sandboxed (:mod:`grading.sandbox`, :mod:`grading.kernel_sandbox` for
  the notebook's kernel); :mod:`grading.trusted_nbgrader` puts it inside ``nbgrader autograde``
  and :mod:`grading.trusted_record` keeps the verdicts and the flags for the teacher.
- **course tools** (run by the teacher, never by a test cell): the package :mod:`grading.course`
  builds an nbgrader course, grades many submissions at once, writes the teachers' CSV, times
  the grading and serves lab PCs without a server. The nbgrader plug-ins a course's
  ``nbgrader_config.py`` names stay here, where courses built earlier find them:
  :mod:`grading.feedback` (feedback without hidden tests), :mod:`grading.output_limits` (graded
  notebooks stay small), :mod:`grading.trusted_nbgrader` and :mod:`grading.kernel_sandbox`.

The ``sflab`` commands that call these tools are in :mod:`sflab.commands`, above this package.
"""
