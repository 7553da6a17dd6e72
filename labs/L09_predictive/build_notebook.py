# ruff: noqa: E501 - Korean prose and markdown table rows cannot be wrapped.
"""Build ``L09_predictive.ipynb``, the nbgrader source notebook of lab L09, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L09_predictive/build_notebook.py``; the
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
    "id": "L09",
    "title_ko": "이상 탐지와 예지 보전: 모터 진동으로 고장을 미리 알기",
    "title_en": "Anomaly detection and predictive maintenance: seeing a motor breakdown coming",
    "level": "고도",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L09 이상 탐지와 예지 보전 — 모터 진동으로 고장을 미리 알기",
    goals=[
        "건강한 구간의 데이터로 모터 신호의 기준선(평균·표준편차)을 numpy로 구한다",
        "z-점수와 연속 조건으로, 오경보 없이 베어링 마모를 고장 45분 전에 알리는 실시간 이상 감지기를 만든다",
        "진동 추세선(np.polyfit)을 고장 한계까지 늘려 남은 수명(RUL)을 예측한다",
    ],
    level="**고도** — 설비 데이터를 분석해 이상을 스스로 알아채고 고장을 예측합니다 (중간1의 실시간 수집 위에 쌓습니다)",
    minutes="90분 (2차시)",
    scene="`sorting-line-v1` 높이·재질 분류 라인 — 분류 컨베이어 모터의 전류·온도·진동 센서",
    grading="자동 채점 10점: 1단계 2점 · 2단계 4점 · 3단계 2점 · 4단계 2점",
    note="""
각 단계의 `# 여기에 코드를 작성하세요` 자리에 코드를 쓰고, 바로 아래 채점 셀을 실행해 보세요.
채점 셀이 조용히 끝나면 보이는 테스트는 통과입니다. 실제 채점에서는 **다른 시드, 다른 마모 시작 시각과 빠르기,
잡음이 더 큰 진동 센서, 다른 한계값**으로도 검사하므로, 보이는 테스트의 답을 외워 쓰면 점수를 받지 못합니다.
채점 셀 하나는 공장을 몇 시간 돌리므로 5~10초쯤 걸립니다.
""",
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 사후 보전 (BM) | 고장 난 뒤에 고칩니다. 라인이 갑자기 서고, 부품이 올 때까지 기다립니다. |
| 예방 보전 (PM) | 정해진 주기(예: 6개월)마다 부품을 바꿉니다. 멀쩡한 부품도 버리고, 주기 전에 고장 나면 못 막습니다. |
| 예지 보전 (PdM) | 설비의 상태(진동·온도·전류)를 계속 재서 **고장이 다가오는 것을 보고** 그때 고칩니다. 상태 기반 보전(CBM)이라고도 합니다. |
| 진동 (mm/s RMS) | 모터가 떨리는 빠르기의 실효값. ISO 10816은 소형 기계에서 0.71 / 1.8 / 4.5 mm/s를 A·B·C·D 구역의 경계로 둡니다. |
| 베어링 마모 | 모터 축을 받치는 베어링이 닳는 것. 진동이 점점 빠르게(지수적으로) 커지다가 베어링이 붙으면 모터가 멈춥니다. |
| 기준선 (baseline) | 설비가 건강할 때 신호의 평소 모습: **평균**과 **표준편차**(흩어진 정도). |
| z-점수 | 측정값이 평균에서 표준편차 몇 배만큼 떨어졌나: z = (값 − 평균) ÷ 표준편차. 잡음만 있으면 z > 3은 1000번에 1번쯤입니다. |
| 이상 탐지 | 신호가 기준선과 다르게 움직이는 것을 자동으로 알아채는 일. |
| 오경보 | 설비는 멀쩡한데 울린 경보. 잦으면 작업자가 경보를 무시하게 됩니다. |
| 연속 조건 (지속 시간) | 한계를 **N번 연속** 넘어야 경보합니다. 잡음 한 번으로는 울리지 않습니다 (L01의 디바운스와 같은 생각). |
| 선행 시간 (리드 타임) | 경보가 울린 뒤 고장까지 남은 시간. 길수록 부품을 준비하고 정지를 계획할 시간이 생깁니다. |
| 잔여 수명 (RUL) | Remaining Useful Life. 지금부터 고장(한계 도달)까지 남은 시간의 예측값. |
| 추세선 | 데이터에 맞춘 직선. `np.polyfit(x, y, 1)`이 기울기와 절편을 줍니다. |
"""

