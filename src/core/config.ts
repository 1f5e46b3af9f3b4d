/**
 * The configuration: one schema holds the defaults, validates `.github/no-patch.yml`
 * and produces the JSON Schema editors use (`schema/no-patch.schema.json`).
 */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";

/** Where a repository keeps its policy; the CLI, the App and the ESLint rule all read it here. */
export const CONFIG_PATH = ".github/no-patch.yml";

export const DEFAULT_IGNORE = [
  "**/*.test.*",
  "**/*.spec.*",
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/*.d.ts",
  "**/*.d.mts",
  "**/*.d.cts",
  "**/test_*.py",
  "**/*_test.py",
  "**/conftest.py",
  // A module named for its tests (`test.js`, Django's `tests.py`) is a test file too.
  "**/test.*",
  "**/tests.*",
  "**/*.pyi",
  // Build output and third-party code at the repository's root only: a `src/physics/build/` is science.
  "dist/**",
  "build/**",
  "vendor/**",
  "node_modules/**",
  "**/*.min.js",
  "**/*.min.cjs",
  "**/*.min.mjs",
];

/**
 * Language that describes calibration instead of physics (SPEC section 2), as phrases matched on
 * word boundaries without regard to case: `*` inside a word is any letters, `…` a gap of up to
 * six words. The whole comment block is searched, after the physics usages below are removed.
 */
export const DEFAULT_CALIBRATION_PHRASES = [
  "fudge", "fudged", "fudging", "fudge factor*", "fiddle", "fiddled", "fiddling", "fiddle factor*", "fiddle-factor*",
  "tune", "tuned", "tunes", "tuning", "retune*", "re-tune*", "hand-tune*", "fine-tune*",
  "tweak*", "hack", "hacks", "hacked", "hacky", "hackish", "kludge*", "ad hoc", "ad-hoc",
  "empirically", "empirical fit*", "empirical correction*", "empirical factor*",
  // Matching or reproducing another output: "to match", "matches", "matched", "reproduces" the tests or a code.
  "match* … test*", "match* … reference output*", "match* … reference result*", "match* … reference code*",
  "match* … reference spectr*", "match* … expected", "match* … baseline*", "match* … benchmark*",
  "match* … snapshot*", "match* … golden", "match* … output*", "to match class", "to match camb", "match* camb",
  "reproduce* … test*", "reproduce* … output*", "reproduce* … reference spectr*", "reproduce* … reference result*",
  "reproduce* … baseline*", "reproduce* … benchmark*", "chosen to reproduce", "chosen to match", "picked to match",
  "make* … test* pass", "test* pass", "passes the test*", "until … test* pass*",
  "the tests", "our tests", "unit test*", "test suite*", "for the tests",
  "minimi*e* … error*", "minimi*e* … residual*", "minimi*e* … deviation*", "minimi*e* … mismatch*",
  "minimi*e* … discrepanc*", "minimi*e* … loss", "minimi*e* … chi*",
  "reduce* … deviation*", "reduce* … discrepanc*", "reduce* … mismatch*", "reduce* … residual*",
  "smallest error*", "lowest error*", "least error*",
  "grid search*", "grid-search*", "grid scan*", "parameter scan*", "scanned", "brute force*", "brute-force*",
  "trial and error", "trial-and-error", "by hand", "eyeballed", "by eye",
  "calibrated", "calibrate", "calibrates", "calibrating", "recalibrate*", "re-calibrate*", "calibration factor*",
  "optimised", "optimized", "optimal value", "adjusted so that", "adjusted to",
  // Agreement with another code or output is what a fitted value shows, not what it is.
  "agrees with", "agree with", "agreed with", "agreement with", "good agreement", "better agreement", "best agreement",
  "it works", "works better", "works best", "work best", "worked best", "seems to work", "better results", "best results",
  "works well", "work well", "worked well", "works fine", "works nicely", "numerical experiment*", "rule of thumb",
  "heuristic", "heuristics", "heuristically", "make* … match*", "made … match*", "reproduce* … table*",
  "track* … version*", "track* … implementation*", "track* … matlab",
  "looks right", "looks good", "good enough",
]; // prettier-ignore

