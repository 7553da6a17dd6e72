"""Rules a control program must never break, checked on every PLC scan.

A rule is broken at a moment in simulated time; each :class:`Violation` says which rule,
when, on which tag, and — in Korean and English — what happened and where to look.

==========================  ===========================================================
rule                        broken when
==========================  ===========================================================
``estop_ignored``           a scan reads the e-stop as pressed (NC contact open) and still
                            ends with a motor, the feeder or a pusher switched on
``pusher_without_item``     a pusher solenoid switches on while no part is in front of it
``reversal_without_stop``   a reversible belt changes direction without standing still for
                            :data:`REVERSAL_DWELL_S` first, or both contactors are on at once
``chatter``                 one output changes more than :data:`CHATTER_MAX_CHANGES` times
                            within :data:`CHATTER_WINDOW_S`
``collision``               parts collided on the line (from the plant's KPIs)
==========================  ===========================================================
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from simulator.plant.conveyor.views import line_view

#: A reversible motor must stand still this long before it turns the other way, in seconds.
REVERSAL_DWELL_S = 0.5
#: Chatter: more than this many changes of one output …
CHATTER_MAX_CHANGES = 6
#: … within this window, in seconds.
CHATTER_WINDOW_S = 1.0
#: Violations kept per rule (the rest are only counted), so a bad program cannot fill memory.
MAX_KEPT_PER_RULE = 20

#: Rule id → (Korean name, English name).
RULE_NAMES = {
    "estop_ignored": ("비상정지 무시", "e-stop ignored"),
    "pusher_without_item": ("부품 없이 푸셔 동작", "pusher fired with no part"),
    "reversal_without_stop": ("정지 없이 역회전", "reversal without stopping"),
    "chatter": ("출력 채터링", "output chatter"),
    "collision": ("부품 충돌", "collision"),
}


@dataclass(frozen=True)
class Violation:
    """One broken rule."""

    #: Rule id, a key of :data:`RULE_NAMES`.
    rule: str
    #: Simulated time, in seconds.
    time_s: float
    #: The output (or input) tag involved; empty when none.
    tag: str
    ko: str
    en: str


@dataclass(frozen=True)
class LineLayout:
    """What the rules need to know about a scene's outputs, found from the tags' signals."""

    #: The e-stop input tag (NC contact: False while pressed); empty when the scene has none.
    estop_tag: str
    #: Outputs that make something move (belts, feeder, pushers).
    motion_tags: tuple[str, ...]
    #: Pusher solenoid output → pusher name.
    pusher_of: dict[str, str]
    #: Reversible belts: (forward output, reverse output) pairs.
    reversing_pairs: tuple[tuple[str, str], ...]

    @classmethod
    def of_scene(cls, scene: Any) -> LineLayout:
        """Read the layout from a scene's I/O map."""
        estop = next((t.name for t in scene.tags if t.signal == "panel.estop"), "")
        motion: list[str] = []
        pushers: dict[str, str] = {}
        belts: dict[str, dict[str, str]] = {}
        for tag in scene.tags:
            kind, _, rest = (tag.signal or "").partition(".")
            if kind in ("conveyor", "pusher", "feeder"):
                motion.append(tag.name)
            if kind == "pusher":
                pushers[tag.name] = rest.split(".")[0]
            if kind == "conveyor":
                belt, _, direction = rest.partition(".")
                belts.setdefault(belt, {})[direction] = tag.name
        pairs = tuple((d["forward"], d["reverse"]) for d in belts.values() if {"forward", "reverse"} <= set(d))
        return cls(estop, tuple(motion), pushers, pairs)


