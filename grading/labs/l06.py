"""Checks for lab L06 — Modbus communication (Modbus 통신: 레지스터 맵, 기능 코드, 원격 I/O).

Rubric (one nbgrader grade cell per criterion):

============  ======  ============================================================
criterion     points  the student's code must …
============  ======  ============================================================
l06_map       2       ``read_request(name)`` give the read function code and the
                      0-based address of any tag of the scene
l06_number    1       ``parse_number(text)`` turn a traditional 1-based number
                      ("40004") into (function code, 0-based address), and refuse
                      an unknown table with ValueError
l06_read      2       ``read_status(client)`` read five values from four Modbus
                      tables with the right function and address, in plant units
l06_sort      3       ``ModbusSorter(client).scan()`` run the sorting line over
                      Modbus (inputs in, program, coils out): parts made, every
                      part in its bin, no collision
l06_counts    2       ``ModbusSorter`` write the part counts to holding registers
                      0–2 (40001–40003) so an HMI can read them
============  ======  ============================================================

The plant runs in remote-I/O mode behind a :class:`~simulator.modbus.lockstep.LockstepSession`:
it moves only between two ``scan()`` calls, so the same seed gives the same result every
time. Visible tests use one seed and a short run; hidden tests use other seeds, every tag,
random numbers and a slower belt, so a hard-coded answer fails them.

The ``client`` the student's code gets behaves like pymodbus's ``ModbusTcpClient`` but makes
every request through the grader's own client, so the same object works in a kernel and in the
trusted pass (:mod:`grading.modbus_client`).
"""

from __future__ import annotations

import random
from functools import partial
from typing import Any

from grading.answers import call_student
from grading.checks import CheckFailed, describe_error
from grading.isolation import run_isolated
from grading.modbus_client import grader_client, lockstep, student_client
from simulator.plant.conveyor.views import line_view

#: The lab's scene.
SCENE = "sorting-line-v1"
#: Read function code of each area: coils 01, discrete inputs 02, holding registers 03, input registers 04.
READ_FUNCTION = {"DO": 1, "M": 1, "DI": 2, "HR": 3, "AI": 4}
#: Traditional numbering: first digit → read function code.
NUMBER_PREFIX = {"0": 1, "1": 2, "3": 4, "4": 3}
#: Visible tags for ``read_request``.
VISIBLE_TAGS = ("entry_eye", "feeder_on", "height_raw", "count_ng")
#: Visible numbers for ``parse_number``.
VISIBLE_NUMBERS = ("40001", "10006")
#: What ``read_status`` returns: key → (tag, scale from counts to the unit).
STATUS_KEYS = {
    "inspect_eye": ("inspect_eye", None),
    "metal_prox": ("metal_prox", None),
    "sorter_forward": ("sorter_forward", None),
    "temperature_c": ("sorter_temperature", 0.1),
    "count_plastic": ("count_plastic", None),
}
#: Seconds of plant time between two ``read_status`` calls, and the length of that run.
READ_EVERY_S = 0.1
READ_RUN_S = 30.0
#: The operator presses stop at this time of the read run, and start again later.
READ_STOP_AT_S, READ_RESTART_AT_S = 18.0, 22.0
#: Plant time before the operator presses start in the sorting runs, in seconds.
START_AT_S = 0.5

_TABLE_KO = {1: "코일", 2: "디스크리트 입력", 3: "홀딩 레지스터", 4: "입력 레지스터"}
_TABLE_EN = {1: "coils", 2: "discrete inputs", 3: "holding registers", 4: "input registers"}
_PREFIX_OF_FUNCTION = {1: "0", 2: "1", 3: "4", 4: "3"}


def traditional_number(function: int, address: int) -> str:
    """The 1-based number of a 0-based address, e.g. (3, 3) → ``"40004"``."""
    return f"{_PREFIX_OF_FUNCTION[function]}{address + 1:04d}"


# ---------------------------------------------------------------- called by the test cells
def check_map(read_request: Any, *, every_tag: bool = False) -> None:
    """``read_request(name)`` gives (read function code, 0-based address) for a few tags (or every tag).

    Raises:
        CheckFailed: with the first wrong tag.
    """
    run_isolated(f"{__name__}:_grade_map", read_request, every_tag)


