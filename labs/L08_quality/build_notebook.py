# ruff: noqa: E501 - Korean prose and markdown table rows cannot be wrapped.
"""Build ``L08_quality.ipynb``, the nbgrader source notebook of lab L08, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L08_quality/build_notebook.py``; the
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
    "id": "L08",
    "title_ko": "품질과 설비 분석: OEE, 파레토도, X̄-R 관리도와 Cpk",
    "title_en": "Quality and equipment analysis: OEE, Pareto chart, X̄-R control chart and Cpk",
    "level": "중간2",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L08 품질과 설비 분석 — OEE, 파레토도, X̄-R 관리도와 Cpk",
    goals=[
        "한 조(8시간)의 생산 실적과 정지시간으로 OEE와 세 요소(시간가동률·성능가동률·양품률)를 구한다",
        "손실을 원인별로 세어 불량률과 파레토도를 만들고, X̄-R 관리도의 관리한계(UCL·LCL)와 공정능력지수 Cpk를 구한다",
        "관리도로 공정이 드리프트한 조를 찾아, 불량이 늘기 전에 이상을 알아챈다",
    ],
    level="**중간1 → 중간2** — 설비·품질 데이터의 실시간 분석(중간1)에서, 분석 결과로 공정을 관리하고 조치하는 단계(중간2)로",
    minutes="90분 (2차시)",
    scene="`sorting-line-v1` 높이·재질 분류 라인",
    grading="자동 채점 10점: 1단계 3점 · 2단계 2점 · 3단계 3점 · 4단계 1점 · 5단계 1점",
    note="""
각 단계의 `# 여기에 코드를 작성하세요` 자리에 함수를 완성하고, 바로 아래 채점 셀을 실행해 보세요.
채점 셀이 조용히 끝나면 보이는 테스트는 통과입니다. 실제 채점에서는 채점기가 **다른 시드, 멈췄던 라인, 고착된 푸셔,
위·아래로 흐르는 공정, 다른 규격, 다른 조의 드리프트**로 만든 데이터로 검사하므로, 답을 외워 쓰면 점수를 받지 못합니다.
그래프 셀은 채점에 들어가지 않습니다 (자동 채점 때는 건너뜁니다).
""",
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 부하시간 (계획 시간) | 설비를 돌리기로 계획한 시간. 여기서는 한 조 8시간 = 28,800초 (`planned_s`). |
| 정지시간 | 부하시간 중 라인이 서 있던 시간: 공급기 고장, 작업자의 정지 … (`downtime_s`) |
| 가동시간 | 부하시간 − 정지시간. 라인이 실제로 돈 시간입니다. |
| 시간가동률 | 가동시간 ÷ 부하시간 |
| 이론 사이클 타임 | 부품 1개를 만드는 데 걸려야 할 목표 시간. 이 라인은 3.0초 (`ideal_cycle_s`). |
| 성능가동률 | 이론 사이클 타임 × 생산량 ÷ 가동시간. 도는 동안 목표 속도로 만들었는지 봅니다. |
| 양품률 | 양품 수 ÷ 생산량. 양품은 규격 안이고 **제 통에 들어간** 부품입니다 (`result == "OK"`). |
| OEE (설비종합효율) | 시간가동률 × 성능가동률 × 양품률. 세계 일류 수준은 약 85%, 많은 공장은 40~60%입니다. |
| MTBF / MTTR | 평균 고장 간격 / 평균 수리 시간. 이 라인의 공급기는 평균 45분마다 고장 나고 평균 1.5분 만에 고쳐집니다. |
| 불량률 | 불량(손실) 개수 ÷ 생산량 × 100 (%). 원인별로 나눠 보면 어디부터 손볼지 보입니다. |
| 파레토도 | 원인을 개수가 많은 순서로 세운 막대그래프 + 누적 % 꺾은선. "손실의 80%는 몇 안 되는 원인에서" 나옵니다. |
| 규격 (LSL / USL) | 고객이 정한 허용 범위. 이 부품 높이는 60 ± 5 mm: 규격 하한 LSL 55 mm, 상한 USL 65 mm. |
| 관리도 | 공정에서 일정 간격으로 뽑은 표본의 통계를 시간 순서로 찍고, 관리한계를 벗어나면 이상으로 보는 그래프. |
| 군 (subgroup) | 한 번에 뽑은 표본 묶음. 여기서는 20분마다 양품 5개(n = 5). |
| X̄-R 관리도 | 군마다 평균(X̄)과 범위(R = 최댓값 − 최솟값)를 찍는 관리도 한 쌍. X̄는 공정의 중심, R은 흩어짐을 봅니다. |
| CL / UCL / LCL | 중심선 / 관리상한 / 관리하한. **규격 한계와 다릅니다**: 관리한계는 공정이 스스로 내는 흔들림의 범위입니다. |
| 공정능력지수 Cpk | 공정이 규격 안에 얼마나 여유 있게 들어오는지: min(USL − 평균, 평균 − LSL) ÷ 3σ. 1.33 이상이면 보통 '충분'. |
| 드리프트 | 공구 마모처럼 공정의 중심이 시간에 따라 한쪽으로 조금씩 흘러가는 것. |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터, 통계, 한글 그래프를 불러옵니다.
import os
import statistics

import koreanize_matplotlib  # noqa: F401  (그래프에 한글 글꼴을 씁니다)
import matplotlib.pyplot as plt

from simulator.plant import Fault, Plant
from simulator.viz.notebook import show

# 자동 채점 때는 하루치 시뮬레이션과 그래프를 건너뜁니다 (채점은 채점기가 만든 데이터로 합니다).
GRADING = bool(os.environ.get("NBGRADER_EXECUTION"))
H = 3600  # 1시간 = 3600초
SHIFT_S = 8 * H  # 한 조(교대) = 8시간
LSL_MM, USL_MM = 55.0, 65.0  # 부품 높이 규격: 60 ± 5 mm
"""

