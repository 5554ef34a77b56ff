/**
 * `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning. One run,
 * metadata for every rule of the catalogue, file locations relative to
 * `%SRCROOT%` (the folder finding paths are relative to: `align check` makes
 * it the repository root), absolute file URIs for files outside it.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, PROJECT_URI, ruleDocUrlAt, type Finding, type FindingSeverity, type RuleInfo } from '../../language/rules.js';
import { findingFingerprints } from './fingerprint.js';
import type { Formatter, SuppressedFinding, Suppression } from './types.js';
import { sortFindings } from './sort.js';

export const INFORMATION_URI = PROJECT_URI;
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** The `partialFingerprints` key; bump the version when the hash input changes (v1 hashed rule, file and message). */
export const FINGERPRINT_KEY = 'alignFindingIdentity/v1';

/** SARIF `level` of each severity. */
export const SARIF_LEVELS: Record<FindingSeverity, 'error' | 'warning' | 'note'> = {
    error: 'error', warning: 'warning', info: 'note',
};

/** `objective-without-kpi` -> `ObjectiveWithoutKpi`. */
export function pascalCase(id: string): string {
    return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map(w => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * The SARIF `name` of a rule: its id in PascalCase. The Multitool (SARIF1001)
 * rejects a name equal to the id ignoring case, so one-word ids get a prefix:
 * `syntax` -> `AlignSyntax`.
 */
export function ruleName(id: string): string {
    const name = pascalCase(id);
    return name.toLowerCase() === id.toLowerCase() ? `Align${name}` : name;
}

/**
 * The documentation page of a rule as released with `version`: at the tag
 * `v<version>` (the tags the action is used by, `align-lang/align@v0.1.0`),
 * so that a log links to the rules that made it, not to later edits on `main`.
 */
export function ruleHelpUri(id: string, version: string): string {
    return ruleDocUrlAt(id, `v${version}`);
}

function ruleDescriptor(rule: RuleInfo<string>, version: string) {
    const helpUri = ruleHelpUri(rule.id, version);
    return {
        id: rule.id,
        name: ruleName(rule.id),
        shortDescription: { text: rule.description },
        fullDescription: { text: `${rule.description} Reported at: ${rule.marks}.` },
        help: { text: rule.help, markdown: `${rule.help}\n\nSee [${rule.id}](${helpUri}).` },
        helpUri,
        defaultConfiguration: { level: SARIF_LEVELS[rule.defaultSeverity] },
        properties: { tags: ['align', rule.configurable ? 'alignment' : 'builtin'] },
    };
}

/** A rule the catalogue does not know (a newer validator): still described, never dropped. */
function unknownRule(id: string): RuleInfo<string> {
    return {
        id, defaultSeverity: 'warning', marks: 'the reported range', description: `Align rule ${id}.`,
        help: `See the documentation of ${id}.`, configurable: true,
    };
}

/**
 * The artifact location of a finding's file: a relative URI reference
 * against `%SRCROOT%`, each segment percent-encoded (spaces, `#`, `?`, and
 * `:` which would otherwise read as a scheme); absolute paths as file URIs.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
    if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
    // Findings name files with `/` on every system (cli/shown-path.ts): a backslash is part of a POSIX file's name (`%5C`).
    return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The base URI of `%SRCROOT%`: a folder (default: the current one) as a file URI ending in `/`. */
export function srcRootUri(cwd = process.cwd()): string {
    const href = pathToFileURL(cwd).href;
    return href.endsWith('/') ? href : href + '/';
}

/**
 * The text of a SARIF `message` object: a `{` or `}` doubled, and a `]`
 * before `(` escaped. SARIF 2.1.0 §3.11.5 ("Messages with placeholders")
 * makes `{0}` a placeholder that a viewer replaces with an argument, and
 * requires literal braces in plain text and formatted message strings to be
 * written `{{` and `}}`, whether the message has `arguments` or not (Align's
 * have none). §3.11.6 ("Messages with embedded links") makes `[text](0)` in
 * a plain text message a link to the location whose `id` is 0 (or to a URI),
 * and requires a literal `[` or `]` in a link's text to be written `\[` or
 * `\]`: a `]` before `(` (where a link's text would end) gets a backslash,
 * unless an odd run of backslashes already escapes it, so that no link
 * forms; brackets elsewhere stay as they are (§3.11.6 allows them). A title
 * or a CSV path in a message may hold braces and brackets. Rule descriptions
 * and help are `multiformatMessageString`s, which §3.12 leaves as they are.
 */
export function sarifMessageText(text: string): string {
    return text.replace(/[{}]/g, brace => brace + brace)
        .replace(/(\\*)\](?=\()/g, (bracket, backslashes: string) => backslashes.length % 2 === 0 ? `${backslashes}\\]` : bracket);
}

/** A 1-based region that SARIF accepts: positive, and never ending before it starts. */
function region(f: Finding) {
    const startLine = Math.max(1, f.line);
    const startColumn = Math.max(1, f.column);
    const endLine = Math.max(startLine, f.endLine);
    const endColumn = endLine === startLine ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
    return { startLine, startColumn, endLine, endColumn };
}

/** A SARIF `suppressions` entry: accepted, as align never reports the finding. */
function suppressionOf(s: Suppression) {
    return { kind: s.kind, status: 'accepted', ...(s.justification === undefined ? {} : { justification: s.justification }) };
}

/**
 * Builds the SARIF log object (see {@link formatSarif} for the text). The
 * `suppressed` findings are results too, with `suppressions`; fingerprints
 * count them, so a finding keeps its fingerprint when it is suppressed.
 */
export function sarifLog(findings: readonly Finding[], toolVersion: string, root = process.cwd(), suppressed: readonly SuppressedFinding[] = []) {
    const rules: Array<RuleInfo<string>> = [...ALL_RULES];
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const sorted = sortFindings([...findings, ...suppressed]) as Array<Finding | SuppressedFinding>;
    const fingerprints = findingFingerprints(sorted);
    const results = sorted.map((f, i) => {
        if (!index.has(f.rule)) index.set(f.rule, rules.push(unknownRule(f.rule)) - 1);
        return {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule)!,
            level: SARIF_LEVELS[f.severity],
            message: { text: sarifMessageText(f.message) },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file), region: region(f) } }],
            // From the finding's identity (rule, model path, message key), never its line: code scanning tracks it across commits.
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i]! },
            ...('suppression' in f ? { suppressions: [suppressionOf(f.suppression)] } : {}),
        };
    });
    return {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'align', version: toolVersion, semanticVersion: toolVersion,
                    informationUri: INFORMATION_URI, rules: rules.map(r => ruleDescriptor(r, toolVersion)),
                },
            },
            invocations: [{ executionSuccessful: true }],
            originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(root) } },
            results,
            columnKind: 'utf16CodeUnits',
        }],
    };
}

