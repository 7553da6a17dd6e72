# ruff: noqa: E501  (markdown table rows in the lab text cannot be wrapped)
"""Build ``L02_analog.ipynb``, the nbgrader source notebook of lab L02, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L02_analog/build_notebook.py``; the
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
    "id": "L02",
    "title_ko": "아날로그 센서와 스케일링: 레이저 거리센서로 부품 높이 재기",
    "title_en": "Analog sensors and scaling: measuring part height with a laser distance sensor",
    "level": "중간1",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L02 아날로그 센서와 스케일링 — 레이저 거리센서로 부품 높이 재기",
    goals=[
        "4–20 mA·0–10 V 아날로그 입력의 A/D 카운트를 공학 단위(mm)로 바꾼다 (스케일링)",
        "기준점 두 개로 센서를 교정한다 (2점 교정)",
        "이동평균 필터로 잡음을 줄여 부품마다 높이를 정확히 잰다",
        "히스테리시스 비교로 경보가 깜빡이지 않게 한다",
    ],
    level="**중간1** — 설비 데이터를 실시간으로 모으고 품질을 분석합니다 (실시간 수집·분석)",
    minutes="90분 (2차시: 1차시 = 0~3단계, 2차시 = 4~5단계)",
    scene="`sorting-line-v1` 높이·재질 분류 라인 (`sflab scene show sorting-line-v1`로 입출력 표를 볼 수 있습니다)",
    grading="자동 채점 10점: 1단계 2점 · 2단계 2점 · 3단계 2점 · 4단계 2점 · 5단계 2점",
    note="""
각 단계의 `# 여기에 코드를 작성하세요` 자리에 코드를 쓰고, 바로 아래 채점 셀을 실행해 보세요.
채점 셀이 조용히 끝나면 보이는 테스트는 통과입니다. 실제 채점에서는 **다른 값, 다른 시드, 센서 잡음**으로도
검사하고, 정답은 센서가 아니라 **공장이 알고 있는 실제 부품 높이**와 비교합니다.
""",
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 아날로그 입력 (4–20 mA) | 값을 전류의 크기로 보내는 신호. 4 mA가 측정 범위의 시작, 20 mA가 끝입니다. 0 mA면 선이 끊어진 것이라 고장을 알 수 있고(라이브 제로), 전류라서 긴 배선과 잡음에 강합니다. |
| 아날로그 입력 (0–10 V) | 값을 전압으로 보내는 신호. 배선이 짧은 곳에 씁니다. 0 V가 '측정값 0'인지 '단선'인지 구별할 수 없습니다. |
| A/D 변환, 카운트 | 아날로그 입력 카드가 전류·전압을 정수로 바꾼 값. 이 라인의 카드는 4 mA → 0, 20 mA → 32000 카운트입니다. 범위(0–4000, 0–16000 …)는 카드와 설정마다 다르니 꼭 확인합니다. |
| 공학 단위 | mm, °C, kg처럼 사람이 쓰는 단위. 카운트를 공학 단위로 바꾸는 것을 **스케일링**이라고 합니다. |
| 2점 교정 | 값을 아는 기준 두 개(예: 빈 벨트 0 mm, 60 mm 기준 블록)를 재어 직선 식(기울기·절편)을 새로 구하는 것. |
| 잡음(노이즈) | 측정값이 실제 값 주변에서 조금씩 흔들리는 것. 이 센서는 표준편차 0.3 mm입니다. |
| 이동평균 필터 | 최근 N개 값의 평균. N이 크면 잡음이 줄지만 변화에 늦게 따라갑니다. |
| 응답 지연 | 센서 값이 실제 변화를 바로 따라가지 못하는 것. 이 센서는 시정수 20 ms입니다. |
| 히스테리시스 | 켜지는 기준과 꺼지는 기준을 다르게 두는 것. 값이 기준 근처에서 흔들려도 출력이 깜빡이지 않습니다. |
| 비교연산 | PLC에서 두 값을 비교하는 명령(`>=`, `<=` 접점). 결과가 접점처럼 켜지고 꺼집니다. |
| 데이터 레지스터 (D) | PLC가 숫자를 담는 메모리. XG5000·MELSEC 모두 `D0`, `D1` …로 씁니다. 래더에서는 실수 대신 정수를 주로 씁니다. |
| 하강 에지 접점 | 신호가 1 → 0으로 바뀐 스캔에만 켜지는 접점. XG5000은 `─┤N├─`, MELSEC(GX Works)은 `─┤↓├─`로 그립니다. |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터, 그래프 도구, 표준 라이브러리를 불러옵니다.
from collections import deque

import koreanize_matplotlib  # noqa: F401  그래프에 한글이 보이게 합니다
import matplotlib.pyplot as plt

from simulator.plant import Fault, Plant
from simulator.viz.notebook import show
"""

