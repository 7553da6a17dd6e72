"""Build ``L03_interlock.ipynb``, the nbgrader source notebook of lab L03, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L03_interlock/build_notebook.py``; the
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
    "id": "L03",
    "title_ko": "액추에이터와 자기유지·인터록: 시작·정지, 정역운전, 비상정지",
    "title_en": "Actuators, self-holding and interlocks: start/stop, forward/reverse and the e-stop",
    "level": "중간2",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


#: Learning goals, as in the header table and the curriculum track.
GOALS = (
    "자기유지회로를 스캔 함수로 만들고, 정지와 시작이 함께 눌리면 정지가 이기게 한다",
    "정회전과 역회전을 인터록으로 묶어 두 출력이 함께 켜지지 않게 한다",
    "비상정지가 모든 것을 이기고, 해제만으로는 라인이 다시 움직이지 않게 한다",
)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A markdown table (rows written as tuples so the builder's lines stay short)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


HEADER = lab_header(
    "L03 액추에이터와 자기유지·인터록 — 시작·정지, 정역운전, 비상정지",
    goals=GOALS,
    level="**중간2** — 설비 제어를 자동화합니다 (실시간 제어, 인터록)",
    minutes="90분 (2차시): 0단계 15분 · 1단계 25분 · 2단계 25분 · 3단계 15분 · 정리 10분",
    scene="`sorting-line-v1` 높이·재질 분류 라인 (`sflab scene show sorting-line-v1`로 입출력 표를 볼 수 있습니다)",
    grading="자동 채점 10점: 1단계 자기유지 3점 · 정지 우선 2점 · 2단계 인터록 3점 · 3단계 비상정지 2점",
    note="""
수업에서 XG5000(LS ELECTRIC)이나 MELSEC(미쓰비시)으로 그리는 **래더 다이어그램**을 오늘은 파이썬 스캔 함수로
씁니다. 단계마다 래더 그림과 파이썬 코드를 나란히 놓았으니, 접점 하나가 코드의 어느 부분이 되는지 짝지어 보세요.

각 단계의 `# 여기에 코드를 작성하세요` 자리에 코드를 쓰고, 바로 아래 채점 셀을 실행해 보세요. 채점 셀이 조용히
끝나면 보이는 테스트는 통과입니다. 채점기는 조작반 버튼을 **정해진 시각표**대로 누르고, 정답 회로와 여러분의
프로그램을 **스캔마다** 비교합니다. 실제 채점에서는 다른 시각, 더 길게 누르기, 다른 순간의 비상정지로도 봅니다.
""",
)

GLOSSARY = "## 용어\n\n" + table(
    ("용어", "뜻"),
    [
        (
            "액추에이터",
            "전기 신호로 움직이는 장치: 컨베이어 모터, 실린더(솔레노이드 밸브), 경광등, 부저. PLC의 **출력**입니다.",
        ),
        (
            "전자접촉기 (MC)",
            "코일에 전기가 들어오면 큰 접점이 붙어 모터에 전원을 넣는 스위치. 정회전용 MC와 역회전용 MC를 따로 둡니다.",
        ),
        (
            "a접점 / b접점",
            "a접점(NO)은 누르면 닫히고(1), b접점(NC)은 평소 닫혀 있다가 누르면 열립니다(0). "
            "래더 기호는 `─┤ ├─` / `─┤/├─`.",
        ),
        (
            "코일",
            "래더의 오른쪽 끝 `─( )─`. 왼쪽 접점들이 이어지면 켜집니다. "
            "파이썬에서는 **대입문** (`io.sorter_forward = ...`).",
        ),
        ("자기유지회로", "시작 버튼에서 손을 떼도 코일이 자기 자신의 a접점으로 전기를 이어 받아 켜진 채로 있는 회로."),
        (
            "정지 우선 / 기동 우선",
            "정지와 시작이 함께 눌렸을 때 정지가 이기면 정지 우선, 시작이 이기면 기동 우선. "
            "기계는 **정지 우선**이 원칙입니다.",
        ),
        (
            "정역운전",
            "모터를 정회전(앞으로)과 역회전(뒤로) 두 방향으로 돌리는 운전. "
            "컨베이어에 걸린 부품을 빼낼 때 역회전합니다.",
        ),
        ("인터록", "함께 켜지면 안 되는 두 출력을 서로 막는 회로. 상대 코일의 **b접점**을 내 회로에 직렬로 넣습니다."),
        (
            "비상정지",
            "빨간 버섯 모양 버튼. 누르면 눌린 채로 잠기고(래치), 돌려서 뽑아야 풀립니다. b접점으로 배선합니다.",
        ),
        (
            "재기동 방지",
            "비상정지를 풀었다고 기계가 저절로 다시 움직이면 안 된다는 원칙. 작업자가 시작을 **다시** 눌러야 합니다.",
        ),
        ("스캔", "PLC가 입력 읽기 → 프로그램 실행 → 출력 쓰기를 되풀이하는 한 바퀴. 이 장면은 10 ms마다 한 번입니다."),
    ],
)

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터와 그래프 도구를 불러옵니다.
import koreanize_matplotlib  # noqa: F401  (그래프에 한글이 나오게 합니다)
import matplotlib.pyplot as plt

from simulator.plant import Plant
from simulator.viz.notebook import animate, show
"""

