/**
 * Shared types of the `align check` output formatters.
 */
import type { Finding } from '../../language/rules.js';

/** What a formatter needs to know besides the findings. */
export interface FormatContext {
    /** The version of the align tool, e.g. `0.1.0`. */
    toolVersion: string;
    /** True to emit ANSI colour codes (only `pretty` uses it). */
    color: boolean;
    /** How many files the check read, for summaries. */
    filesChecked: number;
    /** Columns to fit (`pretty`): the terminal's width, 80 when not writing to a terminal. */
    width: number;
    /** The folder the finding paths are relative to (`sarif`: `%SRCROOT%`); default: the current folder. */
    root?: string;
    /** Findings the baseline holds (`--baseline`) or that were just recorded in it (`--write-baseline`): `pretty` says no problem is new, not that there is none. */
    baselined?: number;
    /** Findings suppressed by a comment or held by the baseline: only `sarif` shows them (as suppressed results). */
    suppressed?: readonly SuppressedFinding[];
}

/** How a finding was suppressed: SARIF's `suppression.kind` (`inSource`: a comment, `external`: the baseline) and why. */
export interface Suppression {
    kind: 'inSource' | 'external';
    justification?: string;
}

/** A finding left out of the report and of the exit status, with its suppression. */
export interface SuppressedFinding extends Finding {
    suppression: Suppression;
}

/**
 * Turns findings into the complete text to write to stdout. The text ends
 * with a newline unless it is empty (`github` prints nothing when there is
 * no finding), so callers should use `process.stdout.write`, not `console.log`.
 */
export type Formatter = (findings: readonly Finding[], ctx: FormatContext) => string;

/** The values of `align check --format`. */
export const FORMATS = ['pretty', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;

/** One of {@link FORMATS}. */
export type FormatName = typeof FORMATS[number];

/** True when `value` names a known format. */
export function isFormatName(value: unknown): value is FormatName {
    return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}
