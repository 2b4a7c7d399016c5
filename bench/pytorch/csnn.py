"""The csnn network of Neuromorph's config/fashion-mnist.toml in plain PyTorch.

conv3x3 (no bias) -> BN -> LIF -> maxpool2, twice (32 and 64 channels), flatten, linear (no bias) -> LIF
(256 units), linear (10 classes). Direct encoding: the normalised image is repeated over T and every layer
runs on [T*B, ...]; the output is the per-timestep logits [T, B, 10]. LIF: tau = 2, threshold 1, soft
reset, rectangular surrogate of width 1.
"""
import torch
from torch import nn
import torch.nn.functional as F

from spiking import FlatLif

# Fashion-MNIST pixel statistics, as Neuromorph's normalisation layer uses them.
MEAN, STD = 0.2860, 0.3530


class Csnn(nn.Module):
    def __init__(self, timesteps, channels=(32, 64), hidden=256, classes=10, surrogate="rectangular", alpha=1.0):
        super().__init__()
        self.timesteps = timesteps
        c1, c2 = channels
        lif = dict(surrogate=surrogate, alpha=alpha, tau=2.0, threshold=1.0)
        self.conv1 = nn.Conv2d(1, c1, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c1)
        self.spike1 = FlatLif(timesteps, **lif)
        self.conv2 = nn.Conv2d(c1, c2, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c2)
        self.spike2 = FlatLif(timesteps, **lif)
        self.fc1 = nn.Linear(c2 * 7 * 7, hidden, bias=False)
        self.spike3 = FlatLif(timesteps, **lif)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, images):
        """images [B, 1, 28, 28] in [0, 1] -> logits [T, B, classes]."""
        batch = images.shape[0]
        x = (images - MEAN) / STD
        x = x.unsqueeze(0).repeat(self.timesteps, 1, 1, 1, 1).flatten(0, 1)
        x = F.max_pool2d(self.spike1(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(self.spike2(self.bn2(self.conv2(x))), 2)
        x = self.spike3(self.fc1(x.flatten(1)))
        return self.fc2(x).view(self.timesteps, batch, -1)
