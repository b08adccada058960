"""samcheck.vectors.check: correct implementations pass the packaged vectors, broken ones fail by name."""
import collections
import importlib.util

import pytest

import impls
from samcheck import vectors

HAS_TORCH = importlib.util.find_spec("torch") is not None


def passed_per_file(report):
    return collections.Counter(r.name.split("#")[0] for r in report.passed)


def test_a_correct_plain_python_sam_passes_every_applicable_vector():
    report = vectors.check(impls.correct())
    assert report.ok, report.format()
    counts = passed_per_file(report)
    for name in ("float64/sgd.json", "float64/sam.json", "float64/m-sam.json"):
        assert counts[name] >= 2, counts  # enough vectors apply for the check to mean something


def test_sam_that_does_not_restore_theta_fails_and_the_report_names_the_vector():
    report = vectors.check(impls.sam_not_restored())
    assert not report.ok
    assert {r.name.split("#")[0] for r in report.failed} == {"float64/sam.json"}
    text = report.format()
    assert "FAILED  float64/sam.json#" in text and "‖θ_1 − expected‖" in text and '"algorithm": "sam"' in text


def test_msam_summing_micro_batches_fails_on_the_finite_sum_vectors():
    report = vectors.check(impls.msam_summed())
    assert any(r.name.startswith("float64/m-sam.json#") for r in report.failed), report.format()


def test_the_tolerance_is_the_precision_s():
    """A relative error of 1e-7 is float32 rounding (tolerance 1e-5) but a bug in float64 (1e-10)."""
    assert vectors.check(impls.nudged(1e-7), precision="float32").ok
    assert not vectors.check(impls.nudged(1e-7), precision="float64").ok
    assert not vectors.check(impls.nudged(1e-3), precision="float32").ok


def test_undeclared_features_are_skipped_with_the_reason():
    report = vectors.check(impls.correct())
    reasons = {r.message for r in report.skipped}
    assert "momentum > 0 needs options['momentum']" in reasons
    assert any(m.startswith("base adam not declared") for m in reasons)


def test_make_session_with_declarations_as_keywords_is_the_same_check():
    impl = impls.correct()
    a = vectors.check(impl)
    b = vectors.check(impl.make_session, name="x", algorithms=impl.algorithms, **impl.declarations)
    assert [r.status for r in a.results] == [r.status for r in b.results]


def test_unknown_precision_is_a_clear_error():
    with pytest.raises(ValueError, match="no vectors for precision 'float16'"):
        vectors.check(impls.correct(), precision="float16")


@pytest.mark.skipif(not HAS_TORCH, reason="torch is not installed")
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_the_torch_example_passes_over_sgd_adam_and_adamw(dtype):
    from samcheck.examples import torch_sam

    report = vectors.check(torch_sam.implementation(dtype))
    assert report.ok, report.format()
    counts = passed_per_file(report)
    for stem in ("sgd", "sam", "sam.adam", "sam.adamw"):
        assert counts["%s/%s.json" % (dtype, stem)] >= 3, counts


@pytest.mark.skipif(not HAS_TORCH, reason="torch is not installed")
def test_the_torch_example_without_restoring_theta_fails():
    report = vectors.check(impls.torch_not_restored())
    failed = {r.name.split("#")[0] for r in report.failed}
    assert {"float32/sam.json", "float32/sam.adam.json", "float32/sam.adamw.json"} <= failed, report.format()
    assert not any(name.startswith("float32/sgd") for name in failed)