STEP0 = """
## 0단계: 라인과 하루 생산 실적 보기 (채점 없음)

L07에서 본 분류 라인입니다. 공급기가 부품을 놓고, 레이저 거리센서가 **높이**를 잽니다. 높이가 규격(55~65 mm) 밖이면
불량 푸셔가 불량품 상자(`bin_ng`)로, 금속이면 금속 푸셔가 금속 상자로, 나머지는 끝의 플라스틱 상자로 갑니다.
앞 공정은 가끔 44 mm나 76 mm짜리 부품(불량)을 보내고, 공급기는 평균 45분마다 고장 나 1.5분쯤 멈춥니다(MTBF/MTTR).
"""

WATCH = """
plant = Plant("sorting-line-v1", seed=7, program="reference")
plant.press("start", hold_s=0.3)
plant.run(minutes=2)
print("2분 동안 생산:", len(plant.records), "개")
show(plant)  # 오른쪽 아래 '생산 지표(KPI)'에 OEE와 세 요소가 보입니다. 1단계에서 직접 계산합니다.
"""

DAY = """
### 하루(3교대, 24시간)를 돌립니다

선생님이 이 날에 두 가지 문제를 넣었습니다.

- `process_drift`: **B조**(8~16시) 내내 앞 공정의 공구가 닳아 부품 높이가 **시간당 0.6 mm씩** 커집니다.
  C조가 시작할 때 공구를 바꿔 원래대로 돌아옵니다.
- `jam`: **C조** 18시부터 15분 동안 금속 푸셔가 고착되어 움직이지 않습니다.

시뮬레이터는 24시간을 10초쯤에 돌립니다. 빨리 돌리려고 PLC 스캔 주기를 10 ms에서 100 ms로 늘렸습니다.
`plant.shift_reports()`는 조마다 생산량, 양품, 불량, 오분류, 높이 평균·표준편차, 가동시간을 알려 줍니다.
"""

MAKE_DAY = """
DRIFT_SHIFT = "B"  # 드리프트가 일어난 조 ("B" 또는 "C"로 바꿔 보세요)
drift_start_s = SHIFT_S * "ABC".index(DRIFT_SHIFT)
faults = [
    Fault("process_drift", "feeder_on", start_s=drift_start_s, end_s=drift_start_s + SHIFT_S, severity=0.6),
    Fault("jam", "pusher_metal_out", start_s=18 * H, end_s=18.25 * H),
]
day = Plant("sorting-line-v1", seed=7, program="reference", faults=faults, scan_period_ms=100)
day.press("start", hold_s=0.3)
if not GRADING:
    day.run(hours=24)  # 하루 24시간
print("조 | 생산 | 양품 | 불량 | 오분류 | 높이 평균 (mm) | 높이 표준편차 (mm) | 가동시간 (h)")
for report in day.shift_reports():
    print(
        f"{report.letter}조 | {report.produced} | {report.good} | {report.defective} | {report.mis_sorts} | "
        f"{report.height_mean_mm:.2f} | {report.height_sd_mm:.2f} | {report.operating_s / H:.2f}"
    )
"""

