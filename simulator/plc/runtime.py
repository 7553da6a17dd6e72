"""The scan cycle: read inputs, run the program once, write outputs — every scan period.

This is what a real PLC does in RUN mode, and what students must understand to write
correct ladder logic: the program sees a *frozen copy* of the inputs (the process
image), and its outputs reach the actuators only at the end of the scan.

One scan, in order:

1. input refresh — the plant's sensor values are copied into ``io`` (only when they
   changed; analog inputs every scan, because they are noisy);
2. program — the student's function runs once with ``io``;
3. output refresh — changed outputs are applied to the plant's actuators.

If the program raises, runs longer than the watchdog allows, or writes to an input, the
PLC goes to STOP: every output goes to its safe state (off) and :attr:`PlcRuntime.fault`
says what happened and on which line. The simulation keeps running, as a real plant
does when its PLC stops.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from enum import Enum
from typing import Any, Protocol

import simpy

from simulator.plc.clock import ScanClock
from simulator.plc.image import ProcessImage
from simulator.plc.program import PlcFault, ScanFunction, as_scan_function, fault_from_exception
from simulator.plc.watchdog import ScanOverrun

#: Default scan period, in milliseconds (the scene may set its own).
DEFAULT_SCAN_MS = 10.0
#: Allowed scan periods, in milliseconds.
SCAN_MS_RANGE = (1.0, 150.0)
#: CPU time one scan's program may take before the watchdog stops the PLC, in seconds.
DEFAULT_WATCHDOG_S = 0.2
#: A scan that returns after this many watchdog times of *wall-clock* time also stops the PLC
#: (a program that sleeps or waits); generous, so a busy machine never trips it.
WALL_LIMIT_FACTOR = 5.0


class PlcState(Enum):
    """Operating state of the PLC."""

    RUN = "RUN"
    STOP = "STOP"


class Field(Protocol):
    """What the PLC is wired to: the plant's I/O as seen from the terminals."""

    def advance_to(self, now_s: float) -> None:
        """Bring the plant to ``now_s``."""

    def input_version(self) -> object:
        """A value that changes whenever any digital input may have changed."""

    def digital_inputs(self, now_s: float) -> list[bool]:
        """Digital input values, in the image's ``input_names`` order."""

    def analog_inputs(self, now_s: float) -> list[int]:
        """Analog input counts, in the image's ``analog_names`` order."""

    def apply_outputs(self, outputs: tuple[bool | int, ...], now_s: float) -> None:
        """Drive the actuators from the outputs in the image's ``output_names`` order (bits, then words)."""


