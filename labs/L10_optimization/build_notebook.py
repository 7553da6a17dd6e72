"""Build ``L10_optimization.ipynb``, the nbgrader source notebook of lab L10, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L10_optimization/build_notebook.py``; the
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
    "id": "L10",
    "title_ko": "최적화와 에너지: 병목을 찾고 양품당 전력량 줄이기",
    "title_en": "Optimisation and energy: find the bottleneck, cut energy per good part",
    "level": "고도",
    "minutes": 90,
    "scene": "buffer-line-v1",
}


HEADER = lab_header(
    "L10 최적화와 에너지 — 병목을 찾고 양품당 전력량 줄이기",
    goals=[
        "설비별 가동·대기·막힘·고장 비율로 라인의 병목 공정을 찾는다",
        "설정값을 바꿔 가며 재는 실험 루프(매개변수 스윕)를 만들고, 충돌 없는 최적점을 고른다",
        "벨트 속도와 버퍼 크기를 튜닝해 생산량을 올리고, 양품 1개당 전력량(kWh)을 줄인다",
    ],
    level="**고도** — 수집한 데이터로 진단하고, 시뮬레이션으로 최적 운전 조건을 찾습니다 (CPS·최적화)",
    minutes="90분 (2차시)",
    scene="`buffer-line-v1` 버퍼 라인 (`sflab scene show buffer-line-v1`로 입출력 표를 볼 수 있습니다)",
    grading="자동 채점 10점: 1단계 2점 · 2단계 2점 · 3단계 4점 · 4단계 2점",
    note="""
이번 실습에서는 PLC 프로그램을 쓰지 않습니다. 라인은 모범 제어 프로그램(`"reference"`)이 돌리고,
여러분은 **설정값**(벨트 속도, 버퍼 길이)을 바꿔 가며 시뮬레이터로 실험합니다. 현장의 생산기술 엔지니어가
하는 일입니다. 채점기는 여러분의 설정을 **다른 시드**(다른 부품 흐름과 고장 시각)로 한 시간 동안 다시 돌려 봅니다.
""",
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| 병목 공정 (bottleneck) | 라인 전체의 생산 속도를 정하는 가장 느린 설비. 병목이 아닌 설비를 빠르게 해도 생산량은 늘지 않습니다. |
| 사이클 타임 | 설비가 부품 1개를 처리하는 데 걸리는 시간. 마킹 시간 + 부품을 작업 위치로 옮기는 시간입니다. |
| 시간당 생산량 (처리량) | 한 시간에 나오는 양품 수 (`good_per_h`). |
| 가동 / 대기 / 막힘 / 고장 | 설비가 일하는 중 / 일감(부품)이 없어 기다림 / 다 만든 부품을 보낼 곳이 없어 멈춤 / 고장 수리 중. 네 비율의 합은 100%. |
| 버퍼 | 두 설비 사이에 부품을 쌓아 두는 곳. 앞 설비가 고장 나도 뒤 설비가 일감을 받고, 뒤 설비가 고장 나도 앞 설비가 계속 만듭니다. |
| 어큐뮬레이션 컨베이어 | 부품이 줄을 서도 되는 컨베이어. 정해진 속도(이 장면은 0.30 m/s)보다 빨리 줄에 부딪히면 부품이 찍힙니다(충돌). |
| 인버터 (VFD) | 전동기 주파수를 바꿔 벨트 속도를 바꾸는 장치. 속도를 낮추면 전력도 줄어듭니다. |
| 대기 전력 | 설비가 일하지 않아도 켜져 있는 동안 쓰는 전력. 마킹기는 대기 중에도 150 W를 씁니다. |
| 양품당 전력량 (원단위) | 전력량 ÷ 양품 수 (`wh_per_good`, Wh/개). 탄소 배출과 전기 요금을 양품 기준으로 비교하는 ESG 지표입니다. |
| MTBF / MTTR | 평균 고장 간격 / 평균 수리 시간. 공급기와 마킹기가 가끔 고장 납니다. |
| 매개변수 스윕 | 설정값 하나를 여러 값으로 바꿔 가며 같은 조건(시드)으로 재는 실험. |
| 파레토 최적 | 어느 한 지표(생산량)를 좋게 하려면 다른 지표(전력)를 나쁘게 할 수밖에 없는 점들. |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터와 그래프 도구, 그리고 실험에 쓰는 measure 함수입니다.
import matplotlib.pyplot as plt
import koreanize_matplotlib  # noqa: F401  (그래프에 한글이 나오게 합니다)

from simulator.plant import Plant
from simulator.scenes import get_scene
from simulator.scenes.variants import setting_ranges, settings_of
from simulator.viz.notebook import show

SCENE = "buffer-line-v1"


def measure(settings=None, seed=1, minutes=60):
    \"\"\"settings(설정 딕셔너리)로 라인을 minutes분 돌리고 비교할 숫자를 돌려줍니다 (채점기도 똑같이 잽니다).\"\"\"
    plant = Plant(SCENE, seed=seed, program="reference", settings=settings)
    plant.press("start", hold_s=0.3)
    plant.run(minutes=minutes)
    kpis = plant.kpis()
    return {
        "good_per_h": kpis.good * 60.0 / minutes,  # 시간당 양품 수
        "wh_per_good": kpis.energy_wh_per_good,  # 양품 1개당 전력량 (Wh)
        "collisions": kpis.collisions,  # 충돌 (찍힌 부품)
        "jams": kpis.jams,  # 걸림
        "utilisation": plant.utilisation(),  # 설비별 가동·대기·막힘·고장 비율 (%)
    }
"""

