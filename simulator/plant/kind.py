"""The plant-kind contract: what a new kind of factory must provide, on one page.

A running plant is two halves. The **frame** is the same for every factory and lives in
:class:`~simulator.plant.plant.Plant`: the SimPy clock, the PLC and its process image, the
operator panel (시작/정지/비상정지/리셋/자동), the stack light, the fault timeline, what faulty
sensors and swapped wires do to signals, the grader's read-ahead and the historian. The
**equipment** is what makes a conveyor line different from a plating line or a robot cell:
the machines, the products, the physics, the records, the KPIs. A *kind* builds equipment.

Adding a kind (say ``tank_line``) is new files, plus one line in each registry:

1. ``simulator/scenes/<kind>.py`` — the scene as a frozen dataclass and a reader
   (``read_…(root, scene_id, source)``), listed in :mod:`simulator.scenes.kinds`. Besides its
   own sections the scene has the fields the frame reads: ``id``, ``kind``, ``title_ko``,
   ``title_en``, ``title(lang)``, ``scan_period_ms``, ``tags``, ``initial_values``, ``source``.
   The file names its kind at the top: ``kind = "tank_line"``.
2. ``simulator/plant/<kind>/`` — a package whose ``__init__`` defines ``KIND = PlantKind(...)``,
   listed in :mod:`simulator.plant.kinds`. Its ``build(context)`` returns an object with the
   methods of :class:`Equipment` below.
3. ``simulator/viz/<kind>_view.py`` — draws the kind's part of the snapshot, listed in
   :mod:`simulator.viz.kinds`.

Everything else — the PLC, Modbus, the desktop window's panels, the notebook pictures,
``sflab sim``, ``sflab bench sim --scene``, the trusted grader — works with the new kind
unchanged. ``docs/architecture.md`` walks through an example.

Signals. Every tag in a scene names a ``signal``; its area says what it is: a digital
input (DI) or output (DO), an analog input (AI, counts from an A/D card) or an analog output
word (AO, counts to a D/A card). The frame wires ``panel.*`` (the operator
panel) and ``light.*`` and ``buzzer`` (the stack light); every other signal is the equipment's: it returns
a reader or a handler for it from :meth:`Equipment.digital_input`, :meth:`~Equipment.analog_input`
and :meth:`~Equipment.output`, once, when the plant is built. The PLC then calls those every
scan, so they should be cheap.

Randomness. A kind lists the purposes it draws random numbers for (``random_purposes``); the
frame gives it one independent stream per purpose, all from the plant's seed, in that order.
Never reorder the list once a kind has shipped — append: the same seed must give the same run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import simpy

from simulator.plant.fault_effects import AnalogChannel
from simulator.plant.faults import Fault
from simulator.plant.kpis import Kpis
from simulator.scenes.model import Scene

#: The random stream the frame itself draws from (chattering and dropping-out sensors).
#: Every kind lists it among its ``random_purposes``.
FAULTS_STREAM = "faults"


@dataclass(frozen=True)
class KindContext:
    """What the frame hands a kind when it builds its equipment."""

    env: simpy.Environment
    scene: Scene
    seed: int
    #: One random stream per purpose the kind listed (``FAULTS_STREAM`` is the frame's).
    rng: Mapping[str, np.random.Generator]
    #: Call when something a digital input reports changed outside the equipment's ``version``.
    bump: Callable[[], None]
    #: Tag name → signal, for faults that name a tag and act on the machine behind it.
    signal_of: dict[str, str]


@dataclass(frozen=True)
class AnalogInput:
    """An analog input as the equipment wires it.

    ``held``: sampled now and then and held in between (a motor's temperature, once a
    second) instead of read every scan. The equipment says when to sample through the
    callback it gets from :meth:`Equipment.set_held_sampler`.
    """

    channel: AnalogChannel
    held: bool = False


class Equipment(Protocol):
    """The machines of one kind of plant, running on the frame's clock.

    The frame calls these; the equipment never calls the PLC. Times are simulated seconds.
    """

    #: Finished products, one frozen dataclass per product (``sflab sim --csv`` writes their
    #: fields as columns); each has ``finished_s`` and ``result`` (``"OK"`` when good).
    records: list[Any]
    #: The dataclass of those records (its fields are the export's columns, even with no record yet).
    record_type: type
    #: Names of the equipment's own attributes a student may reach as ``plant.<name>``
    #: (the conveyor line's ``utilisation()``, say): the frame passes them on.
    exposed: tuple[str, ...]

    @property
    def detail_tables(self) -> Mapping[str, tuple[type, Sequence[Any]]]:
        """More tables for the SQLite export beside ``production``: name → (record type, its records).

        For details that are many per product (the plating line's tank visits, ``visits``); empty for most kinds.
        """

    @property
    def next_event_s(self) -> float:
        """When the equipment's next own event is due (``inf`` when none)."""

    @property
    def version(self) -> int:
        """A count that changes whenever a digital input the equipment wires may have changed."""

    def advance_to(self, now_s: float) -> None:
        """Process the equipment's events due by ``now_s`` (the PLC calls this every scan)."""

    def digital_input(self, signal: str) -> Callable[[], bool]:
        """A reader for a digital signal such as ``sensor.eye_entry``."""

    def analog_input(self, signal: str) -> AnalogInput:
        """The channel behind an analog signal such as ``sensor.height``."""

    def output(self, signal: str) -> Callable[[Any, float], None]:
        """A handler for an output signal, called only when the output changes.

        ``(on, now_s)`` for a digital one such as ``conveyor.infeed.forward``; ``(counts, now_s)``
        for an analog output word (area AO, an int 0..65535: a heater's power). A PLC that stops
        drives every output to its safe state: off, 0.
        """

    def set_held_sampler(self, sample: Callable[[float], None]) -> None:
        """Keep ``sample``: call it whenever the held analog inputs should be read again."""

    def random_bookmark(self, sensor_faults: bool, analog_faults: bool) -> object:
        """Where every random stream a read of the inputs uses stands (for the grader's read-ahead)."""

    def random_restore(self, bookmark: object) -> None:
        """Put those streams back where :meth:`random_bookmark` found them."""

    def faults_changed(self, active: Sequence[Fault], now_s: float) -> None:
        """The faults in force changed: jam, slow or wear the machines they name."""

    def repair(self, now_s: float) -> None:
        """The teacher's "repair all": worn or seized machines as new (faults are cleared apart)."""

    def kpis(self, now_s: float, plc_state: str, plc_fault: str) -> Kpis:
        """The KPIs now.

        Every plant's (OEE, energy …), or a subclass of :class:`Kpis` with the kind's own fields
        and :meth:`Kpis.problems` (what went wrong, counted; the KPI panel shows them).
        """

    def view(self, now_s: float, tags: Mapping[str, bool | int]) -> object:
        """The kind's part of a snapshot: a frozen dataclass the kind's renderer draws."""


@dataclass(frozen=True)
class PlantKind:
    """A kind of plant, registered in :mod:`simulator.plant.kinds` under ``name``."""

    #: The name scenes use: ``[scene] kind = "conveyor_line"``.
    name: str
    ko: str
    en: str
    #: Purposes of the random streams, in the order they are spawned from the seed (see above).
    random_purposes: tuple[str, ...]
    #: Builds the equipment for a scene of this kind.
    build: Callable[[KindContext], Equipment]
