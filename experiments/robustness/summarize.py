#!/usr/bin/env python3
"""Writes the robustness comparison as Markdown from run directories' reports (see run.sh)."""
import json
import os
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def budget(eps):
    if eps is None:
        return "-"
    levels = eps * 255
    return f"{round(levels)}/255" if abs(levels - round(levels)) < 1e-6 else f"{eps:.4g}"


def attack_rows(report):
    """(label, accuracy, seconds) per attack, keyed by (name, epsilon)."""
    return {(a["name"], a["epsilon"]): a for a in report["attacks"]}


def main(run_dirs):
    runs = []
    for d in run_dirs:
        name = os.path.basename(os.path.normpath(d))
        summary = load(os.path.join(d, "summary.json"))
        metrics = [json.loads(line) for line in open(os.path.join(d, "metrics.jsonl")) if line.strip()]
        runs.append({
            "name": name,
            "summary": summary,
            "metrics": metrics,
            "all": load(os.path.join(d, "robustness-all.json")),
            "curve": load(os.path.join(d, "robustness-pgd-curve.json")),
            "atan": load(os.path.join(d, "robustness-atan4.json")),
        })

    print("# Robustness: plain vs regularized adversarial training (csnn, Fashion-MNIST)\n")
    print("Written by `experiments/robustness/run.sh`. Accuracy on the first "
          f"{runs[0]['all']['samples']} test images; time is the attack's own wall time on 2 CPU cores "
          "(wall time: if other jobs share the cores it grows, several-fold on a busy machine).\n")

    print("## Training\n")
    print("| run | epochs | test accuracy (10,000 images) | training wall time (s) | making adversarial examples (s) |")
    print("| --- | --- | --- | --- | --- |")
    for r in runs:
        s, m = r["summary"], r["metrics"]
        adversarial = sum(e.get("adversarial_seconds", 0) for e in m)
        print(f"| {r['name']} | {len(m)} | {m[-1]['test_accuracy']:.4f} | {s['wall_seconds']:.0f} | {adversarial:.0f} |")

    print("\n## Every attack at its default budget (ε = 8/255; CW c = 0.5, 10 steps; noise σ = 8/255)\n")
    header = "| attack | " + " | ".join(f"{r['name']} accuracy | time (s)" for r in runs) + " |"
    print(header)
    print("| --- |" + " --- | --- |" * len(runs))
    print("| clean | " + " | ".join(f"{r['all']['clean_accuracy']:.4f} | -" for r in runs) + " |")
    keys = [(a["name"], a["epsilon"]) for a in runs[0]["all"]["attacks"]]
    for key in keys:
        cells = []
        for r in runs:
            a = attack_rows(r["all"]).get(key)
            cells.append("failed | -" if a is None or a["error"] else f"{a['accuracy']:.4f} | {a['seconds']:.1f}")
        print(f"| {key[0]} ({budget(key[1])}) | " + " | ".join(cells) + " |")
    print("| worst case over all | " + " | ".join(f"{r['all']['worst_case'][0]['accuracy']:.4f} | -" for r in runs) + " |")

    print("\n## PGD (7 steps of 2.55/255, random start) across ε\n")
    print("| ε | " + " | ".join(f"{r['name']} accuracy | time (s)" for r in runs) + " |")
    print("| --- |" + " --- | --- |" * len(runs))
    for a0 in runs[0]["curve"]["attacks"]:
        cells = []
        for r in runs:
            a = attack_rows(r["curve"])[(a0["name"], a0["epsilon"])]
            cells.append(f"{a['accuracy']:.4f} | {a['seconds']:.1f}")
        print(f"| {budget(a0['epsilon'])} | " + " | ".join(cells) + " |")

    print("\n## The attack-time surrogate (ε = 8/255)\n")
    print("| attack | " + " | ".join(f"{r['name']}: model's surrogate | {r['name']}: atan α = 4" for r in runs) + " |")
    print("| --- |" + " --- | --- |" * len(runs))
    for name in ("fgsm", "pgd"):
        cells = []
        for r in runs:
            own = next(a for a in r["all"]["attacks"] if a["name"] == name)
            sharp = next(a for a in r["atan"]["attacks"] if a["name"] == name)
            cells.append(f"{own['accuracy']:.4f} | {sharp['accuracy']:.4f}")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
