"""Wrap a Python optimizer for ``samcheck verify`` in a few lines (samcheck-protocol/1).

Standard library only. The harness starts your script, you call ``serve(...)``; samcheck sends
step requests, you answer them by calling ``oracle.evaluate`` (the harness serves the loss and
its gradient, and counts every call) and returning the new parameters::

    from samcheck_adapter import serve

    def make_session(config, layout):           # one optimizer instance (keeps momentum state)
        class Session:
            def step(self, params, oracle):
                g = oracle.gradient(params)
                return [p - config["learningRate"] * gi for p, gi in zip(params, g)]
        return Session()

    serve(make_session, name="my sgd", algorithms={"sgd": {}}, precision="float64")

The protocol itself is in spec/protocol.md; this module is one implementation of its
implementation side.
"""
import json
import math
import sys
import traceback

PROTOCOL = "samcheck-protocol/1"


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
    """The harness's loss: every call is one request (and counts as a gradient evaluation if it asks for one)."""

    def __init__(self, channel):
        self._channel = channel
        self._next_id = 0

    def evaluate(self, point, want=("value", "gradient")):
        """Returns ``(value, gradient)``; an entry not asked for is None."""
        request_id = self._next_id
        self._next_id += 1
        self._channel.send({"type": "evaluate", "id": request_id, "point": [float(x) for x in point], "want": list(want)})
        reply = self._channel.receive()
        if reply is None or reply.get("type") != "evaluation" or reply.get("id") != request_id:
            raise RuntimeError("expected the evaluation of request %d, got %r" % (request_id, reply))
        value = reply.get("value")
        gradient = reply.get("gradient")
        return (
            None if value is None else _decode_number(value),
            None if gradient is None else [_decode_number(v) for v in gradient],
        )

    def gradient(self, point):
        return self.evaluate(point, ("gradient",))[1]

    def value(self, point):
        return self.evaluate(point, ("value",))[0]


def serve(make_session, name, algorithms, options=None, zero_gradient="guard", precision="float64",
          stdin=None, stdout=None):
    """Answer samcheck's requests until it says shutdown (or closes stdin).

    make_session(config, layout) -> an object whose ``step(params, oracle)`` returns the new
    parameters (a flat list) or ``(params, diagnostics)`` with optional keys "perturbation" and
    "appliedGradient". ``algorithms`` maps each supported algorithm to {} or
    {"fixed": {hyperparameter: value}}; ``options`` declares base-optimizer features
    (momentum, dampening, nesterov, weightDecay: bools; weightDecayIn: ["base"] and/or "loss").
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
            result = sessions[key].step(params, oracle)
            new_params, diagnostics = result if isinstance(result, tuple) else (result, {})
            channel.send({"type": "result", "id": message["id"], "params": [float(x) for x in new_params],
                          "diagnostics": diagnostics or {}})
        except Exception:  # reported to the harness as a failed step, not a broken pipe
            channel.send({"type": "error", "id": message.get("id"), "message": traceback.format_exc(limit=5)})