WATCH = """
## 0단계: 라인 먼저 보기 (채점 없음)

**버퍼 라인**: 공급기가 투입 컨베이어에 부품을 올리면, 부품은 **버퍼 컨베이어**(어큐뮬레이션)를 지나
**레이저 마킹 스테이션**에 닿습니다. 마킹기는 한 번에 한 개만 받습니다. 입구 게이트가 부품 하나를 들여보내면
부품은 스테이션 컨베이어를 타고 작업 위치(스토퍼)까지 가서 2초 동안 마킹되고 상자로 나갑니다.
마킹기가 바쁘면 다음 부품들은 게이트 앞 버퍼에 **줄을 섭니다**. 줄이 버퍼 만재 센서까지 차면 PLC가 공급기를 멈춥니다.

아래 셀은 라인을 1분 돌려 그림을 보여 주고, 바꿀 수 있는 설정과 허용 범위를 표로 보여 줍니다.
그림에서 게이트 앞에 부품이 줄 서 있는지 보세요.
"""

WATCH_CODE = """
plant = Plant(SCENE, seed=1, program="reference")
plant.press("start", hold_s=0.3)
plant.run(minutes=1)
if hasattr(plant, "show"):  # 그림 보기 기능이 있는 버전에서만
    display(show(plant))

ranges = setting_ranges(get_scene(SCENE))
print(f"{'설정':<22}{'지금 값':>8}   허용 범위")
for name, value in settings_of(get_scene(SCENE)).items():
    low, high = ranges[name]
    print(f"{name:<22}{value:>8.2f}   {low:g} ~ {high:g}")

base = measure(seed=1, minutes=30)
print()
print(f"기준 설정 (시드 1, 30분): 시간당 양품 {base['good_per_h']:.0f}개, "
      f"양품당 {base['wh_per_good']:.3f} Wh, 충돌 {base['collisions']}, 걸림 {base['jams']}")
"""

