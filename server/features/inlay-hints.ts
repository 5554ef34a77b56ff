import type { LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position, Range } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import { problemCount, type ActualsRead } from '../../language/actuals/read-actuals.js';
import { attribute } from '../../language/attributes.js';
import { isProgram, type Actuals, type Model, type Program } from '../../language/generated/ast.js';
import { actualsBlocks } from '../../language/model-utils.js';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { AlignGraphService } from '../../language/graph/graph-service.js';
import { escapeUnseen, formatAmount, plural } from '../../language/present/index.js';

/**
 * Inlay hints: what the text implies but does not show, read from the
 * impact graph.
 * - `pilot 90 days from 2026-01-05` ends on a day the author would have to
 *   count: `to 2026-04-05` after the start.
 * - `actuals M from "data/m.csv"` reads a file the author cannot see:
 *   `6 rows, 2025-10 to 2026-03` after the path (a pulled snapshot too).
 *   A file that cannot be read has its finding instead, and no hint.
 * VS Code shows them unless `editor.inlayHints.enabled` says otherwise
 * (README: how to turn them off for `.align` files only).
 */
export class AlignInlayHintProvider implements InlayHintProvider {
    private readonly graph: AlignGraphService;

    constructor(services: AlignServices) {
        this.graph = services.align.Graph;
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
        const index = await this.graph.indexIfBuilt();
        if (!index) return [];
        const model = document.parseResult.value as Model;
        const hints = [
            ...model.elements.filter(isProgram).flatMap(program => pilotEndHint(index, program) ?? []),
            ...actualsBlocks(model).flatMap(actuals => actualsHint(index, actuals) ?? [])
        ];
        return hints.filter(hint => within(hint.position, params.range));
    }
}

/** `to 2026-04-05` after the start day of `pilot 90 days from 2026-01-05`. */
function pilotEndHint(index: GraphIndex, program: Program): InlayHint | undefined {
    const pilot = attribute(program, 'Pilot');
    const start = pilot?.$cstNode && GrammarUtils.findNodeForProperty(pilot.$cstNode, 'start');
    const window = index.nodeOf(program)?.programFigures?.window;
    if (!pilot || !start || !window) return undefined;
    return {
        position: start.range.end,
        label: `to ${window.end}`,
        paddingLeft: true,
        tooltip: `The pilot runs ${window.start} to ${window.end}, both days included.`
    };
}

/** `6 rows, 2025-10 to 2026-03` after the file of `actuals M from "..."`. */
function actualsHint(index: GraphIndex, actuals: Actuals): InlayHint | undefined {
    const file = actuals.$cstNode && GrammarUtils.findNodeForProperty(actuals.$cstNode, 'file');
    const read = index.actualsRead.get(actuals);
    if (!file || !read || (read.entries.length === 0 && read.problems.length > 0)) return undefined;
    const unit = index.nodeOf(actuals.metric?.ref)?.metric?.unit;
    return { position: file.range.end, label: rowsText(read), paddingLeft: true, tooltip: rowsTooltip(actuals.file ?? '', read, unit) };
}

/** `6 rows, 2025-10 to 2026-03`; `1 row, 2026-03`; `no rows`. */
function rowsText(read: ActualsRead): string {
    const [first, last] = span(read);
    if (!first || !last) return 'no rows';
    const periods = first === last ? first.period.text : `${first.period.text} to ${last.period.text}`;
    return `${plural(read.entries.length, 'row')}, ${periods}`;
}

function rowsTooltip(file: string, read: ActualsRead, unit: string | undefined): string {
    const [, last] = span(read);
    const latest = last ? ` The latest, ${last.period.text}, is ${formatAmount(last.value.value, unit)}.` : '';
    const count = problemCount(read);
    const problems = count ? ` ${plural(count, 'problem')} in the file: see ${count === 1 ? 'its finding' : 'the findings'}.` : '';
    return `What align check reads from ${escapeUnseen(file)}: ${plural(read.entries.length, 'row')}.${latest}${problems}`;
}

/** The earliest and the latest row by the day each is dated on. */
function span(read: ActualsRead): [ActualsRead['entries'][number]?, ActualsRead['entries'][number]?] {
    let first = read.entries[0];
    let last = read.entries[0];
    for (const entry of read.entries) {
        if (entry.period.day < first!.period.day) first = entry;
        if (entry.period.day > last!.period.day) last = entry;
    }
    return [first, last];
}

function within(position: Position, range: Range): boolean {
    const after = (a: Position, b: Position): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
    return after(position, range.start) && after(range.end, position);
}
