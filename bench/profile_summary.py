#!/usr/bin/env python3
"""Sums a `perf report --sort dso,sym` listing into categories of work (see profile.sh)."""
import re
import sys

CATEGORIES = [
    ("max pooling, forward", r"cpu_max_pool<"),
    ("max pooling, backward", r"cpu_max_pool_backward"),
    ("batch norm", r"batch_norm"),
    ("convolutions (oneDNN, incl. its JIT-generated kernels)", r"dnnl|jit_avx|jit_uni|jit_blk|^UNMAPPED_JIT"),
    ("matrix products (MKL sgemm)", r"mkl_blas|sgemm"),
    ("fused neuron kernel (managed SIMD)", r"ThresholdRecurrence|FusedThreshold|Neuromorph\.Plugins\.Neurons"),
    ("element-wise kernels and copies (libtorch)", r"copy_kernel|fill_kernel|mul_kernel|abs_kernel|cascade_sum|VectorizedLoop2d|cpu_kernel|add_kernel|where|threshold|sqrt|div|sub|mkl_vml"),
    ("OpenMP threads waiting (libgomp)", r"libgomp"),
    ("kernel: page faults, TLB shootdowns, scheduling", r"\[kernel"),
    (".NET runtime, JIT compiler, GC", r"libcoreclr|libclrjit|System\.Private"),
    ("other .NET code", r"\[JIT\]"),
]


def jit_ranges(map_files):
    ranges = []
    for path in map_files:
        try:
            for line in open(path):
                start, size, _ = line.split(" ", 2)
                ranges.append((int(start, 16), int(start, 16) + int(size, 16)))
        except (OSError, ValueError):
            pass
    return ranges


def main(symbols_path, *map_files):
    ranges = jit_ranges(map_files)
    totals = {}
    for line in open(symbols_path):
        match = re.match(r"\s*([\d.]+)%\s+(.*)", line)
        if not match:
            continue
        share, rest = float(match.group(1)), match.group(2)
        address = re.search(r"\[JIT\] tid \d+\s+\[\.\] 0x([0-9a-f]+)", rest)
        if address and not any(lo <= int(address.group(1), 16) < hi for lo, hi in ranges):
            rest = "UNMAPPED_JIT"  # executable memory no .NET method owns: oneDNN's generated convolution code
        name = next((name for name, pattern in CATEGORIES if re.search(pattern, rest)), "other")
        totals[name] = totals.get(name, 0.0) + share
    for name, share in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"{share:6.1f} %  {name}")


if __name__ == "__main__":
    main(*sys.argv[1:])