STEP1 = """
## 1단계: 병목 찾기 (2점)

`measure(...)["utilisation"]`은 설비마다 한 행씩, 시간을 네 가지로 나눈 표입니다 (단위 %).

| 열 | 뜻 |
|---|---|
| `name`, `ko` | 설비 이름 (`feeder` 공급기, `marker` 마킹 스테이션) |
| `busy_pct` | 가동: 일하는 시간 (공급기는 다음 부품을 만드는 중, 마킹기는 부품이 안에 있는 동안) |
| `starved_pct` | 대기: 일감이 없어 기다린 시간 |
| `blocked_pct` | 막힘: 만든 부품을 내보낼 자리가 없어 멈춘 시간 (버퍼가 가득 차 공급기가 꺼진 시간도) |
| `down_pct` | 고장: 수리하는 동안 |

아래 그래프에서 어느 설비가 **거의 기다리지 않는지** 보세요. 병목의 앞 설비는 자주 **막히고**,
뒤 설비는 자주 **기다립니다**. 병목 설비는 가동 중이거나 고장 수리 중일 뿐 기다리는 일이 거의 없습니다.
가동률만 보면 안 됩니다: 고장이 잦은 설비는 가동률이 낮아도 라인을 붙잡고 있는 병목일 수 있습니다.

`find_bottleneck(rows)`를 완성하세요. `rows`(위 표의 행 목록)를 받아 **대기 + 막힘 비율이 가장 작은**
설비의 `name`을 돌려줍니다. 채점 때는 다른 설정과 시드의 표, 그리고 설비가 네 개인 다른 라인의 표도 넣어 봅니다.
"""

UTILISATION_CODE = """
rows = base["utilisation"]
states = [("busy_pct", "가동", "tab:green"), ("starved_pct", "대기", "tab:gray"),
          ("blocked_pct", "막힘", "tab:orange"), ("down_pct", "고장", "tab:red")]
fig, ax = plt.subplots(figsize=(9, 2.6))
names = [row["ko"] for row in rows]
left = [0.0] * len(rows)
for key, label, colour in states:
    values = [row[key] for row in rows]
    ax.barh(names, values, left=left, label=label, color=colour)
    left = [a + b for a, b in zip(left, values)]
ax.set_xlabel("시간 비율 (%)")
ax.set_xlim(0, 100)
ax.set_title("기준 설정의 설비별 가동률 (시드 1, 30분)")
ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
plt.tight_layout()
plt.show()
for row in rows:
    print(row)
"""

BOTTLENECK = """
def find_bottleneck(rows):
    \"\"\"가동률 표에서 기다리는 시간(대기 + 막힘)이 가장 짧은 설비의 name을 돌려줍니다.\"\"\"
    ### BEGIN SOLUTION
    def waiting_pct(row):
        return row["starved_pct"] + row["blocked_pct"]

    return min(rows, key=waiting_pct)["name"]
    ### END SOLUTION
"""

BOTTLENECK_TESTS = f"""
# 1단계 채점 (2점). 보이는 테스트: 기준 설정, 시드 1, 30분의 표. 채점 때는 다른 표로도 봅니다.
from grading.labs import l10
l10.check_bottleneck(find_bottleneck, seed=1, minutes=30)
{
    hidden('''
l10.check_bottleneck(find_bottleneck, seed=11, minutes=60, settings={"station_speed_m_s": 0.3, "buffer_length_m": 3.0})
l10.check_bottleneck(find_bottleneck, made_up=True)''')
}
"""

STEP2 = """
## 2단계: 실험 루프 — 매개변수 스윕 (2점)

병목이 마킹 스테이션이라면, 그 사이클을 줄이는 설정이 무엇일까요? 마킹 시간(2초)은 바꿀 수 없지만,
다음 부품을 게이트에서 작업 위치까지 **옮기는 시간**은 스테이션 컨베이어 속도(`station_speed_m_s`)로 바뀝니다.
먼저 그래프로 보세요: 아래 셀은 스테이션 컨베이어 속도를 0.10~0.40 m/s로 바꿔 가며 10분씩 잽니다.
빨간 ×는 **충돌이 난 점**입니다 — 생산량이 많아도 부품이 찍히면 쓸 수 없습니다.
"""