class RuleBook:
    """Checks the rules after every scan and keeps what was broken."""

    def __init__(self, layout: LineLayout) -> None:
        self.layout = layout
        self.violations: list[Violation] = []
        #: Broken rules counted, kept or not: rule id → count.
        self.counts: dict[str, int] = {}
        self._changes: dict[str, deque[float]] = {}
        self._off_since: dict[str, float] = {}
        self._estop_reported = False
        self._chatter_reported_s: dict[str, float] = {}

    def add(self, rule: str, time_s: float, tag: str, ko: str, en: str) -> None:
        """Record a broken rule."""
        self.counts[rule] = self.counts.get(rule, 0) + 1
        if self.counts[rule] <= MAX_KEPT_PER_RULE:
            self.violations.append(Violation(rule, round(time_s, 3), tag, ko, en))

    def on_change(self, time_s: float, tag: str, value: bool, outputs: dict[str, bool], plant: Any) -> None:
        """Called for every output that changed at the end of a scan."""
        self._check_chatter(time_s, tag)
        if not value:
            self._off_since[tag] = time_s
            return
        if tag in self.layout.pusher_of and not _part_in_front(plant, self.layout.pusher_of[tag]):
            self.add(
                "pusher_without_item",
                time_s,
                tag,
                f"{time_s:.2f}초: 앞에 부품이 없는데 {tag}를 켰습니다. 푸셔 앞 광전센서가 부품을 볼 때만 켜세요.",
                f"{time_s:.2f} s: {tag} switched on with no part in front; fire only when its eye sees a part.",
            )
        for forward, reverse in self.layout.reversing_pairs:
            if tag in (forward, reverse):
                self._check_reversal(time_s, tag, reverse if tag == forward else forward, outputs)

    def after_scan(self, time_s: float, estop_pressed: bool, outputs: dict[str, bool]) -> None:
        """Called at the end of every scan with the outputs the program left."""
        if not estop_pressed:
            self._estop_reported = False
            return
        moving = [t for t in self.layout.motion_tags if outputs.get(t)]
        if moving and not self._estop_reported:
            self._estop_reported = True
            self.add(
                "estop_ignored",
                time_s,
                moving[0],
                f"{time_s:.2f}초: 비상정지가 눌렸는데 스캔이 끝날 때 {', '.join(moving)}이(가) 켜져 있었습니다. "
                "estop_ok(b접점)가 0이면 같은 스캔에서 모든 구동 출력을 끄세요.",
                f"{time_s:.2f} s: the e-stop was pressed but {', '.join(moving)} stayed on at the end of the scan. "
                "When estop_ok (NC) reads 0, switch every motion output off in the same scan.",
            )

    def _check_reversal(self, time_s: float, tag: str, other: str, outputs: dict[str, bool]) -> None:
        if outputs.get(other):
            ko_why, en_why = f"{other}가 아직 켜져 있습니다 (인터록 없음)", f"{other} is still on (no interlock)"
        elif time_s - self._off_since.get(other, -1e9) < REVERSAL_DWELL_S:
            ko_why = f"{other}를 끈 지 {REVERSAL_DWELL_S}초가 지나지 않았습니다"
            en_why = f"{other} went off less than {REVERSAL_DWELL_S} s ago"
        else:
            return
        self.add(
            "reversal_without_stop",
            time_s,
            tag,
            f"{time_s:.2f}초: {tag}를 켰지만 {ko_why}. 정역운전은 정지 후 방향을 바꾸세요.",
            f"{time_s:.2f} s: {tag} switched on but {en_why}. Stop before reversing.",
        )

    def _check_chatter(self, time_s: float, tag: str) -> None:
        times = self._changes.setdefault(tag, deque())
        times.append(time_s)
        while times and times[0] < time_s - CHATTER_WINDOW_S:
            times.popleft()
        reported = self._chatter_reported_s.get(tag, -1e9)
        if len(times) > CHATTER_MAX_CHANGES and time_s - reported >= CHATTER_WINDOW_S:
            self._chatter_reported_s[tag] = time_s
            self.add(
                "chatter",
                time_s,
                tag,
                f"{time_s:.2f}초: {tag}가 {CHATTER_WINDOW_S:g}초 동안 {len(times)}번 바뀌었습니다(채터링). "
                "흔들리는 센서 신호를 그대로 출력에 쓰지 말고 디바운스하세요.",
                f"{time_s:.2f} s: {tag} changed {len(times)} times within {CHATTER_WINDOW_S:g} s (chatter). "
                "Debounce noisy inputs before driving outputs.",
            )

    def add_collisions(self, time_s: float, collisions: int) -> None:
        """Record the plant's collision count at the end of a run."""
        if collisions:
            self.add(
                "collision",
                time_s,
                "",
                f"부품 충돌이 {collisions}번 있었습니다. 컨베이어와 푸셔가 부품을 부딪치게 하지 않는지 보세요.",
                f"{collisions} collision(s) between parts. Check that belts and pushers do not crash parts.",
            )


def _part_in_front(plant: Any, pusher: str) -> bool:
    """Whether a part on the belt is in front of ``pusher`` now (from the plant, not the sensors)."""
    snapshot = plant.snapshot()
    line = line_view(snapshot)
    view = next(p for p in line.pushers if p.name == pusher)
    return any(abs(item.x_m - view.position_m) <= (view.width_m + item.length_m) / 2 for item in line.items)
