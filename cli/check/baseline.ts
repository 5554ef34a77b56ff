/**
 * Baselines: `align check --write-baseline FILE` records the current
 * findings; `align check --baseline FILE` reports only the findings that
 * are not in it. Findings are matched by identity (language/identity: rule,
 * model path of the element, message key), never by line, and counted:
 * fixing one finding and adding another of the same rule elsewhere reports
 * the new one. A renamed element has a new model path: its findings are new.
 *
 * The file is JSON, sorted, one entry per identity with its count, so that
 * it diffs well in review:
 *   { "baseline": "align", "version": 1, "paths": "workspace-root", "findings": [
 *     { "rule": "objective-without-kpi", "element": "DiscoveryBootcamp.KnowTheProduct", "key": "", "count": 1,
 *       "file": "sales-win-rate.align", "message": "Objective 'KnowTheProduct' reaches no metric. ..." } ] }
 * `file` identifies findings outside every declaration (syntax errors,
 * settings problems) and is informative for the others; `message` is informative.
 * `file` is relative to the workspace root (baseline-root.ts) with `/`
 * separators (a file outside the root by its absolute path), so that a
 * baseline written in one folder matches a check run from another; with
 * `"paths": "baseline-folder"` (nothing marks the workspace root: no
 * settings file, lock file or repository) relative to the baseline's own
 * folder instead. A baseline without `"paths"` (align wrote those before)
 * names files relative to the folder it was written from: they are read as
 * relative to the current folder, as then.
 */
import { readRegularFileSync } from '../workspace/read-regular-file.js';
import { identityText, matchByIdentity, type IdentifiedFinding } from '../../language/identity/finding-identity.js';
import type { Finding } from '../../language/rules.js';
import { writeOutputFile } from '../graph/write-output.js';
import { describeCode, InputError } from '../workspace/input-error.js';
import { escapeControls } from '../../language/present/controls.js';
import { BASELINE_PATHS, type BaselinePaths } from './baseline-root.js';

/** More findings of one identity than this is not a baseline align wrote. */
const MAX_COUNT = 1_000_000;

/**
 * How a baseline names the file of a finding, given as findings name it
 * (relative to the current folder): relative to the workspace root.
 */
export type BaselineName = (file: string) => string;

/** One identity of the baseline. */
export interface BaselineEntry {
    rule: string;
    /** Model path of the element; absent outside every declaration. */
    element?: string;
    /** The message key; absent for a finding that has no identity (a settings problem). */
    key?: string;
    count: number;
    /** Relative to the workspace root, `/` separators (see {@link BaselineName}). */
    file: string;
    message: string;
}

/** What applying a baseline gives. */
export interface BaselineResult {
    /** Findings not in the baseline: the ones to report. */
    fresh: Finding[];
    /** Findings the baseline holds: not reported (`sarif` shows them as suppressed). */
    held: Finding[];
    matched: number;
    /** Baseline findings of files this run read that no longer occur (fixed, or their element renamed). */
    gone: number;
    /** Baseline findings of files this run did not read (a check of some of the paths): neither matched nor gone. */
    unchecked: number;
}

/** Writes the baseline of `findings` to `file`, their files named by `nameOf` as `paths` says. */
export function writeBaseline(file: string, findings: readonly Finding[], paths: BaselinePaths, nameOf: BaselineName): void {
    const entries = new Map<string, BaselineEntry>();
    for (const finding of findings) {
        const f = { ...finding, file: nameOf(finding.file) };
        const text = identityText(f);
        const entry = entries.get(text);
        if (entry) entry.count++;
        else entries.set(text, { rule: f.rule, element: f.identity?.element, key: f.identity?.key, count: 1, file: f.file, message: f.message });
    }
    const sorted = [...entries.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, e]) => e);
    const text = JSON.stringify({ baseline: 'align', version: 1, paths, findings: sorted }, null, 2) + '\n';
    writeOutputFile(file, text, '--write-baseline');
}

/**
 * Reads a baseline file: its entries, their files named by the `nameOf`
 * that `naming` gives for its `"paths"`, and that `nameOf`. The files of a
 * baseline without `"paths"` (relative to the folder it was written from)
 * are taken as relative to the current folder. A missing or malformed file
 * is an InputError naming it.
 */
export function readBaseline(file: string, naming: (paths: BaselinePaths | undefined) => BaselineName): { entries: BaselineEntry[]; nameOf: BaselineName } {
    let text: string;
    try {
        text = readRegularFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(`--baseline ${file}: ${code === 'ENOENT' ? 'no such file (write one with --write-baseline)' : `cannot be read (${describeCode(code, error)})`}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        // JSON.parse quotes the text around the error: its control characters are written `\xHH`, not sent to the terminal.
        throw new InputError(`--baseline ${file}: not valid JSON (${escapeControls((error as Error).message)})`);
    }
    const findings = (parsed as { baseline?: unknown; version?: unknown; paths?: unknown; findings?: unknown } | null);
    if (!findings || findings.baseline !== 'align' || findings.version !== 1 || !Array.isArray(findings.findings)) {
        throw new InputError(`--baseline ${file}: not an align baseline (expected {"baseline": "align", "version": 1, "findings": [...]})`);
    }
    const paths = findings.paths;
    if (paths !== undefined && !BASELINE_PATHS.includes(paths as BaselinePaths)) {
        throw new InputError(`--baseline ${file}: "paths" must be "workspace-root" (files relative to the workspace root), "baseline-folder" (relative to the baseline's folder), or absent (relative to the current folder)`);
    }
    const entries = findings.findings.map((entry, i) => checkedEntry(entry, i, file));
    const nameOf = naming(paths as BaselinePaths | undefined);
    return { entries: paths !== undefined ? entries : entries.map(e => ({ ...e, file: nameOf(e.file) })), nameOf };
}

function checkedEntry(entry: unknown, index: number, file: string): BaselineEntry {
    const e = entry as Partial<Record<keyof BaselineEntry, unknown>> | null;
    const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
    if (!e || typeof e.rule !== 'string' || typeof e.file !== 'string' || typeof e.message !== 'string'
        || !optionalText(e.element) || !optionalText(e.key) || !Number.isSafeInteger(e.count) || (e.count as number) < 1 || (e.count as number) > MAX_COUNT) {
        throw new InputError(`--baseline ${file}: finding ${index + 1} is malformed (needs rule, file, message, a count from 1 to 1,000,000, and text element and key)`);
    }
    return e as BaselineEntry;
}

/**
 * The findings that the baseline (as {@link readBaseline} gives it) does not
 * hold, and how many matched or are gone; `nameOf` names the findings' files
 * as the baseline does. A baseline finding that matches none is gone when
 * `read(file)` says this run read its file (named as the baseline names
 * files), else unchecked.
 */
export function applyBaseline(findings: readonly Finding[], baseline: readonly BaselineEntry[], read: (file: string) => boolean, nameOf: BaselineName): BaselineResult {
    const previous: IdentifiedFinding[] = baseline.flatMap(e => Array.from({ length: e.count }, () => ({
        rule: e.rule, file: e.file, message: e.message,
        identity: e.key === undefined ? undefined : e.element === undefined ? { key: e.key } : { element: e.element, key: e.key }
    })));
    const match = matchByIdentity(findings, previous, f => identityText({ ...f, file: nameOf(f.file) }), identityText);
    const fresh = new Set(match.added);
    const gone = match.removed.filter(f => read(f.file)).length;
    return { fresh: match.added, held: findings.filter(f => !fresh.has(f)), matched: match.matched, gone, unchecked: match.removed.length - gone };
}
