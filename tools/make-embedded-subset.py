#!/usr/bin/env python3
"""Builds the class-balanced Fashion-MNIST subset embedded in the Neuromorph.Engine assembly.

Usage: python3 tools/make-embedded-subset.py [SOURCE_DIR] [OUTPUT_DIR]

SOURCE_DIR holds the four original IDX gz files (default: the Debian package dataset-fashion-mnist's
folder, /usr/share/datasets/fashion-mnist). OUTPUT_DIR defaults to Data/Resources/fashion-mnist-subset
next to this script. The selection is deterministic: the first 1,000 images of each class of the training
file and the first 200 of each class of the test file, kept in file order. The gz files are written with a
zero timestamp and no embedded file name so that the same input gives the same bytes. Standard library only.
"""

import gzip
import hashlib
import os
import struct
import sys

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
CLASS_COUNT = 10
SPLITS = [("train", 1000), ("t10k", 200)]


def read_idx(path, magic):
    with gzip.open(path, "rb") as stream:
        payload = stream.read()
    found, count = struct.unpack(">II", payload[:8])
    if found != magic:
        sys.exit(f"{path}: magic {found:#010x}, expected {magic:#010x}")
    if magic == IMAGES_MAGIC:
        rows, cols = struct.unpack(">II", payload[8:16])
        body = payload[16:]
        if len(body) != count * rows * cols:
            sys.exit(f"{path}: {len(body)} pixel bytes, expected {count * rows * cols}")
        return count, rows, cols, body
    body = payload[8:]
    if len(body) != count:
        sys.exit(f"{path}: {len(body)} label bytes, expected {count}")
    return count, None, None, body


def write_gz(path, payload):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as stream:
            stream.write(payload)


def sha256(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def make_split(source, output, prefix, per_class):
    images_name = f"{prefix}-images-idx3-ubyte.gz"
    labels_name = f"{prefix}-labels-idx1-ubyte.gz"
    count, rows, cols, pixels = read_idx(os.path.join(source, images_name), IMAGES_MAGIC)
    label_count, _, _, labels = read_idx(os.path.join(source, labels_name), LABELS_MAGIC)
    if label_count != count:
        sys.exit(f"{prefix}: {count} images but {label_count} labels")

    taken = [0] * CLASS_COUNT
    chosen = []
    for index, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(index)
    if taken != [per_class] * CLASS_COUNT:
        sys.exit(f"{prefix}: not enough images per class: {taken}")

    size = rows * cols
    subset_pixels = b"".join(pixels[i * size:(i + 1) * size] for i in chosen)
    subset_labels = bytes(labels[i] for i in chosen)
    n = len(chosen)
    write_gz(os.path.join(output, images_name), struct.pack(">IIII", IMAGES_MAGIC, n, rows, cols) + subset_pixels)
    write_gz(os.path.join(output, labels_name), struct.pack(">II", LABELS_MAGIC, n) + subset_labels)
    return [images_name, labels_name]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    default_output = os.path.join(here, "..", "Engine", "Resources", "fashion-mnist-subset")
    output = sys.argv[2] if len(sys.argv) > 2 else default_output
    os.makedirs(output, exist_ok=True)
    for prefix, per_class in SPLITS:
        for name in make_split(source, output, prefix, per_class):
            source_file = os.path.join(source, name)
            written = os.path.join(output, name)
            print(f"{name}  source sha256 {sha256(source_file)}")
            print(f"{name}  subset sha256 {sha256(written)}  {os.path.getsize(written)} bytes")


if __name__ == "__main__":
    main()
