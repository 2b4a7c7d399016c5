#!/usr/bin/env python3
"""Writes the self-distillation comparison table (Markdown) from run directories' JSON files.

Usage: summarize.py RUNS_DIR > results.md
Each run directory holds summary.json (written by `train`) and evaluation.json (written by `eval`).
Runs are grouped by (dataset, scheme); each group reports mean ± sample standard deviation over seeds.
"""
import json
import re
import statistics
import sys
from pathlib import Path


def mean_std(values):
    if not values:
        return "–"
    mean = statistics.mean(values) * 100
    std = statistics.stdev(values) * 100 if len(values) > 1 else 0.0
    return f"{mean:.2f} ± {std:.2f}"


def batch_size(run):
    """data.batch_size from the run's effective configuration."""
    config = (run / "config.toml").read_text()
    data = config[config.index("[data]"):]
    return int(re.search(r"^batch_size\s*=\s*(\d+)", data, re.MULTILINE).group(1))


def load(run):
    summary = json.loads((run / "summary.json").read_text())
    summary["ms_per_iteration"] = 1000.0 * batch_size(run) / summary["train_samples_per_second"]
    evaluation_file = run / "evaluation.json"
    evaluation = json.loads(evaluation_file.read_text()) if evaluation_file.exists() else {}
    return summary, evaluation


def main(runs_dir):
    groups = {}
    for run in sorted(Path(runs_dir).iterdir()):
        if not (run / "summary.json").exists():
            continue
        summary, evaluation = load(run)
        if not summary.get("completed"):
            continue
        groups.setdefault((summary["dataset"], summary["scheme"]), []).append((run.name, summary, evaluation))
    order = {"none": 0, "strong2weak": 1, "weak2strong": 2}
    timesteps = max((len(s["test_accuracy_at_timesteps"]) for runs in groups.values() for _, s, _ in runs), default=0)
    datasets = sorted({dataset for dataset, _ in groups})
    models = sorted({s["model"] for runs in groups.values() for _, s, _ in runs if "model" in s})
    print(f"# Temporal self-distillation on {', '.join(datasets) or 'no runs'} ({', '.join(models) or 'csnn'})\n")
    print("Accuracy in %, mean ± standard deviation over seeds, final epoch's weights (`last.ckpt`).")
    print("Early exit: stop at the first timestep whose running-mean prediction has max softmax probability ≥ 0.9.")
    print("Time per training iteration (forward over T timesteps, backward, optimizer step) from the runs' throughput.\n")
    header = ["dataset", "scheme", "seeds", "epochs", "T", "test accuracy"]
    header += [f"first {k}" for k in range(1, timesteps + 1)]
    header += ["early exit θ=0.9", "mean timesteps", "ms / iteration", "samples/s"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for (dataset, scheme), runs in sorted(groups.items(), key=lambda item: (item[0][0], order.get(item[0][1], 9))):
        summaries = [s for _, s, _ in runs]
        exits = [next((e for e in ev.get("early_exit", []) if abs(e["threshold"] - 0.9) < 1e-9), None) for _, _, ev in runs]
        exits = [e for e in exits if e is not None]
        row = [dataset, scheme, str(len(runs)), str(summaries[0]["epochs"]), str(summaries[0]["timesteps"])]
        row.append(mean_std([s["test_accuracy"] for s in summaries]))
        for k in range(timesteps):
            row.append(mean_std([s["test_accuracy_at_timesteps"][k] for s in summaries if len(s["test_accuracy_at_timesteps"]) > k]))
        row.append(mean_std([e["accuracy"] for e in exits]))
        row.append(f"{statistics.mean(e['mean_timesteps'] for e in exits):.2f}" if exits else "–")
        row.append(f"{statistics.mean(s['ms_per_iteration'] for s in summaries):.0f}")
        row.append(f"{statistics.mean(s['train_samples_per_second'] for s in summaries):.0f}")
        print("| " + " | ".join(row) + " |")
    print("\nRuns: " + ", ".join(name for runs in groups.values() for name, _, _ in runs))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "runs")