SETUP = """
# 준비 (수정하지 마세요): numpy, 한글 그래프, 시뮬레이터를 불러오고 모터 데이터를 모으는 함수를 만듭니다.
import os

import koreanize_matplotlib  # noqa: F401  (그래프에 한글 글꼴을 씁니다)
import matplotlib.pyplot as plt
import numpy as np

from simulator.plant import Fault, Plant
from simulator.viz.notebook import show

plt.rcParams["axes.unicode_minus"] = False  # 한글 글꼴에 없는 수학 빼기 기호(−) 대신 '-'로 눈금을 씁니다

#: 자동 채점 중이면 True. 여러분의 코드로 그래프를 그리는 셀은 채점 때 건너뜁니다 (점수와 상관없습니다).
GRADING = bool(os.environ.get("NBGRADER_EXECUTION"))
#: 진동이 이 값(mm/s)에 닿으면 베어링이 붙어 모터가 멈춥니다.
BREAKDOWN_MM_S = 11.2


def record_motor(seed, wear_start_s=None, wear_per_h=3.0, noise_mm_s=0.0, hours=2.5):
    \"\"\"분류 컨베이어 모터의 전류·온도·진동을 1초마다 기록한 표 (열 이름 → numpy 배열).

    wear_start_s: 베어링 마모가 시작되는 시각(초). None이면 건강한 모터입니다.
    wear_per_h: 마모가 커지는 빠르기 (1시간에 e ≈ 2.7배씩).
    noise_mm_s: 진동 센서에 더해지는 잡음(mm/s). 주변에 프레스가 있는 라인처럼 시끄러운 설치를 흉내 냅니다.
    \"\"\"
    faults = []
    if wear_start_s is not None:
        faults.append(Fault("wear", "sorter_forward", start_s=wear_start_s, severity=wear_per_h))
    if noise_mm_s:
        faults.append(Fault("noise", "sorter_vibration", severity=noise_mm_s))
    # 모터 상태는 1초에 한 번 잽니다. 몇 시간을 빨리 돌리려고 PLC 스캔 주기를 100 ms로 늘립니다.
    plant = Plant("sorting-line-v1", seed=seed, program="reference", faults=faults, scan_period_ms=100)
    plant.press("start", hold_s=0.3)
    historian = plant.log_tags(every_s=1.0, tags=["sorter_current", "sorter_temperature", "sorter_vibration"])
    plant.run(hours=hours)
    return {
        "time_s": np.array(historian.column("time_s"), dtype=float),
        "current_a": np.array(historian.column("sorter_current")) / 1000,  # mA → A
        "temperature_c": np.array(historian.column("sorter_temperature")) / 10,  # 0.1 °C → °C
        "vibration_mm_s": np.array(historian.column("sorter_vibration")) / 100,  # 0.01 mm/s → mm/s
    }


def first_alarm_s(detector, table, start_s, end_s):
    \"\"\"start_s부터 end_s 전까지 1초마다 한 행씩 detector.update(샘플)에 넣고, 처음 True가 나온 시각(초). 없으면 None.\"\"\"
    for row, time_s in enumerate(table["time_s"]):
        if start_s <= time_s < end_s:
            sample = {column: float(values[row]) for column, values in table.items()}
            if detector.update(sample):
                return float(time_s)
    return None
"""

STEP0 = """
## 0단계: 모터가 망가지는 모습 보기 (채점 없음)

분류 컨베이어 모터에는 전류 센서, 온도 센서, 진동 센서가 붙어 있고, 히스토리안이 1초마다 값을 기록합니다 (L07).
아래 셀은 라인을 2시간 돌립니다. **40분에 베어링이 닳기 시작**하도록 고장(`wear`)을 넣었습니다.
시뮬레이터라서 몇 초면 끝납니다.

그래프를 보고 답해 보세요.
- 세 신호 중 무엇이 마모를 가장 먼저, 가장 뚜렷하게 보여 주나요?
- 처음 30분 동안 온도는 왜 계속 오를까요? 전류는 왜 들쭉날쭉할까요? (힌트: 모터 예열, 벨트에 실린 부품 수)
- 진동이 ISO 경고선(4.5 mm/s)을 넘은 뒤 고장까지 몇 분 남았나요? 정비팀이 부품을 받고 정지 계획을 잡기에 충분할까요?
"""

