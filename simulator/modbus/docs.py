"""Writes ``docs/modbus.md``, the Korean Modbus page: ``python -m simulator.modbus.docs > docs/modbus.md``.

The register map of every scene is generated from the scene itself (the same rows as
``sflab scene show``), so the page cannot drift from what the server serves; a test
checks that the committed page equals this module's output.
"""

from __future__ import annotations

from string import Template

from simulator.modbus.remote_scanner import contiguous_runs
from simulator.plc.tags import Area
from simulator.scenes import DEFAULT_SCENE_ID, get_scene, scene_ids
from simulator.scenes.io_map import io_map_rows

#: The page before the register maps; ``$names`` are filled in from the default scene.
INTRO = Template("""\
# Modbus TCP로 모의 PLC에 접속하기

스마트공장 실습실의 모의 PLC는 **Modbus TCP 서버**입니다. 파이썬 노트북(pymodbus), `mbpoll`,
HMI, OpenPLC, 학교의 실제 PLC(LS XGT, 미쓰비시 MELSEC) 같은 Modbus 마스터가 접속해서
센서를 읽고 액추에이터를 움직일 수 있습니다.

> 이 페이지는 `python -m simulator.modbus.docs > docs/modbus.md`로 만듭니다. 직접 고치지 마세요.

## 서버 실행

```bash
sflab plc sorting-line-v1                  # 내부 모드: PLC 프로그램(reference)이 제어, Modbus로 감시
sflab plc sorting-line-v1 --mode remote    # 원격 I/O 모드: 외부 마스터가 코일을 써서 제어
sflab plc --port 5021 --speed 5            # 다른 포트, 5배속
sflab plc --host 0.0.0.0                   # 다른 컴퓨터에서도 접속 허용 (기본은 127.0.0.1: 이 컴퓨터만)
```

| 모드 | 누가 제어하나 | 마스터가 쓸 수 있는 것 |
|---|---|---|
| `internal` (내부) | PLC 안의 프로그램 | 내부 릴레이 M 코일, 홀딩 레지스터 (출력 코일은 프로그램 소유: 예외 02) |
| `remote` (원격 I/O) | 외부 마스터 | 출력 코일(DO), M 코일, 홀딩 레지스터 |

디스크리트 입력과 입력 레지스터는 센서 값이라 어느 모드에서도 읽기 전용입니다.

## 주소 규칙 (한 번만 정합니다)

- 표의 **주소**는 Modbus 통신(PDU)에 실리는 **0부터 시작하는 주소**입니다. 서버도, `sflab scene show`도,
  이 페이지도 같은 주소를 씁니다.
- **번호**는 HMI 설명서에 흔한 1부터 시작하는 관례 표기입니다: 코일 `00001`, 디스크리트 입력 `10001`,
  입력 레지스터 `30001`, 홀딩 레지스터 `40001`. 번호 = 테이블 접두어 + (주소 + 1).
- 요청이 건드리는 주소가 **하나라도 표에 없으면** 요청 전체가 예외 02로 거절됩니다 (빈 주소를 0으로 돌려주지 않음).
  예 (`sorting-line-v1`): 코일 0–15를 한 번에 읽으면 10–15가 비어 있으므로 예외 02.
  출력은 0–9, 내부 릴레이는 100–115로 나눠 읽습니다.
- 유닛 ID(슬레이브 주소)는 아무 값이나 받습니다 (보통 1).

## 예외 응답

| 코드 | 이름 | 언제 |
|---|---|---|
| 01 | ILLEGAL FUNCTION | 01, 02, 03, 04, 05, 06, 15, 16 외의 기능 코드 |
| 02 | ILLEGAL DATA ADDRESS | 맵에 없는 주소, 이 모드에서 쓸 수 없는 주소, 주소+개수가 65536 초과 |
| 03 | ILLEGAL DATA VALUE | 개수 0 또는 한도 초과, 바이트 수 불일치, 잘린 요청, 단일 코일 값이 FF00/0000이 아님 |
| 04 | SERVER DEVICE FAILURE | 서버 내부 오류 (나오면 버그입니다) |

프로토콜 ID가 0이 아니거나 길이 필드가 2–254 밖인 프레임은 Modbus TCP가 아니므로 **그 연결만** 끊습니다.
다른 마스터는 영향을 받지 않습니다. 여러 마스터가 동시에 접속할 수 있습니다.

## 통신 감시(워치독) — 원격 모드

원격 모드에서 한 번이라도 쓰기를 한 클라이언트가 **마스터**입니다. 마스터의 요청이 `--watchdog` 초(기본 1초)
동안 없거나 마스터의 연결이 끊기면 모든 출력이 안전 상태(모터 정지, 푸셔 후진)가 되고 출력 코일도 0이 됩니다.
마스터가 **다시 쓰기를 해야** 출력이 살아납니다. `--watchdog 0`이면 워치독을 끕니다(시간 감시도, 끊김 감시도).

## 통신 고장 (교사용)

```bash
sflab plc --latency-ms 50          # 모든 응답을 50 ms 늦게
sflab plc --drop 0.1               # 응답의 10 %를 보내지 않음 (요청은 실행됨)
sflab plc --force-exception 6      # 모든 요청에 예외 06 (BUSY)
```

## mbpoll로 접속

`mbpoll`의 `-r`은 1부터 시작하는 번호입니다 (`-0`을 붙이면 0부터 시작하는 주소). `-t`는 테이블:
`0` 코일, `1` 디스크리트 입력, `3` 입력 레지스터, `4` 홀딩 레지스터.

```bash
mbpoll -m tcp -p 5020 -t 1 -r 1 -c $di_count -1 127.0.0.1      # 디스크리트 입력 주소 0–$di_last 한 번 읽기
mbpoll -m tcp -p 5020 -t 3 -r 1 -c 1 127.0.0.1          # 높이센서(입력 레지스터 0)를 1초마다 읽기
mbpoll -m tcp -p 5020 -t 4 -r 1 -c 5 -1 127.0.0.1       # 홀딩 레지스터 0–4
mbpoll -m tcp -p 5020 -t 0 -r 2 -1 127.0.0.1 1          # (원격 모드) 코일 주소 1 = 투입 컨베이어 ON
```

mbpoll은 한 번 쓰고 연결을 끊으므로, 원격 모드에서는 워치독이 출력을 곧 끕니다. mbpoll로 한 번씩 써 보려면
`sflab plc --mode remote --watchdog 0`으로 워치독을 끄세요. 실제 제어에는 pymodbus처럼 연결을 유지하는 마스터를 씁니다.

## pymodbus로 접속 (노트북)

```python
from pymodbus.client import ModbusTcpClient

client = ModbusTcpClient("127.0.0.1", port=5020)
client.connect()
sensors = client.read_discrete_inputs(0, count=$di_count).bits     # 기능 02
height = client.read_input_registers(0, count=1).registers[0]  # 기능 04
client.write_coils(0, [True, True, True])                    # 기능 15: 공급기, 투입, 분류 컨베이어 ON (원격 모드)
client.close()
```

채점이나 재현 가능한 실습에는 **lockstep**을 씁니다. 플랜트는 `step()`을 부를 때만 움직이므로
실시간보다 빠르고, 같은 시드와 같은 프로그램이면 결과가 항상 같습니다.

```python
from simulator.plant import Plant
from simulator.modbus.lockstep import LockstepSession
from simulator.modbus.remote_scanner import RemoteScanner

def my_program(io):                               # 학생의 스캔 함수: 내부 PLC용과 똑같이 씁니다
    io.infeed_motor = io.start_button or io.infeed_motor

plant = Plant("sorting-line-v1", seed=1)          # program=None: 원격 I/O
with LockstepSession(plant) as session:
    scanner = RemoteScanner(session.client(), plant.scene.tags)
    session.call(lambda p: p.press("start", hold_s=0.3))
    for _ in range(3000):                         # 30초 = 3000 스캔
        scanner.scan(my_program)                  # Modbus로 입력 읽기 → my_program(io) → 출력 쓰기
        session.step(1)
    print(session.call(lambda p: p.kpis()))
```

## OpenPLC로 접속

OpenPLC 런타임을 마스터로 씁니다. 웹 화면 왼쪽 **Slave Devices → Add new device**에서 Device Type을
**Generic Modbus TCP Device**로 고르고 다음처럼 채웁니다 (OpenPLC 버전에 따라 칸 이름이 조금 다를 수 있습니다).

| 칸 | 값 (`$scene_id`) |
|---|---|
| IP Address / IP Port | 시뮬레이터 컴퓨터의 주소 / 5020 (다른 컴퓨터라면 `sflab plc --host 0.0.0.0 --mode remote`) |
| Slave ID | 1 |
$openplc_rows

Start Address에는 아래 표의 **0부터 시작하는 주소**를 그대로 넣습니다. 값은 OpenPLC 변수 `%IX100.0`(입력),
`%QX100.0`(코일), `%IW100`(레지스터)부터 차례로 연결되므로, OpenPLC의 래더에서 `%QX100.1`이 투입 컨베이어,
`%IX100.5`가 투입 확인 센서가 됩니다. OpenPLC는 주기마다 코일을 쓰므로 워치독이 계속 만족됩니다.
""")

