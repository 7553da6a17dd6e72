"""``sflab lab``, ``sflab lab handin LAB`` and ``sflab lab wheels DIR``: a track's labs on a lab PC without a server.

``sflab lab`` opens JupyterLab in Korean on the student's work folder, after putting the
released notebook of every missing lab in it (:mod:`grading.course.lab_pc`); ``handin`` zips one
lab for the teacher (:mod:`grading.course.handin`); ``wheels`` builds the folder a PC with no
internet installs from (:mod:`grading.course.offline`). JupyterLab is imported only when
``sflab lab`` opens it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from grading.course.lab_pc import (
    DEFAULT_ROOT,
    HANDIN_FOLDER,
    LANGUAGE_PACK,
    WorkFolder,
    lab_arguments,
    language_pack_installed,
    prepare_work_folder,
    sflab_command,
    work_folder,
    write_lab_settings,
    write_web_font,
)
from grading.course.offline import build_wheel_folder, install_command
from sflab.arguments import COMMON, add_command
from simulator.errors import LabError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``sflab lab``, ``sflab lab handin`` and ``sflab lab wheels``."""
    lab = add_command(
        subparsers, "lab", "JupyterLab(한국어)에서 과정 실습하기 / JupyterLab on a track's labs", _lab_command
    )
    _folder_options(lab)
    lab.add_argument("--port", type=int, default=None, help="JupyterLab 포트 (기본 8888부터 빈 포트)")
    lab.add_argument("--no-browser", action="store_true", help="브라우저를 열지 않기 / do not open a browser")
    actions = lab.add_subparsers(dest="action", required=False, metavar="ACTION")
    handin = actions.add_parser(
        "handin", parents=[COMMON], help="제출 파일(zip) 만들기 / write the hand-in zip of a lab"
    )
    handin.add_argument("lab_id", metavar="LAB", help="실습 id (예: L01)")
    handin.add_argument("--student", required=True, help="학번 (예: 20301)")
    _folder_options(handin)
    handin.add_argument("--out", default=None, help=f"zip을 쓸 폴더 (기본: 작업 폴더의 {HANDIN_FOLDER}/)")
    handin.set_defaults(handler=_handin_command)
    wheels = actions.add_parser(
        "wheels", parents=[COMMON], help="오프라인 설치용 휠 폴더 만들기 / build the wheel folder for offline PCs"
    )
    wheels.add_argument("folder", metavar="DIR", help="휠을 쓸 폴더 (예: wheels)")
    wheels.set_defaults(handler=wheels_command)


def _folder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--track", default="common", help="과정(트랙) id (기본 common)")
    parser.add_argument("--dir", default=None, help="작업 폴더 (기본 ~/sflab-labs/<과정>)")


def _lab_command(args: argparse.Namespace) -> int:
    from jupyterlab.labapp import LabApp

    from grading.course.environment import prepare_environment
    from grading.messages import LANG_VARIABLE

    english = args.lang == "en"
    prepare_environment()  # kernels start with this venv's python, even from a never-activated venv
    os.environ[LANG_VARIABLE] = args.lang  # the checks in the notebooks speak the same language
    work = prepare_work_folder(args.track, args.dir)
    settings = write_lab_settings(work.root)
    custom = write_web_font(work.root)
    print(_welcome(work, args.track, english), flush=True)
    arguments = lab_arguments(work.root, settings, port=args.port, open_browser=not args.no_browser, custom=custom)
    _lab_app(LabApp, custom).launch_instance(argv=arguments)
    return 0


def _lab_app(base: Any, custom: Path | None) -> Any:
    """JupyterLab's app, its server also serving ``custom`` at ``/custom/``.

    The server takes ``custom.css`` only from ``~/.jupyter/custom`` and has no option for
    another folder; writing into a student's ``~/.jupyter`` could clobber their own file. So
    the server this process starts is a subclass that looks in ``custom`` first. (LabApp
    itself cannot be subclassed here: the server finds extensions by module name.)
    """
    if custom is None:
        return base
    from jupyter_server.serverapp import ServerApp
    from traitlets import default

    class LabPCServer(ServerApp):
        @default("static_custom_path")
        def _custom_first(self) -> list[str]:
            return [str(custom), *super()._default_static_custom_path()]

    base.serverapp_class = LabPCServer  # this process runs only JupyterLab from here on
    return base