WATCH = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)
plant.run(seconds=20)
display(show(plant))  # 분류 컨베이어(오른쪽 벨트)의 모터를 살펴봅니다

WEAR_START_S = 40 * 60  # 40분에 베어링 마모 시작
run = record_motor(seed=1, wear_start_s=WEAR_START_S, wear_per_h=3.0, hours=2)
stopped = (run["time_s"] > WEAR_START_S) & (run["current_a"] == 0)  # 전류 0 = 모터가 멈춤
BREAKDOWN_S = float(run["time_s"][stopped][0])
print(f"기록 {len(run['time_s'])}행. 마모 시작 {WEAR_START_S / 60:.0f}분, 모터 고장(정지) {BREAKDOWN_S / 60:.1f}분")


def draw_signals(table, marks, title):
    \"\"\"세 신호를 시간(분)에 따라 위아래로 그립니다. marks: (시각 초, 이름, 색) 목록 → 세로선.\"\"\"
    minutes = table["time_s"] / 60
    panels = [("current_a", "전류 (A)", "tab:blue"), ("temperature_c", "온도 (°C)", "tab:red"),
              ("vibration_mm_s", "진동 (mm/s)", "tab:green")]
    fig, axes = plt.subplots(3, 1, figsize=(10, 7), sharex=True)
    for ax, (column, label, color) in zip(axes, panels):
        ax.plot(minutes, table[column], color=color, linewidth=0.6)
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        for time_s, name, mark_color in marks:
            ax.axvline(time_s / 60, color=mark_color, linestyle="--", linewidth=1.5, label=name)
    axes[2].axhline(4.5, color="darkorange", linewidth=1, alpha=0.7, label="ISO 경고 4.5 mm/s")
    axes[2].axhline(BREAKDOWN_MM_S, color="black", linewidth=1, alpha=0.7, label="고장 한계 11.2 mm/s")
    axes[0].legend(loc="upper left", fontsize=9)
    axes[2].legend(loc="upper left", fontsize=9)
    axes[2].set_xlabel("시간 (분)")
    fig.suptitle(title)
    fig.tight_layout()
    plt.show()


draw_signals(run, [(WEAR_START_S, "마모 시작", "gray"), (BREAKDOWN_S, "고장", "red")],
             "분류 컨베이어 모터 — 베어링 마모에서 고장까지")
"""

STEP1 = """
## 1단계: 건강할 때의 기준선 구하기 (2점)

'이상'은 '평소와 다름'입니다. 그러려면 먼저 **평소**를 숫자로 알아야 합니다. 모터가 건강한 구간(예: 10분~30분)의
신호마다 **평균**과 **표준편차**를 구하세요. 처음 10분은 빼는데, 라인이 막 출발해 값이 자리 잡는 중이기 때문입니다.

함수 `baseline_stats(table, start_s, end_s)`를 완성하세요.

- `table`은 `record_motor`가 돌려주는 표입니다 (`"time_s"`, `"current_a"`, `"temperature_c"`, `"vibration_mm_s"` → numpy 배열).
- `start_s` 이상, `end_s` **미만**인 행만 씁니다. numpy에서는 **불리언 마스크**로 고릅니다:
  ```python
  rows = (table["time_s"] >= start_s) & (table["time_s"] < end_s)   # True/False 배열
  table["vibration_mm_s"][rows]                                       # 그 구간의 진동만
  ```
- `np.mean(...)`, `np.std(...)`로 세 신호의 (평균, 표준편차)를 구해 딕셔너리로 돌려줍니다.
  ```python
  {"current_a": (평균, 표준편차), "temperature_c": (평균, 표준편차), "vibration_mm_s": (평균, 표준편차)}
  ```
