"""Build ``L04_timers_counters.ipynb``, the nbgrader source notebook of lab L04, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L04_timers_counters/build_notebook.py``; the
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
    "id": "L04",
    "title_ko": "타이머와 카운터: 시간으로 밀고, 개수로 멈추기",
    "title_en": "Timers and counters: timed pusher strokes and batch counting",
    "level": "중간2",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L04 타이머와 카운터 — 시간으로 밀고, 개수로 멈추기",
    goals=[
        "TON·TOF·TP 타이머의 차이를 타이밍 차트로 설명하고 골라 쓴다",
        "실린더를 시간이 아니라 리밋 스위치로 끝까지 밀고, 감시 타이머로 동작 이상을 알린다",
        "CTU/CTD 카운터로 상자에 정해진 개수를 채우고, 가득 차면 라인을 멈추고 경광등으로 알린다",
    ],
    level="**중간2** — 설비 제어를 자동화합니다 (실시간 제어)",
    minutes="90분 (2차시)",
    scene="`sorting-line-v1` 높이·재질 분류 라인 (`sflab scene show sorting-line-v1`로 입출력 표를 볼 수 있습니다)",
    grading="자동 채점 10점: 1단계 2점 · 2단계 3점 · 3단계 2점 · 4단계 3점",
    note="""
각 단계의 `# 여기에 코드를 작성하세요` 자리에 코드를 쓰고, 바로 아래 채점 셀을 실행해 보세요.
채점 셀이 조용히 끝나면 보이는 테스트는 통과입니다. 실제 채점에서는 **다른 시드, 다른 설정값과 고장**
(더 느린 실린더, 고착된 실린더, 떨리는 센서)으로도 검사하므로, 보이는 테스트의 답을 외워 쓰면 점수를 받지 못합니다.
""",
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 타이머 TON (온딜레이) | 입력이 PT초 동안 **계속** 켜져 있으면 출력이 켜집니다. 입력이 꺼지면 바로 꺼집니다. XG5000의 `TON`. |
| 타이머 TOF (오프딜레이) | 입력이 켜지면 바로 켜지고, 입력이 꺼진 뒤 PT초가 지나야 꺼집니다. XG5000의 `TOFF`. |
| 타이머 TP (펄스) | 입력의 상승 에지에서 정확히 PT초 동안 켜집니다. XG5000의 `TMON`(모노스테이블)과 같은 역할입니다. |
| 카운터 CTU (업 카운터) | 입력의 상승 에지마다 CV를 1 올립니다. CV ≥ PV이면 Q가 켜지고, R(리셋)로 0이 됩니다. |
| 카운터 CTD (다운 카운터) | LD(로드)로 CV = PV가 되고, 상승 에지마다 1 내립니다. CV ≤ 0이면 Q가 켜집니다. |
| PT / ET, PV / CV | 설정 시간 / 경과 시간 (이 라이브러리에서는 초 단위 숫자), 설정값 / 현재값. |
| 솔레노이드 밸브 | 전기가 들어오면 공기 길을 바꿔 실린더를 움직이는 밸브. `pusher_metal_out = True`가 솔레노이드를 켭니다. |
| 리밋 스위치 (LS) | 실린더가 끝까지 갔는지 알려 주는 스위치. `pusher_metal_back`(후진단), `pusher_metal_front`(전진단). |
| 동작 감시 타이머 | 실린더가 정해진 시간 안에 끝에 닿지 않으면 고장으로 보고 경보를 내는 타이머 (TON). |
| 디바운스 | 신호가 정해진 시간 동안 계속 같은 값일 때만 바뀐 것으로 인정하는 방법 (L01 3단계). |
| 런온 (run-on) | 멈춤 신호 뒤에도 정해진 시간만큼 더 돌리는 것. TOF로 만듭니다. |
| 경광등 | 라인 위의 녹색(운전)·황색(대기·주의)·적색(비상·고장) 램프. 멀리서도 라인 상태를 봅니다. |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터, PLC 기능 블록, 그래프 도구를 불러옵니다.
import matplotlib.pyplot as plt
import koreanize_matplotlib  # noqa: F401  (그래프에 한글이 나오게 합니다)

from simulator.plant import Fault, Plant
from simulator.plc import CTD, CTU, R_TRIG, TOF, TON, TP, ScanClock, using_clock
from simulator.viz.notebook import show
"""

