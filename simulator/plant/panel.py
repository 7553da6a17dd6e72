"""The operator panel: push-buttons and a selector switch, wired as PLC inputs.

Wiring follows practice (and what 자동화설비기능사 candidates are taught):

- 시작 (start) and 리셋 (reset) are **a접점 (NO)**: the input is 1 while pressed.
- 정지 (stop) is **b접점 (NC)**: the input is 1 while *not* pressed, so a broken wire stops
  the line instead of making it unstoppable.
- 비상정지 (emergency stop) is an NC mushroom button that **latches**: once pressed it stays
  pressed (input 0) until it is twisted out (:meth:`OperatorPanel.release_estop`).
- The selector is 1 in 자동 (auto) and 0 in 수동 (manual).
"""

from __future__ import annotations

#: Buttons and switches of the panel, as named in scene signals (``panel.<name>``).
PANEL_CONTROLS = ("start", "stop", "estop", "reset", "auto")


class OperatorPanel:
    """Physical state of the panel's controls."""

    def __init__(self) -> None:
        #: Momentary buttons currently held down.
        self.held: set[str] = set()
        #: The emergency stop is pressed in (latched).
        self.estop_latched = False
        #: The selector is in 자동 (auto).
        self.auto = True
        #: Increases on every change (so the PLC knows to refresh its inputs).
        self.version = 0

    def press(self, control: str) -> None:
        """Press a button (``estop`` latches; ``auto``/``manual`` set the selector)."""
        if control == "estop":
            self.estop_latched = True
        elif control in ("auto", "manual"):
            self.auto = control == "auto"
        elif control in ("start", "stop", "reset"):
            self.held.add(control)
        else:
            raise ValueError(f"no panel control '{control}' (have {', '.join(PANEL_CONTROLS)}, manual)")
        self.version += 1

    def release(self, control: str) -> None:
        """Let go of a momentary button (the e-stop stays latched; see :meth:`release_estop`)."""
        self.held.discard(control)
        self.version += 1

    def release_estop(self) -> None:
        """Twist the emergency-stop button out again."""
        self.estop_latched = False
        self.version += 1

    def signal(self, control: str) -> bool:
        """Electrical state of the input wired to ``control`` (NC contacts read 1 at rest)."""
        if control == "stop":
            return "stop" not in self.held
        if control == "estop":
            return not self.estop_latched
        if control == "auto":
            return self.auto
        return control in self.held