def check_number(parse_number: Any, *, cases: int = 0, seed: int = 0) -> None:
    """``parse_number(text)`` turns the visible numbers (and ``cases`` random ones) into (code, address).

    Raises:
        CheckFailed: with the first wrong number.
    """
    run_isolated(f"{__name__}:_grade_number", parse_number, cases, seed)


def check_read(read_status: Any, *, seed: int) -> None:
    """``read_status(client)`` reads what the plant serves, at every 0.1 s of a 30 s run.

    Raises:
        CheckFailed: with the first value that differs.
    """
    run_isolated(f"{__name__}:_grade_read", read_status, seed)


def check_sorting(sorter: Any, *, seed: int, seconds: float = 45.0, faults: str = "") -> None:
    """``sorter(client)`` with ``scan()`` every PLC scan sorts every part into its bin.

    Raises:
        CheckFailed: when too few parts were made, a part went to the wrong bin, or ``scan`` failed.
    """
    run_isolated(f"{__name__}:_grade_sorting", sorter, seed, seconds, faults)


def check_counts(sorter: Any, *, seed: int, seconds: float = 45.0, faults: str = "") -> None:
    """``sorter`` keeps the counts in holding registers 0–2 equal to the parts in each bin.

    Raises:
        CheckFailed: when a holding register is wrong.
    """
    run_isolated(f"{__name__}:_grade_counts", sorter, seed, seconds, faults)


# ---------------------------------------------------------------- run in the isolated child
def _tags() -> dict[str, Any]:
    from simulator.scenes import get_scene

    return {tag.name: tag for tag in get_scene(SCENE).tags}


def _describe(error: BaseException, *, modbus: bool) -> tuple[str, str]:
    """The student's exception in words; in Modbus code an empty reply (a Modbus exception) gets a hint."""
    ko, en = describe_error(error)
    if modbus and isinstance(error, IndexError):
        ko += (
            " — 응답의 .bits나 .registers가 비어 있습니다. PLC가 예외 응답을 보냈을 수 있습니다 "
            "(reply.isError()가 True, 예외 02 = 맵에 없는 주소). 주소와 개수를 1단계 표에서 확인하세요"
        )
        en += (
            " — the reply's .bits or .registers is empty: the PLC probably answered with an exception "
            "(reply.isError() is True, exception 02 = address not in the map). Check the address and count"
        )
    return ko, en


def _call(function: Any, what: str, step: str, *args: Any) -> Any:
    """``function(*args)`` as :func:`~grading.answers.call_student` calls it, with the Modbus hints in steps 3–5."""
    return call_student(function, what, step, *args, describe=partial(_describe, modbus=step in ("3", "4", "5")))


def _grade_map(read_request: Any, every_tag: bool) -> str:
    tags = _tags()
    names = list(tags) if every_tag else list(VISIBLE_TAGS)
    for name in names:
        tag = tags[name]
        expected = (READ_FUNCTION[tag.area.value], tag.address)
        answer = _call(read_request, f"read_request({name!r})", "1", name)
        if not isinstance(answer, tuple) or len(answer) != 2:
            raise CheckFailed(
                f"read_request({name!r})가 {answer!r}을(를) 돌려주었습니다. (기능 코드, 주소) 두 값의 튜플을 "
                f"돌려주세요. 예: return 2, 5 (1단계)",
                f"read_request({name!r}) returned {answer!r}; return a tuple (function code, address) (step 1).",
            )
        if tuple(answer) != expected:
            function, address = expected
            raise CheckFailed(
                f"read_request({name!r})가 {tuple(answer)}입니다. 맞는 답은 {expected}입니다: {name}은(는) "
                f"{tag.area.value} 영역이라 {_TABLE_KO[function]} 테이블(읽기 기능 코드 {function:02d})의 "
                f"주소 {address}(번호 {traditional_number(function, address)})에 있습니다. "
                "주소는 0부터 셉니다 (1단계 표).",
                f"read_request({name!r}) is {tuple(answer)}; the right answer is {expected}: {name} is in area "
                f"{tag.area.value}, so it is in the {_TABLE_EN[function]} (read function {function:02d}) at "
                f"address {address} (number {traditional_number(function, address)}). Addresses start at 0 (step 1).",
            )
    return "ok"