WATCH = """
## 0단계: 공장 먼저 보기 (채점 없음)

모범 제어 프로그램(`"reference"`)으로 라인을 30초 돌리고 그림을 봅니다. 금속 부품이 금속 푸셔 앞에 오면
푸셔가 밀어 금속 상자에 넣습니다. 아래 셀은 푸셔 솔레노이드와 두 리밋 스위치를 10 ms마다 기록해 그래프로 그립니다.
**실린더가 느려지면**(`Fault("slow", "pusher_metal_out", severity=1.0)`: 두 배 느림) 무엇이 달라지는지 보세요.
"""

WATCH_CODE = """
def record_pusher(faults=()):
    \"\"\"모범 프로그램으로 30초 돌리며 금속 푸셔의 신호를 10 ms마다 기록합니다.\"\"\"
    plant = Plant("sorting-line-v1", seed=1, program="reference", faults=faults)
    log = plant.log_tags(every_s=0.01, tags=["pusher_metal_out", "pusher_metal_front", "pusher_metal_back"])
    plant.press("start", hold_s=0.3)
    plant.run(seconds=30)
    return plant, log


plant, healthy = record_pusher()
_, slow = record_pusher([Fault("slow", "pusher_metal_out", severity=1.0)])
if hasattr(plant, "show"):  # 그림 보기 기능이 있는 버전에서만
    display(show(plant))

# 첫 번째 밀기 동작 근처만 확대해서 그립니다.
first = healthy.column("pusher_metal_out").index(True)
window = slice(first - 10, first + 70)
fig, axes = plt.subplots(2, 1, figsize=(9, 5), sharex=True)
for ax, log, title in ((axes[0], healthy, "정상 실린더"), (axes[1], slow, "느린 실린더 (2배)")):
    t = log.column("time_s")[window]
    for offset, tag, label in ((4, "pusher_metal_out", "솔레노이드 (출력)"),
                               (2, "pusher_metal_front", "전진단 LS"),
                               (0, "pusher_metal_back", "후진단 LS")):
        ax.step(t, [offset + 1.5 * v for v in log.column(tag)[window]], where="post", label=label)
    ax.set_title(title)
    ax.set_yticks([])
axes[0].legend(loc="center right", fontsize=8)
axes[1].set_xlabel("시간 (초)")
plt.tight_layout()
plt.show()
"""

TIMING = """
### 타이머 세 개를 한 그림에서 비교하기 (채점 없음)

타이머는 PLC의 시계를 읽습니다. 라인 없이 타이머만 시험할 때는 `ScanClock`을 직접 10 ms씩 움직입니다.
아래 셀은 같은 입력을 TON, TOF, TP에 넣고 **타이밍 차트**를 그립니다. 입력이 짧게(0.1초) 켜질 때와
길게(0.8초) 켜질 때 세 출력이 어떻게 다른지 설명해 보세요. `PT` 값을 바꿔 다시 실행해 보세요.
"""

TIMING_CODE = """
pattern = [False] * 30 + [True] * 10 + [False] * 60 + [True] * 80 + [False] * 150  # 스캔(10 ms)마다의 입력
ton, tof, tp = TON(PT=0.2), TOF(PT=1.0), TP(PT=0.5)
clock = ScanClock()
rows = []
with using_clock(clock):
    for scan, value in enumerate(pattern):
        clock.now_s = scan * 0.01
        rows.append((clock.now_s, value, ton(IN=value), tof(IN=value), tp(IN=value)))

t = [r[0] for r in rows]
fig, ax = plt.subplots(figsize=(9, 3.5))
for column, (offset, label) in enumerate(((6, "입력 IN"), (4, "TON 0.2초"), (2, "TOF 1.0초"), (0, "TP 0.5초")), start=1):
    ax.step(t, [offset + 1.5 * r[column] for r in rows], where="post", label=label)
ax.set_yticks([0.75, 2.75, 4.75, 6.75], ["TP", "TOF", "TON", "IN"])
ax.set_xlabel("시간 (초)")
ax.set_title("타이밍 차트: 같은 입력, 세 타이머")
plt.tight_layout()
plt.show()
"""