TOOLS = """
# 도구 (수정하지 마세요): 정해진 시각에 버튼을 누르며 라인을 돌리고, 버튼과 출력을 그래프로 그립니다.
BUTTON_ROWS = [  # (태그, 그래프 이름, 눌렸을 때의 값)
    ("start_button", "시작 버튼", True),
    ("stop_button", "정지 버튼", False),  # b접점: 누르면 0
    ("reset_button", "역회전 버튼(리셋)", True),
    ("estop_ok", "비상정지", False),  # b접점: 눌리면 0
]
OUTPUT_NAMES = {
    "sorter_forward": "분류 컨베이어 정회전",
    "sorter_reverse": "분류 컨베이어 역회전",
    "infeed_motor": "투입 컨베이어",
    "feeder_on": "공급기",
    "lamp_red": "적색등",
}


def run_with_buttons(program, presses, seconds=12.0, seed=1):
    \"\"\"program으로 라인을 seconds초 돌리며 presses대로 버튼을 누릅니다. (plant, 기록표)를 돌려줍니다.

    presses: (시각 초, 버튼, 누르는 시간 초)의 목록. 버튼은 "start", "stop", "reset"(역회전 버튼),
    "estop"(비상정지: 눌린 채 잠김), "release_estop"(비상정지 해제)입니다.
    \"\"\"
    plant = Plant("sorting-line-v1", seed=seed, program=program)
    log = plant.log_tags(every_s=0.02, tags=[tag for tag, _, _ in BUTTON_ROWS] + list(OUTPUT_NAMES))
    for at_s, button, hold_s in sorted(presses):
        plant.run_until(at_s)
        if button == "release_estop":
            plant.release_estop()
        else:
            plant.press(button, hold_s=hold_s)
    plant.run_until(seconds)
    return plant, log


def draw_chart(log, outputs, title, mark=None):
    \"\"\"버튼(눌림 = 회색 막대)과 outputs 출력(켜짐 = 파란 막대)을 시간에 따라 한 줄씩 그립니다.

    mark: (시작 초, 끝 초, 설명)을 주면 그 구간을 빨갛게 칠합니다.
    \"\"\"
    rows = [(label, [v == pressed for v in log.column(tag)]) for tag, label, pressed in BUTTON_ROWS]
    rows += [(OUTPUT_NAMES.get(tag, tag), [bool(v) for v in log.column(tag)]) for tag in outputs]
    t = log.column("time_s")
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(rows) + 1.3))
    for i, (_, values) in enumerate(reversed(rows)):
        color = "tab:blue" if i < len(outputs) else "tab:gray"
        ax.fill_between(t, i, [i + 0.7 * v for v in values], step="post", color=color)
    ax.axhline(len(outputs) - 0.15, color="black", lw=0.8)
    if mark:
        ax.axvspan(mark[0], mark[1], color="tab:red", alpha=0.15, label=mark[2])
        ax.legend(loc="upper right", fontsize=9)
    ax.set_yticks([i + 0.35 for i in range(len(rows))], [label for label, _ in reversed(rows)])
    ax.set_xlabel("시간 (초)")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    plt.tight_layout()
    plt.show()
"""

WATCH = """
## 0단계: 공장 먼저 보기 (채점 없음)

모범 제어 프로그램(`"reference"`)으로 라인을 켭니다. 시작 버튼은 **0.3초만** 누르고 손을 뗍니다.
8초 뒤의 화면을 보세요. 조작반의 시작 버튼(DI0)은 0인데 컨베이어 두 개는 돌고(▶ 0.25 m/s), 공급기가 부품을
내보내고, 경광등은 녹색입니다. **손을 뗀 뒤에도 라인이 계속 도는 것은 누가 기억하고 있기 때문일까요?**
"""

WATCH_CODE = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)  # 시작 버튼을 0.3초만 누릅니다
plant.run(seconds=8)
print("8초 뒤 시작 버튼:", int(plant.io.start_button), "/ 분류 컨베이어 정회전 출력:", int(plant.io.sorter_forward))
display(show(plant))
"""

WATCH_ANIMATE = """
이어서 4초를 움직이는 그림으로 봅니다. 부품이 투입 컨베이어에서 분류 컨베이어로 넘어가는 모습을 보세요.
"""

ANIMATE_CODE = """
animate(plant, seconds=4)
"""

WATCH_CHART = """
### 누르는 동안만 도는 라인과 계속 도는 라인

