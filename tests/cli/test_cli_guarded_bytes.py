"""Issue 12: output handed over as UTF-8 bytes writes what the text would have written.

`tacl check` with several reports (and `--reports-from`) has each worker encode its
run of verdicts once (`output.utf8`) and the parent copy the bytes to standard
output (`GuardedStream.write_utf8`). These tests hold that path to the text one:
the same bytes for any text (lone surrogates included, spelled `\\udcff` as
before), in the same order as text written around them, through every kind of
stream the standard streams can be.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacl.commands.output import GuardedStream, OutputError, utf8, write_utf8

# any character, lone surrogates (a file name that is not UTF-8: U+DC80–U+DCFF) often
ANY_TEXT = st.text(st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr)), max_size=200)


def _stream(encoding: str = "utf-8", **options) -> tuple[io.BytesIO, GuardedStream]:
    raw = io.BytesIO()
    text = io.TextIOWrapper(raw, encoding=encoding, **options)
    return raw, GuardedStream(text, "standard output")


@given(ANY_TEXT, ANY_TEXT)
def test_bytes_and_text_write_the_same(before: str, text: str) -> None:
    as_text_raw, as_text = _stream()
    as_text.write(before)
    as_text.write(text)
    as_text.flush()
    as_bytes_raw, as_bytes = _stream()
    as_bytes.write(before)
    as_bytes.write_utf8(utf8(text))
    as_bytes.flush()
    assert as_bytes_raw.getvalue() == as_text_raw.getvalue()


def test_a_lone_surrogate_is_spelled_as_its_json_escape() -> None:
    # a file name with byte 0xFF reads as U+DCFF; both paths write the six characters \udcff
    assert utf8("r\udcff.json Δ") == b"r\\udcff.json \xce\x94"
    raw, out = _stream()
    out.write("r\udcff.json Δ")
    out.flush()
    assert raw.getvalue() == b"r\\udcff.json \xce\x94"


def test_text_before_and_after_bytes_keeps_its_place() -> None:
    raw, out = _stream()  # buffered: the text layer holds "[\n" until something flushes it
    out.write("[\n")
    out.write_utf8(b'{"a": 1}')
    out.write("\n]\n")
    out.flush()
    assert raw.getvalue() == b'[\n{"a": 1}\n]\n'


def test_a_stream_that_is_not_utf8_gets_the_text() -> None:
    raw, out = _stream("latin-1")  # "°" is in Latin-1, "Δ" is not: escaped, as text is
    out.write_utf8(utf8("25 °C ± 2, ΔE"))
    out.flush()
    assert raw.getvalue() == b"25 \xb0C \xb1 2, \\u0394E"


class _Trickle(io.RawIOBase):
    """An unbuffered stream that takes at most three bytes a write (`python -u`, a pipe)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.data += bytes(data[:3])
        return min(3, len(data))


def test_an_unbuffered_stream_gets_every_byte() -> None:
    raw = _Trickle()
    out = GuardedStream(io.TextIOWrapper(raw, encoding="utf-8", write_through=True), "stdout")
    out.write_utf8(utf8("verdict: noncompliant\n" * 5))
    assert bytes(raw.data) == b"verdict: noncompliant\n" * 5


def test_a_line_buffered_stream_sees_each_line_at_once() -> None:
    raw = io.BytesIO()
    text = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8", line_buffering=True)
    GuardedStream(text, "stdout").write_utf8(b"one line\n")
    assert raw.getvalue() == b"one line\n"  # on a terminal, no waiting for a full buffer


def test_a_closed_or_failing_stream_is_an_output_error() -> None:
    with pytest.raises(OutputError, match="it is closed"):
        GuardedStream(None, "standard output").write_utf8(b"x")

    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data) -> int:
            raise OSError(28, "No space left on device")

    out = GuardedStream(io.TextIOWrapper(Full(), encoding="utf-8", write_through=True), "x")
    with pytest.raises(OutputError, match="No space left on device"):
        out.write_utf8(b"x")


def test_any_other_stream_gets_the_text() -> None:
    plain = io.StringIO()  # e.g. a test's capture, or a caller's own sys.stdout
    write_utf8(plain, utf8("ΔE 1.2\n"))
    assert plain.getvalue() == "ΔE 1.2\n"
