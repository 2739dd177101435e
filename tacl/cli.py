"""The `tacl` command: a thin click layer over the library.

Each verb parses its options, hands them to `tacl.commands.<verb>.run`, and exits
with the code that returns. Heavy modules load inside the verb that needs them, so
`tacl --version` and `tacl --help` start fast. A `TaclError` (bad contract, bad
report, bad option) is printed as a message, never as a traceback, and exits 2.
"""

from __future__ import annotations

import sys

import click

from tacl import __version__

FORMATS_LINT = ("text", "json", "sarif", "github")
FORMATS_CHECK = ("text", "json", "html")
FORMATS_PLAN = ("markdown", "html", "template")


def format_option(formats: tuple[str, ...], default: str = "text", help: str = "Output format."):
    """`--format` (stored as `fmt`), one of `formats`, `default` when not given."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(formats),
        default=default,
        show_default=True,
        help=help,
    )


color_option = click.option(
    "--color/--no-color",
    "color",
    default=None,
    help="Colour text output (default: only on a terminal; never with NO_COLOR set).",
)


jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Processes to use (default: one per core; 1 runs in this process). "
    "The output is the same whatever N.",
)


def _jobs(jobs: int | None) -> int:
    if jobs is not None:
        return jobs
    from tacl.batch import default_jobs

    return default_jobs()


def _run(module: str, **options) -> None:
    """Run a verb; bad input and failed output (commands/output.py) are one line, exit 2."""
    import gc

    from tacl.commands.output import run_guarded

    try:
        code = run_guarded(lambda: _verb(module).run(**options))
    finally:
        gc.unfreeze()  # for a caller that stays (tests invoke the CLI in-process)
    sys.exit(code)


def _verb(module: str):
    """The verb's module, imported with the cycle collector paused, then set aside.

    Importing allocates tens of thousands of objects that live as long as the
    process (modules, functions, parse tables), none of them garbage, and the
    collector would walk them again and again while the verb runs: ~18 ms of CPU
    of a ~145 ms `tacl compile` (benchmarks/README.md). `gc.freeze` moves them
    out of its sight; collection goes on as usual for the verb's own objects,
    however long it runs.
    """
    import gc
    import importlib

    gc.disable()
    try:
        return importlib.import_module(f"tacl.commands.{module}")
    finally:
        gc.freeze()
        gc.enable()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="tacl")
def main() -> None:
    """TACL: purchase contracts that a machine can check.

    \b
    Write the contract in a .tacl file, lint it before it is signed, and check
    inspection reports against it when the goods are inspected.

    \b
      tacl lint contracts/            # what is vague or missing
      tacl fmt --check contracts/     # canonical layout
      tacl compile po.tacl            # the compiled contract and its sha256
      tacl plan po.tacl               # what the inspector samples and records
      tacl check po.tacl report.yaml  # verdict and refund claim
      tacl explain vague-wording      # a lint rule's documentation
    """


@main.command("compile")
@click.argument("contract", type=click.Path(dir_okay=False, allow_dash=True))
def compile_cmd(contract: str) -> None:
    """Print the compiled CONTRACT as canonical JSON with its sha256 fingerprint.

    \b
    Exit codes: 0 compiled, 2 errors in the contract.

    \b
      tacl compile examples/lamps/po.tacl
      cat po.tacl | tacl compile -
    """
    _run("compile", path=contract)


@main.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@format_option(FORMATS_LINT)
@click.option(
    "--select",
    default=None,
    help="Comma-separated rules or codes to run (replaces the default set).",
)
@click.option("--extend-select", default=None, help="Comma-separated rules or codes to add.")
@click.option("--ignore", default=None, help="Comma-separated rules or codes to skip.")
@click.option("--statistics", is_flag=True, help="Print a count of findings per rule.")
@color_option
@jobs_option
def lint_cmd(paths, fmt, select, extend_select, ignore, statistics, color, jobs) -> None:
    """Parse, compile and lint contracts (files, or folders searched for *.tacl).

    \b
    Exit codes: 0 clean or only notes, 1 warnings or errors found, 2 usage error.

    \b
      tacl lint po.tacl
      tacl lint contracts/ --format json
      tacl lint po.tacl --ignore missing-color,vague-wording
      tacl lint contracts/ --format sarif > tacl.sarif
    """
    _run(
        "lint",
        paths=paths,
        fmt=fmt,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        statistics=statistics,
        color=color,
        jobs=_jobs(jobs),
    )


@main.command("fmt")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file would change.")
@click.option("--diff", is_flag=True, help="Change nothing; print a unified diff of the changes.")
@jobs_option
def fmt_cmd(paths, check, diff, jobs) -> None:
    """Rewrite contracts in canonical layout, comments kept.

    \b
    Exit codes: 0 done, 1 --check found a file to change, 2 usage or syntax error.

    \b
      tacl fmt po.tacl
      tacl fmt --check contracts/
      tacl fmt --diff po.tacl
      tacl fmt - < po.tacl > po.formatted.tacl
    """
    _run("fmt", paths=paths, check=check, diff=diff, jobs=_jobs(jobs))


@main.command("check")
@click.argument("contract", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("reports", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--reports-from",
    "reports_from",
    default=None,
    metavar="FILE.jsonl",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Read one JSON report per line (JSON Lines; `-` for standard input) and write one "
    "verdict per line, in order, as JSON Lines.",
)
@format_option(FORMATS_CHECK)
@click.option(
    "--as-of",
    "as_of",
    default=None,
    metavar="DATE",
    help="Evaluation date (YYYY-MM-DD) for deadlines a report leaves open.",
)
@click.option("-v", "--verbose", is_flag=True, help="In text output, list the passed clauses too.")
@color_option
@jobs_option
def check_cmd(contract, reports, reports_from, fmt, as_of, verbose, color, jobs) -> None:
    """Evaluate inspection REPORTS (YAML or JSON) against CONTRACT.

    \b
    Exit codes: 0 compliant, 1 noncompliant, 3 inconclusive, 2 usage or input error.
    With several reports the worst status decides (noncompliant > inconclusive > compliant).

    \b
      tacl check po.tacl report.yaml
      tacl check po.tacl report.json --format json
      tacl check po.tacl report.yaml --format html > evidence.html
      tacl check po.tacl report.yaml --as-of 2026-04-01
      tacl check po.tacl report.yaml --verbose
      tacl check po.tacl reports/*.yaml --jobs 4
      tacl check po.tacl --reports-from day.jsonl > verdicts.jsonl

    \b
    With --reports-from each output line is {"line": N, "report": NAME, "verdict": {...}}
    or, for a line that is not a valid report, {"line": N, "report": NAME, "error": {...}}
    (also said on standard error); blank lines are skipped. The exit code is the worst
    over all lines, a bad line counting as an input error (2).
    """
    _run(
        "check",
        contract=contract,
        reports=reports,
        reports_from=reports_from,
        fmt=fmt,
        as_of=as_of,
        color=color,
        jobs=_jobs(jobs),
        verbose=verbose,
    )


@main.command("plan")
@click.argument("contract", type=click.Path(dir_okay=False, allow_dash=True))
@format_option(
    FORMATS_PLAN,
    "markdown",
    "markdown to read, html to print, template for the report skeleton (YAML).",
)
@click.option(
    "--lot-size",
    "lot_sizes",
    multiple=True,
    metavar="[LOT=]N",
    help="Lot size for every lot (N) or one lot (SKU=N); default: the contract's quantity.",
)
def plan_cmd(contract, fmt, lot_sizes) -> None:
    """Print the inspection plan of CONTRACT: lots, sampling plans, every check.

    \b
    Exit codes: 0 printed, 2 errors in the contract or a bad option.

    \b
      tacl plan po.tacl
      tacl plan po.tacl --format html > plan.html
      tacl plan po.tacl --format template > report.yaml
      tacl plan po.tacl --lot-size DL-200=1200
    """
    _run("plan", contract=contract, fmt=fmt, lot_sizes=lot_sizes)


@main.command("schema")
@click.argument("contract", type=click.Path(dir_okay=False, allow_dash=True))
def schema_cmd(contract) -> None:
    """Print the JSON Schema of an inspection report for CONTRACT.

    \b
    Every key the contract knows and the units each value accepts, so a report
    can be validated before it is sent. Exit codes: 0 printed, 2 contract errors.

    \b
      tacl schema po.tacl > po.report.schema.json
    """
    _run("schema", contract=contract)


@main.command("explain")
@click.argument("rule")
def explain_cmd(rule: str) -> None:
    """Print the documentation of a lint RULE (by name or code).

    \b
      tacl explain vague-wording
      tacl explain W101
    """
    _run("explain", rule=rule)


if __name__ == "__main__":  # pragma: no cover
    main()
