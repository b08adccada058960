// Runs inside a fresh npm project that installed the packed samcheck tarball (see run.mjs): what a
// new user does — the README's model.fit example, trainOnBatch with metrics, saving and restoring
// optimizer state through model.save/loadLayersModel, and a learning-rate schedule.
import assert from 'node:assert/strict';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf, useBackend, SamOptimizer, hyperparameterScheduler } from 'samcheck';

await useBackend({ backend: 'cpu' });
assert.equal(typeof tf.ones([2, 2]).reshape, 'function', 'exported tf has chained methods');

const makeModel = (optimizer) => {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }),
      tfl.layers.batchNormalization(),
      tfl.layers.dropout({ rate: 0.2 }),
      tfl.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
};
const x = tf.randomNormal([128, 4], 0, 1, 'float32', 42);
const y = tf.oneHot(tf.cast(tf.greater(tf.sum(x, 1), 0), 'int32'), 2);

// README example: model.fit
const model = makeModel(new SamOptimizer({ learningRate: 0.05, rho: 0.05, momentum: 0.9, weightDecay: 5e-4 }));
const history = await model.fit(x, y, { epochs: 3, batchSize: 32, verbose: 0 });
assert.ok(history.history.loss.every(Number.isFinite));

// trainOnBatch with metrics
const [loss, acc] = await model.trainOnBatch(x, y);
assert.ok(Number.isFinite(loss) && acc >= 0 && acc <= 1, `trainOnBatch → ${loss}, ${acc}`);

// save and restore the optimizer state
let saved;
await model.save({ save: async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }) }, { includeOptimizer: true });
const loaded = await tfl.loadLayersModel({ load: async () => saved });
assert.equal(loaded.optimizer.iterations, model.optimizer.iterations);
await loaded.trainOnBatch(x, y);

// a schedule: per step in the config, per epoch through the callback
const scheduled = new SamOptimizer({ learningRate: (step) => 0.1 / (1 + step), rho: 0.05 });
const m2 = makeModel(scheduled);
await m2.fit(x, y, { epochs: 2, batchSize: 64, verbose: 0, callbacks: [hyperparameterScheduler(scheduled, { rho: (epoch) => 0.05 * (epoch + 1) })] });
assert.deepEqual(scheduled.currentHyperparameters(), { learningRate: 0.1 / 5, rho: 0.1 });

// the verifier loads from its own entry
const verify = await import('samcheck/verify');
assert.equal(typeof verify.tfOptimizerImplementation, 'function');
console.log('consumer project: ok');
