// Linear growth of structure: an example of justified scientific code that passes no-patch.

/** @physics growth index γ of ΛCDM in f(z) = Ω_m(z)^γ, Linder 2005 Eq. (5) */
export const GROWTH_INDEX = 0.55;

/** @physics Planck 2018 TT,TE,EE+lowE+lensing matter density, Table 2 of arXiv:1807.06209 */
export const OMEGA_M = 0.3153;

export function omegaMatter(z: number, omegaM0: number = OMEGA_M): number {
  const a3 = (1 + z) ** 3;
  return (omegaM0 * a3) / (omegaM0 * a3 + 1 - omegaM0);
}

export function growthRate(z: number): number {
  return omegaMatter(z) ** GROWTH_INDEX;
}

export function lookbackDegrees(radians: number): number {
  return (radians * 180) / Math.PI;
}
