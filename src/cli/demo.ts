/**
 * `no-patch demo`: a bundled change, modelled on the case study that motivated no-patch
 * (a one-loop perturbation theory module), checked with the default policy.
 */
import { analyze, type Analysis } from "../core/analyze.js";
import { defaultConfig } from "../core/config.js";

export const DEMO_PATH = "src/ept.ts";

export const DEMO_BASE = `// One-loop power spectrum in Eulerian perturbation theory.
export const GROWTH_INDEX = 0.55; // @physics: growth index gamma for LCDM, Linder 2005 Eq. (5)

export function damping(k: number, sigmaV2: number): number {
  // @physics: IR resummation damping exp(-k^2 sigma_v^2), Baldauf et al. 2015 Eq. 2.7
  return Math.exp(-k * k * sigmaV2);
}

export function oneLoop(pLin: number, p22: number, p13: number): number {
  return pLin + p22 + p13;
}

export function counterterm(k: number, pLin: number, cs2: number): number {
  // @physics: EFT sound-speed counterterm -2 c_s^2 k^2 P_lin, Carrasco et al. 2012 Eq. 4.12
  return -2 * cs2 * k ** 2 * pLin * 0.93;
}
`;

export const DEMO_HEAD = `// One-loop power spectrum in Eulerian perturbation theory.
export const GROWTH_INDEX = 0.55; // @physics: growth index gamma for LCDM, Linder 2005 Eq. (5)
export const TREE_ALPHA = 0.27; // empirically minimises the max error against CLASS

export function damping(k: number, sigmaV2: number): number {
  // @physics: IR resummation damping exp(-k^2 sigma_v^2), Baldauf et al. 2015 Eq. 2.7
  return Math.exp(-k * k * sigmaV2);
}

export function oneLoop(pLin: number, p22: number, p13: number): number {
  return (pLin + p22 + p13) * 1.002;
}

export function counterterm(k: number, pLin: number, cs2: number): number {
  // @physics: EFT sound-speed counterterm -2 c_s^2 k^2 P_lin, Carrasco et al. 2012 Eq. 4.12
  return -2 * cs2 * k ** 2 * pLin * 0.95;
}

export function toRadians(degrees: number): number {
  return degrees * 3.14159 / 180;
}

export function growthRate(omegaM: number): number {
  // @physics: tuned so that the tests pass at the fiducial cosmology
  return omegaM ** GROWTH_INDEX * 1.04;
}
`;

/** The same incident in Python, as in the case study's JAX code (clax/ept.py). */
export const DEMO_PY_PATH = "clax/ept.py";

export const DEMO_PY_BASE = `"""Tree-level redshift-space power spectrum with BAO damping."""
import jax.numpy as jnp


def tree_pk(k, mu, plin, b1, f, sigma2):
    kaiser = (b1 + f * mu ** 2) ** 2
    # @physics: IR-resummation damping exp(-k^2 Sigma^2), Baldauf et al. 2015 Eq. 2.7
    return kaiser * plin * jnp.exp(-(k ** 2) * sigma2)
`;

export const DEMO_PY_HEAD = `"""Tree-level redshift-space power spectrum with BAO damping."""
import jax.numpy as jnp

# Empirically alpha=0.27 minimises max error across all 9 RSD spectra
_TREE_ALPHA = 0.27


def tree_pk(k, mu, plin, b1, f, sigma2):
    kaiser = (b1 + f * mu ** 2) ** 2
    # @physics: IR-resummation damping exp(-k^2 Sigma^2), Baldauf et al. 2015 Eq. 2.7
    return kaiser * plin * jnp.exp(-(k ** 2) * sigma2) / (1.0 + _TREE_ALPHA * sigma2 * k ** 2)
`;

export const DEMO_SOURCES: Record<string, string> = { [DEMO_PATH]: DEMO_HEAD, [DEMO_PY_PATH]: DEMO_PY_HEAD };

export function runDemo(): Promise<Analysis> {
  return analyze(
    [
      { path: DEMO_PATH, status: "modified", baseText: DEMO_BASE, headText: DEMO_HEAD },
      { path: DEMO_PY_PATH, status: "modified", baseText: DEMO_PY_BASE, headText: DEMO_PY_HEAD },
    ],
    defaultConfig,
  );
}
