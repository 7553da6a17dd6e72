"""Faults a teacher injects into the plant: broken sensors, sticky cylinders, swapped wires.

A fault is data — kind, target tag, when, how bad — so it can live in a file next to an
exercise, be typed on the command line, or be injected live from the teacher panel.

Kinds and what ``severity`` means for each:

============  ==================================================  ================================
kind          what happens                                        severity
============  ==================================================  ================================
stuck_on      the input always reads ON (analog: top of range)    —
stuck_off     the input always reads OFF (analog: bottom)          —
noise         digital: the input flips at random; analog: noise   flip probability per scan /
                                                                  extra noise in mm
drift         analog only: the reading creeps away                mm per minute
dropout       the signal is lost at random (reads OFF / 0)        loss probability per scan
inverted      NO and NC swapped: the input reads inverted         —
swapped       two inputs or two outputs wired to each other's     — (``other`` names the second)
              terminals
jam           an actuator (output) does not move                  —
slow          an actuator moves slower (pusher travel time ×      how many times slower, minus 1
              (1+severity), belt speed ÷ (1+severity))
wear          a belt motor's bearing wears out: vibration grows   growth rate, e-folds per hour
              exponentially until the motor fails (target: a
              conveyor output tag)
process_drift the upstream machine's tool wears: new parts come   mm per hour (negative: shorter)
              taller and taller (target: the feeder output tag)
============  ==================================================  ================================

Each fault is active from ``start_s`` to ``end_s`` (``None``: for ever).

Compact form for the command line: ``kind:target[+other][@start[-end]][*severity]``,
several separated by commas, e.g. ``stuck_on:entry_eye@60-120,slow:pusher_metal_out*1.5``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from simulator.errors import LabError
from simulator.plc.tags import Area, Tag

INPUT_KINDS = ("stuck_on", "stuck_off", "noise", "drift", "dropout", "inverted", "swapped")
OUTPUT_KINDS = ("jam", "slow", "swapped", "wear", "process_drift")
FAULT_KINDS = (*INPUT_KINDS, "jam", "slow", "wear", "process_drift")

_COMPACT = re.compile(
    r"^(?P<kind>[a-z_]+):(?P<target>\w+)(\+(?P<other>\w+))?"
    r"(@(?P<start>[0-9.]+)(-(?P<end>[0-9.]+))?)?(\*(?P<severity>-?[0-9.]+))?$"
)


class FaultError(LabError):
    """A fault description is wrong; says where (file and line, or the text) and why."""


@dataclass(frozen=True)
class Fault:
    """One injected fault."""

    #: One of :data:`FAULT_KINDS`.
    kind: str
    #: The tag it affects (an input tag for sensor faults, an output tag for actuator faults).
    target: str
    #: Simulated time it starts, in seconds.
    start_s: float = 0.0
    #: Simulated time it ends, in seconds; ``None`` for a permanent fault.
    end_s: float | None = None
    #: How bad it is; meaning depends on ``kind`` (see the module docstring).
    severity: float = 1.0
    #: The second tag of a ``swapped`` fault.
    other: str = ""

    def active_at(self, now_s: float) -> bool:
        """True while the fault is in force."""
        return self.start_s <= now_s and (self.end_s is None or now_s < self.end_s)


def check_fault(fault: Fault, tags: dict[str, Tag], where: str) -> Fault:
    """Return ``fault`` if it makes sense for these tags, else raise :class:`FaultError` naming ``where``."""

    def fail(ko: str, en: str) -> FaultError:
        return FaultError(f"{where}: {ko}", f"{where}: {en}")

    if fault.kind not in FAULT_KINDS:
        raise fail(
            f"고장 종류 '{fault.kind}'는 없습니다 ({', '.join(FAULT_KINDS)})",
            f"unknown fault kind '{fault.kind}'",
        )
    tag = tags.get(fault.target)
    if tag is None:
        raise fail(f"태그 '{fault.target}'가 장면에 없습니다", f"no tag '{fault.target}' in the scene")
    if tag.area.is_plc_input and fault.kind not in INPUT_KINDS:
        raise fail(
            f"'{fault.kind}'는 출력(구동기) 고장입니다. '{tag.name}'는 입력입니다",
            f"'{fault.kind}' needs an output tag",
        )
    if tag.area in (Area.DO, Area.AO) and fault.kind not in OUTPUT_KINDS:
        raise fail(
            f"'{fault.kind}'는 입력(센서) 고장입니다. '{tag.name}'는 출력입니다",
            f"'{fault.kind}' needs an input tag",
        )
    if tag.area in (Area.M, Area.HR):
        raise fail(
            f"'{tag.name}'는 메모리 태그라 고장을 넣을 수 없습니다",
            f"'{tag.name}' is memory, not wired to the plant",
        )
    if fault.kind == "wear" and not tag.signal.startswith("conveyor."):
        raise fail(
            "wear(베어링 마모)는 컨베이어 모터 출력에만 쓸 수 있습니다", "wear applies to conveyor motor outputs only"
        )
    if fault.kind == "process_drift" and tag.signal != "feeder.enable":
        raise fail(
            "process_drift(공정 드리프트)는 공급기 출력 태그에만 쓸 수 있습니다",
            "process_drift targets the feeder output",
        )
    if fault.kind == "drift" and tag.area is not Area.AI:
        raise fail("drift(드리프트)는 아날로그 입력에만 쓸 수 있습니다", "drift applies to analog inputs only")
    if fault.kind == "inverted" and tag.area is not Area.DI:
        raise fail(
            "inverted(a/b접점 반전)는 디지털 입력에만 쓸 수 있습니다",
            "inverted applies to digital inputs only",
        )
    if fault.kind == "swapped":
        other = tags.get(fault.other)
        if other is None or other.area is not tag.area or other.name == tag.name:
            raise fail(
                f"swapped(배선 뒤바뀜)에는 같은 영역의 다른 태그가 필요합니다 (받은 값: '{fault.other}')",
                f"swapped needs a second tag of the same area (got '{fault.other}')",
            )
    if fault.end_s is not None and fault.end_s <= fault.start_s:
        raise fail("끝 시각은 시작 시각보다 뒤여야 합니다", "end time must be after start time")
    negative_allowed = fault.kind == "process_drift"
    probability = fault.kind in ("noise", "dropout") and tag.area is Area.DI
    if (fault.severity < 0 and not negative_allowed) or (probability and fault.severity > 1):
        raise fail("severity 값이 범위를 벗어났습니다 (확률은 0~1)", "severity out of range (probabilities are 0..1)")
    return fault


def parse_compact(text: str, tags: dict[str, Tag]) -> list[Fault]:
    """Faults from the compact command-line form (see the module docstring)."""
    faults = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _COMPACT.match(part)
        if not match:
            raise FaultError(
                f"고장 표기 '{part}'를 읽을 수 없습니다. 예: stuck_on:entry_eye@60-120",
                f"cannot read fault '{part}'. Example: stuck_on:entry_eye@60-120",
            )
        fields = match.groupdict()
        fault = Fault(
            kind=fields["kind"],
            target=fields["target"],
            other=fields["other"] or "",
            start_s=float(fields["start"] or 0.0),
            end_s=float(fields["end"]) if fields["end"] else None,
            severity=float(fields["severity"]) if fields["severity"] else 1.0,
        )
        faults.append(check_fault(fault, tags, f"'{part}'"))
    return faults


def load_faults(path: str | Path, tags: dict[str, Tag]) -> list[Fault]:
    """Faults from a TOML file of ``[[faults]]`` tables; errors name the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise FaultError(
            f"{path}: 고장 파일을 읽을 수 없습니다: {error}", f"{path}: cannot read fault file: {error}"
        ) from None
    entries = data.get("faults", [])
    if not isinstance(entries, list):
        raise FaultError(
            f"{path}: [[faults]] 표의 배열이 필요합니다", f"{path}: expected an array of [[faults]] tables"
        )
    headers = [m.start() for m in re.finditer(r"^[ \t]*\[\[faults\]\]", text, re.MULTILINE)]
    faults = []
    for index, entry in enumerate(entries):
        line = text.count("\n", 0, headers[index]) + 1 if index < len(headers) else 0
        where = f"{path}:{line} (faults[{index}])"
        try:
            fault = Fault(
                kind=str(entry["kind"]),
                target=str(entry["target"]),
                start_s=float(entry.get("start_s", 0.0)),
                end_s=float(entry["end_s"]) if "end_s" in entry else None,
                severity=float(entry.get("severity", 1.0)),
                other=str(entry.get("other", "")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise FaultError(
                f"{where}: kind와 target이 필요하고 시각·severity는 숫자여야 합니다 ({error})",
                f"{where}: needs kind and target; times and severity must be numbers ({error})",
            ) from None
        faults.append(check_fault(fault, tags, where))
    return faults


def read_faults(spec: str, tags: dict[str, Tag]) -> list[Fault]:
    """Faults from a file path (``.toml``) or the compact form."""
    if spec.endswith(".toml") or Path(spec).is_file():
        return load_faults(spec, tags)
    return parse_compact(spec, tags)
