import { formatBounds, judgeTarget, medianInterval, type TargetVerdict } from '../../src/report/stats.js';
import type { Metric, Suite, Table, Verdict } from '../../src/report/types.js';
import { mlp, smallCnn } from '../common/models.js';
import { estimate, perRound, type Estimate } from '../common/timing.js';
import { runTorchPeer } from '../peers/torch_peer.js';
import { FORWARD_BACKWARD, XSAM_PROBE_SUFFIX, measureStepCost, type StepCostResult } from './step_cost.js';
import { slug } from '../common/slug.js';

/** Done-when targets of issue 7 (spec/benchmarks.md). */
export const TARGETS = { samOverSgd: 2.1, kStepOverKPlus1Sgd: 1.1, xsamOverSamAmortized: 1.03 };
/** Fashion-MNIST: 60000 / 128 batches per epoch; XSAM probes once per epoch. */
/** On the slow cpu backend a quick run (and the CNN in a full run) times only these. */
const CPU_SUBSET = ['sgd', 'sam'];
const BATCHES_PER_EPOCH = Math.ceil(60000 / 128);

const fmt = (e: Estimate, digits = 2) => `${e.value.toFixed(digits)} ± ${e.noise.toFixed(digits)}`;

interface Ratio {
  name: string;
  estimate: Estimate;
  target?: number;
  floor?: number;
  /** For a missed target: the time above the floor, per step (ms), and what it is spent on. */
  excess?: { ms: Estimate; above: string; spentOn: string };
}

/** The ratios that matter, each computed within a round and summarized over rounds. */
export function ratiosOf(r: StepCostResult): Ratio[] {
  const out: Ratio[] = [];
  const has = (l: string) => r.times.has(l);
  if (has('SAM') && has('SGD')) {
    out.push({
      name: 'SAM / SGD',
      estimate: perRound(r.times, (t) => t('SAM') / t('SGD')),
      target: TARGETS.samOverSgd,
      floor: 2,
      excess: { ms: perRound(r.times, (t) => t('SAM') - 2 * t('SGD')), above: 'two SGD steps', spentOn: 'normalizing g (a pass over θ and a reduction), forming θ + ε (a pass over θ) and the second finiteness check' },
    });
  }
  for (const v of r.variants.filter((x) => x.algorithm === 'multistep-sam' && x.steps)) {
    const k = v.steps!;
    out.push({
      name: `${v.label} / (${k + 1}·SGD)`,
      estimate: perRound(r.times, (t) => t(v.label) / ((k + 1) * t('SGD'))),
      target: TARGETS.kStepOverKPlus1Sgd,
      floor: 1,
      excess: { ms: perRound(r.times, (t) => t(v.label) - (k + 1) * t('SGD')), above: `${k + 1} SGD steps`, spentOn: `${k} normalizations and offset updates over θ, the zero start offset, and a finiteness check per pass` },
    });
  }
  const xsam = r.variants.find((x) => x.algorithm === 'xsam');
  if (xsam && has('SAM')) {
    const P = BATCHES_PER_EPOCH;
    out.push({
      name: `XSAM / SAM (amortized, probe every ${P} steps)`,
      estimate: perRound(r.times, (t) => (t(xsam.label + XSAM_PROBE_SUFFIX) + (P - 1) * t(xsam.label)) / P / t('SAM')),
      target: TARGETS.xsamOverSamAmortized,
      excess: {
        ms: perRound(r.times, (t) => (t(xsam.label + XSAM_PROBE_SUFFIX) + (P - 1) * t(xsam.label)) / P - t('SAM')),
        above: 'one SAM step',
        spentOn: 'the ordinary XSAM step normalizes δ_k and g_k, computes ψ (a pass over θ and a device read) and the two-term slerp (≈ 90 tfjs kernels more than SAM), and the once-per-epoch probe adds 21 forward passes / P',
      },
    });
    out.push({ name: 'XSAM probe step / SAM', estimate: perRound(r.times, (t) => t(xsam.label + XSAM_PROBE_SUFFIX) / t('SAM')) });
  }
  return out;
}

/** The target verdict from the median's order-statistic interval over rounds, and the floor (never "met" below it). */
function judge(ratio: Ratio): { verdict: TargetVerdict | ''; interval: string } {
  const bounds = medianInterval(ratio.estimate.rounds);
  const interval = formatBounds(bounds);
  if (ratio.target === undefined) return { verdict: ratio.floor !== undefined && bounds.hi < ratio.floor ? 'measurement problem: below floor' : '', interval };
  return { verdict: judgeTarget(bounds, ratio.target, ratio.floor), interval };
}