아래 `inching`은 일부러 **자기유지 없이** 만든 프로그램입니다: 시작 버튼을 누르고 있는 동안만 돕니다
(이런 운전을 **촌동(인칭) 운전**이라고 하며, 설비를 조금씩 움직여 맞출 때 씁니다). 같은 버튼 순서로 모범 프로그램과
비교해 봅니다. 회색 막대는 버튼을 누른 시간, 파란 막대는 출력이 켜진 시간입니다.

- 1초: 시작 0.5초 · 4초: 시작 2초 동안 · 8초: 정지 0.3초
"""

CHART_CODE = """
def inching(io):
    \"\"\"촌동 운전: 시작 버튼을 누르고 있는 동안만 라인을 돌립니다 (자기유지 없음).\"\"\"
    run = io.start_button and io.stop_button
    io.feeder_on = run
    io.infeed_motor = run
    io.sorter_forward = run


presses = [(1.0, "start", 0.5), (4.0, "start", 2.0), (8.0, "stop", 0.3)]
for program, title in ((inching, "촌동 운전: 누르는 동안만 돈다"), ("reference", "모범 프로그램: 자기유지")):
    plant, log = run_with_buttons(program, presses, seconds=10)
    draw_chart(log, ["sorter_forward"], title)
"""

WATCH_BOTH = """
### 정회전과 역회전이 함께 켜지면?

분류 컨베이어 모터에는 출력이 두 개 있습니다: `sorter_forward`(정회전)와 `sorter_reverse`(역회전).
아래 `no_interlock`은 시작 버튼을 누르는 동안 정회전, 리셋 버튼을 누르는 동안 역회전을 켭니다. 2초부터
3초까지는 두 버튼이 함께 눌립니다.

실제 모터라면 정회전 MC와 역회전 MC가 함께 붙는 순간 전원의 두 상이 **단락**되어 차단기가 떨어지거나 접점이
녹아 붙습니다. 시뮬레이터는 과부하로 벨트를 세우고 **인터록 위반**으로 셉니다(`kpis().interlock_violations`).
"""

BOTH_CODE = """
def no_interlock(io):
    \"\"\"일부러 잘못 만든 프로그램: 두 방향 출력을 서로 막지 않습니다.\"\"\"
    io.sorter_forward = io.start_button
    io.sorter_reverse = io.reset_button


plant, log = run_with_buttons(no_interlock, [(1.0, "start", 2.0), (2.0, "reset", 2.0)], seconds=5)
print("정회전·역회전이 함께 켜진 횟수(인터록 위반):", plant.kpis().interlock_violations)
draw_chart(log, ["sorter_forward", "sorter_reverse"], "인터록이 없으면", mark=(2.0, 3.0, "두 코일이 함께 켜짐"))
"""

STEP1 = """
## 1단계: 시작·정지 자기유지회로 (자기유지 3점 · 정지 우선 2점)

`StartStop`을 완성하세요. 시작 버튼을 눌렀다 떼면 라인이 계속 돌고, 정지 버튼을 누르면 멈춥니다.

| 상황 | `sorter_forward` · `infeed_motor` · `feeder_on` |
|---|---|
| 시작 버튼을 눌렀다 뗌 | 모두 켜지고, 손을 떼도 **계속 켜짐** (자기유지) |
| 돌고 있을 때 시작을 다시 누름 | 그대로 켜짐 (꺼졌다 켜졌다 하면 안 됩니다) |
| 정지 버튼을 누름 | 모두 꺼짐 |
| 정지와 시작을 **함께** 누름 (돌고 있을 때든 멈춰 있을 때든) | 꺼짐 (**정지 우선**) |

### 래더로 그리면 (XG5000 모양)

```
  start_button   stop_button                              M0 (self.run)
──┤ ├──────┬─────┤ ├──────────────────────────────────────( )──
  M0       │
──┤ ├──────┘
  M0                                                      sorter_forward
──┤ ├──────────────────────────────────────────────┬──────( )──
                                                   │      infeed_motor
                                                   ├──────( )──
                                                   │      feeder_on
                                                   └──────( )──
```

| 래더 | 파이썬 |
|---|---|
| a접점 `─┤ ├─` | 입력을 그대로: `io.start_button` |
| b접점 `─┤/├─` | `not`을 붙여서: `not self.reverse` |
| 직렬 (옆으로 이어짐) | `and` |
| 병렬 (위아래로 갈라졌다 만남) | `or` |
| 코일 `─( )─` | 대입: `self.run = ...`, `io.sorter_forward = self.run` |
| 내부 릴레이 M0 | `self.run` — 클래스가 스캔과 스캔 사이에 기억하는 값 |
| 위 줄부터 아래 줄로, 한 스캔에 한 번 | `scan()` 안의 문장을 위에서 아래로, 10 ms마다 한 번 |