def _number_cases(cases: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    numbers = list(VISIBLE_NUMBERS)
    if cases:
        numbers += ["00001", "09999", "30004", "10017"]
        numbers += [f"{rng.choice('0134')}{rng.randint(1, 9999):04d}" for _ in range(cases)]
    return numbers


def _grade_number(parse_number: Any, cases: int, seed: int) -> str:
    for text in _number_cases(cases, seed):
        expected = (NUMBER_PREFIX[text[0]], int(text[1:]) - 1)
        answer = _call(parse_number, f"parse_number({text!r})", "2", text)
        if not isinstance(answer, tuple) or tuple(answer) != expected:
            table = _TABLE_KO[expected[0]]
            raise CheckFailed(
                f"parse_number({text!r})가 {answer!r}입니다. 맞는 답은 {expected}입니다: 첫 자리 "
                f"{text[0]}은(는) {table}(기능 코드 {expected[0]:02d}), 나머지 {text[1:]}에서 1을 빼면 "
                f"주소 {expected[1]}입니다 (2단계).",
                f"parse_number({text!r}) is {answer!r}; the right answer is {expected}: the first digit "
                f"{text[0]} means {_TABLE_EN[expected[0]]} (function {expected[0]:02d}), and {text[1:]} minus 1 "
                f"is address {expected[1]} (step 2).",
            )
    if cases:
        for text in ("20001", "50001"):
            try:
                answer = parse_number(text)
            except ValueError:
                continue
            except Exception as error:  # noqa: BLE001 - the student's bug
                ko, en = describe_error(error)
                raise CheckFailed(
                    f"parse_number({text!r})가 ValueError가 아닌 오류를 냈습니다 — {ko} (2단계)",
                    f"parse_number({text!r}) raised something other than ValueError — {en} (step 2)",
                ) from None
            raise CheckFailed(
                f"parse_number({text!r})가 {answer!r}을(를) 돌려주었습니다. 첫 자리가 {text[0]}인 Modbus 테이블은 "
                "없으므로 raise ValueError(...)로 거절해야 합니다 (2단계).",
                f"parse_number({text!r}) returned {answer!r}; no Modbus table starts with {text[0]}, "
                "so raise ValueError (step 2).",
            )
    return "ok"


def _expected_status(plant: Any) -> dict[str, Any]:
    io = plant.io
    status: dict[str, Any] = {}
    for key, (tag, scale) in STATUS_KEYS.items():
        value = getattr(io, tag)
        status[key] = round(value * scale, 6) if scale else value
    return status


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, bool):
        return isinstance(got, (bool, int)) and bool(got) is want and got in (0, 1)
    if isinstance(want, float):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and abs(got - want) < 0.01
    return isinstance(got, int) and not isinstance(got, bool) and got == want


