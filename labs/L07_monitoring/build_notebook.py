# ruff: noqa: E501 - Korean prose and markdown table rows cannot be wrapped.
"""Build ``L07_monitoring.ipynb``, the nbgrader source notebook of lab L07, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L07_monitoring/build_notebook.py``; the
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
    "id": "L07",
    "title_ko": "데이터 수집과 모니터링: 태그 기록, 로트 추적, 실시간 대시보드",
    "title_en": "Data collection and monitoring: tag logging, lot traceability and a live dashboard",
    "level": "중간1",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L07 데이터 수집과 모니터링 — 태그 기록, 로트 추적, 실시간 대시보드",
    goals=[
        "설비 태그를 1초마다 표로 기록한다 (히스토리안)",
        '생산 실적으로 "로트 A-17은 어느 통으로, 언제 갔나?"에 답한다 (이력 추적) — 파이썬과 SQL 두 가지로',
        "표에서 대시보드 숫자(생산량, 분당 생산, 온도, 가동 비율)를 구하고 실시간 그래프로 보여 준다",
    ],
    level="**기초 → 중간1** — 생산 실적의 자동 수집과 로트 추적(기초)에서 설비 데이터의 실시간 수집·모니터링(중간1)으로",
    minutes="90분 (2차시)",
    scene="`sorting-line-v1` 높이·재질 분류 라인",
    grading="자동 채점 10점: 1단계 3점 · 2단계 3점 · 3단계 2점 · 4단계 2점",
    note="""
각 단계의 `# 여기에 코드를 작성하세요` 자리에 코드를 쓰고, 바로 아래 채점 셀을 실행해 보세요.
채점 셀이 조용히 끝나면 보이는 테스트는 통과입니다. 실제 채점에서는 **다른 시드, 다른 로트, 더 긴 운전**으로도
검사하므로, 보이는 테스트의 답을 외워 쓰면 점수를 받지 못합니다.
""",
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 생산 실적 | 부품 한 개마다 남는 기록: 부품 번호, 로트, 재질, 높이, 들어간 통, 시각, 판정(OK·NG·MIS_SORT). `plant.records` |
| 로트 (lot) | 같은 조건으로 함께 만든 묶음. 이 라인은 12개가 한 로트이고, `A-17`은 'A조(첫 교대) 17번째 로트'입니다. |
| 이력 추적 (트레이서빌리티) | 문제가 생긴 로트가 어디로, 언제 갔는지 기록으로 찾아내는 것. 리콜과 불량 원인 분석의 출발점입니다. |
| 태그 | PLC 안의 이름 붙은 값 하나 (`count_metal`, `sorter_temperature` …). |
| 히스토리안 | 태그 값을 정해진 주기(여기서는 1초)마다 시각과 함께 표에 쌓는 프로그램. SCADA의 데이터 로거입니다. |
| 샘플링 주기 | 값을 기록하는 간격. 짧을수록 자세하지만 데이터가 많아집니다. |
| SQL / SQLite | 표로 된 데이터에 질문하는 언어 / 파일 하나로 된 데이터베이스. MES의 생산 실적도 이런 데이터베이스에 있습니다. |
| 대시보드 | 현장의 상태를 숫자와 그래프로 한눈에 보여 주는 화면. |
| 가동 비율 | 기록한 시간 중 라인이 운전 중(녹색등)이었던 비율. OEE의 시간가동률과 비슷한 생각입니다. |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터, SQLite, 한글 그래프를 불러옵니다.
import sqlite3
import time

import koreanize_matplotlib  # noqa: F401  (그래프에 한글 글꼴을 씁니다)
import matplotlib.pyplot as plt
from IPython.display import clear_output, display

from simulator.plant import Plant
from simulator.viz.notebook import show
"""

STEP0 = """
## 0단계: 라인이 남기는 기록 살펴보기 (채점 없음)

모범 프로그램으로 라인을 3분 돌리고, 부품마다 남는 **생산 실적**(`plant.records`)의 처음 세 줄을 봅니다.
`lot`, `bin`, `finished_s`(통에 들어간 시각, 초)를 눈여겨보세요. 이 기록이 스마트공장 **기초** 수준의 핵심입니다.
"""

TRY_RECORDS = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)
plant.run(minutes=3)
print("생산:", len(plant.records), "개")
for record in plant.records[:3]:
    height, when = f"{record.height_mm:.1f} mm", f"{record.finished_s:.1f}초"
    print(record.item_id, record.lot, record.material, height, record.bin, when, record.result)