STEP1 = """
## 1단계: 타이머 세 개를 경광등에 연결하기 (2점)

실습 보드에서 하듯 입력 하나(`entry_eye`, 투입 확인 광전센서)로 경광등 세 개를 움직입니다.

| 출력 | 타이머 | 뜻 |
|---|---|---|
| `lamp_green` | TON, PT = 0.2초 | 부품이 0.2초 넘게 센서를 가리면 켜짐 (짧은 반짝임은 무시) |
| `lamp_yellow` | TOF, PT = 1.0초 | 부품이 지나간 뒤에도 1초 동안 켜짐 |
| `lamp_red` | TP, PT = 0.5초 | 부품이 들어올 때마다 0.5초 동안 켜짐 |

래더로 그리면 이렇습니다 (XG5000 모양, T0~T2는 타이머):

```
 entry_eye                          ┌─────────┐
───┤ ├──────────────────────────────┤ TON T0  │ 0.2초
                                    └─────────┘
   T0                                              lamp_green
───┤ ├──────────────────────────────────────────────( )──
 entry_eye                          ┌─────────┐
───┤ ├──────────────────────────────┤ TOFF T1 │ 1.0초
   T1                                              lamp_yellow
───┤ ├──────────────────────────────────────────────( )──
 entry_eye                          ┌─────────┐
───┤ ├──────────────────────────────┤ TMON T2 │ 0.5초
   T2                                              lamp_red
───┤ ├──────────────────────────────────────────────( )──
```

- 타이머는 `__init__`에서 **한 번** 만들고, `scan`에서 **매 스캔** 부르세요
  (`io.lamp_green = self.t0(IN=io.entry_eye)`).
- 채점기는 라인 없이 입력을 스캔마다 바꿔 넣고, 세 램프가 각 타이머와 스캔마다 같은지 봅니다.
"""

TIMER_LAMPS = """
class TimerLamps:
    \"\"\"entry_eye 하나로 TON → 녹색, TOF → 황색, TP → 적색 램프를 켭니다.\"\"\"

    def __init__(self):
        ### BEGIN SOLUTION
        self.t0 = TON(PT=0.2)
        self.t1 = TOF(PT=1.0)
        self.t2 = TP(PT=0.5)
        ### END SOLUTION

    def scan(self, io):
        ### BEGIN SOLUTION
        io.lamp_green = self.t0(IN=io.entry_eye)
        io.lamp_yellow = self.t1(IN=io.entry_eye)
        io.lamp_red = self.t2(IN=io.entry_eye)
        ### END SOLUTION
"""

TIMER_TESTS = f"""
# 1단계 채점 (2점). 보이는 테스트: 위 그림과 같은 입력. 채점 때는 무작위 입력 여러 가지로 봅니다.
from grading.labs import l04
l04.check_timers(TimerLamps)
{
    hidden('''
l04.check_timers(TimerLamps, pattern_seed=4)
l04.check_timers(TimerLamps, pattern_seed=17)''')
}
"""

STEP2 = """
## 2단계: 끝까지 미는 푸셔 (3점)

### 먼저 시간으로 밀어 보기

가장 쉬운 방법은 금속 부품이 푸셔 앞에 오면 솔레노이드를 **정해진 시간**(TP 0.3초) 동안 켜는 것입니다.
정상 실린더는 0.2초면 끝까지 나가니 잘 됩니다. 아래 `TimedPusher`를 실행해 정상일 때와
**느린 실린더**일 때 금속 상자에 들어간 부품 수를 비교해 보세요.

- `metal_eye`는 금속 푸셔보다 2 cm 뒤에 있어서, 이 센서의 **상승 에지**가 '부품이 푸셔 앞에 왔다'는 뜻입니다.
- 검사 위치(`inspect_eye`, `metal_prox`)에서 금속을 보았는지 기억해 두었다가 그 부품이 푸셔 앞에 오면 밉니다.
  부품 사이 간격이 검사 위치 ~ 푸셔 거리(57 cm)보다 길어서, 기억은 한 칸(`self.metal_next`)이면 충분합니다.
"""

