"""Keyboard shortcuts: one table, used both by the window and by the F1 help screen."""

from __future__ import annotations

import pygame

from simulator.viz.state import Action

#: (key, action, Korean description, English description). Panel keys act like the mouse:
#: a push-button is held while its key is held.
KEYS: tuple[tuple[int, Action, str, str], ...] = (
    (pygame.K_F1, Action("help"), "도움말 열기/닫기", "show / hide this help"),
    (pygame.K_SPACE, Action("pause"), "일시정지 / 계속", "pause / resume"),
    (pygame.K_PERIOD, Action("step"), "일시정지 중 1스캔 진행", "one PLC scan (while paused)"),
    (pygame.K_1, Action("speed", "1"), "속도 ×1 (실시간)", "speed ×1 (real time)"),
    (pygame.K_2, Action("speed", "2"), "속도 ×2", "speed ×2"),
    (pygame.K_3, Action("speed", "5"), "속도 ×5", "speed ×5"),
    (pygame.K_4, Action("speed", "10"), "속도 ×10", "speed ×10"),
    (pygame.K_s, Action("panel", "start"), "시작 버튼 (누르는 동안)", "START button (while held)"),
    (pygame.K_x, Action("panel", "stop"), "정지 버튼 (누르는 동안)", "STOP button (while held)"),
    (pygame.K_r, Action("panel", "reset"), "리셋 버튼 (누르는 동안)", "RESET button (while held)"),
    (pygame.K_e, Action("panel", "estop"), "비상정지 누르기 / 해제", "E-STOP press / twist out"),
    (pygame.K_m, Action("panel", "mode"), "모드 선택 스위치 (자동 ↔ 수동)", "mode selector (auto ↔ manual)"),
    (pygame.K_TAB, Action("next_tab"), "입출력 모니터 탭 바꾸기", "next I/O monitor tab"),
    (pygame.K_PAGEUP, Action("scroll", "-5"), "입출력 모니터 위로", "scroll the I/O monitor up"),
    (pygame.K_PAGEDOWN, Action("scroll", "5"), "입출력 모니터 아래로", "scroll the I/O monitor down"),
    (
        pygame.K_F2,
        Action("teacher"),
        "교사 패널 (--teacher 로 시작했을 때)",
        "teacher panel (when started with --teacher)",
    ),
    (pygame.K_F12, Action("screenshot"), "화면 저장 (sflab-*.png)", "save a screenshot (sflab-*.png)"),
    (pygame.K_ESCAPE, Action("quit"), "끝내기", "quit"),
)


def action_for_key(key: int) -> Action | None:
    """The action bound to ``key``, or None."""
    return next((action for k, action, _ko, _en in KEYS if k == key), None)


def key_name(key: int) -> str:
    """A key's printed name, such as ``F1``, ``Space`` or ``1``."""
    name = pygame.key.name(key)
    return {"space": "Space", "period": ".", "tab": "Tab", "escape": "Esc", "page up": "PgUp", "page down": "PgDn"}.get(
        name, name.upper()
    )