/**
 * Fitting words that are calibration unless the comment names where the data came from (a
 * table, a paper, an arXiv id, a DOI, a URL).
 */
export const DEFAULT_UNSOURCED_FIT_PHRASES = [
  "fitted", "fit to", "best fit", "best-fit", "fitting", "our fit", "a fit", "the fit", "fits the", "regression*", "regressed",
  "best match*", "closest match*",
]; // prettier-ignore

/** Physics and numerics usages of those words, removed before the vocabulary is looked for. */
export const DEFAULT_PHYSICS_PHRASES = [
  "fine-tuning problem", "fine tuning problem", "fine-tuning of the cosmological constant", "Hackbusch",
  "quadrature error*", "truncation error*", "discretisation error*", "discretization error*", "round-off error*",
  "roundoff error*", "rounding error*", "interpolation error*", "aliasing error*", "integration error*",
  "test particle*", "test mass*", "test masses", "test charge*", "test bod*", "test function*", "test statistic*",
  "boundary condition*", "matching condition*", "tuning fork*", "tuned mass damper*", "impedance match*",
  "heuristic argument*", "heuristic derivation*",
]; // prettier-ignore

/**
 * Words that name what a value is (adoption mode, SPEC section 4): physical quantities and the
 * mathematical objects a scientific constant belongs to. A comment naming one explains a value
 * unless it narrates the code; a reference, a unit, a derivation or a standard always does.
 * `*` inside a word is any letters.
 */
export const DEFAULT_QUANTITY_WORDS = [
  // mechanics, gravitation, orbits
  "mass*", "radius", "radii", "diameter", "distance*", "length*", "wavelength*", "frequenc*", "period*", "velocit*", "speed*",
  "acceleration*", "gravit*", "momentum", "inertia", "torque", "force*", "friction", "restitution", "damping", "stiffness",
  "elasticity", "viscosity", "density", "densities", "pressure*", "energ*", "power", "luminosit*", "flux*", "intensit*",
  "temperature*", "heat", "thermal", "entropy", "adiabatic", "opacity", "conductivit*", "permittivity", "permeability",
  "charge*", "spin", "orbit*", "semi-major", "semimajor", "axis", "axes", "eccentricit*", "inclination*", "anomal*",
  "perigee", "apogee", "perihelion", "aphelion", "node*", "periapsis", "apoapsis", "mean motion", "drag", "ballistic",
  // astronomy, geodesy, time
  "epoch*", "latitude*", "longitude*", "altitude*", "elevation*", "azimuth*", "declination*", "right ascension", "parallax",
  "precession", "nutation", "aberration", "refraction", "refractive", "obliquity", "ecliptic", "equinox*", "solstice*",
  "sidereal", "synodic", "tropical", "julian", "ephemeri*", "ellipsoid*", "flattening", "geoid", "equatorial", "polar",
  "redshift*", "hubble", "cosmolog*", "magnitude*", "albedo", "extinction", "airmass", "twilight", "horizon", "dip",
  "semidiameter", "sun", "solar", "moon", "lunar", "earth", "planet*", "star*", "stellar", "galax*", "light",
  "leap second*", "delta t", "ut1", "utc", "tai", "tt", "tdb",
  // colour, audio, signals
  "luminance", "chromaticit*", "illuminant*", "white point", "whitepoint", "primar*", "tristimulus", "gamma", "cie*",
  "srgb", "xyz", "lab", "lch", "hue", "saturation", "lightness", "contrast ratio", "pitch", "semitone*", "octave*",
  "cents", "sample rate", "sampling rate", "nyquist", "bandwidth", "cutoff", "cut-off", "resonance", "decibel*",
  "attenuation", "gain", "loudness", "phon*", "sone*", "detune", "detuning", "latency", "duration*", "delay time*",
  "time step*", "timestep*", "time constant*", "half-life", "half-lives", "lifetime*", "interval*", "timeout*",
  "amount of time", "time after", "time before", "time between", "expiration", "expiry",
  // mathematics of the method
  "quadrature", "abscissa*", "weights", "nodes", "coefficients of", "series", "polynomial*", "expansion", "taylor",
  "chebyshev", "legendre", "bessel", "fourier", "harmonic*", "eigenvalue*", "root of", "roots of", "zero of",
  "asymptotic", "limit of", "derivative", "integral", "kernel", "spline", "order term", "machine epsilon", "ulp",
  "double precision", "single precision", "float32", "float64", "ieee 754", "mantissa", "significand", "exponent bias",
]; // prettier-ignore

