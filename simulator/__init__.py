"""Smart Factory Lab (스마트공장 실습실): a virtual factory with a simulated PLC.

Start with :class:`simulator.plant.Plant`.
"""

from __future__ import annotations

__version__ = "0.1.0"
