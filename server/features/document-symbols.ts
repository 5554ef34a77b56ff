import type { AstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, type LangiumServices } from 'langium/lsp';
import { SymbolKind, type CancellationToken, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver';
import { isActuals, type Actuals } from '../../language/generated/ast.js';
import { plural } from '../../language/present/index.js';
import { labelText } from './shown-text.js';

/**
 * The outline: Langium's symbols (declarations, a program's members as its
 * children) with each declaration's title as `detail`, and the `actuals`
 * blocks, which have no name of their own, as `actuals Metric` with their
 * row count or file. A client that does not announce
 * `hierarchicalDocumentSymbolSupport` (older Vim and Emacs clients) gets the
 * same symbols as a flat list, each naming its container. Titles and
 * file names are shown on one line, escaped and cut (shown-text.ts).
 */
export class AlignDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    private hierarchical = true;

    constructor(services: LangiumServices) {
        super(services);
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.hierarchical = params.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
        });
    }

    override async getSymbols(document: LangiumDocument, params: DocumentSymbolParams, cancelToken?: CancellationToken): Promise<DocumentSymbol[]> {
        const symbols = await super.getSymbols(document, params, cancelToken);
        if (this.hierarchical) return symbols;
        // The request answers either shape; Langium's provider types only the first.
        return flatSymbols(document.uri.toString(), symbols) as unknown as DocumentSymbol[];
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (isActuals(astNode)) return actualsSymbol(astNode);
        const symbols = super.getSymbol(document, astNode);
        const title = (astNode as { title?: unknown }).title;
        if (typeof title === 'string' && title !== '' && symbols.length === 1 && this.nameProvider.getNameNode(astNode)) {
            return [{ ...symbols[0]!, detail: labelText(title) }];
        }
        return symbols;
    }
}

function actualsSymbol(actuals: Actuals): DocumentSymbol[] {
    const cst = actuals.$cstNode;
    const metric = actuals.metric.$refNode;
    if (!cst || !metric) return [];
    const detail = actuals.file !== undefined ? `from "${labelText(actuals.file)}"` : plural(actuals.rows.length, 'row');
    return [{ name: `actuals ${labelText(actuals.metric.$refText)}`, detail, kind: SymbolKind.Array, range: cst.range, selectionRange: metric.range }];
}

/** The symbols and their children, depth first, as `SymbolInformation`: each with its location and its container's name. */
function flatSymbols(uri: string, symbols: readonly DocumentSymbol[], containerName?: string): SymbolInformation[] {
    return symbols.flatMap(symbol => [
        { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(containerName ? { containerName } : {}) },
        ...flatSymbols(uri, symbol.children ?? [], symbol.name)
    ]);
}
