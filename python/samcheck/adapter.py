"""Wrap a Python optimizer for ``samcheck verify`` in a few lines (samcheck-protocol/1).

Standard library only. The harness starts your script, you call ``serve(...)``; samcheck sends
step requests, you answer them by calling ``oracle.evaluate`` (the harness serves the loss and
its gradient, and counts every call) and returning the new parameters::

    from samcheck import serve

    def make_session(config, layout):           # one optimizer instance (keeps momentum state)
        class Session:
            def step(self, params, oracle):
                g = oracle.gradient(params)
                return [p - config["learningRate"] * gi for p, gi in zip(params, g)]
        return Session()

    serve(make_session, name="my sgd", algorithms={"sgd": {}}, precision="float64")

m-SAM, n-SAM and RW-SAM need per-sample losses: declare ``serve(..., finite_sum=True)`` and use
``oracle.data`` (the batch's sample indices in batch order, and the full data set) with
``oracle.gradient(point, samples=..., weights=...)`` and ``oracle.per_sample(point)``::

    m = config["m"]; batch = oracle.data["batch"]
    for part in (batch[j:j + m] for j in range(0, len(batch), m)):
        g = oracle.gradient(params, samples=part)          # mean over the micro-batch

The protocol itself is in spec/protocol.md (§3.1 for finite sums); this module is one
implementation of its implementation side.
"""
import json
import math
import sys
import traceback

from ._version import PROTOCOL


def _encode(x):
    """JSON has no NaN/Infinity: the protocol sends them as strings."""
    if isinstance(x, float) and not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    if isinstance(x, (list, tuple)):
        return [_encode(v) for v in x]
    if isinstance(x, dict):
        return {k: _encode(v) for k, v in x.items()}
    return x


def _decode_number(v):
    return float(v) if isinstance(v, str) else v


class Layout:
    """How the flat parameter vector splits into tensors: ``names[i]`` has ``sizes[i]`` entries."""

    def __init__(self, names, sizes):
        self.names = list(names)
        self.sizes = list(sizes)

    def split(self, flat):
        out, offset = [], 0
        for size in self.sizes:
            out.append(list(flat[offset:offset + size]))
            offset += size
        return out


class _Channel:
    def __init__(self, stdin, stdout):
        self._in = stdin
        self._out = stdout

    def send(self, message):
        self._out.write(json.dumps(_encode(message), allow_nan=False) + "\n")
        self._out.flush()

    def receive(self):
        line = self._in.readline()
        if not line:
            return None
        return json.loads(line)


class Oracle:
    """The harness's loss: every call is one request (and counts as a gradient evaluation if it asks for one).

    On a finite-sum step (``finite_sum=True`` in ``serve``) ``data`` is ``{"batch": [...], "full": [...]}``:
    the batch's sample indices in batch order and every sample of the data set. ``samples`` selects the
    samples a request is over (default: the batch; the loss is their mean), ``weights`` (one per selected
    sample) makes it the weighted sum, and ``per_sample`` returns every selected f_i (forward only).
    """

    def __init__(self, channel):
        self._channel = channel
        self._next_id = 0
        self.data = None

    def _request(self, point, want, samples, weights):
        request_id = self._next_id
        self._next_id += 1
        message = {"type": "evaluate", "id": request_id, "point": [float(x) for x in point], "want": list(want)}
        if samples is not None:
            message["samples"] = [int(i) for i in samples]
        if weights is not None:
            message["weights"] = [float(w) for w in weights]
        self._channel.send(message)
        reply = self._channel.receive()
        if reply is None or reply.get("type") != "evaluation" or reply.get("id") != request_id:
            raise RuntimeError("expected the evaluation of request %d, got %r" % (request_id, reply))
        return reply

    def evaluate(self, point, want=("value", "gradient"), samples=None, weights=None):
        """Returns ``(value, gradient)``; an entry not asked for is None."""
        reply = self._request(point, want, samples, weights)
        value = reply.get("value")
        gradient = reply.get("gradient")
        return (
            None if value is None else _decode_number(value),
            None if gradient is None else [_decode_number(v) for v in gradient],
        )

    def gradient(self, point, samples=None, weights=None):
        return self.evaluate(point, ("gradient",), samples, weights)[1]

    def value(self, point, samples=None, weights=None):
        return self.evaluate(point, ("value",), samples, weights)[0]

    def per_sample(self, point, samples=None):
        """f_i(point) for every selected sample (default: the batch, in batch order); not a gradient evaluation."""
        return [_decode_number(v) for v in self._request(point, ("perSample",), samples, None)["perSample"]]


