"""pytest plugin: ``pytest --samcheck=module:factory`` verifies an implementation in the user's own suite.

Items (spec/python.md §3): ``samcheck[<factory>]::vectors/<precision>/<file>`` replays one packaged vector
file offline; when the Node CLI is found (``--samcheck-cli``, ``$SAMCHECK_CLI`` or ``samcheck`` on PATH,
unless ``--samcheck-offline``), ``samcheck[<factory>]::verify/<algorithm>.<property>`` is one property of
``samcheck verify --impl "python -m samcheck serve <factory>"``, its failure message the counterexample
and the replay line."""
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from . import vectors
from .load import load_implementation

VERDICT = re.compile(r"^(PASSED|FAILED|SKIPPED|ERROR|NOT-RUN)\s+(\S+)")


def pytest_addoption(parser):
    group = parser.getgroup("samcheck")
    group.addoption("--samcheck", action="append", default=[], metavar="MODULE:FACTORY",
                    help="verify the samcheck.Implementation this factory returns (repeatable)")
    group.addoption("--samcheck-cli", default=None, metavar="COMMAND",
                    help="the samcheck CLI, e.g. 'node path/to/bin/samcheck.js' (default: $SAMCHECK_CLI, or samcheck on PATH)")
    group.addoption("--samcheck-offline", action="store_true", help="only the packaged vectors, even when the CLI is found")
    group.addoption("--samcheck-num-runs", type=int, default=None, metavar="N", help="fast-check runs per verify property")


def cli_command(config):
    explicit = config.getoption("--samcheck-cli") or os.environ.get("SAMCHECK_CLI")
    if explicit:
        return shlex.split(explicit)
    found = shutil.which("samcheck")
    return [found] if found and shutil.which("node") else None


class VectorFileItem(pytest.Item):
    def __init__(self, *, impl, path, vector_name, **kwargs):
        super().__init__(**kwargs)
        self.impl, self.path, self.vector_name = impl, path, vector_name

    def runtest(self):
        results = vectors.check_file(self.impl, self.vector_name, self.path)
        failed = [r for r in results if r.status == "failed"]
        if failed:
            raise SamcheckFailure("\n".join("FAILED  %s\n        %s" % (r.name, r.message) for r in failed)
                                  + "\n%d of %d vectors failed" % (len(failed), len(results)))
        if not any(r.status == "passed" for r in results):
            pytest.skip("no vector applies: " + "; ".join(sorted({r.message for r in results}))[:500])

    def repr_failure(self, excinfo):
        return str(excinfo.value) if isinstance(excinfo.value, SamcheckFailure) else super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, self.name


class VerifyItem(pytest.Item):
    def __init__(self, *, status, text, **kwargs):
        super().__init__(**kwargs)
        self.status, self.text = status, text

    def runtest(self):
        if self.status in ("FAILED", "ERROR"):
            raise SamcheckFailure(self.text)
        if self.status != "PASSED":
            pytest.skip(self.text)

    def repr_failure(self, excinfo):
        return str(excinfo.value) if isinstance(excinfo.value, SamcheckFailure) else super().repr_failure(excinfo)

    def reportinfo(self):
        return "samcheck verify", None, self.name


class SamcheckFailure(Exception):
    pass


def run_verify(command, spec, num_runs):
    """Every verdict of ``samcheck verify`` on this factory: [(status, property, text)] and the CLI's output."""
    impl = "%s -m samcheck serve %s" % (shlex.quote(sys.executable), spec)
    args = command + ["verify", "--impl", impl] + (["--num-runs", str(num_runs)] if num_runs else [])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=3600)
    verdicts, current = [], None
    for line in done.stdout.splitlines():
        m = VERDICT.match(line)
        if m:
            current = [m.group(1), m.group(2), [line]]
            verdicts.append(current)
        elif current is not None and line.startswith("        "):
            current[2].append(line.strip())
        else:
            current = None
    return [(s, name, "\n".join(text)) for s, name, text in verdicts], done


class SamcheckCollector(pytest.Collector):
    def __init__(self, *, spec, **kwargs):
        super().__init__(**kwargs)
        self.spec = spec

    def collect(self):
        impl = load_implementation(self.spec)
        precision = impl.declarations.get("precision", "float64")
        for name, path in vectors.vector_files(precision):
            algorithm, _, base = os.path.basename(name)[:-len(".json")].partition(".")
            if algorithm not in impl.algorithms or (base and base not in (impl.declarations.get("bases") or {})):
                continue  # nothing in the file applies: no item
            yield VectorFileItem.from_parent(self, name="vectors/" + name, impl=impl, path=path, vector_name=name)
        command = cli_command(self.config)
        if command is None or self.config.getoption("--samcheck-offline"):
            return
        verdicts, done = run_verify(command, self.spec, self.config.getoption("--samcheck-num-runs"))
        if not verdicts:
            yield VerifyItem.from_parent(self, name="verify", status="ERROR",
                                         text="samcheck verify (%s) exited %d without verdicts:\n%s%s" % (
                                             " ".join(command), done.returncode, done.stdout[-4000:], done.stderr[-4000:]))
        for status, name, text in verdicts:
            yield VerifyItem.from_parent(self, name="verify/" + name, status=status, text=text)


def pytest_collection_modifyitems(session, config, items):
    for spec in config.getoption("--samcheck"):
        collector = SamcheckCollector.from_parent(session, name="samcheck[%s]" % spec, nodeid="samcheck[%s]" % spec, spec=spec)
        items.extend(collector.collect())