DAY_CHART = """
# 하루 동안 부품 높이: 점 하나가 부품 하나입니다. 빨간 선은 규격 한계입니다.
if not GRADING:
    fig, ax = plt.subplots(figsize=(11, 4))
    ax.scatter([r.finished_s / H for r in day.records], [r.height_mm for r in day.records], s=2, alpha=0.3)
    for limit in (LSL_MM, USL_MM):
        ax.axhline(limit, color="tab:red", linestyle="--")
    for hour, letter in [(0, "A조"), (8, "B조"), (16, "C조")]:
        ax.axvline(hour, color="gray", linewidth=0.8)
        ax.text(hour + 0.2, 78, letter, fontsize=12)
    ax.set_xlim(0, 24)
    ax.set_ylim(40, 80)
    ax.set_title("하루 동안 부품 높이 (규격 55~65 mm)")
    ax.set_xlabel("시각 (시)")
    ax.set_ylabel("높이 (mm)")
    plt.show()
"""

STEP1 = """
## 1단계: 한 조의 OEE와 세 요소 (3점)

설비종합효율(OEE)은 '계획한 시간에, 목표 속도로, 좋은 물건을 얼마나 만들었나'를 한 숫자로 봅니다.

| 요소 | 구하는 법 | 무엇을 잃었나 |
|---|---|---|
| 시간가동률 `availability` | 가동시간 ÷ 부하시간, 가동시간 = `planned_s − downtime_s` | 고장·정지로 선 시간 |
| 성능가동률 `performance` | `ideal_cycle_s × 생산량 ÷ 가동시간`, 생산량 = `len(records)` | 도는 동안 느렸던 만큼 |
| 양품률 `quality` | 양품 수 ÷ 생산량, 양품은 `record.result == "OK"` | 불량·오분류 |
| `oee` | 시간가동률 × 성능가동률 × 양품률 | 모두 |

함수 `shift_oee(records, planned_s, downtime_s, ideal_cycle_s)`를 완성하세요. 네 값을 **0~1 사이 비율**로 담은 딕셔너리를
돌려줍니다 (%로 바꾸지 마세요). `records`는 그 조의 생산 실적입니다.

주의: 양품률은 `1 − 불량률`이 아닙니다. 규격 안의 부품이라도 엉뚱한 통에 들어가면(`result == "MIS_SORT"`) 양품이 아닙니다.

```python
shift_oee(records, 28800, 300, 3.0)   # 부품 7000개, 양품 6500개라면
# 시간가동률 = 28500/28800 = 0.990, 성능가동률 = 3.0 × 7000 / 28500 = 0.737, 양품률 = 6500/7000 = 0.929, OEE = 0.677
```
"""

SHIFT_OEE = """
def shift_oee(records, planned_s, downtime_s, ideal_cycle_s=3.0):
    \"\"\"한 조의 시간가동률, 성능가동률, 양품률, OEE (모두 0~1 비율).\"\"\"
    ### BEGIN SOLUTION
    operating_s = planned_s - downtime_s
    produced = len(records)
    good = sum(1 for record in records if record.result == "OK")
    availability = operating_s / planned_s
    performance = ideal_cycle_s * produced / operating_s
    quality = good / produced
    return {
        "availability": availability,
        "performance": performance,
        "quality": quality,
        "oee": availability * performance * quality,
    }
    ### END SOLUTION
"""

OEE_TESTS = f"""
# 1단계 채점 (3점). 보이는 테스트: 시드 1, 30분. 채점 때는 멈췄던 라인, 고착된 푸셔, 다른 사이클 타임으로 봅니다.
from grading.labs import l08

l08.check_oee(shift_oee, seed=1, minutes=30)
{
    hidden('''
l08.check_oee(shift_oee, seed=5, minutes=60, stop_min=(20, 27))
l08.check_oee(shift_oee, seed=9, minutes=45, jam_min=(10, 25), ideal_cycle_s=2.5)''')
}
"""

OEE_CHART = """
# 하루의 세 조를 비교합니다 (1단계를 푼 뒤 실행하세요). 조의 정지시간 = 부하시간 − 가동시간.
if not GRADING:
    names = {"availability": "시간가동률", "performance": "성능가동률", "quality": "양품률", "oee": "OEE"}
    results = {}
    for report in day.shift_reports():
        mine = [r for r in day.records if report.start_s <= r.finished_s < report.end_s]
        planned_s = report.end_s - report.start_s
        results[report.letter] = shift_oee(mine, planned_s, planned_s - report.operating_s, 3.0)
        print(f"{report.letter}조:", ", ".join(f"{names[k]} {v:.1%}" for k, v in results[report.letter].items()))
    fig, ax = plt.subplots(figsize=(9, 4))
    for offset, (letter, values) in zip((-0.25, 0, 0.25), results.items()):
        positions = [i + offset for i in range(len(names))]
        ax.bar(positions, [100 * values[k] for k in names], width=0.25, label=f"{letter}조")
    ax.axhline(85, color="tab:green", linestyle="--", label="세계 일류 OEE 85%")
    ax.set_xticks(range(len(names)), list(names.values()))
    ax.set_ylim(0, 105)
    ax.set_ylabel("%")
    ax.set_title("조별 OEE와 세 요소")
    ax.legend(loc="lower left")
    plt.show()
"""

