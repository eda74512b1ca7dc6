"""`drafter check PATH... [--json] [--kind gov|dept] [--csv OUT] [--requirements FILE]`.

PATH is a draft (.json), a .docx, a .txt or a folder of them. Per file: the findings, the
sections found and the indicator statuses; for several files also a summary table, and with
--csv one row per file and indicator. Exit 0: no error-level finding; 1: some file has one;
2: some input could not be read (the other files are still checked).
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.core.errors import DrafterError

if TYPE_CHECKING:  # the checks load only when `check` runs, not for every drafter command
    from drafter.core.checks import CheckResult
    from drafter.core.model.model import Report

SUFFIXES = (".json", ".docx", ".txt")
SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_CN = {"present": "已写", "no_figure": "无数字", "missing": "未写", "n/a": "不适用"}
KIND_CN = {"gov": "政府", "dept": "部门"}
SHOWN_PER_CODE = 3  # text output: findings of one kind shown before "另有 N 处"


def register(sub) -> None:
    p = sub.add_parser("check", help="检查报告：必备章节、指标、数字、写作规范")
    p.add_argument("paths", nargs="+", metavar="PATH", help="草稿、.docx、.txt 或文件夹")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--kind", choices=["gov", "dept"], help="按政府或部门的要求检查")
    p.add_argument(
        "--csv", metavar="OUT", help="把每份报告的指标情况写入 CSV（每行一份报告的一项指标）"
    )
    p.add_argument(
        "--requirements", metavar="FILE", help="审核部门的要求文件（提纲、必报指标、规范表述）"
    )
    p.set_defaults(func=run)


@dataclass
class Checked:
    path: Path
    report: Report | None = None
    result: CheckResult | None = None
    error: str | None = None
    kind: str = ""
    similar: list[str] = field(default_factory=list)  # similar-to: "other file（share）"


def expand(paths: list[str]) -> list[Path]:
    """Files to check: files as given, folders as their .json/.docx/.txt files (recursively)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if _is_dir(p):
            found = sorted(
                f
                for f in p.rglob("*")
                if f.suffix.lower() in SUFFIXES
                and not f.name.startswith((".", "~$"))
                and _is_file(f)
                and (f.suffix.lower() != ".json" or _is_draft(f))
            )
            if not found:
                raise DrafterError(str(p), "文件夹里没有可检查的报告（.json、.docx、.txt）")
            out.extend(found)
        else:
            out.append(p)
    return out


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except OSError:
        return False  # the check of the path itself says why


def _is_file(p: Path) -> bool:
    """A file to check: regular files, and anything else that is not a folder (a FIFO or
    a broken link is then reported as unreadable instead of silently skipped)."""
    try:
        return not p.is_dir()
    except OSError:
        return True


DRAFT_HEAD = 64 * 1024


def _is_draft(path: Path) -> bool:
    """A .json file in a folder is checked only if it is a draft (other JSON is not a report):
    one that names its "schema" near the start (drafts write it first). Only the head is
    read, whatever the file's size."""
    try:
        if not path.is_file():
            return True  # not a regular file: let the check report it
        with path.open("rb") as fh:
            head = fh.read(DRAFT_HEAD)
    except OSError:
        return True  # unreadable: let the check report it
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body.startswith(b"{"):
        return not body.startswith(b"[")  # a damaged draft is reported, a JSON list is not one
    return b'"schema"' in head


def check_file(path: Path, kind: str | None, requirements=None, wording=None) -> Checked:
    from drafter.core.checks import read_for_check, report_kind, run_checks

    try:
        report, source = read_for_check(path)
        k = kind or report_kind(report)
        result = run_checks(report, k, source, wording=wording, requirements=requirements)
        return Checked(path, report, result, kind=k)
    except DrafterError as exc:
        return Checked(path, error=exc.reason)
    except RecursionError:
        return Checked(path, error="无法读取（结构嵌套过深）")
    except MemoryError:
        return Checked(path, error="无法读取（内存不足，文件是否过大？）")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a reviewing office's batch
        return Checked(path, error=f"无法检查（{type(exc).__name__}: {str(exc)[:200]}）")


def compare_folder(checked: list[Checked]) -> None:
    """similar-to: add to each report's findings the other reports it shares text with."""
    from drafter.core.checks.finding import severity_rank
    from drafter.core.checks.similarity import similarity_findings

    ok = [c for c in checked if not c.error]
    for c, found in zip(
        ok, similarity_findings([(str(c.path), c.report) for c in ok]), strict=True
    ):
        c.result.findings.extend(s.finding for s in found)
        c.result.findings.sort(key=lambda f: severity_rank(f.severity))  # stable
        c.similar = [f"{Path(s.other).name}（{s.share:.0%}）" for s in found]


# ----- text output ------------------------------------------------------------------------


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _snippet(report: Report, f) -> str:
    """A few words around a finding's place in its paragraph."""
    if not f.paragraph:
        return ""
    found = report.find_paragraph(f.paragraph)
    if not found:
        return ""
    text = found[1].text
    if f.start is None:
        return text[:16] + ("…" if len(text) > 16 else "")
    a, b = max(0, f.start - 8), min(len(text), f.end + 8)
    return ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")


