"""``sflab lab``: JupyterLab in Korean on a track's labs, for a lab PC without a server.

Many school labs have no JupyterHub. On such a PC the student types ``sflab lab`` and gets
the track's released notebooks (no solutions, no hidden tests: the same files nbgrader's
``generate_assignment`` gives a class) in a work folder of their own, opened in JupyterLab
with the Korean language pack as the default language. Running it again keeps every
notebook the student already has; only labs that are missing are added.

``sflab lab handin L01 --student 20301`` zips the student's L01 for the teacher
(:mod:`grading.handin`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from grading import offline
from simulator.cli import COMMON, add_command
from simulator.errors import LabError

#: The default work folder of a track: ``~/sflab-labs/<track>``.
DEFAULT_ROOT = Path.home() / "sflab-labs"
#: JupyterLab settings written by this command live here, inside the work folder (hidden in JupyterLab).
SETTINGS_FOLDER = ".sflab/lab-settings"
#: Hand-in zips go here, inside the work folder.
HANDIN_FOLDER = "handin"
#: The Korean language pack (a Python package) and the locale JupyterLab calls it by.
LANGUAGE_PACK = "jupyterlab-language-pack-ko-kr"
LOCALE = "ko_KR"
#: Defaults for a lab PC: Korean, and no calls to the internet for news or updates (often offline).
LAB_OVERRIDES: dict[str, dict[str, object]] = {
    "@jupyterlab/translation-extension:plugin": {"locale": LOCALE},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


#: The web font for Korean text (weight → file of koreanize-matplotlib) and where ``custom.css`` lives.
WEB_FONT = "NanumGothic"
WEB_FONTS = {"normal": "NanumGothic.ttf", "bold": "NanumGothicBold.ttf"}
CUSTOM_FOLDER = ".sflab/custom"
#: JupyterLab's font stacks with NanumGothic before the generic family: Korean glyphs come from it
#: only when no earlier font has them.
FONT_CSS = f"""\
:root, .jp-ThemedContainer {{
  --jp-ui-font-family: system-ui, -apple-system, "Segoe UI", helvetica, arial, "{WEB_FONT}", sans-serif !important;
  --jp-content-font-family: system-ui, -apple-system, "Segoe UI", helvetica, arial, "{WEB_FONT}", sans-serif !important;
  --jp-code-font-family: menlo, consolas, "DejaVu Sans Mono", "{WEB_FONT}", monospace !important;
}}
"""


@dataclass(frozen=True)
class WorkFolder:
    """A student's work folder after :func:`prepare_work_folder`."""

    root: Path
    #: Lab ids whose released notebooks were copied in this time.
    added: tuple[str, ...]
    #: Lab ids the student already had (left exactly as they were).
    kept: tuple[str, ...]
    #: Lab id → the notebook's path, in track order.
    notebooks: dict[str, Path]


def work_folder(track_id: str, folder: str | Path | None = None) -> Path:
    """The work folder: ``folder`` when given, else ``~/sflab-labs/<track>``."""
    return Path(folder).expanduser().resolve() if folder else DEFAULT_ROOT / track_id


def prepare_work_folder(track_id: str, folder: str | Path | None = None) -> WorkFolder:
    """Put the released notebook of every lab of the track that is missing into the work folder.

    The released notebooks are made by nbgrader in a throw-away course (:func:`grading.course.build_course`),
    so they are byte for byte what a teacher's course releases. Files already in the work
    folder are never overwritten.

    Raises:
        LabError: when the track does not exist or nbgrader cannot release a lab.
    """
    from curriculum import load_track
    from grading.course import build_course

    track = load_track(track_id)
    root = work_folder(track_id, folder)
    root.mkdir(parents=True, exist_ok=True)
    notebooks = {lab.id: root / lab.id / f"{lab.folder}.ipynb" for lab in track.labs}
    missing = [lab_id for lab_id, path in notebooks.items() if not path.exists()]
    if missing:
        with tempfile.TemporaryDirectory(prefix="sflab-release-") as temporary:
            built = build_course(track_id, Path(temporary) / "course", lab_ids=missing)
            for lab_id in missing:
                _copy_missing(built.root / "release" / lab_id, root / lab_id)
    kept = tuple(lab_id for lab_id in notebooks if lab_id not in missing)
    return WorkFolder(root, tuple(missing), kept, notebooks)