SPEED_CHART = """
speeds = [0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40]
results = [measure({"station_speed_m_s": v}, seed=1, minutes=10) for v in speeds]
harmed = [r["collisions"] > 0 or r["jams"] > 0 for r in results]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.6))
for ax, key, label in ((ax1, "good_per_h", "시간당 양품 (개)"), (ax2, "wh_per_good", "양품당 전력량 (Wh/개)")):
    values = [r[key] for r in results]
    ax.plot(speeds, values, "o-", color="tab:blue", label="충돌 없음")
    ax.plot([v for v, h in zip(speeds, harmed) if h], [y for y, h in zip(values, harmed) if h],
            "x", color="red", markersize=12, mew=3, label="충돌 발생")
    ax.axvline(0.20, color="gray", linestyle=":", label="기준 설정")
    ax.set_xlabel("스테이션 컨베이어 속도 (m/s)")
    ax.set_ylabel(label)
    ax.grid(alpha=0.3)
ax1.set_title("속도에 따른 생산량")
ax2.set_title("속도에 따른 양품당 전력량")
ax1.legend(fontsize=8)
plt.tight_layout()
plt.show()
"""

STEP2_TASK = """
### 스윕 함수 만들기

그래프를 그린 실험을 어떤 설정에나 쓸 수 있는 함수로 만드세요.

1. `sweep(setting, values, seed, minutes)`: `values`의 값마다 `measure({setting: 값}, seed=seed, minutes=minutes)`로
   재고, 한 행씩 딕셔너리를 만들어 **목록**으로 돌려줍니다. 행의 키는
   `setting`(그 값), `"good_per_h"`, `"wh_per_good"`, `"collisions"`, `"jams"`입니다.
2. `best_point(rows)`: **충돌과 걸림이 모두 0인 행** 가운데 `good_per_h`가 가장 큰 행을 돌려줍니다.

채점기는 여러분의 `sweep`을 다른 설정·값·시드로 부르고, 모든 점을 **직접 다시 재어** 표와 비교한 뒤
`best_point`가 고른 점이 맞는지 봅니다. 같은 시드면 시뮬레이터는 언제나 같은 결과를 내므로 숫자가 정확히 같아야 합니다.
"""

SWEEP = """
def sweep(setting, values, seed=1, minutes=20):
    \"\"\"setting을 values의 값마다 바꿔 재고, 값마다 한 행씩 표(딕셔너리의 목록)를 돌려줍니다.\"\"\"
    ### BEGIN SOLUTION
    rows = []
    for value in values:
        result = measure({setting: value}, seed=seed, minutes=minutes)
        rows.append({
            setting: value,
            "good_per_h": result["good_per_h"],
            "wh_per_good": result["wh_per_good"],
            "collisions": result["collisions"],
            "jams": result["jams"],
        })
    return rows
    ### END SOLUTION


def best_point(rows):
    \"\"\"충돌·걸림이 없는 행 가운데 시간당 양품이 가장 많은 행을 돌려줍니다.\"\"\"
    ### BEGIN SOLUTION
    safe = [row for row in rows if row["collisions"] == 0 and row["jams"] == 0]
    return max(safe, key=lambda row: row["good_per_h"])
    ### END SOLUTION
"""

SWEEP_TESTS = f"""
# 2단계 채점 (2점). 보이는 테스트: 스테이션 속도 세 값, 시드 1, 10분.
# 채점 때는 다른 설정(버퍼 길이 등)과 값, 시드로 스윕하고 모든 점을 다시 잽니다.
from grading.labs import l10
l10.check_sweep(sweep, best_point, setting="station_speed_m_s", values=[0.2, 0.3, 0.35], seed=1, minutes=10)
{
    hidden('''
l10.check_sweep(sweep, best_point, setting="station_speed_m_s", values=[0.15, 0.4, 0.25], seed=5, minutes=10)
l10.check_sweep(sweep, best_point, setting="buffer_length_m", values=[0.8, 2.6, 1.6], seed=9, minutes=10)''')
}
"""

