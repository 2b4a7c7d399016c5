#!/usr/bin/env bash
# Robustness of a csnn on Fashion-MNIST, trained plainly and with regularized adversarial training (FGSM
# examples for half of each batch, ε = 8/255, orthogonality β = 1e-4): every built-in attack at ε = 8/255,
# the PGD ε curve, and FGSM/PGD through a sharper surrogate (atan, α = 4). Writes results.md from the
# runs' robustness reports.
#
#   experiments/robustness/run.sh                     # full Fashion-MNIST, 5 epochs, 2,000 attacked test images
#   DATASET=embedded-fashion-mnist EPOCHS=2 LIMIT=500 experiments/robustness/run.sh
#
# Environment: DATASET (fashion-mnist), EPOCHS (5), LIMIT (2000 test images attacked; 0 = all),
# RUNS (experiments/robustness/runs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dataset="${DATASET:-fashion-mnist}"
epochs="${EPOCHS:-5}"
limit="${LIMIT:-2000}"
runs="${RUNS:-$here/runs}"

dotnet build "$repo/Host" -c Release -nologo -v quiet
neuromorph() { dotnet "$repo/Host/bin/Release/net10.0/Neuromorph.Host.dll" "$@"; }

train() { # name, extra --set arguments...
  local dir="$runs/$1"; shift
  if [ -f "$dir/summary.json" ] && grep -q '"completed": true' "$dir/summary.json"; then
    echo "== $dir is complete, skipped"; return
  fi
  local resume=(); [ -f "$dir/checkpoints/last.ckpt" ] && resume=(--resume)
  echo "== training $dir"
  neuromorph train "$repo/config/fashion-mnist.toml" --run-dir "$dir" "${resume[@]}" \
    --set "run.epochs=$epochs" --set "data.dataset=\"$dataset\"" "$@"
}

attack() { # run directory
  local dir="$1"
  neuromorph attack "$dir" --limit "$limit" --report robustness-all.json
  neuromorph attack "$dir" --limit "$limit" --attack pgd --epsilons 0,1/255,2/255,4/255,8/255,16/255 \
    --report robustness-pgd-curve.json
  neuromorph attack "$dir" --limit "$limit" --attack fgsm --attack pgd \
    --set attack.fgsm.surrogate=atan --set attack.fgsm.surrogate_alpha=4 \
    --set attack.pgd.surrogate=atan --set attack.pgd.surrogate_alpha=4 --report robustness-atan4.json
}

mkdir -p "$runs"
train vanilla --set 'run.name="vanilla"'
train adversarial --set 'run.name="adversarial"' --set 'adversarial_training.attack="fgsm"' \
  --set adversarial_training.fraction=0.5 --set adversarial_training.orthogonality_weight=0.0001 \
  --set adversarial_training.options.epsilon=0.03137254901960784
for run in vanilla adversarial; do attack "$runs/$run"; done
python3 "$here/summarize.py" "$runs/vanilla" "$runs/adversarial" > "$here/results.md"
cat "$here/results.md"