def _welcome(work: WorkFolder, track_id: str, english: bool) -> str:
    """What the student reads in the console: where the work is, how to save and hand it in."""
    first = next(iter(work.notebooks), "L01")
    handin = f"{sflab_command()} lab handin {first} --student 20301"
    if work.root != DEFAULT_ROOT / track_id:
        handin += f' --dir "{work.root}"'
    zip_path = work.root / HANDIN_FOLDER / f"{first}_20301.zip"
    if english:
        lines = [
            f"Work folder: {work.root} (one folder per lab: {first}/…)",
            f"New labs: {', '.join(work.added) or '-'}; kept as they were: {', '.join(work.kept) or '-'}",
            "Save: Ctrl+S in the notebook saves into this folder.",
            f"Hand in: save, then in another terminal: {handin} (your student number)",
            f"  → give the teacher {zip_path}",
            "Stop: Ctrl+C in this window.",
        ]
        if not language_pack_installed():
            lines.append(f"Korean menus need the language pack: pip install {LANGUAGE_PACK}")
    else:
        lines = [
            f"작업 폴더: {work.root} (실습마다 폴더 하나: {first}/…)",
            f"새로 받은 실습: {', '.join(work.added) or '없음'} / 그대로 둔 실습: {', '.join(work.kept) or '없음'}",
            "저장: 노트북에서 Ctrl+S를 누르면 이 폴더에 저장됩니다.",
            f"제출: 저장한 뒤 새 명령 창에서 {handin}  (20301 자리에 내 학번)",
            f"  → 만들어진 {zip_path} 파일을 선생님께 내세요 (USB, 공유 폴더).",
            "끝내기: 이 창에서 Ctrl+C",
        ]
        if not language_pack_installed():
            lines.append(f"한국어 메뉴에는 언어 팩이 필요합니다: pip install {LANGUAGE_PACK}")
    return "\n".join(lines)


def _handin_command(args: argparse.Namespace) -> int:
    from curriculum import load_track
    from grading.course.handin import write_handin

    track = load_track(args.track)
    try:
        lab = track.lab(args.lab_id)
    except KeyError:
        known = ", ".join(lab.id for lab in track.labs)
        raise LabError(
            f"과정 '{track.id}'에 실습 {args.lab_id}이(가) 없습니다 (있는 실습: {known}).",
            f"Track '{track.id}' has no lab {args.lab_id} ({known}).",
        ) from None
    root = work_folder(args.track, args.dir)
    notebook = root / lab.id / f"{lab.folder}.ipynb"
    written = write_handin(notebook, lab.id, args.student, args.out or root / HANDIN_FOLDER)
    if args.lang == "en":
        print(f"Hand-in file: {written}\nGive this file to the teacher (save the notebook first: Ctrl+S).")
    else:
        print(f"제출 파일: {written}\n이 파일을 선생님께 내세요 (노트북을 먼저 저장하세요: Ctrl+S).")
    return 0


def wheels_command(args: argparse.Namespace) -> int:
    """``sflab lab wheels DIR``."""
    folder = Path(args.folder).resolve()
    wheels = build_wheel_folder(folder)
    windows = sys.platform == "win32"
    if args.lang == "en":
        print(f"{len(wheels)} wheels in {folder}. Copy the folder to the lab PC, then (no internet needed):")
    else:
        print(f"{folder}에 휠 {len(wheels)}개를 만들었습니다. 이 폴더를 실습실 PC로 옮긴 뒤 (인터넷 없이):")
    print(f"  {'py' if windows else 'python3'} -m venv .venv")
    print(f"  {install_command(folder, windows=windows)}")
    return 0
