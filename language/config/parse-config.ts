import { SEVERITIES, isConfigurableRule, isRuleSeverity, type RuleSeverities } from '../rules.js';
import { DEFAULT_MAX_LAGGING_KPIS, DEFAULT_MAX_PILOT_DAYS, type AlignSettings } from './align-settings.js';
import { notConfigurableMessage, SETTINGS_SUGGESTION } from './config-hints.js';
import { didYouMean } from '../text/suggest.js';
import { readConfigJson } from './jsonc.js';
import { lineEnd, lineOfOffset, lineStarts } from '../line-starts.js';

/** The keys of `align.config.json`; `$schema` names the file's JSON schema for editors and is otherwise ignored. */
export const CONFIG_KEYS = ['$schema', 'extends', 'catalogs', 'templates', 'rules', 'maxLaggingKpis', 'maxPilotDays'] as const;
/** The keys a message lists: those that set something. */
const SETTING_KEYS = CONFIG_KEYS.filter(key => key !== '$schema');
const SEVERITY_LIST = SEVERITIES.map(s => `"${s}"`).join(', ');
const THRESHOLD_DEFAULTS: Record<'maxLaggingKpis' | 'maxPilotDays', number> = { maxLaggingKpis: DEFAULT_MAX_LAGGING_KPIS, maxPilotDays: DEFAULT_MAX_PILOT_DAYS };

/** The keys of `align.config.json` that name other files: packages or relative paths, as written. */
export interface ConfigReferences {
    extends?: string;
    catalogs?: string[];
    templates?: string;
}

export { configText } from './jsonc.js';

/** At most this many problems are told per config file; one more says how many were left out. */
export const MAX_CONFIG_PROBLEMS = 100;

/**
 * Whether a problem of the workspace's config file says the file gave no
 * settings at all, so the defaults apply: text that is not JSON or not an
 * object (`parseAlignConfig`), a file that cannot be read (the command
 * line's `applyConfig`). Any other problem leaves the rest of the file in force.
 */
export function defaultsApply(message: string): boolean {
    return message.endsWith('; the defaults apply');
}

/** A problem of `align.config.json`, 1-based line and column. */
export interface ConfigProblem {
    readonly message: string;
    readonly line: number;
    readonly column: number;
    /** Past the JSON token the problem is on (a key with its quotes, a value), on the same line; unset: one character. */
    readonly endColumn?: number;
}

/**
 * Reads `align.config.json`, JSON with comments (jsonc.ts). Whatever is valid is kept; each unknown rule
 * id, unknown severity, bad number or unknown key is a problem (reported as
 * `config-invalid`) that says what to write instead; text that is not JSON
 * gives no settings at all. `ignored` ends the message of a file that gives
 * none: the defaults apply (the workspace's file), or its settings are not
 * merged (an extended file).
 */
export function parseAlignConfig(source: string, fileName = 'align.config.json', ignored = 'the defaults apply'): { settings: AlignSettings; problems: ConfigProblem[]; references: ConfigReferences } {
    // Positions are searched in `text`, the file with its comments blanked: a key in a comment is not the key.
    const read = readConfigJson(source);
    const text = read.text;
    if (!read.ok) return { settings: {}, references: {}, problems: [{ message: `${fileName} is not valid JSON: ${read.reason}; ${ignored}`, ...lineColumn(text, read.offset) }] };
    const json = read.value;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        const found = Array.isArray(json) ? 'a list' : JSON.stringify(json);
        return { settings: {}, references: {}, problems: [{ message: `${fileName} must hold a JSON object such as { "rules": { "metric-unused": "warning" } }, not ${found}; ${ignored}`, line: 1, column: 1 }] };
    }
    const settings: AlignSettings = {};
    const references: ConfigReferences = {};
    const problems = new ProblemList();
    const positions = new TextPositions(text);
    const at = (needle: string): { line: number; column: number } => positions.of(Math.max(0, text.indexOf(needle)));
    for (const [key, value] of Object.entries(json)) {
        if (key === 'rules') settings.rules = parseRules(value, problems, at, ruleFinder(text, positions));
        else if (key === 'extends' || key === 'templates') {
            if (typeof value === 'string' && value.trim() !== '') references[key] = value;
            else problems.add(() => ({ message: `"${key}" must be a package name or a relative path, one string such as "${key === 'extends' ? '@acme/align-standards' : './templates'}", not ${shown(value)}`, ...at(`"${key}"`) }));
        } else if (key === 'catalogs') {
            const list = typeof value === 'string' ? [value] : value;
            if (Array.isArray(list) && list.every(v => typeof v === 'string' && v.trim() !== '')) references.catalogs = list as string[];
            else problems.add(() => ({ message: `"catalogs" must be a list of package names or relative paths (e.g. ["@acme/kpi-catalog", "./kpis"]), not ${shown(value)}`, ...at('"catalogs"') }));
        }
        else if (key === '$schema') {
            if (typeof value !== 'string' || value.trim() === '') problems.add(() => ({ message: `"$schema" must be the path or URL of the file's JSON schema, such as "./node_modules/align-lang/docs/schemas/align-config.schema.json", not ${shown(value)}`, ...at('"$schema"') }));
        } else if (key === 'maxLaggingKpis' || key === 'maxPilotDays') {
            if (isThreshold(value)) settings[key] = value;
            else problems.add(() => ({ message: thresholdMessage(key, value), ...at(`"${key}"`) }));
        } else {
            problems.add(() => ({ message: `unknown key "${key}"${didYouMean(key, CONFIG_KEYS, SETTINGS_SUGGESTION) || '; remove it'} (the keys are ${SETTING_KEYS.map(k => `"${k}"`).join(', ')})`, ...at(`"${key}"`) }));
        }
    }
    return { settings, problems: problems.done(fileName), references };
}

