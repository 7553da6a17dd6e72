# ruff: noqa: E501 - Korean prose and markdown table rows cannot be wrapped.
"""Build ``L06_modbus.ipynb``, the nbgrader source notebook of lab L06, from this script.

Edit the lab here, then run ``.venv/bin/python labs/L06_modbus/build_notebook.py``; the
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
    "id": "L06",
    "title_ko": "Modbus 통신: 레지스터 맵을 읽고 네트워크로 분류 라인 움직이기",
    "title_en": "Modbus communication: reading the register map and running the sorting line over the network",
    "level": "중간2",
    "minutes": 90,
    "scene": "sorting-line-v1",
}


HEADER = lab_header(
    "L06 Modbus 통신 — 레지스터 맵을 읽고 네트워크로 분류 라인 움직이기",
    goals=[
        "Modbus의 네 가지 데이터 테이블과 기능 코드(01·02·03·04·05·06·15·16)를 설명한다",
        "0부터 세는 **주소**와 1부터 세는 **번호**(40001 등)를 서로 바꾼다",
        "pymodbus로 센서 값을 읽고, 코일을 써서 PLC 밖에서 분류 라인을 움직인다 (원격 I/O)",
    ],
    level="**중간1 → 중간2** — 설비 데이터를 네트워크로 모으고(중간1), 네트워크 너머에서 설비를 제어합니다(중간2)",
    minutes="90분 (2차시)",
    scene="`sorting-line-v1` 높이·재질 분류 라인 (`sflab scene show sorting-line-v1`로 레지스터 맵을 볼 수 있습니다)",
    grading="자동 채점 10점: 1단계 2점 · 2단계 1점 · 3단계 2점 · 4단계 3점 · 5단계 2점",
    note=HOW_TO_WORK.format(also="다른 시드와 더 긴 운전"),
)

GLOSSARY = """
## 용어

| 용어 | 뜻 |
|---|---|
| Modbus TCP | 공장 설비가 이더넷으로 값을 주고받는 가장 흔한 통신 규약. 포트는 보통 502 (이 실습실은 5020). |
| 마스터(클라이언트) / 슬레이브(서버) | 묻는 쪽과 답하는 쪽. HMI·SCADA·이 노트북이 마스터, PLC가 슬레이브입니다. 슬레이브는 먼저 말하지 않습니다. |
| 레지스터 맵 | 어떤 값이 어느 테이블의 몇 번 주소에 있는지 적은 표. 설비마다 설명서에 있습니다. |
| 코일 / 디스크리트 입력 | 1비트 값. 코일은 읽고 쓰는 출력(모터, 솔레노이드, 램프), 디스크리트 입력은 읽기만 하는 입력(센서, 버튼). |
| 입력 레지스터 / 홀딩 레지스터 | 16비트 정수(0–65535). 입력 레지스터는 읽기만 하는 아날로그 입력, 홀딩 레지스터는 읽고 쓰는 데이터(개수, 설정값). |
| 기능 코드 | 요청의 종류를 뜻하는 번호. 읽기 01 코일 · 02 디스크리트 입력 · 03 홀딩 레지스터 · 04 입력 레지스터, 쓰기 05 코일 한 개 · 06 레지스터 한 개 · 15 코일 여러 개 · 16 레지스터 여러 개. |
| 주소 / 번호 | **주소**는 통신에 실리는 0부터 세는 값, **번호**는 설명서에 흔한 1부터 세는 표기(00001, 10001, 30001, 40001). 번호 40004 = 홀딩 레지스터 주소 3. |
| 원격 I/O | PLC 안의 프로그램 대신 네트워크 너머의 마스터가 입력을 읽고 출력을 쓰는 방식. |
| 스캔 | 입력 읽기 → 프로그램 한 번 실행 → 출력 쓰기. 원격 I/O에서는 입력 읽기와 출력 쓰기가 Modbus 요청입니다. |
| 예외 응답 | 슬레이브가 요청을 거절한 답. 예외 02(ILLEGAL DATA ADDRESS)는 맵에 없는 주소입니다. pymodbus에서는 `reply.isError()`가 True. |
"""

SETUP = """
# 준비 (수정하지 마세요): 시뮬레이터, Modbus 세션, 분류 프로그램, 레지스터 맵을 불러옵니다.
import shutil
import subprocess