"""

BASELINE = """
def baseline_stats(table, start_s, end_s):
    \"\"\"start_s ≤ time_s < end_s 구간의 신호마다 (평균, 표준편차).\"\"\"
    ### BEGIN SOLUTION
    rows = (table["time_s"] >= start_s) & (table["time_s"] < end_s)
    stats = {}
    for column in ("current_a", "temperature_c", "vibration_mm_s"):
        values = table[column][rows]
        stats[column] = (float(np.mean(values)), float(np.std(values)))
    return stats
    ### END SOLUTION
"""

BASELINE_TESTS = f"""
# 1단계 채점 (2점). 보이는 테스트: 시드 1의 건강한 모터 40분, 구간 600~1800초.
# 채점 때는 다른 시드, 다른 구간, 구간 뒤에 마모가 시작되는 운전으로도 봅니다.
from grading.labs import l09

l09.check_baseline(baseline_stats, seed=1, window_s=(600, 1800), seconds=2400)
{
    hidden('''
l09.check_baseline(baseline_stats, seed=5, window_s=(900, 2100), seconds=3000, wear_start_s=2400)
l09.check_baseline(baseline_stats, seed=12, window_s=(1200, 3000), seconds=3600)''')
}
"""

TRY_BASELINE = """
# 0단계의 운전으로 기준선을 보려면 맨 앞 #을 지우고 실행하세요 (채점 없음).
# for column, (mean, std) in baseline_stats(run, 600, 1800).items():
#     print(f"{column:15s} 평균 {mean:8.3f}  표준편차 {std:6.3f}")
"""

STEP2 = """
## 2단계: 실시간 이상 감지기 (4점)

현장의 감지기는 표 전체를 한꺼번에 보지 못합니다. 1초마다 샘플이 **하나씩** 들어오고, 그때마다 경보를 낼지 정합니다.
클래스 `AnomalyDetector`를 완성하세요.

- `AnomalyDetector(baseline)`: 1단계 모양의 기준선(신호 → (평균, 표준편차))을 받아 기억합니다.
- `update(sample)`: 샘플 하나(`{"time_s": 1800.0, "current_a": 3.2, "temperature_c": 37.1, "vibration_mm_s": 1.08}`)를
  받아, **경보 중이면 `True`**, 아니면 `False`를 돌려줍니다. 한 번 울린 경보는 정비가 끝날 때까지 계속 `True`입니다.

만드는 법 (권장):
1. 진동의 z-점수 `z = (진동 − 평균) ÷ 표준편차`를 구합니다.
2. `z > 3`이면 '넘음' 횟수를 1 올리고, 아니면 0으로 되돌립니다. 진동이 **낮아지는** 것(음의 z)은 이상이 아닙니다.
3. 연속으로 넘은 횟수가 5번(5초)이 되면 경보를 켭니다.

왜 연속 조건이 필요할까요? 건강한 모터도 잡음 때문에 z > 3이 1000번에 1번쯤 나옵니다. 2시간이면 7200개의 샘플이니
한 번만 보고 울리면 **오경보**가 열 번쯤 납니다. 잡음이 5번 연속 z > 3일 확률은 거의 0입니다.

채점기는 **채점기가 만든 기준선**(10분~30분)을 넘기고, 30분부터 샘플을 하나씩 넣습니다 (준비 셀의 `first_alarm_s`와 같습니다).
- 마모하는 모터: 마모가 시작된 **뒤**, 고장 **전**에 경보가 울려야 합니다. 마모 전에 울리면 오경보입니다.
- 건강한 모터 1시간 30분: 경보가 **한 번도** 울리면 안 됩니다.
- 진동 센서의 잡음이 훨씬 큰 모터(옆에 프레스가 있는 라인)로도 봅니다. 그래서 '1.3 mm/s를 넘으면' 같은 고정값보다
  그 모터의 기준선으로 정한 z-점수가 맞습니다.
"""

DETECTOR = """
class AnomalyDetector:
    \"\"\"진동의 z-점수가 한계를 연속으로 넘으면 경보를 켜고, 켠 경보는 유지합니다.\"\"\"

    def __init__(self, baseline):
        ### BEGIN SOLUTION
        self.mean, self.std = baseline["vibration_mm_s"]
        self.z_limit = 3.0  # 평균에서 표준편차 3배 위
        self.needed = 5  # 연속 5번(5초) 넘어야 경보
        self.over = 0  # 지금까지 연속으로 넘은 횟수
        self.alarm = False
        ### END SOLUTION

    def update(self, sample):
        ### BEGIN SOLUTION
        z = (sample["vibration_mm_s"] - self.mean) / self.std
        if z > self.z_limit:
            self.over += 1
        else:
            self.over = 0
        if self.over >= self.needed:
            self.alarm = True
        return self.alarm
        ### END SOLUTION