STEP0 = """
## 0단계: 높이 센서 지켜보기 (채점 없음, 10분)

검사 위치(벨트 시작에서 1.45 m) 위 **200 mm** 높이에 레이저 거리센서가 아래를 보고 있습니다. 센서는 렌즈에서
아래 물체까지의 **거리**를 재어 4–20 mA 전류로 보내고, PLC의 아날로그 입력 카드는 그 전류를 정수 카운트로 바꿔
태그 `height_raw`에 넣습니다.

```
        ┌──────┐  레이저 거리센서 (렌즈)
        └──┬───┘
           │ 거리 d (50~250 mm를 잽니다)      ┐
           │                                   │ 200 mm
        ┌──▼──┐                                │
        │부품 │ 높이 h                          │
   ═════╧═════╧══════ 벨트 면 ═════════════════┘
```

| 전류 | 카운트 (`height_raw`) | 거리 d | 높이 h = 200 − d |
|---|---|---|---|
| 4 mA | 0 | 50 mm | 150 mm |
| 20 mA | 32000 | 250 mm | −50 mm |
| (빈 벨트) | 24000 | 200 mm | 0 mm |

아래 셀은 모범 프로그램으로 라인을 20초 돌리면서 `height_raw`와 `inspect_eye`(같은 위치의 광전센서)를
10 ms마다 기록하고 그래프로 그립니다. 실행하고 물음에 답해 보세요.

- 빈 벨트일 때 카운트는 얼마쯤입니까? 부품이 지나갈 때는요? 왜 부품이 오면 카운트가 **줄어들까요**?
- 부품이 센서 아래 있는 동안 값이 완전히 평평합니까?
"""

STEP0_CODE = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)  # 작업자가 시작 버튼을 누릅니다
log = plant.log_tags(every_s=0.01, tags=["height_raw", "inspect_eye"])  # 10 ms마다 기록 (데이터 수집)
plant.run(seconds=20)

t = log.column("time_s")
fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 5.5), sharex=True, height_ratios=[3, 1])
top.plot(t, log.column("height_raw"), lw=0.8, label="height_raw")
top.axhline(24000, color="gray", ls="--", lw=0.8, label="24000 = 빈 벨트 (0 mm)")
top.axhline(14400, color="tab:green", ls="--", lw=0.8, label="14400 = 60 mm 부품")
top.set_ylabel("height_raw (카운트)")
top.set_title("높이 센서의 A/D 카운트 — 부품이 오면 거리가 짧아져 카운트가 줄어듭니다")
top.legend(loc="lower left", fontsize=8)
bottom.step(t, log.column("inspect_eye"), where="post", color="tab:orange")
bottom.set_yticks([0, 1])
bottom.set_ylabel("inspect_eye")
bottom.set_title("같은 위치의 검사 광전센서 (1 = 부품이 빛을 가림)", fontsize=10)
bottom.set_xlabel("시간 (초)")
plt.show()
show(plant)  # 20초 뒤 라인의 모습
"""

STEP1 = """
## 1단계: 카운트를 mm로 — 스케일링 (2점)

A/D 카운트와 거리는 **직선** 관계입니다. 카운트가 0 → 32000으로 변하면 거리는 50 → 250 mm로 변하므로

- 거리 d = 50 + 카운트 × (250 − 50) / 32000 (mm)
- 높이 h = 200 − d (mm)

함수 `counts_to_mm(counts)`를 완성해 **부품 높이(mm)**를 돌려주세요. 예: 24000 → 0.0 mm(빈 벨트), 14400 → 60.0 mm.