STEP3 = """
## 3단계: 생산량 튜닝 (4점)

이제 설정 딕셔너리 `TUNING`을 만들어 시간당 양품을 기준 설정보다 **10% 이상** 늘리세요.
조건: **충돌 0, 걸림 0**. 채점기는 보이지 않는 시드로 **한 시간씩** 돌려 기준 설정과 비교합니다.

생각할 거리:

- 병목(마킹 스테이션)의 사이클을 줄이는 설정은 무엇이고, 충돌 없이 어디까지 올릴 수 있나요? (2단계 그래프)
- 마킹기와 공급기는 가끔 고장 납니다. 마킹기가 고장 난 동안 공급기가 만든 부품은 어디에 쌓이나요?
  버퍼가 가득 차면 공급기가 멈춰 그만큼 생산을 잃습니다. 공급기가 고장 나면 마킹기는 버퍼의 부품으로 버팁니다.
  `buffer_length_m`을 바꿔 보세요.
- 병목을 풀고 나면 병목이 **다른 설비로 옮겨 갑니다.** 1단계의 표를 다시 보세요.

아래 **파레토 그래프**는 설정 조합마다 생산량(가로)과 양품당 전력량(세로)을 찍은 것입니다.
오른쪽 아래로 갈수록 좋습니다. 빨간 선은 다른 어떤 점에도 두 지표 모두에서 지지 않는 점(파레토 최적)을 잇습니다.
"""

PARETO_CHART = """
candidates = []
for station in (0.2, 0.25, 0.3):
    for length in (1.2, 3.0):
        for belts in (0.25, 0.12):
            candidates.append({"station_speed_m_s": station, "buffer_length_m": length,
                               "infeed_speed_m_s": belts, "buffer_speed_m_s": min(belts, 0.2)})
points = [(c, measure(c, seed=1, minutes=10)) for c in candidates]
points = [(c, r) for c, r in points if r["collisions"] == 0 and r["jams"] == 0]


def dominated(r, others):
    return any(o["good_per_h"] >= r["good_per_h"] and o["wh_per_good"] <= r["wh_per_good"]
               and (o["good_per_h"], o["wh_per_good"]) != (r["good_per_h"], r["wh_per_good"]) for o in others)


results = [r for _, r in points]
front = sorted((r for r in results if not dominated(r, results)), key=lambda r: r["good_per_h"])
fig, ax = plt.subplots(figsize=(8, 4.5))
for c, r in points:
    colour = {0.2: "tab:gray", 0.25: "tab:blue", 0.3: "tab:green"}[c["station_speed_m_s"]]
    marker = "o" if c["buffer_length_m"] < 2 else "s"
    ax.scatter(r["good_per_h"], r["wh_per_good"], color=colour, marker=marker, s=60,
               edgecolor="black" if c["infeed_speed_m_s"] < 0.2 else colour)
ax.plot([r["good_per_h"] for r in front], [r["wh_per_good"] for r in front], "r--", label="파레토 최적")
for speed, colour in ((0.2, "tab:gray"), (0.25, "tab:blue"), (0.3, "tab:green")):
    ax.scatter([], [], color=colour, label=f"스테이션 {speed} m/s")
ax.scatter([], [], marker="o", color="white", edgecolor="gray", label="버퍼 1.2 m")
ax.scatter([], [], marker="s", color="white", edgecolor="gray", label="버퍼 3.0 m")
ax.scatter([], [], marker="o", color="white", edgecolor="black", label="투입·버퍼 벨트 느리게")
ax.set_xlabel("시간당 양품 (개, 많을수록 좋음)")
ax.set_ylabel("양품당 전력량 (Wh/개, 적을수록 좋음)")
ax.set_title("설정 조합의 파레토 그래프 (시드 1, 10분, 충돌 없는 점만)")
ax.grid(alpha=0.3)
ax.legend(fontsize=8, loc="upper right")
plt.tight_layout()
plt.show()
"""

TUNING = """
TUNING = {}  # 설정 이름 → 값 (예: {"station_speed_m_s": 0.25})
### BEGIN SOLUTION
TUNING = {"station_speed_m_s": 0.30, "buffer_length_m": 3.0}
### END SOLUTION
"""