실습 보드의 래더에서는 내부 릴레이 없이 출력 코일(P00042)의 a접점으로 바로 자기유지하기도 합니다. 파이썬에서도
출력 태그를 읽을 수 있어서 `io.sorter_forward = (io.start_button or io.sorter_forward) and io.stop_button`처럼
써도 맞습니다. 이 실습에서는 코일의 기억을 `self`에 두는 방법으로 설명합니다.

**정지 버튼이 왜 a접점으로 그려졌을까요?** 현장에서는 정지 버튼을 **b접점으로 배선**합니다. 전선이 끊어지면
입력이 0이 되어 라인이 멈추게 하려는 것입니다(고장 나도 안전한 쪽으로). 그래서 정지 입력 `stop_button`은
평소 1이고, 누르면 0입니다. 프로그램에서는 이 입력을 a접점(`and io.stop_button`)으로 씁니다.
버튼 배선과 프로그램의 접점을 헷갈리지 마세요.

**정지 우선과 기동 우선.** 식을 어떻게 묶는지에 따라 달라집니다.

- 정지 우선: `run = (start or run) and stop` — 정지 접점이 자기유지 가지와 시작 가지 **모두**에 걸립니다.
- 기동 우선: `run = start or (run and stop)` — 시작 버튼을 누르고 있으면 정지가 듣지 않습니다. 위험합니다.

XG5000의 `SET`/`RST` 명령처럼 `if` 문 두 개로 써도 됩니다(`if io.start_button: self.run = True`,
`if not io.stop_button: self.run = False`). 이때는 **끄는 줄을 아래에** 두어야 정지 우선이 됩니다.
래더도 파이썬도 아래 줄이 나중에 실행되어 이기기 때문입니다.
"""

START_STOP = """
class StartStop:
    \"\"\"시작 버튼으로 라인을 켜고 자기유지하다가, 정지 버튼으로 끕니다 (정지 우선).\"\"\"

    def __init__(self):
        ### BEGIN SOLUTION
        self.run = False  # 운전 코일 M0: 스캔이 끝나도 값을 기억합니다
        ### END SOLUTION

    def scan(self, io):
        \"\"\"한 스캔: 버튼을 읽고 코일과 출력을 정합니다.\"\"\"
        ### BEGIN SOLUTION
        self.run = (io.start_button or self.run) and io.stop_button
        io.sorter_forward = self.run
        io.infeed_motor = self.run
        io.feeder_on = self.run
        io.lamp_green = self.run
        ### END SOLUTION
"""

TRY_START_STOP = """
# 여기서 StartStop을 시험해 보세요 (채점 없음). 앞의 #을 지우고 실행하면 버튼과 출력 그래프가 나옵니다.
# 4초에는 시작과 정지를 함께 누릅니다: 정지 우선이라면 라인이 멈춰야 합니다.
# presses = [(1.0, "start", 0.3), (4.0, "start", 0.5), (4.0, "stop", 0.8), (7.0, "start", 0.3), (9.0, "stop", 0.3)]
# plant, log = run_with_buttons(StartStop, presses, seconds=11)
# draw_chart(log, ["sorter_forward", "infeed_motor", "feeder_on"], "내 StartStop")
"""

SELF_HOLD_TESTS = f"""
# 1단계 채점 ① 자기유지 (3점). 보이는 테스트: 1초에 시작, 5초에 시작 한 번 더, 6초에 정지, 8초에 다시 시작, 11초에 정지.
# 채점 때는 다른 시각과 더 오래 누르는 버튼으로도 봅니다.
from grading.labs import l03

l03.check_self_hold(StartStop, seed=1)
{
    hidden('''
l03.check_self_hold(StartStop, seed=7, start_at_s=2.3, stop_at_s=9.1, start_hold_s=1.2)
l03.check_self_hold(StartStop, seed=11, start_at_s=0.55, stop_at_s=4.05)''')
}
"""

STOP_PRIORITY_TESTS = f"""
# 1단계 채점 ② 정지 우선 (2점). 보이는 테스트: 돌고 있는 4초와 멈춰 있는 7초에 시작·정지를 함께 누릅니다.
# 채점 때는 다른 시각에, 두 버튼을 조금 어긋나게(한쪽을 누른 채 다른 쪽을) 누르는 경우로도 봅니다.
from grading.labs import l03