"""

DETECTOR_TESTS = f"""
# 2단계 채점 (4점). 보이는 테스트: 시드 1 (40분에 마모 시작, 1시간에 e배), 건강한 모터 시드 2.
# 채점 때는 다른 시드, 다른 마모 시작과 빠르기, 잡음이 큰 진동 센서로도 봅니다.
from grading.labs import l09

l09.check_detector(AnomalyDetector, seed=1, wear_start_s=2400, wear_per_h=3.0, healthy_seed=2)
{
    hidden('''
l09.check_detector(AnomalyDetector, seed=7, wear_start_s=4200, wear_per_h=3.5)
l09.check_detector(AnomalyDetector, seed=12, wear_start_s=4200, wear_per_h=2.5, noise_mm_s=0.4)''')
}
"""

STEP3 = """
## 3단계: 얼마나 일찍 알았나? — 선행 시간 (2점)

경보는 울리기만 하면 되는 것이 아닙니다. 정비팀이 베어링을 준비하고, 생산 계획을 바꿔 라인을 세울 시간이 필요합니다.
이 공장은 **고장 45분 전**까지는 알아야 합니다. 이 단계에는 새로 쓸 코드가 없습니다. 2단계의 감지기가 채점됩니다.

아래 셀은 여러분의 1·2단계 코드로 0단계의 운전을 다시 보고 그래프 두 개를 그립니다.
1. 세 신호와 **마모 시작·경보·고장** 시각
2. 진동의 **z-점수**와 경보 한계선 (마모가 시작된 근처를 확대)

선행 시간이 45분보다 짧으면 2단계로 돌아가 한계(`z > 3`)와 연속 횟수를 바꿔 보세요. 한계를 **낮추면** 빨라지지만
오경보가 늘고, **높이면** 오경보는 없지만 늦어집니다. ISO 경고선(4.5 mm/s) 같은 고정값만 보면 왜 늦는지도 그래프에서 찾아보세요.
"""

WATCH_ALARM = """
# 여러분의 1·2단계 코드로 그립니다. 자동 채점 때는 건너뜁니다 (점수와 상관없습니다).
Z_LIMIT = 3.0  # 2단계에서 쓴 한계로 바꿔 그려 보세요

if not GRADING:
    baseline = baseline_stats(run, 600, 1800)
    alarm_s = first_alarm_s(AnomalyDetector(baseline), run, 1800, BREAKDOWN_S)
    marks = [(WEAR_START_S, "마모 시작", "gray"), (BREAKDOWN_S, "고장", "red")]
    if alarm_s is None:
        print("고장 날 때까지 경보가 없었습니다.")
    else:
        marks.insert(1, (alarm_s, "경보", "darkorange"))
        print(f"경보 {alarm_s / 60:.1f}분: 마모 시작 {(alarm_s - WEAR_START_S) / 60:.1f}분 뒤, "
              f"고장 {(BREAKDOWN_S - alarm_s) / 60:.1f}분 전 (목표: 45분 전)")
    draw_signals(run, marks, "여러분의 감지기: 언제 경보가 울렸나?")

    mean, std = baseline["vibration_mm_s"]
    z = (run["vibration_mm_s"] - mean) / std
    minutes = run["time_s"] / 60
    fig, ax = plt.subplots(figsize=(10, 3.6))
    ax.plot(minutes, z, color="tab:green", linewidth=0.6, label="진동 z-점수")
    ax.axhline(Z_LIMIT, color="red", linestyle="--", label=f"경보 한계 z = {Z_LIMIT:g}")
    ax.axvline(WEAR_START_S / 60, color="gray", linestyle="--", label="마모 시작")
    if alarm_s is not None:
        ax.axvline(alarm_s / 60, color="darkorange", linestyle="--", linewidth=2, label="경보")
    ax.set_xlim(WEAR_START_S / 60 - 15, WEAR_START_S / 60 + 30)
    ax.set_ylim(-5, 15)
    ax.set_xlabel("시간 (분)")
    ax.set_ylabel("z = (진동 - 평균) ÷ 표준편차")
    ax.set_title("진동 z-점수 (마모 시작 근처 확대)")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    plt.show()