from simulator.controllers.reference import SortingLineController
from simulator.modbus.lockstep import LockstepSession
from simulator.plant import Plant
from simulator.plc.image import ProcessImage
from simulator.scenes import get_scene
from simulator.viz.notebook import show

SCENE = get_scene("sorting-line-v1")
# 태그 이름 → 태그. tag.area.value는 영역("DI", "DO", "M", "AI", "HR"), tag.address는 0부터 세는 주소입니다.
TAGS = {tag.name: tag for tag in SCENE.tags}
# 디스크리트 입력(주소 0, 1, 2 …)과 코일(주소 0, 1, 2 …)에 있는 태그 이름, 주소 순서대로.
DI_NAMES = [t.name for t in sorted(SCENE.tags, key=lambda t: t.address) if t.area.value == "DI"]
DO_NAMES = [t.name for t in sorted(SCENE.tags, key=lambda t: t.address) if t.area.value == "DO"]


def new_io():
    \"\"\"PLC 안과 똑같은 io 객체 (모든 태그가 0 또는 False). 분류 프로그램은 이 io를 읽고 씁니다.\"\"\"
    return ProcessImage(SCENE.tags).io


print("디스크리트 입력:", DI_NAMES)
print("코일:", DO_NAMES)
"""

STEP0 = """
## 0단계: 통신으로 라인 지켜보기 (채점 없음)

지금까지는 프로그램이 PLC **안에서** 돌았습니다. 공장에서는 HMI, SCADA, MES가 PLC **밖에서** 네트워크로 값을 읽습니다.
아래 셀은 모범 프로그램(`"reference"`)이 도는 PLC를 Modbus 서버로 열고, 이 노트북이 마스터가 되어 10초마다
홀딩 레지스터 0–4(번호 40001–40005: 금속·플라스틱·불량 개수, 높이 하한·상한)를 읽습니다.

`LockstepSession`은 실습용 장치입니다. 플랜트가 `session.step(스캔 수)` 또는 `session.run(초)`를 부를 때만 움직이므로,
마스터가 생각하는 동안 라인이 멋대로 달아나지 않고, 같은 시드면 결과가 늘 같습니다. 먼저 실행하고 숫자가 어떻게 늘어나는지 보세요.
"""

TRY_WATCH = """
plant = Plant("sorting-line-v1", seed=1, program="reference")  # 내부 모드: PLC 안의 프로그램이 제어
plant.press("start", hold_s=0.3)
with LockstepSession(plant) as session:
    client = session.client()  # pymodbus ModbusTcpClient, 이미 연결됨
    print("서버 포트:", session.port)
    for _ in range(6):
        session.run(10)  # 플랜트 시간 10초
        reply = client.read_holding_registers(0, count=5)  # 기능 03, 주소 0부터 5개
        print(f"{plant.now_s:5.1f}초  금속·플라스틱·불량·하한·상한 =", reply.registers)
show(plant)  # 1분 뒤의 라인 그림 (셀의 마지막 줄이라 화면에 나옵니다)
"""

STEP1 = """
## 1단계: 레지스터 맵과 기능 코드 (2점)

Modbus에는 테이블이 네 개 있고, 테이블마다 **읽기 기능 코드**가 정해져 있습니다. PLC의 영역이 어느 테이블에 실리는지는
레지스터 맵이 정합니다 (`sflab scene show sorting-line-v1`, 또는 `TAGS["entry_eye"].area.value`).

| PLC 영역 (`tag.area.value`) | 예 | Modbus 테이블 | 읽기 기능 코드 | 번호 접두어 |
|---|---|---|---|---|
| `"DO"` 디지털 출력 | `feeder_on` 주소 0 | 코일 | 01 | 0xxxx |
| `"M"` 내부 릴레이 | `M0` 주소 100 | 코일 | 01 | 0xxxx |
| `"DI"` 디지털 입력 | `entry_eye` 주소 5 | 디스크리트 입력 | 02 | 1xxxx |
| `"HR"` 데이터 레지스터 | `count_ng` 주소 2 | 홀딩 레지스터 | 03 | 4xxxx |
| `"AI"` 아날로그 입력 | `height_raw` 주소 0 | 입력 레지스터 | 04 | 3xxxx |

함수 `read_request(name)`을 완성하세요. 태그 이름을 받아 그 태그를 **읽는** 요청의 `(기능 코드, 주소)`를 돌려줍니다.
주소는 `TAGS[name].address`(0부터 셈)를 그대로 씁니다.