**0–10 V 센서라면?** 신호가 전류든 전압이든 카드가 카운트로 바꾼 뒤에는 똑같은 직선입니다. 같은 센서가 0–10 V를
내고 카드가 0 V → 0, 10 V → 32000 카운트로 바꾼다면 5 V는 16000 카운트, 거리 150 mm, 높이 50 mm입니다.
달라지는 것은 '범위의 시작과 끝이 무엇인가'뿐이고, 그것은 센서 데이터시트와 카드 설정에 적혀 있습니다.

PLC 래더에서는 보통 실수 대신 정수로 0.1 mm 단위를 씁니다. 위 식은 높이(0.1 mm) = 1500 − 카운트 ÷ 16이므로
(카운트 × 200 / 32000 mm = 카운트 ÷ 16 × 0.1 mm), XG5000에서는 나눗셈 `DIV`와 뺄셈 `SUB` 명령 두 줄입니다
(D0 = `height_raw`가 들어오는 레지스터라고 합시다. MELSEC GX Works에서는 `/`와 `-` 명령, 상수는 `K16`처럼 씁니다).

```
  F99 (항상 ON)
───┤ ├───┬──────────────────────[ DIV   D0    16   D1 ]    D1 = 카운트 ÷ 16  (거리 증분, 0.1 mm)
         └──────────────────────[ SUB   1500  D1   D2 ]    D2 = 1500 − D1    (높이, 0.1 mm)
```

파이썬으로는 같은 계산을 실수로 한 줄에 씁니다. 예: `D0 = 14400`이면 `D1 = 900`, `D2 = 600`(= 60.0 mm).
"""

SCALE = """
def counts_to_mm(counts):
    \"\"\"높이센서 A/D 카운트(0~32000)를 벨트 위 부품 높이(mm)로 바꿉니다.\"\"\"
    ### BEGIN SOLUTION
    distance_mm = 50.0 + counts * (250.0 - 50.0) / 32000  # 렌즈에서 물체까지의 거리
    return 200.0 - distance_mm  # 렌즈는 벨트 면 위 200 mm
    ### END SOLUTION
"""

SCALE_TESTS = f"""
# 1단계 채점 (2점). 보이는 테스트: 빈 벨트와 60 mm 부품. 채점 때는 0~32000의 여러 카운트로 봅니다.
from grading.labs import l02
l02.check_scaling(counts_to_mm)
{hidden("l02.check_scaling(counts_to_mm, every_case=True)")}
"""

STEP2 = """
## 2단계: 기준점 두 개로 교정하기 — 2점 교정 (2점)

정비 중에 센서 브래킷을 다시 달았더니 렌즈가 벨트에서 3 mm **더 높아졌습니다**(203 mm).
이제 1단계의 식(데이터시트 값)은 빈 벨트를 −3 mm로, 모든 부품을 3 mm 낮게 잽니다.
현장에서는 이럴 때 **값을 아는 기준 두 개**를 센서 아래 놓고 카운트를 읽어 직선을 새로 구합니다.

| 기준 | 실제 높이 | 읽은 카운트 |
|---|---|---|
| 빈 벨트 | 0.0 mm | 24480 |
| 60 mm 기준 블록 (게이지 블록) | 60.0 mm | 14880 |

두 점 (raw_a, mm_a), (raw_b, mm_b)를 지나는 직선 `높이 = 기울기 × 카운트 + 절편`에서

- 기울기 = (mm_b − mm_a) / (raw_b − raw_a)
- 절편 = mm_a − 기울기 × raw_a

함수 `calibrate(raw_a, mm_a, raw_b, mm_b)`가 `(기울기, 절편)`을 돌려주게 완성하세요.
(위 표의 값이면 기울기 −0.00625, 절편 153.0입니다. 1단계 식의 절편은 150.0이었습니다.)
"""

CALIBRATE = """
def calibrate(raw_a, mm_a, raw_b, mm_b):
    \"\"\"두 기준점을 지나는 직선의 (기울기, 절편): 높이(mm) = 기울기 × 카운트 + 절편.\"\"\"
    ### BEGIN SOLUTION
    gain = (mm_b - mm_a) / (raw_b - raw_a)
    offset = mm_a - gain * raw_a
    return gain, offset
    ### END SOLUTION
