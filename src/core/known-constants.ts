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
  /** Earlier accepted values (an older CODATA adjustment) that also match. */
  alternates?: number[];
  /** Only recognised when the same statement also mentions π (180 for degrees). */
  requiresPi?: boolean;
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
/** A parsec is 648000/π astronomical units (IAU 2015 Resolution B2). */
const PARSEC_M = (648000 / Math.PI) * 1.495978707e11;

const irrational = (minDigits: number) => ({ exact: false as const, minDigits });
const exact = { exact: true as const };

export const KNOWN_CONSTANTS: readonly KnownConstant[] = [
  // Mathematics
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
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "PLANCK_H",
  },
  {
    key: "hbar",
    name: "reduced Planck constant ħ [J s]",
    value: 1.054571817e-34,
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "HBAR",
  },
  {
    key: "qe",
    name: "elementary charge e [C] (also J per eV)",
    value: 1.602176634e-19,
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "ELEMENTARY_CHARGE",
  },
  {
    key: "kB",
    name: "Boltzmann constant k_B [J/K]",
    value: 1.380649e-23,
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "BOLTZMANN_K",
  },
  {
    key: "kB-eV",
    name: "Boltzmann constant k_B [eV/K]",
    value: 8.617333262e-5,
    source: CODATA,
    match: irrational(3),
    constantName: "BOLTZMANN_K_EV",
  },
  {
    key: "NA",
    name: "Avogadro constant N_A [1/mol]",
    value: 6.02214076e23,
    source: CODATA_EXACT,
    match: irrational(3),
    constantName: "AVOGADRO",
  },
  {
    key: "G",
    name: "Newtonian constant of gravitation G [m³/(kg s²)]",
    value: 6.6743e-11,
    alternates: [6.67408e-11, 6.67384e-11],
    source: CODATA,
    match: irrational(3),
    constantName: "GRAVITATIONAL_G",
  },
  {
    key: "sigmaSB",
    name: "Stefan–Boltzmann constant σ [W/(m² K⁴)]",
    value: 5.670374419e-8,
    source: CODATA,
    match: irrational(3),
    constantName: "STEFAN_BOLTZMANN",
  },
  {
    key: "eps0",
    name: "vacuum permittivity ε₀ [F/m]",
    value: 8.8541878128e-12,
    source: CODATA,
    match: irrational(3),
    constantName: "VACUUM_PERMITTIVITY",
  },
  {
    key: "mu0",
    name: "vacuum permeability μ₀ [N/A²]",
    value: 1.25663706212e-6,
    source: CODATA,
    match: irrational(3),
    constantName: "VACUUM_PERMEABILITY",
  },
  {
    key: "me",
    name: "electron mass m_e [kg]",
    value: 9.1093837015e-31,
    source: CODATA,
    match: irrational(3),
    constantName: "ELECTRON_MASS",
  },
  { key: "mp", name: "proton mass m_p [kg]", value: 1.67262192369e-27, source: CODATA, match: irrational(3), constantName: "PROTON_MASS" },
  {
    key: "mn",
    name: "neutron mass m_n [kg]",
    value: 1.67492749804e-27,
    source: CODATA,
    match: irrational(3),
    constantName: "NEUTRON_MASS",
  },
  {
    key: "u",
    name: "atomic mass constant m_u [kg]",
    value: 1.6605390666e-27,
    source: CODATA,
    match: irrational(3),
    constantName: "ATOMIC_MASS_UNIT",
  },
  {
    key: "alpha",
    name: "fine-structure constant α",
    value: 7.2973525693e-3,
    source: CODATA,
    match: irrational(3),
    constantName: "FINE_STRUCTURE_ALPHA",
  },
  {
    key: "1/alpha",
    name: "inverse fine-structure constant 1/α",
    value: 137.035999084,
    source: CODATA,
    match: irrational(5),
    constantName: "INVERSE_FINE_STRUCTURE",
  },
  {
    key: "R",
    name: "molar gas constant R [J/(mol K)]",
    value: 8.314462618,
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
  { key: "F", name: "Faraday constant F [C/mol]", value: 96485.33212, source: CODATA_EXACT, match: irrational(4), constantName: "FARADAY" },

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

  // Unit factors
  { key: "s/min", name: "seconds per minute", value: 60, source: UNIT, match: exact, constantName: "SECONDS_PER_MINUTE" },
  { key: "s/h", name: "seconds per hour", value: 3600, source: UNIT, match: exact, constantName: "SECONDS_PER_HOUR" },
  { key: "s/day", name: "seconds per day", value: 86400, source: UNIT, match: exact, constantName: "SECONDS_PER_DAY" },
  {
    key: "deg",
    name: "180° (degrees in π radians)",
    value: 180,
    source: UNIT,
    match: exact,
    requiresPi: true,
  },
  { key: "celsius", name: "0 °C in kelvin", value: 273.15, source: UNIT, match: exact, constantName: "ZERO_CELSIUS_K" },
  { key: "atm", name: "standard atmosphere [Pa]", value: 101325, source: UNIT, match: exact, constantName: "STANDARD_ATMOSPHERE_PA" },
  { key: "inch", name: "centimetres per inch", value: 2.54, source: UNIT, match: exact, constantName: "CM_PER_INCH" },
  { key: "foot", name: "metres per foot", value: 0.3048, source: UNIT, match: exact, constantName: "M_PER_FOOT" },
  { key: "mile", name: "metres per mile", value: 1609.344, source: UNIT, match: exact, constantName: "M_PER_MILE" },
  { key: "pound", name: "kilograms per pound", value: 0.45359237, source: UNIT, match: exact, constantName: "KG_PER_POUND" },
  { key: "calorie", name: "joules per thermochemical calorie", value: 4.184, source: UNIT, match: exact, constantName: "J_PER_CALORIE" },
  { key: "kmh", name: "km/h per m/s", value: 3.6, source: UNIT, match: exact, constantName: "KMH_PER_MS" },
];

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