show(plant)  # 3분 뒤의 라인 그림 (셀의 마지막 줄이라 화면에 나옵니다)
"""

STEP1 = """
## 1단계: 태그를 1초마다 표로 기록하기 — 히스토리안 (3점)

`plant.log_tags(every_s=1.0, tags=[...])`는 히스토리안을 켭니다. 그 뒤 `plant.run(...)`으로 라인이 도는 동안
1초마다 태그 값이 한 행씩 쌓입니다 (0초 행부터). `historian.column("time_s")`, `historian.column("count_metal")`처럼
열 하나를 목록으로 꺼낼 수 있습니다.

함수 `collect(seed, seconds)`를 완성하세요.

1. `Plant("sorting-line-v1", seed=seed, program="reference")`를 만들고 곧바로(0초에) `plant.press("start", hold_s=0.3)`
2. 태그 `lamp_green`, `count_metal`, `count_plastic`, `count_ng`, `sorter_temperature`를 1초마다 기록하도록 히스토리안을 켜고
3. `plant.run(seconds=seconds)`로 한 번에 운전한 뒤
4. 다음 여섯 열의 딕셔너리(열 이름 → 값 목록)를 돌려줍니다.

| 열 | 값 |
|---|---|
| `"time_s"` | 기록 시각 (초) |
| `"lamp_green"` | 운전 표시등 (True/False) |
| `"count_metal"`, `"count_plastic"`, `"count_ng"` | 누적 개수 |
| `"temperature_c"` | 모터 온도 °C = `sorter_temperature` ÷ 10 (1 카운트 = 0.1 °C) |
"""

COLLECT = """
def collect(seed, seconds):
    \"\"\"라인을 seconds초 운전하며 1초마다 기록한 표: 열 이름 → 값 목록.\"\"\"
    ### BEGIN SOLUTION
    plant = Plant("sorting-line-v1", seed=seed, program="reference")
    plant.press("start", hold_s=0.3)
    tags = ["lamp_green", "count_metal", "count_plastic", "count_ng", "sorter_temperature"]
    historian = plant.log_tags(every_s=1.0, tags=tags)
    plant.run(seconds=seconds)
    return {
        "time_s": historian.column("time_s"),
        "lamp_green": historian.column("lamp_green"),
        "count_metal": historian.column("count_metal"),
        "count_plastic": historian.column("count_plastic"),
        "count_ng": historian.column("count_ng"),
        "temperature_c": [raw / 10 for raw in historian.column("sorter_temperature")],
    }
    ### END SOLUTION
"""

COLLECT_TESTS = f"""
# 1단계 채점 (3점). 보이는 테스트: 시드 1, 30초. 채점 때는 다른 시드로 더 길게 봅니다.
from grading.labs import l07

l07.check_collect(collect, seed=1, seconds=30)
{
    hidden('''
l07.check_collect(collect, seed=8, seconds=150)
l07.check_collect(collect, seed=21, seconds=75)''')
}
"""

TRY_COLLECT = """
# 여러분의 표를 보려면 맨 앞 #을 지우고 실행하세요 (채점 없음).
# table = collect(seed=1, seconds=30)
# for row in range(0, 30, 5):
#     print({column: values[row] for column, values in table.items()})
"""

STEP2 = """
## 2단계: 로트 추적 — "로트 A-17은 어느 통으로, 언제 갔나?" (3점)

고객이 "로트 A-17에 문제가 있다"고 연락하면, 그 로트의 부품이 어느 통(`bin_metal`, `bin_plastic`, `bin_ng`)으로
언제 갔는지 바로 찾아야 합니다. 생산 실적은 부품이 통에 들어간 순서대로 `plant.records`에 쌓여 있습니다.

함수 `trace_lot(records, lot)`을 완성하세요. `record.lot == lot`인 기록마다 `(record.item_id, record.bin, record.finished_s)`
튜플을 **통에 들어간 순서대로** 모은 목록을 돌려줍니다. 그런 로트가 없으면 빈 목록 `[]`입니다.

```python
trace_lot(plant.records, "A-01")   # 시드 1 → [(1, 'bin_metal', 14.28), (3, 'bin_metal', 20.06), (2, 'bin_plastic', 22.68…), …]
```

