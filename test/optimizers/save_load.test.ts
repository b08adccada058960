/**
 * model.save(handler, { includeOptimizer: true }) and tf.loadLayersModel through an in-memory IO
 * handler keep the whole optimizer: the reloaded model (its optimizer rebuilt from getConfig, its
 * state from setWeights, its layers renamed by tfjs) continues bitwise as the original does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '../../src/tf.js';
import { useBackend } from '../../src/backend/index.js';
import { AsamOptimizer, SamOptimizer, XsamOptimizer } from '../../src/optimizers/index.js';
import { bnClassifier, classificationData } from '../core/fit_model.js';

beforeAll(async () => {
  await useBackend({ backend: 'cpu' });
});

function memoryHandler(): tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } {
  const handler: tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } = {
    save: async (artifacts) => {
      handler.artifacts = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
    load: async () => handler.artifacts!,
  };
  return handler;
}

const weightsOf = (model: tfl.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

const optimizers: Array<[string, () => tf.Optimizer]> = [
  ['SamOptimizer over SGD momentum', () => new SamOptimizer({ learningRate: 0.1, momentum: 0.9 })],
  ['AsamOptimizer over Adam', () => new AsamOptimizer({ learningRate: 0.01, base: 'adam' })],
  ['XsamOptimizer (probe schedule) over RMSProp', () => new XsamOptimizer({ learningRate: 0.01, base: 'rmsprop', stepsPerEpoch: 2 })],
];

describe.each(optimizers)('%s: save with includeOptimizer, load, continue', (_label, make) => {
  it('the reloaded model continues bitwise like the original; memory is flat', async () => {
    const { x, y } = classificationData(16);
    const model = bnClassifier(make());
    for (let i = 0; i < 3; i++) await model.trainOnBatch(x, y);
    const handler = memoryHandler();
    await model.save(handler, { includeOptimizer: true });
    const loaded = await tfl.loadLayersModel(handler);
    expect(loaded.optimizer.getClassName()).toBe(model.optimizer.getClassName());
    expect(loaded.optimizer.iterations).toBe(3);
    for (let i = 0; i < 3; i++) {
      await model.trainOnBatch(x, y);
      await loaded.trainOnBatch(x, y);
    }
    expect(weightsOf(loaded)).toEqual(weightsOf(model));
    const before = tf.memory().numTensors;
    await model.save(handler, { includeOptimizer: true });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });
});
