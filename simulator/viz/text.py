"""Every word the simulator shows, in Korean and English (``--lang en``).

Keeping the words in one table makes the screens easy to translate and lets a teacher
check the vocabulary (a접점, 비상정지, 양품률 …) in one place.
"""

from __future__ import annotations

#: key → (Korean, English).
WORDS: dict[str, tuple[str, str]] = {
    # operator panel
    "panel": ("조작반", "Operator panel"),
    "start": ("시작", "START"),
    "stop": ("정지", "STOP"),
    "estop": ("비상정지", "E-STOP"),
    "estop_latched": ("눌림 · 클릭해 해제", "latched · click to twist out"),
    "reset": ("리셋", "RESET"),
    "mode": ("모드", "Mode"),
    "auto": ("자동", "AUTO"),
    "manual": ("수동", "MAN"),
    "stack_light": ("경광등", "Stack light"),
    "buzzer": ("부저", "Buzzer"),
    # top bar
    "time": ("모의 시간", "Sim time"),
    "paused": ("일시정지", "PAUSED"),
    "pause": ("일시정지", "Pause"),
    "resume": ("계속", "Resume"),
    "step": ("1스캔", "1 scan"),
    "plc": ("PLC", "PLC"),
    "internal": ("내부 프로그램", "internal program"),
    "remote": ("원격 I/O", "remote I/O"),
    "modbus": ("Modbus", "Modbus"),
    "modbus_none": ("없음", "none"),
    "modbus_clients": ("접속", "clients"),
    "modbus_last": ("요청", "request"),
    "modbus_watchdog": ("통신 끊김: 출력 OFF", "comm lost: outputs off"),
    "modbus_ok": ("통신 감시 정상", "watchdog ok"),
    "help_hint": ("F1 도움말", "F1 help"),
    "teacher": ("교사", "Teacher"),
    "teacher_hint": ("F2 교사", "F2 teacher"),
    # KPIs
    "kpis": ("생산 지표 (KPI)", "KPIs"),
    "produced": ("생산", "Produced"),
    "good": ("양품", "Good"),
    "defective": ("불량", "Defective"),
    "throughput": ("시간당 생산량", "Throughput"),
    "per_hour": ("개/h", "/h"),
    "oee": ("OEE (설비종합효율)", "OEE"),
    "availability": ("시간가동률", "Availability"),
    "performance": ("성능가동률", "Performance"),
    "quality": ("양품률", "Quality"),
    "energy": ("에너지", "Energy"),
    "bins": ("상자별", "Per bin"),
    # line view
    "feeder": ("공급기", "Feeder"),
    "feeder_down": ("고장", "DOWN"),
    "jam": ("잼!", "JAM!"),
    "blocked": ("막힘", "blocked"),
    "ng_short": ("불량", "NG"),
    "station_working": ("가공 중", "working"),
    "station_idle": ("대기", "idle"),
    "station_broken": ("고장", "DOWN"),
    "station_done": ("완료", "done"),
    "legend_sensed": ("센서 감지", "sensor on"),
    "legend_off": ("꺼짐", "off"),
    "legend_defect": ("빨간 테두리: 불량품", "red rim: defective part"),
    # I/O monitor
    "io_monitor": ("입출력 모니터", "I/O monitor"),
    "address": ("주소", "Addr"),
    "tag": ("태그", "Tag"),
    "description": ("설명", "Description"),
    "value": ("값", "Value"),
    "forced": ("강제", "forced"),
    "force_hint": ("값 클릭: 강제 1 · 강제 0 · 해제 순서", "click a value: force 1 · force 0 · release"),
    "trend": ("추세", "Trend"),
    "trend_hint": ("AI 탭에서 태그를 클릭하면 그 추세를 봅니다", "click an AI tag to trend it"),
    # teacher panel
    "teacher_panel": ("교사 패널 — 고장 주입", "Teacher panel — inject faults"),
    "fault_kind": ("① 고장 종류", "① Fault kind"),
    "fault_target": ("② 대상 태그 (클릭하면 주입)", "② Target tag (click to inject)"),
    "fault_other": ("③ 바꿔 연결할 두 번째 태그", "③ Second tag to swap with"),
    "active_faults": ("진행 중인 고장", "Active faults"),
    "no_faults": ("없음", "none"),
    "clear_faults": ("고장 모두 제거", "Repair all"),
    "reset_scene": ("장면 초기화", "Reset scene"),
    # help
    "help_title": ("단축키", "Keyboard shortcuts"),
}

#: Material names as shown on parts and in labels.
MATERIALS: dict[str, tuple[str, str]] = {
    "metal": ("금속", "metal"),
    "plastic": ("플라스틱", "plastic"),
    "wood": ("나무", "wood"),
}

#: Fault kinds as named in the teacher panel.
FAULT_NAMES: dict[str, tuple[str, str]] = {
    "stuck_on": ("항상 ON", "stuck on"),
    "stuck_off": ("항상 OFF", "stuck off"),
    "noise": ("노이즈", "noise"),
    "drift": ("드리프트", "drift"),
    "dropout": ("신호 끊김", "dropout"),
    "inverted": ("a/b접점 반전", "inverted"),
    "swapped": ("배선 뒤바뀜", "swapped"),
    "jam": ("구동기 걸림", "jam"),
    "slow": ("구동기 느림", "slow"),
    "wear": ("베어링 마모", "bearing wear"),
    "process_drift": ("공정 드리프트", "process drift"),
}


def word(key: str, lang: str = "ko") -> str:
    """The word for ``key`` in ``lang`` (``"ko"`` or ``"en"``)."""
    ko, en = WORDS[key]
    return en if lang == "en" else ko


def material(name: str, lang: str = "ko") -> str:
    """A material's name in ``lang``."""
    ko, en = MATERIALS.get(name, (name, name))
    return en if lang == "en" else ko


def fault_name(kind: str, lang: str = "ko") -> str:
    """A fault kind's name in ``lang``."""
    ko, en = FAULT_NAMES.get(kind, (kind, kind))
    return en if lang == "en" else ko


def short(name: str) -> str:
    """A scene label without its parenthesis: "투입 확인 광전센서 (확산반사형)" → "투입 확인 광전센서"."""
    return name.split(" (")[0]
