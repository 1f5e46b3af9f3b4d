/**
 * Known constants: a literal that writes one of these to the precision it shows is not a
 * patch. Matching follows the written precision: `3.14159` is π because π rounds (or
 * truncates) to it at the last digit written; `3.15` is not.
 */

export interface KnownConstant {
  /** Stable key, also used by adapters to spell the named form. */
  key: string;
  name: string;
  value: number;
  source: string;
  /**
   * How a literal must match: `exact` values (definitions, unit factors) only as written in
   * full; measured and irrational values at `minDigits` significant digits or more.
   */
  match: { exact: true } | { exact: false; minDigits: number };
  /**
   * Earlier accepted values that also match: for CODATA constants the 2014, 2010, 2006, 2002,
   * 1998 and 1986 adjustments, newest first (where the value changed), so that code written
   * against an older adjustment, and its move to a newer one, reads as the constant (SPEC
   * section 3: "G from CODATA 2014 to 2018"). Before the 2019 SI, μ₀ was 4π × 10⁻⁷ exactly.
   */
  alternates?: number[];
  /**
   * Only recognised in this context: a definition whose number is common (20 in `20 * log10`,
   * a generator's multiplier). `statement` is searched in the literal's statement (without the
   * literal); `comment` also in the comments attached to it ("Park–Miller minimal standard").
   */
  requires?: { pattern: RegExp; in: "statement" | "comment" };
  /** Only with its own sign (an altitude below the horizon is negative; +6° is the golden hour, not twilight). */
  signed?: boolean;
  /**
   * A name to give the value where the language has no built-in one (`SPEED_OF_LIGHT`).
   * Spellings in a language (`Math.PI`, `math.pi`) are its adapter's `namedForm`.
   */
  constantName?: string;
}

const MATH = "mathematical constant";
const CODATA = "CODATA 2018 (NIST SP 961)";
const CODATA_EXACT = "SI 2019 exact definition (CODATA 2018)";
const IAU = "IAU 2012/2015 resolutions";
const UNIT = "unit conversion (exact by definition)";
/** The source of every unit factor: what tells a conversion from a measured value. */
export const UNIT_SOURCE = UNIT;
/** A parsec is 648000/π astronomical units (IAU 2015 Resolution B2). */
const PARSEC_M = (648000 / Math.PI) * 1.495978707e11;

/** A statement that mentions π: where 180 is the degrees of a half turn in radians. */
const PI_MENTION = /\bMath\.PI\b|\bpi\b|\bPI\b|π|\bM_PI\b|3\.14/;
/** A statement that mentions a full turn in radians (2π, τ): where 24 is the hours of a turn. */
const TURN_MENTION = /\btau\b|\bTAU\b|τ|2\s*\*\s*(Math\.PI|pi|PI|π|M_PI)\b|\b(twopi|TWOPI|two_pi|TWO_PI|PI2|pi2)\b/;

/**
 * A character code where the comment names the character (`== 32  # space`) or the statement
 * reads characters (`ord(`, `charCodeAt`): ASCII, not a quantity.
 */
function asciiCode(key: string, code: number, name: RegExp): KnownConstant[] {
  const named = new RegExp(`^\\s*(?:an?\\s+|ascii\\s+)?(?:${name.source})(?:\\s+char(?:acter)?)?\\s*$|\\b(?:ord|chr|charCodeAt|fromCharCode|codePointAt)\\b`, "im");
  return [{ key: `ascii-${key}`, name: `ASCII code of ${key}`, value: code, source: "ASCII (ANSI X3.4)", match: exact, requires: { pattern: named, in: "comment" } }];
} // prettier-ignore