"""

CALIBRATE_TESTS = f"""
# 2단계 채점 (2점). 보이는 테스트: 데이터시트의 두 점. 채점 때는 다시 단 센서와 여러 기준점으로 봅니다.
from grading.labs import l02
l02.check_calibrate(calibrate)
{hidden("l02.check_calibrate(calibrate, every_case=True)")}
"""

TRY_CALIBRATE = """
## 해 보기: 라인에서 기준점 읽기 (채점 없음)

아래 셀은 실제 공장에서 하는 교정 순서를 그대로 흉내 냅니다. ① 빈 벨트의 카운트를 읽고 ② 첫 부품이 센서 아래
왔을 때 카운트를 읽은 뒤 ③ 그 부품이 상자에 들어간 다음 공장 기록(`plant.records`)에서 **실제 높이**를 봅니다.
출력된 값으로 `calibrate(...)`를 불러 기울기와 절편이 1단계 식(−0.00625, 150.0)과 거의 같은지 확인해 보세요.
"""

TRY_CALIBRATE_CODE = """
plant = Plant("sorting-line-v1", seed=4, program="reference")
plant.press("start", hold_s=0.3)
plant.run(seconds=1)
empty_raw = plant.io.height_raw  # ① 아직 부품이 없는 벨트

while not plant.io.inspect_eye:  # ② 첫 부품이 검사 위치에 올 때까지 10 ms씩 돌립니다
    plant.run(seconds=0.01)
plant.run(seconds=0.12)  # 센서 값이 자리를 잡을 때까지 (응답 지연 20 ms)
part_raw = plant.io.height_raw

plant.run(seconds=15)  # ③ 부품이 상자에 들어가면 공장 기록에 실제 높이가 남습니다
part_mm = plant.records[0].height_mm
print(f"빈 벨트 {empty_raw} 카운트, 첫 부품 {part_raw} 카운트, 실제 높이 {part_mm:.2f} mm")
print(f"빈 셀에서 실행해 보세요: calibrate({empty_raw}, 0.0, {part_raw}, {part_mm:.2f})")
"""

STEP3 = """
## 3단계: 이동평균 필터 (2점)

센서 값에는 잡음이 섞여 있습니다(표준편차 0.3 mm). 아래 그래프는 부품 한 개가 지나가는 0.3초 동안의 높이입니다.
회색 점이 스캔마다 읽은 값, 빨간 선이 **최근 10개 값의 평균**(이동평균)입니다. 먼저 실행해서 보세요.

클래스 `MovingAverage`를 완성하세요.

- `MovingAverage(size)`: 최근 `size`개 값을 기억할 필터를 만듭니다. 값 목록은 `__init__` 안에서 `self`에 만드세요
  (필터마다 따로 있어야 합니다).
- `update(value)`: 새 값을 넣고, **최근 `size`개 값의 평균**을 돌려줍니다. 아직 `size`개가 안 되면 지금까지
  들어온 값만 평균합니다.
- 예: `size=3`에 3, 6, 9, 12를 차례로 넣으면 3.0, 4.5, 6.0, 9.0을 돌려줍니다.
"""

STEP3_CODE = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)
log = plant.log_tags(every_s=0.01, tags=["height_raw", "inspect_eye"])
plant.run(seconds=20)

rows = log.rows
first = next(i for i, row in enumerate(rows) if row[2])  # 첫 부품이 광전센서에 들어온 행
part = rows[first - 5 : first + 30]
t = [row[0] for row in part]
mm = [200.0 - (50.0 + row[1] * 200.0 / 32000) for row in part]
smooth = [sum(mm[max(0, i - 9) : i + 1]) / len(mm[max(0, i - 9) : i + 1]) for i in range(len(mm))]

plt.figure(figsize=(10, 3.5))
plt.plot(t, mm, ".", color="gray", label="스캔마다 읽은 높이")
plt.plot(t, smooth, color="tab:red", label="이동평균 (최근 10개)")
plt.fill_between(t, 0, 70, where=[row[2] for row in part], color="tab:orange", alpha=0.15, label="inspect_eye = 1")
plt.ylim(-5, 70)
plt.xlabel("시간 (초)")
plt.ylabel("높이 (mm)")
plt.title("부품 한 개가 지나갈 때: 앞쪽은 센서가 따라 올라가는 중(응답 지연), 가운데부터 평평")
plt.legend(loc="lower center")
plt.show()
"""

