import { direction, formatBounds, formatDifference, geometricInterval, meanInterval, pairedDifference } from '../../src/report/stats.js';
import type { Table, Verdict } from '../../src/report/types.js';
import type { Variant } from '../common/algorithms.js';
import { runTorchTraining } from '../peers/torch_train.js';
import type { RunSet } from './analysis.js';
import type { TrainingTask } from './tasks.js';

/** The pair the davda54-style peer implements. */
export const PEER_ALGORITHMS = ['sgd', 'sam'];

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * samcheck's SGD and SAM against PyTorch's on one task, paired by seed: the peer gets the same
 * data, initial parameters, data order, learning-rate schedule, momentum and ρ.
 */
export async function torchPeerComparison(
  task: TrainingTask,
  runs: RunSet[],
  variants: Variant[],
  seeds: number[],
  timeoutMs: number,
): Promise<{ table?: Table; verdicts: Verdict[]; note?: string }> {
  const pair = variants.filter((v) => PEER_ALGORITHMS.includes(v.algorithm));
  if (pair.length === 0) return { verdicts: [], note: 'PyTorch accuracy peer skipped: neither sgd nor sam is registered.' };
  const peer = await runTorchTraining({
    split: task.split, model: task.model, variants: pair, seeds, epochs: task.epochs, batchSize: task.batchSize, learningRate: task.learningRate, momentum: task.momentum, schedule: 'cosine', timeoutMs,
  });
  if ('skipped' in peer) return { verdicts: [], note: `PyTorch accuracy peer skipped: ${peer.skipped}` };
  const rows: Table['rows'] = [];
  const verdicts: Verdict[] = [];
  for (const v of pair) {
    const ours = runs.find((r) => r.label === v.label)!;
    const theirs = seeds.map((seed) => peer.runs.find((r) => r.label === v.label && r.seed === seed)!);
    const accOurs = ours.outcomes.map((o) => o.testAccuracy);
    const accTheirs = theirs.map((r) => r.testAccuracy);
    const diff = pairedDifference(accOurs, accTheirs, [-1, 1]);
    const secondsOurs = ours.outcomes.map((o) => mean(o.epochCpuMs) / 1000);
    const secondsTheirs = theirs.map((r) => mean(r.epochCpuSeconds));
    rows.push([
      v.label,
      formatBounds(meanInterval(accOurs, [0, 1]), 2, 100),
      formatBounds(meanInterval(accTheirs, [0, 1]), 2, 100),
      formatDifference(diff, 2, 100),
      direction(diff),
      formatBounds(geometricInterval(secondsOurs), 3),
      formatBounds(geometricInterval(secondsTheirs), 3),
    ]);
    verdicts.push({
      kind: 'comparison',
      group: `${task.name}: test accuracy samcheck − PyTorch ${peer.torch} (pp, paired over ${seeds.length} seeds)`,
      label: v.label,
      subject: `${task.name}: ${v.label}, samcheck − PyTorch test accuracy`,
      estimate: formatDifference(diff, 2, 100),
      criterion: `paired over ${seeds.length} seeds; ≠ 0`,
      verdict: direction(diff),
    });
  }
  return {
    verdicts,
    table: {
      title: `${task.name}: samcheck (tfjs) vs PyTorch ${peer.torch} (${peer.threads} thread), same task, data, initialization, data order and hyperparameters`,
      columns: ['algorithm', 'samcheck test accuracy % [95%]', 'PyTorch test accuracy % [95%]', 'samcheck − PyTorch (pp) [95%]', 'verdict', 'samcheck CPU s / epoch', 'PyTorch CPU s / epoch'],
      rows,
      caption:
        'PyTorch: /usr/bin/python3 benchmarks/peers/torch_train.py with the davda54-style SAM of python/examples/torch_sam.py (first_step/second_step around torch.optim.SGD), the ' +
        'same cosine schedule, momentum and ρ; samcheck writes each seed\'s initial parameters and data order for it. Float32 rounding differs between the frameworks, so trajectories drift apart; ' +
        'the paired difference says whether the final accuracies differ beyond that. Times: process CPU seconds of the optimizer steps per epoch (geometric mean over seeds).',
    },
  };
}
