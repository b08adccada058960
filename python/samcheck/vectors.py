"""Offline conformance: replay the packaged vectors (``samcheck verify --vectors``, spec/python.md) against a
Python implementation through the adapter API (``make_session(config, layout).step(params, oracle)``).

    report = samcheck.vectors.check(implementation)     # a samcheck.Implementation
    assert report.ok, report.format()

A vector applies when the implementation declares everything its config uses (algorithm, base,
options, pinned ``fixed`` values, finite sums); the rest are reported as skipped. A vector passes when
``‖θ_1 − expected.params‖ ≤ tolerance.relative·tolerance.scale`` (the live suite's rule and scale)."""
import json
import math
import os

from .adapter import Implementation, Layout

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "vectors")


def _norm(v):
    return math.sqrt(sum(x * x for x in v))


class VectorOracle:
    """The vector's function, served like the harness serves it: mean over the batch, or Σ w_k f_samples[k]."""

    def __init__(self, spec):
        self.spec = spec
        self.gradient_evaluations = 0
        self.data = None
        if spec["kind"] == "sample-quadratics":
            self.data = {"batch": list(spec["batch"]), "full": list(range(len(spec["curvature"])))}

    def _quadratic(self, x):
        s, l, u, g, c = (self.spec[k] for k in ("scale", "curvature", "coupling", "couplingScale", "center"))
        r = [xi - ci for xi, ci in zip(x, c)]
        ur = sum(ui * ri for ui, ri in zip(u, r))
        value = s * 0.5 * (sum(li * ri * ri for li, ri in zip(l, r)) + g * ur * ur)
        return value, [s * (li * ri + g * ur * ui) for li, ri, ui in zip(l, r, u)]

    def _f(self, i, x):
        s, l, c = self.spec["scale"], self.spec["curvature"][i], self.spec["center"][i]
        return s * 0.5 * sum(lj * (xj - cj) ** 2 for lj, xj, cj in zip(l, x, c))

    def _selection(self, samples, weights):
        if self.data is None:
            if samples is not None or weights is not None:
                raise ValueError("a per-sample request (samples or weights) on a single-function vector")
            return None, None
        chosen = list(self.data["batch"] if samples is None else samples)
        n = len(self.data["full"])
        if not chosen or len(set(chosen)) != len(chosen) or any(not isinstance(i, int) or not 0 <= i < n for i in chosen):
            raise ValueError("samples: expected distinct sample indices in [0, %d), got %r" % (n, samples))
        if weights is not None and len(weights) != len(chosen):
            raise ValueError("weights: expected %d numbers, got %r" % (len(chosen), weights))
        return chosen, (list(weights) if weights is not None else [1.0 / len(chosen)] * len(chosen))

    def evaluate(self, point, want=("value", "gradient"), samples=None, weights=None):
        x = [float(v) for v in point]
        chosen, w = self._selection(samples, weights)
        if "gradient" in want:
            self.gradient_evaluations += 1
        if chosen is None:
            value, gradient = self._quadratic(x)
        else:
            s = self.spec["scale"]
            value = sum(wk * self._f(i, x) for wk, i in zip(w, chosen))
            gradient = [sum(wk * s * self.spec["curvature"][i][j] * (x[j] - self.spec["center"][i][j]) for wk, i in zip(w, chosen))
                        for j in range(len(x))]
        return (value if "value" in want else None, gradient if "gradient" in want else None)

    def gradient(self, point, samples=None, weights=None):
        return self.evaluate(point, ("gradient",), samples, weights)[1]

    def value(self, point, samples=None, weights=None):
        return self.evaluate(point, ("value",), samples, weights)[0]

    def per_sample(self, point, samples=None):
        chosen, _ = self._selection(samples, None)
        if chosen is None:
            raise ValueError("per_sample on a single-function vector")
        return [self._f(i, [float(v) for v in point]) for i in chosen]