MOVING_AVERAGE = """
class MovingAverage:
    \"\"\"최근 size개 값의 평균을 내는 이동평균 필터.\"\"\"

    def __init__(self, size):
        ### BEGIN SOLUTION
        self.size = size
        self.values = []  # 최근 값들 (필터마다 따로)
        ### END SOLUTION

    def update(self, value):
        \"\"\"새 값을 넣고 최근 size개의 평균을 돌려줍니다.\"\"\"
        ### BEGIN SOLUTION
        self.values.append(value)
        if len(self.values) > self.size:
            self.values.pop(0)  # 가장 오래된 값을 버립니다
        return sum(self.values) / len(self.values)
        ### END SOLUTION
"""

MOVING_AVERAGE_TESTS = f"""
# 3단계 채점 (2점). 보이는 테스트: size=3에 3, 6, 9, 12. 채점 때는 여러 크기, 긴 잡음 신호, 필터 두 개로 봅니다.
from grading.labs import l02
l02.check_moving_average(MovingAverage)
{hidden("l02.check_moving_average(MovingAverage, every_case=True)")}
"""

STEP4 = """
## 4단계: 부품마다 높이 재기 — 측정 프로그램 (2점)

이제 PLC 프로그램 `HeightGauge`를 씁니다. 라인을 돌리면서 **검사 위치를 지나간 부품마다 높이를 한 번** 재어
리스트 `self.heights`에 차례로 append하세요. 채점기는 여러분의 측정값을 **공장이 알고 있는 실제 높이**와
비교합니다: 모든 부품이 ±0.6 mm 안에 들어야 합니다.

1. 라인 운전: `estop_ok`가 1이면 `feeder_on`, `infeed_motor`, `sorter_forward`를 켭니다.
2. 부품이 센서 아래 있는 동안(`inspect_eye`가 1) 스캔마다 `height_raw`를 mm로 바꿔 **최근 10개의 이동평균**을
   구합니다. 3단계 `MovingAverage` 대신 표준 라이브러리 `deque(maxlen=10)`을 쓰세요. `maxlen`을 넘으면 가장 오래된
   값이 저절로 빠지므로, `sum(d) / len(d)`가 이동평균입니다. 환산식도 이 셀 안에 다시 쓰세요
   (다른 셀의 함수에 기대지 않아야, 그 셀이 틀려도 이 단계 점수를 지킵니다).
3. 부품이 다 지나간 스캔(`inspect_eye`의 하강 에지)에서 **직전 스캔까지의 평균**을 `self.heights`에 append하고,
   다음 부품을 위해 평균을 비웁니다.

왜 3번처럼 할까요? 3단계 그래프처럼 부품 앞쪽에서는 센서 값이 아직 올라가는 중이고, 부품이 지나간 스캔의 값은
벌써 벨트 쪽으로 떨어지고 있습니다. 최근 10개(100 ms)의 평균은 부품의 평평한 뒤쪽 절반만 씁니다.

래더로 그리면 두 줄입니다 (XG5000 모양. `inspect_eye`는 입력 P0006, MELSEC이면 X6):

```
  P0006 inspect_eye                     ┌───────────────────────┐
───┤ ├──────────────────────────────────┤ 이동평균 FB (최근 10개) ├──   D2(높이) → D10(평균)
                                        └───────────────────────┘
  P0006 inspect_eye (하강 에지)
───┤N├──────────────────────────────────[ MOV   D10   D20 ]           D20 = 이 부품의 높이 → 기록
```

첫째 줄이 `if io.inspect_eye:` 안의 `append`, 둘째 줄이 하강 에지의 `self.heights.append(...)`입니다.
현장에서는 이동평균을 함수 블록(FB)으로 직접 만들거나, 아날로그 입력 카드의 **평균 처리** 설정(시간·횟수·이동 평균)에
맡기기도 합니다.

시험해 보려면 아래 코드를 빈 셀에 붙여 넣으세요 (측정값과 실제 높이를 나란히 봅니다).

```python
gauge = HeightGauge()
plant = Plant("sorting-line-v1", seed=1, program=gauge)
plant.run(minutes=1)
truth = [r.height_mm for r in sorted(plant.records, key=lambda r: r.item_id)]
for measured, real in zip(gauge.heights, truth):
    print(f"측정 {measured:6.2f} mm   실제 {real:6.2f} mm   차이 {measured - real:+.2f}")
```
"""