STEP2 = """
## 2단계: 원인별 불량률과 파레토도 (2점)

양품이 아닌 부품(`result != "OK"`)마다 원인을 하나 붙입니다. 이 라인의 기록에서 알 수 있는 원인은 네 가지입니다.

| 원인 | 기록에서 알아보는 법 | 현장의 뜻 |
|---|---|---|
| `"높이 초과"` | `record.defect`가 참이고 `record.height_mm > 60` | 앞 공정이 너무 큰 부품을 만듦 |
| `"높이 미달"` | `record.defect`가 참이고 높이가 60 mm 이하 | 너무 작은 부품 |
| `"양품 오판정"` | 불량이 아닌데(`not record.defect`) 불량품 상자(`record.bin == "bin_ng"`)에 들어감 | 측정 잡음으로 규격 경계의 양품을 버림 |
| `"재질 오분류"` | 불량이 아닌데 다른 재질의 상자에 들어감 (그 밖의 경우) | 푸셔 고장 등으로 분류 실패 |

함수 `defect_pareto(records)`를 완성하세요. **나온 원인마다** 한 행 `(원인, 개수, 불량률 %, 누적 %)`을
**개수가 많은 순서**로 담은 목록을 돌려줍니다. 0개인 원인은 넣지 않습니다. 개수가 같으면 위 표의 순서를 지킵니다
(`sorted`는 같은 값의 순서를 바꾸지 않습니다).

- 불량률 % = 그 원인의 개수 ÷ 생산량(`len(records)`) × 100
- 누적 % = 그 행까지 개수의 합 ÷ 모든 손실 개수 × 100 (마지막 행은 100)
- 두 %는 그대로 두어도, `round(…, 1)`로 소수 첫째 자리까지 반올림해도 됩니다.

```python
defect_pareto(records)   # 예: [("높이 미달", 44, 4.9, 57.1), ("높이 초과", 33, 3.7, 100.0)]
```
"""

PARETO = """
def defect_pareto(records):
    \"\"\"원인마다 (원인, 개수, 불량률 %, 누적 %), 개수가 많은 원인부터.\"\"\"
    ### BEGIN SOLUTION
    causes = ["높이 초과", "높이 미달", "양품 오판정", "재질 오분류"]
    counts = {cause: 0 for cause in causes}
    for record in records:
        if record.result == "OK":
            continue
        if record.defect:
            cause = "높이 초과" if record.height_mm > 60 else "높이 미달"
        elif record.bin == "bin_ng":
            cause = "양품 오판정"
        else:
            cause = "재질 오분류"
        counts[cause] += 1
    seen = [cause for cause in causes if counts[cause] > 0]
    ranked = sorted(seen, key=lambda cause: counts[cause], reverse=True)
    losses = sum(counts.values())
    table = []
    running = 0
    for cause in ranked:
        running += counts[cause]
        table.append((cause, counts[cause], 100 * counts[cause] / len(records), 100 * running / losses))
    return table
    ### END SOLUTION
"""

PARETO_TESTS = f"""
# 2단계 채점 (2점). 보이는 테스트: 시드 1, 60분. 채점 때는 드리프트와 고착된 푸셔로 원인이 네 가지까지 나옵니다.
from grading.labs import l08

l08.check_pareto(defect_pareto, seed=1, minutes=60)
{
    hidden('''
l08.check_pareto(defect_pareto, seed=3, minutes=120, drift=(30, 3.0), jam_min=(90, 100))
l08.check_pareto(defect_pareto, seed=11, minutes=90, drift=(20, -3.0))''')
}
"""