l03.check_stop_priority(StartStop, seed=1)
{
    hidden('''
l03.check_stop_priority(StartStop, seed=4, together_at_s=5.5, lead_s=0.1)
l03.check_stop_priority(StartStop, seed=9, together_at_s=3.2, lead_s=0.25)''')
}
"""

STEP2 = """
## 2단계: 정역운전과 인터록 (3점)

분류 컨베이어에 부품이 걸리면 작업자가 벨트를 **뒤로** 돌려 부품을 빼냅니다. `ReversingConveyor`를 완성하세요.
이 장면의 조작반에는 역회전 전용 버튼이 없어서 **리셋 버튼(`reset_button`, a접점)을 역회전 버튼으로** 씁니다.

| 버튼 | 동작 |
|---|---|
| 시작 `start_button` | 정회전 `sorter_forward` 켜고 자기유지. 공급기·투입 컨베이어도 함께 켬 |
| 역회전 버튼 `reset_button` | 역회전 `sorter_reverse` 켜고 자기유지. 공급기·투입 컨베이어는 **끔** |
| 정지 `stop_button` | 모두 끔 |
| 한 방향으로 돌 때 **반대 방향 버튼** | **무시**: 돌던 방향 그대로. 방향은 정지한 뒤에만 바꿉니다 |

공급기 `feeder_on`과 투입 컨베이어 `infeed_motor`는 정회전과 함께만 켭니다. 거꾸로 도는 벨트에 부품을 더 보내면
안 되기 때문입니다.

돌던 모터를 바로 반대로 돌리면 큰 전류가 흐르고 벨트와 기어에 충격이 갑니다. 그래서 이 실습에서는
**정지 → 반대 방향 시작** 순서만 허용합니다.

### 래더로 그리면

```
  start_button   stop_button   reverse                    forward
──┤ ├──────┬─────┤ ├───────────┤/├────────────────────────( )──
  forward  │
──┤ ├──────┘
  reset_button   stop_button   forward                    reverse
──┤ ├──────┬─────┤ ├───────────┤/├────────────────────────( )──
  reverse  │
──┤ ├──────┘
  forward                                                 sorter_forward, infeed_motor, feeder_on
──┤ ├─────────────────────────────────────────────────────( )──
  reverse                                                 sorter_reverse
──┤ ├─────────────────────────────────────────────────────( )──
```

`─┤/├─ reverse`가 **인터록**입니다. 역회전 코일이 켜져 있으면 이 b접점이 열려서 정회전 줄에 전기가 못 갑니다.
역회전 줄에도 똑같이 정회전 코일의 b접점이 있습니다. 파이썬으로는 `... and not self.reverse`입니다.

- 1단계처럼 코일마다 `self.forward`, `self.reverse`를 기억하세요.
- 두 줄은 위에서 아래로 차례로 계산됩니다. 두 번째 줄은 **이번 스캔에 새로 정한** `self.forward`를 봅니다.
"""

REVERSING = """
class ReversingConveyor:
    \"\"\"분류 컨베이어 정역운전: 시작 → 정회전, 역회전 버튼(reset_button) → 역회전, 정지 → 멈춤 (인터록).\"\"\"

    def __init__(self):
        ### BEGIN SOLUTION
        self.forward = False  # 정회전 코일
        self.reverse = False  # 역회전 코일
        ### END SOLUTION

    def scan(self, io):
        \"\"\"한 스캔: 버튼을 읽고 코일과 출력을 정합니다.\"\"\"
        ### BEGIN SOLUTION
        self.forward = (io.start_button or self.forward) and io.stop_button and not self.reverse
        self.reverse = (io.reset_button or self.reverse) and io.stop_button and not self.forward
        io.sorter_forward = self.forward
        io.sorter_reverse = self.reverse
        io.infeed_motor = self.forward
        io.feeder_on = self.forward
        io.lamp_green = self.forward
        io.lamp_yellow = self.reverse
        ### END SOLUTION
"""

TRY_REVERSING = """
# 여기서 ReversingConveyor를 시험해 보세요 (채점 없음). 3초의 역회전 버튼은 무시되어야 합니다.
# presses = [(1.0, "start", 0.3), (3.0, "reset", 0.3), (5.0, "stop", 0.3), (6.0, "reset", 0.3), (9.0, "stop", 0.3)]
# plant, log = run_with_buttons(ReversingConveyor, presses, seconds=11)
# draw_chart(log, ["sorter_forward", "sorter_reverse", "feeder_on"], "내 ReversingConveyor")
# print("인터록 위반:", plant.kpis().interlock_violations)
"""

INTERLOCK_TESTS = f"""
# 2단계 채점 (3점). 보이는 테스트: 1초 정회전 → 4초 역회전 버튼(무시) → 6초 정지 → 8초 역회전 → 10초 시작(무시)
# → 12초 정지 → 14초 정회전. 채점 때는 역회전부터 시작하는 경우와 다른 시각으로도 봅니다.
from grading.labs import l03