3번 부품이 2번보다 먼저 통에 들어갔습니다. 금속 통이 라인 앞쪽에 있기 때문입니다. 그래서 부품 번호 순서가 아니라
기록이 쌓인 순서(통에 들어간 순서) 그대로 모아야 합니다.
"""

TRACE = """
def trace_lot(records, lot):
    \"\"\"로트 lot의 부품마다 (부품 번호, 들어간 통, 시각 초), 통에 들어간 순서대로.\"\"\"
    ### BEGIN SOLUTION
    found = []
    for record in records:
        if record.lot == lot:
            found.append((record.item_id, record.bin, record.finished_s))
    return found
    ### END SOLUTION
"""

TRACE_TESTS = f"""
# 2단계 채점 (3점). 보이는 테스트: 시드 1, 4분, 로트 A-02.
# 채점 때는 다른 시드, A-17 같은 다른 로트, 없는 로트로도 봅니다.
from grading.labs import l07

l07.check_trace(trace_lot, seed=1, lots=("A-02",), minutes=4)
{hidden('l07.check_trace(trace_lot, seed=8, lots=("A-17", "A-05", "B-01"), minutes=20)')}
"""

TRY_TRACE = """
# 로트 A-17을 찾아보세요 (채점 없음). 15분쯤 돌려야 A-17이 만들어집니다.
plant = Plant("sorting-line-v1", seed=3, program="reference")
plant.press("start", hold_s=0.3)
plant.run(minutes=20)
print("생산:", len(plant.records), "개. 로트 A-17 부품은", sum(1 for r in plant.records if r.lot == "A-17"), "개")
# for item_id, bin_name, finished_s in trace_lot(plant.records, "A-17"):
#     print(item_id, bin_name, f"{finished_s / 60:.1f}분")
"""

STEP3 = """
## 3단계: 같은 질문을 SQL로 (2점)

MES는 생산 실적을 데이터베이스에 넣고 SQL로 묻습니다. `plant.export_sqlite("production.db")`는 생산 실적을
SQLite 파일의 `production` 표(열: `item_id`, `lot`, `material`, `height_mm`, `weight_g`, `defect`, `placed_s`,
`finished_s`, `route`, `bin`, `correct_bin`, `result`)로 씁니다.

함수 `lot_bins(db_path, lot)`을 완성하세요. 로트 `lot`이 들어간 **통마다 한 행** `(bin, 개수, 처음 시각, 마지막 시각)`을
통 이름 순서로 돌려줍니다. SQL로는 이렇게 묻습니다.

```sql
SELECT bin, COUNT(*), MIN(finished_s), MAX(finished_s)
FROM production WHERE lot = ? GROUP BY bin ORDER BY bin
```

- `sqlite3.connect(db_path)`로 연결하고 `db.execute(sql, (lot,)).fetchall()`로 모든 행을 받습니다.
- 로트는 문자열을 이어 붙이지 말고 `?` 자리에 넘기세요 (SQL 인젝션을 막는 습관입니다).
- 다 쓴 연결은 `db.close()`로 닫으세요.
"""

LOT_BINS = """
def lot_bins(db_path, lot):
    \"\"\"로트 lot이 들어간 통마다 (통, 개수, 처음 시각, 마지막 시각), 통 이름 순서.\"\"\"
    ### BEGIN SOLUTION
    db = sqlite3.connect(db_path)
    rows = db.execute(
        "SELECT bin, COUNT(*), MIN(finished_s), MAX(finished_s) "
        "FROM production WHERE lot = ? GROUP BY bin ORDER BY bin",
        (lot,),
    ).fetchall()
    db.close()
    return rows
    ### END SOLUTION
"""

SQL_TESTS = f"""
# 3단계 채점 (2점). 보이는 테스트: 시드 1, 4분, 로트 A-02. 채점 때는 다른 시드와 다른 로트로 봅니다.
from grading.labs import l07

l07.check_sql(lot_bins, seed=1, lots=("A-02",), minutes=4)
{hidden('l07.check_sql(lot_bins, seed=8, lots=("A-17", "A-09", "C-01"), minutes=20)')}
"""

TRY_SQL = """
# SQL을 직접 써 보세요 (채점 없음). 예: 로트마다 불량(NG) 개수
plant = Plant("sorting-line-v1", seed=3, program="reference")
plant.press("start", hold_s=0.3)
plant.run(minutes=20)
plant.export_sqlite("production.db")
db = sqlite3.connect("production.db")
for row in db.execute("SELECT lot, COUNT(*) FROM production WHERE result = 'NG' GROUP BY lot ORDER BY lot LIMIT 5"):
    print(row)