TRY_TUNING = """
# 여기서 TUNING을 시험해 보세요 (채점 없음). 예:
# base, tuned = measure(seed=2, minutes=60), measure(TUNING, seed=2, minutes=60)
# print(f"{tuned['good_per_h'] / base['good_per_h'] - 1:+.1%}", tuned["collisions"], tuned["jams"])
# print(tuned["utilisation"])
"""

TUNING_TESTS = f"""
# 3단계 채점 (4점). 보이는 테스트: 시드 1, 30분. 채점 때는 다른 시드로 한 시간 동안 봅니다.
from grading.labs import l10
l10.check_tuning(TUNING, seed=1, minutes=30)
{
    hidden('''
l10.check_tuning(TUNING, seed=11, minutes=60)''')
}
"""

STEP4 = """
## 4단계: 양품당 전력량 줄이기 — ESG (2점)

전력량은 이렇게 계산됩니다 (`sflab scene show buffer-line-v1`의 장면 파일에 숫자가 있습니다).

- **벨트 모터**: 인버터로 속도를 낮추면 전력이 줄어듭니다. 정격 속도 0.5 m/s에서 정격 전력을 쓰고,
  그중 30%는 속도와 상관없이 드는 손실입니다: 전력 = 정격 전력 × (0.3 + 0.7 × 속도 ÷ 0.5).
- **마킹기**: 마킹하는 동안 400 W, 기다리는 동안에도 **대기 전력 150 W**를 씁니다. 같은 시간에 양품을 더 많이
  만들면 대기 전력이 더 많은 양품에 나뉘어 양품당 전력량이 줄어듭니다.

`ENERGY_TUNING`을 만들어 **양품당 전력량을 기준 설정보다 10% 이상** 줄이세요. 조건: 시간당 양품은 기준보다
**줄면 안 되고**, 충돌·걸림은 0입니다. 힌트: 병목이 아닌 벨트는 느리게 돌려도 생산량이 그대로일까요?
너무 느리면 무슨 일이 생기나요? (투입 벨트가 느리면 이동 중인 부품이 많아지고, 버퍼 벨트가 느리면 줄이 천천히 당겨집니다.)
"""

ENERGY_CHART = """
belt_speeds = [0.05, 0.08, 0.12, 0.18, 0.25]
rows = [measure({"station_speed_m_s": 0.3, "buffer_length_m": 3.0, "infeed_speed_m_s": v,
                 "buffer_speed_m_s": min(v, 0.2)}, seed=1, minutes=10) for v in belt_speeds]
fig, ax1 = plt.subplots(figsize=(8, 3.6))
ax1.plot(belt_speeds, [r["wh_per_good"] for r in rows], "o-", color="tab:green", label="양품당 전력량")
ax1.set_xlabel("투입·버퍼 컨베이어 속도 (m/s) — 스테이션 0.3 m/s, 버퍼 3.0 m")
ax1.set_ylabel("양품당 전력량 (Wh/개)", color="tab:green")
ax2 = ax1.twinx()
ax2.plot(belt_speeds, [r["good_per_h"] for r in rows], "s--", color="tab:blue", label="시간당 양품")
ax2.set_ylabel("시간당 양품 (개)", color="tab:blue")
for v, r in zip(belt_speeds, rows):
    if r["collisions"] or r["jams"]:
        ax1.annotate("충돌·걸림", (v, r["wh_per_good"]), color="red", xytext=(0, 8), textcoords="offset points")
ax1.set_title("병목이 아닌 벨트를 늦추면: 전력량과 생산량")
ax1.grid(alpha=0.3)
plt.tight_layout()
plt.show()
"""

ENERGY = """
ENERGY_TUNING = {}  # 설정 이름 → 값
### BEGIN SOLUTION
ENERGY_TUNING = {
    "station_speed_m_s": 0.30,  # 병목은 빠르게 (대기 전력을 더 많은 양품에 나눔)
    "buffer_length_m": 3.0,  # 고장을 버퍼로 흡수
    "infeed_speed_m_s": 0.10,  # 병목이 아닌 벨트는 느리게
    "buffer_speed_m_s": 0.12,
}
### END SOLUTION
"""

