/**
 * Filling a program template (the built-in one, builtin-program.ts): the
 * program's name and title, the pilot's dates; and the names a program
 * from a template may take and the file it goes to. Read by `align init`
 * and by VS Code's *New Program from Template*.
 */
import { addDuration, isoDay, parsePeriod } from '../dates.js';
import { BUILTIN_PROGRAM_TEMPLATE, PILOT_DAYS } from './builtin-program.js';
import { lineStart } from '../line-starts.js';

/** What the `{{placeholders}}` of a program template stand for. */
export interface ProgramValues {
    readonly name: string;
    readonly title: string;
    /** The pilot's first day, `YYYY-MM-DD`. */
    readonly start: string;
    /** The pilot's last day, PILOT_DAYS after `start`. */
    readonly end: string;
    /** `YYYY-MM` of `start`. */
    readonly startMonth: string;
}

/** The values for a program named `name` whose pilot starts on `start` (`YYYY-MM-DD`, a real date). */
export function programValues(name: string, start: string): ProgramValues {
    const day = parsePeriod(start)?.day;
    if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`not a date YYYY-MM-DD: ${start}`);
    const end = addDuration(day, PILOT_DAYS, 'days');
    if (end === undefined) throw new Error(`a pilot of ${PILOT_DAYS} days from ${start} ends after 9999-12-31`);
    return { name, title: programTitle(name), start, end: isoDay(end), startMonth: start.slice(0, 7) };
}

/**
 * `template` with every `{{placeholder}}` replaced; a placeholder the values
 * do not have is an error. A value inside a string literal is escaped.
 */
export function fillTemplate(template: string, values: ProgramValues): string {
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string, offset: number) => {
        if (!Object.hasOwn(values, key)) throw new Error(`unknown template placeholder {{${key}}}`);
        return placed(template, offset, values[key as keyof ProgramValues]);
    });
}

/** The built-in template for a program named `name`, its pilot starting on `start`. */
export function programFromTemplate(name: string, start: string): string {
    return fillTemplate(BUILTIN_PROGRAM_TEMPLATE, programValues(name, start));
}

/**
 * A program named `name` from a template: the built-in one (`{{placeholders}}`,
 * its pilot starting on `start`, `YYYY-MM-DD`) or a configured one, in which
 * `${name}` and `${title}` are replaced.
 */
export function programFrom(template: { readonly text: string; readonly builtin: boolean }, name: string, title: string, start: string): string {
    if (template.builtin) return fillTemplate(template.text, { ...programValues(name, start), title });
    return template.text.replace(/\$\{(name|title)\}/g, (_, key: string, offset: number) => key === 'name' ? name : placed(template.text, offset, title));
}

/** Why `title` cannot be a program's title: a string of Align is on one line. Undefined when it can. */
export function programTitleProblem(title: string): 'line-break' | undefined {
    return /[\r\n]/.test(title) ? 'line-break' : undefined;
}

/** `text` as the inside of an Align string literal: `"` and `\` escaped (the only escapes of language.md, "Strings"). */
export function escapeAlignString(text: string): string {
    return text.replace(/["\\]/g, '\\$&');
}

/**
 * `value` as it goes at `offset` of `template`: escaped inside a string
 * literal; elsewhere (a comment) as it is, but a `*\/`, which would end a
 * block comment there, written `* /`.
 */
function placed(template: string, offset: number, value: string): string {
    if (programTitleProblem(value)) throw new Error('a template value with a line break');
    return insideString(template, offset) ? escapeAlignString(value) : value.replace(/\*\//g, '* /');
}

/** True when `offset` is inside a string literal of its line (not in a comment). */
function insideString(text: string, offset: number): boolean {
    let open = false;
    for (let i = lineStart(text, offset); i < offset; i++) {
        const c = text[i];
        if (open) {
            if (c === '\\') i++;
            else if (c === '"') open = false;
        } else if (c === '"') {
            open = true;
        } else if (c === '/' && text[i + 1] === '/') {
            return false;
        } else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            if (end < 0 || end >= offset) return false;
            i = end + 1;
        }
    }
    return open;
}

/** Words that start a declaration: the grammar takes every other keyword as a name. */
const DECLARATION_KEYWORDS = new Set(['program', 'outcome', 'metric', 'skill', 'behavior', 'objective', 'toolkit', 'actuals']);

/** Why `name` cannot name a program: not an Align name, or a keyword; undefined when it can. */
export function programNameProblem(name: string): 'not-a-name' | 'keyword' | undefined {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'not-a-name';
    return DECLARATION_KEYWORDS.has(name) ? 'keyword' : undefined;
}

/** `ChurnPilot` -> `Churn pilot`, `my_program` -> `My program`, `HRBasics` -> `HR basics`. */
export function programTitle(name: string): string {
    const words = wordsOf(name).map(w => /^[A-Z0-9]+$/.test(w) && w.length > 1 ? w : w.toLowerCase());
    const text = words.join(' ');
    return text.length === 0 ? name : text[0]!.toUpperCase() + text.slice(1);
}

/** `ChurnPilot` -> `churn-pilot.align`, `_Draft` -> `_draft.align` (a leading `_` kept): the file a program from a template goes to. */
export function programFileName(name: string): string {
    const base = /^_*/.exec(name)![0] + wordsOf(name).map(w => w.toLowerCase()).join('-');
    return `${base || 'program'}.align`;
}

function wordsOf(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[_\s]+/)
        .filter(Boolean);
}
