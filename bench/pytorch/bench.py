#!/usr/bin/python3
"""The PyTorch reference for Neuromorph's `bench` verb: the same two workloads in plain PyTorch eager,
printing the same JSON lines (same keys, "framework": "pytorch").

    bench.py csnn [--batch 128] [--timesteps 4] [--threads 2] [--iterations 20] [--warmup 3] [--data DIR]
    bench.py lif [--sizes 512,2048] [--timesteps 500] [--batch 16] [--threads 2] [--repeats 5]

Needs Debian's python3-torch (PyTorch 1.13) and libopenblas0-openmp (without it matrix products run
about 30x slower), and for csnn the dataset-fashion-mnist package (or --data pointing at the IDX .gz files).
Bad arguments exit with code 2, a missing dataset with 3, as Neuromorph does.
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

import fashion_mnist
from csnn import Csnn
from spiking import MultiStepLif

FRAMEWORK = "pytorch"


def peak_rss_mb():
    """The process's peak resident set size (VmHWM) in MiB, or None where /proc does not report it."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    value, unit = line.split()[1:3]
                    return round(int(value) / 1024, 3) if unit == "kB" else None
    except OSError:
        pass
    return None


def emit(record):
    print(json.dumps(record, separators=(",", ":")), flush=True)


def endless_batches(images, labels, batch, shuffle, seed=0):
    """Full-sized batches, epoch after epoch: pixels scaled to [0, 1] per batch, as Neuromorph's loader does."""
    rng = np.random.default_rng(seed)
    while True:
        order = rng.permutation(len(images)) if shuffle else np.arange(len(images))
        for start in range(0, len(order) - batch + 1, batch):
            index = order[start : start + batch]
            x = torch.from_numpy(images[index].astype(np.float32) / 255.0).unsqueeze(1)
            yield x, torch.from_numpy(labels[index])


def throughput(batches, warmup, iterations, work):
    for _ in range(warmup):
        work(*next(batches))
    samples = 0
    start = time.perf_counter()
    for _ in range(iterations):
        x, y = next(batches)
        work(x, y)
        samples += len(y)
    return samples / (time.perf_counter() - start)


def bench_csnn(args):
    try:
        train_images, train_labels = fashion_mnist.load("train", args.data)
        test_images, test_labels = fashion_mnist.load("t10k", args.data)
    except OSError as error:
        print(f"error: Fashion-MNIST not found ({error}). Install the Debian package dataset-fashion-mnist "
              f"or pass --data DIR holding the four IDX .gz files.", file=sys.stderr)
        return 3
    if args.batch > min(len(train_images), len(test_images)):
        print(f"error: --batch {args.batch} is larger than a split of the dataset.", file=sys.stderr)
        return 2
    torch.manual_seed(0)
    model = Csnn(args.timesteps)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), weight_decay=0.0)

    def train_step(x, y):
        logits = model(x)
        averaged = logits.mean(0)
        loss = F.cross_entropy(averaged, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss.item()
        (averaged.argmax(-1) == y).sum().item()

    def eval_step(x, y):
        logits = model(x)
        (logits.mean(0).argmax(-1) == y).sum().item()

    model.train()
    train_rate = throughput(endless_batches(train_images, train_labels, args.batch, True), args.warmup, args.iterations, train_step)
    model.eval()
    with torch.no_grad():
        eval_rate = throughput(endless_batches(test_images, test_labels, args.batch, False), args.warmup, args.iterations, eval_step)
    emit({
        "framework": FRAMEWORK, "benchmark": "csnn", "dataset": "fashion-mnist", "model": "csnn",
        "channels": [32, 64], "hidden": 256, "neuron": "lif", "surrogate": "rectangular", "optimizer": "adam",
        "scheme": args.scheme, "batch": args.batch, "timesteps": args.timesteps, "threads": args.threads,
        "iterations": args.iterations, "warmup": args.warmup,
        "train_samples_per_s": round(train_rate, 3), "eval_samples_per_s": round(eval_rate, 3),
        "peak_rss_mb": peak_rss_mb(),
    })
    return 0


def median_ms(repeats, work):
    """Median wall time in milliseconds of `repeats` runs of work(), after one untimed run."""
    times = []
    for i in range(-1, repeats):
        start = time.perf_counter()
        work()
        if i >= 0:
            times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 3)


def bench_lif(args):
    timesteps, batch = args.timesteps, args.batch
    lif = MultiStepLif(surrogate="atan", alpha=2.0, tau=2.0, threshold=1.0)
    for n in args.sizes:
        torch.manual_seed(0)
        linear = nn.Linear(n, n, bias=False)
        inputs = torch.randn(timesteps * batch, n)

        def spikes():
            return lif(linear(inputs).view(timesteps, batch, n))

        def forward():
            spikes().sum().item()

        def forward_backward():
            linear.zero_grad()
            spikes().sum().backward()

        def linear_forward_backward():
            linear.zero_grad()
            linear(inputs).sum().backward()

        emit({
            "framework": FRAMEWORK, "benchmark": "lif", "neuron": "lif", "surrogate": "atan", "n": n,
            "timesteps": timesteps, "batch": batch, "threads": args.threads, "repeats": args.repeats,
            "forward_ms": median_ms(args.repeats, forward),
            "forward_backward_ms": median_ms(args.repeats, forward_backward),
            "linear_forward_backward_ms": median_ms(args.repeats, linear_forward_backward),
        })
    return 0


def at_least(minimum):
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number")
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be >= {minimum}, got {value}")
        return value
    return parse


def size_list(text):
    sizes = []
    for item in text.split(","):
        item = item.strip()
        if not item.isdigit() or int(item) < 1:
            raise argparse.ArgumentTypeError(f"'{item}' is not a layer width; give whole numbers >= 1, e.g. 512,2048")
        if int(item) not in sizes:
            sizes.append(int(item))
    return sizes


def main(argv):
    parser = argparse.ArgumentParser(description="PyTorch reference for Neuromorph's bench verb.")
    commands = parser.add_subparsers(dest="command", required=True)
    csnn = commands.add_parser("csnn", help="csnn training and evaluation throughput on Fashion-MNIST")
    csnn.add_argument("--batch", type=at_least(1), default=128)
    csnn.add_argument("--timesteps", type=at_least(1), default=4)
    csnn.add_argument("--threads", type=at_least(1), default=2)
    csnn.add_argument("--scheme", choices=["none"], default="none", help="only plain cross-entropy")
    csnn.add_argument("--iterations", type=at_least(1), default=20)
    csnn.add_argument("--warmup", type=at_least(0), default=3)
    csnn.add_argument("--data", default=None, help=f"folder of the IDX .gz files (default {fashion_mnist.DEFAULT_DIRECTORY})")
    lif = commands.add_parser("lif", help="Linear(n, n) -> step-by-step LIF forward and backward time")
    lif.add_argument("--sizes", type=size_list, default=[512, 2048])
    lif.add_argument("--timesteps", type=at_least(1), default=500)
    lif.add_argument("--batch", type=at_least(1), default=16)
    lif.add_argument("--threads", type=at_least(1), default=2)
    lif.add_argument("--repeats", type=at_least(1), default=5)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    return bench_csnn(args) if args.command == "csnn" else bench_lif(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
