import type { LangiumDocument } from 'langium';
import type { CodeLens } from 'vscode-languageserver';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { Model, Program } from '../../language/generated/ast.js';
import { isolateLensTitle, roiLensTitle } from './hover-attribution.js';

/**
 * Lenses of attribution: on a program's name its ROI and BCR from the
 * attributed benefit (with the raw ROI beside it), on each `isolate` the
 * KPI's attributed change of its raw change and the benefit.
 */
export function attributionLenses(index: GraphIndex, document: LangiumDocument, command: string): CodeLens[] {
    const lenses: CodeLens[] = [];
    const model = document.parseResult.value as Model;
    for (const program of model.elements.filter((e): e is Program => e.$type === 'Program')) {
        const node = index.nodeOf(program);
        const roi = node?.programFigures?.roi;
        const title = roiLensTitle(roi);
        if (node && title) lenses.push({ range: node.nameRange, command: { title, command, arguments: [node.id] } });
        for (const isolate of program.isolations) {
            const kpi = index.nodeOf(isolate.metric?.ref);
            const a = kpi && roi?.attribution?.find(x => x.metric === kpi.id);
            if (!kpi || !a || !isolate.$cstNode) continue;
            lenses.push({ range: isolate.$cstNode.range, command: { title: isolateLensTitle(index, roi!, a), command, arguments: [kpi.id] } });
        }
    }
    return lenses;
}