def _skip_reason(vector, impl):
    """Why a vector's config uses something the implementation did not declare (None: it applies)."""
    config, d = vector["config"], impl.declarations
    algorithm = config["algorithm"]
    if algorithm not in impl.algorithms:
        return "algorithm %s not declared" % algorithm
    if vector["function"]["kind"] == "sample-quadratics" and not d.get("finite_sum"):
        return "needs finite_sum=True"
    base = config.get("base")
    pinned = dict((impl.algorithms[algorithm] or {}).get("fixed", {}))
    if base is not None:
        support = (d.get("bases") or {}).get(base["name"])
        if support is None:
            return "base %s not declared" % base["name"]
        for key, value in (support or {}).get("fixed", {}).items():
            if base.get(key) != value:
                return "base.%s = %r, pinned to %r" % (key, base.get(key), value)
    for key, value in pinned.items():
        if config.get(key) != value:
            return "%s = %r, pinned to %r" % (key, config.get(key), value)
    options = d.get("options") or {}
    # Dampening and Nesterov change nothing without momentum.
    used = ("momentum", "weightDecay") + (("dampening",) if config.get("momentum", 0) != 0 else ())
    for key in used:
        if config.get(key, 0) != 0 and not options.get(key):
            return "%s > 0 needs options[%r]" % (key, key)
    if config.get("nesterov") and config.get("momentum", 0) != 0 and not options.get("nesterov"):
        return "nesterov needs options['nesterov']"
    placement = config.get("weightDecayIn")
    own = "decoupled" if base is not None and base["name"] == "adamw" else None
    if config.get("weightDecay", 0) != 0 and placement != own and placement not in options.get("weightDecayIn", ["base"]):
        return "weightDecayIn %r not declared" % placement
    return None


class Result:
    def __init__(self, name, status, message=""):
        self.name, self.status, self.message = name, status, message

    def __repr__(self):
        return "%s %s %s" % (self.status.upper(), self.name, self.message)


class Report:
    def __init__(self, implementation, results):
        self.implementation = implementation
        self.results = results
        self.failed = [r for r in results if r.status == "failed"]
        self.passed = [r for r in results if r.status == "passed"]
        self.skipped = [r for r in results if r.status == "skipped"]
        self.ok = not self.failed

    def format(self):
        lines = ["FAILED  %s\n        %s" % (r.name, r.message) for r in self.failed]
        lines.append("%s: %d passed, %d failed, %d skipped (vectors)" % (self.implementation, len(self.passed), len(self.failed), len(self.skipped)))
        return "\n".join(lines)


def check_vector(impl, vector, name):
    """One vector: a fresh session, one step from ``params``, compared with ``expected.params``."""
    reason = _skip_reason(vector, impl)
    if reason is not None:
        return Result(name, "skipped", reason)
    oracle = VectorOracle(vector["function"])
    try:
        session = impl.make_session(vector["config"], Layout(vector["layout"]["names"], vector["layout"]["sizes"]))
        result = session.step(list(vector["params"]), oracle)
        params = [float(x) for x in (result[0] if isinstance(result, tuple) else result)]
    except Exception as e:  # a crashing step is a failing vector, reported with its config
        return Result(name, "failed", "the step raised %s: %s (config %s)" % (type(e).__name__, e, json.dumps(vector["config"])))
    expected, tol = vector["expected"]["params"], vector["tolerance"]
    bound = tol["relative"] * tol["scale"]
    error = _norm([a - b for a, b in zip(params, expected)]) if len(params) == len(expected) else math.inf
    if not all(math.isfinite(x) for x in params) or not error <= bound:
        return Result(name, "failed", "‖θ_1 − expected‖ = %.3e > %.3e (actual %s, expected %s, config %s, params %s)" % (
            error, bound, json.dumps(params), json.dumps(expected), json.dumps(vector["config"]), json.dumps(vector["params"])))
    return Result(name, "passed")


def vector_files(precision, directory=DATA):
    """(name, path) of every packaged file at this precision, e.g. ('float32/sam.adam.json', ...)."""
    folder = os.path.join(directory, precision)
    if not os.path.isdir(folder):
        raise ValueError("no vectors for precision %r in %s" % (precision, directory))
    return [("%s/%s" % (precision, f), os.path.join(folder, f)) for f in sorted(os.listdir(folder)) if f.endswith(".json")]


def check_file(impl, name, path):
    with open(path, encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    return [check_vector(impl, v, "%s#%d" % (name, i)) for i, v in enumerate(vectors)]


def check(implementation, precision=None, directory=DATA, **declarations):
    """Replay every packaged vector at the implementation's precision; returns a Report.

    ``implementation`` is a samcheck.Implementation, or a ``make_session(config, layout)`` with its
    declarations as keyword arguments (name, algorithms, options, bases, finite_sum, precision) as
    ``serve`` takes them."""
    impl = implementation if isinstance(implementation, Implementation) else Implementation(
        implementation, declarations.pop("name", getattr(implementation, "__name__", "implementation")), declarations.pop("algorithms"), **declarations)
    precision = precision or impl.declarations.get("precision", "float64")
    results = []
    for name, path in vector_files(precision, directory):
        results.extend(check_file(impl, name, path))
    return Report(impl.name, results)