/**
 * Phrases that narrate the code: what it does, or why it exists, instead of what the value is.
 * A comment opening with one of the leading verbs, or holding one of these phrases, does not
 * explain a value by a quantity word alone (adoption mode).
 */
export const DEFAULT_NARRATION_PHRASES = [
  "so that", "so the", "so it", "so we", "in order to", "to avoid", "to prevent", "to make sure", "to ensure", "to keep",
  "to stop", "to speed", "speed up", "faster", "slower", "converge*", "performance", "to be safe", "safety margin",
  "just in case", "otherwise", "workaround", "work around", "heuristic*", "arbitrar*", "reasonable", "roughly", "a bit",
  "big enough", "small enough", "large enough", "good enough", "seems", "should be fine", "look for", "looking for",
  "search*", "try", "tries", "trying", "give up", "wider", "narrower", "tighter", "looser", "bracket", "buffer",
  "padding", "margin", "cap", "capped", "clamp*", "bump*", "increase*", "decrease*", "avoid*", "prevent*",
  "*fix", "*fixes", "fix for", "workaround*", "nudge*", "for speed", "for now", "temporar*", "hack*",
]; // prettier-ignore

/** Verbs that open a comment narrating the code ("Use a wider bracket …", "Skip the first …"). */
export const DEFAULT_NARRATION_VERBS = [
  "use", "uses", "using", "try", "look", "search", "start", "stop", "skip", "keep", "make", "set", "ensure", "avoid", "allow",
  "limit", "clamp", "cap", "bump", "increase", "decrease", "reduce", "raise", "lower", "check", "loop", "iterate", "wait",
  "retry", "give", "add", "subtract", "multiply", "divide", "scale", "round", "compute", "calculate", "convert", "find",
  "get", "return", "returns", "prevent", "handle", "ignore", "default", "fallback", "fall", "move", "shift", "nudge",
  "offset", "pad", "trim", "cut", "drop", "force", "hack", "temporarily", "temporary", "quick",
]; // prettier-ignore

export const DEFAULT_PLACEHOLDERS = [
  "TODO", "FIXME", "XXX", "TBD", "see above", "magic", "magic number", "placeholder",
  // Filler, and provenance that says nothing of the physics: a private discussion, the old code.
  "lorem ipsum", "as discussed", "as agreed", "legacy", "kept from", "same as before", "from the old code", "do not change",
]; // prettier-ignore

const glob = z.string().min(1, "a glob must not be empty");

