#!/usr/bin/env bash
# Reproduces the self-distillation comparison on Fashion-MNIST: csnn, T = 4, schemes none / strong2weak /
# weak2strong, several seeds each; then evaluates every run with early exit at θ = 0.9 and writes
# results.md from the runs' summary.json and evaluation.json files.
#
#   experiments/self-distillation/run.sh                      # full Fashion-MNIST, 10 epochs, seeds 0 1 2
#   DATASET=embedded-fashion-mnist EPOCHS=3 experiments/self-distillation/run.sh
#
# Environment: DATASET (fashion-mnist), EPOCHS (10), SEEDS ("0 1 2"), SCHEMES ("none strong2weak weak2strong"),
# RUNS (experiments/self-distillation/runs), EXTRA (more --set arguments for every run), CONFIG (the base
# configuration, config/fashion-mnist.toml), RESULTS (where the table goes, results.md beside this script).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dataset="${DATASET:-fashion-mnist}"
epochs="${EPOCHS:-10}"
seeds="${SEEDS:-0 1 2}"
schemes="${SCHEMES:-none strong2weak weak2strong}"
runs="${RUNS:-$here/runs}"
extra="${EXTRA:-}"
config="${CONFIG:-$repo/config/fashion-mnist.toml}"
results="${RESULTS:-$here/results.md}"

dotnet build "$repo/Host" -c Release -nologo -v quiet
neuromorph() { dotnet "$repo/Host/bin/Release/net10.0/Neuromorph.Host.dll" "$@"; }

mkdir -p "$runs"
# Seed-major order: an interrupted sweep still holds every scheme for the seeds it finished.
for seed in $seeds; do
  for scheme in $schemes; do
    dir="$runs/$dataset-$scheme-seed$seed"
    if [ -f "$dir/summary.json" ] && grep -q '"completed": true' "$dir/summary.json"; then
      echo "== $dir is complete, skipped"
    else
      resume=(); [ -f "$dir/checkpoints/last.ckpt" ] && resume=(--resume)
      echo "== training $dir"
      # shellcheck disable=SC2086
      neuromorph train "$config" --run-dir "$dir" "${resume[@]}" \
        --set "run.name=\"$dataset-$scheme-seed$seed\"" --set "run.seed=$seed" --set "run.epochs=$epochs" \
        --set "data.dataset=\"$dataset\"" --set "distillation.scheme=\"$scheme\"" $extra
    fi
    neuromorph eval "$dir" --checkpoint last --early-exit 0.9 > /dev/null
  done
done
python3 "$here/summarize.py" "$runs" > "$results"
cat "$results"
