"""Course tools, run by the teacher (or by ``sflab`` for them) — never by a notebook's test cell.

:mod:`~grading.course.build` builds an nbgrader course for a track; :mod:`~grading.course.autograde`
grades many submissions at once; :mod:`~grading.course.report` writes the teachers' CSV;
:mod:`~grading.course.bench` times the grading; :mod:`~grading.course.handin`, :mod:`~grading.course.lab_pc`
and :mod:`~grading.course.offline` serve lab PCs without a server; :mod:`~grading.course.notebook` and
:mod:`~grading.course.submissions` build notebooks and submissions in code; :mod:`~grading.course.environment`
makes nbgrader work from a virtual environment that was never activated.

The nbgrader plug-ins a course's ``nbgrader_config.py`` names keep their places in :mod:`grading`
(``grading.trusted_nbgrader``, ``grading.feedback``, ``grading.output_limits``, ``grading.kernel_sandbox``),
so courses built earlier keep working.
"""