TIMED_PUSHER = """
class TimedPusher:
    \"\"\"금속 부품을 TP 0.3초 동안 밉니다 (시간만 믿는 방법).\"\"\"

    def __init__(self):
        self.was_inspecting = False
        self.saw_metal = False
        self.metal_next = False  # 다음에 푸셔 앞에 올 부품이 금속인가
        self.part_arrives = R_TRIG()
        self.stroke = TP(PT=0.3)

    def scan(self, io):
        run = io.estop_ok
        io.feeder_on = io.infeed_motor = io.sorter_forward = run
        if io.inspect_eye and io.metal_prox:
            self.saw_metal = True
        if self.was_inspecting and not io.inspect_eye:  # 검사를 마친 부품: 금속이었나 기억
            self.metal_next, self.saw_metal = self.saw_metal, False
        self.was_inspecting = io.inspect_eye
        fire = self.part_arrives(io.metal_eye) and self.metal_next
        if fire:
            self.metal_next = False
        io.pusher_metal_out = self.stroke(IN=fire) and run


for faults in ([], [Fault("slow", "pusher_metal_out", severity=1.0)]):
    plant = Plant("sorting-line-v1", seed=1, program=TimedPusher, faults=faults)
    plant.run(minutes=2)
    bins = plant.kpis().bins
    dropped = sum(1 for r in plant.records if "pusher_metal:dropped" in r.route)
    print("고장:", faults or "없음")
    print("   금속 상자", bins["bin_metal"].good, "개 / 푸셔가 떨어뜨린 부품", dropped, "개")
"""

STEP2_TASK = """
### 이제 리밋 스위치로 끝까지 밀기

느린 실린더는 0.3초 안에 끝까지 나가지 못합니다. 솔레노이드를 일찍 끄면 실린더가 돌아오면서 부품을
컨베이어에 **떨어뜨립니다**. 현장에서는 시간 대신 **전진단 리밋 스위치**를 확인합니다:

1. 금속 부품이 푸셔 앞에 오면 (`metal_eye` 상승 에지 그리고 `self.metal_next`) 솔레노이드를 켜고 **자기유지**합니다.
2. 전진단 `pusher_metal_front`가 켜지면 솔레노이드를 끕니다 (실린더가 스스로 돌아옵니다).
3. **동작 감시 타이머** (3단계에서 채점): 솔레노이드가 켜진 채 `TON(PT=1.0)`이 끝나면 (1초가 지나도 전진단이
   안 켜지면) 실린더 고장입니다. 이때 적색등 `lamp_red`를 켜고 솔레노이드를 끄세요. 적색등은 `reset_button`을
   누를 때까지 켜 둡니다. 정상 실린더는 0.2초, 많이 느려도 0.6초면 나가므로 1초면 오경보가 없습니다.

```
  part_in_front  metal_next   pusher_metal_front  alarm        pusher_metal_out
───┤ ├──────────┤ ├──────┬──────────┤/├──────────┤/├──────────────( )────
  pusher_metal_out       │
───┤ ├───────────────────┘
  pusher_metal_out   pusher_metal_front            ┌─────────┐
───┤ ├──────────────────┤/├────────────────────────┤ TON T3  │ 1.0초
                                                   └─────────┘
   T3                                                          alarm
───┤ ├──────────────────────────────────────┬──────────────────(S)───
  reset_button                              │                  alarm
───┤ ├──────────────────────────────────────┼──────────────────(R)───
   alarm                                    │                  lamp_red
───┤ ├──────────────────────────────────────┴──────────────────( )────
```

위쪽 검사·기억 부분은 주어진 코드입니다. `# 여기에 코드를 작성하세요` 자리를 채우세요.
"""

