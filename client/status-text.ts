/**
 * The text and tooltip of the coverage status bar item. Pure: no `vscode`.
 */
import type { Coverage } from '../language/graph/types.js';
import { plural } from '../language/present/index.js';

/** `$(graph) Aligned 7/9`, or `$(graph) No objectives` before any is declared; the tooltip as Markdown. */
export function coverageStatus({ aligned, total }: Coverage): { text: string; tooltip: string } {
    const click = '\n\nClick to open the impact chain preview.';
    if (total === 0) {
        return {
            text: '$(graph) No objectives',
            tooltip: '**Alignment coverage**: no learning objective is declared yet, so none can reach a business KPI.' + click
        };
    }
    const missing = total - aligned;
    return {
        text: `$(graph) Aligned ${aligned}/${total}`,
        tooltip: `**Alignment coverage**: ${aligned} of ${plural(total, 'learning objective')} ${total === 1 ? 'reaches' : 'reach'} a business KPI`
            + (missing > 0 ? ` (${missing} not aligned).` : '.') + click
    };
}
