/**
 * The cross-backend matMul property is honest: against stock tfjs wasm (fix layer off) it finds
 * both fused-matMul bugs, and with the fix on it passes on the same seeds (spec/backends.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backendFixState, exactHvp, useBackend } from '../../src/backend/index.js';
import { hvpAgreesWithExactHessian, type HvpCase } from '../../properties/backends/hvp_agreement.js';
import { withFixes } from '../../properties/backends/cross_backend.js';
import { samStepAgreement, type SamStepCase } from '../../properties/backends/sam_step_agreement.js';
import { convAgreement } from '../../properties/backends/conv_agreement.js';
import { matMulAgreement, type MatMulCase, type MatMulCaseOptions } from '../../properties/backends/matmul_agreement.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

const SEED = 7;
const check = (fixes: boolean, options: MatMulCaseOptions) =>
  withFixes(fixes, () => fc.check(matMulAgreement('wasm', options), { numRuns: 200, seed: SEED }));

describe('the wasm fix layer', () => {
  it('is on by default and can be switched off', async () => {
    expect(backendFixState()).toMatchObject({ wasmMatMul: true, wasmConvFilterGradient: true, secondOrderGradients: true });
    await withFixes(false, async () => {
      expect(backendFixState()).toMatchObject({ wasmMatMul: false, wasmConvFilterGradient: false, secondOrderGradients: false });
    });
    expect(backendFixState().wasmMatMul).toBe(true);
  });

  it('stock wasm: rank-2 fused matMul with a transpose and a bias fails, shrunk to a 2×1·1×2 case', async () => {
    const stock = await check(false, { maxDim: 6, maxBatch: 0 });
    expect(stock.failed).toBe(true);
    const [c] = stock.counterexample as [MatMulCase];
    expect(c.shape.fused && c.shape.bias && (c.shape.transposeA || c.shape.transposeB)).toBe(true);
    expect(c.shape.m * c.shape.k * c.shape.n).toBeLessThanOrEqual(4);
    console.info(`stock wasm counterexample (transpose + bias): ${JSON.stringify(c)}`);
    expect((await check(true, { maxDim: 6, maxBatch: 0 })).failed).toBe(false);
  });

  it('stock wasm: batched fused matMul with a bias fails even without transposes', async () => {
    const stock = await check(false, { maxDim: 6, maxBatch: 3, transposes: false });
    expect(stock.failed).toBe(true);
    const [c] = stock.counterexample as [MatMulCase];
    expect(c.shape.fused && c.shape.batch > 1 && (c.shape.bias || c.shape.activation === 'prelu')).toBe(true);
    console.info(`stock wasm counterexample (batched + bias): ${JSON.stringify(c)}`);
    expect((await check(true, { maxDim: 6, maxBatch: 3, transposes: false })).failed).toBe(false);
  });

  it('stock wasm: fused relu with a transpose and a long inner dimension fails, even without bias', async () => {
    const options = { maxDim: 4, maxBatch: 0, inner: [100, 300] as [number, number], bias: false };
    const stock = await withFixes(false, () => fc.check(matMulAgreement('wasm', options), { numRuns: 100, seed: SEED }));
    expect(stock.failed).toBe(true);
    const [c] = stock.counterexample as [MatMulCase];
    expect(c.shape.fused && c.shape.activation !== 'linear' && (c.shape.transposeA || c.shape.transposeB)).toBe(true);
    console.info(`stock wasm counterexample (long K): ${JSON.stringify({ ...c, a: `${c.a.length} values`, b: `${c.b.length} values` })}`);
    expect((await withFixes(true, () => fc.check(matMulAgreement('wasm', options), { numRuns: 100, seed: SEED }))).failed).toBe(false);
  });

  it('stock wasm: a SAM step on a torch-layout MLP (x·Wᵀ + b) moves the parameters wrongly', async () => {
    const run = (fixes: boolean) => withFixes(fixes, () => fc.check(samStepAgreement('wasm'), { numRuns: 40, seed: SEED }));
    const stock = await run(false);
    expect(stock.failed).toBe(true);
    const [c] = stock.counterexample as [SamStepCase];
    expect(c.problem.layout).toBe('torch');
    console.info(`stock wasm SAM-step counterexample: widths ${c.problem.widths}, batch ${c.problem.batch}, ρ ${c.rho}, lr ${c.learningRate}`);
    expect((await run(true)).failed).toBe(false);
  });

  it('stock tfjs: double-backprop HVPs through tanh/exp/sigmoid/softmax are wrong; the gradient fix corrects them', async () => {
    const run = (fixes: boolean) => withFixes(fixes, async () => fc.check(hvpAgreesWithExactHessian('exact', exactHvp), { numRuns: 60, seed: SEED }));
    const stock = await run(false);
    expect(stock.failed).toBe(true);
    const [c] = stock.counterexample as [HvpCase];
    console.info(`stock HVP counterexample: ${JSON.stringify(c)}`);
    expect((await run(true)).failed).toBe(false);
  });

  it('stock wasm: the conv2d filter gradient has no kernel; the fix supplies one that agrees with cpu', async () => {
    const run = (fixes: boolean) => withFixes(fixes, () => fc.check(convAgreement('wasm'), { numRuns: 40, seed: SEED }));
    const stock = await run(false);
    expect(stock.failed).toBe(true);
    expect(String(stock.errorInstance)).toMatch(/Conv2DBackpropFilter/);
    expect((await run(true)).failed).toBe(false);
  });
});