METAL_PUSHER = """
class MetalPusher:
    \"\"\"금속 부품을 전진단까지 밀고, 1초 안에 안 나가면 경보를 냅니다.\"\"\"

    def __init__(self):
        # 주어진 코드: 검사 위치에서 본 재질을 한 칸 기억합니다.
        self.was_inspecting = False
        self.saw_metal = False
        self.metal_next = False
        self.part_arrives = R_TRIG()
        ### BEGIN SOLUTION
        self.pushing = False  # 솔레노이드 자기유지
        self.watchdog = TON(PT=1.0)  # 동작 감시 타이머
        self.alarm = False
        ### END SOLUTION

    def scan(self, io):
        # 주어진 코드: 라인 운전과 재질 기억
        run = io.estop_ok
        io.feeder_on = io.infeed_motor = io.sorter_forward = run
        if io.inspect_eye and io.metal_prox:
            self.saw_metal = True
        if self.was_inspecting and not io.inspect_eye:
            self.metal_next, self.saw_metal = self.saw_metal, False
        self.was_inspecting = io.inspect_eye
        part_in_front = self.part_arrives(io.metal_eye)  # 이번 스캔에 부품이 푸셔 앞에 왔나
        ### BEGIN SOLUTION
        if part_in_front and self.metal_next and not self.alarm:
            self.metal_next = False
            self.pushing = True
        if io.pusher_metal_front:  # 끝까지 나갔으면 놓아 줍니다
            self.pushing = False
        if self.watchdog(IN=self.pushing):  # 1초 넘게 밀어도 전진단이 안 켜짐: 고장
            self.alarm = True
            self.pushing = False
        if io.reset_button:
            self.alarm = False
        io.pusher_metal_out = self.pushing and run
        io.lamp_red = self.alarm
        ### END SOLUTION
"""

STROKE_TESTS = f"""
# 2단계 채점 (3점). 보이는 테스트: 시드 1, 두 배 느린 실린더로 3분.
# 채점 때는 다른 시드, 정상 실린더와 세 배 느린 실린더로도 봅니다.
from grading.labs import l04
l04.check_stroke(MetalPusher, seed=1, faults="slow:pusher_metal_out*1")
{
    hidden('''
l04.check_stroke(MetalPusher, seed=6)
l04.check_stroke(MetalPusher, seed=13, faults="slow:pusher_metal_out*2")''')
}
"""

STEP3 = """
## 3단계: 동작 감시 타이머 채점 (2점)

2단계의 `MetalPusher`를 그대로 채점합니다. 코드를 더 쓸 필요가 없다면 채점 셀만 실행하세요.
채점기는 라인을 돌리다 실린더를 **고착**시킵니다 (`Fault("jam", "pusher_metal_out", start_s=60)`).

- 고착 뒤 처음 솔레노이드를 켠 때부터 1.5초 안에 `lamp_red`가 켜지고 솔레노이드가 꺼져야 합니다.
- 고착 전에는, 그리고 세 배 느린(0.6초) 정상 실린더에서는 `lamp_red`가 켜지면 안 됩니다 (오경보).

직접 보려면 빈 셀에서 이렇게 해 보세요.

```python
plant = Plant("sorting-line-v1", seed=1, program=MetalPusher,
              faults=[Fault("jam", "pusher_metal_out", start_s=60)])
plant.run(minutes=2)
print("적색등:", plant.io.lamp_red, "/ 솔레노이드:", plant.io.pusher_metal_out)
```
"""

TRY_JAM = "# 여기서 고착된 실린더를 시험해 보세요 (채점 없음)\n"

WATCHDOG_TESTS = f"""
# 3단계 채점 (2점). 보이는 테스트: 시드 1, 60초에 고착. 채점 때는 다른 시드와 시각으로 봅니다.
from grading.labs import l04
l04.check_watchdog(MetalPusher, seed=1, jam_at_s=60)
{
    hidden('''
l04.check_watchdog(MetalPusher, seed=8, jam_at_s=47.5)
l04.check_watchdog(MetalPusher, seed=21, jam_at_s=95, slow_severity=2.0)''')
}
"""