/**
 * GitHub code scanning's limits on one run (docs.github.com, "SARIF results
 * exceed limit"): it stores the first `stored` results by severity and
 * rejects an upload of more than `accepted`.
 */
export const CODE_SCANNING_LIMITS = { stored: 5_000, accepted: 25_000 } as const;

/** Above this many results the log is written without indentation: a tenth of the size, under the upload's 10 MB. */
export const INDENTED_RESULTS = 1_000;

/** Formats findings (and the suppressed ones of the context) as a SARIF 2.1.0 log: indented for reading, compact when it is large. */
export const formatSarif: Formatter = (findings, ctx) => {
    const suppressed = ctx.suppressed ?? [];
    const compact = findings.length + suppressed.length > INDENTED_RESULTS;
    return JSON.stringify(sarifLog(findings, ctx.toolVersion, ctx.root, suppressed), null, compact ? undefined : 2) + '\n';
};

/** What a SARIF log of `results` results meets in GitHub code scanning, as a line of at most 80 columns for standard error (undefined when nothing). */
export function codeScanningNotice(results: number): string | undefined {
    const count = results.toLocaleString('en-US');
    if (results > CODE_SCANNING_LIMITS.accepted) return `align: ${count} SARIF results; code scanning rejects over ${CODE_SCANNING_LIMITS.accepted.toLocaleString('en-US')} (try --baseline)`;
    if (results > CODE_SCANNING_LIMITS.stored) return `align: ${count} SARIF results; code scanning keeps ${CODE_SCANNING_LIMITS.stored.toLocaleString('en-US')} (try --baseline)`;
    return undefined;
}