PARETO_CHART = """
# 하루 전체의 파레토도 (2단계를 푼 뒤 실행하세요): 막대 = 개수, 꺾은선 = 누적 %.
if not GRADING:
    table = defect_pareto(day.records)
    for cause, count, rate, cumulative in table:
        print(f"{cause}: {count}개, 불량률 {rate:.2f}%, 누적 {cumulative:.1f}%")
    fig, ax = plt.subplots(figsize=(8, 4.5))
    causes = [row[0] for row in table]
    ax.bar(causes, [row[1] for row in table], color="tab:blue")
    ax.set_ylabel("개수")
    line = ax.twinx()
    line.plot(causes, [row[3] for row in table], color="tab:red", marker="o")
    line.axhline(80, color="gray", linestyle=":")
    line.set_ylim(0, 105)
    line.set_ylabel("누적 %")
    ax.set_title(f"손실 원인 파레토도 (하루, 생산 {len(day.records)}개)")
    plt.show()
"""

STEP3 = """
## 3단계: X̄-R 관리도의 관리한계 (3점)

품질 담당자는 **20분마다 양품 상자로 가는 부품 5개**를 꺼내 높이를 잽니다. 이 5개가 한 **군**입니다.
아래 셀(수정하지 마세요)의 `sample_subgroups`가 생산 실적에서 이 표본을 뽑아 `(조, [높이 5개])` 목록으로 줍니다.

군마다 평균 X̄와 범위 R(최댓값 − 최솟값)을 구하고, 공정이 안정된 기간의 군들로 관리한계를 정합니다.

| 관리도 | 중심선 CL | 관리상한 UCL | 관리하한 LCL |
|---|---|---|---|
| X̄ 관리도 | X̿ = X̄들의 평균 | X̿ + A2 × R̄ | X̿ − A2 × R̄ |
| R 관리도 | R̄ = R들의 평균 | D4 × R̄ | D3 × R̄ |

군의 크기 n = 5일 때 계수: **A2 = 0.577, D3 = 0, D4 = 2.114** (관리도 계수표에서 찾습니다).

함수 `xbar_r_limits(subgroups)`를 완성하세요. `subgroups`는 높이 목록(5개씩)의 목록이고, 키가 `"xbar_cl"`, `"xbar_ucl"`,
`"xbar_lcl"`, `"r_cl"`, `"r_ucl"`, `"r_lcl"`인 딕셔너리(mm)를 돌려줍니다.
"""

SAMPLING = """
# 관리도용 표본 (수정하지 마세요): 20분마다, 그 뒤 양품 상자로 간 처음 5개의 높이.
def sample_subgroups(records, every_s=1200, size=5):
    \"\"\"(조, [높이 mm × size]) 목록. 공급기 고장으로 5개가 안 모인 때는 건너뜁니다.\"\"\"
    samples = []
    mark_s = 0.0  # 지금 표본을 뽑는 구간의 시작 시각
    picked = []
    for record in records:  # 통에 들어간 순서
        while record.finished_s >= mark_s + every_s:  # 다음 구간으로
            mark_s, picked = mark_s + every_s, []
        if record.bin == "bin_ng" or len(picked) == size:
            continue
        picked.append(record.height_mm)
        if len(picked) == size:
            samples.append(("ABC"[int(mark_s // SHIFT_S) % 3], picked))
    return samples
"""

LIMITS = """
def xbar_r_limits(subgroups):
    \"\"\"X̄ 관리도와 R 관리도의 중심선·관리상한·관리하한 (mm), 군의 크기 n = 5.\"\"\"
    ### BEGIN SOLUTION
    A2, D3, D4 = 0.577, 0.0, 2.114
    means = [sum(group) / len(group) for group in subgroups]
    ranges = [max(group) - min(group) for group in subgroups]
    grand_mean = sum(means) / len(means)
    mean_range = sum(ranges) / len(ranges)
    return {
        "xbar_cl": grand_mean,
        "xbar_ucl": grand_mean + A2 * mean_range,
        "xbar_lcl": grand_mean - A2 * mean_range,
        "r_cl": mean_range,
        "r_ucl": D4 * mean_range,
        "r_lcl": D3 * mean_range,
    }
    ### END SOLUTION
"""

LIMITS_TESTS = f"""
# 3단계 채점 (3점). 보이는 테스트: 시드 1, 60분, 3분마다 한 군. 채점 때는 다른 시드, 간격, 드리프트로 봅니다.
from grading.labs import l08

l08.check_limits(xbar_r_limits, seed=1, minutes=60, every_s=180)
{
    hidden('''
l08.check_limits(xbar_r_limits, seed=12, minutes=120, every_s=300, drift=(0, 1.0))
l08.check_limits(xbar_r_limits, seed=4, minutes=40, every_s=120)''')
}
"""

