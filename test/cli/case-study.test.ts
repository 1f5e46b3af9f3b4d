/**
 * The case study that motivated no-patch, reconstructed as a git history in JAX: a tree-level
 * redshift-space power spectrum with a BAO damping term; the commit that adds the fudge factor
 * `_TREE_ALPHA = 0.27` ("Empirically alpha=0.27 minimises max error across all 9 RSD spectra"),
 * used as `(1.0 + _TREE_ALPHA * sigma2 * k ** 2)` in two places; and the commit that replaces it
 * with a Gauss-Legendre multipole projection, (2l+1)/2 weights, under a comment citing the
 * reference code's line.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { cleanUp, Repo, requireBuild } from "./repo.js";

beforeAll(requireBuild);
afterAll(cleanUp);

const BEFORE = `"""Tree-level redshift-space power spectrum with BAO damping (clax)."""
import jax.numpy as jnp


def damping(k, sigma2):
    # @physics: IR-resummation damping exp(-k^2 Sigma^2) of the BAO wiggles, Baldauf et al. 2015 Eq. 2.7
    return jnp.exp(-(k ** 2) * sigma2)


def tree_pk(k, mu, plin, pnw, b1, f, sigma2):
    kaiser = (b1 + f * mu ** 2) ** 2
    wiggle = plin - pnw
    return kaiser * (pnw + wiggle * damping(k, sigma2))


def tree_monopole(k, plin, pnw, b1, f, sigma2):
    return tree_pk(k, 0.0, plin, pnw, b1, f, sigma2)
`;

const PATCHED = BEFORE.replace(
  "import jax.numpy as jnp\n",
  "import jax.numpy as jnp\n\n# Empirically alpha=0.27 minimises max error across all 9 RSD spectra\n_TREE_ALPHA = 0.27\n",
)
  .replace(
    "    return kaiser * (pnw + wiggle * damping(k, sigma2))\n",
    "    return kaiser * (pnw + wiggle * damping(k, sigma2)) / (1.0 + _TREE_ALPHA * sigma2 * k ** 2)\n",
  )
  .replace(
    "    return tree_pk(k, 0.0, plin, pnw, b1, f, sigma2)\n",
    "    return tree_pk(k, 0.0, plin, pnw, b1, f, sigma2) * (1.0 + _TREE_ALPHA * sigma2 * k ** 2) ** -1\n",
  );

const FIXED = `"""Tree-level redshift-space power spectrum with BAO damping (clax)."""
import jax.numpy as jnp
import numpy as np

# @physics: Gauss-Legendre quadrature of the Legendre projection over mu in [-1, 1],
# as in CLASS-PT nonlinear_pt.c:5070-5075
_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(16)


def damping(k, sigma2):
    # @physics: IR-resummation damping exp(-k^2 Sigma^2) of the BAO wiggles, Baldauf et al. 2015 Eq. 2.7
    return jnp.exp(-(k ** 2) * sigma2)


def tree_pk(k, mu, plin, pnw, b1, f, sigma2):
    kaiser = (b1 + f * mu ** 2) ** 2
    wiggle = plin - pnw
    return kaiser * (pnw + wiggle * damping(k, sigma2))


def tree_multipole(ell, k, plin, pnw, b1, f, sigma2, legendre):
    pk = tree_pk(k[:, None], _GL_NODES, plin[:, None], pnw[:, None], b1, f, sigma2)
    # @physics: multipole P_ell(k) = (2 ell + 1)/2 * sum_i w_i P(k, mu_i) L_ell(mu_i), Hamilton 1992 Eq. 2.9
    return (2 * ell + 1) / 2 * jnp.sum(_GL_WEIGHTS * pk * legendre(ell, _GL_NODES), axis=-1)
`;

const findings = (stdout: string) =>
  (JSON.parse(stdout).findings as Array<{ line: number; literal: string; role: string; status: string }>).map(
    (f) => `${f.line} ${f.literal} ${f.role} ${f.status}`,
  );

describe("the case study: alpha = 0.27 in clax/ept.py", () => {
  const repo = new Repo();
  repo.write("clax/ept.py", BEFORE).commit("tree-level spectrum");
  repo.write("clax/ept.py", PATCHED).commit("alpha fudge: all 9 RSD spectra pass");
  repo.write(".github/no-patch.yml", "requireTag: false\n").write("adoption.yml", "requireTag: false\n").commit("adoption policy");
  repo.write("clax/ept.py", FIXED).commit("Gauss-Legendre multipoles, as CLASS-PT");

  it("blocks the fudge in strict mode: the comment is no @physics justification", () => {
    const { status, stdout } = repo.check("--base", "HEAD~3", "--head", "HEAD~2", "--format", "json");
    expect(status).toBe(1);
    // Each use of alpha also adds 1.0 (allowed) and k ** 2 (a small exponent); alpha itself is blocked.
    expect(findings(stdout).filter((f) => !f.endsWith("allowed"))).toEqual(["5 0.27 initializer untagged"]);
  });

  it("blocks it in adoption mode too: the comment admits calibration", () => {
    const { status, stdout } = repo.check("--base", "HEAD~3", "--head", "HEAD~2", "--config", "adoption.yml", "--format", "json");
    expect(status).toBe(1);
    const weak = JSON.parse(stdout).findings.find((f: { literal: string }) => f.literal === "0.27");
    expect(weak).toMatchObject({ status: "weak", role: "initializer" });
    expect(weak.message).toContain('it describes calibration, not physics ("Empirically", "minimises max error")');
  });

  it("after the fix no finding on 0.27 remains, and the Legendre weights are reported as what they are", () => {
    const { status, stdout } = repo.check("--base", "HEAD~1", "--head", "HEAD", "--format", "json");
    expect(status).toBe(0);
    // The node count and the (2l+1)/2 weights stand under comments that cite where they come from.
    expect(findings(stdout)).toEqual([
      "7 16 argument justified",
      "24 2 scale justified",
      "24 1 offset justified",
      "24 2 scale justified",
      // axis=-1 is an index of the array, not a finding.
    ]);
  });
});

describe("a coefficient retuned session after session (issue 10: a value's history)", () => {
  const model = (value: string, note: string) =>
    `import jax.numpy as jnp\n\n# @physics: IR damping amplitude of the BAO wiggles, Baldauf et al. 2015 Eq. 2.7 (${note})\n_ALPHA = ${value}\n\n\ndef damp(k):\n    return jnp.exp(-_ALPHA * k ** 2)\n`;
  let repo: Repo;
  beforeAll(() => {
    repo = new Repo()
      .write("clax/tree.py", model("0.35", "Table 1"))
      .commit("alpha 0.35", "2026-04-30T10:00:00Z")
      .write("clax/tree.py", model("0.30", "Table 2"))
      .commit("alpha 0.30", "2026-05-02T10:00:00Z")
      .write("clax/tree.py", model("0.27", "Table 3"))
      .commit("alpha 0.27", "2026-05-04T10:00:00Z");
  });

  it("reports the earlier values with their commits and dates", () => {
    const result = repo.check("--base", "HEAD~1", "--head", "HEAD", "--format", "json");
    const finding = JSON.parse(result.stdout).findings.find((f: { literal: string }) => f.literal === "0.27");
    expect(finding.previous).toBe("0.30");
    expect(finding.history.map((h: { literal: string; date: string }) => [h.literal, h.date.slice(0, 10)])).toEqual([
      ["0.30", "2026-05-02"],
      ["0.35", "2026-04-30"],
    ]);
    expect(finding.message).toMatch(/earlier values here: 0\.30 on 2026-05-02 \([0-9a-f]{7}\), 0\.35 on 2026-04-30/);
  });

  it("shows them in the terminal as a sparkline", () => {
    const result = repo.check("--base", "HEAD~1", "--head", "HEAD");
    expect(result.stdout).toMatch(/history: █▄▁ 0\.27, was 0\.30 on 2026-05-02, 0\.35 on 2026-04-30/);
  });

  it("a policy limit blocks the second move even though each came with a new justification", () => {
    repo.write(".github/no-patch.yml", "history:\n  maxRetunes: 2\n  windowDays: 3650\n");
    const result = repo.check("--base", "HEAD~1", "--head", "HEAD", "--config", ".github/no-patch.yml", "--format", "json");
    const finding = JSON.parse(result.stdout).findings.find((f: { literal: string }) => f.literal === "0.27");
    expect(result.status).toBe(1);
    expect(finding).toMatchObject({ status: "weak", blocking: true });
    expect(finding.problems.join(" ")).toMatch(/moved 2 times within 3650 days/);
  });

  it("a note that only counts the fits ('second fit' → 'third fit') is no new justification: the value is retuned", () => {
    const notes = new Repo()
      .write("clax/tree.py", model("0.30", "second fit"))
      .commit("alpha 0.30", "2026-05-02T10:00:00Z")
      .write("clax/tree.py", model("0.27", "third fit"))
      .commit("alpha 0.27", "2026-05-04T10:00:00Z");
    const result = notes.check("--base", "HEAD~1", "--head", "HEAD", "--format", "json");
    const finding = JSON.parse(result.stdout).findings.find((f: { literal: string }) => f.literal === "0.27");
    expect(result.status).toBe(1);
    expect(finding).toMatchObject({ status: "retuned", previous: "0.30", blocking: true });
  });

  it("history: depth 0 reads none", () => {
    repo.write(".github/no-patch.yml", "history:\n  depth: 0\n");
    const result = repo.check("--base", "HEAD~1", "--head", "HEAD", "--config", ".github/no-patch.yml", "--format", "json");
    expect(JSON.parse(result.stdout).findings.find((f: { literal: string }) => f.literal === "0.27").history).toBeNull();
  });
});
