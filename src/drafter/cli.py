"""Command-line front end over core (and the GUI). The contract is in DESIGN.md.

Each subcommand lives in drafter/commands/<name>.py with ``register(subparsers)``; the
handler it sets with ``set_defaults(func=...)`` returns the exit code. Errors from core
(DrafterError) become one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from drafter import __version__, commands
from drafter.core.errors import DrafterError

# Subcommands in the order `drafter --help` lists them; any other module found in
# drafter.commands follows.
ORDER = ["gui", "new", "import_", "export", "check", "fix", "suggest", "skeletons", "library"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(2, f"{self.prog}: 用法错误：{message}\n")


def command_modules() -> list[str]:
    found = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    return [n for n in ORDER if n in found] + sorted(n for n in found if n not in ORDER)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or with ``only`` that one (a module name)."""
    parser = _Parser(prog="drafter", description="法治政府建设年度报告起草助手")
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in [only] if only else command_modules():
        importlib.import_module(f"drafter.commands.{name}").register(sub)
    return parser


def _invoked_module(argv: list[str]) -> str | None:
    """The command module named by argv's first word, so that only it is imported
    (each command's imports cost start-up time the others need not pay)."""
    if not argv or argv[0].startswith("-"):
        return None
    found = command_modules()
    for name in (argv[0], argv[0] + "_"):
        if name in found:
            return name
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_invoked_module(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        args = parser.parse_args(["gui", *argv])
    try:
        return int(args.func(args) or 0)
    except DrafterError as exc:
        print(f"drafter: {exc.one_line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a path the system refuses (name too long, no permission…)
        where = exc.filename if exc.filename is not None else "drafter"
        error = DrafterError(str(where), f"无法完成（{exc.strerror or exc}）")
        print(f"drafter: {error.one_line()}", file=sys.stderr)
        return 2
    except MemoryError:
        print("drafter: 内存不足，无法完成（输入文件是否过大？）", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: one line for the user, the traceback in a log file
        log = _log_crash(exc)
        print(f"drafter: 内部错误（{type(exc).__name__}），详情已写入 {log}", file=sys.stderr)
        return 2


def _log_crash(exc: BaseException) -> str:
    """Append the traceback to crash.log in the user data dir; returns its path."""
    import traceback

    from drafter.core.paths import user_data_dir

    try:
        path = user_data_dir() / "crash.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)) + "\n")
        return str(path)
    except OSError:
        return "（无法写入日志）"


if __name__ == "__main__":
    sys.exit(main())