def _copy_missing(source: Path, target: Path) -> None:
    """Copy every file of ``source`` into ``target`` that ``target`` does not have yet."""
    for path in sorted(source.rglob("*")):
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)


def language_pack_installed() -> bool:
    """True when the Korean JupyterLab language pack is installed in this Python."""
    try:
        metadata.distribution(LANGUAGE_PACK)
    except metadata.PackageNotFoundError:
        return False
    return True


def write_lab_settings(root: Path) -> Path:
    """Write the settings folder JupyterLab reads defaults from; returns it.

    JupyterLab's ``overrides.json`` sets defaults, not choices: a student who picks another
    language in the menu keeps it. Overrides an administrator put into the installation
    are kept too (merged under ours).
    """
    from jupyterlab.commands import get_app_dir

    settings = root / SETTINGS_FOLDER
    settings.mkdir(parents=True, exist_ok=True)
    installed = Path(get_app_dir()) / "settings"
    overrides: dict[str, dict[str, object]] = {}
    if (installed / "overrides.json").is_file():
        overrides = json.loads((installed / "overrides.json").read_text(encoding="utf-8"))
    for name in ("page_config.json",):
        if (installed / name).is_file():
            shutil.copy2(installed / name, settings / name)
    for plugin, values in LAB_OVERRIDES.items():
        overrides.setdefault(plugin, {}).update(values)
    (settings / "overrides.json").write_text(json.dumps(overrides, indent=2, ensure_ascii=False), encoding="utf-8")
    return settings


def write_web_font(root: Path) -> Path | None:
    """Serve NanumGothic to the browser (``custom.css``), so Korean shows on a PC without a Korean font.

    The font files come from the ``koreanize-matplotlib`` package (the ``viz`` extra), the same
    NanumGothic the plots use; returns the folder JupyterLab serves at ``/custom/``, or None
    when the package is missing.
    """
    spec = importlib.util.find_spec("koreanize_matplotlib")  # not imported: it would restyle matplotlib
    if spec is None or spec.origin is None:
        return None
    fonts = Path(spec.origin).parent / "fonts"
    custom = root / CUSTOM_FOLDER
    custom.mkdir(parents=True, exist_ok=True)
    for name in WEB_FONTS.values():
        if (fonts / name).is_file() and not (custom / name).is_file():
            _browser_font(fonts / name, custom / name)
    faces = "".join(
        f'@font-face {{ font-family: "{WEB_FONT}"; font-weight: {weight}; src: url("{name}") format("truetype"); }}\n'
        for weight, name in WEB_FONTS.items()
        if (custom / name).is_file()
    )
    (custom / "custom.css").write_text(faces + FONT_CSS, encoding="utf-8")
    return custom


def _browser_font(source: Path, target: Path) -> None:
    """Copy a TrueType font so browsers accept it.

    NanumGothic carries empty VTT hinting-source tables (``TSI0``…``TSI5``) that Chromium's
    font sanitizer rejects as a whole font; they are only for font editors, so they go.
    (fontTools comes with matplotlib, in the same ``viz`` extra as the font.)
    """
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        shutil.copy2(source, target)
        return
    font = TTFont(str(source))
    for tag in [tag for tag in font.keys() if tag.startswith("TSI")]:
        del font[tag]
    font.save(str(target))


def lab_arguments(
    root: Path, settings: Path, *, port: int | None, open_browser: bool, custom: Path | None = None
) -> list[str]:
    """JupyterLab's command-line arguments: loopback only, the work folder, our settings, root when needed."""
    arguments = [
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.app_settings_dir={settings}",
        f"--ServerApp.open_browser={open_browser}",
    ]
    if custom is not None:
        arguments.append("--LabApp.custom_css=True")
    if port:
        arguments += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        arguments.append("--allow-root")  # a lab PC's Linux account, a container, CI
    return arguments


def sflab_command() -> str:
    """How this student called ``sflab`` (its full path from a never-activated venv), for the printed hints."""
    called = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path("sflab")
    return str(called) if called.stem == "sflab" else "sflab"


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
    offline.register(actions, COMMON)


def _folder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--track", default="common", help="과정(트랙) id (기본 common)")
    parser.add_argument("--dir", default=None, help="작업 폴더 (기본 ~/sflab-labs/<과정>)")


def _lab_command(args: argparse.Namespace) -> int:
    from jupyterlab.labapp import LabApp

    from grading.environment import prepare_environment
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
    from grading.handin import write_handin

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