GAUGE = """
class HeightGauge:
    \"\"\"라인을 돌리며 검사 위치를 지나간 부품마다 높이(mm)를 재어 self.heights에 모읍니다.\"\"\"

    def __init__(self):
        self.heights = []  # 측정 기록: 부품 하나에 값 하나 (MES로 보낼 데이터)
        ### BEGIN SOLUTION
        self.window = deque(maxlen=10)  # 최근 10개 값
        self.part_was_here = False  # 지난 스캔에 inspect_eye가 켜져 있었나
        ### END SOLUTION

    def scan(self, io):
        ### BEGIN SOLUTION
        run = io.estop_ok
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
        if io.inspect_eye:  # 부품이 센서 아래: 이동평균에 넣습니다
            self.window.append(200.0 - (50.0 + io.height_raw * 200.0 / 32000))
        elif self.part_was_here and self.window:  # 하강 에지: 직전까지의 평균을 기록합니다
            self.heights.append(sum(self.window) / len(self.window))
            self.window.clear()
        self.part_was_here = io.inspect_eye
        ### END SOLUTION
"""

GAUGE_TESTS = f"""
# 4단계 채점 (2점). 보이는 테스트: 시드 1로 2분. 채점 때는 다른 시드, 센서 잡음, 느린 컨베이어로도 봅니다.
from grading.labs import l02
l02.check_gauge(HeightGauge, seed=1)
{
    hidden('''
l02.check_gauge(HeightGauge, seed=11, minutes=3, faults="noise:height_raw*0.2")
l02.check_gauge(HeightGauge, seed=9, minutes=3, faults="slow:sorter_forward*0.5,noise:height_raw*0.2")''')
}
"""

STEP5 = """
## 5단계: 깜빡이지 않는 높이 경보 — 히스테리시스 (2점)

앞 공정의 공구가 닳으면 부품이 조금씩 **높아집니다**(공정 드리프트). 품질팀은 부품 높이가 61.5 mm에 닿으면
황색 경보등으로 "공구 교환 준비"를 알리고 싶어 합니다. 아래 셀은 시간당 40 mm씩 드리프트하는 라인에서 4분 동안
만든 양품의 높이를 그립니다. 기준 하나(61.5 mm 이상이면 켬)로만 비교하면 부품 높이가 기준 근처에서 오르내릴 때마다
경보가 **켜졌다 꺼졌다** 합니다. 실행해서 몇 번 바뀌는지 보세요.

해결책은 **히스테리시스**: 켜는 기준과 끄는 기준을 다르게 둡니다.

- 값이 `on_at` **이상**이면 켭니다 (True).
- 값이 `off_at` **이하**이면 끕니다 (False).
- 그 사이이면 **직전 상태를 그대로** 둡니다. 처음 상태는 꺼짐입니다.

클래스 `Hysteresis(on_at, off_at)`의 `update(value)`가 이렇게 True/False를 돌려주게 완성하세요.
래더로 그리면 히스테리시스는 **비교 접점으로 만든 자기유지회로**입니다 (자기유지회로는 L03 실습에서 자세히 다룹니다).

```
  D20 ≥ 61.5 mm                    D20 > 60.5 mm                        높이 경보
───[ >=  D20  615 ]───┬────────────[ >   D20  605 ]──────────────────────( M0 )──
  M0 (자기유지)        │
───┤ ├────────────────┘
```

- `value >= on_at` → 위쪽 비교 접점이 닫혀 M0가 켜집니다.
- 켜진 뒤에는 M0 접점이 스스로 길을 잡아 줍니다(자기유지). 값이 `off_at` 이하가 되면 `>` 접점이 열려 꺼집니다.
- 파이썬의 `self.on`이 래더의 M0입니다.
"""