def serve(make_session, name, algorithms, options=None, zero_gradient="guard", precision="float64",
          stdin=None, stdout=None, finite_sum=False, bases=None, distributed=None):
    """Answer samcheck's requests until it says shutdown (or closes stdin).

    make_session(config, layout) -> an object whose ``step(params, oracle)`` returns the new
    parameters (a flat list) or ``(params, diagnostics)`` with optional keys "perturbation" and
    "appliedGradient". ``algorithms`` maps each supported algorithm to {} or
    {"fixed": {hyperparameter: value}}; ``options`` declares base-optimizer features
    (momentum, dampening, nesterov, weightDecay: bools; weightDecayIn: ["base"] and/or "loss").
    ``finite_sum=True`` declares per-sample requests (needed for m-SAM, n-SAM and RW-SAM); the
    step's sample structure is then ``oracle.data`` (see Oracle). ``bases`` declares base
    optimizers besides SGD, e.g. {"adamw": {}} (spec/bases.md): a config over one carries
    ``config["base"] = {"name": "adamw", "beta1": ..., ...}``; SGD configs keep the flat form.
    ``distributed`` makes this process one rank of ``samcheck verify --world-size N``
    (spec/protocol.md §3.2): ``{"semantics": "perReplicaPerturbation" | "synced", "rank": r,
    "worldSize": N}``, the rank and world size as the process group sees them; ``oracle.data`` is
    then this rank's shard and every request is over it.
    """
    channel = _Channel(stdin or sys.stdin, stdout or sys.stdout)
    # User code that prints would corrupt the protocol stream: send its prints to stderr.
    sys.stdout = sys.stderr
    channel.send({
        "type": "hello",
        "protocol": PROTOCOL,
        "name": name,
        "capabilities": {
            "algorithms": algorithms,
            "options": options or {},
            "policies": {"zeroGradient": zero_gradient},
            "precision": precision,
            "finiteSum": bool(finite_sum),
            **({"bases": bases} if bases else {}),
            **({"distributed": distributed} if distributed is not None else {}),
        },
    })
    sessions = {}
    oracle = Oracle(channel)
    while True:
        message = channel.receive()
        if message is None or message.get("type") == "shutdown":
            return 0
        kind = message.get("type")
        if kind == "close":
            sessions.pop(message.get("session"), None)
            continue
        if kind != "step":
            channel.send({"type": "error", "message": "unknown request type %r" % (kind,)})
            continue
        try:
            key = message["session"]
            if key not in sessions:
                layout = Layout(message["layout"]["names"], message["layout"]["sizes"])
                sessions[key] = make_session(message["config"], layout)
            params = [_decode_number(v) for v in message["params"]]
            oracle.data = message.get("data")
            result = sessions[key].step(params, oracle)
            new_params, diagnostics = result if isinstance(result, tuple) else (result, {})
            channel.send({"type": "result", "id": message["id"], "params": [float(x) for x in new_params],
                          "diagnostics": diagnostics or {}})
        except Exception:  # reported to the harness as a failed step, not a broken pipe
            channel.send({"type": "error", "id": message.get("id"), "message": traceback.format_exc(limit=5)})


class Implementation:
    """An implementation and its declarations, as ``serve`` takes them: what ``python -m samcheck serve``,
    ``samcheck.vectors.check`` and the pytest plugin (``--samcheck=module:factory``) share."""

    def __init__(self, make_session, name, algorithms, **declarations):
        self.make_session = make_session
        self.name = name
        self.algorithms = algorithms
        self.declarations = declarations

    def serve(self, stdin=None, stdout=None):
        return serve(self.make_session, self.name, self.algorithms, stdin=stdin, stdout=stdout, **self.declarations)
