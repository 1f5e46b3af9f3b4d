/**
 * Findings and their statuses (SPEC section 4), built from a literal site and what the
 * change did to it. One function decides a literal's status; everything reports from it.
 */
import type { Config } from "./config.js";
import { valueExemption } from "./exemptions.js";
import { judgeJustification, type Justification } from "./justification.js";
import { matchKnownConstant } from "./known-constants.js";
import type { LanguageAdapter, LiteralSite } from "./literal.js";
import type { Role } from "./roles.js";

export type Status = "unjustified" | "untagged" | "weak" | "retuned" | "justified" | "known-constant" | "allowed" | "overridden";

export const BLOCKING_STATUSES: readonly Status[] = ["unjustified", "untagged", "weak", "retuned"];
export const STATUSES: readonly Status[] = [...BLOCKING_STATUSES, "justified", "known-constant", "allowed", "overridden"];

export const isBlocking = (status: Status): boolean => BLOCKING_STATUSES.includes(status);

/** A maintainer's recorded exception for one literal (granted through the GitHub App). */
export interface Override {
  path: string;
  /** The literal as written when the exception was granted; it lapses when this changes. */
  literal: string;
  /** The line's shape when granted, so the exception follows the code if lines shift. */
  shape?: string;
  line: number;
  by: string;
  at: string;
  reason: string;
}

export interface Finding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  literal: string;
  value: number;
  role: Role;
  status: Status;
  blocking: boolean;
  message: string;
  /** How to fix it: the annotation to write, or what else to do. */
  fix: string | null;
  justification: string | null;
  /** Old source text of a retuned literal. */
  previous: string | null;
  /** Whether the covering justification changed along with a retuned value. */
  justificationChanged: boolean | null;
  knownConstant: { name: string; source: string; suggestion: string | null } | null;
  override: { by: string; at: string; reason: string } | null;
  /** Shape of the literal's line (lets an exception follow the code). */
  shape: string;
}

/** What the change did to a literal that stands on an added line. */
export interface Previous {
  site: LiteralSite;
  justification: Justification | null;
}

const FIX_ANNOTATION = (tag: string) =>
  `add a comment on the line above: \`// ${tag}: <the physical quantity this is, with a reference such as Eq. (3.4) or arXiv:YYMM.NNNNN>\`, or compute the value from named physical quantities`;

export function classify(
  path: string,
  site: LiteralSite,
  role: Role,
  previous: Previous | null,
  config: Config,
  adapter: LanguageAdapter,
  overrides: readonly Override[],
): Finding {
  const tag = config.tags[0] ?? "@physics";
  const verdict = judgeJustification(site.comments, config);
  const justification = verdict.justification;
  const base: Omit<Finding, "status" | "blocking" | "message" | "fix"> = {
    path,
    line: site.line,
    column: site.column,
    endLine: site.endLine,
    endColumn: site.endColumn,
    literal: site.text,
    value: site.value,
    role,
    justification: justification?.text ?? null,
    previous: previous ? previous.site.text : null,
    justificationChanged: null,
    knownConstant: null,
    override: null,
    shape: site.shape,
  };
  const make = (status: Status, message: string, fix: string | null, extra: Partial<Finding> = {}): Finding =>
    applyOverride({ ...base, ...extra, status, blocking: isBlocking(status), message, fix }, overrides);

  if (config.knownConstants) {
    const constant = matchKnownConstant(site.text, site.value, site.statementText);
    if (constant) {
      const suggestion = adapter.namedForm(constant.key) ?? constant.suggestion ?? null;
      return make(
        "known-constant",
        `${site.text} is ${constant.name} [${constant.source}]`,
        suggestion ? `use the named form \`${suggestion}\`` : null,
        { knownConstant: { name: constant.name, source: constant.source, suggestion } },
      );
    }
  }

  const justified = justification !== null && !verdict.untagged && verdict.problems.length === 0;
  const acceptedUntagged = justification !== null && verdict.untagged && !config.requireTag && verdict.problems.length === 0;

  if (previous) {
    const before = normalise(previous.justification?.text);
    const after = normalise(justification?.text);
    const changed = before !== after;
    const extra = { justificationChanged: changed };
    if (!changed) {
      return make(
        "retuned",
        `${site.text} was ${previous.site.text} here and its justification did not change: a coefficient cannot move while its physics stays the same`,
        `explain the new value in the ${tag} justification (what changed physically, with a reference), or restore ${previous.site.text}`,
        extra,
      );
    }
    return judged(site, role, verdict, justified || acceptedUntagged, tag, config, make, extra, true);
  }
  return judged(site, role, verdict, justified || acceptedUntagged, tag, config, make, {}, false);
}

function judged(
  site: LiteralSite,
  role: Role,
  verdict: ReturnType<typeof judgeJustification>,
  accepted: boolean,
  tag: string,
  config: Config,
  make: (status: Status, message: string, fix: string | null, extra?: Partial<Finding>) => Finding,
  extra: Partial<Finding>,
  retuned: boolean,
): Finding {
  const justification = verdict.justification;
  if (accepted) return make("justified", `${site.text} is justified: ${justification!.text}`, null, extra);
  if (!retuned) {
    const exemption = valueExemption(site, role, config);
    if (exemption) return make("allowed", `${site.text} needs no justification: ${exemption}`, null, extra);
  }
  if (justification === null) {
    return make("unjustified", `${site.text} has no ${tag} justification`, FIX_ANNOTATION(tag), extra);
  }
  if (verdict.untagged && config.requireTag) {
    return make(
      "untagged",
      `${site.text} has a comment but no ${tag} tag`,
      `start the comment with \`${tag}:\` if it states the physics (quality rules apply), or ${FIX_ANNOTATION(tag)}`,
      extra,
    );
  }
  return make(
    "weak",
    `the ${tag} justification of ${site.text} is not accepted: ${verdict.problems.join("; ")}`,
    `rewrite it to name the physical quantity and where it comes from (at least ${config.justification.minWords} words${config.justification.requireReference ? ", with a reference" : ""}); a factor fitted to pass tests is a patch`,
    extra,
  );
}

function normalise(text: string | undefined | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim().toLowerCase();
}

function applyOverride(finding: Finding, overrides: readonly Override[]): Finding {
  if (!finding.blocking || overrides.length === 0) return finding;
  const match = overrides.find(
    (o) => o.path === finding.path && o.literal === finding.literal && (o.shape ? o.shape === finding.shape : o.line === finding.line),
  );
  if (!match) return finding;
  return {
    ...finding,
    status: "overridden",
    blocking: false,
    message: `${finding.literal} was allowed by @${match.by} on ${match.at}: ${match.reason} (would be ${finding.status})`,
    fix: null,
    override: { by: match.by, at: match.at, reason: match.reason },
  };
}
