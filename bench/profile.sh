#!/usr/bin/env bash
# Profiles a csnn training benchmark with Linux perf and prints where the CPU time goes, by category
# (convolutions, matrix products, max pooling, batch norm, the fused neuron kernel, element-wise kernels,
# OpenMP waiting, page faults, the .NET runtime). Complements bench/compare.sh, which measures speed.
#
#   bench/profile.sh                      # bench csnn --iterations 30 --warmup 3
#   bench/profile.sh --scheme strong2weak # extra arguments go to 'bench csnn'
#
# Needs the linux-perf package (installed with apt-get when run as root) and permission to profile
# (root, or kernel.perf_event_paranoid <= 1). Environment: HOST [build the Release host], OUT [a temp folder].
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
if ! command -v perf >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y --no-install-recommends linux-perf >&2
  else echo "error: perf is missing (sudo apt-get install linux-perf)" >&2; exit 1; fi
fi
host="${HOST:-}"
if [ -z "$host" ]; then
  dotnet build "$repo/Host" -c Release -nologo -v quiet >&2
  host="$repo/Host/bin/Release/net10.0/Neuromorph.Host"
fi
out="${OUT:-$(mktemp -d)}"
touch "$out/started"
# A perf map names JIT-compiled .NET methods; without W^X double mapping perf can attribute samples to it.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 499 -g -o "$out/perf.data" -- \
  "$host" bench csnn --iterations 30 --warmup 3 "$@" > "$out/bench.json"
cat "$out/bench.json"
perf report -i "$out/perf.data" --no-children --sort dso,sym -g none -q --percent-limit 0 2>/dev/null > "$out/symbols.txt"
# .NET writes its perf map to /tmp/perf-<pid>.map, where perf looks for it.
mapfile -t maps < <(find /tmp -maxdepth 1 -name 'perf-*.map' -newer "$out/started")
python3 "$here/profile_summary.py" "$out/symbols.txt" "${maps[@]}"