"""

LEAD_TESTS = f"""
# 3단계 채점 (2점): 경보가 마모 시작 뒤, 고장 45분 전보다 일찍 울리나? 보이는 테스트: 시드 1 (0단계의 운전).
# 채점 때는 마모가 더 빠른 모터(wear_per_h=3.5)와 느린 모터(2.5)로도 봅니다.
from grading.labs import l09

l09.check_lead_time(AnomalyDetector, seed=1, wear_start_s=2400, wear_per_h=3.0)
{
    hidden('''
l09.check_lead_time(AnomalyDetector, seed=7, wear_start_s=2400, wear_per_h=3.5)
l09.check_lead_time(AnomalyDetector, seed=21, wear_start_s=2700, wear_per_h=2.5)''')
}
"""

STEP4 = """
## 4단계: 남은 수명 예측하기 (2점)

경보가 울렸습니다. 정비 반장이 묻습니다. **"그래서 언제 서는데?"** 지금까지의 진동 추세를 고장 한계(11.2 mm/s)까지
늘려 보면 답할 수 있습니다.

그런데 베어링 마모는 **지수적으로** 커집니다 (0단계 그래프에서 점점 가팔라졌지요). 진동에 그냥 직선을 맞춰 늘리면
기울기가 실제보다 작아서, 고장을 **너무 늦게** 예측합니다. 위험한 쪽으로 틀리는 것입니다. 지수는 로그를 취하면 직선이 됩니다:

- 마모가 더한 진동: `excess = 진동 − 기준선 평균`
- `np.log(excess)`는 시간에 따라 거의 **직선**으로 커집니다. 그 직선을 `np.polyfit(time_s, np.log(excess), 1)`로 맞추면
  `기울기, 절편`이 나옵니다 (`np.log`는 양수에만 쓸 수 있으니 `excess > 0`인 샘플만 쓰세요).
- 한계도 같은 식으로 바꿉니다: `np.log(limit_mm_s − 기준선 평균)`. 직선이 그 값에 닿는 시각은
  `(np.log(limit_mm_s − 평균) − 절편) ÷ 기울기`입니다.
- 남은 시간 = 그 시각 − 마지막 샘플의 시각 `time_s[-1]` (초).

두 함수를 완성하세요.
- `fit_log_trend(time_s, vibration_mm_s, healthy_mm_s)` → `(기울기, 절편)`: 로그 추세선 (그래프에서 씁니다)
- `remaining_life_s(time_s, vibration_mm_s, healthy_mm_s, limit_mm_s)` → 진동이 `limit_mm_s`에 닿을 때까지 남은 시간(초)

채점기는 진동의 1분 평균이 3~4.5 mm/s에 이른 '지금'까지 **마지막 10분**의 데이터(`time_s`, `vibration_mm_s`: numpy 배열 600개)와
기준선 평균을 넘기고, 실제 남은 시간과 ±20% 안으로 맞는지 봅니다. 고장 한계 대신 다른 한계(예: 정비 한계 7.1 mm/s)를 줄 때도 있습니다.
"""

RUL = """
def fit_log_trend(time_s, vibration_mm_s, healthy_mm_s):
    \"\"\"log(진동 − 기준선 평균)에 맞춘 직선의 (기울기 1/초, 절편).\"\"\"
    ### BEGIN SOLUTION
    excess = vibration_mm_s - healthy_mm_s  # 마모가 더한 진동
    rising = excess > 0  # 로그는 양수에만
    slope, intercept = np.polyfit(time_s[rising], np.log(excess[rising]), 1)
    return float(slope), float(intercept)
    ### END SOLUTION


def remaining_life_s(time_s, vibration_mm_s, healthy_mm_s, limit_mm_s=BREAKDOWN_MM_S):
    \"\"\"진동이 limit_mm_s에 닿을 때까지 남은 시간(초), 마지막 샘플부터.\"\"\"
    ### BEGIN SOLUTION
    slope, intercept = fit_log_trend(time_s, vibration_mm_s, healthy_mm_s)
    if slope <= 0:
        return float("inf")  # 커지지 않으면 언제 닿을지 알 수 없습니다
    reach_s = (np.log(limit_mm_s - healthy_mm_s) - intercept) / slope
    return float(reach_s - time_s[-1])
    ### END SOLUTION
