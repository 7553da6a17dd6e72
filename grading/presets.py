"""Tags the grader's "HMI" writes before every scan of a student's program: set points, belts that follow the e-stop.

Plain data (:class:`WithPresets`), so the same writes happen wherever the scan runs: here in
the grader, and in the student's process for scans sent ahead (:mod:`grading.scan_ahead`),
both through :func:`apply_presets`.
"""

from __future__ import annotations

from typing import Any


class WithPresets:
    """A PLC program: the grader's "HMI" writes some tags before every scan of the student's program.

    ``set`` writes fixed values (set points in data registers); ``copy`` writes each tag from
    another (belts that run while the e-stop is out: ``{"infeed_motor": "estop_ok"}``). Being
    plain data, the presets travel with scans sent ahead, so the student's process applies
    them before each scan exactly as this object does here.

    Args:
        scan: the student's scan function.
        set: tag → value, written first.
        copy: tag → the tag it takes its value from, written next.
    """

    def __init__(self, scan: Any, set: dict[str, Any] | None = None, copy: dict[str, str] | None = None) -> None:  # noqa: A002
        self.student_scan = scan  # not ``scan``: a PLC takes an object's ``scan`` method for its program
        self.presets = {"set": dict(set or {}), "copy": dict(copy or {})}

    def __call__(self, io: Any) -> None:
        """Write the presets, then run the student's scan."""
        apply_presets(io, self.presets)
        self.student_scan(io)


def apply_presets(io: Any, presets: dict[str, dict[str, Any]]) -> None:
    """Write ``presets`` (see :class:`WithPresets`) into ``io``."""
    for name, value in presets["set"].items():
        setattr(io, name, value)
    for name, source in presets["copy"].items():
        setattr(io, name, getattr(io, source))