db.close()
# print(lot_bins("production.db", "A-17"))
"""

STEP4 = """
## 4단계: 대시보드 숫자 구하기 (2점)

대시보드 위쪽에는 보통 큰 숫자 몇 개가 있습니다. 1단계와 같은 모양의 표(`table`, 1초마다 한 행)를 받아 다음 네 숫자를
딕셔너리로 돌려주는 함수 `summary(table)`을 완성하세요.

| 키 | 뜻 | 구하는 법 |
|---|---|---|
| `"produced"` | 지금까지 분류한 부품 | 마지막 행의 `count_metal + count_plastic + count_ng` |
| `"per_minute"` | 최근 1분 동안 분류한 부품 | 마지막 행의 합계 − 60행 전(60초 전)의 합계. 표가 61행보다 짧으면 첫 행의 합계를 뺍니다 |
| `"temperature_c"` | 지금 모터 온도 | 마지막 행의 `temperature_c` |
| `"running_pct"` | 가동 비율 (%) | `lamp_green`이 켜진 행 수 ÷ 전체 행 수 × 100, `round(…, 1)` |

채점기는 여러분의 `collect`가 아니라 **채점기가 만든 표**로 검사하므로, 1단계를 못 풀었어도 이 단계는 따로 풀 수 있습니다.
"""

SUMMARY = """
def summary(table):
    \"\"\"대시보드의 숫자 네 개: 생산량, 최근 1분 생산, 지금 온도, 가동 비율(%).\"\"\"
    ### BEGIN SOLUTION
    # 행마다 세 개수의 합계 (strict=True: 열의 길이가 서로 다르면 오류를 냅니다)
    counts = zip(table["count_metal"], table["count_plastic"], table["count_ng"], strict=True)
    totals = [metal + plastic + ng for metal, plastic, ng in counts]
    if len(totals) > 60:
        minute_ago = totals[-61]
    else:
        minute_ago = totals[0]
    running_rows = sum(1 for on in table["lamp_green"] if on)
    return {
        "produced": totals[-1],
        "per_minute": totals[-1] - minute_ago,
        "temperature_c": table["temperature_c"][-1],
        "running_pct": round(100 * running_rows / len(totals), 1),
    }
    ### END SOLUTION
"""

SUMMARY_TESTS = f"""
# 4단계 채점 (2점). 보이는 테스트: 시드 1, 90초. 채점 때는 중간에 멈췄다 다시 돈 라인과 다른 시드로 봅니다.
from grading.labs import l07

l07.check_summary(summary, seed=1, seconds=90)
{
    hidden('''
l07.check_summary(summary, seed=3, seconds=240, stop=(100, 160))
l07.check_summary(summary, seed=17, seconds=45)''')
}
"""

DASHBOARD = """
## 5단계: 실시간 대시보드 (채점 없음)

아래 셀은 라인을 10초씩 돌리며 그래프를 다시 그립니다. 진짜 현장이라면 10초를 기다리겠지만, 시뮬레이터는 바로 다음 10초로
갑니다. 40초에 작업자가 정지 버튼을, 55초에 다시 시작 버튼을 누릅니다. 그래프에서 그 구간을 찾아보세요.

해 볼 것:
- 4단계를 풀었다면 `# print(summary(table))`의 `#`을 지워 숫자를 그래프 위에 보여 주세요.
- 불량(`count_ng`) 선의 색을 빨강으로 바꾸거나, 온도가 26 °C를 넘으면 제목을 '주의'로 바꿔 보세요.
- ipywidgets를 안다면 `widgets.IntSlider`로 시드를 고르는 대시보드를 만들어 보세요.
"""

TRY_DASHBOARD = """
plant = Plant("sorting-line-v1", seed=4, program="reference")
plant.press("start", hold_s=0.3)
plant.press("stop", hold_s=0.3, at_s=40)  # 작업자가 40초에 정지
plant.press("start", hold_s=0.3, at_s=55)  # 55초에 다시 시작
tags = ["lamp_green", "count_metal", "count_plastic", "count_ng", "sorter_temperature"]
historian = plant.log_tags(every_s=1.0, tags=tags)