/** The 1-based position of `"key"` in a config file's text, `configText(source)` (line 1, column 1 when it is not there). */
export function keyPosition(text: string, key: string): { line: number; column: number } {
    return lineColumn(text, Math.max(0, text.indexOf(`"${key}"`)));
}

/**
 * The positions of the rule ids of `"rules"`, in the order JSON.parse gives
 * them: each searched from the one before, so that a file of many ids is
 * read in linear time (searching each from the start made a large file take
 * minutes, and hang the language server).
 */
function ruleFinder(text: string, positions: TextPositions): (id: string) => { line: number; column: number } {
    let cursor = Math.max(0, text.indexOf('"rules"'));
    return id => {
        const needle = JSON.stringify(id);
        let found = text.indexOf(needle, cursor);
        if (found < 0) found = text.indexOf(needle); // an id JSON.parse moved (an integer-like key), or written with escapes
        if (found >= 0) cursor = found + needle.length;
        return positions.of(Math.max(0, found));
    };
}

function parseRules(value: unknown, problems: Pick<ProblemList, 'add'>, at: (needle: string) => { line: number; column: number }, ruleAt: (id: string) => { line: number; column: number }): RuleSeverities {
    const rules: RuleSeverities = {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.add(() => ({ message: `"rules" must be an object of rule id to severity, such as { "metric-unused": "warning" }, not ${shown(value)}`, ...at('"rules"') }));
        return rules;
    }
    for (const [id, severity] of Object.entries(value)) {
        if (!isConfigurableRule(id)) problems.add(() => ({ message: notConfigurableMessage(id), ...ruleAt(id) }));
        else if (!isRuleSeverity(severity)) problems.add(() => ({ message: severityMessage(id, severity), ...ruleAt(id) }));
        else rules[id] = severity;
    }
    return rules;
}

/** The keys of the editor's `align` section that rule the checks (`align.rules`, `align.maxLaggingKpis`, `align.maxPilotDays`). */
const EDITOR_RULE_KEYS = ['rules', 'maxLaggingKpis', 'maxPilotDays'] as const;
/**
 * The keys of the `align` section that are the VS Code extension's own
 * (`align.pull.command`, `align.preview.*`, `align.trace.server`: the
 * `contributes.configuration` of package.json; test/unit/editor-settings.test.ts
 * keeps them in step). VS Code sends them in the same section.
 */
export const EDITOR_OWN_KEYS = ['pull', 'preview', 'trace'] as const;

/**
 * Settings given as a value rather than a file (an editor's `align`
 * section): the valid parts, and what is wrong with the rest, in the words
 * of the config file's problems but without places. Missing keys are no
 * problem; an unknown key is (other editors have no settings schema to
 * underline a typo), the extension's own keys aside.
 */