const justificationSchema = z
  .strictObject({
    minLength: z.int().min(0).default(20).describe("Minimum characters of justification text after the tag."),
    minWords: z.int().min(0).default(3).describe("Minimum words of justification text after the tag."),
    requireReference: z
      .boolean()
      .default(false)
      .describe("Require a checkable reference: Eq. N, DOI, arXiv id, URL, table/section/§, Author et al. YEAR, or file.c:10-20."),
    placeholders: z
      .array(z.string().min(1))
      .default(DEFAULT_PLACEHOLDERS)
      .describe("Texts that are only placeholders (case-insensitive; a justification starting with one is rejected)."),
    calibrationPhrases: z
      .array(z.string().min(1))
      .default(DEFAULT_CALIBRATION_PHRASES)
      .describe(
        "Phrases that mark a comment as calibration, not physics: matched on word boundaries, case-insensitive, over the whole comment block; `*` inside a word is any letters, `…` a gap of up to six words. Replaces the built-in list when set.",
      ),
    unsourcedFitPhrases: z
      .array(z.string().min(1))
      .default(DEFAULT_UNSOURCED_FIT_PHRASES)
      .describe("Phrases that mark calibration unless the comment cites where the data came from (table, paper, arXiv, DOI, URL)."),
    physicsPhrases: z
      .array(z.string().min(1))
      .default(DEFAULT_PHYSICS_PHRASES)
      .describe(
        'Physics usages of calibration words ("fine-tuning problem", "quadrature error"), removed before the vocabulary is looked for.',
      ),
    rejectPhrases: z
      .array(z.string().min(1))
      .default([])
      .describe("Extra phrases (case-insensitive substrings) that mark a justification as calibration, beside the lists above."),
    functionDocCoversBody: z
      .union([z.boolean(), z.literal("cited")])
      .optional()
      .describe(
        "Let a function's documentation comment justify literals inside its body: true, false, or `cited` (only a doc comment that cites the source it implements). Default: false, and `cited` when requireTag is false.",
      ),
    explain: z
      .enum(["untagged", "always", "off"])
      .default("untagged")
      .describe(
        "Require a justification to explain the value (a quantity, unit, reference, derivation, standard or source) instead of narrating the code: for untagged comments in adoption mode (default), for every justification, or never.",
      ),
    quantityWords: z
      .array(z.string().min(1))
      .default(DEFAULT_QUANTITY_WORDS)
      .describe("Words that name what a value is (physical quantities, the mathematics of a method). Replaces the built-in list when set."),
    narrationPhrases: z
      .array(z.string().min(1))
      .default(DEFAULT_NARRATION_PHRASES)
      .describe("Phrases that narrate what the code does or why it exists. Replaces the built-in list when set."),
    narrationVerbs: z
      .array(z.string().min(1))
      .default(DEFAULT_NARRATION_VERBS)
      .describe("Verbs that, opening a comment, narrate the code. Replaces the built-in list when set."),
  })
  .describe("Quality rules for justification text.");