l03.check_interlock(ReversingConveyor, seed=1)
{
    hidden('''
l03.check_interlock(ReversingConveyor, seed=5, first="reset", change_at_s=5.3)
l03.check_interlock(ReversingConveyor, seed=12, change_at_s=3.1)''')
}
"""

STEP3 = """
## 3단계: 모든 것을 이기는 비상정지 (2점)

2단계의 정역운전에 비상정지를 더해 `SafeConveyor`를 완성하세요. 2단계 코드를 복사해 와서 고치면 됩니다.

| 상황 | 해야 할 일 |
|---|---|
| 비상정지를 누름 (`estop_ok`가 0) | **같은 스캔에** 정회전·역회전·공급기·투입 컨베이어를 모두 끄고, 자기유지도 끊음 |
| 비상정지가 눌려 있는 동안 | 적색등 `lamp_red` 켜짐. 시작이나 역회전 버튼을 눌러도 움직이지 않음 |
| 비상정지를 해제함 (돌려서 뽑음) | 적색등 꺼짐. **그래도 움직이지 않음** (재기동 방지) |
| 해제한 뒤 시작(또는 역회전)을 다시 누름 | 그때 다시 움직임 |

비상정지 버튼도 **b접점**입니다: 평소 `estop_ok`가 1, 누르면 0.

### 래더로 그리면

```
  start_button   stop_button   estop_ok   reverse         forward
──┤ ├──────┬─────┤ ├───────────┤ ├────────┤/├─────────────( )──
  forward  │
──┤ ├──────┘
  reset_button   stop_button   estop_ok   forward         reverse
──┤ ├──────┬─────┤ ├───────────┤ ├────────┤/├─────────────( )──
  reverse  │
──┤ ├──────┘
  estop_ok                                                lamp_red
──┤/├─────────────────────────────────────────────────────( )──
```

`estop_ok` 접점을 **자기유지 줄 안에** 넣는 것이 핵심입니다. 비상정지를 출력 줄에만 넣으면
(`io.sorter_forward = self.forward and io.estop_ok`) 누르는 동안은 멈추지만 `self.forward`가 1로 남아 있어서,
**해제하는 순간 벨트가 저절로 다시 돕니다**. 작업자가 손을 벨트에 넣고 있을 때 그런 일이 생기면 큰 사고입니다.
"""

SAFE = """
class SafeConveyor:
    \"\"\"정역운전 + 비상정지: 비상정지가 모든 것을 이기고, 해제해도 저절로 다시 돌지 않습니다.\"\"\"

    def __init__(self):
        ### BEGIN SOLUTION
        self.forward = False
        self.reverse = False
        ### END SOLUTION

    def scan(self, io):
        \"\"\"한 스캔: 버튼을 읽고 코일과 출력을 정합니다.\"\"\"
        ### BEGIN SOLUTION
        may_run = io.stop_button and io.estop_ok  # 정지와 비상정지: 두 b접점 버튼을 직렬로
        self.forward = (io.start_button or self.forward) and may_run and not self.reverse
        self.reverse = (io.reset_button or self.reverse) and may_run and not self.forward
        io.sorter_forward = self.forward
        io.sorter_reverse = self.reverse
        io.infeed_motor = self.forward
        io.feeder_on = self.forward
        io.lamp_green = self.forward
        io.lamp_yellow = self.reverse
        io.lamp_red = not io.estop_ok
        io.buzzer = not io.estop_ok
        ### END SOLUTION
"""

TRY_SAFE = """
# 여기서 SafeConveyor를 시험해 보세요 (채점 없음). 3초 비상정지 → 4초 시작(무시) → 5초 해제(그래도 멈춤) → 7초 시작.
# presses = [(1, "start", 0.3), (3, "estop", 0), (4, "start", 0.3), (5, "release_estop", 0), (7, "start", 0.3)]
# plant, log = run_with_buttons(SafeConveyor, presses, seconds=10)
# draw_chart(log, ["sorter_forward", "sorter_reverse", "feeder_on", "lamp_red"], "내 SafeConveyor")
"""

ESTOP_TESTS = f"""
# 3단계 채점 (2점). 보이는 테스트: 1초 정회전 → 4초 비상정지 → 5.5초 시작(무시) → 7초 해제 → 9초 역회전
# → 12.8초 역회전 버튼을 누른 채 13초 비상정지 → 15초 해제 → 16초 시작 → 18초 비상정지.
# 채점 때는 다른 시각의 비상정지로도 봅니다.
from grading.labs import l03