STEP4 = """
## 4단계: 상자에 정해진 개수 채우기 — 배치 카운터 (3점)

이번에는 푸셔를 쓰지 않습니다. 모든 부품이 라인 끝의 상자(`bin_plastic`)로 떨어지고, 작업자는 상자에
**D0개**가 차면 상자를 바꿉니다. 포장 라인에서 한 상자에 몇 개씩 담는 일과 같습니다.
D0(데이터 레지스터)는 HMI에서 작업자가 정하는 **배치 수량**입니다. 채점기는 D0를 여러 값으로 바꿔 봅니다.

`BoxCounter`를 **처음부터** 완성하세요.

1. 배출 센서 `exit_eye`는 먼지 때문에 **떨립니다**. L01처럼 `TON(PT=0.04)` 두 개로 디바운스한 신호를 쓰세요.
2. 디바운스한 신호를 `CTU`에 넣어 부품을 셉니다: `self.box(CU=..., R=io.reset_button, PV=io.D0)`.
   (`CTD`로 남은 자리를 세어도 됩니다: `LD=io.reset_button`, `Q`는 CV ≤ 0일 때 켜짐. 첫 스캔에 LD가 필요합니다.)
3. 상자가 가득 차면(카운터의 `Q`):
   - 공급기 `feeder_on`과 투입 컨베이어 `infeed_motor`를 **바로** 끕니다.
   - 분류 컨베이어 `sorter_forward`는 `TOF(PT=1.0)`으로 **1초 더** 돌려 마지막 부품이 상자에 떨어지게 한 뒤 멈춥니다.
     (배출 센서는 라인 끝보다 10 cm 앞에 있어서, 센 순간에는 부품이 아직 컨베이어 위에 있습니다.)
   - 황색등 `lamp_yellow`를 켭니다. (부저 `buzzer`를 `TP`로 2초 울리면 더 좋습니다. 채점하지는 않습니다.)
4. 작업자가 새 상자를 놓고 `reset_button`을 누르면 카운터가 0이 되고 라인이 다시 돕니다.
5. 언제나 `estop_ok`가 0이면 모든 구동 출력을 끕니다.

```
  exit_ok(디바운스)                 ┌───────────┐
───┤ ├──────────────────────────────┤ CTU C0    │ PV = D0
  reset_button                      │           │
───┤ ├──────────────────────────────┤ R         │
                                    └───────────┘
  estop_ok     C0                                     feeder_on, infeed_motor
───┤ ├────────┤/├─────────────────────────────────────( )──
  estop_ok     C0                   ┌─────────┐
───┤ ├────────┤/├───────────────────┤ TOFF T4 │ 1.0초
                                    └─────────┘
  estop_ok     T4                                     sorter_forward
───┤ ├────────┤ ├─────────────────────────────────────( )──
   C0                                                 lamp_yellow
───┤ ├────────────────────────────────────────────────( )──
```

빈 셀에서 시험할 때는 D0를 직접 정하세요: `plant = Plant("sorting-line-v1", seed=1, program=BoxCounter)`,
`plant.io.D0 = 5`, `plant.run(minutes=2)`, 그리고 `plant.kpis().bins["bin_plastic"]`, `plant.io.lamp_yellow`를 보세요.
"""

TRY_BOX = """
# 여기서 BoxCounter를 시험해 보세요 (채점 없음). 예: 떨리는 배출 센서로 2분
# plant = Plant("sorting-line-v1", seed=1, program=BoxCounter, faults=[Fault("noise", "exit_eye", severity=0.05)])
# plant.io.D0 = 5
# plant.run(minutes=2)
# print(plant.kpis().bins["bin_plastic"], "황색등:", plant.io.lamp_yellow)
"""

BOX_COUNTER = """
class BoxCounter:
    \"\"\"라인 끝 상자에 D0개가 차면 라인을 멈추고 황색등을 켭니다. 리셋(새 상자)으로 다시 시작합니다.\"\"\"

    def __init__(self):
        ### BEGIN SOLUTION
        self.on_delay = TON(PT=0.04)  # 40 ms 계속 켜짐 → 부품 있음
        self.off_delay = TON(PT=0.04)  # 40 ms 계속 꺼짐 → 부품 지나감
        self.part_at_exit = False  # 디바운스한 배출 센서
        self.box = CTU()  # 상자에 담은 개수
        self.run_on = TOF(PT=1.0)  # 분류 컨베이어 런온
        self.beep = TP(PT=2.0)  # 가득 참 부저
        ### END SOLUTION

    def scan(self, io):
        ### BEGIN SOLUTION
        if self.on_delay(IN=io.exit_eye):
            self.part_at_exit = True
        if self.off_delay(IN=not io.exit_eye):
            self.part_at_exit = False
        full = self.box(CU=self.part_at_exit, R=io.reset_button, PV=io.D0)
        run = io.estop_ok and not full
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = self.run_on(IN=run) and io.estop_ok
        io.lamp_yellow = full
        io.buzzer = self.beep(IN=full)
        ### END SOLUTION
"""

