"""``sflab course build|plan`` and ``sflab grade autograde|report|feedback|import``: the teacher's commands.

Every command here works when ``sflab`` is called by its full path from a virtual
environment that was never activated (see :mod:`grading.course.environment`). ``grade import``
takes the hand-in zips of lab PCs without a server (:mod:`grading.course.handin`).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from sflab.arguments import COMMON, add_command


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``course`` and ``grade``."""
    course = add_command(subparsers, "course", "nbgrader 과정 / nbgrader course", _needs_action)
    actions = course.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser(
        "build", parents=[COMMON], help="과정 폴더 만들기 / build a course directory for a track"
    )
    build.add_argument("--track", default="common", help="과정(트랙) id (기본 common)")
    build.add_argument("--out", required=True, help="만들 nbgrader 과정 폴더 / course directory to write")
    build.add_argument("--force", action="store_true", help="있는 폴더에 덮어쓰기 / overwrite")
    build.add_argument("--cell-timeout", type=int, default=None, help="채점 때 셀 하나의 제한 시간(초), 기본 60")
    build.add_argument(
        "--lab", action="append", default=[], metavar="ID", help="이 실습만 (여러 번 가능, 예: --lab L05)"
    )
    build.add_argument("--no-release", action="store_true", help="release/ 만들지 않기 (generate_assignment 생략)")
    build.set_defaults(handler=_course_build)

    plan = actions.add_parser("plan", parents=[COMMON], help="과정의 실습 계획(차시·수준·학습 목표) / a track's plan")
    plan.add_argument("--track", default="common", help="과정(트랙) id (기본 common)")
    plan.set_defaults(handler=_course_plan)

    grade = add_command(subparsers, "grade", "자동 채점과 피드백 / autograde and feedback", _needs_action)
    actions = grade.add_subparsers(dest="action", required=True, metavar="ACTION")
    auto = actions.add_parser(
        "autograde", parents=[COMMON], help="제출물 자동 채점(병렬) / autograde all submissions in parallel"
    )
    auto.add_argument("assignment", help="과제 id (예: L01)")
    auto.add_argument("--course", default=".", help="nbgrader 과정 폴더 (기본: 현재 폴더)")
    auto.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="동시에 채점할 학생 수 (기본: CPU 수)")
    auto.add_argument("--student", action="append", default=[], help="이 학생만 (여러 번 가능)")
    auto.set_defaults(handler=_autograde)
    report = actions.add_parser(
        "report", parents=[COMMON], help="학생별 점수·플래그 CSV / CSV of points per criterion, total, flags"
    )
    report.add_argument("assignment", help="과제 id (예: L01)")
    report.add_argument("--course", default=".", help="nbgrader 과정 폴더 (기본: 현재 폴더)")
    report.add_argument("--out", default=None, help="CSV 파일 (기본: 과정 폴더의 reports/<과제>.csv)")
    report.set_defaults(handler=_report)
    feedback = actions.add_parser(
        "feedback", parents=[COMMON], help="숨은 테스트 없는 피드백 HTML / feedback without hidden tests"
    )
    feedback.add_argument("assignment", help="과제 id (예: L01)")
    feedback.add_argument("--course", default=".", help="nbgrader 과정 폴더 (기본: 현재 폴더)")
    feedback.add_argument("--student", default=None, help="이 학생만")
    feedback.set_defaults(handler=_feedback)
    imports = actions.add_parser(
        "import", parents=[COMMON], help="학생 제출 zip을 submitted/로 가져오기 / import hand-in zips"
    )
    imports.add_argument("zips", nargs="+", metavar="ZIP", help="제출 파일 (예: L01_20301.zip)")
    imports.add_argument("--course", default=".", help="nbgrader 과정 폴더 (기본: 현재 폴더)")
    imports.add_argument("--force", action="store_true", help="있는 제출물 바꾸기 / replace existing submissions")
    imports.set_defaults(handler=_import)


def _needs_action(args: argparse.Namespace) -> int:
    print("하위 명령을 주세요 / give an action (see --help)", file=sys.stderr)
    return 2


def _course_build(args: argparse.Namespace) -> int:
    from grading.course.build import CELL_TIMEOUT_S, build_course

    built = build_course(
        args.track,
        args.out,
        force=args.force,
        release=not args.no_release,
        cell_timeout_s=args.cell_timeout or CELL_TIMEOUT_S,
        lab_ids=args.lab or None,
    )
    if args.lang == "en":
        print(f"course {built.track.course_id} written to {built.root}: {', '.join(built.assignments)}")
    else:
        print(f"과정 {built.track.course_id}을(를) {built.root}에 만들었습니다: {', '.join(built.assignments)}")
    return 0


def _course_plan(args: argparse.Namespace) -> int:
    from curriculum import load_track
    from curriculum.plan import plan_markdown

    track = load_track(args.track)
    print(f"# {track.title_en if args.lang == 'en' else track.title_ko} ({track.id})\n")
    print(plan_markdown(track, args.lang))
    return 0


def _autograde(args: argparse.Namespace) -> int:
    from grading.course.autograde import autograde
    from grading.messages import LANG_VARIABLE

    os.environ[LANG_VARIABLE] = args.lang  # the checks inside the notebooks speak the same language
    results = autograde(args.course, args.assignment, jobs=args.jobs, students=args.student or None)
    failed = [r for r in results if not r.success]
    flags = _flags(args.course, args.assignment, [r.student for r in results])
    for result in results:
        score = f"{result.score:g}/{result.max_score:g}" if result.success else "FAILED"
        mark = f"\t⚑ {len(flags[result.student])}" if flags[result.student] else ""
        print(f"{result.student}\t{score}\t{result.seconds:.1f}s{mark}")
    _print_flags(flags, args.lang)
    for result in failed:
        print(f"--- {result.student}\n{result.error}", file=sys.stderr)
    return 1 if failed else 0


def _flags(course: str, assignment: str, students: list[str]) -> dict[str, list[Any]]:
    """The trusted pass's flags of each student just graded."""
    from grading.trusted_record import read_records

    return {s: [f for record in read_records(course, assignment, s) for f in record.flags] for s in students}


def _print_flags(flags: dict[str, list[Any]], lang: str) -> None:
    """Every flag, one line each, to stderr after the scores."""
    flagged = [(student, flag) for student, found in flags.items() for flag in found]
    if not flagged:
        return
    title = (
        "Flags (the trusted grader's verdict is the score):"
        if lang == "en"
        else "⚑ 확인할 제출물 (점수는 채점기 판정):"
    )
    print(title, file=sys.stderr)
    for student, flag in flagged:
        print(f"⚑ {student}\t{flag.text(lang)}", file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from grading.course.report import write_report

    course = Path(args.course).resolve()
    out = Path(args.out) if args.out else course / "reports" / f"{args.assignment}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_report(course, args.assignment, out, args.lang)
    print(out)
    return 0


def _feedback(args: argparse.Namespace) -> int:
    from grading.feedback import generate_feedback

    written = generate_feedback(args.course, args.assignment, args.student)
    for path in written:
        print(path)
    return 0


def _import(args: argparse.Namespace) -> int:
    from grading.course.handin import import_handins

    written = import_handins(args.zips, args.course, force=args.force)
    for path in written:
        print(path)
    labs = sorted({path.parent.name for path in written})
    if args.lang == "en":
        print(f"imported {len(written)} submission(s); next: sflab grade autograde {' / '.join(labs)}")
    else:
        print(f"제출물 {len(written)}개를 가져왔습니다. 다음: sflab grade autograde {' / '.join(labs)}")
    return 0
