/**
 * Why a file named `.align` is not Align source that can be parsed: binary
 * (a NUL byte, as Git and `tsc`'s TS1490 "File appears to be binary."
 * decide), saved as UTF-16, not UTF-8, or not readable (decode-source.ts
 * tells them from the bytes). `align check` and the language server report
 * it as one `syntax` finding at the file's start, and check the other files
 * (docs/reliability.md). Pure: the browser server uses it too.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../rules.js';

/** What is wrong with a file, as a phrase after "This file", and what to do about it. */
export interface SourceProblem {
    readonly problem: string;
    readonly advice: string;
}

/** A file whose first NUL byte is on `line` (1-based). */
export function binarySource(line: number): SourceProblem {
    return { problem: `is binary (a NUL byte on line ${line}), not Align source`, advice: 'remove it or rename it' };
}

/** A file that starts with a UTF-16 byte order mark (FF FE or FE FF: a Windows "Unicode" save), or UTF-16 text without one. */
export function utf16Source(): SourceProblem {
    return { problem: 'is saved as UTF-16, not UTF-8', advice: 'save it as UTF-8' };
}

/** A file that is not UTF-8: its first invalid byte and the line it is on (1-based). */
export function notUtf8Source(byte: number, line: number): SourceProblem {
    const hex = byte.toString(16).padStart(2, '0');
    return { problem: `is not UTF-8 text (byte 0x${hex} on line ${line})`, advice: 'save it as UTF-8' };
}

/** A file the system would not read: `reason` as `describeCode` words it. */
export function unreadableSource(reason: string): SourceProblem {
    return { problem: `cannot be read (${reason})`, advice: 'make it readable or remove it' };
}

/** A file whose name is not UTF-8: listed with U+FFFD in its name, it cannot be opened by that name. */
export function notUtf8NameSource(): SourceProblem {
    return { problem: 'has a name that is not UTF-8 (shown with \uFFFD), so it cannot be opened by name', advice: 'rename it' };
}

/** The message of the finding: `This file is binary (...), not Align source: remove it or rename it.` */
export function sourceProblemMessage(problem: SourceProblem): string {
    return `This file ${problem.problem}: ${problem.advice}.`;
}

/**
 * The 1-based line of the first NUL character of a file's text, or -1 when
 * it has none. The same as in its bytes: a decoder that reads an invalid
 * byte as U+FFFD never takes a line feed with it.
 */
export function firstNulLine(text: string): number {
    const at = text.indexOf('\0');
    if (at < 0) return -1;
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    return line;
}

/** The `syntax` finding of such a file, at its start, as the validator shapes a diagnostic (for `align check`, which does not parse the file). */
export function sourceProblemDiagnostic(problem: SourceProblem): Diagnostic {
    const start = { line: 0, character: 0 };
    return {
        range: { start, end: start }, severity: 1, message: sourceProblemMessage(problem),
        code: 'syntax', codeDescription: { href: ruleDocUrl('syntax') }, source: 'align', data: { code: 'syntax' }
    };
}