#: OpenPLC's name for the block of each area, and what the block holds.
OPENPLC_BLOCKS = (
    (Area.DI, "Discrete Inputs", "센서·버튼"),
    (Area.DO, "Coils", "액추에이터·램프"),
    (Area.AI, "Input Registers", "아날로그 입력"),
    (Area.HR, "Holding Registers - Read", "개수·설정값"),
    (Area.AO, "Holding Registers - Write", "아날로그 출력(히터 출력·전류 설정)"),
)


def register_map(scene_id: str) -> str:
    """The Markdown register map of one scene, from its tags."""
    scene = get_scene(scene_id)
    lines = [
        f"### `{scene.id}` — {scene.title('ko')}",
        "",
        "| 태그 | 영역 | Modbus 테이블 | 주소 | 번호 | 설명 |",
        "|---|---|---|---:|---:|---|",
    ]
    for row in io_map_rows(scene.tags, "ko"):
        cells = (f"`{row['tag']}`", row["area"], row["table"], row["address"], row["number"], row["description"])
        lines.append("| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def openplc_rows(scene_id: str) -> str:
    """Rows of the OpenPLC set-up table: the first block of consecutive addresses of each area."""
    tags = get_scene(scene_id).tags
    rows = []
    for area, name, holds in OPENPLC_BLOCKS:
        runs = contiguous_runs([tag for tag in tags if tag.area is area])
        if runs:
            start, run = runs[0]
            rows.append(f"| {name}: Start Address / Size | {start} / {len(run)} ({holds}) |")
    return "\n".join(rows)


def page() -> str:
    """The whole page."""
    di_count = sum(1 for tag in get_scene(DEFAULT_SCENE_ID).tags if tag.area is Area.DI)
    intro = INTRO.substitute(
        scene_id=DEFAULT_SCENE_ID,
        di_count=di_count,
        di_last=di_count - 1,
        openplc_rows=openplc_rows(DEFAULT_SCENE_ID),
    )
    maps = "\n\n".join(register_map(scene_id) for scene_id in scene_ids())
    return f"{intro}\n## 장면별 레지스터 맵\n\n{maps}\n"


if __name__ == "__main__":
    print(page(), end="")
