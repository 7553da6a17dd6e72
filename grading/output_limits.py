"""Keep graded notebooks small when a student prints megabytes.

nbgrader's ``LimitOutput`` cuts printed output to a number of *lines*; one enormous line
(``print("x" * 10_000_000)``) passes through it and ends up in the gradebook copy and the
feedback page. :class:`LimitOutput` here also cuts every text output to
:data:`MAX_CHARS` characters. The course's ``nbgrader_config.py`` puts it in nbgrader's
autograde pipeline in place of the original.
"""

from __future__ import annotations

from typing import Any

from nbgrader.preprocessors import LimitOutput as NbgraderLimitOutput
from traitlets import Integer

#: Characters kept of one text output.
MAX_CHARS = 20_000
CUT_NOTE = "\n... (출력이 너무 길어 잘랐습니다 / output truncated) ..."


class LimitOutput(NbgraderLimitOutput):
    """nbgrader's line limit, plus a limit on characters per output."""

    max_chars = Integer(MAX_CHARS, help="maximum characters of one text output (-1 means no limit)").tag(config=True)

    def preprocess_cell(self, cell: Any, resources: Any, cell_index: int) -> tuple[Any, Any]:
        """Cut lines (nbgrader), then characters."""
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if self.max_chars < 0 or cell.cell_type != "code":
            return cell, resources
        for output in cell.outputs:
            if output.get("output_type") == "stream" and len(output.text) > self.max_chars:
                output.text = output.text[: self.max_chars] + CUT_NOTE
            for key, value in output.get("data", {}).items():
                if key.startswith("text/") and isinstance(value, str) and len(value) > self.max_chars:
                    output["data"][key] = value[: self.max_chars] + CUT_NOTE
        return cell, resources