def _grade_read(read_status: Any, seed: int) -> str:
    from simulator.controllers.reference import SortingLineController
    from simulator.modbus.remote_scanner import RemoteScanner
    from simulator.plant import Plant

    tags = _tags()
    plant = Plant(SCENE, seed=seed)
    plant.press("start", hold_s=0.3, at_s=START_AT_S)
    plant.press("stop", hold_s=0.3, at_s=READ_STOP_AT_S)
    plant.press("start", hold_s=0.3, at_s=READ_RESTART_AT_S)
    seen: dict[str, set[Any]] = {key: set() for key in STATUS_KEYS}
    with lockstep(plant) as session:
        scanner = RemoteScanner(grader_client(session), plant.scene.tags)
        client = student_client(session)
        program = SortingLineController()
        every = round(READ_EVERY_S / plant.plc.scan_period_s)
        for scan in range(round(READ_RUN_S / plant.plc.scan_period_s)):
            scanner.scan(program)
            session.step(1)
            if scan % every:
                continue
            want = session.call(_expected_status)
            got = _call(read_status, "read_status(client)", "3", client)
            if not isinstance(got, dict):
                raise CheckFailed(
                    f"read_status(client)가 {type(got).__name__}을(를) 돌려주었습니다. "
                    f"키가 {list(STATUS_KEYS)}인 딕셔너리를 돌려주세요 (3단계).",
                    f"read_status(client) returned a {type(got).__name__}; return a dict with keys "
                    f"{list(STATUS_KEYS)} (step 3).",
                )
            missing = [key for key in STATUS_KEYS if key not in got]
            if missing:
                raise CheckFailed(
                    f"read_status(client)의 결과에 키 {missing}이(가) 없습니다 (3단계).",
                    f"read_status(client) lacks the keys {missing} (step 3).",
                )
            for key, value in want.items():
                seen[key].add(value)
                if not _same(got[key], value):
                    tag = tags[STATUS_KEYS[key][0]]
                    function, address = READ_FUNCTION[tag.area.value], tag.address
                    unit = " (카운트 × 0.1 = °C)" if STATUS_KEYS[key][1] else ""
                    now = session.call(lambda p: p.now_s)
                    raise CheckFailed(
                        f"{now:.2f}초에 read_status(client)[{key!r}]가 {got[key]!r}인데, PLC의 값은 {value!r}입니다. "
                        f"{tag.name}은(는) {_TABLE_KO[function]}(기능 코드 {function:02d}) 주소 {address}"
                        f"(번호 {traditional_number(function, address)})에 있습니다{unit}. "
                        "기능 코드와 0부터 세는 주소를 확인하세요 (3단계).",
                        f"At {now:.2f} s read_status(client)[{key!r}] is {got[key]!r} but the PLC has {value!r}. "
                        f"{tag.name} is in the {_TABLE_EN[function]} (function {function:02d}) at address {address} "
                        f"(number {traditional_number(function, address)}). Check the function code and the "
                        "0-based address (step 3).",
                    )
    dull = [key for key, values in seen.items() if len(values) < 2 and key != "temperature_c"]
    if dull:  # a grader safeguard: the run must exercise every value, or the check proves nothing
        raise RuntimeError(f"read run with seed {seed} never changed {dull}")
    return "ok"


def _sorting_run(sorter: Any, seed: int, seconds: float, faults: str) -> dict[str, Any]:
    """Run the student's Modbus master on a remote-I/O plant; the result, or a CheckFailed."""
    from simulator.plant import Plant, read_faults

    tags = _tags()
    plant = Plant(SCENE, seed=seed, faults=read_faults(faults, tags) if faults else ())
    plant.press("start", hold_s=0.3, at_s=START_AT_S)
    with lockstep(plant) as session:
        client = student_client(session)
        name = getattr(sorter, "__name__", "ModbusSorter")
        master = _call(sorter, f"{name}(client)", "4", client)
        for _ in range(round(seconds / plant.plc.scan_period_s)):
            now = plant.now_s
            try:
                master.scan()
            except Exception as error:  # noqa: BLE001 - the student's bug
                ko, en = _describe(error, modbus=True)
                raise CheckFailed(
                    f"{now:.2f}초에 {name}.scan()에서 오류가 났습니다 — {ko} (4단계)",
                    f"{name}.scan() raised at {now:.2f} s — {en} (step 4)",
                ) from None
            session.step(1)
        holding = session.call(lambda p: [p.io.count_metal, p.io.count_plastic, p.io.count_ng])
        return {
            "kpis": session.call(lambda p: p.kpis()),
            "records": list(plant.records),
            "on_belt": session.call(lambda p: len(line_view(p.snapshot()).items)),
            "holding": holding,
            "outputs": session.call(lambda p: (p.io.feeder_on, p.io.infeed_motor, p.io.sorter_forward)),
        }