CONTROL_CHART = """
# 하루의 X̄-R 관리도 (3단계를 푼 뒤 실행하세요). 관리한계는 A조(공정이 안정된 기준 기간)의 군으로 정하고,
# 그 한계로 하루 전체를 봅니다. 빨간 점은 관리한계를 벗어난 군입니다.
# (그래프 글자에서 X̄는 수식 표기 $\\bar{X}$로 씁니다.)
if not GRADING:
    samples = sample_subgroups(day.records)
    limits = xbar_r_limits([heights for letter, heights in samples if letter == "A"])
    means = [statistics.fmean(heights) for _, heights in samples]
    ranges = [max(heights) - min(heights) for _, heights in samples]
    numbers = range(1, len(samples) + 1)
    fig, (ax_x, ax_r) = plt.subplots(2, 1, figsize=(11, 7), sharex=True)
    for ax, values, kind, name in [(ax_x, means, "xbar", r"$\\bar{X}$ (mm)"), (ax_r, ranges, "r", "R (mm)")]:
        low, high = limits[f"{kind}_lcl"], limits[f"{kind}_ucl"]
        ax.plot(numbers, values, marker="o", markersize=3, color="tab:blue")
        outside = [(n, v) for n, v in zip(numbers, values) if v > high or v < low]
        ax.scatter([n for n, _ in outside], [v for _, v in outside], color="tab:red", zorder=3, label="관리 이탈")
        for value, label, style in [(high, "UCL", "--"), (limits[f"{kind}_cl"], "CL", "-"), (low, "LCL", "--")]:
            color = "tab:green" if label == "CL" else "tab:red"
            ax.hlines(value, 0.5, len(values) + 0.5, color=color, linestyle=style)
            ax.text(len(values) + 1, value, f"{label} {value:.2f}", va="center", fontsize=9, color=color)
        top = max(max(values), high)
        ax.set_ylim(top=top + 0.15 * (top - min(min(values), low)))
        for letter in "ABC":
            first = next((n for n, (s, _) in zip(numbers, samples) if s == letter), None)
            if first is not None:
                ax.axvline(first - 0.5, color="gray", linewidth=0.8)
                ax.text(first, ax.get_ylim()[1], f" {letter}조", va="top", fontsize=11)
        ax.set_ylabel(name)
        ax.set_xlim(0, len(values) + 9)
    ax_x.set_title(r"높이 $\\bar{X}$-R 관리도 (20분마다 n = 5, 관리한계는 A조 기준)")
    ax_x.legend(loc="center left")
    ax_r.set_xlabel("군 번호 (시간 순서)")
    plt.show()
"""

STEP4 = """
## 4단계: 공정능력지수 Cpk (1점)

관리도가 '공정이 평소처럼 도는가'를 본다면, Cpk는 '공정이 **규격** 안에 여유 있게 들어오는가'를 봅니다.

Cpk = min(USL − 평균, 평균 − LSL) ÷ (3 × s)

- s는 **표본 표준편차** `statistics.stdev(heights_mm)`입니다 (n − 1로 나눕니다. `statistics.pstdev`가 아닙니다).
- 공정의 중심이 규격 가운데에서 벗어나면 가까운 쪽 규격까지의 거리로 줄어듭니다. 그래서 `min`입니다.
- 보통 Cpk ≥ 1.33이면 공정능력이 충분, 1.0~1.33이면 주의, 1.0 미만이면 부족하다고 봅니다.
- 엄밀히는 전체 표준편차로 구한 값을 Ppk, 군 안의 흩어짐(R̄ ÷ d2)으로 구한 값을 Cpk라 구분합니다. 이 실습은 현장에서 흔히 쓰는
  표본 표준편차를 씁니다.

함수 `cpk(heights_mm, lsl_mm, usl_mm)`를 완성하세요. 숫자 하나를 반올림하지 않고 돌려줍니다.
"""

CPK = """
def cpk(heights_mm, lsl_mm, usl_mm):
    \"\"\"공정능력지수 Cpk = min(USL − 평균, 평균 − LSL) / (3 × 표본 표준편차).\"\"\"
    ### BEGIN SOLUTION
    mean = statistics.fmean(heights_mm)
    sd = statistics.stdev(heights_mm)
    return min(usl_mm - mean, mean - lsl_mm) / (3 * sd)
    ### END SOLUTION
"""

CPK_TESTS = f"""
# 4단계 채점 (1점). 보이는 테스트: 시드 1, 60분 동안 양품 상자로 간 부품의 높이, 규격 55~65 mm.
from grading.labs import l08

l08.check_cpk(cpk, seed=1, minutes=60)
{
    hidden('''
l08.check_cpk(cpk, seed=6, minutes=90, drift=(0, 2.0))
l08.check_cpk(cpk, seed=13, minutes=60, drift=(0, -1.0), lsl_mm=56.0, usl_mm=66.0)''')
}
"""