fig, (ax_count, ax_temp) = plt.subplots(1, 2, figsize=(11, 3.8))
for _ in range(12):  # 12번 다시 그립니다
    plant.run(seconds=10)  # 플랜트 시간 10초
    columns = historian.as_columns()
    table = {**columns, "temperature_c": [raw / 10 for raw in columns["sorter_temperature"]]}
    ax_count.clear()
    ax_temp.clear()
    for column, label in [("count_metal", "금속"), ("count_plastic", "플라스틱"), ("count_ng", "불량")]:
        ax_count.plot(table["time_s"], table[column], label=label)
    ax_count.set_title("누적 생산량")
    ax_count.set_xlabel("시간 (초)")
    ax_count.set_ylabel("개수")
    ax_count.legend(loc="upper left")
    ax_temp.plot(table["time_s"], table["temperature_c"], color="tab:red")
    ax_temp.set_title("분류 컨베이어 모터 온도")
    ax_temp.set_xlabel("시간 (초)")
    ax_temp.set_ylabel("°C")
    state = "운전 중" if table["lamp_green"][-1] else "정지"
    fig.suptitle(f"분류 라인 대시보드 — {plant.now_s:.0f}초, {state}")
    fig.tight_layout()
    clear_output(wait=True)
    display(fig)
    # print(summary(table))
    time.sleep(0.2)  # 사람 눈이 따라올 수 있게 잠깐 쉽니다
plt.close(fig)
"""

WRAP_UP = """
## 정리

- 생산 실적(부품마다 한 줄)과 로트가 있으면 "무엇이, 어디로, 언제"에 답할 수 있습니다. 이것이 스마트공장 **기초** 수준입니다.
- 설비 태그를 1초마다 표로 모으고(히스토리안), 그 표로 대시보드를 그리면 **중간1** 수준의 실시간 모니터링입니다.
- 같은 질문을 파이썬 반복문으로도, SQL로도 물을 수 있습니다. 데이터가 커지면 데이터베이스와 SQL이 빠르고 안전합니다.

> **실무 연결**
> - 부산 녹산 도금단지의 한 도금 공장은 원료 투입에 센서를, 약품에 바코드를 붙이고 MES를 들인 뒤 불량을 77% 줄였습니다.
>   바코드·로트 번호가 있어야 불량이 난 로트가 어느 약품, 어느 시간대와 엮였는지 거꾸로 찾아갈 수 있습니다.
> - 현장의 히스토리안(SCADA 데이터 로거, 시계열 데이터베이스)은 이 실습의 `log_tags`처럼 태그를 정해진 주기로 쌓습니다.
>   주기를 너무 짧게 하면 저장 공간이, 너무 길게 하면 짧은 이상 신호를 놓칩니다.
> - 대시보드의 숫자는 모두 같은 원본 표에서 나와야 합니다. 사람이 손으로 옮겨 적은 숫자는 맞는지 아무도 확인할 수 없습니다.
> - 자격 연결: NCS '스마트공장 시스템운영'의 데이터 수집·모니터링, 'HMI 프로그램'의 화면 구성.
"""


def build() -> object:
    """The L07 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l07_header", HEADER),
        markdown("l07_glossary", GLOSSARY),
        given_code("l07_setup", SETUP),
        markdown("l07_step0", STEP0),
        scratch_code("l07_try_records", TRY_RECORDS),
        markdown("l07_step1", STEP1),
        solution("l07_collect_answer", COLLECT),
        tests("l07_collect", 3, COLLECT_TESTS),
        scratch_code("l07_try_collect", TRY_COLLECT),
        markdown("l07_step2", STEP2),
        solution("l07_trace_answer", TRACE),
        tests("l07_trace", 3, TRACE_TESTS),
        scratch_code("l07_try_trace", TRY_TRACE),
        markdown("l07_step3", STEP3),
        solution("l07_sql_answer", LOT_BINS),
        tests("l07_sql", 2, SQL_TESTS),
        scratch_code("l07_try_sql", TRY_SQL),
        markdown("l07_step4", STEP4),
        solution("l07_summary_answer", SUMMARY),
        tests("l07_summary", 2, SUMMARY_TESTS),
        markdown("l07_dashboard", DASHBOARD),
        scratch_code("l07_try_dashboard", TRY_DASHBOARD),
        markdown("l07_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
