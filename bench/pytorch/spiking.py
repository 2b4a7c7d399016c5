"""Spiking neurons in plain PyTorch eager: surrogate spike functions and a step-by-step LIF layer.

No SNN library: the spike is a torch.autograd.Function (Heaviside forward, surrogate derivative backward),
and the LIF layer loops over timesteps, letting autograd record every element-wise operation, as
SpikingJelly's multi-step mode does with its default (non-CuPy) backend. The dynamics are Neuromorph's
`lif` plugin: H(t) = V(t-1) + (X(t) - V(t-1)) / tau, S(t) = [H(t) >= theta], soft reset V(t) = H(t) - theta*S(t),
V(-1) = 0, the reset not detached.
"""
import math

import torch
from torch import nn


class AtanSpike(torch.autograd.Function):
    """S = [x >= 0]; dS/dx = alpha / (2 * (1 + (pi/2 * alpha * x)^2)) (SpikingJelly's ATan)."""

    @staticmethod
    def forward(ctx, x, alpha):
        ctx.save_for_backward(x)
        ctx.alpha = alpha
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        alpha = ctx.alpha
        derivative = (alpha / 2) / (1 + (math.pi / 2 * alpha * x).square())
        return grad_output * derivative, None


class RectangularSpike(torch.autograd.Function):
    """S = [x >= 0]; dS/dx = (1/a) * [|x| < a/2] (the paper's box-shaped surrogate of width a)."""

    @staticmethod
    def forward(ctx, x, width):
        ctx.save_for_backward(x)
        ctx.width = width
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        width = ctx.width
        derivative = (x.abs() < width / 2).to(x.dtype) / width
        return grad_output * derivative, None


SURROGATES = {"atan": AtanSpike, "rectangular": RectangularSpike}


class MultiStepLif(nn.Module):
    """LIF over all timesteps of x_seq [T, B, ...], one step at a time; returns the spikes [T, B, ...]."""

    def __init__(self, surrogate="atan", alpha=2.0, tau=2.0, threshold=1.0):
        super().__init__()
        self.spike = SURROGATES[surrogate]
        self.alpha = alpha
        self.tau = tau
        self.threshold = threshold

    def forward(self, x_seq):
        membrane = torch.zeros_like(x_seq[0])
        spikes = []
        for t in range(x_seq.shape[0]):
            charged = membrane + (x_seq[t] - membrane) / self.tau
            spike = self.spike.apply(charged - self.threshold, self.alpha)
            membrane = charged - spike * self.threshold
            spikes.append(spike)
        return torch.stack(spikes)


class FlatLif(nn.Module):
    """MultiStepLif for layers that see [T*B, ...]: unflattens time, runs, flattens back."""

    def __init__(self, timesteps, **lif_options):
        super().__init__()
        self.timesteps = timesteps
        self.lif = MultiStepLif(**lif_options)

    def forward(self, x):
        x_seq = x.view(self.timesteps, x.shape[0] // self.timesteps, *x.shape[1:])
        return self.lif(x_seq).flatten(0, 1)
