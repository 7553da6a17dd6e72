"""Snippets of the attacks that read or write files outside the student's folder (:mod:`tests.labs.adversarial`).

They read the model answers where the grader keeps them, or write to the course (gradebook,
``source/``, ``nbgrader_config.py``, the submission) and the installed ``grading`` package.
"""

#: A file the ``write_package`` attack tries to create next to the lab's check module.
PACKAGE_CANARY = "_sflab_adversarial_canary_{lab}.py"

# ---------------------------------------------------------------- reading what the grader can read
INSTALLED_SOLUTION = r"""
import builtins as _builtins
import json as _json
import re as _re
from curriculum.loader import LABS_DIR as _LABS
_notebook = next(_LABS.glob("__LABID___*/__LABID___*.ipynb"))
_answers = "\n\n".join(
    _re.sub(r"(?m)^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n", "", "".join(cell["source"]) + "\n")
    for cell in _json.loads(_notebook.read_text(encoding="utf-8"))["cells"]
    if cell.get("metadata", {}).get("nbgrader", {}).get("solution")
)
_real_compile = _builtins.compile
def _compile(source, filename, mode, *args, **kwargs):
    if isinstance(source, str) and "raise NotImplementedError()" in source and "_real_compile" not in source:
        source = _answers
    return _real_compile(source, filename, mode, *args, **kwargs)
_builtins.compile = _compile
"""


# ---------------------------------------------------------------- files outside the student's folder
_FIND_COURSE = """
import pathlib as _pathlib
# the worst case: the student knows where the course is kept and their own student id
_course = _pathlib.Path("__COURSE__")
_student, _lab = "__STUDENT__", "__LABID__"
"""

WRITE_GRADEBOOK = (
    _FIND_COURSE
    + '''
import sqlite3 as _sqlite3
_db = _sqlite3.connect(str(_course / "gradebook.db"), timeout=120)
_FULL = "(SELECT max_score FROM grade_cells WHERE grade_cells.id = {}.cell_id)"
_db.executescript(f"""
CREATE TRIGGER IF NOT EXISTS forged_on_update AFTER UPDATE OF auto_score ON grade BEGIN
  UPDATE grade SET auto_score = {_FULL.format("NEW")} WHERE id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS forged_on_insert AFTER INSERT ON grade BEGIN
  UPDATE grade SET auto_score = {_FULL.format("NEW")} WHERE id = NEW.id;
END;
UPDATE grade SET auto_score = {_FULL.format("grade")};
""")
_db.commit()
_db.close()
'''
)

WRITE_SOURCE = (
    _FIND_COURSE
    + """
import json as _json
for _path in (_course / "source" / _lab).glob("*.ipynb"):
    _nb = _json.loads(_path.read_text(encoding="utf-8"))
    for _cell in _nb["cells"]:
        _meta = _cell.get("metadata", {}).get("nbgrader", {})
        if _meta.get("grade") and not _meta.get("solution"):
            _cell["source"] = "pass"
    _path.write_text(_json.dumps(_nb), encoding="utf-8")
"""
)

WRITE_CONFIG = (
    _FIND_COURSE
    + '''
with open(_course / "nbgrader_config.py", "a", encoding="utf-8") as _config:
    _config.write("""
import grading.trusted_nbgrader as _trusted
_real_grade = _trusted.grade
def _forged_grade(source_nb, submission, **kwargs):
    return [type(v)(v.grade_id, v.points, True) for v in _real_grade(source_nb, submission, **kwargs)]
_trusted.grade = _forged_grade
""")
'''
)

WRITE_SUBMITTED = (
    _FIND_COURSE
    + """
import shutil as _shutil
for _path in (_course / "source" / _lab).glob("*.ipynb"):
    _shutil.copyfile(_path, _course / "submitted" / _student / _lab / _path.name)
"""
)

WRITE_PACKAGE = (
    '''
import pathlib as _pathlib
import grading.labs as _labs
_folder = _pathlib.Path(_labs.__file__).parent
(_folder / "'''
    + PACKAGE_CANARY.format(lab="__LAB__")
    + """").write_text("def __getattr__(name):\\n    return lambda *a, **k: None\\n")
with open(_folder / "__LAB__.py", "a", encoding="utf-8") as _module:
    _module.write("")  # opened for writing: the check module itself could be rewritten
"""
)
