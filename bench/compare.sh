#!/usr/bin/env bash
# Runs Neuromorph's `bench` verb and the PyTorch reference (bench/pytorch/) one after the other on this machine
# with the same thread count, prints both sides' numbers and their ratios, and writes bench/RESULTS.md.
#
#   bench/compare.sh                          # 2 threads, the issue's settings
#   THREADS=1 CSNN_ITERATIONS=40 bench/compare.sh
#
# Prerequisites: the .NET 10 SDK, and the Debian packages python3-torch (PyTorch 1.13, for the system python3),
# libopenblas0-openmp (without it PyTorch's matrix products run about 30x slower) and dataset-fashion-mnist
# (the full dataset, read by both sides). Run as root, the script installs whichever of them is missing with
# apt-get; otherwise it names them and stops. CI does not run this script: it measures speed, and a slow
# machine is not a failure.
#
# Environment (defaults in brackets): THREADS [2]; CSNN_BATCH [128], CSNN_TIMESTEPS [4], CSNN_ITERATIONS [20],
# CSNN_WARMUP [3], ROUNDS [2] (each csnn configuration and each lif side runs ROUNDS times, interleaved; the best run counts);
# LIF_SIZES [512,2048], LIF_TIMESTEPS [500], LIF_BATCH [16], LIF_REPEATS [5]; PYTHON [/usr/bin/python3];
# PYTORCH_GLIBC_TUNABLES [the allocator settings Neuromorph applies to itself; empty = glibc's defaults];
# RESULTS [bench/RESULTS.md]; HOST [empty: build the Release host; else the Neuromorph.Host executable to use].
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
threads="${THREADS:-2}"
csnn_batch="${CSNN_BATCH:-128}"
csnn_timesteps="${CSNN_TIMESTEPS:-4}"
csnn_iterations="${CSNN_ITERATIONS:-20}"
csnn_warmup="${CSNN_WARMUP:-3}"
rounds="${ROUNDS:-2}"
lif_sizes="${LIF_SIZES:-512,2048}"
lif_timesteps="${LIF_TIMESTEPS:-500}"
lif_batch="${LIF_BATCH:-16}"
lif_repeats="${LIF_REPEATS:-5}"
python="${PYTHON:-/usr/bin/python3}"
# glibc's mmap threshold 32 MiB, trim threshold 1 GiB, top pad 64 MiB: what Neuromorph sets with mallopt at
# start-up (Engine/NativeRuntimeSettings.cs). Without them PyTorch maps and faults in every large activation
# anew, which on this kind of machine costs it more than the framework itself.
tunables="${PYTORCH_GLIBC_TUNABLES-glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864}"
results="${RESULTS:-$here/RESULTS.md}"

packages=(python3-torch libopenblas0-openmp dataset-fashion-mnist)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "== installing ${missing[*]}" >&2
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
  else
    echo "error: missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }

host="${HOST:-}"
if [ -z "$host" ]; then
  echo "== building the Release host" >&2
  dotnet build "$repo/Host" -c Release -nologo -v quiet >&2
  host="$repo/Host/bin/Release/net10.0/Neuromorph.Host"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lines="$work/lines.jsonl"
export OMP_NUM_THREADS="$threads"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
neuromorph() { echo "== neuromorph bench $*" >&2; "$host" bench "$@" | tee -a "$lines"; }
pytorch() { echo "== pytorch bench.py $*" >&2; GLIBC_TUNABLES="$tunables" "$python" "$here/pytorch/bench.py" "$@" | tee -a "$lines"; }

csnn=(--batch "$csnn_batch" --timesteps "$csnn_timesteps" --threads "$threads" --iterations "$csnn_iterations" --warmup "$csnn_warmup")
lif=(--sizes "$lif_sizes" --timesteps "$lif_timesteps" --batch "$lif_batch" --threads "$threads" --repeats "$lif_repeats")
for round in $(seq "$rounds"); do
  echo "== csnn round $round of $rounds" >&2
  neuromorph csnn "${csnn[@]}" --scheme none
  neuromorph csnn "${csnn[@]}" --scheme strong2weak
  pytorch csnn "${csnn[@]}"
done
for round in $(seq "$rounds"); do
  echo "== lif round $round of $rounds" >&2
  neuromorph lif "${lif[@]}"
  pytorch lif "${lif[@]}"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$repo" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
package_version() { sed -n "s/.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$repo/Directory.Packages.props"; }
debian_version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo "not installed"; }
"$python" - "$work/meta.json" <<PY
import json, sys, torch, numpy
meta = {
    "date": "$(date -u '+%Y-%m-%d %H:%M UTC')",
    "cpu": "$(lscpu | sed -n 's/^Model name: *//p' | head -1)",
    "cores": $(nproc),
    "kernel": "$(uname -r)",
    "threads": $threads,
    "load_before": "$load_before",
    "load_after": "$load_after",
    "neuromorph_commit": "$commit",
    "neuromorph_build": "${HOST:+host $host}",
    "dotnet_sdk": "$(dotnet --version)",
    "torchsharp": "$(package_version TorchSharp)",
    "libtorch": "$(package_version libtorch-cpu-linux-x64)",
    "pytorch": torch.__version__,
    "python3_torch_package": "$(debian_version python3-torch)",
    "numpy": numpy.__version__,
    "openblas_package": "$(debian_version libopenblas0-openmp)",
    "pytorch_glibc_tunables": "$tunables",
    "rounds": $rounds,
}
json.dump(meta, open(sys.argv[1], "w"))
PY
"$python" "$here/report.py" "$lines" "$work/meta.json" > "$results"
echo >&2
cat "$results"
echo >&2
echo "== written $results" >&2