export const configSchema = z
  .strictObject({
    mode: z
      .enum(["fail", "warn"])
      .default("fail")
      .describe("fail: blocking findings fail the check. warn: report the same findings without failing (conclusion neutral)."),
    paths: z.array(glob).default(["**"]).describe("Globs of files to check, relative to the repository root."),
    ignore: z.array(glob).default(DEFAULT_IGNORE).describe("Globs of files never checked. Replaces the default list when set."),
    tags: z
      .array(z.string().regex(/^[^\s<>`]+$/, "a tag has no spaces, angle brackets or backticks"))
      .min(1, "at least one tag is needed")
      .default(["@physics"])
      .describe("Annotation tags that introduce a justification."),
    requireTag: z
      .boolean()
      .default(true)
      .describe("false: any attached comment may serve as the justification (adoption mode); the quality rules still apply."),
    allowValues: z.array(z.number()).default([-1, 0, 1, 2, 0.5]).describe("Values that never need a justification, unless retuned."),
    knownConstants: z.boolean().default(true).describe("Recognise mathematical, CODATA, IAU and unit constants (not blocking)."),
    calibration: z
      .enum(["block", "review", "allow"])
      .default("review")
      .describe(
        "Values declared `@calibrated` (fitted, with their data and validity range): block them, hold them for a maintainer's exception (review), or allow them (listed, not blocking).",
      ),
    justification: justificationSchema.default(justificationSchema.parse({})),
    history: z
      .strictObject({
        depth: z
          .int()
          .min(0)
          .max(50)
          .default(10)
          .describe("Most earlier versions of a file read to trace a retuned value's history (0: do not read it)."),
        maxRetunes: z
          .int()
          .min(2)
          .nullable()
          .default(null)
          .describe("Block a value moved this many times within windowDays (this change included), even when justified. null: never."),
        windowDays: z.int().min(1).default(90).describe("The window, in days, that maxRetunes counts in."),
      })
      .default({ depth: 10, maxRetunes: null, windowDays: 90 })
      .describe("A retuned value's earlier values, from git log (CLI) or the pull request's head history (GitHub App)."),
    unverified: z
      .enum(["fail", "warn"])
      .default("fail")
      .describe("Files that could not be verified (too large, unreadable, beyond the file limit): fail the check, or only list them."),
    limits: z
      .strictObject({
        maxFileBytes: z.int().min(1).max(10_000_000).default(1_000_000).describe("Largest file analysed, in bytes."),
        maxFiles: z.int().min(1).max(3000).default(3000).describe("Most files of one change analysed."),
      })
      .default({ maxFileBytes: 1_000_000, maxFiles: 3000 }),
    comment: z.enum(["findings", "always", "never"]).default("findings").describe("GitHub App: when to write the pull request comment."),
    overrides: z
      .strictObject({
        enabled: z.boolean().default(true),
        permission: z
          .enum(["write", "maintain", "admin"])
          .default("write")
          .describe("Least repository permission needed to grant an exception."),
      })
      .default({ enabled: true, permission: "write" })
      .describe("GitHub App: maintainer exceptions granted by `/no-patch allow` comments."),
  })
  .describe("no-patch policy (.github/no-patch.yml)");

export type Config = z.output<typeof configSchema>;

/** Whether a function's doc comment covers its body: the policy's word, else `cited` in adoption mode. */
export const functionDocCover = (config: Config): boolean | "cited" =>
  config.justification.functionDocCoversBody ?? (config.requireTag ? false : "cited");
export type ConfigInput = z.input<typeof configSchema>;

export const defaultConfig: Config = configSchema.parse({});

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid no-patch configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join(".") : "(top level)";
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(issue.path);
      return `${where}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; allowed: ${known.join(", ")}`;
    }
    case "invalid_value":
      return `${where}: ${issue.message.replace(/^Invalid option: /, "")}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function knownKeysAt(path: PropertyKey[]): string[] {
  let shape: z.ZodType = configSchema;
  for (const key of path) {
    const inner = unwrap(shape);
    if (inner instanceof z.ZodObject) shape = inner.shape[key as string] as z.ZodType;
    else return [];
  }
  const inner = unwrap(shape);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

function unwrap(type: z.ZodType): z.ZodType {
  let current: z.ZodType = type;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

/** Validate a parsed object; throws ConfigError naming every problem. */
export function validateConfig(input: unknown, source = "configuration"): Config {
  if (input === null || input === undefined) return defaultConfig;
  const result = configSchema.safeParse(input);
  if (!result.success) throw new ConfigError(source, result.error.issues.map(describeIssue));
  return result.data;
}

/** Read YAML text into the raw (unvalidated) object; an empty file is an empty object. */
export function readConfigObject(text: string, source = CONFIG_PATH): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw new ConfigError(source, [`${at ? `line ${at.line}, column ${at.col}: ` : ""}${error.message.split("\n")[0]}`]);
    }
    throw error;
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError(source, ["(top level): expected a mapping of keys such as mode, paths, tags"]);
  }
  return data as Record<string, unknown>;
}

/** Parse and validate YAML text; an empty file means the defaults. */
export function parseConfig(text: string, source = CONFIG_PATH): Config {
  return validateConfig(readConfigObject(text, source), source);
}

/** JSON Schema (draft 2020-12) for editors, with every default. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $id: "https://github.com/no-patch/no-patch/schema/no-patch.schema.json",
    title: "no-patch configuration",
    ...schema,
  };
}
