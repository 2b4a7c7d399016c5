"""Reads Fashion-MNIST's IDX files (gzip-compressed) with gzip and numpy; pixels stay uint8 until batched."""
import gzip
import os
import struct

import numpy as np

DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist"  # Debian package dataset-fashion-mnist


def _read_idx(path, expected_magic):
    with gzip.open(path, "rb") as stream:
        data = stream.read()
    magic = struct.unpack(">I", data[:4])[0]
    if magic != expected_magic:
        raise ValueError(f"{path}: IDX magic {magic:#x}, expected {expected_magic:#x}")
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4 : 4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(split, directory=None):
    """(images uint8 [N, 28, 28], labels int64 [N]) of split 'train' or 't10k'."""
    directory = directory or DEFAULT_DIRECTORY
    images = _read_idx(os.path.join(directory, f"{split}-images-idx3-ubyte.gz"), 0x803)
    labels = _read_idx(os.path.join(directory, f"{split}-labels-idx1-ubyte.gz"), 0x801)
    return images, labels.astype(np.int64)
