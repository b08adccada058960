"""Plain-Python implementations for the tests: correct ones and deliberately broken ones.

Each is a factory for ``--samcheck=impls:<name>``; they declare no base-optimizer options, so only the
vectors without momentum and weight decay apply to them."""
import math

from samcheck import Implementation


def _norm(v):
    return math.sqrt(sum(x * x for x in v))


def _ascent(theta, g, rho, epsilon):
    n = _norm(g)
    return [t + rho * gi / (n + epsilon) for t, gi in zip(theta, g)]


def _make(restore=True, micro_batch_sum=False, nudge=0.0):
    def make_session(config, layout):
        lr, algorithm = config["learningRate"], config["algorithm"]

        class Session:
            def step(self, theta, oracle):
                return [x * (1 + nudge) for x in self.exact(theta, oracle)]

            def exact(self, theta, oracle):
                if algorithm == "sgd":
                    return [t - lr * gi for t, gi in zip(theta, oracle.gradient(theta))]
                if algorithm == "m-sam":
                    batch, m = oracle.data["batch"], config["m"]
                    parts = [batch[j:j + m] for j in range(0, len(batch), m)]
                    finals = [oracle.gradient(_ascent(theta, oracle.gradient(theta, samples=p), config["rho"], config["epsilon"]), samples=p)
                              for p in parts]
                    scale = 1.0 if micro_batch_sum else 1.0 / len(parts)  # the broken one sums the micro-batches
                    applied = [scale * sum(col) for col in zip(*finals)]
                    return [t - lr * a for t, a in zip(theta, applied)]
                ascent = _ascent(theta, oracle.gradient(theta), config["rho"], config["epsilon"])
                g = oracle.gradient(ascent)
                start = theta if restore else ascent  # the broken one steps from θ + δ
                return [t - lr * gi for t, gi in zip(start, g)]

        return Session()

    return make_session


ALGORITHMS = {"sgd": {}, "sam": {}, "m-sam": {}}


def correct():
    return Implementation(_make(), name="plain SAM", algorithms=ALGORITHMS, finite_sum=True, precision="float64")


def nudged(relative):
    """Correct up to a relative error of ``relative`` in every result."""
    return Implementation(_make(nudge=relative), name="plain SAM off by %g" % relative, algorithms=ALGORITHMS, finite_sum=True)


def sam_not_restored():
    return Implementation(_make(restore=False), name="SAM without restoring θ", algorithms={"sam": {}}, precision="float64")


def msam_summed():
    return Implementation(_make(micro_batch_sum=True), name="m-SAM summing micro-batches", algorithms={"m-sam": {}},
                          finite_sum=True, precision="float64")


def torch_not_restored():
    """The torch example with davda54's second_step forgetting to restore θ (needs torch)."""
    from samcheck.examples import torch_sam

    impl = torch_sam.implementation("float32")

    def second_step(self, zero_grad=False):
        self.base_optimizer.step()
        if zero_grad:
            self.zero_grad()

    class Broken(torch_sam.SAM):
        pass

    Broken.second_step = second_step
    original = torch_sam.SAM
    make = impl.make_session

    def make_session(config, layout):
        torch_sam.SAM = Broken
        try:
            return make(config, layout)
        finally:
            torch_sam.SAM = original

    impl.make_session = make_session
    impl.name = "torch SAM without restoring θ"
    return impl
