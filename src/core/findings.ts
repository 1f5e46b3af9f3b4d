/**
 * Findings and their statuses (SPEC section 4), built from a literal site and what the
 * change did to it. One function decides a literal's status; everything reports from it.
 */
import type { Config } from "./config.js";
import { valueExemption } from "./exemptions.js";
import { judgeJustification, type Justification, type JustificationVerdict } from "./justification.js";
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

/** A status and what to say about it, before it is dressed as a finding. */
interface Judgement {
  status: Status;
  message: string;
  fix: string | null;
}

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
  let knownConstant: Finding["knownConstant"] = null;
  let justificationChanged: boolean | null = null;
  let justification: Justification | null = null;
  let judgement: Judgement;

  const constant = config.knownConstants ? matchKnownConstant(site.text, site.value, site.statementText) : undefined;
  if (constant) {
    const suggestion = adapter.namedForm(constant.key) ?? constant.suggestion ?? null;
    knownConstant = { name: constant.name, source: constant.source, suggestion };
    judgement = {
      status: "known-constant",
      message: `${site.text} is ${constant.name} [${constant.source}]`,
      fix: suggestion ? `use the named form \`${suggestion}\`` : null,
    };
  } else {
    const verdict = judgeJustification(site.comments, config);
    justification = verdict.justification;
    if (previous) {
      justificationChanged = normalise(previous.justification?.text) !== normalise(justification?.text);
    }
    judgement =
      previous && !justificationChanged
        ? {
            status: "retuned",
            message: `${site.text} was ${previous.site.text} here and its justification did not change: a coefficient cannot move while its physics stays the same`,
            fix: `explain the new value in the ${tag} justification (what changed physically, with a reference), or restore ${previous.site.text}`,
          }
        : judge(site, role, verdict, tag, config, previous !== null);
  }

  const finding: Finding = {
    path,
    line: site.line,
    column: site.column,
    endLine: site.endLine,
    endColumn: site.endColumn,
    literal: site.text,
    value: site.value,
    role,
    status: judgement.status,
    blocking: isBlocking(judgement.status),
    message: judgement.message,
    fix: judgement.fix,
    justification: justification?.text ?? null,
    previous: previous ? previous.site.text : null,
    justificationChanged,
    knownConstant,
    override: null,
    shape: "",
  };
  // The shape is only needed to match exceptions and fingerprints: read it for findings that report.
  if (finding.blocking || finding.status === "known-constant") finding.shape = site.shape;
  return finding.blocking && overrides.length > 0 ? applyOverride(finding, overrides) : finding;
}

/** The status a literal's justification earns (not a known constant, not an unchanged retune). */
function judge(site: LiteralSite, role: Role, verdict: JustificationVerdict, tag: string, config: Config, retuned: boolean): Judgement {
  const justification = verdict.justification;
  const accepted = justification !== null && verdict.problems.length === 0 && (!verdict.untagged || !config.requireTag);
  if (accepted) return { status: "justified", message: `${site.text} is justified: ${justification.text}`, fix: null };
  if (!retuned) {
    const exemption = valueExemption(site, role, config);
    if (exemption) return { status: "allowed", message: `${site.text} needs no justification: ${exemption}`, fix: null };
  }
  if (justification === null) {
    return { status: "unjustified", message: `${site.text} has no ${tag} justification`, fix: FIX_ANNOTATION(tag) };
  }
  if (verdict.untagged && config.requireTag) {
    return {
      status: "untagged",
      message: `${site.text} has a comment but no ${tag} tag`,
      fix: `start the comment with \`${tag}:\` if it states the physics (quality rules apply), or ${FIX_ANNOTATION(tag)}`,
    };
  }
  return {
    status: "weak",
    message: `the ${tag} justification of ${site.text} is not accepted: ${verdict.problems.join("; ")}`,
    fix: `rewrite it to name the physical quantity and where it comes from (at least ${config.justification.minWords} words${config.justification.requireReference ? ", with a reference" : ""}); a factor fitted to pass tests is a patch`,
  };
}

function normalise(text: string | undefined | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** A blocking finding that a recorded exception matches becomes `overridden`. */
export function applyOverride(finding: Finding, overrides: readonly Override[]): Finding {
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