/** What a verdict other than "met" means here, in measured numbers: the miss, the noise, where the time goes. */
function verdictNote(label: string, ratio: Ratio, verdict: TargetVerdict | '', interval: string): string | undefined {
  const noise = `σ over ${ratio.estimate.rounds.length} rounds = ${ratio.estimate.noise.toFixed(3)}`;
  if (verdict.startsWith('measurement problem') || verdict === 'at floor within noise') {
    return `${label}: ${ratio.name} = ${interval} is below its floor ${ratio.floor} (the step does at least that much work): a measurement problem, not a pass — the rounds were disturbed (${noise}); a quieter machine or more rounds resolve it.`;
  }
  if (verdict !== 'missed' && verdict !== 'not resolved') return undefined;
  const resolved = verdict === 'not resolved' ? ` — the interval contains the target: this run does not resolve it (${noise})` : ` (${noise})`;
  const excess = ratio.excess ? ` The step takes ${fmt(ratio.excess.ms)} ms more than ${ratio.excess.above}: ${ratio.excess.spentOn}.` : '';
  return `${label}: ${ratio.name} = ${interval} against its target ≤ ${ratio.target}${resolved}.${excess}`;
}

/** `clock` 'page': wall time inside a browser page, each step ending with a device read (benchmarks/browser/). */
function caseTable(title: string, r: StepCostResult, clock: 'cpu' | 'page' = 'cpu'): Table {
  const fb = estimate(r.times.get(FORWARD_BACKWARD)!);
  const rows: Table['rows'] = [[FORWARD_BACKWARD, fmt(fb), 1, '1.00', '']];
  for (const [label, xs] of r.times) {
    if (label === FORWARD_BACKWARD) continue;
    const passes = r.passes.get(label) ?? NaN;
    const overhead = perRound(r.times, (t) => t(label) / (passes * t(FORWARD_BACKWARD)));
    const vsSgd = r.times.has('SGD') ? perRound(r.times, (t) => t(label) / t('SGD')) : undefined;
    rows.push([label, fmt(estimate(xs)), passes, fmt(overhead), vsSgd ? fmt(vsSgd) : '']);
  }
  return {
    title,
    columns: ['step', clock === 'cpu' ? 'median CPU ms ± σ' : 'median wall ms ± σ (in the page)', 'gradient evals', 'time / (evals × fwd+bwd)', 'time / SGD'],
    rows,
    caption: `${clock === 'cpu' ? 'Process CPU time per step (benchmarks/common/timing.ts)' : 'Wall time per step inside the Chromium page, each step ending with a read of its loss (waits for the GPU; benchmarks/browser/step_cost.ts)'}. σ: robust spread over interleaved rounds. "time / (evals × fwd+bwd)" is the cost above the gradient evaluations themselves (1.00 = none).`,
  };
}

