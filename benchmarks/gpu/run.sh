#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: samcheck's backend properties and kernel benchmark on every GPU
# path there (Chromium with hardware WebGL/WebGPU, Dawn's Vulkan backend in Node,
# @tensorflow/tfjs-node-gpu if installed), within 10 minutes, into one JSON file
# (default reports/gpu/gpu-<date>.json). Without a GPU it writes a skipped result and exits 0.
#   benchmarks/gpu/run.sh [--out FILE] [--force]     (--force: run the parts without a GPU too)
# spec/backends.md, "A real GPU".
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules ]; then
  echo "run 'npm ci' first" >&2
  exit 2
fi
if [ ! -f dist/benchmarks/gpu/run.js ] || [ -n "$(find benchmarks browser src properties -name '*.ts' -newer dist/benchmarks/gpu/run.js -print -quit)" ]; then
  npm run build >/dev/null
fi
# The script keeps its parts within 570 s itself; this is the backstop.
exec timeout --kill-after=10 600 node dist/benchmarks/gpu/run.js "$@"