```python
read_request("entry_eye")   # → (2, 5)
read_request("count_ng")    # → (3, 2)
```
"""

READ_REQUEST = """
def read_request(name):
    \"\"\"태그 name을 읽는 Modbus 요청: (기능 코드, 0부터 세는 주소).\"\"\"
    ### BEGIN SOLUTION
    function_of_area = {"DO": 1, "M": 1, "DI": 2, "HR": 3, "AI": 4}
    tag = TAGS[name]
    return function_of_area[tag.area.value], tag.address
    ### END SOLUTION
"""

MAP_TESTS = f"""
# 1단계 채점 (2점). 보이는 테스트: 태그 네 개. 채점 때는 M·D를 포함한 모든 태그를 봅니다.
from grading.labs import l06

l06.check_map(read_request)
{hidden("l06.check_map(read_request, every_tag=True)")}
"""

STEP2 = """
## 2단계: 번호를 주소로 바꾸기 (1점)

HMI나 계측기 설명서는 흔히 **번호**를 씁니다: `40004`는 '홀딩 레지스터의 4번째'입니다. 하지만 통신에 실리는 값은
0부터 세는 **주소**라서 `40004` → 주소 **3**입니다. 이 하나 차이(off-by-one)가 현장에서 가장 흔한 Modbus 실수입니다.

함수 `parse_number(text)`를 완성하세요. 다섯 자리 번호(문자열)를 받아 `(읽기 기능 코드, 주소)`를 돌려줍니다.

- 첫 자리: `0` 코일(01), `1` 디스크리트 입력(02), `3` 입력 레지스터(04), `4` 홀딩 레지스터(03) — **3과 4가 엇갈립니다!**
- 나머지 네 자리에서 1을 빼면 주소입니다.
- 첫 자리가 그 밖의 숫자면 그런 테이블은 없으므로 `raise ValueError(...)`로 거절합니다.

```python
parse_number("40001")   # → (3, 0)
parse_number("10006")   # → (2, 5)   entry_eye
```
"""

PARSE_NUMBER = """
def parse_number(text):
    \"\"\"'40004' 같은 번호를 (읽기 기능 코드, 0부터 세는 주소)로 바꿉니다.\"\"\"
    ### BEGIN SOLUTION
    function_of_prefix = {"0": 1, "1": 2, "3": 4, "4": 3}
    prefix = text[0]
    if prefix not in function_of_prefix:
        raise ValueError(f"{text}: 첫 자리 {prefix}인 Modbus 테이블은 없습니다")
    return function_of_prefix[prefix], int(text[1:]) - 1
    ### END SOLUTION
"""

NUMBER_TESTS = f"""
# 2단계 채점 (1점). 보이는 테스트: 번호 두 개. 채점 때는 네 테이블의 여러 번호와 없는 테이블(2xxxx)도 봅니다.
from grading.labs import l06

l06.check_number(parse_number)
{hidden("l06.check_number(parse_number, cases=40, seed=6)")}
"""

STEP3 = """
## 3단계: 센서 값 읽기 (2점)

이제 진짜로 읽어 봅니다. pymodbus 클라이언트 `client`의 읽기 함수는 기능 코드마다 하나씩입니다.

| 기능 코드 | pymodbus | 결과 |
|---|---|---|
| 01 | `client.read_coils(주소, count=개수)` | `.bits` (True/False 목록) |
| 02 | `client.read_discrete_inputs(주소, count=개수)` | `.bits` |
| 03 | `client.read_holding_registers(주소, count=개수)` | `.registers` (정수 목록) |
| 04 | `client.read_input_registers(주소, count=개수)` | `.registers` |

`.bits`는 8개 단위로 채워서 옵니다 (17개를 읽으면 24개). 앞에서부터 필요한 만큼만 쓰세요.

함수 `read_status(client)`를 완성하세요. 다음 다섯 값을 읽어 딕셔너리로 돌려줍니다 (주소는 1단계의 맵에서 찾으세요).

| 키 | 태그 | 값 |
|---|---|---|
| `"inspect_eye"` | `inspect_eye` | True/False |
| `"metal_prox"` | `metal_prox` | True/False |
| `"sorter_forward"` | `sorter_forward` | True/False (코일도 읽을 수 있습니다) |
| `"temperature_c"` | `sorter_temperature` | °C (1 카운트 = 0.1 °C 이므로 10으로 나눔) |
| `"count_plastic"` | `count_plastic` | 정수 |

