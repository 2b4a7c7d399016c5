"""Checks of the PyTorch reference against values worked out by hand (python3 -m unittest, from bench/pytorch/).

Not run by CI, which has no PyTorch; run it after changing the reference.
"""
import math
import unittest

import torch

from csnn import Csnn
from spiking import AtanSpike, MultiStepLif, RectangularSpike


class LifTests(unittest.TestCase):
    def test_constant_input_fires_as_worked_out_by_hand(self):
        # X = 1.5, tau = 2, theta = 1: H = 0.75 (no spike), 1.125 (spike, V = 0.125), 0.8125, 1.15625 (spike).
        lif = MultiStepLif(surrogate="atan", alpha=2.0, tau=2.0, threshold=1.0)
        spikes = lif(torch.full((4, 1), 1.5))
        self.assertEqual(spikes.flatten().tolist(), [0.0, 1.0, 0.0, 1.0])

    def test_gradient_through_one_step_is_the_atan_derivative_over_tau(self):
        # One step from V = 0: H = X / 2, dS/dX = atan'(H - 1) / 2 with atan'(x) = alpha / (2 (1 + (pi/2 alpha x)^2)).
        x = torch.tensor([[0.8]], requires_grad=True)
        MultiStepLif(surrogate="atan", alpha=2.0)(x.unsqueeze(0)).sum().backward()
        h = 0.4
        expected = (2.0 / 2) / (1 + (math.pi / 2 * 2.0 * (h - 1)) ** 2) / 2
        self.assertAlmostEqual(x.grad.item(), expected, places=6)


class SurrogateTests(unittest.TestCase):
    def test_rectangular_derivative_is_one_over_width_inside_the_window(self):
        x = torch.tensor([-0.6, -0.4, 0.0, 0.49, 0.5], requires_grad=True)
        spikes = RectangularSpike.apply(x, 1.0)
        spikes.sum().backward()
        self.assertEqual(spikes.tolist(), [0.0, 0.0, 1.0, 1.0, 1.0])
        self.assertEqual(x.grad.tolist(), [0.0, 1.0, 1.0, 1.0, 0.0])

    def test_atan_derivative_peaks_at_alpha_over_two(self):
        x = torch.tensor([0.0, 1.0], requires_grad=True)
        AtanSpike.apply(x, 2.0).sum().backward()
        self.assertAlmostEqual(x.grad[0].item(), 1.0, places=6)
        self.assertAlmostEqual(x.grad[1].item(), 1.0 / (1 + math.pi ** 2), places=6)


class CsnnTests(unittest.TestCase):
    def test_logits_per_timestep_and_parameter_count_of_the_fashion_mnist_network(self):
        model = Csnn(timesteps=3)
        self.assertEqual(tuple(model(torch.rand(2, 1, 28, 28)).shape), (3, 2, 10))
        # conv 9*32 + conv 9*32*64 + BN 2*(32 + 64) + fc 3136*256 + fc 256*10 + 10.
        expected = 9 * 32 + 9 * 32 * 64 + 2 * (32 + 64) + 3136 * 256 + 256 * 10 + 10
        self.assertEqual(sum(p.numel() for p in model.parameters()), expected)


if __name__ == "__main__":
    unittest.main()
