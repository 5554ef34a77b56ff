/**
 * `align diff --format json`: the comparison inside a versioned envelope
 * (docs/diff.md documents the schema; fields are only ever added within a
 * version). Keys come in a fixed order; absent values are left out.
 */
import type { DiffReport, SideInfo } from './report.js';

/** The `schema` of the envelope: bumped when a field changes meaning or goes away. */
export const DIFF_SCHEMA = 'align-diff/v1';

/** The diff as pretty-printed JSON. */
export function diffJson(report: DiffReport): string {
    const { diff } = report;
    const envelope = {
        schema: DIFF_SCHEMA,
        base: side(report.base),
        head: side(report.head),
        empty: diff.empty,
        nodes: diff.nodes,
        links: diff.links,
        kpiLinks: diff.kpiLinks,
        coverage: diff.coverage,
        roi: diff.roi,
        findings: diff.findings
    };
    return JSON.stringify(envelope, null, 2) + '\n';
}

function side(info: SideInfo) {
    return info.commit ? { label: info.label, commit: info.commit, files: info.files } : { label: info.label, files: info.files };
}