HISTOGRAM = """
# 조마다 양품 상자로 간 부품의 높이 분포와 Cpk (4단계를 푼 뒤 실행하세요).
if not GRADING:
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.8), sharey=True)
    for ax, letter in zip(axes, "ABC"):
        index = "ABC".index(letter)
        heights = [
            r.height_mm
            for r in day.records
            if r.bin != "bin_ng" and index * SHIFT_S <= r.finished_s < (index + 1) * SHIFT_S
        ]
        value = cpk(heights, LSL_MM, USL_MM)
        ax.hist(heights, bins=[54 + 0.25 * i for i in range(49)], color="tab:blue" if value >= 1.33 else "tab:orange")
        for limit, label, side in [(LSL_MM, "LSL ", "right"), (USL_MM, " USL", "left")]:
            ax.axvline(limit, color="tab:red", linestyle="--")
            ax.text(limit, ax.get_ylim()[1] * 0.95, label, color="tab:red", ha=side, va="top")
        ax.set_title(f"{letter}조: Cpk = {value:.2f} ({'충분' if value >= 1.33 else '부족'})")
        ax.set_xlabel("높이 (mm)")
    axes[0].set_ylabel("부품 수")
    fig.suptitle("조별 높이 분포와 공정능력")
    fig.tight_layout()
    plt.show()
    # 해 볼 것: 고객이 규격을 60 ± 1.5 mm로 좁히면 A조의 Cpk는? cpk(heights, 58.5, 61.5)
"""

STEP5 = """
## 5단계: 드리프트한 조 찾기 (1점)

관리도의 힘은 **불량이 늘기 전에** 이상을 알려 준다는 것입니다. 0단계 표에서 B조의 불량은 조금 늘었을 뿐이지만,
3단계의 관리도에서는 B조가 시작하고 한두 시간 만에 X̄가 UCL을 넘기 시작합니다.

함수 `find_drifted_shift(samples, lcl, ucl)`을 완성하세요. `samples`는 `sample_subgroups`가 주는 `(조, [높이 5개])` 목록,
`lcl`·`ucl`은 안정된 기간으로 정한 X̄ 관리도의 관리한계입니다.

1. 군마다 평균 X̄를 구하고, `X̄ > ucl`이거나 `X̄ < lcl`이면(**위·아래 모두**) 그 군의 조에 1을 셉니다.
2. 관리 이탈이 가장 많은 조의 글자(`"A"`, `"B"`, `"C"`)를 돌려줍니다.

공정은 위로도(공구 마모로 커짐), 아래로도(설정 잘못으로 작아짐) 흐를 수 있습니다.

3단계 관리도에서 C조 첫 군의 R이 크게 튄 것도 보았나요? 공구를 바꾸기 전의 큰 부품과 바꾼 뒤의 부품이 한 군에
섞였기 때문입니다. R 관리도의 이탈은 '흩어짐이 갑자기 커졌다'는 신호입니다.
"""

FIND_DRIFT = """
def find_drifted_shift(samples, lcl, ucl):
    \"\"\"X̄가 관리한계를 가장 많이 벗어난 조의 글자.\"\"\"
    ### BEGIN SOLUTION
    outside = {}
    for letter, heights in samples:
        outside.setdefault(letter, 0)
        mean = sum(heights) / len(heights)
        if mean > ucl or mean < lcl:
            outside[letter] += 1
    return max(outside, key=lambda letter: outside[letter])
    ### END SOLUTION
"""

DRIFT_TESTS = f"""
# 5단계 채점 (1점). 보이는 테스트: 시드 2, B조가 위로 드리프트. 채점 때는 다른 날, 다른 조, 아래로 흐르는 공정으로 봅니다.
# (채점기는 빨리 끝내려고 하루를 줄여 씁니다: 1분마다 한 군, 한 조 = 24군, 드리프트는 그만큼 빠르게.)
from grading.labs import l08

l08.check_drift(find_drifted_shift, seed=2, drift_shift="B", severity_mm_per_h=0.6)
{
    hidden('''
l08.check_drift(find_drifted_shift, seed=9, drift_shift="C", severity_mm_per_h=-0.6)
l08.check_drift(find_drifted_shift, seed=15, drift_shift="A", severity_mm_per_h=0.4)''')
}
"""