STEP5_CODE = """
# 공구 마모: 앞 공정이 시간당 40 mm씩 부품을 높게 만듭니다 (공정 드리프트 고장)
plant = Plant("sorting-line-v1", seed=3, program="reference",
              faults=[Fault("process_drift", "feeder_on", severity=40.0)])
plant.press("start", hold_s=0.3)
plant.run(minutes=4)
records = sorted(plant.records, key=lambda r: r.item_id)  # 만든 차례대로
heights = [r.height_mm for r in records if not r.defect]  # 양품의 실제 높이 (공장 기록)
single = [h >= 61.5 for h in heights]  # 기준 하나로만 비교
changes = sum(a != b for a, b in zip(single, single[1:]))

fig, ax = plt.subplots(figsize=(10, 3.5))
ax.plot(range(1, len(heights) + 1), heights, "o-", ms=4, label="부품 높이 (공장 기록)")
ax.axhline(61.5, color="tab:red", ls="--", label="켜는 기준 61.5 mm")
ax.axhline(60.5, color="tab:green", ls="--", label="끄는 기준 60.5 mm")
ax.set_xlabel("부품 번호")
ax.set_ylabel("높이 (mm)")
ax.set_title(f"공구 마모로 점점 높아지는 부품 — 기준 하나면 경보가 {changes}번 바뀝니다")
ax.legend(loc="upper left")
plt.show()
"""

HYSTERESIS = """
class Hysteresis:
    \"\"\"on_at 이상이면 켜고, off_at 이하이면 끄고, 그 사이에서는 상태를 유지하는 비교기.\"\"\"

    def __init__(self, on_at, off_at):
        ### BEGIN SOLUTION
        self.on_at = on_at
        self.off_at = off_at
        self.on = False  # 처음에는 꺼짐
        ### END SOLUTION

    def update(self, value):
        \"\"\"새 값을 넣고 경보 상태(True = 켜짐)를 돌려줍니다.\"\"\"
        ### BEGIN SOLUTION
        if value >= self.on_at:
            self.on = True
        elif value <= self.off_at:
            self.on = False
        return self.on  # 사이 값이면 직전 상태 그대로
        ### END SOLUTION
"""

HYSTERESIS_TESTS = f"""
# 5단계 채점 (2점). 보이는 테스트: 예시 값 8개. 채점 때는 다른 라인의 부품 높이와 잡음 섞인 신호, 다른 기준으로 봅니다.
from grading.labs import l02
l02.check_hysteresis(Hysteresis)
{
    hidden('''
l02.check_hysteresis(Hysteresis, seed=3, on_at=61.5, off_at=60.5)
l02.check_hysteresis(Hysteresis, seed=8, on_at=61.2, off_at=60.8, drift_mm_per_h=30.0)''')
}
"""

TRY_HYSTERESIS = """
# 해 보기 (채점 없음): 위 그래프의 heights를 여러분의 Hysteresis에 넣어 경보가 몇 번 바뀌는지 세어 보세요.
# 예) alarm = Hysteresis(61.5, 60.5); states = [alarm.update(h) for h in heights]
"""

