"""Communication faults a teacher can switch on: a slow, lossy or failing network to the PLC.

Students meet these on real sites: a master must use timeouts and retries, and must
report an exception response instead of treating it as data.

Example::

    service.comm_faults = CommFaults(latency_ms=50, drop_ratio=0.1)   # from now on
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from simulator.errors import LabError


@dataclass
class CommFaults:
    """Faults applied to every request; all off by default."""

    #: Extra delay before each response, in milliseconds.
    latency_ms: float = 0.0
    #: Share of responses not sent at all (0 = none, 1 = all); the request is still executed.
    drop_ratio: float = 0.0
    #: When set, every request is answered with this exception code (1..255) instead of data.
    forced_exception: int | None = None
    #: Seed of the random choice of dropped responses, so a fault exercise repeats exactly.
    seed: int = 0
    _rng: random.Random = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.latency_ms < 0:
            raise LabError("지연 시간은 0 ms 이상이어야 합니다.", "Latency must be at least 0 ms.")
        if not 0.0 <= self.drop_ratio <= 1.0:
            raise LabError("응답 누락 비율은 0과 1 사이여야 합니다.", "The drop ratio must be between 0 and 1.")
        if self.forced_exception is not None and not 1 <= self.forced_exception <= 255:
            raise LabError("강제 예외 코드는 1–255여야 합니다.", "A forced exception code must be 1–255.")
        self._rng = random.Random(self.seed)

    @property
    def latency_s(self) -> float:
        """Extra delay before each response, in seconds."""
        return self.latency_ms / 1000.0

    def drop_this_response(self) -> bool:
        """Draw whether the response now being sent is lost."""
        return self.drop_ratio > 0.0 and self._rng.random() < self.drop_ratio
