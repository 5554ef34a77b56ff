/** Words for nodes: accessible names and the worst severity of their findings. */
import { catalogLabel } from '../catalogs/catalog-label.js';
import type { NodeFindings } from '../protocol.js';
import type { LaidOutNode } from './layout.js';
import { deadlineText, formatValue, plural, statusText, unitSuffix } from './text.js';

export type Severity = 'error' | 'warning' | 'info';

export function worstSeverity(findings: NodeFindings | undefined): Severity | undefined {
    if (!findings) return undefined;
    if (findings.errors > 0) return 'error';
    if (findings.warnings > 0) return 'warning';
    if (findings.infos > 0) return 'info';
    return undefined;
}

/** `1 error, 2 warnings` or '' when there are none. */
export function findingsText(findings: NodeFindings | undefined): string {
    if (!findings) return '';
    return [
        findings.errors > 0 ? plural(findings.errors, 'error') : '',
        findings.warnings > 0 ? plural(findings.warnings, 'warning') : '',
        findings.infos > 0 ? plural(findings.infos, 'info') : ''
    ].filter(Boolean).join(', ');
}

/**
 * The accessible name of a node, e.g.
 * `objective AskOpenQuestions: Use open questions to uncover the real need, 2 KPIs`.
 */
export function nodeLabel(item: LaidOutNode, findings?: NodeFindings): string {
    const { node } = item;
    const parts: string[] = [];
    const kind = node.metric ? `${node.metric.kind ?? 'untyped'} metric` : node.kind;
    parts.push(`${kind} ${node.name}${node.title ? `: ${node.title}` : ''}`);
    if (node.kind === 'objective') {
        const kpis = node.objective?.kpis.length ?? 0;
        parts.push(kpis > 0 ? plural(kpis, 'KPI') : 'no KPI link');
    }
    if (node.kind === 'behavior' && item.toolkits.length > 0) parts.push(`reinforced by ${item.toolkits.map(t => t.name).join(' and ')}`);
    const m = node.metric;
    if (m) {
        const unit = unitSuffix(m.unit);
        parts.push(`baseline ${formatValue(m.baseline, m.unit)}${unit}`, `latest ${formatValue(m.latest?.value, m.unit)}${unit}`,
            `target ${formatValue(m.target, m.unit)}${unit}${m.deadline ? ` by ${deadlineText(m, 'long')}` : ''}`, statusText(m));
    }
    if (node.program) parts.push(`in program ${node.program}`);
    if (node.catalog) parts.push(`from catalog ${catalogLabel(node.catalog)} (read-only)`);
    const found = findingsText(findings);
    if (found) parts.push(found);
    return parts.join(', ');
}
