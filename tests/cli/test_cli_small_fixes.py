"""Issue 8 item 8 and the "Smaller" list: frames, caps, explain, options, messages.

Each test failed before its fix; sizes are checked as behaviour (a frame is a
window, a cap counts the rest), never as timings (benchmarks/bench_limits.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tacl
from tacl.compile.values import MAX_ERRORS
from tacl.diagnostics import WARNING, Diagnostic
from tacl.render.text import FRAME_WIDTH, MAX_REPEATED, render_text
from tacl.source import SourceFile

ROOT = Path(__file__).resolve().parents[2]
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
SLOPPY = ROOT / "examples" / "sloppy" / "po.tacl"

DUPLICATES = (
    'contract "D-1" {\n  currency USD\n  product "P" {\n    quantity 10 pcs\n'
    "    inspection {\n      aql" + " major 2.5" * 2000 + "\n    }\n  }\n}\n"
)


def _tacl(*args: str, stdin: str | None = None, cwd: Path | None = None):
    return subprocess.run([TACL, *args], input=stdin, capture_output=True, text=True, cwd=cwd)


def test_the_reproducer_two_thousand_duplicates_on_one_line(tmp_path: Path) -> None:
    """Was 66 MB of frames in 33 s: 2 000 frames of the whole 20 KB line."""
    contract = tmp_path / "dup.tacl"
    contract.write_text(DUPLICATES, "utf-8")
    done = _tacl("lint", str(contract))
    assert done.returncode == 1
    assert len(done.stdout) < 20_000
    assert max(len(line) for line in done.stdout.splitlines()) < FRAME_WIDTH + 20
    assert f"the first {MAX_ERRORS} are above" in done.stdout  # E012 counts the rest
    assert f"more error[E302] duplicate-clause in {contract}" in done.stdout


def test_compile_errors_stop_at_the_cap_with_a_count():
    with pytest.raises(tacl.ContractError) as info:
        tacl.compile_source(DUPLICATES, name="dup.tacl")
    codes = [d.code for d in info.value.diagnostics]
    assert len(codes) == MAX_ERRORS + 1 and codes[-1] == "E012"
    # 2 000 entries: the first stands, 1 999 are duplicates; 100 listed, 1 999 - 100 counted
    assert "and 1,899 more errors" in info.value.diagnostics[-1].message


def test_a_frame_of_a_long_line_is_a_window_with_the_caret_under_its_text():
    line = "x" * 5_000 + "TARGET" + "y" * 5_000
    source = SourceFile("long.tacl", line + "\n")
    diagnostic = Diagnostic("W999", "test", WARNING, "here", "long.tacl", source.span(5_000, 5_006))
    lines = render_text([diagnostic], {"long.tacl": source}).splitlines()
    code = next(line for line in lines if line.startswith("1 |"))
    carets = next(line for line in lines if "^" in line)
    assert code.startswith("1 | …") and code.endswith("…")
    assert len(code) <= FRAME_WIDTH + 10
    start = carets.index("^")
    assert code[start : start + 6] == "TARGET" and carets.count("^") == 6


def test_repeated_diagnostics_of_one_code_are_counted_after_the_cap():
    source = SourceFile("a.tacl", "a\n" * 100)
    found = [
        Diagnostic("W999", "test", WARNING, "again", "a.tacl", source.span(2 * i, 2 * i + 1))
        for i in range(MAX_REPEATED + 7)
    ]
    text = render_text(found, {"a.tacl": source})
    assert text.count("warning[W999]") == MAX_REPEATED + 1  # the frames, and the count
    assert text.rstrip().endswith("… and 7 more warning[W999] test in a.tacl")


def test_no_false_order_value_error_after_a_product_error():
    """Any product error was followed by "advance payment in % needs the order value"."""
    text = (
        'contract "C-1" {\n  currency USD\n  advance payment 30 %\n'
        '  product "P" {\n    quantity 10 pcz\n    unit price 12.50 USD\n  }\n}\n'
    )
    with pytest.raises(tacl.ContractError) as info:
        tacl.compile_source(text, name="c.tacl")
    assert [d.code for d in info.value.diagnostics] == ["E104"]


def test_a_comments_only_file_gets_the_documented_message(tmp_path: Path) -> None:
    contract = tmp_path / "c.tacl"
    contract.write_text("# a contract to be written\n\n   # later\n", "utf-8")
    done = _tacl("lint", str(contract))
    assert "error[E001] syntax-error: empty file: no contract" in done.stdout
    docs = (ROOT / "docs" / "language.md").read_text("utf-8")
    assert "`empty file: no contract` — the file is empty or holds only comments" in docs


@pytest.mark.parametrize(
    "code, heading",
    [
        ("E104", "# E104 `unknown-unit` (compile error)"),
        ("unknown-unit", "# E104 `unknown-unit` (compile error)"),
        ("e012", "# E012 `too-many-errors` (compile error)"),
        ("R003", "# R003 `shipment-date-missing` (report warning)"),
        ("W104", "# missing-material (W104)"),
    ],
)
def test_explain_knows_compile_errors_and_report_warnings(code: str, heading: str) -> None:
    done = _tacl("explain", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(heading)


def test_explain_suggests_within_the_family() -> None:
    done = _tacl("explain", "E10")
    assert done.returncode == 2
    assert "W10" not in done.stderr  # a compile code is never answered with a lint rule
    assert _tacl("explain", "unknown-unti").stderr.endswith("did you mean `unknown-unit`?\n")


def test_select_empty_is_a_usage_error() -> None:
    done = _tacl("lint", "--select", "", str(SLOPPY))
    assert done.returncode == 2
    assert done.stderr.startswith("tacl: error: --select names no rule")


@pytest.mark.parametrize("verb", ["lint", "fmt"])
def test_standard_input_named_twice_is_refused(verb: str) -> None:
    done = _tacl(verb, "-", "-", stdin=SLOPPY.read_text("utf-8"))
    assert done.returncode == 2
    assert done.stderr == "tacl: error: standard input (`-`) can be read only once\n"


def test_fmt_past_the_size_limit_is_an_error_not_an_internal_error(tmp_path: Path) -> None:
    # 1-space indents: canonical 4-space ones make the text grow past 1,000,000 characters
    lines = [f' spec "d{i}" at most 1 V' for i in range(36_000)]
    text = 'contract "F-1" {\n currency USD\n product "P" {\n' + "\n".join(lines) + "\n }\n}\n"
    assert len(text) < 1_000_000
    contract = tmp_path / "big.tacl"
    contract.write_text(text, "utf-8")
    done = _tacl("fmt", str(contract))
    assert done.returncode == 2
    assert "internal error" not in done.stderr
    assert "error[E004] file-too-large: formatted, the file would have" in done.stderr
    assert contract.read_text("utf-8") == text


def test_messages_show_values_as_written_not_python_reprs(lamps_report_text: str) -> None:
    from tacl.evaluate.report import load_text

    contract = tacl.load(ROOT / "examples" / "lamps" / "po.tacl")
    text = lamps_report_text.replace('"tacl-report": 1', '"tacl-report": 1.0')
    with pytest.raises(tacl.ReportError) as info:
        contract.evaluate(load_text(text, "r.json"))
    assert "1.0" in info.value.message and "NumberText" not in info.value.message
    assert "Decimal" not in info.value.message
    with pytest.raises(tacl.UsageError) as usage:
        contract.evaluate({}, as_of=1.5)
    assert "not a float" in str(usage.value)


@pytest.fixture
def lamps_report_text() -> str:
    return (ROOT / "examples" / "lamps" / "reports" / "quality.json").read_text("utf-8")


def test_a_contract_too_large_gives_its_real_size(tmp_path: Path) -> None:
    contract = tmp_path / "huge.tacl"
    contract.write_bytes(b"a" * 5_000_000)
    done = _tacl("lint", str(contract))
    assert "file has 5,000,000 bytes" in done.stdout