채점기는 원격 I/O 모드의 라인을 30초 돌리며 0.1초마다 여러분의 `read_status`를 불러 PLC의 값과 비교합니다.
"""

READ_STATUS = """
def read_status(client):
    \"\"\"분류 라인의 상태 다섯 가지를 Modbus로 읽습니다.\"\"\"
    ### BEGIN SOLUTION
    eyes = client.read_discrete_inputs(6, count=2).bits  # 기능 02: 주소 6 inspect_eye, 7 metal_prox
    forward = client.read_coils(2, count=1).bits[0]  # 기능 01: 주소 2 sorter_forward
    temperature = client.read_input_registers(2, count=1).registers[0]  # 기능 04: 주소 2 (0.1 °C)
    plastic = client.read_holding_registers(1, count=1).registers[0]  # 기능 03: 주소 1 count_plastic
    return {
        "inspect_eye": eyes[0],
        "metal_prox": eyes[1],
        "sorter_forward": forward,
        "temperature_c": temperature / 10,
        "count_plastic": plastic,
    }
    ### END SOLUTION
"""

READ_TESTS = f"""
# 3단계 채점 (2점). 보이는 테스트: 시드 1, 30초. 채점 때는 다른 시드로 봅니다.
from grading.labs import l06

l06.check_read(read_status, seed=1)
{
    hidden('''
l06.check_read(read_status, seed=5)
l06.check_read(read_status, seed=14)''')
}
"""

MBPOLL = """
### 같은 값을 `mbpoll`로 읽기 (채점 없음)

현장에서는 파이썬 없이 명령 한 줄로 통신을 먼저 확인합니다. `mbpoll`의 `-r`은 **번호처럼 1부터** 셉니다
(`-0`을 붙이면 0부터). `-t 3`은 입력 레지스터, `-c 4`는 네 개, `-1`은 한 번만 읽기입니다.

```bash
mbpoll -m tcp -p 5020 -t 3 -r 1 -c 4 -1 127.0.0.1     # 입력 레지스터 주소 0–3 (번호 30001–30004)
```

아래 셀은 lockstep 서버를 열고 pymodbus와 `mbpoll`로 같은 레지스터를 읽어 나란히 보여 줍니다
(`mbpoll`이 설치되지 않은 컴퓨터에서는 명령만 보여 줍니다). 네 값은 차례로 높이센서 원시값, 모터 전류(mA),
모터 온도(0.1 °C), 진동(0.01 mm/s)입니다. `-r 1`을 `-r 2`로 바꾸면 무엇이 달라지는지, `-0`을 붙이면 어떻게 되는지 보세요.
"""

TRY_MBPOLL = """
plant = Plant("sorting-line-v1", seed=1, program="reference")
plant.press("start", hold_s=0.3)
with LockstepSession(plant) as session:
    session.run(30)
    client = session.client()
    print("pymodbus: ", client.read_input_registers(0, count=4).registers)
    command = ["mbpoll", "-m", "tcp", "-p", str(session.port), "-t", "3", "-r", "1", "-c", "4", "-1", "127.0.0.1"]
    print("명령:", " ".join(command))
    if shutil.which("mbpoll"):
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
        values = [int(line.split()[-1]) for line in done.stdout.splitlines() if line.startswith("[")]
        print("mbpoll:   ", values)  # mbpoll은 '[1]: 24077'처럼 번호와 값을 한 줄씩 씁니다
    else:
        print("(mbpoll이 없습니다: sudo apt install mbpoll)")
"""

STEP4 = """
## 4단계: Modbus로 분류 라인 움직이기 — 원격 I/O (3점)

이번에는 플랜트의 PLC에 프로그램이 **없습니다** (`Plant(..., program=None)`, 원격 I/O 모드). 여러분의 `ModbusSorter`가
네트워크 너머의 PLC가 되어, 스캔마다 Modbus로 입력을 읽고 출력을 씁니다. 분류 판단은 주어진 모범 분류 프로그램
`SortingLineController`가 합니다 (검사 위치에서 높이와 재질을 보고, 푸셔 앞에서 밀어 냅니다). `self.logic.scan(self.io)`가
그 프로그램을 한 번 실행합니다. 여러분이 만들 것은 그 앞뒤의 **통신**입니다.