const PI_MENTION = /\bMath\.PI\b|\bpi\b|\bPI\b|π|\bM_PI\b|3\.14/;

/**
 * The known constant a literal writes, if any. `statementText` is the literal's
 * statement, used for constants that only count beside π.
 */
export function matchKnownConstant(text: string, value: number, statementText: string): KnownConstant | undefined {
  if (!Number.isFinite(value) || value === 0) return undefined;
  const precision = writtenPrecision(text);
  if (!precision) return undefined;
  for (const { constant, targets } of MATCHERS) {
    if (Math.sign(value) !== Math.sign(constant.value) && constant.match.exact) continue;
    let hit: boolean;
    if (constant.match.exact) {
      hit = targets.some((t) => Math.abs(Math.abs(value) - t) <= t * 1e-15);
    } else {
      const minDigits = constant.match.minDigits;
      hit = precision.digits >= minDigits && targets.some((t) => matchesAtPrecision(value, t, precision.lastPlace));
    }
    if (!hit) continue;
    if (constant.requiresPi && !PI_MENTION.test(statementText.replace(text, ""))) continue;
    return constant;
  }
  return undefined;
}

/**
 * The known constant an expression of literals folds to (`Math.PI / 180`, `2 * 3.14159`,
 * `60 * 60`). Only an expression built of known things is one: every literal in it an exact
 * integer or itself a known constant as written, so `3.14 * 1.002` is no π. The value then
 * matches to the precision of its least precise part.
 */
export function matchKnownValue(value: number, parts: readonly string[], statementText = ""): KnownConstant | undefined {
  if (!Number.isFinite(value) || value === 0) return undefined;
  let tolerance = 1e-9;
  for (const part of parts) {
    const isInteger = /^[-+]?\d[\d_]*$/.test(part);
    if (isInteger) continue;
    const partValue = Number(part.replace(/_/g, ""));
    if (!matchKnownConstant(part, partValue, statementText)) return undefined;
    const precision = writtenPrecision(part);
    if (precision) tolerance += precision.lastPlace / Math.abs(partValue);
  }
  for (const { constant, targets } of MATCHERS) {
    if (targets.some((t) => Math.abs(value - t) <= Math.abs(t) * tolerance)) return constant;
  }
  // A unit factor with a metric prefix (`1000 * 60 * 60 * 24`, milliseconds per day).
  for (let exponent = -12; exponent <= 12; exponent++) {
    if (exponent === 0) continue;
    const scaled = value / 10 ** exponent;
    const unit = MATCHERS.find(
      ({ constant }) => constant.source === UNIT && constant.match.exact && Math.abs(scaled - constant.value) <= constant.value * 1e-12,
    );
    if (unit)
      return {
        ...unit.constant,
        key: `${unit.constant.key}*1e${exponent}`,
        name: `${unit.constant.name} × 10^${exponent}`,
        constantName: undefined,
      };
  }
  return undefined;
}