BATCH_TESTS = f"""
# 4단계 채점 (3점). 보이는 테스트: 시드 1, D0 = 6, 떨림 없음. 작업자가 90초와 170초에 상자를 바꿉니다(리셋).
# 채점 때는 다른 D0와 시드, 떨리는 배출 센서로도 봅니다.
from grading.labs import l04
l04.check_batch(BoxCounter, seed=1, batch=6)
{
    hidden('''
l04.check_batch(BoxCounter, seed=5, batch=4, faults="noise:exit_eye*0.05")
l04.check_batch(BoxCounter, seed=9, batch=8, faults="noise:exit_eye*0.03")''')
}
"""

WRAP_UP = """
## 정리

- **TON**은 '충분히 오래 계속되었나'(디바운스, 감시), **TOF**는 '멈춘 뒤 조금 더'(런온, 냉각 팬),
  **TP**는 '한 번에 정해진 만큼'(펄스, 부저)입니다. 타이밍 차트를 그릴 수 있으면 고를 수 있습니다.
- 구동기는 **시간이 아니라 결과(리밋 스위치)로** 확인합니다. 시간은 '너무 오래 걸리면 고장'을 알아채는
  동작 감시 타이머로 씁니다.
- 카운터는 **에지**를 셉니다. 떨리는 센서는 세기 전에 디바운스합니다. 설정값(PV)은 코드에 박지 말고
  HMI가 쓰는 데이터 레지스터(D0)에서 읽습니다.
- 이 모두가 스마트공장 **중간2** 수준, 설비 제어의 자동화입니다. 가득 참·고장 경보가 경광등과 HMI에 뜨면
  작업자가 라인을 계속 지켜보지 않아도 됩니다.

> ### 🏭 실무 연결
> 자동차 부품 공장의 볼트 포장 라인에서는 상자마다 정해진 수량(예: 200개)을 카운터로 세고, 가득 차면
> 컨베이어를 멈춘 뒤 경광등과 부저로 작업자를 부릅니다. 수량은 품번이 바뀔 때마다 HMI에서 바꿉니다(D 레지스터).
> 실린더마다 전진·후진 **동작 감시 타이머**를 두는 것은 현장의 기본이고, 경보 이력은 설비 보전팀이
> 실린더 패킹·솔레노이드 교체 시기를 정하는 데 씁니다. 자동화설비기능사 실기의 '타이머·카운터 회로'와 같은 내용입니다.
"""


def build() -> object:
    """The L04 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l04_header", HEADER),
        markdown("l04_glossary", GLOSSARY),
        given_code("l04_setup", SETUP),
        markdown("l04_step0", WATCH),
        scratch_code("l04_watch", WATCH_CODE),
        markdown("l04_timing", TIMING),
        scratch_code("l04_timing_chart", TIMING_CODE),
        markdown("l04_step1", STEP1),
        solution("l04_timers_answer", TIMER_LAMPS),
        tests("l04_timers", 2, TIMER_TESTS),
        markdown("l04_step2", STEP2),
        scratch_code("l04_timed_pusher", TIMED_PUSHER),
        markdown("l04_step2_task", STEP2_TASK),
        solution("l04_pusher_answer", METAL_PUSHER),
        tests("l04_stroke", 3, STROKE_TESTS),
        markdown("l04_step3", STEP3),
        scratch_code("l04_try_jam", TRY_JAM),
        tests("l04_watchdog", 2, WATCHDOG_TESTS),
        markdown("l04_step4", STEP4),
        solution("l04_batch_answer", BOX_COUNTER),
        scratch_code("l04_try_box", TRY_BOX),
        tests("l04_batch", 3, BATCH_TESTS),
        markdown("l04_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