export const kernelSuite: Suite = {
  name: 'kernels',
  title: 'Kernel benchmarks: step cost',
  async run(ctx) {
    const metrics: Metric[] = [];
    const tables: Table[] = [];
    const notes: string[] = [];
    const ratioRows: Table['rows'] = [];
    const verdicts: Verdict[] = [];
    const mlpModel = mlp([784, 256, 256, 10], [28, 28, 1]);
    const cnn = smallCnn();
    // The CNN's conv backprop takes ≈ 180 ms per pass at batch 128 on wasm (with samcheck's
    // Conv2DBackpropFilter kernel) but ≈ 2.5 s at batch 32 on cpu: the cpu CNN uses small batches.
    const cnnBatch = (backend: string) => (backend === 'cpu' ? (ctx.quick ? 8 : 32) : ctx.quick ? 32 : 128);
    const cases = ctx.backends.flatMap((backend) => [
      { backend, model: mlpModel, batch: 128 },
      { backend, model: cnn, batch: cnnBatch(backend) },
    ]);
    /** One measured case: its table, its metrics and its ratio rows (with a note for each missed target). */
    const report = (label: string, key: string, timing: string, r: StepCostResult, clock: 'cpu' | 'page' = 'cpu') => {
      notes.push(...r.notes);
      tables.push(caseTable(`Step cost: ${label} (${timing})`, r, clock));
      for (const [l, xs] of r.times) {
        const e = estimate(xs);
        metrics.push({ name: `${key}/${slug(l)}/ms`, unit: 'ms', value: e.value, noise: e.noise, smallerIsBetter: true });
      }
      for (const ratio of ratiosOf(r)) {
        const { verdict, interval } = judge(ratio);
        const note = verdictNote(label, ratio, verdict, interval);
        if (note) notes.push(note);
        ratioRows.push([label, ratio.name, interval, ratio.estimate.noise.toFixed(3), ratio.floor ?? '', ratio.target ?? '', verdict]);
        if (ratio.target !== undefined) verdicts.push({ kind: 'target', subject: `${label}: ${ratio.name}`, estimate: interval, criterion: `≤ ${ratio.target}${ratio.floor !== undefined ? `, floor ${ratio.floor}` : ''}`, verdict });
        metrics.push({ name: `${key}/ratio/${slug(ratio.name)}`, unit: 'ratio', value: ratio.estimate.value, noise: ratio.estimate.noise, smallerIsBetter: true });
      }
    };
    let done = 0;
    for (const c of cases) {
      const slow = c.backend === 'cpu';
      const isCnn = c.model === cnn;
      // Rounds are cheap where steps are (wasm MLP: ≈ 0.3 s per round and call): more rounds, a steadier median ratio.
      const rounds = slow ? (ctx.quick ? 3 : 5) : isCnn ? (ctx.quick ? 5 : 7) : ctx.quick ? 11 : 21;
      const iterations = slow ? (ctx.quick || isCnn ? 1 : 2) : ctx.quick || isCnn ? 2 : 5;
      const subset = slow && (ctx.quick || isCnn);
      const label = `${c.backend}, ${c.model.name}, batch ${c.batch}`;
      if (subset) notes.push(`${label}: times only ${CPU_SUBSET.join(', ')} (the cpu backend is ~10–20× slower than wasm; every algorithm is timed on wasm).`);
      let r: StepCostResult;
      try {
        r = await measureStepCost({ backend: c.backend, model: c.model, batchSize: c.batch, seed: ctx.seed, rounds, iterations, batchesPerEpoch: BATCHES_PER_EPOCH, ...(subset ? { only: (n: string) => CPU_SUBSET.includes(n) } : {}) }, (f) =>
          ctx.progress((done + f) / (cases.length + 2), label),
        );
      } catch (err) {
        notes.push(`${label}: skipped (${(err as Error).message.split('\n')[0]})`);
        done++;
        continue;
      }
      done++;
      report(label, `kernels/${c.backend}/${slug(c.model.name)}`, `${rounds} rounds × ${iterations} calls`, r);
    }
    // webgl and webgpu, measured inside headless Chromium (benchmarks/browser/step_cost.ts).
    ctx.progress(cases.length / (cases.length + 2), 'webgl and webgpu in Chromium');
    try {
      const { measureInBrowser, browserCaseLabel, BROWSER_BACKENDS } = await import('../browser/step_cost.js');
      const browserCases = BROWSER_BACKENDS.map((backend) => ({ backend, model: 'mlp' as const, batchSize: 128, rounds: ctx.quick ? 6 : 11, iterations: ctx.quick ? 1 : 3 }));
      const measured = await measureInBrowser(browserCases, ctx.seed, BATCHES_PER_EPOCH);
      notes.push(...measured.notes);
      for (const b of measured.results) {
        const label = browserCaseLabel(b);
        if (b.renderer.software) notes.push(`${label}: ${b.renderer.renderer} is a CPU emulation of a GPU; read its rows as ratios, never as GPU speed.`);
        report(label, `kernels/${b.case.backend}/${slug(b.modelName)}`, `${b.case.rounds} rounds × ${b.case.iterations} calls, wall clock in the page`, b.result, 'page');
      }
    } catch (err) {
      notes.push(`browser rows (webgl, webgpu) skipped: ${(err as Error).message.split('\n')[0]}`);
    }
    ctx.progress((cases.length + 1) / (cases.length + 2), 'PyTorch peer');
    const peer = await runTorchPeer({ rounds: ctx.quick ? 3 : 7, iterations: ctx.quick ? 3 : 10, seed: ctx.seed });
    if ('skipped' in peer) notes.push(`PyTorch peer row skipped: ${peer.skipped}`);
    else {
      const e = (k: string) => estimate(peer.rounds[k]);
      const times = new Map(Object.entries(peer.rounds));
      const samOverSgd = perRound(times, (t) => t('SAM') / t('SGD'));
      tables.push({
        title: `Peer: PyTorch ${peer.torch} on CPU (${peer.blas} BLAS, ${peer.threads} threads), MLP 784-256-256-10, batch 128`,
        columns: ['step', 'median ms ± σ'],
        rows: [[FORWARD_BACKWARD, fmt(e('forward+backward'))], ['SGD', fmt(e('SGD'))], ['SAM', fmt(e('SAM'))], ['SAM / SGD', fmt(samOverSgd, 3)]],
        caption: 'Measured in the same run by /usr/bin/python3 benchmarks/peers/torch_sam_step.py (same model, batch, ρ, interleaved rounds).',
      });
      metrics.push({ name: 'kernels/torch-cpu/mlp/sam/ms', unit: 'ms', value: e('SAM').value, noise: e('SAM').noise, smallerIsBetter: true });
      const peerRatio: Ratio = { name: 'SAM / SGD', estimate: samOverSgd, floor: 2 };
      const { verdict, interval } = judge(peerRatio);
      const note = verdictNote('torch cpu', peerRatio, verdict, interval);
      if (note) notes.push(note);
      ratioRows.push(['torch cpu, MLP 784-256-256-10, batch 128', 'SAM / SGD', interval, samOverSgd.noise.toFixed(3), 2, '', verdict]);
    }
    tables.unshift({
      title: 'Ratios that matter',
      columns: ['case', 'ratio', 'median [95% interval]', 'σ (rounds)', 'floor', 'target', 'verdict'],
      rows: ratioRows,
      caption:
        'Interval: distribution-free, from order statistics of the per-round ratios (its coverage is shown when fewer than 6 rounds cannot reach 95%). "met" / "missed": the whole interval is at or below / above the target; "not resolved": it contains the target; below the floor (the work the step does at least) a ratio is a measurement problem, never a pass.',
    });
    ctx.progress(1);
    return { title: 'Kernel benchmarks: step cost', metrics, tables, figures: [], notes, verdicts };
  },
};