ENERGY_TESTS = f"""
# 4단계 채점 (2점). 보이는 테스트: 시드 1, 30분. 채점 때는 다른 시드로 한 시간 동안 봅니다.
from grading.labs import l10
l10.check_energy(ENERGY_TUNING, seed=1, minutes=30)
{
    hidden('''
l10.check_energy(ENERGY_TUNING, seed=23, minutes=60)''')
}
"""

WRAP_UP = """
## 정리

- **병목을 먼저 찾습니다.** 가동률만 보지 말고 대기·막힘·고장을 함께 봅니다. 병목이 아닌 설비를 아무리
  빠르게 해도 생산량은 그대로이고 전력만 더 씁니다 (제약 이론, TOC).
- 병목의 사이클은 가공 시간만이 아닙니다: 부품을 작업 위치로 **옮기는 시간**도 사이클입니다.
  단, 빨리 옮기면 부품이 찍히는 한계(충돌)가 있습니다. 최적점은 언제나 **제약 조건 안에서** 고릅니다.
- **버퍼**는 고장과 흔들림을 흡수해 병목이 쉬지 않게 합니다. 병목을 풀면 병목은 다른 설비(공급기)로 옮겨 갑니다.
- 실험은 **같은 시드**로 비교해야 공정합니다. 스윕 함수 하나로 어떤 설정이든 같은 방법으로 재고, 그래프와
  파레토 곡선으로 생산량과 에너지를 함께 봅니다. 이것이 스마트공장 **고도** 수준, 데이터와 시뮬레이션(CPS)으로
  운전 조건을 최적화하는 일입니다.

> ### 🏭 실무 연결
> 자동차 부품 공장의 가공 라인에서 생산기술팀은 설비마다 가동·대기·고장 시간을 MES에서 뽑아 병목 공정을 찾고,
> 병목 앞에 버퍼(적재 컨베이어)를 두거나 반송 속도를 올려 시간당 생산량(UPH)을 맞춥니다. 새 설정은 먼저
> 시뮬레이션(디지털 트윈)으로 시험하고 라인에 적용합니다. 요즘은 **에너지 원단위**(양품 1개당 kWh)도 함께 봅니다:
> 인버터로 컨베이어 속도를 낮추고 대기 전력을 줄이는 일은 ESG 보고서의 탄소 감축 실적이 되고, 한국에너지공단의
> 에너지 진단과 스마트공장 3.0의 '에너지 절감' 과제에서 다루는 내용입니다.
"""


def build() -> object:
    """The L10 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l10_header", HEADER),
        markdown("l10_glossary", GLOSSARY),
        given_code("l10_setup", SETUP),
        markdown("l10_step0", WATCH),
        scratch_code("l10_watch", WATCH_CODE),
        markdown("l10_step1", STEP1),
        scratch_code("l10_utilisation_chart", UTILISATION_CODE),
        solution("l10_bottleneck_answer", BOTTLENECK),
        tests("l10_bottleneck", 2, BOTTLENECK_TESTS),
        markdown("l10_step2", STEP2),
        scratch_code("l10_speed_chart", SPEED_CHART),
        markdown("l10_step2_task", STEP2_TASK),
        solution("l10_sweep_answer", SWEEP),
        tests("l10_sweep", 2, SWEEP_TESTS),
        markdown("l10_step3", STEP3),
        scratch_code("l10_pareto_chart", PARETO_CHART),
        solution("l10_tuning_answer", TUNING),
        scratch_code("l10_try_tuning", TRY_TUNING),
        tests("l10_tuning", 4, TUNING_TESTS),
        markdown("l10_step4", STEP4),
        scratch_code("l10_energy_chart", ENERGY_CHART),
        solution("l10_energy_answer", ENERGY),
        tests("l10_energy", 2, ENERGY_TESTS),
        markdown("l10_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
