import { CstUtils, isLeafCstNode, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** `// #region` and `// #endregion`: the VS Code client folds them (client/folding-regions.ts). */
const REGION_MARKER = /^\/\/\s*#(end)?region\b/;

/**
 * Langium's folding of blocks, with comments folded as in TypeScript: a
 * block comment of two lines or more, and a run of two or more `//`
 * comments on lines of their own, fold from their first line to their last
 * (Langium's folds a comment of three lines or more, and not its last line).
 */
export class AlignFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const root = node.$cstNode;
        if (!root) return;
        const hidden = CstUtils.flattenCst(root).filter((leaf): leaf is LeafCstNode => isLeafCstNode(leaf) && leaf.hidden).toArray();
        for (const range of commentFoldings(document.textDocument, hidden)) acceptor(range);
    }
}

/** The folding ranges of the comments among the `hidden` leaves of `document`'s syntax tree, in text order. */
export function commentFoldings(document: TextDocument, hidden: readonly LeafCstNode[]): FoldingRange[] {
    const ranges: FoldingRange[] = [];
    let run: { first: number; last: number } | undefined;
    const endRun = () => {
        if (run && run.last > run.first) ranges.push(FoldingRange.create(run.first, run.last, undefined, undefined, FoldingRangeKind.Comment));
        run = undefined;
    };
    for (const token of hidden) {
        const start = token.range.start;
        if (token.tokenType.name === 'ML_COMMENT') {
            endRun();
            const end = token.range.end;
            if (end.line > start.line) ranges.push(FoldingRange.create(start.line, end.line, undefined, undefined, FoldingRangeKind.Comment));
        } else if (token.tokenType.name === 'SL_COMMENT') {
            const ownLine = document.getText({ start: { line: start.line, character: 0 }, end: start }).trim() === '';
            if (!ownLine || REGION_MARKER.test(token.text)) { endRun(); continue; }
            if (run && start.line === run.last + 1) run.last = start.line;
            else { endRun(); run = { first: start.line, last: start.line }; }
        }
    }
    endRun();
    return ranges;
}