/** Where a whole number of degrees is an angle: the code or its comment speaks of angles, bearings or coordinates. */
/** A word matched whatever its case, inside a case-sensitive pattern. */
const anyCase = (word: string): string => word.replace(/(?<!\\)[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const ANGLE_MENTION = new RegExp(
  [
    String.raw`\b360\b|°`,
    `\\b(?:${["deg\\w*", "wrap\\w*", "unwrap\\w*", "angles?", "azimuth", "bearing", "heading", "longitude", "latitude", "lon", "lat", "lng", "zenith", "elevation", "altitude", "declination", "hue", "poles?"].map(anyCase).join("|")})\\b`,
    // In names, where case tells a word's start: `latDistanceInDegrees`, `lon_min`, `DEG2RAD`, `baseAngle`.
    String.raw`(?:^|[^A-Za-z])(?:lat|lon|lng|deg|LAT|LON|DEG)(?=[A-Z_\d])|[a-z](?:Angle|Deg|Degrees|Bearing|Lat|Lon|Hue)\b`,
  ].join("|"),
  "u",
);

const irrational = (minDigits: number) => ({ exact: false as const, minDigits });
const exact = { exact: true as const };

/** A unit's definition read the other way (`1 / 0.3048` feet per metre), where the code or its comment names the unit. */
function reciprocalUnit(key: string, name: string, definition: number, unit: RegExp): KnownConstant {
  return { key, name, value: 1 / definition, source: UNIT, match: irrational(4), requires: { pattern: unit, in: "comment" } };
}

/**
 * The factorials of a power series' terms, 5! to 12! (`x ** 5 / 120`, `x ** 6 / 5040`), where the
 * statement raises to a power or names a factorial or a series: 120 alone is also 120 degrees.
 * Smaller factorials (2, 6, 24) are too common to read as one.
 */
const SERIES_CONTEXT = /\*\*|\bpow\b|\bpower\b|factorial|taylor|maclaurin|series|expansion/i;
const FACTORIALS = [5, 6, 7, 8, 9, 10, 11, 12].map((n) => ({
  key: `${n}!`,
  name: `${n}! (a power series' term)`,
  value: Array.from({ length: n }, (_, i) => i + 1).reduce((a, b) => a * b, 1),
  source: MATH,
  match: exact,
  requires: { pattern: SERIES_CONTEXT, in: "statement" as const },
}));

/** Words that name a generator or hash, in a statement or the comment above it. */
const GENERATOR_CONTEXT =
  /\b(lcg|linear[- ]congruential|park[- ]?miller|minstd|minimal standard|numerical recipes|glibc|rand\(|knuth|mmix|marsaglia|random|rng|prng|generator|hash\w*|fnv|mersenne|twister|mulberry|xorshift|splitmix|pcg|murmur|seed\w*|fibonacci hashing|golden[- ]ratio)/i;

function generator(key: string, name: string, value: number, source: string): KnownConstant[] {
  return [{ key, name, value, source, match: exact, requires: { pattern: GENERATOR_CONTEXT, in: "comment" } }];
}

/**
 * A length or gravitational parameter written in metres or kilometres (`6378137`, `6378.137`;
 * `3.986004418e14` m³/s², `398600.4418` km³/s²): `power` is the length's power in the unit.
 */
function inUnits(key: string, name: string, metres: number, source: string, match: KnownConstant["match"], constantName: string, power = 1): KnownConstant[] {
  const unit = power === 3 ? ["m³/s²", "km³/s²"] : ["m", "km"];
  return [
    { key, name: `${name} [${unit[0]}]`, value: metres, source, match, constantName },
    { key: `${key}-km`, name: `${name} [${unit[1]}]`, value: metres / 1000 ** power, source, match, constantName: `${constantName}_KM` },
  ];
} // prettier-ignore

/** A planetary system's reciprocal mass, as ephemerides and the IAU systems of constants tabulate it. */
function reciprocalMass(key: string, body: string, value: number, alternates: number[] = []): KnownConstant[] {
  const source = "JPL DE405 / IAU 1976 and 2009 systems of astronomical constants";
  return [{ key: `1/mass-${key}`, name: `reciprocal mass M☉/M of ${body}`, value, alternates, source, match: irrational(5) }];
}

/**
 * The Sun's altitude (or depression, either sign) in degrees at an event an almanac defines,
 * recognised where the code or its comments name the event.
 */
function sunAltitude(key: string, event: string, degrees: number, context: RegExp): KnownConstant[] {
  const source = "Explanatory Supplement to the Astronomical Almanac";
  const match = Number.isInteger(degrees) ? exact : irrational(2);
  return [
    {
      key,
      name: `Sun's altitude at ${event} [deg]`,
      value: -degrees,
      source,
      match,
      signed: true,
      requires: { pattern: context, in: "comment" },
    },
  ];
}

export const KNOWN_CONSTANTS: readonly KnownConstant[] = [
  // Mathematics
  ...FACTORIALS,
  { key: "pi", name: "π", value: Math.PI, source: MATH, match: irrational(3) },
  { key: "2pi", name: "2π", value: 2 * Math.PI, source: MATH, match: irrational(4) },
  { key: "4pi", name: "4π", value: 4 * Math.PI, source: MATH, match: irrational(4) },
  { key: "pi/2", name: "π/2", value: Math.PI / 2, source: MATH, match: irrational(4) },
  { key: "pi/4", name: "π/4", value: Math.PI / 4, source: MATH, match: irrational(4) },
  { key: "1/pi", name: "1/π", value: 1 / Math.PI, source: MATH, match: irrational(4) },
  { key: "pi/180", name: "π/180 (radians per degree)", value: Math.PI / 180, source: MATH, match: irrational(4) },
  { key: "180/pi", name: "180/π (degrees per radian)", value: 180 / Math.PI, source: MATH, match: irrational(4) },
  { key: "pi^2", name: "π²", value: Math.PI ** 2, source: MATH, match: irrational(4) },
  { key: "sqrtpi", name: "√π", value: Math.sqrt(Math.PI), source: MATH, match: irrational(4) },
  { key: "sqrt2pi", name: "√(2π)", value: Math.sqrt(2 * Math.PI), source: MATH, match: irrational(4) },
  { key: "e", name: "Euler's number e", value: Math.E, source: MATH, match: irrational(3) },
  { key: "sqrt2", name: "√2", value: Math.SQRT2, source: MATH, match: irrational(3) },
  { key: "sqrt1_2", name: "1/√2", value: Math.SQRT1_2, source: MATH, match: irrational(4) },
  { key: "sqrt3", name: "√3", value: Math.sqrt(3), source: MATH, match: irrational(4) },
  { key: "ln2", name: "ln 2", value: Math.LN2, source: MATH, match: irrational(4) },
  { key: "ln10", name: "ln 10", value: Math.LN10, source: MATH, match: irrational(4) },
  { key: "log2e", name: "log₂ e", value: Math.LOG2E, source: MATH, match: irrational(4) },
  { key: "log10e", name: "log₁₀ e", value: Math.LOG10E, source: MATH, match: irrational(4) },
  { key: "phi", name: "golden ratio φ", value: (1 + Math.sqrt(5)) / 2, source: MATH, match: irrational(4) },
  {
    key: "euler-gamma",
    name: "Euler–Mascheroni constant γ",
    value: 0.5772156649015329,
    source: MATH,
    match: irrational(4),
    constantName: "EULER_GAMMA",
  },

  // Exact thirds and sixths: `h + 1/3` (a third of a turn of hue), `4/3 * pi * r ** 3`. Written as a
  // fraction they fold to the ratio exactly; as decimals they need four digits (0.3333, not 0.33).
  { key: "1/3", name: "1/3", value: 1 / 3, source: MATH, match: irrational(4) },
  { key: "2/3", name: "2/3", value: 2 / 3, source: MATH, match: irrational(4) },
  { key: "4/3", name: "4/3", value: 4 / 3, source: MATH, match: irrational(4) },
  { key: "1/6", name: "1/6", value: 1 / 6, source: MATH, match: irrational(4) },

  // Expressions of known constants written out to precision (√3/2 in a rotation, 1/√(2π) in a Gaussian).
  { key: "sqrt3/2", name: "√3/2 (sin 60°)", value: Math.sqrt(3) / 2, source: MATH, match: irrational(4) },
  { key: "1/sqrt3", name: "1/√3", value: 1 / Math.sqrt(3), source: MATH, match: irrational(4) },
  { key: "sqrt5", name: "√5", value: Math.sqrt(5), source: MATH, match: irrational(4) },
  { key: "pi/3", name: "π/3", value: Math.PI / 3, source: MATH, match: irrational(4) },
  { key: "pi/6", name: "π/6", value: Math.PI / 6, source: MATH, match: irrational(4) },
  { key: "3pi/2", name: "3π/2", value: (3 * Math.PI) / 2, source: MATH, match: irrational(4) },
  { key: "4pi/3", name: "4π/3 (volume of the unit sphere)", value: (4 * Math.PI) / 3, source: MATH, match: irrational(4) },
  { key: "1/2pi", name: "1/(2π)", value: 1 / (2 * Math.PI), source: MATH, match: irrational(4) },
  { key: "1/sqrt2pi", name: "1/√(2π) (normal density)", value: 1 / Math.sqrt(2 * Math.PI), source: MATH, match: irrational(4) },
  { key: "2/sqrtpi", name: "2/√π (error function)", value: 2 / Math.sqrt(Math.PI), source: MATH, match: irrational(4) },
  { key: "log10-2", name: "log₁₀ 2", value: Math.log10(2), source: MATH, match: irrational(4) },
  { key: "ln10/20", name: "ln 10 / 20 (nepers per decibel)", value: Math.LN10 / 20, source: MATH, match: irrational(4) },
  { key: "20/ln10", name: "20 / ln 10 (decibels per neper)", value: 20 / Math.LN10, source: MATH, match: irrational(4) },
  { key: "10/ln10", name: "10 / ln 10 (decibels of power per neper)", value: 10 / Math.LN10, source: MATH, match: irrational(4) },
  { key: "20log2", name: "20 log₁₀ 2 (decibels per octave of amplitude)", value: 20 * Math.log10(2), source: MATH, match: irrational(4) },
  { key: "gauss-fwhm", name: "2√(2 ln 2) (Gaussian FWHM per σ)", value: 2 * Math.sqrt(2 * Math.LN2), source: MATH, match: irrational(4) },

  // Standard definitions: the number is common, the definition is named by its context.
  {
    key: "dB-amplitude",
    name: "decibels of an amplitude ratio (20 log₁₀)",
    value: 20,
    source: "IEC 60027-3 (decibel, field quantity)",
    match: exact,
    requires: { pattern: /log10|log\(\s*10|\blog\b|decibel|\bdB/i, in: "statement" },
  },
  {
    key: "pogson",
    name: "Pogson's ratio 2.5 (m = -2.5 log₁₀ F)",
    value: 2.5,
    source: "Pogson (1856), the astronomical magnitude scale",
    match: exact,
    requires: { pattern: /log10|log\(\s*10|magnitude|\bmag\b/i, in: "statement" },
  },
  {
    key: "pogson-inverse",
    name: "0.4 = 1/2.5 (F = 10^(-0.4 m), magnitudes)",
    value: 0.4,
    source: "Pogson (1856), the astronomical magnitude scale",
    match: exact,
    requires: { pattern: /10\s*\*\*|pow\(\s*10|10\s*\^|magnitude|\bmag\b/i, in: "statement" },
  },
  { key: "pogson-ratio", name: "Pogson's ratio 100^(1/5)", value: 100 ** 0.2, source: "Pogson (1856)", match: irrational(4) },

  // Multipliers and offsets of well-known generators and hashes, recognised under a comment
  // or in a statement that names them (the numbers alone are common enough to be a patch).
  ...generator("lcg-glibc", "glibc / ANSI C rand() LCG multiplier", 1103515245, "ISO C rand() sample implementation"),
  ...generator("lcg-nr", "Numerical Recipes LCG multiplier", 1664525, "Press et al., Numerical Recipes, §7.1"),
  ...generator("lcg-nr-c", "Numerical Recipes LCG increment", 1013904223, "Press et al., Numerical Recipes, §7.1"),
  ...generator("minstd", "Park–Miller minimal standard multiplier 16807", 16807, "Park & Miller (1988)"),
  ...generator("minstd2", "Park–Miller minimal standard multiplier 48271", 48271, "Park, Miller & Stockmeyer (1993)"),
  ...generator("mersenne31", "Mersenne prime 2³¹ − 1 (Park–Miller modulus)", 2147483647, "Park & Miller (1988)"),
  ...generator("lcg-9301", "classic LCG multiplier 9301 (m = 233280)", 9301, "Press et al., Numerical Recipes (1986), §7.1 table"),
  ...generator("lcg-49297", "classic LCG increment 49297 (m = 233280)", 49297, "Press et al., Numerical Recipes (1986), §7.1 table"),
  ...generator("lcg-233280", "classic LCG modulus 233280", 233280, "Press et al., Numerical Recipes (1986), §7.1 table"),
  ...generator("lcg-69069", "Marsaglia's LCG multiplier 69069", 69069, "Marsaglia (1972)"),
  ...generator("golden-32", "2³²/φ (Fibonacci hashing, golden-ratio increment)", 2654435769, "Knuth, TAOCP vol. 3, §6.4"),
  ...generator("mulberry32", "Mulberry32 increment", 0x6d2b79f5, "Tommy Ettinger, Mulberry32"),
  ...generator("fnv-prime", "FNV-1 32-bit prime", 16777619, "Fowler–Noll–Vo hash (IETF draft-eastlake-fnv)"),
  ...generator("fnv-offset", "FNV-1 32-bit offset basis", 2166136261, "Fowler–Noll–Vo hash (IETF draft-eastlake-fnv)"),
  ...generator("mt-init", "Mersenne Twister initialisation multiplier", 1812433253, "Matsumoto & Nishimura (1998)"),
  ...generator("mt-matrix", "Mersenne Twister matrix A", 0x9908b0df, "Matsumoto & Nishimura (1998)"),
  ...generator("mt-mask-b", "Mersenne Twister tempering mask B", 0x9d2c5680, "Matsumoto & Nishimura (1998)"),
  ...generator("mt-mask-c", "Mersenne Twister tempering mask C", 0xefc60000, "Matsumoto & Nishimura (1998)"),
  ...generator("murmur-c1", "MurmurHash3 constant c1", 0xcc9e2d51, "Austin Appleby, MurmurHash3"),
  ...generator("murmur-c2", "MurmurHash3 constant c2", 0x1b873593, "Austin Appleby, MurmurHash3"),
  ...generator("murmur-fmix1", "MurmurHash3 finaliser constant", 0x85ebca6b, "Austin Appleby, MurmurHash3"),
  ...generator("murmur-fmix2", "MurmurHash3 finaliser constant", 0xc2b2ae35, "Austin Appleby, MurmurHash3"),

  // CODATA physical constants (SI)
  {
    key: "c",
    name: "speed of light in vacuum c [m/s]",
    value: 299792458,
    source: CODATA_EXACT,
    match: irrational(4),
    constantName: "SPEED_OF_LIGHT",
  },
  {
    key: "c-km",
    name: "speed of light c [km/s]",
    value: 299792.458,
    source: CODATA_EXACT,
    match: irrational(4),
    constantName: "SPEED_OF_LIGHT_KM_S",
  },
  {
    key: "h",
    name: "Planck constant h [J s]",
    value: 6.62607015e-34,
    alternates: [6.62607004e-34, 6.62606957e-34, 6.62606896e-34, 6.6260693e-34, 6.62606876e-34, 6.6260755e-34],
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "PLANCK_H",
  },
  {
    key: "hbar",
    name: "reduced Planck constant ħ [J s]",
    value: 1.054571817e-34,
    alternates: [1.0545718e-34, 1.054571726e-34, 1.054571628e-34, 1.05457168e-34, 1.054571596e-34, 1.05457266e-34],
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "HBAR",
  },
  {
    key: "qe",
    name: "elementary charge e [C] (also J per eV)",
    value: 1.602176634e-19,
    alternates: [1.6021766208e-19, 1.602176565e-19, 1.602176487e-19, 1.60217653e-19, 1.602176462e-19, 1.60217733e-19],
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "ELEMENTARY_CHARGE",
  },
  {
    key: "kB",
    name: "Boltzmann constant k_B [J/K]",
    value: 1.380649e-23,
    alternates: [1.38064852e-23, 1.3806488e-23, 1.3806504e-23, 1.3806505e-23, 1.3806503e-23, 1.380658e-23],
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "BOLTZMANN_K",
  },
  {
    key: "kB-eV",
    name: "Boltzmann constant k_B [eV/K]",
    value: 8.617333262e-5,
    alternates: [8.6173303e-5, 8.6173324e-5, 8.617343e-5, 8.617342e-5, 8.617385e-5],
    source: CODATA,
    match: irrational(3),
    constantName: "BOLTZMANN_K_EV",
  },
  {
    key: "NA",
    name: "Avogadro constant N_A [1/mol]",
    value: 6.02214076e23,
    alternates: [6.022140857e23, 6.02214129e23, 6.02214179e23, 6.0221415e23, 6.02214199e23, 6.0221367e23],
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "AVOGADRO",
  },
  {
    key: "G",
    name: "Newtonian constant of gravitation G [m³/(kg s²)]",
    value: 6.6743e-11,
    alternates: [6.67408e-11, 6.67384e-11, 6.67428e-11, 6.6742e-11, 6.673e-11, 6.67259e-11],
    source: CODATA,
    match: irrational(3),
    constantName: "GRAVITATIONAL_G",
  },
  {
    key: "sigmaSB",
    name: "Stefan–Boltzmann constant σ [W/(m² K⁴)]",
    value: 5.670374419e-8,
    alternates: [5.670367e-8, 5.670373e-8, 5.6704e-8, 5.67051e-8],
    source: CODATA,
    match: irrational(3),
    constantName: "STEFAN_BOLTZMANN",
  },
  {
    key: "eps0",
    name: "vacuum permittivity ε₀ [F/m]",
    value: 8.8541878128e-12,
    alternates: [8.854187817e-12],
    source: CODATA,
    match: irrational(3),
    constantName: "VACUUM_PERMITTIVITY",
  },
  {
    key: "mu0",
    name: "vacuum permeability μ₀ [N/A²]",
    value: 1.25663706212e-6,
    alternates: [4e-7 * Math.PI],
    source: CODATA,
    match: irrational(3),
    constantName: "VACUUM_PERMEABILITY",
  },
  {
    key: "me",
    name: "electron mass m_e [kg]",
    value: 9.1093837015e-31,
    alternates: [9.10938356e-31, 9.10938291e-31, 9.10938215e-31, 9.1093826e-31, 9.10938188e-31, 9.1093897e-31],
    source: CODATA,
    match: irrational(3),
    constantName: "ELECTRON_MASS",
  },
  {
    key: "mp",
    name: "proton mass m_p [kg]",
    value: 1.67262192369e-27,
    alternates: [1.672621898e-27, 1.672621777e-27, 1.672621637e-27, 1.67262171e-27, 1.67262158e-27, 1.6726231e-27],
    source: CODATA,
    match: irrational(3),
    constantName: "PROTON_MASS",
  },
  {
    key: "mn",
    name: "neutron mass m_n [kg]",
    value: 1.67492749804e-27,
    alternates: [1.674927471e-27, 1.674927351e-27, 1.674927211e-27, 1.67492728e-27, 1.67492716e-27, 1.6749286e-27],
    source: CODATA,
    match: irrational(3),
    constantName: "NEUTRON_MASS",
  },
  {
    key: "u",
    name: "atomic mass constant m_u [kg]",
    value: 1.6605390666e-27,
    alternates: [1.66053904e-27, 1.660538921e-27, 1.660538782e-27, 1.66053886e-27, 1.66053873e-27, 1.6605402e-27],
    source: CODATA,
    match: irrational(3),
    constantName: "ATOMIC_MASS_UNIT",
  },
  {
    key: "alpha",
    name: "fine-structure constant α",
    value: 7.2973525693e-3,
    alternates: [7.2973525664e-3, 7.2973525698e-3, 7.2973525376e-3, 7.297352568e-3, 7.297352533e-3, 7.29735308e-3],
    source: CODATA,
    match: irrational(3),
    constantName: "FINE_STRUCTURE_ALPHA",
  },
  {
    key: "1/alpha",
    name: "inverse fine-structure constant 1/α",
    value: 137.035999084,
    alternates: [137.035999139, 137.035999074, 137.035999679, 137.03599911, 137.03599976, 137.0359895],
    source: CODATA,
    match: irrational(5),
    constantName: "INVERSE_FINE_STRUCTURE",
  },
  {
    key: "R",
    name: "molar gas constant R [J/(mol K)]",
    value: 8.314462618,
    alternates: [8.3144598, 8.3144621, 8.314472, 8.31451],
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "GAS_CONSTANT_R",
  },
  {
    key: "gn",
    name: "standard acceleration of gravity g_n [m/s²]",
    value: 9.80665,
    source: "CGPM 1901 (exact)",
    match: irrational(3),
    constantName: "STANDARD_GRAVITY",
  },
  { key: "a0", name: "Bohr radius a₀ [m]", value: 5.29177210903e-11, source: CODATA, match: irrational(3), constantName: "BOHR_RADIUS" },
  { key: "Rinf", name: "Rydberg constant R∞ [1/m]", value: 10973731.56816, source: CODATA, match: irrational(5), constantName: "RYDBERG" },
  {
    key: "sigmaT",
    name: "Thomson cross section σ_T [m²]",
    value: 6.6524587321e-29,
    source: CODATA,
    match: irrational(3),
    constantName: "THOMSON_CROSS_SECTION",
  },
  {
    key: "wien",
    name: "Wien wavelength displacement constant b [m K]",
    value: 2.897771955e-3,
    source: CODATA,
    match: irrational(3),
    constantName: "WIEN_B",
  },
  {
    key: "F",
    name: "Faraday constant F [C/mol]",
    value: 96485.33212,
    alternates: [96485.33289, 96485.3365, 96485.3399, 96485.3383, 96485.3415, 96485.309],
    source: CODATA_EXACT,
    match: irrational(4),
    constantName: "FARADAY",
  },

  // Astronomy
  {
    key: "au",
    name: "astronomical unit [m]",
    value: 1.495978707e11,
    source: "IAU 2012 Resolution B2 (exact)",
    match: irrational(4),
    constantName: "ASTRONOMICAL_UNIT",
  },
  { key: "pc", name: "parsec [m]", value: PARSEC_M, source: "IAU 2015 Resolution B2", match: irrational(4), constantName: "PARSEC" },
  {
    key: "Mpc",
    name: "megaparsec [m]",
    value: PARSEC_M * 1e6,
    source: "IAU 2015 Resolution B2",
    match: irrational(4),
    constantName: "MEGAPARSEC",
  },
  {
    key: "ly",
    name: "light year [m]",
    value: 9.4607304725808e15,
    source: "IAU (Julian year × c, exact)",
    match: irrational(4),
    constantName: "LIGHT_YEAR",
  },
  { key: "j2000", name: "J2000.0 epoch (Julian date)", value: 2451545.0, source: IAU, match: exact, constantName: "J2000_JD" },
  {
    key: "julian-century",
    name: "Julian century [days]",
    value: 36525,
    source: IAU,
    match: exact,
    constantName: "DAYS_PER_JULIAN_CENTURY",
  },
  { key: "julian-year", name: "Julian year [days]", value: 365.25, source: IAU, match: exact, constantName: "DAYS_PER_JULIAN_YEAR" },
  { key: "julian-year-s", name: "Julian year [s]", value: 31557600, source: IAU, match: exact, constantName: "SECONDS_PER_JULIAN_YEAR" },
  // Reciprocal masses M☉/M of the planetary systems (DE405, the IAU 1976 and 2009 systems' values).
  ...reciprocalMass("mercury", "Mercury", 6023600, [6023657.33]),
  ...reciprocalMass("venus", "Venus", 408523.71, [408523.719]),
  ...reciprocalMass("emb", "Earth + Moon", 328900.5614, [328900.56]),
  ...reciprocalMass("earth", "Earth", 332946.050895, [332946.0487]),
  ...reciprocalMass("mars", "Mars system", 3098708, [3098703.59]),
  ...reciprocalMass("jupiter", "Jupiter system", 1047.3486, [1047.348644]),
  ...reciprocalMass("saturn", "Saturn system", 3497.898, [3497.9018]),
  ...reciprocalMass("uranus", "Uranus system", 22902.98),
  ...reciprocalMass("neptune", "Neptune system", 19412.24, [19412.26]),
  ...reciprocalMass("pluto", "Pluto system", 135200000, [136566000]),
  ...reciprocalMass("moon", "Moon", 27068700.387534, [27068703.24]),
  // The Sun's altitude at the events an almanac defines (Explanatory Supplement to the Astronomical Almanac).
  ...sunAltitude("sunrise", "sunrise and sunset (refraction 34′ + semidiameter 16′)", 50 / 60, /sun ?rise|sun ?set|refraction/i),
  ...sunAltitude("civil-twilight", "civil twilight", 6, /civil|twilight|dawn|dusk/i),
  ...sunAltitude("nautical-twilight", "nautical twilight", 12, /nautical/i),
  ...sunAltitude("astronomical-twilight", "astronomical twilight", 18, /astronomical|\bnight/i),
  { key: "mjd-offset", name: "Modified Julian Date offset", value: 2400000.5, source: IAU, match: exact, constantName: "MJD_OFFSET" },
  {
    key: "GMsun",
    name: "nominal solar mass parameter GM☉ [m³/s²]",
    value: 1.3271244e20,
    source: "IAU 2015 Resolution B3",
    match: irrational(4),
    constantName: "GM_SUN",
  },
  {
    key: "Msun",
    name: "solar mass M☉ [kg]",
    value: 1.98847e30,
    alternates: [1.989e30, 1.9891e30],
    source: "IAU 2015 B3 / CODATA 2018 G",
    match: irrational(3),
    constantName: "SOLAR_MASS",
  },
  {
    key: "Rsun",
    name: "nominal solar radius R☉ [m]",
    value: 6.957e8,
    source: "IAU 2015 Resolution B3",
    match: irrational(3),
    constantName: "SOLAR_RADIUS",
  },
  {
    key: "Lsun",
    name: "nominal solar luminosity L☉ [W]",
    value: 3.828e26,
    source: "IAU 2015 Resolution B3",
    match: irrational(3),
    constantName: "SOLAR_LUMINOSITY",
  },
  {
    key: "c/H0",
    name: "Hubble distance c/H₀ for h = 1 [Mpc/h]",
    value: 2997.92458,
    source: "c / (100 km/s/Mpc)",
    match: irrational(4),
    constantName: "HUBBLE_DISTANCE_MPC_H",
  },
  {
    key: "rho-crit",
    name: "critical density for h = 1 [M☉ h² / Mpc³]",
    value: 2.77536627e11,
    source: "3 H₀² / (8πG), IAU/CODATA 2018",
    match: irrational(3),
    constantName: "RHO_CRIT_H2",
  },

  // Geodetic reference systems and gravitational parameters (satellite orbits, geodesy).
  ...inUnits("wgs84-a", "WGS-84 equatorial radius a", 6378137, "NIMA TR8350.2 (WGS-84), Table 3.1", exact, "WGS84_A"),
  {
    key: "wgs84-1/f",
    name: "WGS-84 inverse flattening 1/f",
    value: 298.257223563,
    source: "NIMA TR8350.2 (WGS-84), Table 3.1",
    match: irrational(6),
  },
  {
    key: "wgs84-f",
    name: "WGS-84 flattening f",
    value: 1 / 298.257223563,
    source: "NIMA TR8350.2 (WGS-84), Table 3.1",
    match: irrational(5),
  },
  {
    key: "wgs84-e2",
    name: "WGS-84 first eccentricity squared e²",
    value: 6.69437999014e-3,
    source: "NIMA TR8350.2 (WGS-84), Table 3.3",
    match: irrational(5),
  },
  ...inUnits("wgs84-b", "WGS-84 polar radius b", 6356752.3142, "NIMA TR8350.2 (WGS-84), Table 3.3", irrational(6), "WGS84_B"),
  ...inUnits(
    "wgs84-gm",
    "WGS-84 Earth gravitational parameter GM⊕",
    3.986004418e14,
    "NIMA TR8350.2 (WGS-84), Table 3.1",
    irrational(6),
    "GM_EARTH",
    3,
  ),
  {
    key: "wgs84-omega",
    name: "WGS-84 Earth rotation rate ω [rad/s]",
    value: 7.292115e-5,
    source: "NIMA TR8350.2 (WGS-84), Table 3.1",
    match: irrational(5),
  },
  {
    key: "wgs84-j2",
    name: "WGS-84 / EGM96 J₂",
    value: 1.08262998905e-3,
    alternates: [1.0826269e-3, 1.08262668355e-3],
    source: "NIMA TR8350.2 (WGS-84)",
    match: irrational(5),
  },
  ...inUnits("wgs72-a", "WGS-72 equatorial radius a", 6378135, "Spacetrack Report #3 (WGS-72)", exact, "WGS72_A"),
  ...inUnits(
    "wgs72-gm",
    "WGS-72 Earth gravitational parameter GM⊕",
    3.986008e14,
    "Spacetrack Report #3 (WGS-72)",
    irrational(6),
    "GM_EARTH_WGS72",
    3,
  ),
  { key: "wgs72-1/f", name: "WGS-72 inverse flattening 1/f", value: 298.26, source: "Spacetrack Report #3 (WGS-72)", match: exact },
  { key: "wgs72-j2", name: "WGS-72 J₂", value: 1.082616e-3, source: "Spacetrack Report #3 (WGS-72)", match: irrational(6) },
  {
    key: "grs80-1/f",
    name: "GRS 80 inverse flattening 1/f",
    value: 298.257222101,
    source: "Moritz (1980), Geodetic Reference System 1980",
    match: irrational(8),
  },
  ...inUnits("earth-mean-radius", "IUGG mean Earth radius R₁", 6371008.8, "Moritz (2000), IUGG", irrational(4), "EARTH_MEAN_RADIUS"),
  ...inUnits(
    "GMsun-de",
    "heliocentric gravitational constant GM☉ (TDB, DE405/DE430)",
    1.32712440018e20,
    "IERS Conventions 2010, Table 1.1",
    irrational(8),
    "GM_SUN",
    3,
  ),
  {
    key: "gauss-k",
    name: "Gaussian gravitational constant k [AU^(3/2)/day]",
    value: 0.01720209895,
    source: "IAU 1976 / IAU 2012 B2",
    match: irrational(6),
    constantName: "GAUSS_K",
  },
  ...inUnits(
    "moon-distance",
    "mean Earth–Moon distance",
    384400000,
    "IERS / Meeus, Astronomical Algorithms ch. 47",
    exact,
    "MOON_MEAN_DISTANCE",
  ),
  {
    key: "obliquity-j2000",
    name: "obliquity of the ecliptic at J2000 ε₀ [deg]",
    value: 23.4392911,
    alternates: [23.43929111, 84381.406 / 3600, 84381.448 / 3600],
    source: "IAU 2006 (P03) / IAU 1976",
    match: irrational(5),
  },

  // Unit factors
  { key: "s/min", name: "seconds per minute", value: 60, source: UNIT, match: exact, constantName: "SECONDS_PER_MINUTE" },
  { key: "s/h", name: "seconds per hour", value: 3600, source: UNIT, match: exact, constantName: "SECONDS_PER_HOUR" },
  { key: "s/day", name: "seconds per day", value: 86400, source: UNIT, match: exact, constantName: "SECONDS_PER_DAY" },
  { key: "min/day", name: "minutes per day", value: 1440, source: UNIT, match: exact, constantName: "MINUTES_PER_DAY" },
  // Rates per day squared and cubed in per second or per minute (GM in km³/day², SGP4's ṅ and n̈ units).
  { key: "s/day^2", name: "seconds per day, squared", value: 86400 ** 2, source: UNIT, match: exact },
  { key: "min/day^2", name: "minutes per day, squared", value: 1440 ** 2, source: UNIT, match: exact },
  { key: "min/day^3", name: "minutes per day, cubed", value: 1440 ** 3, source: UNIT, match: exact },
  {
    key: "rev/day-rad/min",
    name: "revolutions per day in radians per minute, 1440 / 2π (TLE mean motion)",
    value: 1440 / (2 * Math.PI),
    source: UNIT,
    match: irrational(6),
  },
  {
    key: "deg",
    name: "180° (degrees in π radians)",
    value: 180,
    source: UNIT,
    match: exact,
    requires: { pattern: PI_MENTION, in: "statement" },
  },
  {
    key: "half-turn-deg",
    name: "180° (half a turn, wrapping angles)",
    value: 180,
    source: UNIT,
    match: exact,
    requires: { pattern: ANGLE_MENTION, in: "comment" },
  },
  {
    key: "quarter-turn-deg",
    name: "90° (a right angle, the latitude of a pole)",
    value: 90,
    source: UNIT,
    match: exact,
    requires: { pattern: ANGLE_MENTION, in: "comment" },
  },
  {
    // Negative, bounding a longitude or unwrapping an angle (`Math.max(x, -360)`): 360 alone needs no context.
    key: "turn-deg-signed",
    name: "degrees per turn",
    value: 360,
    source: UNIT,
    match: exact,
    requires: { pattern: ANGLE_MENTION, in: "comment" },
  },
  {
    key: "hours-per-day",
    name: "hours per day",
    value: 24,
    source: UNIT,
    match: exact,
    constantName: "HOURS_PER_DAY",
    requires: { pattern: /hour|\bday|\bhr|\bh\b|time|\b60\b|1440|86400|sidereal|julian|\bjd|\butc|\btt\b|\bmjd/i, in: "comment" },
  },
  {
    key: "hours-per-turn",
    name: "24 hours of angle in a turn (2π rad)",
    value: 24,
    source: UNIT,
    match: exact,
    requires: { pattern: TURN_MENTION, in: "statement" },
  },
  {
    key: "hours-per-half-turn",
    name: "12 hours of angle in π radians",
    value: 12,
    source: UNIT,
    match: exact,
    requires: { pattern: PI_MENTION, in: "statement" },
  },
  {
    key: "deg-per-hour",
    name: "degrees of angle per hour (right ascension, hour angle)",
    value: 15,
    source: UNIT,
    match: exact,
    requires: { pattern: /hour|\bha\b|\bra\b|right ascension|sidereal|gmst|gast|\blst\b/i, in: "comment" },
  },
  { key: "arcmin-turn", name: "arcminutes per turn", value: 21600, source: UNIT, match: exact, constantName: "ARCMINUTES_PER_TURN" },
  { key: "arcsec-turn", name: "arcseconds per turn", value: 1296000, source: UNIT, match: exact, constantName: "ARCSECONDS_PER_TURN" },
  { key: "arcsec-half-turn", name: "arcseconds in π radians", value: 648000, source: UNIT, match: exact },
  {
    key: "arcsec-rad",
    name: "arcseconds per radian",
    value: 648000 / Math.PI,
    source: UNIT,
    match: irrational(6),
    constantName: "ARCSECONDS_PER_RADIAN",
  },
  {
    key: "days-per-year",
    name: "days in a common year",
    value: 365,
    source: UNIT,
    match: exact,
    requires: { pattern: /year|\byr|leap|calendar|annual/i, in: "comment" },
  },
  ...asciiCode("space", 32, /\b(space|blank)\b/),
  ...asciiCode("tab", 9, /\btab\b/),
  ...asciiCode("newline", 10, /\b(newline|new line|line ?feed|lf)\b|\\n/),
  ...asciiCode("cr", 13, /\b(carriage return|cr)\b|\\r/),
  ...asciiCode("zero", 48, /\b(digit )?zero\b|'0'|"0"/),
  { key: "turn-deg", name: "degrees per turn", value: 360, source: UNIT, match: exact, constantName: "DEGREES_PER_TURN" },
  { key: "8bit-max", name: "largest 8-bit level 2⁸ − 1", value: 255, source: "digital levels (2ⁿ − 1)", match: exact },
  { key: "16bit-max", name: "largest 16-bit level 2¹⁶ − 1", value: 65535, source: "digital levels (2ⁿ − 1)", match: exact },
  { key: "celsius", name: "0 °C in kelvin", value: 273.15, source: UNIT, match: exact, constantName: "ZERO_CELSIUS_K" },
  { key: "atm", name: "standard atmosphere [Pa]", value: 101325, source: UNIT, match: exact, constantName: "STANDARD_ATMOSPHERE_PA" },
  { key: "inch", name: "centimetres per inch", value: 2.54, source: UNIT, match: exact, constantName: "CM_PER_INCH" },
  { key: "foot", name: "metres per foot", value: 0.3048, source: UNIT, match: exact, constantName: "M_PER_FOOT" },
  { key: "mile", name: "metres per mile", value: 1609.344, source: UNIT, match: exact, constantName: "M_PER_MILE" },
  { key: "pound", name: "kilograms per pound", value: 0.45359237, source: UNIT, match: exact, constantName: "KG_PER_POUND" },
  { key: "calorie", name: "joules per thermochemical calorie", value: 4.184, source: UNIT, match: exact, constantName: "J_PER_CALORIE" },
  { key: "kmh", name: "km/h per m/s", value: 3.6, source: UNIT, match: exact, constantName: "KMH_PER_MS" },
  { key: "yard", name: "metres per yard", value: 0.9144, source: UNIT, match: exact, constantName: "M_PER_YARD" },
  { key: "acre", name: "square metres per acre", value: 4046.8564224, source: UNIT, match: exact, constantName: "M2_PER_ACRE" },
  {
    key: "nautical-mile",
    name: "metres per nautical mile",
    value: 1852,
    source: UNIT,
    match: exact,
    constantName: "M_PER_NAUTICAL_MILE",
    // 1852 is also a year: the nautical mile only where the code or its comment names it.
    requires: { pattern: /\b(nmi|nautical|knots?|NM)\b/i, in: "comment" },
  },
  // The same definitions read the other way (feet per metre), as written to a few digits: only
  // where the unit is named, since four digits alone are common.
  reciprocalUnit("feet-per-m", "feet per metre", 0.3048, /\b(ft|feet|foot)\b/i),
  reciprocalUnit("inches-per-m", "inches per metre", 0.0254, /\b(in|inch|inches)\b/i),
  reciprocalUnit("yards-per-m", "yards per metre", 0.9144, /\b(yd|yds|yards?)\b/i),
  reciprocalUnit("miles-per-km", "miles per kilometre", 1.609344, /\b(mi|miles?)\b/i),
  reciprocalUnit("acres-per-m2", "acres per square metre", 4046.8564224, /\b(ac|acres?)\b/i),
  reciprocalUnit("pounds-per-kg", "pounds per kilogram", 0.45359237, /\b(lb|lbs|pounds?)\b/i),
];

/**
 * Which constant a key names, whatever the unit it is written in: `c` and `c-km` are both the
 * speed of light. Unit factors scaled by a prefix (`s/day*1e3`) keep their scale: a different
 * conversion.
 */
export const constantIdentity = (key: string): string => key.replace(/-km$/, "");

/** Significant digits and the place value of the last digit, read from the literal as written. */
export function writtenPrecision(text: string): { digits: number; lastPlace: number } | null {
  const clean = text.replace(/^[-+]/, "").replace(/_/g, "").toLowerCase();
  const match = /^(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/.exec(clean);
  if (!match) return null; // hex, octal, binary: not decimal writing
  const [, whole = "", fraction = "", exponent = "0"] = match;
  const digitsText = (whole + fraction).replace(/^0+/, "");
  return { digits: digitsText.length, lastPlace: 10 ** (Number(exponent) - fraction.length) };
}

function matchesAtPrecision(value: number, target: number, lastPlace: number): boolean {
  const diff = Math.abs(Math.abs(value) - Math.abs(target));
  const slack = Math.abs(target) * 1e-12;
  // Rounded to the last written digit, or truncated there.
  if (diff <= lastPlace / 2 + slack) return true;
  return Math.abs(target) > Math.abs(value) && diff < lastPlace - slack;
}

const MATCHERS = KNOWN_CONSTANTS.map((constant) => ({ constant, targets: [constant.value, ...(constant.alternates ?? [])] }));

/** The comments attached to a literal, or a way to read them when a constant needs them. */
type CommentText = string | (() => string);

/** Whether a context-bound constant stands in its context (the literal's own text left out). */
function inContext(constant: KnownConstant, text: string, statementText: string, commentText: CommentText): boolean {
  if (!constant.requires) return true;
  const statement = statementText.replace(text, "");
  const where =
    constant.requires.in === "comment" ? `${statement}\n${typeof commentText === "string" ? commentText : commentText()}` : statement;
  return constant.requires.pattern.test(where);
}

/**
 * The known constant a literal writes, if any. `statementText` is the literal's statement and
 * `commentText` the comments attached to it: the context of constants that only count beside
 * π, a logarithm, or a comment naming a generator.
 */
export function matchKnownConstant(
  text: string,
  value: number,
  statementText: string,
  commentText: CommentText = "",
): KnownConstant | undefined {
  if (!Number.isFinite(value) || value === 0) return undefined;
  const precision = writtenPrecision(text);
  for (const { constant, targets } of MATCHERS) {
    // A definition bound to its context keeps its sign there (`-2.5 * log10`); a bare exact value does not.
    if (Math.sign(value) !== Math.sign(constant.value) && ((constant.match.exact && !constant.requires) || constant.signed)) continue;
    let hit: boolean;
    if (constant.match.exact) {
      // Any writing of an exact value: 0x9908b0df is the Mersenne Twister's matrix as written.
      hit = targets.some((t) => Math.abs(Math.abs(value) - Math.abs(t)) <= Math.abs(t) * 1e-15);
    } else {
      const minDigits = constant.match.minDigits;
      hit = precision !== null && precision.digits >= minDigits && targets.some((t) => matchesAtPrecision(value, t, precision.lastPlace));
    }
    if (hit && inContext(constant, text, statementText, commentText)) return constant;
  }
  return undefined;
}

/**
 * The known constant an expression of literals folds to (`Math.PI / 180`, `2 * 3.14159`,
 * `60 * 60`). Only an expression built of known things is one: every literal in it an exact
 * integer or itself a known constant as written, so `3.14 * 1.002` is no π. The value then
 * matches to the precision of its least precise part.
 */
export function matchKnownValue(
  value: number,
  parts: readonly string[],
  statementText = "",
  commentText: CommentText = "",
): KnownConstant | undefined {
  if (!Number.isFinite(value) || value === 0) return undefined;
  let tolerance = 1e-9;
  let plainFractions = false;
  for (const part of parts) {
    // An integer, however written (`4`, `4.0`, `4.`): exact.
    const isInteger = /^[-+]?\d[\d_]*(\.0*)?$/.test(part);
    if (isInteger) continue;
    const partValue = Number(part.replace(/_/g, ""));
    if (!matchKnownConstant(part, partValue, statementText, commentText)) {
      // A plain fraction (`0.5 * Math.PI`) is exact too, but only beside exact parts: beside a
      // constant written to a few digits, its rounding would hide a factor (`3.14 * 1.0001`).
      plainFractions = true;
      continue;
    }
    const precision = writtenPrecision(part);
    if (precision) tolerance += precision.lastPlace / Math.abs(partValue);
  }
  if (plainFractions && tolerance > 1e-9) return undefined;
  // A sign is no part of a constant (`-2 * Math.PI`), as for a literal written alone (`-3.14159`).
  const magnitude = Math.abs(value);
  for (const { constant, targets } of MATCHERS) {
    if (
      targets.some((t) => Math.abs(magnitude - Math.abs(t)) <= Math.abs(t) * tolerance) &&
      inContext(constant, "", statementText, commentText)
    )
      return constant;
  }
  // A unit factor with a metric prefix (`1000 * 60 * 60 * 24`, milliseconds per day), or a unit's
  // definition read the other way with one (`1000 / 0.9144`, yards per kilometre): folded from
  // exact parts, so no rounding can hide a factor.
  for (let exponent = -12; exponent <= 12; exponent++) {
    const scaled = magnitude / 10 ** exponent;
    for (const inverse of [false, true]) {
      if (exponent === 0 && !inverse) continue;
      const target = inverse ? 1 / scaled : scaled;
      const unit = MATCHERS.find(
        ({ constant }) =>
          constant.source === UNIT &&
          constant.match.exact &&
          // Read the other way, only a definition with digits to match (0.9144 m per yard): `1000 / 60` is no unit.
          (!inverse || !Number.isInteger(constant.value)) &&
          Math.abs(target - constant.value) <= constant.value * 1e-12 &&
          inContext(constant, "", statementText, commentText),
      );
      if (unit)
        return {
          ...unit.constant,
          key: `${inverse ? "1/" : ""}${unit.constant.key}*1e${exponent}`,
          name: `${inverse ? `1 / (${unit.constant.name})` : unit.constant.name}${exponent === 0 ? "" : ` × 10^${exponent}`}`,
          constantName: undefined,
        };
    }
  }
  return simpleMultipleOfPi(magnitude, tolerance);
}

/** The largest numerator and denominator of a "simple" multiple of π (SPEC section 3: `3 * Math.PI`, `5 * Math.PI / 6`). */
const PI_RATIO_LIMIT = 12;

/**
 * π times a ratio of small whole numbers, folded from exact parts (`3 * Math.PI`, `8 * Math.PI`,
 * `5 * Math.PI / 6`): the simple multiples and ratios SPEC section 3 counts as known, beyond
 * the ones the table names.
 */
function simpleMultipleOfPi(magnitude: number, tolerance: number): KnownConstant | undefined {
  const ratio = magnitude / Math.PI;
  for (let denominator = 1; denominator <= PI_RATIO_LIMIT; denominator++) {
    const numerator = Math.round(ratio * denominator);
    if (numerator < 1) continue;
    if (Math.abs(ratio * denominator - numerator) > numerator * tolerance) continue;
    const divisor = gcd(numerator, denominator);
    const [n, d] = [numerator / divisor, denominator / divisor];
    if (n > PI_RATIO_LIMIT) return undefined;
    const name = `${n === 1 ? "" : n}π${d === 1 ? "" : `/${d}`}`;
    return { key: `pi*${n}/${d}`, name, value: (n * Math.PI) / d, source: MATH, match: exact };
  }
  return undefined;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
