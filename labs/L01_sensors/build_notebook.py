"""Build ``L01_sensors.ipynb``, the nbgrader source notebook of lab L01, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L01_sensors/build_notebook.py``; the
notebook is written without outputs, and ``tests/labs`` checks it matches this script.
"""

from __future__ import annotations

from grading.course.notebook import (
    HOW_TO_WORK,
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
    "id": "L01",
    "title_ko": "센서로 부품 읽기: 분류 라인의 광전센서와 근접센서",
    "title_en": "Reading parts with sensors: photo-eyes and proximity sensors on the sorting line",
    "level": "기초",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L01 센서로 부품 읽기 — 분류 라인의 광전센서와 근접센서",
    goals=[
        "광전센서와 근접센서(유도형·정전용량형)가 무엇을 감지하는지 설명한다",
        "센서 입력으로 부품의 재질을 판별하고 재질별 개수를 센다",
        "채터링을 TON 타이머로 디바운스하고 비상정지를 지키는 프로그램을 만든다",
    ],
    level="**기초** — 생산 실적을 사람이 적지 않고 자동으로 모읍니다 (생산정보 디지털화)",
    minutes="90분 (2차시)",
    scene="`sorting-line-v1` 높이·재질 분류 라인 (`sflab scene show sorting-line-v1`로 입출력 표를 볼 수 있습니다)",
    grading="자동 채점 10점: 1단계 2점 · 2단계 3점 · 3단계 3점 · 4단계 2점",
    note=HOW_TO_WORK.format(also="다른 시드와 고장"),
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 광전센서 (투과형·미러반사형·확산반사형) | 빛으로 물체를 감지합니다. 재질과 상관없이 부품이 빛을 가리거나 반사하면 켜집니다. 이 라인의 `inspect_eye`는 투과형입니다. |
| 근접센서 — 유도형 | 금속만 감지합니다 (`metal_prox`). 플라스틱은 보지 못합니다. |
| 근접센서 — 정전용량형 | 금속과 플라스틱 모두 감지합니다 (`part_prox`). |
| a접점 / b접점 | a접점(NO)은 누르거나 감지하면 1, b접점(NC)은 평소 1이고 누르면 0입니다. 비상정지 `estop_ok`는 b접점입니다. |
| 스캔 | PLC가 입력 읽기 → 프로그램 한 번 실행 → 출력 쓰기를 10 ms마다 되풀이하는 것. `scan(self, io)`가 한 번의 실행입니다. |
| 상승 에지 / 하강 에지 | 신호가 0→1로 바뀌는 순간 / 1→0으로 바뀌는 순간. 개수는 에지에서 한 번만 셉니다. |
| 채터링 | 접점이나 센서 신호가 짧게 여러 번 떨리는 현상. 그대로 세면 한 부품을 여러 번 셉니다. |
| 디바운스 | 신호가 정해진 시간 동안 계속 같은 값일 때만 바뀐 것으로 인정하는 방법. 여기서는 TON(온딜레이 타이머)을 씁니다. |
| 비상정지 | 눌리면 그 스캔 안에 모든 구동 출력(공급기, 컨베이어, 푸셔)을 꺼야 합니다. |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터와 PLC 기능 블록을 불러옵니다.
from simulator.plant import Fault, Plant
from simulator.plc import F_TRIG, R_TRIG, TON
from simulator.viz.notebook import show
"""

TRY_IT = """
## 0단계: 라인 살펴보기 (채점 없음)

아래 셀은 모범 제어 프로그램(`"reference"`)으로 라인을 1분 돌리고 결과를 보여 줍니다.
`plant.image.io`에는 태그가 하나씩 들어 있습니다. 값을 바꿔 가며 마음껏 실행해 보세요.
"""

TRY_IT_CODE = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)  # 작업자가 시작 버튼을 누릅니다
plant.run(minutes=1)  # 모의 시간 1분 (실제로는 1초도 안 걸립니다)
print("생산:", plant.kpis().produced, "개")
print("금속:", plant.image.io.count_metal, "/ 플라스틱:", plant.image.io.count_plastic)
show(plant)  # 1분 뒤의 라인 그림 (셀의 마지막 줄이라 화면에 나옵니다)
"""

STEP1 = """
## 1단계: 센서로 재질 판별하기 (2점)

검사 위치에는 센서 세 개가 같은 곳을 봅니다.

| 태그 | 센서 | 감지하는 것 |
|---|---|---|
| `inspect_eye` | 투과형 광전센서 | 모든 부품 |
| `part_prox` | 정전용량형 근접센서 | 금속과 플라스틱 부품 |
| `metal_prox` | 유도형 근접센서 | 금속 부품만 |

함수 `classify(io)`를 완성하세요. 광전센서와 정전용량형 센서가 **둘 다** 켜져 있어야 부품이 있는 것으로 봅니다
(한 센서의 오검출을 막는 방법입니다). 부품이 있으면 `metal_prox`로 재질을 가립니다.

- 부품이 없으면 `"none"`
- 부품이 있고 `metal_prox`가 켜져 있으면 `"metal"`
- 부품이 있고 `metal_prox`가 꺼져 있으면 `"plastic"`
"""

CLASSIFY = """
def classify(io):
    \"\"\"검사 위치의 부품 재질: "metal", "plastic" 또는 "none".\"\"\"
    ### BEGIN SOLUTION
    if not (io.inspect_eye and io.part_prox):
        return "none"
    if io.metal_prox:
        return "metal"
    return "plastic"
    ### END SOLUTION
"""

CLASSIFY_TESTS = f"""
# 1단계 채점 (2점). 보이는 테스트: 두 경우만 봅니다. 채점 때는 여덟 경우를 모두 봅니다.
from grading.labs import l01
l01.check_classify(classify)
{hidden("l01.check_classify(classify, every_case=True)")}
"""

STEP2 = """
## 2단계: 재질별로 개수 세기 (3점)

`MaterialCounter`는 PLC 프로그램입니다. PLC가 스캔마다 `scan(self, io)`를 한 번 부릅니다.
라인을 돌리는 코드는 주어져 있습니다. 여러분은 **검사 위치를 지나간 부품을 재질별로** 세어
데이터 레지스터 `io.count_metal`, `io.count_plastic`에 1씩 더하세요.

- 부품 한 개는 `inspect_eye`가 켜져 있는 동안 여러 스캔에 걸쳐 보입니다. 스캔마다 세면 안 됩니다.
- 부품이 다 지나간 순간(`inspect_eye`의 하강 에지) 한 번 세세요. 지난 스캔의 값을 `self`에 기억하면 에지를 알 수 있습니다.
- 부품이 센서 앞에 있는 동안 `metal_prox`가 켜진 적이 있으면 금속입니다.
- 다른 셀의 함수(`classify`)에 기대지 말고 이 셀만으로 동작하게 쓰세요.
"""

COUNTER = """
class MaterialCounter:
    \"\"\"검사 위치를 지나간 부품을 재질별로 셉니다 (count_metal, count_plastic).\"\"\"

    def __init__(self):
        ### BEGIN SOLUTION
        self.part_was_here = False  # 지난 스캔에 inspect_eye가 켜져 있었나
        self.saw_metal = False  # 지금 지나가는 부품에서 metal_prox가 켜진 적이 있나
        ### END SOLUTION

    def scan(self, io):
        # 라인 운전 (주어진 코드): 비상정지(b접점)가 정상이면 공급기와 두 컨베이어를 돌립니다.
        run = io.estop_ok
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
        ### BEGIN SOLUTION
        if io.inspect_eye and io.metal_prox:
            self.saw_metal = True
        if self.part_was_here and not io.inspect_eye:  # 하강 에지: 부품이 다 지나갔습니다
            if self.saw_metal:
                io.count_metal += 1
            else:
                io.count_plastic += 1
            self.saw_metal = False
        self.part_was_here = io.inspect_eye
        ### END SOLUTION
"""

COUNTER_TESTS = f"""
# 2단계 채점 (3점). 보이는 테스트: 시드 1로 2분. 채점 때는 다른 시드와 느린 컨베이어로도 봅니다.
from grading.labs import l01
l01.check_counting(MaterialCounter, seed=1)
{
    hidden('''
l01.check_counting(MaterialCounter, seed=7, minutes=3)
l01.check_counting(MaterialCounter, seed=23, faults="slow:infeed_motor*0.5")''')
}
"""

STEP3 = """
## 3단계: 채터링 디바운스 (3점)

현장의 광전센서는 먼지, 진동, 반사 때문에 신호가 떨립니다(채터링). 2단계 프로그램을
떨리는 센서(`Fault("noise", "inspect_eye", severity=0.03)`: 스캔마다 3% 확률로 값이 뒤집힘)로 돌려 보면
개수가 크게 틀립니다. 아래 코드를 빈 셀에 붙여 넣어 직접 확인해 보세요.

```python
plant = Plant("sorting-line-v1", seed=2, program=MaterialCounter,
              faults=[Fault("noise", "inspect_eye", severity=0.03)])
plant.run(minutes=2)
print("금속", plant.image.io.count_metal, "플라스틱", plant.image.io.count_plastic)
print("끝까지 간 부품:", len(plant.records), "개")
```

`DebouncedCounter`를 **처음부터** 완성하세요.

1. 라인 운전: `estop_ok`가 1일 때만 `feeder_on`, `infeed_motor`, `sorter_forward`를 켭니다.
2. 디바운스: `inspect_eye`가 40 ms 동안 **계속 켜져 있으면** '부품 있음', '부품 있음' 상태에서
   40 ms 동안 **계속 꺼져 있으면** '부품 지나감'으로 인정합니다. `TON(PT=0.04)` 두 개를 쓰면 됩니다.
   (`self.on_delay(IN=io.inspect_eye)`는 입력이 PT초 동안 계속 켜져 있을 때 True를 돌려줍니다.)
3. '부품 지나감'이 될 때 재질별로 한 번 셉니다. 재질은 '부품 있음'인 동안 `metal_prox`로 기억합니다.
"""

TRY_NOISE = "# 여기서 떨리는 센서를 시험해 보세요 (채점 없음)\n"

DEBOUNCED = """
class DebouncedCounter:
    \"\"\"떨리는 광전센서에서도 부품을 재질별로 정확히 세는 라인 프로그램.\"\"\"

    def __init__(self):
        ### BEGIN SOLUTION
        self.on_delay = TON(PT=0.04)  # 40 ms 계속 켜짐 → 부품 있음
        self.off_delay = TON(PT=0.04)  # 40 ms 계속 꺼짐 → 부품 지나감
        self.part_here = False
        self.saw_metal = False
        ### END SOLUTION

    def scan(self, io):
        ### BEGIN SOLUTION
        run = io.estop_ok
        io.feeder_on = run
        io.infeed_motor = run
        io.sorter_forward = run
        if self.on_delay(IN=io.inspect_eye):
            self.part_here = True
        if self.part_here and io.metal_prox:
            self.saw_metal = True
        if self.off_delay(IN=not io.inspect_eye) and self.part_here:
            self.part_here = False
            if self.saw_metal:
                io.count_metal += 1
            else:
                io.count_plastic += 1
            self.saw_metal = False
        ### END SOLUTION
"""

DEBOUNCE_TESTS = f"""
# 3단계 채점 (3점). 보이는 테스트: 시드 2, 3% 채터링. 채점 때는 다른 시드, 더 심한 채터링과 신호 끊김으로도 봅니다.
from grading.labs import l01
l01.check_debounce(DebouncedCounter, seed=2)
{
    hidden('''
l01.check_debounce(DebouncedCounter, seed=11, faults="noise:inspect_eye*0.05")
l01.check_debounce(DebouncedCounter, seed=5, faults="dropout:inspect_eye*0.05")''')
}
"""

STEP4 = """
## 4단계: 안전 규칙 지키기 (2점)

3단계의 `DebouncedCounter`를 그대로 채점합니다. 채점기는 라인을 돌리다 **비상정지**를 누르고, 스캔마다
모든 출력의 변화를 기록해 다음 규칙을 어겼는지 봅니다.

- 비상정지가 눌린 스캔에서 공급기·컨베이어·푸셔 출력을 모두 끕니다 (한 스캔 안에 반응).
- 출력이 1초에 6번 넘게 바뀌면 채터링입니다. 떨리는 센서를 램프 같은 출력에 그대로 연결하지 마세요.
- 앞에 부품이 없는데 푸셔를 켜지 않습니다. 정지하지 않고 컨베이어 방향을 바꾸지 않습니다.

코드를 더 쓸 필요가 없다면 채점 셀만 실행하세요. 규칙을 어기면 언제, 어떤 출력이 문제였는지 알려 줍니다.
"""

SAFETY_TESTS = f"""
# 4단계 채점 (2점). 보이는 테스트: 시드 3, 40초에 비상정지. 채점 때는 다른 시각과 채터링 센서로도 봅니다.
from grading.labs import l01
l01.check_safety(DebouncedCounter, seed=3, estop_at_s=40)
{hidden('l01.check_safety(DebouncedCounter, seed=9, estop_at_s=63.3, faults="noise:inspect_eye*0.03")')}
"""

WRAP_UP = """
## 정리

- 광전센서는 '무언가 있다', 유도형 근접센서는 '금속이 있다', 정전용량형 근접센서는 '무언가 가까이 있다'를 알려 줍니다.
- 개수는 에지에서 한 번만 셉니다. 센서가 떨리면 디바운스를 먼저 합니다.
- 이렇게 센 `count_metal`, `count_plastic`은 Modbus 데이터 레지스터(HR 0, 1)로 HMI와 MES가 읽어 갑니다.
  스마트공장 **기초** 수준의 시작, 생산 실적의 자동 수집입니다.
"""


def build() -> object:
    """The L01 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l01_header", HEADER),
        markdown("l01_glossary", GLOSSARY),
        given_code("l01_setup", SETUP),
        markdown("l01_step0", TRY_IT),
        scratch_code("l01_try", TRY_IT_CODE),
        markdown("l01_step1", STEP1),
        solution("l01_classify_answer", CLASSIFY),
        tests("l01_classify", 2, CLASSIFY_TESTS),
        markdown("l01_step2", STEP2),
        solution("l01_count_answer", COUNTER),
        tests("l01_count", 3, COUNTER_TESTS),
        markdown("l01_step3", STEP3),
        scratch_code("l01_try_noise", TRY_NOISE),
        solution("l01_debounce_answer", DEBOUNCED),
        tests("l01_debounce", 3, DEBOUNCE_TESTS),
        markdown("l01_step4", STEP4),
        tests("l01_safety", 2, SAFETY_TESTS),
        markdown("l01_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