def _grade_sorting(sorter: Any, seed: int, seconds: float, faults: str) -> str:
    run = _sorting_run(sorter, seed, seconds, faults)
    kpis = run["kpis"]
    if kpis.produced < 3:
        feeder, infeed, sorter_on = (int(v) for v in run["outputs"])
        raise CheckFailed(
            f"{seconds:g}초 동안 부품이 {kpis.produced}개만 통에 들어갔습니다. 끝날 때 코일 feeder_on={feeder}, "
            f"infeed_motor={infeed}, sorter_forward={sorter_on}입니다. scan()에서 디스크리트 입력(기능 02, 주소 0부터 "
            "17개)을 읽어 io에 넣고, 프로그램을 돌린 뒤 코일(기능 15, 주소 0부터 10개)을 쓰는지 보세요. "
            "write_coils의 응답이 오류(isError())인지도 확인하세요 (4단계).",
            f"Only {kpis.produced} part(s) reached a bin in {seconds:g} s; at the end feeder_on={feeder}, "
            f"infeed_motor={infeed}, sorter_forward={sorter_on}. In scan(), read the discrete inputs (function 02, "
            "17 from address 0) into io, run the program, then write the coils (function 15, 10 from address 0); "
            "check whether write_coils answered with an error (step 4).",
        )
    wrong = [r for r in run["records"] if r.result == "MIS_SORT"]
    if wrong:
        first = wrong[0]
        raise CheckFailed(
            f"부품 {len(wrong)}개가 다른 통으로 갔습니다. 처음 것: {first.finished_s:.1f}초, {first.material} "
            f"높이 {first.height_mm:.1f} mm 부품이 {first.bin}에 들어갔습니다 (맞는 통 {first.correct_bin}). "
            "높이센서(입력 레지스터 0, 기능 04)와 높이 하한·상한(홀딩 레지스터 3–4, 기능 03)을 읽어 io에 넣는지, "
            "푸셔 코일(4, 5)을 쓰는지 보세요 (4단계).",
            f"{len(wrong)} part(s) went to the wrong bin. First: at {first.finished_s:.1f} s a {first.material} part "
            f"{first.height_mm:.1f} mm high went to {first.bin} (right bin {first.correct_bin}). Read the height "
            "sensor (input register 0, function 04) and the height limits (holding registers 3-4, function 03) "
            "into io, and write the pusher coils (4, 5) (step 4).",
        )
    if kpis.collisions or kpis.jams:
        raise CheckFailed(
            f"부품 충돌 {kpis.collisions}번, 막힘 {kpis.jams}번이 있었습니다. 푸셔와 컨베이어 코일을 매 스캔 "
            "쓰는지 보세요 (4단계).",
            f"{kpis.collisions} collision(s) and {kpis.jams} jam(s). Write the pusher and belt coils every scan "
            "(step 4).",
        )
    return "ok"


def _grade_counts(sorter: Any, seed: int, seconds: float, faults: str) -> str:
    run = _sorting_run(sorter, seed, seconds, faults)
    bins = run["kpis"].bins
    in_bins = [
        bins["bin_metal"].good + bins["bin_metal"].defective,
        bins["bin_plastic"].good + bins["bin_plastic"].defective,
        bins["bin_ng"].good + bins["bin_ng"].defective,
    ]
    if sum(in_bins) < 3:
        raise CheckFailed(
            f"부품이 {sum(in_bins)}개만 통에 들어가서 개수를 검사할 수 없습니다. 먼저 4단계 분류를 통과하세요.",
            f"Only {sum(in_bins)} part(s) reached a bin, too few to check the counts. Pass step 4 first.",
        )
    labels = ("count_metal", "count_plastic", "count_ng")
    for address, (label, low, got) in enumerate(zip(labels, in_bins, run["holding"], strict=True)):
        high = low + run["on_belt"]  # a part counted at its pusher may still be falling into the bin
        if not low <= got <= high:
            right = f"{low}" if low == high else f"{low}~{high}"
            raise CheckFailed(
                f"홀딩 레지스터 {address}({traditional_number(3, address)}, {label})가 {got}입니다. 맞는 값은 {right}"
                "입니다. scan()의 끝에서 io의 개수 세 개를 write_registers(0, [...])(기능 16)로 써서 HMI가 읽을 수 "
                "있게 하세요 (5단계).",
                f"Holding register {address} ({traditional_number(3, address)}, {label}) is {got}; the right value "
                f"is {right}. At the end of scan() write the three counts of io with write_registers(0, [...]) "
                "(function 16) so an HMI can read them (step 5).",
            )
    return "ok"