"""

RUL_TESTS = f"""
# 4단계 채점 (2점). 보이는 테스트: 시드 1 (0단계의 운전), 1분 평균 진동이 4.5 mm/s에 이른 때, 고장 한계 11.2 mm/s.
# 채점 때는 다른 시드와 마모 빠르기, 더 이른 '지금'(3 mm/s), 다른 한계(7.1 mm/s)로도 봅니다.
from grading.labs import l09

l09.check_remaining_life(remaining_life_s, seed=1, wear_start_s=2400, wear_per_h=3.0, now_mm_s=4.5)
{
    hidden('''
l09.check_remaining_life(remaining_life_s, seed=7, wear_start_s=2400, wear_per_h=3.5, now_mm_s=3.0)
l09.check_remaining_life(remaining_life_s, seed=21, wear_start_s=2700, wear_per_h=2.5, now_mm_s=3.0, limit_mm_s=7.1)''')
}
"""

WATCH_RUL = """
# 여러분의 4단계 코드로 예측을 그립니다. 자동 채점 때는 건너뜁니다 (점수와 상관없습니다).
if not GRADING:
    healthy_mm_s = baseline_stats(run, 600, 1800)["vibration_mm_s"][0]  # 기준선 평균 (1단계)
    one_minute = np.convolve(run["vibration_mm_s"], np.ones(60) / 60)[: len(run["time_s"])]  # 1분 이동 평균
    now_s = run["time_s"][(run["time_s"] > WEAR_START_S) & (one_minute >= 4.5)][0]  # 1분 평균이 4.5 mm/s에 닿은 때
    window = (run["time_s"] > now_s - 600) & (run["time_s"] <= now_s)  # 마지막 10분
    t, v = run["time_s"][window], run["vibration_mm_s"][window]

    predicted_s = now_s + remaining_life_s(t, v, healthy_mm_s)
    slope, intercept = fit_log_trend(t, v, healthy_mm_s)
    line_slope, line_intercept = np.polyfit(t, v, 1)  # 비교: 진동에 그냥 직선을 맞추면?
    line_s = (BREAKDOWN_MM_S - line_intercept) / line_slope
    print(f"지금 {now_s / 60:.1f}분. 실제 고장 {BREAKDOWN_S / 60:.1f}분 (남은 {(BREAKDOWN_S - now_s) / 60:.1f}분)")
    print(f"  로그 추세 예측 {predicted_s / 60:.1f}분 (남은 {(predicted_s - now_s) / 60:.1f}분)")
    print(f"  직선 추세 예측 {line_s / 60:.1f}분 (남은 {(line_s - now_s) / 60:.1f}분) ← 늦게 예측합니다")

    future = np.linspace(now_s - 600, max(predicted_s, BREAKDOWN_S, line_s) + 120, 300)
    seen = (run["time_s"] > now_s - 1800) & (run["time_s"] < BREAKDOWN_S)
    fig, ax = plt.subplots(figsize=(10, 4.5))
    ax.plot(run["time_s"][seen] / 60, run["vibration_mm_s"][seen], color="lightgray", linewidth=0.6,
            label="진동 (지금 이후는 아직 모르는 미래)")
    ax.plot(t / 60, v, color="tab:green", linewidth=0.8, label="추세에 쓴 마지막 10분")
    ax.plot(future / 60, healthy_mm_s + np.exp(intercept + slope * future), color="tab:blue", linewidth=2,
            label="로그 추세선 (지수 곡선)")
    ax.plot(future / 60, line_intercept + line_slope * future, color="tab:purple", linestyle=":", linewidth=2,
            label="직선 추세선")
    ax.axhline(BREAKDOWN_MM_S, color="black", linewidth=1, label="고장 한계 11.2 mm/s")
    ax.axvline(now_s / 60, color="gray", linestyle="--", label="지금")
    ax.axvline(predicted_s / 60, color="tab:blue", linestyle="--", label=f"예측 고장 {predicted_s / 60:.1f}분")
    ax.axvline(BREAKDOWN_S / 60, color="red", linestyle="--", label=f"실제 고장 {BREAKDOWN_S / 60:.1f}분")
    ax.axvline(line_s / 60, color="tab:purple", linestyle=":", label=f"직선 예측 {line_s / 60:.1f}분")
    ax.set_ylim(0, 14)
    ax.set_xlabel("시간 (분)")
    ax.set_ylabel("진동 (mm/s)")
    ax.set_title("남은 수명 예측: 추세선을 고장 한계까지 늘리기")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8, ncol=2)
    fig.tight_layout()
    plt.show()