class PlcRuntime:
    """A PLC scanning a program over a process image wired to a field, on a SimPy clock.

    With ``program=None`` the PLC runs no logic: outputs are whatever an outside master
    writes into ``image.io`` (remote I/O mode over Modbus).
    """

    def __init__(
        self,
        env: simpy.Environment,
        image: ProcessImage,
        field: Field,
        program: object | None = None,
        scan_period_ms: float = DEFAULT_SCAN_MS,
        watchdog_s: float = DEFAULT_WATCHDOG_S,
    ) -> None:
        low, high = SCAN_MS_RANGE
        if not low <= scan_period_ms <= high:
            raise ValueError(f"scan period {scan_period_ms} ms outside {low}..{high} ms")
        self.env = env
        self.image = image
        self.field = field
        self.scan_period_s = scan_period_ms / 1000.0
        self.watchdog_s = watchdog_s
        self.clock = ScanClock()
        self._scan: ScanFunction | None = as_scan_function(program) if program is not None else None
        self.state = PlcState.RUN
        #: Why the PLC stopped, or None while it runs.
        self.fault: PlcFault | None = None
        #: Scans done since start.
        self.scans = 0
        #: Longest program execution seen, in wall-clock seconds.
        self.max_scan_wall_s = 0.0
        #: True while the program's scan function runs; ticks of the watchdog alarm in that scan.
        self.in_program = False
        self.alarm_ticks = 0
        #: Set True to hold outputs off (e.g. a Modbus comm-loss watchdog in remote mode).
        self.outputs_forced_safe = False
        #: Tags forced from the I/O monitor, by name: inputs are forced after the input
        #: refresh, outputs before the output refresh, as a real PLC's forcing works.
        self.forced: dict[str, bool | int] = {}
        self._process = env.process(self._scan_loop())

    @property
    def has_program(self) -> bool:
        """True in internal mode (the PLC runs a program), False in remote-I/O mode."""
        return self._scan is not None

    def force(self, tag: str, value: bool | int | None) -> None:
        """Force ``tag`` to ``value`` (None removes the force), as from a PLC's I/O monitor."""
        if tag not in self.image.by_name:
            raise KeyError(tag)
        if value is None:
            self.forced.pop(tag, None)
        else:
            self.forced[tag] = value if not self.image.by_name[tag].is_bit else bool(value)

    def stop(self, fault: PlcFault) -> None:
        """Go to STOP with ``fault``: outputs to their safe state (every bit off, every word 0)."""
        self.state = PlcState.STOP
        self.fault = fault
        self.image.write_outputs(self.image.safe_outputs)

    def _scan_loop(self) -> Generator[simpy.Event, Any, None]:
        # This loop runs ~100,000 times a simulated second, so whatever it uses every scan is
        # looked up once, here, into local names (the cheapest lookup Python has).
        env, field, image, clock = self.env, self.field, self.image, self.clock
        io = image.io
        timeout, period = env.timeout, self.scan_period_s
        advance_to, input_version = field.advance_to, field.input_version
        digital_inputs, analog_inputs, apply_outputs = field.digital_inputs, field.analog_inputs, field.apply_outputs
        write_digital, write_analog = image.write_digital_inputs, image.write_analog_inputs
        read_inputs, read_outputs = image.read_inputs, image.read_outputs
        perf_counter, RUN = time.perf_counter, PlcState.RUN
        # Only a plain Environment may skip its queue: a RealtimeEnvironment's step waits for the wall clock.
        skip_queue = type(env) is simpy.Environment
        last_version: object = -1
        digital: tuple[bool, ...] = ()
        applied: tuple[bool | int, ...] | None = None
        safe_outputs, has_words = image.safe_outputs, bool(image.word_output_names)
        now = env.now
        while True:
            clock.now_s = now
            # 1. input refresh
            advance_to(now)
            version = input_version()
            if version != last_version:
                digital = tuple(digital_inputs(now))
                write_digital(digital)
                last_version = version
            analog = tuple(analog_inputs(now))
            write_analog(analog)
            forced = self.forced
            if forced:
                for name, value in forced.items():
                    setattr(io, name, value)
                digital, analog = _split(read_inputs(io), len(digital))
                last_version = -1  # refresh from the plant next scan, in case a force is removed
            # 2. program
            scan = self._scan
            if scan is not None and self.state is RUN:
                expected_inputs = digital + analog
                started = perf_counter()
                try:
                    self.alarm_ticks = 0
                    self.in_program = True
                    scan(io)
                except ScanOverrun:
                    self.stop(_watchdog_fault(perf_counter() - started, self.watchdog_s, now))
                except Exception as error:  # a student's bug stops the PLC, never the simulator
                    self.stop(fault_from_exception(error, now, image.by_name))
                finally:
                    self.in_program = False
                elapsed = perf_counter() - started
                if elapsed > self.max_scan_wall_s:
                    self.max_scan_wall_s = elapsed
                    if elapsed > WALL_LIMIT_FACTOR * self.watchdog_s and self.state is RUN:
                        self.stop(_watchdog_fault(elapsed, self.watchdog_s, now))
                if read_inputs(io) != expected_inputs and self.state is RUN:
                    self.stop(_input_write_fault(image, expected_inputs, read_inputs(io), now))
                    last_version = -1  # refresh the inputs the program overwrote
                if has_words and self.state is RUN and (bad := image.bad_word()) is not None:
                    self.stop(_word_fault(*bad, now))
            # 3. output refresh
            if forced:
                for name, value in forced.items():
                    setattr(io, name, value)
            outputs = read_outputs(io)
            if self.outputs_forced_safe:
                outputs = safe_outputs
            if outputs != applied:
                apply_outputs(outputs, now)
                applied = outputs
            self.scans += 1
            next_s = now + period  # the very float SimPy's timeout adds up to
            if skip_queue and env.peek() > next_s:
                # Nothing else is due before the next scan (a part arriving, a button, the end
                # of ``run``): SimPy would only pop this PLC's own timeout and resume it, so the
                # PLC moves the clock itself. The run is exactly the same, about a SimPy step
                # cheaper per scan. (``_now`` is what ``Environment.step`` sets too.)
                env._now = next_s
            else:
                yield timeout(period)
            now = next_s  # where the timeout brings the loop back too


def _split(values: tuple[Any, ...], n_digital: int) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    return values[:n_digital], values[n_digital:]


def _watchdog_fault(elapsed_s: float, limit_s: float, now_s: float) -> PlcFault:
    return PlcFault(
        f"PLC 정지(STOP) {now_s:.2f}초: 스캔 시간 초과(워치독) — 프로그램 1회 실행에 {elapsed_s * 1000:.0f} ms "
        f"(한계 {limit_s * 1000:.0f} ms). 스캔 함수 안에서 기다리거나 반복하지 말고 타이머를 쓰세요.",
        f"PLC STOP at {now_s:.2f} s: scan watchdog — one program run took {elapsed_s * 1000:.0f} ms "
        f"(limit {limit_s * 1000:.0f} ms). Do not wait or loop inside the scan; use timers.",
        now_s,
    )


def _word_fault(name: str, value: Any, now_s: float) -> PlcFault:
    return PlcFault(
        f"PLC 정지(STOP) {now_s:.2f}초: 아날로그 출력 {name}에 {value!r}를 썼습니다. 아날로그 출력은 0~65535의 "
        f"정수(카운트)입니다. 예: io.{name} = round(값).",
        f"PLC STOP at {now_s:.2f} s: analog output {name} was given {value!r}; analog outputs take an integer "
        f"0..65535 (counts), e.g. io.{name} = round(value).",
        now_s,
    )


def _input_write_fault(image: ProcessImage, before: tuple[Any, ...], after: tuple[Any, ...], now_s: float) -> PlcFault:
    names = image.input_names + image.analog_names
    written = [name for name, a, b in zip(names, before, after, strict=True) if a != b]
    return PlcFault(
        f"PLC 정지(STOP) {now_s:.2f}초: 입력 태그 {', '.join(written)}에 값을 썼습니다. 입력은 센서가 정하며 "
        "프로그램은 읽기만 할 수 있습니다.",
        f"PLC STOP at {now_s:.2f} s: the program wrote input tag(s) {', '.join(written)}; inputs are read-only.",
        now_s,
    )
