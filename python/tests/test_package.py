"""The package: one version and protocol, an offline wheel that works from anywhere, the old import path."""
import json
import os
import shutil
import subprocess
import sys

import pytest

import samcheck
import samcheck_adapter
from samcheck import adapter

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)


def test_the_old_import_path_is_the_same_module():
    assert samcheck_adapter is adapter and samcheck_adapter.serve is samcheck.serve


def test_hello_states_the_packaged_protocol():
    import io

    out = io.StringIO()
    samcheck.serve(lambda c, l: None, name="x", algorithms={"sgd": {}}, stdin=io.StringIO(""), stdout=out)
    assert json.loads(out.getvalue().splitlines()[0])["protocol"] == samcheck.PROTOCOL


def test_the_wheel_builds_offline_and_runs_from_anywhere(tmp_path):
    if subprocess.run([sys.executable, "-c", "import setuptools, wheel"], capture_output=True).returncode != 0:
        pytest.skip("setuptools/wheel are not installed (Debian: python3-setuptools python3-wheel)")
    source = tmp_path / "src"
    shutil.copytree(PYTHON_DIR, source, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-index", "--no-deps", "-w", str(tmp_path / "dist"), str(source)],
                   check=True, capture_output=True, timeout=300)
    [wheel] = os.listdir(tmp_path / "dist")
    assert wheel == "samcheck-%s-py3-none-any.whl" % samcheck.__version__
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-index", "--no-deps", "--target", str(target), str(tmp_path / "dist" / wheel)],
                   check=True, capture_output=True, timeout=300)
    env = dict(os.environ, PYTHONPATH=str(target))
    probe = ("import json, samcheck, samcheck.vectors as v; "
             "print(json.dumps([samcheck.__file__, samcheck.__version__, len(v.vector_files('float32'))]))")
    where, version, files = json.loads(subprocess.run([sys.executable, "-c", probe], cwd=str(tmp_path), env=env, check=True,
                                                      capture_output=True, text=True).stdout)
    assert where.startswith(str(target)) and version == samcheck.__version__ and files == len(samcheck.vectors.vector_files("float32"))
    # The pytest plugin is registered by the wheel's entry point.
    listed = subprocess.run([sys.executable, "-m", "pytest", "--help"], cwd=str(tmp_path), env=env, capture_output=True, text=True).stdout
    assert "--samcheck=MODULE:FACTORY" in listed
