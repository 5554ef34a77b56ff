import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver-protocol';

/**
 * Symbol and completion kinds of Align declarations, used by document
 * symbols (outline), workspace symbols and completion items:
 *
 * | declaration | symbol kind | completion kind | (semantic token type) |
 * |-------------|-------------|-----------------|-----------------------|
 * | program     | Namespace   | Module          | namespace             |
 * | outcome     | Event       | Event           | parameter             |
 * | metric      | Variable    | Variable        | variable (readonly)   |
 * | skill       | Struct      | Struct          | type                  |
 * | behavior    | Function    | Function        | function              |
 * | objective   | Class       | Class           | class                 |
 * | toolkit     | Interface   | Interface       | interface             |
 *
 * Anything else keeps Langium's defaults (Field, Reference).
 */
export const ALIGN_NODE_KINDS: Readonly<Record<string, { symbol: SymbolKind; completion: CompletionItemKind }>> = {
    Program: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module },
    Outcome: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    Metric: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable },
    Skill: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Behavior: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function },
    Objective: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    Toolkit: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface }
};

/** Node kinds by declaration type (an AST node or an index description, whose `type` is the AST type). */
export class AlignNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return ALIGN_NODE_KINDS[typeOf(node)]?.symbol ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return ALIGN_NODE_KINDS[typeOf(node)]?.completion ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