TRY_DRIFT = """
# 오늘의 드리프트한 조 (5단계를 푼 뒤 실행하세요). 0단계의 DRIFT_SHIFT를 "C"로 바꿔 다시 돌려 보세요.
if not GRADING:
    samples = sample_subgroups(day.records)
    limits = xbar_r_limits([heights for letter, heights in samples if letter == "A"])
    print("드리프트한 조:", find_drifted_shift(samples, limits["xbar_lcl"], limits["xbar_ucl"]))
    first = next(
        (i for i, (letter, h) in enumerate(samples) if statistics.fmean(h) > limits["xbar_ucl"]), None
    )
    if first is not None:
        print(f"처음 UCL을 넘은 군: {first + 1}번 (하루 시작부터 약 {first * 20 / 60:.1f}시간)")
"""

WRAP_UP = """
## 정리

- **OEE**는 시간(고장·정지), 속도(느림), 품질(불량·오분류)의 손실을 한 숫자로 묶습니다. 숫자가 낮으면 세 요소 중
  어느 것이 낮은지부터 봅니다. 이 라인은 공급 간격 때문에 성능가동률이 가장 낮습니다.
- **파레토도**는 손실의 대부분을 만드는 몇 가지 원인을 보여 줍니다. 개선은 왼쪽 막대부터 합니다.
- **관리도**는 공정이 평소의 흔들림 안에 있는지 봅니다. 관리한계는 규격 한계가 아니라 공정이 스스로 정한 한계이고,
  관리 이탈은 '원인을 찾아라'는 신호입니다. B조의 드리프트는 불량이 크게 늘기 몇 시간 전에 X̄ 관리도에 나타났습니다.
- **Cpk**는 공정이 규격을 얼마나 여유 있게 지키는지입니다. 드리프트한 조는 Cpk가 1.33 아래로 떨어집니다.
- 데이터를 자동으로 모아 분석하는 것이 **중간1**, 그 결과로 공정을 멈추거나 공구를 바꾸는 조치까지 이어지면 **중간2**입니다.

> **실무 연결**
> - 자동차 부품 공장은 고객사(완성차)에 주요 치수의 **Cpk 1.33 이상**을 약속하고, X̄-R 관리도를 공정마다 붙여 둡니다
>   (IATF 16949의 SPC). 관리 이탈이 나면 작업자가 공구를 바꾸거나 설비를 세우고, 그 조치를 이력으로 남깁니다.
> - 생산관리자는 매일 아침 조별 **OEE**와 **불량 파레토**로 회의를 시작합니다. 부산 녹산의 한 도금 공장은 센서와 MES로
>   이런 데이터를 자동으로 모으기 시작한 뒤 불량을 77% 줄였습니다.
> - 사람이 시간마다 5개를 재서 손으로 점을 찍던 관리도를, 스마트공장에서는 센서 값으로 자동으로 그리고 이탈하면
>   경광등과 알림으로 알립니다. 이 실습의 함수들이 그 계산입니다.
> - 자격 연결: 품질경영기사·산업기사의 '관리도와 공정능력', NCS '스마트공장 시스템운영'의 생산 데이터 분석.
"""


def build() -> object:
    """The L08 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l08_header", HEADER),
        markdown("l08_glossary", GLOSSARY),
        given_code("l08_setup", SETUP),
        markdown("l08_step0", STEP0),
        scratch_code("l08_watch", WATCH),
        markdown("l08_day", DAY),
        scratch_code("l08_make_day", MAKE_DAY),
        scratch_code("l08_day_chart", DAY_CHART),
        markdown("l08_step1", STEP1),
        solution("l08_oee_answer", SHIFT_OEE),
        tests("l08_oee", 3, OEE_TESTS),
        scratch_code("l08_oee_chart", OEE_CHART),
        markdown("l08_step2", STEP2),
        solution("l08_pareto_answer", PARETO),
        tests("l08_pareto", 2, PARETO_TESTS),
        scratch_code("l08_pareto_chart", PARETO_CHART),
        markdown("l08_step3", STEP3),
        given_code("l08_sampling", SAMPLING),
        solution("l08_limits_answer", LIMITS),
        tests("l08_limits", 3, LIMITS_TESTS),
        scratch_code("l08_control_chart", CONTROL_CHART),
        markdown("l08_step4", STEP4),
        solution("l08_cpk_answer", CPK),
        tests("l08_cpk", 1, CPK_TESTS),
        scratch_code("l08_histogram", HISTOGRAM),
        markdown("l08_step5", STEP5),
        solution("l08_drift_answer", FIND_DRIFT),
        tests("l08_drift", 1, DRIFT_TESTS),
        scratch_code("l08_try_drift", TRY_DRIFT),
        markdown("l08_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