`__init__(self, client)` — 한 번만:
- 높이 하한·상한 설정값(홀딩 레지스터 주소 3–4, 번호 40004–40005)을 읽어 `self.io.height_limit_low_mm`,
  `self.io.height_limit_high_mm`에 넣습니다. HMI에서 바꾼 설정값이 프로그램에 닿는 길입니다.

`scan(self)` — 스캔마다, 이 순서로:
1. **입력 읽기**: 디스크리트 입력 주소 0부터 `len(DI_NAMES)`개(기능 02)를 읽어 `DI_NAMES` 순서대로 `self.io`에 넣고
   (`setattr(self.io, name, value)`), 높이센서 `height_raw`(입력 레지스터 주소 0, 기능 04)도 넣습니다.
2. **프로그램 실행**: `self.logic.scan(self.io)`
3. **출력 쓰기**: `DO_NAMES` 순서의 출력 값 목록을 코일 주소 0부터 한 번에 씁니다 (기능 15, `client.write_coils`).

채점기는 `sorter = ModbusSorter(client)`를 만든 뒤 10 ms 스캔마다 `sorter.scan()`을 부르고 플랜트를 한 스캔 움직입니다.
모든 부품이 제 통(금속·플라스틱·불량)에 들어가야 합니다.
"""

SORTER = """
class ModbusSorter:
    \"\"\"Modbus 마스터로 분류 라인을 운전하는 원격 PLC.\"\"\"

    def __init__(self, client):
        self.client = client
        self.io = new_io()
        self.logic = SortingLineController()
        ### BEGIN SOLUTION
        low, high = client.read_holding_registers(3, count=2).registers  # 기능 03: 번호 40004–40005
        self.io.height_limit_low_mm = low
        self.io.height_limit_high_mm = high
        ### END SOLUTION

    def scan(self):
        \"\"\"한 번의 스캔: 입력 읽기 → 프로그램 실행 → 출력 쓰기.\"\"\"
        ### BEGIN SOLUTION
        # 1) 입력 읽기: 센서·버튼(기능 02)과 높이센서(기능 04)
        bits = self.client.read_discrete_inputs(0, count=len(DI_NAMES)).bits
        for index, name in enumerate(DI_NAMES):  # bits는 8개 단위로 채워져 더 길므로 DI_NAMES 길이만큼만
            setattr(self.io, name, bits[index])
        self.io.height_raw = self.client.read_input_registers(0, count=1).registers[0]
        # 2) 프로그램 한 번 실행
        self.logic.scan(self.io)
        # 3) 출력 쓰기: 모든 코일을 한 번에 (기능 15)
        self.client.write_coils(0, [getattr(self.io, name) for name in DO_NAMES])
        # 5단계: 개수를 홀딩 레지스터 0–2에 (기능 16)
        counts = [self.io.count_metal, self.io.count_plastic, self.io.count_ng]
        self.client.write_registers(0, counts)
        ### END SOLUTION
"""

SORT_TESTS = f"""
# 4단계 채점 (3점). 보이는 테스트: 시드 1, 45초. 채점 때는 다른 시드와 느린 컨베이어로 더 길게 봅니다.
from grading.labs import l06

l06.check_sorting(ModbusSorter, seed=1)
{
    hidden('''
l06.check_sorting(ModbusSorter, seed=5, seconds=60)
l06.check_sorting(ModbusSorter, seed=12, seconds=60, faults="slow:sorter_forward*0.7")''')
}
"""

TRY_SORTER = """
# 여러분의 ModbusSorter를 직접 돌려 보려면 아래 줄의 맨 앞 #을 지우고 실행하세요 (채점 없음, 약 3초).
# plant = Plant("sorting-line-v1", seed=2)  # program=None: 원격 I/O
# plant.press("start", hold_s=0.3)
# with LockstepSession(plant) as session:
#     sorter = ModbusSorter(session.client())
#     for _ in range(4000):  # 4000 스캔 = 40초
#         sorter.scan()
#         session.step(1)
# print(plant.kpis().bins)
# show(plant)
"""

STEP5 = """
## 5단계: 개수를 HMI에 알리기 (2점)

원격 I/O에서는 개수도 여러분의 프로그램(`self.io.count_metal` …) 안에만 있습니다. HMI와 MES는 PLC의 홀딩 레지스터
0–2(번호 40001–40003)를 읽으므로, `scan()`의 끝에서 세 개수를 **한 번에** 쓰세요:
`self.client.write_registers(0, [금속, 플라스틱, 불량])` (기능 16).