l03.check_estop(SafeConveyor, seed=1)
{
    hidden('''
l03.check_estop(SafeConveyor, seed=3, estop_at_s=2.7, second_estop_s=11.4)
l03.check_estop(SafeConveyor, seed=14, estop_at_s=6.1, second_estop_s=16.0)''')
}
"""

WRAP_UP = """
## 정리

오늘 만든 회로 전체를 래더로 그려 봅니다. 아래 셀을 실행하세요 (그림 그리는 코드는 읽지 않아도 됩니다).
"""

LADDER_CODE = """
from matplotlib.patches import Arc

HOLD, LOCK, SAFE = "tab:green", "tab:red", "tab:orange"


def draw_contact(ax, x, y, label, kind, color):
    \"\"\"접점 하나: a접점 ─┤ ├─, b접점 ─┤/├─ (사선). 위에 이름을 씁니다.\"\"\"
    ax.plot([x - 0.5, x - 0.12], [y, y], [x + 0.12, x + 0.5], [y, y], color="black", lw=1.5)
    ax.plot([x - 0.12, x - 0.12], [y - 0.22, y + 0.22], [x + 0.12, x + 0.12], [y - 0.22, y + 0.22], color=color, lw=2)
    if kind == "b":
        ax.plot([x - 0.22, x + 0.22], [y - 0.22, y + 0.22], color=color, lw=2)
    ax.text(x, y + 0.32, label, ha="center", va="bottom", fontsize=8.5, color=color)


def draw_rung(ax, y, contacts, coil, note, hold=None):
    \"\"\"한 줄(rung): contacts를 직렬로, 끝에 coil. hold가 있으면 첫 접점 아래에 병렬 자기유지 접점.\"\"\"
    xs = [1.5 + 2.0 * i for i in range(len(contacts))]
    ax.plot([0, xs[0] - 0.5], [y, y], color="black", lw=1.5)
    for x, (label, kind, color) in zip(xs, contacts, strict=True):
        draw_contact(ax, x, y, label, kind, color)
    for left, right in zip(xs[:-1], xs[1:], strict=True):
        ax.plot([left + 0.5, right - 0.5], [y, y], color="black", lw=1.5)
    ax.plot([xs[-1] + 0.5, 10.6], [y, y], [11.0, 12.0], [y, y], color="black", lw=1.5)
    ax.add_patch(Arc((10.75, y), 0.3, 0.5, theta1=100, theta2=260, lw=2))
    ax.add_patch(Arc((10.85, y), 0.3, 0.5, theta1=-80, theta2=80, lw=2))
    ax.text(10.8, y + 0.32, coil, ha="center", va="bottom", fontsize=8.5, color="tab:blue")
    ax.text(12.2, y, note, ha="left", va="center", fontsize=9, color="dimgray")
    if hold:
        ax.plot([0, xs[0] - 0.5], [y - 1.0, y - 1.0], color="black", lw=1.5)
        draw_contact(ax, xs[0], y - 1.0, hold, "a", HOLD)
        ax.plot([xs[0] + 0.5, xs[0] + 0.9, xs[0] + 0.9], [y - 1.0, y - 1.0, y], color="black", lw=1.5)


fig, ax = plt.subplots(figsize=(11, 7.2))
stop = ("정지\\nstop_button", "a", "black")
estop = ("비상정지\\nestop_ok", "a", SAFE)
forward_contacts = [("시작\\nstart_button", "a", "black"), stop, estop, ("역회전 코일\\nreverse", "b", LOCK)]
reverse_contacts = [("역회전 버튼\\nreset_button", "a", "black"), stop, estop, ("정회전 코일\\nforward", "b", LOCK)]
draw_rung(ax, 7.6, forward_contacts, "정회전 MC\\nsorter_forward", "① 정회전", hold="정회전 코일\\nforward")
draw_rung(ax, 4.9, reverse_contacts, "역회전 MC\\nsorter_reverse", "② 역회전", hold="역회전 코일\\nreverse")
draw_rung(ax, 2.2, [("정회전 코일\\nforward", "a", "black")], "공급기·투입\\nfeeder_on, infeed_motor", "③ 공급")
draw_rung(ax, 0.6, [("비상정지\\nestop_ok", "b", SAFE)], "적색등\\nlamp_red", "④ 경보")
ax.plot([0, 0], [-0.2, 8.6], [12, 12], [-0.2, 8.6], color="black", lw=3)  # 왼쪽·오른쪽 모선
for color, text in (
    (HOLD, "초록: 자기유지 (코일 자신의 a접점)"),
    (LOCK, "빨강: 인터록 (상대 코일의 b접점)"),
    (SAFE, "주황: 비상정지 (운전 줄마다 직렬)"),
):
    ax.plot([], [], color=color, lw=3, label=text)
ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=9, frameon=False)
ax.set_xlim(-0.3, 13.6)
ax.set_ylim(-0.4, 8.9)
ax.axis("off")
ax.set_title("오늘 만든 회로 전체 (XG5000·MELSEC 래더 모양)")
plt.tight_layout()
plt.show()
"""

WRAP_UP_TEXT = """
실습 보드의 PLC로 옮길 때는 태그를 실제 주소로 바꾸면 됩니다. 아래는 **예시**입니다 (학교 보드의 배선표를 따르세요).

