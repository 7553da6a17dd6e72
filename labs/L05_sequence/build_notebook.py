"""Build ``L05_sequence.ipynb``, the nbgrader source notebook of lab L05, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L05_sequence/build_notebook.py``; the
notebook is written without outputs, and ``tests/labs`` checks it matches this script.
"""

from __future__ import annotations

from grading.course.notebook import (
    given_code,
    hidden,
    lab_header,
    markdown,
    notebook,
    scratch_code,
    solution,
    tests,
    write_beside,
)

#: Lab facts, also stored in the notebook's ``metadata.sflab`` for the curriculum validator.
LAB = {
    "id": "L05",
    "title_ko": "시퀀스 제어와 상태기계: 분류 라인을 스텝으로 나누기",
    "title_en": "Sequence control and state machines: the sorting line as SFC steps",
    "level": "중간2",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L05 시퀀스 제어와 상태기계 — 분류 라인을 스텝으로 나누기",
    goals=[
        "라인의 동작을 SFC의 스텝과 전이 조건으로 나누고, 전이의 우선순위(비상정지 먼저)를 정한다",
        "스텝마다의 동작을 프로그램하고, RUN 스텝에서 높이·재질로 부품을 세 상자에 분류한다",
        "통과 감시 타이머로 걸림을 찾아 라인을 세우고, 리셋·재시작과 비상정지 뒤 복귀를 안전하게 만든다",
    ],
    level="**중간2** — 설비 제어를 자동화합니다 (실시간 제어)",
    minutes="90분 (2차시)",
    scene="`sorting-line-v1` 높이·재질 분류 라인 (`sflab scene show sorting-line-v1`로 입출력 표를 볼 수 있습니다)",
    grading="자동 채점 10점: 1단계 2점 · 2단계 3점 · 3단계 3점 · 4단계 2점",
    note="""
각 단계의 `# 여기에 코드를 작성하세요` 자리에 코드를 쓰고, 바로 아래 채점 셀을 실행해 보세요.
채점 셀이 조용히 끝나면 보이는 테스트는 통과입니다. 실제 채점에서는 **다른 시드, 모의 1시간 운전, 다른 시각의
걸림과 비상정지, 입력의 모든 조합**으로 검사하므로, 보이는 테스트의 답을 외워 쓰면 점수를 받지 못합니다.
""",
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 시퀀스 제어 | 미리 정한 순서에 따라 제어의 각 단계를 차례로 진행하는 제어. 자동화설비기능사 실기의 중심입니다. |
| SFC (순차 기능 차트) | IEC 61131-3의 언어 하나. 프로그램을 **스텝**(네모)과 **전이**(가로 막대)로 그립니다. XG5000(XGI)과 GX Works의 SFC 편집기. |
| 스텝 (step) | 라인이 머무는 한 단계 (대기, 기동 경보, 운전, 걸림, 비상정지). 한 번에 한 스텝만 켜집니다. 이중 테두리는 **초기 스텝**. |
| 전이 조건 (transition) | 지금 스텝에서 다음 스텝으로 넘어가는 조건 (시작 버튼, 타이머 완료, 걸림 …). |
| 동작 (action) | 스텝이 켜져 있는 동안 하는 일 (컨베이어 운전, 경광등 …). |
| 상태기계 (state machine) | 스텝 하나를 변수(`self.state`)에 기억하고, 스캔마다 전이 조건을 보고 다음 스텝을 정하는 프로그램. SFC를 파이썬으로 쓴 것입니다. |
| 우선순위 | 전이 조건 여러 개가 한 스캔에 함께 참일 때 어느 것을 따를지. **비상정지가 언제나 먼저**입니다. |
| 스텝 래더 | 스텝마다 내부 릴레이(M, 또는 XGK의 S 디바이스, MELSEC의 S·STL)를 하나씩 두고 SET/RST로 옮겨 다니는 래더. |
| 기동 경보 | 라인이 움직이기 전에 부저·경광등으로 몇 초 알리는 것. 사람이 라인에서 물러날 시간입니다. |
| 걸림 (잼, jam) | 부품이 컨베이어에 걸려 다음 센서에 제때 도착하지 않는 것. |
| 통과 감시 타이머 | 부품이 두 센서 사이를 정해진 시간 안에 지나가는지 재는 TON. 넘으면 걸림으로 봅니다 (L04의 동작 감시 타이머와 같은 생각). |
| 비상정지 / 리셋 | 비상정지(b접점, 래치)는 모든 구동을 바로 끊습니다. 풀고 나서 **리셋**을 눌러야 다시 시작할 수 있습니다. |
| 순차 기동 | 한꺼번에 켜지 않고 차례로 켜는 것. 여기서는 컨베이어 먼저, 공급기는 3초 뒤. |
| 시프트 레지스터 / 큐 | 검사 결과를 부품 순서대로 기억했다가 부품이 푸셔 앞에 올 때 꺼내 쓰는 기억 장치 (`deque`). |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터, PLC 기능 블록, 그래프 도구를 불러옵니다.
from collections import deque

import matplotlib.pyplot as plt
import koreanize_matplotlib  # noqa: F401  (그래프에 한글이 나오게 합니다)

from simulator.plant import Fault, Plant
from simulator.plc import R_TRIG, TON
from simulator.viz.notebook import animate, show
"""

WATCH = """
## 0단계: 공장 먼저 보기 (채점 없음)

모범 제어 프로그램(`"reference"`)으로 라인을 20초 돌린 뒤의 그림과, 그다음 6초의 움직임을 봅니다.
부품이 어디서 검사되고(높이 레이저, 금속 근접센서), 어느 푸셔가 어느 상자로 미는지 찾아 보세요.

- 높이가 규격(55~65 mm) 밖이면 **불량** → 불량 푸셔 → `bin_ng`
- 규격 안의 **금속** → 금속 푸셔 → `bin_metal`
- 나머지(플라스틱) → 라인 끝 → `bin_plastic`
"""

WATCH_CODE = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)  # 작업자가 시작 버튼을 누릅니다
plant.run(seconds=20)
display(show(plant))  # 20초 뒤의 라인
animate(plant, seconds=6)  # 그 뒤 6초 동안의 움직임 (셀의 마지막 줄이라 화면에 나옵니다)
"""

WATCH_TROUBLE = """
### 걸림과 비상정지: 모범 프로그램은 무엇을 못 하나?

아래 셀은 라인을 170초 돌리며 두 가지 일을 일으킵니다. 시각은 셀 안의 `run_scenario`에 적혀 있습니다.

1. **60~100초: 투입 컨베이어 걸림** (`Fault("jam", "infeed_motor", ...)`). 컨베이어가 돌지 않아 부품이 멈춥니다.
   100초에 작업자가 걸림을 치우고, 105초 리셋, 107초 시작을 누릅니다.
2. **130초: 비상정지.** 140초에 비상정지를 풀고, 142초 리셋, 144초 시작을 누릅니다.

그래프에서 경광등과 생산 수를 보세요. 모범 프로그램은 비상정지는 지키지만 **걸림을 모릅니다**: 40초 동안 부품이
하나도 나오지 않는데 녹색등(운전)이 켜져 있고, 작업자를 부르지도 않습니다. 이 실습에서 고칠 점입니다.
"""

WATCH_TROUBLE_CODE = """
STATES = ["IDLE", "START", "RUN", "JAM", "ESTOP"]


def run_scenario(program, seed=3, jam=(60.0, 100.0), estop_at=130.0):
    \"\"\"라인을 돌리며 걸림과 비상정지를 일으키고, 0.25초마다 출력·생산 수(·스텝)를 기록합니다.\"\"\"
    if isinstance(program, type):
        program = program()  # 클래스면 하나 만들어 두고 state를 읽습니다
    plant = Plant("sorting-line-v1", seed=seed, program=program,
                  faults=[Fault("jam", "infeed_motor", start_s=jam[0], end_s=jam[1])])
    operator = [(0.5, "start"), (jam[1] + 5, "reset"), (jam[1] + 7, "start"),
                (estop_at, "estop"), (estop_at + 12, "reset"), (estop_at + 14, "start")]
    for at_s, control in operator:
        plant.press(control, hold_s=0.3, at_s=at_s)
    rows = []
    while plant.now_s < estop_at + 40:
        plant.run(seconds=0.25)
        if abs(plant.now_s - (estop_at + 10)) < 0.1:
            plant.release_estop()  # 비상정지 버튼을 돌려서 풉니다
        io = plant.io
        rows.append({"t": plant.now_s, "state": getattr(program, "state", None), "produced": len(plant.records),
                     "green": io.lamp_green, "yellow": io.lamp_yellow, "red": io.lamp_red,
                     "belt": io.infeed_motor, "buzzer": io.buzzer})
    return plant, rows, jam, estop_at


def draw_timeline(result, title):
    \"\"\"스텝(있으면), 경광등·컨베이어, 생산 수를 시간 축 하나에 그립니다.\"\"\"
    _, rows, jam, estop_at = result
    t = [r["t"] for r in rows]
    has_state = rows[0]["state"] is not None
    fig, axes = plt.subplots(3 if has_state else 2, 1, figsize=(10, 6.5 if has_state else 4.5), sharex=True)
    if has_state:
        axes[0].step(t, [STATES.index(r["state"]) for r in rows], where="post", color="tab:purple")
        axes[0].set_yticks(range(len(STATES)), STATES)
        axes[0].set_ylabel("스텝")
    lamps = axes[-2]
    for offset, key, color in ((6, "green", "tab:green"), (4, "yellow", "goldenrod"),
                               (2, "red", "tab:red"), (0, "belt", "tab:blue")):
        lamps.step(t, [offset + 1.5 * r[key] for r in rows], where="post", color=color)
    lamps.set_yticks([0.75, 2.75, 4.75, 6.75], ["투입 컨베이어", "적색등 (이상)", "황색등 (대기·경보)", "녹색등 (운전)"])
    lamps.set_ylim(-0.5, 8.0)
    produced = axes[-1]
    produced.plot(t, [r["produced"] for r in rows], color="black")
    produced.set_ylabel("상자에 든 부품 (개)")
    produced.set_xlabel("시간 (초)")
    for ax in axes:
        ax.axvspan(*jam, color="tab:orange", alpha=0.15)
        ax.axvspan(estop_at, estop_at + 10, color="tab:red", alpha=0.12)
    top = produced.get_xaxis_transform()  # x는 시간, y는 그래프 높이의 비율
    produced.text(jam[0] + 1, 0.95, "걸림 (투입 컨베이어)", transform=top, va="top", color="tab:orange")
    produced.text(estop_at + 1, 0.95, "비상정지", transform=top, va="top", color="tab:red")
    axes[0].set_title(title)
    plt.tight_layout()
    plt.show()


draw_timeline(run_scenario("reference"), "모범 프로그램(reference): 비상정지는 지키지만 걸림은 모릅니다")
"""

STEP1 = """
## 1단계: SFC 그리기와 전이 함수 (2점)

라인 전체를 다섯 스텝으로 나눕니다. 한 번에 **한 스텝만** 켜져 있고, 스캔마다 전이 조건을 보고 다음 스텝을 정합니다.

```
          ╔═════════╗
          ║  IDLE   ║ ── 대기: 모두 정지, 황색등
          ╚════╤════╝
               ┿  start AND NOT stop          (시작 버튼 상승 에지, 정지 버튼 안 눌림)
          ┌────┴────┐
          │  START  │ ── 기동 경보: 황색등 + 부저, 컨베이어는 아직 정지 (TON 3초)
          └────┬────┘
               ┿  warned                      (기동 경보 3초 끝)
          ┌────┴────┐
          │   RUN   │ ── 운전: 컨베이어, 공급기(3초 뒤), 분류, 녹색등
          └────┬────┘
               ┿  jam                         (통과 감시 TON 6초 끝)
          ┌────┴────┐
          │   JAM   │ ── 걸림: 모두 정지, 적색등 + 부저
          └────┬────┘
               ┿  reset                       (작업자가 걸림을 치우고 리셋)
               └──────────→ IDLE

   START·RUN ─┿ stop ──→ IDLE                 (정지 버튼)
   모든 스텝 ─┿ estop ──→ ┌─────────┐
                          │  ESTOP  │ ── 비상정지: 푸셔까지 모두 바로 정지, 적색등
                          └────┬────┘
                               ┿  reset AND NOT estop ──→ IDLE
```

**우선순위** — 한 스캔에 조건 여러 개가 함께 참이면 위에 있는 것을 따릅니다.

| 순서 | 지금 스텝 | 조건 | 다음 스텝 |
|---|---|---|---|
| 1 | 모든 스텝 | `estop` (비상정지가 눌려 있음) | `"ESTOP"` — 리셋을 누르고 있어도! |
| 2 | `JAM`, `ESTOP` | `reset` | `"IDLE"` (아니면 그대로) |
| 3 | `IDLE` | `start` 그리고 `stop`이 아님 | `"START"` (아니면 그대로) |
| 4 | `START`, `RUN` | `jam` | `"JAM"` — 정지 버튼보다 먼저: 걸림은 알려야 합니다 |
| 5 | `START`, `RUN` | `stop` | `"IDLE"` |
| 6 | `START` | `warned` | `"RUN"` |
| 7 | 그 밖 | | 지금 스텝 그대로 |

함수 `next_state(state, estop, stop, start, reset, jam, warned)`를 완성하세요. 입력은 모두 **뜻 그대로의** 참/거짓입니다
(`estop=True`는 비상정지가 눌려 있다는 뜻: b접점을 뒤집는 일은 3단계의 `SortingLine`이 합니다).
돌려주는 값은 다섯 문자열 `"IDLE"`, `"START"`, `"RUN"`, `"JAM"`, `"ESTOP"` 중 하나입니다.

**래더로는 이렇습니다** (XG5000 모양의 스텝 래더, M0~M4가 스텝 릴레이). 전이 하나가 가로줄 하나입니다:
앞 스텝과 조건이 켜지면 다음 스텝을 SET, 앞 스텝을 RST 합니다. 비상정지 줄을 **맨 아래**에 두면
마지막에 쓴 것이 이기므로(스캔은 위에서 아래로) 비상정지가 가장 우선이 됩니다.

```
   M0(IDLE)  start↑    stop(b)                        ┌[SET M1]  IDLE → START
───┤ ├──────┤P├──────┤ ├──────────────────────────────┴[RST M0]
   M1(START) T0(3초)                                  ┌[SET M2]  START → RUN
───┤ ├──────┤ ├───────────────────────────────────────┴[RST M1]
   M2(RUN)   T1(6초)                                  ┌[SET M3]  RUN → JAM
───┤ ├──────┤ ├───────────────────────────────────────┴[RST M2]
   M3(JAM)   reset                                    ┌[SET M0]  JAM → IDLE
───┤ ├──────┤ ├───────────────────────────────────────┴[RST M3]
   estop_ok(b)                                        ┌[SET M4]  모든 스텝 → ESTOP
───┤/├────────────────────────────────────────────────┴[BRST M0 4] (M0~M3 끄기)
```

(정지 버튼 줄과 ESTOP → IDLE 줄은 같은 모양이라 줄였습니다. MELSEC에서는 `BRST` 대신 `ZRST`, 또는
FX의 `STL`/`RET` 스텝 래더와 GX Works의 SFC로 같은 것을 씁니다.)
"""

NEXT_STATE = """
def next_state(state, estop, stop, start, reset, jam, warned):
    \"\"\"지금 스텝(state)과 전이 조건으로 다음 스텝을 정합니다 (SFC의 전이).\"\"\"
    ### BEGIN SOLUTION
    if estop:  # 1. 비상정지: 어느 스텝에서나, 무엇보다 먼저
        return "ESTOP"
    if state in ("JAM", "ESTOP"):  # 2. 이상 스텝은 리셋으로만 나갑니다
        return "IDLE" if reset else state
    if state == "IDLE":  # 3. 시작 에지, 정지 버튼이 안 눌렸을 때만
        return "START" if start and not stop else "IDLE"
    if jam:  # 4. START·RUN: 걸림이 정지 버튼보다 먼저
        return "JAM"
    if stop:  # 5.
        return "IDLE"
    if state == "START" and warned:  # 6. 기동 경보가 끝나면 운전
        return "RUN"
    return state  # 7. 그대로
    ### END SOLUTION
"""

TRY_NEXT_STATE = """
# 여기서 next_state를 시험해 보세요 (채점 없음). 예: 운전 중에 걸림과 정지가 한 스캔에 함께 오면?
# print(next_state("RUN", estop=False, stop=True, start=False, reset=False, jam=True, warned=False))
"""

TRANSITION_TESTS = f"""
# 1단계 채점 (2점). 보이는 테스트: SFC의 화살표 하나하나 (14가지 경우).
# 채점 때는 다섯 스텝 × 입력 여섯 개의 모든 조합(320가지)으로 우선순위까지 봅니다.
from grading.labs import l05
l05.check_transitions(next_state)
{
    hidden('''
l05.check_transitions(next_state, every_case=True)''')
}
"""

STEP2 = """
## 2단계: RUN 스텝의 동작 — 높이와 재질로 세 상자에 분류하기 (3점)

RUN 스텝에서 라인이 하는 일은 모범 프로그램과 같습니다. `Sorter` 클래스가 그 일을 맡습니다.

1. **검사** (주어진 코드 `inspect`): 부품이 검사 위치(`inspect_eye`)를 지나는 동안 가장 높은 높이(L02의 환산)와
   금속 여부(`metal_prox`)를 보고, 다 지나가면 결정 `"ng"`, `"metal"`, `"plastic"`을 큐 `self.to_metal_pusher`에 넣습니다.
2. **분류** (여러분이 쓸 `sort`): 부품이 푸셔 앞에 오면 큐에서 결정을 **하나** 꺼냅니다.
   - `metal_eye`의 상승 에지: `to_metal_pusher`에서 꺼내 `"metal"`이면 금속 푸셔를 켜고(자기유지),
     아니면 그 결정을 `to_ng_pusher`에 넣어 다음 푸셔로 넘깁니다.
   - `ng_eye`의 상승 에지: `to_ng_pusher`에서 꺼내 `"ng"`이면 불량 푸셔를 켭니다. `"plastic"`은 그냥 보냅니다.
   - 푸셔는 **전진단 리밋 스위치**(`pusher_metal_front`, `pusher_ng_front`)가 켜질 때까지 켜 둡니다 (L04).
   - 큐가 비어 있으면 꺼내지 마세요 (`if self.to_ng_pusher:`).

**왜 큐일까요?** L04에서는 기억 한 칸이면 충분했습니다: 검사 위치에서 금속 푸셔까지 57 cm, 부품 간격은 65 cm 이상.
그런데 금속 푸셔에서 불량 푸셔까지는 70 cm라서 그 사이에 부품이 **두 개** 있을 수 있습니다. 한 칸짜리 기억은
드물게, 한 시간에 몇 번 덮어써져서 엉뚱한 부품을 밉니다. PLC에서는 이것을 시프트 레지스터(또는 FIFO 명령)로 합니다.

```python
q = deque()
q.append("metal")   # 뒤에 넣기
q.append("ng")
q.popleft()         # 앞에서 꺼내기 → "metal"
len(q), bool(q)     # (1, True): 남은 개수, 비었는지
```

채점기는 여러분의 `Sorter`를 컨베이어가 계속 도는 라인에 넣고 (상태기계 없이) **모의 1시간**을 돌려,
오분류 0개, 충돌 0번, 규칙 위반 0건인지 봅니다. 모의 1시간은 몇 초면 끝납니다.
"""

SORTER = """
class Sorter:
    \"\"\"RUN 스텝의 동작: 검사 위치에서 높이·재질로 결정하고, 부품이 푸셔 앞에 오면 밉니다.\"\"\"

    def __init__(self):
        # 주어진 코드: 검사 기억과 결정 큐
        self.inspecting = False
        self.max_height_mm = 0.0
        self.saw_metal = False
        self.to_metal_pusher = deque()  # 검사 위치 ~ 금속 푸셔 사이 부품들의 결정
        self.to_ng_pusher = deque()  # 금속 푸셔 ~ 불량 푸셔 사이 부품들의 결정
        self.fire_metal = False  # 금속 푸셔 솔레노이드 (자기유지)
        self.fire_ng = False  # 불량 푸셔 솔레노이드 (자기유지)
        ### BEGIN SOLUTION
        self.at_metal_pusher = R_TRIG()
        self.at_ng_pusher = R_TRIG()
        ### END SOLUTION

    def scan(self, io):
        self.inspect(io)
        self.sort(io)

    def inspect(self, io):
        \"\"\"주어진 코드: 지나가는 동안 가장 높은 높이와 금속 여부를 보고, 다 지나가면 결정을 큐에 넣습니다.\"\"\"
        if io.inspect_eye:
            height_mm = 200.0 - (50.0 + io.height_raw * 200.0 / 32000)  # L02의 환산
            self.max_height_mm = max(self.max_height_mm, height_mm)
            if io.metal_prox:
                self.saw_metal = True
        elif self.inspecting:  # 부품이 방금 검사 위치를 지났습니다
            if not io.height_limit_low_mm <= self.max_height_mm <= io.height_limit_high_mm:
                decision = "ng"
            elif self.saw_metal:
                decision = "metal"
            else:
                decision = "plastic"
            self.to_metal_pusher.append(decision)
            self.max_height_mm, self.saw_metal = 0.0, False
        self.inspecting = io.inspect_eye

    def sort(self, io):
        \"\"\"부품이 푸셔 앞에 오면 결정을 하나 꺼내 밀거나 다음 푸셔로 넘기고, 전진단까지 밉니다.\"\"\"
        ### BEGIN SOLUTION
        if self.at_metal_pusher(io.metal_eye) and self.to_metal_pusher:
            decision = self.to_metal_pusher.popleft()
            if decision == "metal":
                self.fire_metal = True
            else:
                self.to_ng_pusher.append(decision)  # 금속이 아니면 다음 푸셔로 넘깁니다
        if self.at_ng_pusher(io.ng_eye) and self.to_ng_pusher:
            if self.to_ng_pusher.popleft() == "ng":
                self.fire_ng = True
        if io.pusher_metal_front:  # 끝까지 나갔으면 놓아 줍니다 (L04)
            self.fire_metal = False
        if io.pusher_ng_front:
            self.fire_ng = False
        io.pusher_metal_out = self.fire_metal
        io.pusher_ng_out = self.fire_ng
        ### END SOLUTION

    def abort(self, io):
        \"\"\"주어진 코드: 비상정지 — 솔레노이드를 끄고 밀던 기억을 지웁니다 (결정 큐는 그대로 둡니다).\"\"\"
        self.fire_metal = self.fire_ng = False
        io.pusher_metal_out = io.pusher_ng_out = False
"""

TRY_SORTER = """
# 여기서 Sorter를 시험해 보세요 (채점 없음). 컨베이어를 계속 돌리는 작은 프로그램에 넣어 10분 돌립니다.
# class BeltsAndSorter:
#     def __init__(self):
#         self.sorter = Sorter()
#     def scan(self, io):
#         io.feeder_on = io.infeed_motor = io.sorter_forward = io.estop_ok
#         self.sorter.scan(io)
#
# plant = Plant("sorting-line-v1", seed=1, program=BeltsAndSorter)
# plant.run(minutes=10)
# k = plant.kpis()
# print("생산", k.produced, "/ 오분류", k.mis_sorts, "/ 충돌", k.collisions, "/", k.bins)
"""

SORTING_TESTS = f"""
# 2단계 채점 (3점). 보이는 테스트: 시드 1, 모의 10분. 채점 때는 다른 시드로 모의 1시간을 봅니다.
from grading.labs import l05
l05.check_sorting(Sorter, seed=1, minutes=10)
{
    hidden('''
l05.check_sorting(Sorter, seed=7, minutes=60)''')
}
"""

STEP3 = """
## 3단계: 상태기계로 라인 전체 움직이기 — 걸림에서 복귀하기 (3점)

`SortingLine`이 라인 전체의 PLC 프로그램입니다. 한 스캔은 **감시 → 전이 → 동작** 순서입니다 (주어진 `scan`).
두 메서드를 완성하세요.

### ① `watch_transit(io)`: 통과 감시 타이머

부품은 투입 광전센서(`entry_eye`, 0.45 m)에서 검사 위치(`inspect_eye`, 1.45 m)까지 1 m를 0.25 m/s로,
**4초**에 갑니다. 그 사이에서 걸리면 검사 위치에 오지 않습니다.

1. `entry_eye`의 상승 에지마다 '지나가는 중' 부품 수 `self.in_transit`를 1 올리고,
   `inspect_eye`의 상승 에지마다 1 내립니다 (0보다 작아지지 않게).
2. `TON(PT=6.0)`의 입력: **RUN 스텝이고, 지나가는 중인 부품이 있고, 이번 스캔에 도착한 부품이 없을 때**.
   부품이 도착하면 타이머가 다시 시작되고, 컨베이어가 서 있는 다른 스텝에서는 재지 않습니다.
3. 타이머의 출력을 `jam`으로 돌려줍니다. PT가 4초보다 짧으면 정상 부품에도 **오경보**가 납니다.

### ② `act(io)`: 스텝마다의 동작 (SFC의 액션)

| 스텝 | 컨베이어 (`infeed_motor`, `sorter_forward`) | 공급기 `feeder_on` | 푸셔 | 녹색 | 황색 | 적색 | 부저 |
|---|---|---|---|---|---|---|---|
| IDLE | 정지 | 정지 | `self.sorter.scan(io)` (하던 밀기만 마칩니다) | | ● | | |
| START | 정지 | 정지 | `self.sorter.scan(io)` | | ● | | ● |
| RUN | 운전 | RUN이 되고 **3초 뒤**부터 (TON) | `self.sorter.scan(io)` | ● | | | |
| JAM | 정지 | 정지 | `self.sorter.scan(io)` | | | ● | ● |
| ESTOP | 정지 | 정지 | `self.sorter.abort(io)` (**바로** 끔) | | | ● | |

- `sorter_reverse`는 언제나 `False`입니다.
- **순차 기동**: 라인이 서 있는 동안 공급기는 다음 부품을 들고 기다립니다. RUN이 되자마자 공급기를 켜면 그 부품이
  앞 부품 바로 뒤(10 cm)에 놓여, 푸셔가 두 부품을 함께 칩니다(충돌). 컨베이어를 먼저 돌리고 공급기는 `TON(PT=3.0)`으로 켜세요.
- 결정 큐는 멈췄다 다시 돌 때도 **지우지 않습니다**: 멈춘 부품들은 벨트 위 같은 자리에서 다시 출발합니다.

래더로는 스텝 릴레이의 a접점으로 출력을 켭니다. 출력 하나는 래더에서 **한 번만** 씁니다(이중 코일 금지):
여러 스텝에서 켜는 출력은 접점을 병렬로 묶습니다.

```
   M2(RUN)                                               infeed_motor
───┤ ├─────────────────────────────────────────────────────( )──
   M2(RUN)                                  ┌─────────┐
───┤ ├──────────────────────────────────────┤ TON T2  │ 3초
                                            └─────────┘
   T2                                                    feeder_on
───┤ ├─────────────────────────────────────────────────────( )──
      M3(JAM)                                            lamp_red
───┬───┤ ├───┬─────────────────────────────────────────────( )──
   │  M4(ESTOP)
   └───┤ ├───┘
   entry_eye                                             [INC D1]   지나가는 중 +1
───┤P├──────────────────────────────────────────────────────
   inspect_eye                                           [DEC D1]   도착 -1 (D1 > 0일 때)
───┤P├──────────────────────────────────────────────────────
   M2(RUN)    D1 > 0      M10                ┌─────────┐
───┤ ├──────[> D1 0]────┤/├─────────────────┤ TON T1  │ 6초 → 걸림
                                            └─────────┘
```

`┤P├`는 상승 에지 접점(R_TRIG), `[> D1 0]`은 비교 접점, M10은 `inspect_eye`의 상승 에지에서 한 스캔 켜지는
도착 펄스입니다.

채점기는 라인을 돌리다가, 부품이 두 센서 사이에 있을 때 투입 컨베이어를 **30초 동안 걸리게** 합니다.
8초 안에 적색등이 켜지고 컨베이어와 공급기가 서야 하며, 걸림을 치우고 3초 뒤 리셋, 5초 뒤 시작을 누르면
기동 경보를 거쳐 다시 돌고, 걸렸던 부품까지 모두 맞는 상자로 가야 합니다 (충돌·오분류 없이).
"""

SORTING_LINE = """
class SortingLine:
    \"\"\"분류 라인 전체를 SFC 스텝(IDLE, START, RUN, JAM, ESTOP)으로 움직입니다.\"\"\"

    def __init__(self):
        # 주어진 코드
        self.state = "IDLE"  # 지금 켜져 있는 스텝 (초기 스텝)
        self.sorter = Sorter()  # RUN 스텝의 동작 (2단계)
        self.start_edge = R_TRIG()  # 시작 버튼의 상승 에지
        self.warning = TON(PT=3.0)  # START 스텝의 기동 경보 3초
        ### BEGIN SOLUTION
        self.entered = R_TRIG()  # 투입 광전센서에 부품이 들어옴
        self.arrived = R_TRIG()  # 검사 위치에 부품이 도착함
        self.in_transit = 0  # 두 센서 사이를 지나는 중인 부품 수
        self.transit = TON(PT=6.0)  # 통과 감시 타이머 (정상은 4초)
        self.feed_delay = TON(PT=3.0)  # 순차 기동: 공급기는 컨베이어보다 3초 늦게
        ### END SOLUTION

    def scan(self, io):
        # 주어진 코드: 한 스캔 = 감시 → 전이 → 동작
        jam = self.watch_transit(io)
        warned = self.warning(IN=self.state == "START")
        self.state = next_state(
            self.state,
            estop=not io.estop_ok,  # 비상정지: b접점이라 눌리면 0
            stop=not io.stop_button,  # 정지 버튼: b접점이라 눌리면 0
            start=self.start_edge(io.start_button),
            reset=io.reset_button,
            jam=jam,
            warned=warned,
        )
        self.act(io)

    def watch_transit(self, io):
        \"\"\"통과 감시: 지나가는 중인 부품이 6초 넘게 검사 위치에 오지 않으면 True (걸림).\"\"\"
        ### BEGIN SOLUTION
        if self.entered(io.entry_eye):
            self.in_transit += 1
        arrived = self.arrived(io.inspect_eye)
        if arrived and self.in_transit > 0:
            self.in_transit -= 1
        waiting = self.state == "RUN" and self.in_transit > 0 and not arrived
        return self.transit(IN=waiting)
        ### END SOLUTION

    def act(self, io):
        \"\"\"스텝마다의 동작 (SFC의 액션): 지금 스텝에 맞게 출력을 정합니다.\"\"\"
        ### BEGIN SOLUTION
        run = self.state == "RUN"
        io.infeed_motor = run
        io.sorter_forward = run
        io.sorter_reverse = False
        io.feeder_on = self.feed_delay(IN=run)  # 순차 기동: 컨베이어가 3초 돈 뒤에 공급
        if self.state == "ESTOP":
            self.sorter.abort(io)  # 비상정지: 푸셔까지 바로 끕니다
        else:
            self.sorter.scan(io)  # 다른 스텝에서는 시작한 밀기를 끝까지 마칩니다
        io.lamp_green = run
        io.lamp_yellow = self.state in ("IDLE", "START")
        io.lamp_red = self.state in ("JAM", "ESTOP")
        io.buzzer = self.state in ("START", "JAM")
        ### END SOLUTION
"""

TRY_LINE = """
# 여기서 SortingLine을 시험해 보세요 (채점 없음). 0단계와 같은 걸림·비상정지 시나리오에 스텝까지 그립니다.
# draw_timeline(run_scenario(SortingLine), "내 SortingLine: 스텝과 경광등")
"""

JAM_TESTS = f"""
# 3단계 채점 (3점). 보이는 테스트: 시드 2, 120초 뒤 부품이 두 센서 사이에 있을 때 30초 걸림.
# 채점 때는 다른 시드와 시각으로 봅니다.
from grading.labs import l05
l05.check_jam_recovery(SortingLine, seed=2, jam_after_s=120)
{
    hidden('''
l05.check_jam_recovery(SortingLine, seed=5, jam_after_s=200)
l05.check_jam_recovery(SortingLine, seed=11, jam_after_s=75)''')
}
"""

STEP4 = """
## 4단계: 비상정지와 재시작 (2점)

3단계의 `SortingLine`을 그대로 채점합니다. 코드를 더 쓸 필요가 없다면 채점 셀만 실행하세요.
채점기는 라인이 돌다가 푸셔가 쉬는 순간 비상정지를 누르고, 작업자처럼 이렇게 합니다.

| 비상정지 뒤 | 작업자 | 라인이 해야 할 일 |
|---|---|---|
| 0초 | 비상정지 누름 | 같은 스캔에 공급기·컨베이어·**푸셔**를 모두 끄고 적색등 |
| 3초 | 비상정지가 눌린 채로 리셋 | 아무 일 없음: ESTOP에 그대로 (적색등 유지) |
| 8초 | 비상정지 해제 | 그래도 ESTOP (해제만으로는 움직이지 않습니다) |
| 10초 | 시작 (리셋 전) | 아무 일 없음 |
| 13초 | 리셋 | ESTOP → IDLE (적색등 꺼짐, 황색등) |
| 15초 | 시작 | START: 3초 기동 경보(부저·황색등), 컨베이어는 아직 정지 → RUN: 다시 분류 |

비상정지는 **안전 회로**라서 현장에서는 PLC 프로그램과 별도로 안전 릴레이가 동력을 끊습니다. PLC 프로그램은
그 상태를 기억하고, 리셋 전에는 다시 움직이지 않게 하는 몫을 맡습니다.
"""

ESTOP_TESTS = f"""
# 4단계 채점 (2점). 보이는 테스트: 시드 3, 90초 뒤 푸셔가 쉬는 순간 비상정지.
# 채점 때는 다른 시드와 시각으로 봅니다.
from grading.labs import l05
l05.check_estop_restart(SortingLine, seed=3, estop_after_s=90)
{
    hidden('''
l05.check_estop_restart(SortingLine, seed=7, estop_after_s=90)
l05.check_estop_restart(SortingLine, seed=12, estop_after_s=150)''')
}
"""

WRAP_UP = """
## 정리

- 라인의 동작을 **스텝**(머무는 단계)과 **전이 조건**(넘어가는 조건)으로 나누면, 복잡한 시퀀스도 그림 한 장(SFC)으로
  설명되고, 그림과 프로그램이 한 줄씩 맞습니다: 파이썬의 `self.state` = 스텝 릴레이 M0~M4, `next_state` = 전이 줄(SET/RST),
  `act` = 스텝 접점으로 켜는 출력 줄, `TON` = 타이머 T.
- 전이의 **우선순위**는 안전입니다. 비상정지는 어느 스텝에서나 가장 먼저, 이상 스텝(JAM, ESTOP)은 리셋으로만 나갑니다.
- 고장은 **시간으로** 찾습니다 (통과 감시 타이머). 정상 시간(4초)보다 넉넉하게, 컨베이어가 도는 동안만 잽니다.
- 재시작은 **차례대로**: 기동 경보 → 컨베이어 → 공급기. 부품을 추적하는 기억(큐)은 멈췄다 다시 돌아도 그대로 둡니다.
- 이 모두가 스마트공장 **중간2** 수준, 설비 제어의 자동화입니다. 스텝이 HMI와 경광등에 보이면 작업자는 라인이
  왜 서 있는지 바로 압니다. 스텝이 바뀐 시각을 기록하면(L07) 비가동 시간과 원인을 모아 OEE의 시간가동률을 구할 수 있습니다.

**더 생각해 보기** (채점 없음)

- 두 센서 사이에 부품이 **없을 때** 투입 컨베이어가 걸리면 통과 감시 타이머는 알아채지 못합니다
  (`run_scenario(SortingLine, seed=1)`로 보세요). 공급기가 켜져 있고 정상(`feeder_ready`)인데 `entry_eye`에
  20초 넘게 부품이 오지 않으면 알리는 '공급 감시' 타이머를 더해 보세요.
- 지금 스텝 번호를 데이터 레지스터에 쓰면(`io.D1 = STATES.index(self.state)`) HMI나 Modbus(L06, 40102번)로
  라인 밖에서 스텝을 볼 수 있습니다.

> ### 🏭 실무 연결
> 자동차 부품 공장의 조립·검사 라인 PLC 프로그램은 거의 모두 이런 **스텝 구조**입니다: 원점 복귀 → 기동 대기 →
> 자동 운전 → 이상 정지 → 리셋. XG5000에서는 스텝 릴레이(M 또는 S 디바이스)와 SET/RST로, 큰 설비는 SFC로 짜고,
> HMI에는 "현재 스텝 번호"와 이상 메시지("투입 컨베이어 걸림 — 부품을 치우고 리셋")를 띄웁니다.
> 보전 담당자는 라인이 멈추면 **어느 스텝에서 어떤 전이 조건을 기다리는지**부터 봅니다.
> 비상정지 뒤에는 해제 → 리셋 → 기동 경보 → 재기동 순서를 지키는 것이 산업안전보건 기준의 기본이고,
> 자동화설비기능사·산업기사 실기의 시퀀스 과제(자기유지, 인터록, 타이머로 공정 순서 만들기)와 같은 생각입니다.
"""


def build() -> object:
    """The L05 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l05_header", HEADER),
        markdown("l05_glossary", GLOSSARY),
        given_code("l05_setup", SETUP),
        markdown("l05_step0", WATCH),
        scratch_code("l05_watch", WATCH_CODE),
        markdown("l05_trouble", WATCH_TROUBLE),
        scratch_code("l05_trouble_chart", WATCH_TROUBLE_CODE),
        markdown("l05_step1", STEP1),
        solution("l05_next_state_answer", NEXT_STATE),
        scratch_code("l05_try_next_state", TRY_NEXT_STATE),
        tests("l05_transitions", 2, TRANSITION_TESTS),
        markdown("l05_step2", STEP2),
        solution("l05_sorter_answer", SORTER),
        scratch_code("l05_try_sorter", TRY_SORTER),
        tests("l05_sorting", 3, SORTING_TESTS),
        markdown("l05_step3", STEP3),
        solution("l05_line_answer", SORTING_LINE),
        scratch_code("l05_try_line", TRY_LINE),
        tests("l05_jam", 3, JAM_TESTS),
        markdown("l05_step4", STEP4),
        tests("l05_estop", 2, ESTOP_TESTS),
        markdown("l05_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