4단계의 `ModbusSorter`를 그대로 채점합니다. 코드를 고쳤다면 4단계 셀을 다시 실행한 뒤 채점 셀을 실행하세요.
채점기는 운전이 끝났을 때 홀딩 레지스터 0–2와 각 통에 실제로 들어간 부품 수를 비교합니다
(푸셔가 민 뒤 아직 통으로 떨어지는 중인 부품은 어느 쪽이든 맞게 칩니다).
"""

COUNT_TESTS = f"""
# 5단계 채점 (2점). 보이는 테스트: 시드 1, 45초. 채점 때는 다른 시드로 더 길게 봅니다.
from grading.labs import l06

l06.check_counts(ModbusSorter, seed=1)
{hidden("l06.check_counts(ModbusSorter, seed=9, seconds=60)")}
"""

WRAP_UP = """
## 정리

- Modbus에는 테이블이 네 개(코일, 디스크리트 입력, 입력 레지스터, 홀딩 레지스터)이고, 읽기 기능 코드는 01·02·04·03입니다.
- 통신에 실리는 **주소**는 0부터, 설명서의 **번호**는 1부터 셉니다. `40004` = 홀딩 레지스터 주소 3.
- 원격 I/O의 스캔은 '입력 읽기 요청 → 프로그램 → 출력 쓰기 요청'입니다. PLC 안의 스캔과 같은 일을 네트워크로 합니다.
- 설비 값을 네트워크로 모으면 스마트공장 **중간1**(실시간 수집), 네트워크로 설비를 움직이면 **중간2**(실시간 제어)입니다.

> **실무 연결**
> - 현장에서 설비를 처음 연결할 때는 먼저 `mbpoll`이나 Modbus Poll 같은 도구로 레지스터 한두 개를 읽어
>   주소와 기능 코드를 확인한 뒤 프로그램을 씁니다. 값이 한 칸씩 밀려 보이면 거의 언제나 0/1 기준 차이입니다.
> - LS ELECTRIC XGT의 Modbus 설정(XG5000의 P2P·Modbus 서버)이나 미쓰비시 MELSEC의 Modbus TCP 설정에서도
>   D 레지스터가 몇 번 홀딩 레지스터에 실리는지 같은 맵을 적습니다. OpenPLC에서는 `%QX100.0`이 첫 코일입니다.
> - 원격 I/O에서는 통신이 끊기면 출력이 안전 상태가 되어야 합니다. 이 실습실의 실시간 서버(`sflab plc --mode remote`)는
>   1초 동안 마스터의 요청이 없으면 모든 출력을 끕니다 (통신 감시, 워치독).
> - 자격 연결: 자동화설비기능사·산업기사의 PLC 통신, NCS '스마트공장 시스템운영'의 설비 데이터 연동.
"""


def build() -> object:
    """The L06 source notebook (with solutions and hidden tests)."""
    cells = [
        markdown("l06_header", HEADER),
        markdown("l06_glossary", GLOSSARY),
        given_code("l06_setup", SETUP),
        markdown("l06_step0", STEP0),
        scratch_code("l06_try_watch", TRY_WATCH),
        markdown("l06_step1", STEP1),
        solution("l06_map_answer", READ_REQUEST),
        tests("l06_map", 2, MAP_TESTS),
        markdown("l06_step2", STEP2),
        solution("l06_number_answer", PARSE_NUMBER),
        tests("l06_number", 1, NUMBER_TESTS),
        markdown("l06_step3", STEP3),
        solution("l06_read_answer", READ_STATUS),
        tests("l06_read", 2, READ_TESTS),
        markdown("l06_mbpoll", MBPOLL),
        scratch_code("l06_try_mbpoll", TRY_MBPOLL),
        markdown("l06_step4", STEP4),
        solution("l06_sort_answer", SORTER),
        tests("l06_sort", 3, SORT_TESTS),
        scratch_code("l06_try_sorter", TRY_SORTER),
        markdown("l06_step5", STEP5),
        tests("l06_counts", 2, COUNT_TESTS),
        markdown("l06_wrap_up", WRAP_UP),
    ]
    return notebook(cells, LAB)


if __name__ == "__main__":
    print(write_beside(build(), __file__))