export function settingsFromValue(section: unknown): { settings: AlignSettings; problems: string[] } {
    const settings: AlignSettings = {};
    const problems: string[] = [];
    if (section === undefined || section === null) return { settings, problems };
    if (typeof section !== 'object' || Array.isArray(section)) {
        return { settings, problems: [`the "align" settings must be an object, such as { "maxPilotDays": 90 }, not ${shown(section)}`] };
    }
    const value = section as Partial<Record<string, unknown>>;
    const nowhere = () => ({ line: 1, column: 1 });
    for (const key of Object.keys(value)) {
        if ((EDITOR_RULE_KEYS as readonly string[]).includes(key) || (EDITOR_OWN_KEYS as readonly string[]).includes(key)) continue;
        problems.push((CONFIG_KEYS as readonly string[]).includes(key)
            ? `"${key}" is read from align.config.json only, not from the editor's settings`
            : `unknown key "${key}"${didYouMean(key, [...EDITOR_RULE_KEYS, ...EDITOR_OWN_KEYS], SETTINGS_SUGGESTION) || '; remove it'} (the keys are ${EDITOR_RULE_KEYS.map(k => `"${k}"`).join(', ')})`);
    }
    if (value.rules !== undefined && value.rules !== null) settings.rules = parseRules(value.rules, { add: make => { problems.push(make().message); } }, nowhere, nowhere);
    for (const key of ['maxLaggingKpis', 'maxPilotDays'] as const) {
        const n = value[key];
        if (n === undefined || n === null) continue;
        if (isThreshold(n)) settings[key] = n;
        else problems.push(thresholdMessage(key, n));
    }
    return { settings, problems };
}

/** A value `maxLaggingKpis` or `maxPilotDays` may take: a whole number, 0 or more. */
function isThreshold(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function severityMessage(id: string, severity: unknown): string {
    const hint = typeof severity === 'string' ? didYouMean(severity, SEVERITIES, SETTINGS_SUGGESTION) : '';
    return `rule "${id}": unknown severity ${shown(severity)}${hint} (the severities are ${SEVERITY_LIST})`;
}

function thresholdMessage(key: 'maxLaggingKpis' | 'maxPilotDays', value: unknown): string {
    const example = `e.g. "${key}": ${THRESHOLD_DEFAULTS[key]} (the default)`;
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return `"${key}" must be a number, not the string ${JSON.stringify(value)}; write ${value.trim()} without quotes`;
    if (typeof value === 'number' && value < 0) return `"${key}" must be 0 or more, not ${value}; ${example}`;
    if (typeof value === 'number') return `"${key}" must be a whole number, not ${value}; ${example}`;
    return `"${key}" must be a whole number of 0 or more, not ${shown(value)}; ${example}`;
}

/** The problems of one file, the first MAX_CONFIG_PROBLEMS of them made (a message is only made when it is told). */
class ProblemList {
    private readonly told: ConfigProblem[] = [];
    private left = 0;
    private firstLeft: ConfigProblem | undefined;

    add(make: () => ConfigProblem): void {
        if (this.told.length < MAX_CONFIG_PROBLEMS) this.told.push(make());
        else if (this.left++ === 0) this.firstLeft = make();
    }

    done(fileName: string): ConfigProblem[] {
        if (!this.firstLeft) return this.told;
        return [...this.told, { ...this.firstLeft, message: `${this.left} more problems in ${fileName} from here on are not listed; fix the ones above and check again` }];
    }
}

/** A value as written in JSON, cut short when long. */
function shown(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * For `text` (`configText(source)`), the 1-based column just past the JSON
 * token at a 1-based line and column: a string with its quotes (to the
 * line's end when it is not closed), or a run of other characters up to a
 * space or punctuation; one character past the column when none starts
 * there. The line starts are found once.
 */
export function tokenEnds(text: string): (line: number, column: number) => number {
    const positions = new TextPositions(text);
    return (line, column) => {
        const start = positions.lineStarts()[line - 1];
        if (start === undefined) return column + 1;
        const eol = lineEnd(text, start);
        const from = start + column - 1;
        let end = from;
        if (text[from] === '"') {
            for (end = from + 1; end < eol && text[end] !== '"'; end++) if (text[end] === '\\') end++;
            end = Math.min(end + 1, eol);
        } else {
            while (end < eol && !/[\s,:{}[\]"]/.test(text[end]!)) end++;
        }
        return Math.max(end, from + 1) - start + 1;
    };
}

/** The 1-based position of `offset` in a config file's text. */
export function offsetPosition(text: string, offset: number): { line: number; column: number } {
    return lineColumn(text, offset);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
    return new TextPositions(text).of(offset);
}

/** 1-based line and column of offsets in one text (`\r\n`, a lone `\r` and `\n` end a line, as in the editor); its line starts are found once. */
class TextPositions {
    private starts: number[] | undefined;

    constructor(private readonly text: string) { }

    of(offset: number): { line: number; column: number } {
        const starts = this.lineStarts();
        const line = lineOfOffset(starts, offset);
        return { line: line + 1, column: offset - starts[line]! + 1 };
    }

    lineStarts(): number[] {
        return this.starts ??= lineStarts(this.text);
    }
}
