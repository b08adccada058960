/** The neighbourhood-maximum oracle (spec/claims.md M1–M3), with the wrong variants it must catch. */
import { describe, expect, it } from 'vitest';
import { maximizerCaseArb, maximizersAgree, noSampleBeats, numericalCertified, quarticCaseArb, type ExactMaximizer } from '../../src/analysis/checks/maximizer.js';
import { perCase } from '../../src/analysis/checks/registry.js';
import { quadraticBallMaximizer } from '../../src/oracle/maximizer/index.js';
import { localModel } from '../../src/oracle/claims/directions.js';
import { times, unit } from '../../src/oracle/vector.js';
import { expectCaught, expectClaimHolds } from './helpers.js';

/** SAM's first-order point ρ_max·ĝ_0 posing as the maximiser. */
const firstOrder: ExactMaximizer = (eigen, g, r) => {
  const delta = times(r, unit(g, 0));
  return { delta, gain: localModel(eigen, g).value(delta) };
};

describe('ball maximiser', () => {
  it('ball maximiser: exact and numerical agree', () => expectClaimHolds('M1'));
  it('catches the first-order point ρ_max·ĝ_0 as the "exact" maximiser', () => expectCaught(perCase(maximizerCaseArb, maximizersAgree(firstOrder), 40)()));
  it('ball maximiser: no sample beats it', () => expectClaimHolds('M2'));
  it('catches the first-order point against samples', () => expectCaught(perCase(maximizerCaseArb, noSampleBeats(firstOrder), 60)()));
  it('numerical maximiser is certified', () => expectClaimHolds('M3'));
  it('catches a numerical maximiser stopped after one iteration', () => expectCaught(perCase(quarticCaseArb, numericalCertified({ seed: 3, maxIterations: 1, starts: 1 }), 30)()));

  it('handles the interior (concave), hard and boundary cases', () => {
    const identity = [[1, 0], [0, 1]];
    const interior = quadraticBallMaximizer({ values: [-3, -1], vectors: identity }, [0.3, 0.1], 1);
    expect(interior.kind).toBe('interior');
    expect(interior.delta[0]).toBeCloseTo(0.1, 12);
    const hard = quadraticBallMaximizer({ values: [2, 1], vectors: identity }, [0, 0.1], 1);
    expect(hard.kind).toBe('hard');
    expect(Math.hypot(...hard.delta)).toBeCloseTo(1, 12);
    const boundary = quadraticBallMaximizer({ values: [2, 1], vectors: identity }, [1e-3, 0.1], 1);
    expect(boundary.kind).toBe('boundary');
    expect(boundary.mu).toBeGreaterThan(2);
    expect(boundary.kktResidual).toBeLessThan(1e-12);
  });
});