| 태그 | 뜻 | XG5000 (XGK) 예 | MELSEC 예 |
|---|---|---|---|
| `start_button` | 시작 버튼 (a접점) | P00000 | X0 |
| `stop_button` | 정지 버튼 (b접점 배선) | P00001 | X1 |
| `estop_ok` | 비상정지 (b접점 배선) | P00002 | X2 |
| `reset_button` | 역회전 버튼 (이 장면은 리셋 버튼) | P00003 | X3 |
| `self.forward`, `self.reverse` | 정회전·역회전 코일의 기억 | M00000, M00001 | M0, M1 |
| `sorter_forward`, `sorter_reverse` | 정회전 MC, 역회전 MC | P00042, P00043 | Y22, Y23 |
| `lamp_red` | 적색등 | P00048 | Y28 |

- **자기유지**: 코일 자신의 a접점을 시작 버튼과 병렬로. 파이썬에서는 `(버튼 or self.코일)`.
- **정지 우선**: 정지 접점을 자기유지 가지와 시작 가지 모두에 직렬로. `(...) and io.stop_button`.
- **인터록**: 상대 코일의 b접점을 직렬로. `and not self.reverse`. 함께 켜지면 안 되는 두 출력에는 언제나 넣습니다.
- **비상정지**: 모든 운전 줄에 직렬로, 그리고 **자기유지 안에**. 해제만으로는 다시 움직이지 않습니다.
- 조작반의 버튼으로 설비를 자동으로 안전하게 움직이는 것이 스마트공장 **중간2** 수준(설비 제어 자동화)의 바탕입니다.
  L04에서는 여기에 타이머와 카운터를 더합니다.

> ### 🏭 실무 연결
> 부산 녹산의 아연도금 라인에서는 부품 바구니를 든 **호이스트**가 도금조 위를 오르내립니다. 상승·하강 모터는
> 오늘 만든 정역운전 회로와 같은 구조입니다: 상승 MC와 하강 MC를 **인터록**으로 묶고, 위·아래 끝에는 리밋
> 스위치를 직렬로 넣습니다. 실제 제어반에서는 PLC 프로그램의 인터록에 더해 전자접촉기끼리 b접점으로 묶는
> **전기적 인터록**과 두 접촉기가 함께 붙지 못하게 하는 **기계적 인터록**까지 겹으로 둡니다.
> 비상정지는 b접점으로 배선해 모든 구동 회로를 끊고, 해제한 뒤에는 리셋·시작을 눌러야 다시 움직입니다
> (기계 전기장비 안전 규격 IEC 60204-1의 요구). 전동기 정역운전과 자기유지회로는 전기기능사·자동화설비기능사
> 실기에서도 자주 다루는 기본 회로입니다.
"""


def build() -> object:
    """The L03 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l03_header", HEADER),
        markdown("l03_glossary", GLOSSARY),
        given_code("l03_setup", SETUP),
        given_code("l03_tools", TOOLS),
        markdown("l03_step0", WATCH),
        scratch_code("l03_watch", WATCH_CODE),
        markdown("l03_step0_animate", WATCH_ANIMATE),
        scratch_code("l03_animate", ANIMATE_CODE),
        markdown("l03_step0_chart", WATCH_CHART),
        scratch_code("l03_chart", CHART_CODE),
        markdown("l03_step0_both", WATCH_BOTH),
        scratch_code("l03_both", BOTH_CODE),
        markdown("l03_step1", STEP1),
        solution("l03_start_stop_answer", START_STOP),
        scratch_code("l03_try_start_stop", TRY_START_STOP),
        tests("l03_self_hold", 3, SELF_HOLD_TESTS),
        tests("l03_stop_priority", 2, STOP_PRIORITY_TESTS),
        markdown("l03_step2", STEP2),
        solution("l03_reversing_answer", REVERSING),
        scratch_code("l03_try_reversing", TRY_REVERSING),
        tests("l03_interlock", 3, INTERLOCK_TESTS),
        markdown("l03_step3", STEP3),
        solution("l03_safe_answer", SAFE),
        scratch_code("l03_try_safe", TRY_SAFE),
        tests("l03_estop", 2, ESTOP_TESTS),
        markdown("l03_wrap_up", WRAP_UP),
        scratch_code("l03_ladder", LADDER_CODE),
        markdown("l03_wrap_up_text", WRAP_UP_TEXT),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
