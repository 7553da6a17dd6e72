"""The socket-less lock-step session answers exactly as the TCP server does.

Graders use ``LockstepSession(plant, tcp=False)`` and its loopback client (five times fewer
CPU seconds per check); students' notebooks and ``mbpoll`` use TCP. Twin plants with the same
seed get the same requests, one over TCP and one over the loopback: every reply, exception
replies included, and the plants themselves must stay identical.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.errors import LabError
from simulator.modbus.lockstep import LockstepSession
from simulator.plant import Plant

SCENE = "sorting-line-v1"

#: (method, address, count or values): reads and writes of all eight functions, and requests the PLC refuses.
REQUESTS: list[tuple[str, int, Any]] = [
    ("read_coils", 0, 10),
    ("read_discrete_inputs", 0, 17),
    ("read_holding_registers", 0, 5),
    ("read_input_registers", 0, 3),
    ("write_coil", 0, True),
    ("write_coils", 0, [True, True, True]),
    ("write_register", 3, 20),
    ("write_registers", 0, [1, 2, 3]),
    ("read_coils", 0, 16),  # spans unmapped coils: exception 02
    ("read_input_registers", 900, 1),  # no such register: 02
    ("write_registers", 60000, [1]),  # no such register: 02
    ("read_holding_registers", 0, 126),  # more than 125 registers: pymodbus refuses to send it
    ("read_coils", 0, 10),
]


def _ask(client: Any, method: str, address: int, data: Any) -> dict[str, Any]:
    """One request, the reply as plain data (or the error the client raised)."""
    try:
        if method.startswith("read"):
            reply = getattr(client, method)(address, count=data)
        else:
            reply = getattr(client, method)(address, data)
    except Exception as error:  # noqa: BLE001 - compared between the two clients
        return {"raised": type(error).__name__}
    return {
        "function_code": reply.function_code,
        "exception_code": getattr(reply, "exception_code", 0),
        "bits": list(getattr(reply, "bits", []) or []),
        "registers": list(getattr(reply, "registers", []) or []),
    }


@pytest.mark.parametrize("program", [None, "reference"], ids=["remote", "internal"])
def test_the_loopback_client_gets_the_replies_a_tcp_client_gets(program: str | None) -> None:
    tcp_plant, loop_plant = Plant(SCENE, seed=3, program=program), Plant(SCENE, seed=3, program=program)
    with LockstepSession(tcp_plant) as over_tcp, LockstepSession(loop_plant, tcp=False) as loopback:
        tcp_client, loop_client = over_tcp.client(), loopback.loopback_client()
        for step, (method, address, data) in enumerate(REQUESTS):
            over_tcp.step(7)
            loopback.step(7)
            got, want = _ask(loop_client, method, address, data), _ask(tcp_client, method, address, data)
            assert got == want, f"request {step}: {method}({address}, {data!r})"
        refused = [_ask(loop_client, *request) for request in REQUESTS[8:11]]
        assert all(reply.get("function_code", 0) > 0x80 for reply in refused), refused
        over_tcp.run(20.0)
        loopback.run(20.0)
        assert loopback.call(lambda p: p.kpis()) == over_tcp.call(lambda p: p.kpis())
        assert loopback.plant.now_s == over_tcp.plant.now_s


def test_a_session_without_tcp_has_no_socket_to_connect_to() -> None:
    with LockstepSession(Plant(SCENE, seed=1), tcp=False) as session:
        assert session.port == 0
        with pytest.raises(LabError, match="tcp=False"):
            session.client()
