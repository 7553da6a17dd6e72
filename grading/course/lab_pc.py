"""``sflab lab``: JupyterLab in Korean on a track's labs, for a lab PC without a server.

Many school labs have no JupyterHub. On such a PC the student types ``sflab lab`` and gets
the track's released notebooks (no solutions, no hidden tests: the same files nbgrader's
``generate_assignment`` gives a class) in a work folder of their own, opened in JupyterLab
with the Korean language pack as the default language. Running it again keeps every
notebook the student already has; only labs that are missing are added.

``sflab lab handin L01 --student 20301`` zips the student's L01 for the teacher
(:mod:`grading.course.handin`). This module is what the commands do; the commands themselves
are in :mod:`sflab.commands.lab`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

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
    from grading.course.build import build_course

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
