/**
 * The text and tooltip of the coverage status bar item. Pure: no `vscode`.
 */
import type { Coverage } from '../language/graph/types.js';
import type { DidChangeGraphParams } from '../language/protocol.js';
import { literalText, plural } from '../language/present/index.js';

const click = '\n\nClick to open the impact chain preview.';

/** What the status bar item says after a validation: the coverage, or that the graph could not be built (`error`: shown as an error). */
export function graphStatus(params: DidChangeGraphParams): { text: string; tooltip: string; error: boolean } {
    if (params.fault === undefined) return { ...coverageStatus(params.coverage), error: false };
    return {
        text: '$(error) Align: no graph',
        tooltip: '**The impact graph could not be built**, so the alignment coverage is unknown. This is a bug in Align: please report it.'
            + `\n\n${literalText(params.fault)}` + click,
        error: true
    };
}

/** `$(graph) Aligned 7/9`, or `$(graph) No objectives` before any is declared; the tooltip as Markdown. */
export function coverageStatus({ aligned, total }: Coverage): { text: string; tooltip: string } {
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
