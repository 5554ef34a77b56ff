import type { AstNode, CstNode } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode } from 'langium';
import { isActuals, isDeclaration } from '../../language/generated/ast.js';
import { attributeKey } from './completion-attributes.js';

/**
 * The attributes written in a declaration's block, as `Rule:keyword` keys
 * (`Metric:kind`, `Target:target`), read from the concrete syntax so that an
 * attribute counts as soon as its keyword is there. The keyword that starts
 * at `ignoreOffset` (the one being completed) does not count, and neither do
 * the attributes of the declarations nested in a program.
 */
export function writtenAttributes(owner: AstNode, ignoreOffset: number): Set<string> {
    const keys = new Set<string>();
    const visit = (node: CstNode): void => {
        if (node.astNode !== owner && (isDeclaration(node.astNode) || isActuals(node.astNode))) return;
        if (isCompositeCstNode(node)) {
            for (const child of node.content) visit(child);
            return;
        }
        const source = node.grammarSource;
        if (GrammarAST.isKeyword(source) && node.offset !== ignoreOffset) {
            const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
            if (rule) keys.add(attributeKey(rule.name, source.value));
        }
    };
    if (owner.$cstNode) visit(owner.$cstNode);
    return keys;
}
