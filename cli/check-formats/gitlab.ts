/**
 * `--format gitlab`: a GitLab Code Quality report, the JSON array the merge
 * request widget reads (docs.gitlab.com, "Code Quality report format"):
 * per finding `description`, `check_name` (the rule id), `fingerprint`
 * (from its identity, so a finding that moves is not reported as fixed and
 * new), `severity` and `location` (`path`, `lines.begin`, `lines.end`).
 */
import type { Finding, FindingSeverity } from '../../language/rules.js';
import { findingFingerprints } from './fingerprint.js';
import { sortFindings } from './sort.js';
import type { Formatter } from './types.js';

/** GitLab's scale is info, minor, major, critical, blocker: errors rank above warnings. */
export const GITLAB_SEVERITIES: Record<FindingSeverity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

/** One Code Quality issue. */
export interface CodeQualityIssue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: 'info' | 'minor' | 'major';
    location: { path: string; lines: { begin: number; end: number } };
}

/** The issues of a report, in the order of the findings (sorted by file, line, column). */
export function codeQualityIssues(findings: readonly Finding[]): CodeQualityIssue[] {
    const sorted = sortFindings(findings);
    const fingerprints = findingFingerprints(sorted);
    return sorted.map((f, i) => ({
        description: `${f.message} (${f.rule})`,
        check_name: f.rule,
        fingerprint: fingerprints[i]!,
        severity: GITLAB_SEVERITIES[f.severity],
        location: { path: f.file.replace(/^\.\//, ''), lines: { begin: Math.max(1, f.line), end: Math.max(1, f.line, f.endLine) } }
    }));
}

/** Formats findings as a GitLab Code Quality report (an empty array when there is none). */
export const formatGitlab: Formatter = findings => JSON.stringify(codeQualityIssues(findings), null, 2) + '\n';
