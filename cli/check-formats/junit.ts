/**
 * `--format junit`: JUnit XML for CI test reporters.
 *
 * Scheme: one `<testsuite name="align">`, one `<testcase>` per finding
 * (`classname` and `file` = the file, `name` = `rule-id: Element.Path`, the
 * finding's element as in baselines and fingerprints, never its line, so a
 * test's history survives moved code; a second finding of the same rule on
 * the same element gets ` (2)` and so on). Errors and warnings
 * are `<failure type="error|warning">`; infos are passing test cases whose
 * `<system-out>` carries the message, so that advice does not turn a CI
 * test report red. `errors` stays 0: in JUnit it counts crashes, not
 * findings. With no finding, one passing test case `align check`.
 */
import type { Finding } from '../../language/rules.js';
import type { Formatter } from './types.js';
import { sortFindings } from './sort.js';
import { escapeXml } from '../../language/render/index.js';

/** What XML would change in an attribute value: tabs and line breaks, which parsers normalise to spaces. */
const WHITESPACE: Readonly<Record<string, string>> = { '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes an attribute value as `escapeXml` does (invalid characters and controls dropped); also keeps tabs and line breaks. */
export function escapeXmlAttribute(text: string): string {
    return escapeXml(text).replace(/[\t\n\r]/g, c => WHITESPACE[c]!);
}

function attributes(values: Record<string, string | number>): string {
    return Object.entries(values).map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`).join('');
}

/** A test case's name: the rule and the finding's element (its file when outside every declaration). */
function baseName(f: Finding): string {
    return `${f.rule}: ${f.identity?.element ?? f.file}`;
}

/** Names that are unique within each file: a repeated name gets its occurrence, ` (2)`, ` (3)`... */
function caseNames(findings: readonly Finding[]): string[] {
    const seen = new Map<string, number>();
    return findings.map(f => {
        const name = baseName(f);
        const key = JSON.stringify([f.file, name]);
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        return n === 1 ? name : `${name} (${n})`;
    });
}

function testcase(f: Finding, name: string): string {
    const open = `    <testcase${attributes({ classname: f.file, name, file: f.file })}>`;
    const detail = escapeXml(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} (${f.rule})`);
    const body = f.severity === 'info'
        ? `      <system-out>${detail}</system-out>`
        : `      <failure${attributes({ message: f.message, type: f.severity })}>${detail}</failure>`;
    return [open, body, '    </testcase>'].join('\n');
}

/** Formats findings as a JUnit XML report. */
export const formatJunit: Formatter = findings => {
    const sorted = sortFindings(findings);
    const failures = sorted.filter(f => f.severity !== 'info').length;
    const cases = sorted.length === 0
        ? [`    <testcase${attributes({ classname: 'align', name: 'align check' })}/>`]
        : (names => sorted.map((f, i) => testcase(f, names[i]!)))(caseNames(sorted));
    const counts = { tests: cases.length, failures, errors: 0, skipped: 0 };
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites${attributes({ name: 'align check', ...counts })}>`,
        `  <testsuite${attributes({ name: 'align', ...counts })}>`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
    ].join('\n') + '\n';
};
