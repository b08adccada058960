"""pytest --samcheck=module:factory, run as a user's suite would run it (a subprocess pytest)."""
import os
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CLI = os.path.join(REPO, "bin", "samcheck.js")
HAS_CLI = shutil.which("node") is not None and os.path.exists(os.path.join(REPO, "dist", "src", "cli", "main.js"))


def run_pytest(tmp_path, *args):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.dirname(HERE), HERE]), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    env.pop("SAMCHECK_CLI", None)
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "samcheck.pytest_plugin", "-p", "no:cacheprovider", "-q", "-rs", *args],
                          cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout + done.stderr


def test_offline_a_correct_implementation_passes_one_item_per_declared_vector_file(tmp_path):
    code, out = run_pytest(tmp_path, "--samcheck=impls:correct", "--samcheck-offline", "-rA")
    assert code == 0, out
    for name in ("vectors/float64/sgd.json", "vectors/float64/sam.json", "vectors/float64/m-sam.json"):
        assert "PASSED samcheck[impls:correct]::%s" % name in out, out
    assert "asam" not in out  # undeclared algorithms make no items


def test_offline_a_broken_implementation_fails_naming_the_vectors(tmp_path):
    code, out = run_pytest(tmp_path, "--samcheck=impls:sam_not_restored", "--samcheck-offline")
    assert code == 1, out
    assert "FAILED  float64/sam.json#" in out and "‖θ_1 − expected‖" in out and "vectors failed" in out


def test_a_factory_that_is_not_module_colon_name_is_a_clear_error(tmp_path):
    code, out = run_pytest(tmp_path, "--samcheck=impls", "--samcheck-offline")
    assert code != 0 and "expected module:factory, got 'impls'" in out


@pytest.mark.skipif(not HAS_CLI, reason="node or the built samcheck CLI (npm run build) is absent")
def test_with_the_cli_each_property_is_an_item_and_a_failure_carries_counterexample_and_replay(tmp_path):
    code, out = run_pytest(tmp_path, "--samcheck=impls:sam_not_restored", "--samcheck-cli", "node " + CLI, "--samcheck-num-runs", "5", "-rA")
    assert code == 1, out
    assert "FAILED samcheck[impls:sam_not_restored]::verify/sam.step-matches-oracle" in out, out
    assert "counterexample (dimension" in out and "replay: samcheck verify --impl" in out and "--property sam.step-matches-oracle --seed" in out
