import type { AstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isActuals, type Actuals } from '../../language/generated/ast.js';
import { plural } from '../../language/present/index.js';

/**
 * The outline: Langium's symbols (declarations, a program's members as its
 * children) with each declaration's title as `detail`, and the `actuals`
 * blocks, which have no name of their own, as `actuals Metric` with their
 * row count or file.
 */
export class AlignDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (isActuals(astNode)) return actualsSymbol(astNode);
        const symbols = super.getSymbol(document, astNode);
        const title = (astNode as { title?: unknown }).title;
        if (typeof title === 'string' && title !== '' && symbols.length === 1 && this.nameProvider.getNameNode(astNode)) {
            return [{ ...symbols[0]!, detail: title }];
        }
        return symbols;
    }
}

function actualsSymbol(actuals: Actuals): DocumentSymbol[] {
    const cst = actuals.$cstNode;
    const metric = actuals.metric.$refNode;
    if (!cst || !metric) return [];
    const detail = actuals.file !== undefined ? `from "${actuals.file}"` : plural(actuals.rows.length, 'row');
    return [{ name: `actuals ${actuals.metric.$refText}`, detail, kind: SymbolKind.Array, range: cst.range, selectionRange: metric.range }];
}
