import { isConfigurableRule, isRuleSeverity, type RuleSeverities } from '../rules.js';
import type { AlignSettings } from './align-settings.js';

/** The keys of `align.config.json` that name other files: packages or relative paths, as written. */
export interface ConfigReferences {
    extends?: string;
    catalogs?: string[];
    templates?: string;
}

/**
 * `text` without a leading byte order mark: editors on Windows may write
 * one, and JSON.parse refuses it. Columns then count as an editor shows them.
 */
export function withoutBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A problem of `align.config.json`, 1-based line and column. */
export interface ConfigProblem {
    readonly message: string;
    readonly line: number;
    readonly column: number;
}

/**
 * Reads `align.config.json`. Whatever is valid is kept; each unknown rule
 * id, unknown severity, bad number or unknown key is a problem (reported as
 * `config-invalid`); text that is not JSON gives no settings at all.
 */
export function parseAlignConfig(source: string, fileName = 'align.config.json'): { settings: AlignSettings; problems: ConfigProblem[]; references: ConfigReferences } {
    const text = withoutBom(source);
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
        return { settings: {}, references: {}, problems: [{ message: `${fileName} is not valid JSON (${message}); the defaults apply`, ...lineColumn(text, offset) }] };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return { settings: {}, references: {}, problems: [{ message: `${fileName} must hold a JSON object; the defaults apply`, line: 1, column: 1 }] };
    }
    const settings: AlignSettings = {};
    const references: ConfigReferences = {};
    const problems: ConfigProblem[] = [];
    const at = (needle: string): { line: number; column: number } => lineColumn(text, Math.max(0, text.indexOf(needle)));
    for (const [key, value] of Object.entries(json)) {
        if (key === 'rules') settings.rules = parseRules(value, problems, at);
        else if (key === 'extends' || key === 'templates') {
            if (typeof value === 'string' && value.trim() !== '') references[key] = value;
            else problems.push({ message: `"${key}" must be a package name or a relative path, not ${JSON.stringify(value)}`, ...at(`"${key}"`) });
        } else if (key === 'catalogs') {
            const list = typeof value === 'string' ? [value] : value;
            if (Array.isArray(list) && list.every(v => typeof v === 'string' && v.trim() !== '')) references.catalogs = list as string[];
            else problems.push({ message: `"catalogs" must be a list of package names or relative paths, not ${JSON.stringify(value)}`, ...at('"catalogs"') });
        }
        else if (key === 'maxLaggingKpis' || key === 'maxPilotDays') {
            if (typeof value === 'number' && Number.isInteger(value) && value >= 0) settings[key] = value;
            else problems.push({ message: `"${key}" must be a whole number of 0 or more, not ${JSON.stringify(value)}`, ...at(`"${key}"`) });
        } else {
            problems.push({ message: `unknown key "${key}" (expected "extends", "catalogs", "templates", "rules", "maxLaggingKpis" or "maxPilotDays")`, ...at(`"${key}"`) });
        }
    }
    return { settings, problems, references };
}

/** The 1-based position of `"key"` in a config file's text (line 1, column 1 when it is not there). */
export function keyPosition(text: string, key: string): { line: number; column: number } {
    return lineColumn(text, Math.max(0, text.indexOf(`"${key}"`)));
}

function parseRules(value: unknown, problems: ConfigProblem[], at: (needle: string) => { line: number; column: number }): RuleSeverities {
    const rules: RuleSeverities = {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ message: '"rules" must be an object of rule id to severity', ...at('"rules"') });
        return rules;
    }
    for (const [id, severity] of Object.entries(value)) {
        if (!isConfigurableRule(id)) problems.push({ message: `unknown rule id "${id}"`, ...at(`"${id}"`) });
        else if (!isRuleSeverity(severity)) problems.push({ message: `rule "${id}": unknown severity ${JSON.stringify(severity)} (use off, info, warning or error)`, ...at(`"${id}"`) });
        else rules[id] = severity;
    }
    return rules;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset).split(/\r?\n/);
    return { line: before.length, column: before.at(-1)!.length + 1 };
}
