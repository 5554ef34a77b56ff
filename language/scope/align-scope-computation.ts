import type { AstNode, AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';
import { isProgram, type Model } from '../generated/ast.js';
import { qualifiedNameOf } from './qualified-names.js';

/**
 * Exports every top-level declaration and program by its name, and every
 * declaration inside a program by `Program.Name`. Local symbols are the
 * members of each program, visible by simple name inside it.
 */
export class AlignScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        for (const element of model.elements) {
            if (isProgram(element)) {
                this.exportNamed(element, element.name, document, exports);
                for (const member of element.members) {
                    if ('name' in member) this.exportNamed(member, qualifiedNameOf(member), document, exports);
                }
            } else if ('name' in element) {
                this.exportNamed(element, element.name, document, exports);
            }
        }
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const model = document.parseResult.value as Model;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const element of model.elements) {
            if (!isProgram(element)) continue;
            for (const member of element.members) {
                if ('name' in member && member.name) {
                    symbols.add(element, this.descriptions.createDescription(member, member.name, document));
                }
            }
        }
        return symbols;
    }

    private exportNamed(node: AstNode, name: string | undefined, document: LangiumDocument, exports: AstNodeDescription[]): void {
        if (name) exports.push(this.descriptions.createDescription(node, name, document));
    }
}