"""

WRAP_UP = """
## 정리

- **기준선**(건강할 때의 평균·표준편차)이 있어야 '이상'을 말할 수 있습니다. 예열 중인 구간이나 고장이 섞인 구간으로 기준선을 잡으면 감지기 전체가 틀어집니다.
- **z-점수 + 연속 조건**은 단순하지만 강력합니다. 한계와 연속 횟수는 '오경보'와 '늦은 경보' 사이의 줄다리기입니다.
  모터마다 잡음이 다르므로 한계를 고정값이 아니라 그 모터의 표준편차로 정합니다.
- ISO 경고선 같은 고정 한계는 '이미 나쁨'을 알려 주고, 통계적 이상 탐지는 '평소와 다름'을 훨씬 일찍 알려 줍니다.
- 지수적으로 커지는 마모는 **로그를 취해 직선**으로 만들면 `np.polyfit`으로 남은 수명을 예측할 수 있습니다. 예측은 데이터가 쌓일수록 고칩니다.
- 데이터를 모아(중간1) 스스로 이상을 찾고 고장을 예측하는 것, 그리고 그 결과로 정비와 생산 계획을 바꾸는 것이 스마트공장 **고도** 수준입니다.
  한 걸음 더: EWMA(지수 이동 평균)나 CUSUM(누적합)은 작은 변화를 더 일찍 잡고, 여러 신호를 함께 보는 방법(마할라노비스 거리, 머신러닝)도 있습니다.

> **실무 연결**
> - 컨베이어·펌프·팬 모터에 IO-Link 진동 센서와 전류 센서를 붙이고, 데이터를 1초~1분마다 모아 이 실습처럼 기준선과 경보를 만드는 것이
>   '상태 기반 보전(CBM)' 개조의 전형입니다. 경보는 MES·CMMS(설비보전관리시스템)의 작업 지시로 이어집니다.
> - 자동차 부품 공장은 라인이 1분 서면 완성차 공장까지 멈출 수 있어, 베어링 하나를 **계획 정지** 때 미리 바꾸는 것이 큰 돈을 아낍니다.
>   삼성 '스마트공장 3.0'이 말하는 '문제에 선제 대응'이 바로 이것입니다.
> - 경보가 너무 자주 울리면 현장은 경보를 끕니다. 그래서 현장의 감지기는 오경보율을 먼저 정하고(예: 한 달에 한 번 이하) 그 안에서 가장 빠른 한계를 고릅니다.
> - 자격 연결: NCS '스마트공장 시스템운영'의 설비 데이터 분석, 설비보전기능사의 진동 측정과 예지 보전.
"""


def build() -> object:
    """The L09 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l09_header", HEADER),
        markdown("l09_glossary", GLOSSARY),
        given_code("l09_setup", SETUP),
        markdown("l09_step0", STEP0),
        scratch_code("l09_watch", WATCH),
        markdown("l09_step1", STEP1),
        solution("l09_baseline_answer", BASELINE),
        tests("l09_baseline", 2, BASELINE_TESTS),
        scratch_code("l09_try_baseline", TRY_BASELINE),
        markdown("l09_step2", STEP2),
        solution("l09_detector_answer", DETECTOR),
        tests("l09_detector", 4, DETECTOR_TESTS),
        markdown("l09_step3", STEP3),
        scratch_code("l09_watch_alarm", WATCH_ALARM),
        tests("l09_lead", 2, LEAD_TESTS),
        markdown("l09_step4", STEP4),
        solution("l09_rul_answer", RUL),
        tests("l09_rul", 2, RUL_TESTS),
        scratch_code("l09_watch_rul", WATCH_RUL),
        markdown("l09_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