def print_file(c: Checked, out) -> None:
    res, rep = c.result, c.report
    meta = rep.metadata
    about = "，".join(
        x
        for x in (meta.organ, f"{meta.year}年度" if meta.year else "", KIND_CN.get(c.kind, ""))
        if x
    )
    print(f"== {c.path}（{about}）", file=out)
    marks = []
    inside = {f.code[:2] for f in res.findings if f.code.endswith("-inside")}
    for sid, ok in res.sections.items():
        note = "（写在其他章节中）" if sid in inside else ""
        marks.append(f"{sid} {'有' if ok else '无'}{note}")
    print("章节：" + "  ".join(marks), file=out)
    print(
        f"错误 {res.count('error')} · 警告 {res.count('warning')} · 提示 {res.count('info')}",
        file=out,
    )
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for f in res.findings:
        n = shown.get(f.code, 0)
        if n >= SHOWN_PER_CODE:
            hidden[f.code] = hidden.get(f.code, 0) + 1
            continue
        shown[f.code] = n + 1
        where = "，".join(x for x in (f.section, f.indicator) if x)
        print(
            f"  [{SEVERITY_CN[f.severity]}] {f.message}" + (f"（{where}）" if where else ""),
            file=out,
        )
        snippet = _snippet(rep, f)
        if snippet:
            print(f"      位置：“{snippet}”", file=out)
        if f.hint:
            print(f"      → {f.hint}", file=out)
    for code, n in hidden.items():
        print(f"  …… 另有 {n} 处同类问题（{code}）", file=out)
    counts = {s: 0 for s in STATUS_CN}
    for st in res.indicators.values():
        counts[st["status"]] += 1
    print(
        "指标：" + " · ".join(f"{STATUS_CN[s]} {n}" for s, n in counts.items()),
        file=out,
    )
    print(file=out)


def print_table(checked: list[Checked], out) -> None:
    head = ["文件", "错误", "警告", "提示", "缺少章节", "必报未写", "结果"]
    rows = []
    for c in checked:
        if c.error:
            rows.append([c.path.name, "-", "-", "-", "-", "-", "无法读取"])
            continue
        res = c.result
        missing = [s for s in ("S1", "S2", "S3", "S4") if not res.sections[s]]
        req = [
            i
            for i, st in res.indicators.items()
            if st["status"] == "missing" and st.get("level") == "required"
        ]
        rows.append(
            [
                c.path.name,
                str(res.count("error")),
                str(res.count("warning")),
                str(res.count("info")),
                "、".join(missing) or "—",
                "、".join(req) or "—",
                "有错误" if res.has_errors else "通过",
            ]
        )
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(_pad(x, w) for x, w in zip(r, widths, strict=True)).rstrip(), file=out)


def write_csv(checked: list[Checked], target: Path) -> None:
    from drafter.core.model.indicators import load_catalog

    catalog = load_catalog()
    tmp = target.with_name(target.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(
                [
                    "file",
                    "organ",
                    "year",
                    "kind",
                    "indicator",
                    "name",
                    "level",
                    "status",
                    "figures",
                    "similar_to",
                ]
            )
            for c in checked:
                if c.error:
                    w.writerow([str(c.path), "", "", "", "", "", "", "unreadable", c.error, ""])
                    continue
                meta = c.report.metadata
                for ind_id, st in c.result.indicators.items():
                    w.writerow(
                        [
                            str(c.path),
                            meta.organ,
                            meta.year or "",
                            c.kind,
                            ind_id,
                            catalog[ind_id].name,
                            st.get("level", ""),
                            st["status"],
                            "；".join(f["text"] for f in st["figures"]),
                            "；".join(c.similar),
                        ]
                    )
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DrafterError(str(target), f"无法写入 CSV（{exc.strerror or exc}）") from None


def run(args) -> int:
    from drafter.core.checks.wording import default_wording

    requirements = None
    if args.requirements:
        from drafter.core.checks.requirements import load_requirements

        requirements = load_requirements(args.requirements)
    wording = default_wording()  # read once; a bad list of the user's is named and exits 2
    files = expand(args.paths)
    checked = [check_file(p, args.kind, requirements, wording) for p in files]
    if len(checked) > 1:
        compare_folder(checked)
    for c in checked:
        if c.error:
            print(f"drafter: {c.path}: {' '.join(c.error.split())}", file=sys.stderr)
    if args.json:
        docs = [
            {"path": str(c.path), "error": c.error} if c.error else c.result.to_dict(str(c.path))
            for c in checked
        ]
        single = len(args.paths) == 1 and len(files) == 1 and not Path(args.paths[0]).is_dir()
        payload = docs[0] if single else docs
        if not (single and checked[0].error):
            print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        for c in checked:
            if not c.error:
                print_file(c, sys.stdout)
        if len(checked) > 1:
            print_table(checked, sys.stdout)
    if args.csv:
        write_csv(checked, Path(args.csv))
    if any(c.error for c in checked):
        return 2
    return 1 if any(c.result.has_errors for c in checked) else 0