WRAP_UP = """
## 정리

- 아날로그 센서는 **카운트 → 공학 단위**(스케일링)부터 합니다. 4–20 mA든 0–10 V든 카드가 바꾼 카운트와 공학 단위는
  직선 관계이고, 데이터시트 식이 어긋나면 값을 아는 기준 두 개로 **2점 교정**합니다.
- 잡음은 **이동평균**으로 줄이되, 응답 지연이 있는 가장자리 값은 빼고 평평한 구간만 씁니다.
- 기준 근처에서 흔들리는 값으로 경보나 출력을 켤 때는 **히스테리시스**로 깜빡임을 막습니다.
- 부품마다 잰 높이(`self.heights`)는 실시간으로 모이는 품질 데이터입니다. 이것을 MES로 보내 관리도(X̄-R)를 그리면
  스마트공장 **중간1** 수준, "설비 데이터의 실시간 수집·분석"입니다.

오늘 쓴 파이썬과 수업의 래더(XG5000 / MELSEC GX Works)를 나란히 놓으면:

| 파이썬 (이 실습) | XG5000 래더 | MELSEC 래더 |
|---|---|---|
| `io.height_raw` | 아날로그 카드의 채널 값 → `D0` | 아날로그 유닛의 채널 값 → `D0` |
| `200.0 - (50.0 + counts * 200.0 / 32000)` | `DIV D0 16 D1`, `SUB 1500 D1 D2` | `/ D0 K16 D1`, `- K1500 D1 D2` |
| `calibrate(...)`의 기울기·절편 | 교정 때 HMI에서 바꾸는 `D` 레지스터 값 | 같음 |
| `MovingAverage`, `deque(maxlen=10)` | 이동평균 FB 또는 카드의 평균 처리 설정 | 같음 |
| `if io.inspect_eye` / 하강 에지 | `─┤ ├─` a접점 / `─┤N├─` 하강 에지 접점 | `─┤ ├─` / `─┤↓├─` |
| `Hysteresis.update` | `>=`·`>` 비교 접점 + `M0` 자기유지 | 같은 모양 (`K615`처럼 상수 앞에 K) |

> ### 🏭 실무 연결
> 자동차 부품 공장(부산 강서·기장의 볼트·너트, 조향 부품 공장 등)에서는 레이저 변위센서로 부품 높이를 **전수 검사**하고,
> 신입 기술자가 가장 먼저 맡는 일이 바로 오늘 한 일입니다.
> - **아날로그 입력 카드 설정**: 채널마다 신호 종류(4–20 mA / 0–10 V)와 카운트 범위를 고르고, 평균 처리(시간·횟수·
>   이동 평균)를 켭니다. LS ELECTRIC XGT·XGB의 아날로그 입력 모듈도 이 설정을 XG5000에서 합니다.
> - **센서 교체·브래킷 수리 뒤 2점 교정**: 빈 벨트와 기준 블록(게이지 블록)을 재어 기울기·절편을 새로 넣고
>   교정 기록을 남깁니다. 교정 기록은 품질 감사 때 꼭 확인하는 서류입니다.
> - **판정·경보 기준값 입력**: 양품 범위와 공구 교환 경보 기준을 HMI에서 넣습니다. 경보에 히스테리시스가 없으면
>   경보등이 깜빡이고, 작업자는 곧 경보를 무시하게 됩니다.
> - 자격 연결: 자동화설비기능사·산업기사의 PLC 비교·연산 명령, NCS 'PLC제어특수모듈 프로그램 개발'(아날로그 모듈).
"""


def build() -> object:
    """The L02 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l02_header", HEADER),
        markdown("l02_glossary", GLOSSARY),
        given_code("l02_setup", SETUP),
        markdown("l02_step0", STEP0),
        scratch_code("l02_watch", STEP0_CODE),
        markdown("l02_step1", STEP1),
        solution("l02_scale_answer", SCALE),
        tests("l02_scale", 2, SCALE_TESTS),
        markdown("l02_step2", STEP2),
        solution("l02_calibrate_answer", CALIBRATE),
        tests("l02_calibrate", 2, CALIBRATE_TESTS),
        markdown("l02_try_calibrate", TRY_CALIBRATE),
        scratch_code("l02_try_calibrate_code", TRY_CALIBRATE_CODE),
        markdown("l02_step3", STEP3),
        scratch_code("l02_noise_plot", STEP3_CODE),
        solution("l02_filter_answer", MOVING_AVERAGE),
        tests("l02_filter", 2, MOVING_AVERAGE_TESTS),
        markdown("l02_step4", STEP4),
        solution("l02_gauge_answer", GAUGE),
        tests("l02_gauge", 2, GAUGE_TESTS),
        scratch_code("l02_try_gauge", "# 여기서 HeightGauge를 시험해 보세요 (채점 없음)\n"),
        markdown("l02_step5", STEP5),
        scratch_code("l02_drift_plot", STEP5_CODE),
        solution("l02_hysteresis_answer", HYSTERESIS),
        tests("l02_hysteresis", 2, HYSTERESIS_TESTS),
        scratch_code("l02_try_hysteresis", TRY_HYSTERESIS),
        markdown("l02_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
