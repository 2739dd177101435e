"""Reading a report gives typed evidence: samples by clause path, records by type and key."""

from __future__ import annotations

import datetime
import typing

import attrs
import pytest

from tacl.compile import ir
from tacl.evaluate.checks import _CHECKS, build_checks
from tacl.evaluate.evidence import (
    ColourReading,
    DisputeFacts,
    Evidence,
    EvidenceBuilder,
    Field,
    InspectionFacts,
    Measured,
    MeasuredSamples,
    RunTally,
    Sampling,
    ShipmentFacts,
)
from tacl.evaluate.report import read_report
from tacl.evaluate.shape import _READERS


def test_every_clause_kind_has_a_check():
    kinds = set(typing.get_args(ir.Clause))
    assert kinds == set(_CHECKS)


def test_every_sampled_clause_kind_has_a_reader():
    shipment_kinds = {ir.ShipByClause, ir.DeliverByClause, ir.PartialClause, ir.AqlClause}
    assert set(typing.get_args(ir.Clause)) - shipment_kinds == set(_READERS)


def test_a_clause_kind_without_a_check_fails_when_checks_are_built():
    @attrs.frozen
    class Future:
        path: str = "products.X.future"

    class Contract:
        clauses = (Future(),)
        lots = shipments = ()

    with pytest.raises(KeyError):
        build_checks(Contract())


def test_the_lamp_report_reads_into_typed_records(lamps, report):
    read = read_report(lamps, report, "r.yaml")
    assert read.inspection == InspectionFacts("post-delivery", datetime.date(2026, 4, 24))
    assert read.shipment == ShipmentFacts(
        shipped=datetime.date(2026, 3, 13),
        customs_cleared=datetime.date(2026, 4, 20),
        delivered=datetime.date(2026, 4, 22),
        partial=False,
    )
    assert read.dispute == DisputeFacts()
    sampling = read.evidence.record(Sampling, "products.DL-200.aql")
    assert sampling == Sampling(lot_size=1000, sample_size=80, critical=0, major=3, minor=5)
    assert sampling.defects("major") == 3


def test_samples_are_keyed_by_clause_path_and_named(lamps, report):
    evidence = read_report(lamps, report, "r.yaml").evidence
    paths = {clause.path for clause in lamps.clauses}
    assert set(evidence.samples) <= paths
    assert all(type(key) is str for key in evidence.samples)
    weight = evidence.samples["products.DL-200.weight"]
    assert isinstance(weight, MeasuredSamples)
    assert len(weight) == 2
    first = weight.each()[0]
    assert isinstance(first, Measured)
    assert (first.mantissa, first.exponent, first.unit.symbol, first.text) == (
        121,
        2,
        "kg",
        "1.21 kg",
    )
    length = evidence.samples["products.DL-200.size.length"]
    assert [s.mantissa for s in length.each()] == [421, 420]
    assert length.texts == ["421 mm", "420 mm"]
    (colour,) = evidence.samples["products.DL-200.color.body"]
    assert isinstance(colour, ColourReading)
    assert (colour.form, colour.shown) == ("hex", "#1B1A1A")
    assert evidence.samples["products.DL-200.test.power on"] == RunTally(passed=1, failed=0)


def test_a_report_without_sampling_has_no_record(lamps, report):
    del report["products"]["DL-200"]["aql"]
    evidence = read_report(lamps, report, "r.yaml").evidence
    assert evidence.record(Sampling, "products.DL-200.aql") is None


def test_a_field_name_is_checked_when_the_shape_is_built():
    found = EvidenceBuilder()
    found.put(Sampling, "lot.aql", "lot_size", 500)
    assert found.build().record(Sampling, "lot.aql") == Sampling(lot_size=500)
    with pytest.raises(TypeError, match="no field 'lot-size'"):
        Field.of(Sampling, "lot.aql", "lot-size")  # a report key, not a field


def test_a_record_without_a_required_field_is_not_built():
    found = EvidenceBuilder()
    found.put(InspectionFacts, "", "kind", "pre-shipment")
    assert found.has(InspectionFacts, "", "kind")
    assert not found.has(InspectionFacts, "", "date")
    with pytest.raises(TypeError, match="lacks a required field"):
        found.build()


def test_a_new_evidence_kind_needs_no_change_to_evidence():
    """What TACL 2's shipments and lots do: a record of their own, keyed by name."""

    class Lot(typing.NamedTuple):
        size: int | None = None

    found = EvidenceBuilder()
    found.put(Lot, "shipments.grey.aql", "size", 1200)
    evidence = found.build()
    assert evidence.record(Lot, "shipments.grey.aql") == Lot(1200)
    assert evidence.record(Lot, "shipments.green.aql") is None
    assert Evidence().record(Lot, "x") is None
