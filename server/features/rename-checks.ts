import type { AstNode, LangiumDocuments, URI } from 'langium';
import { AstUtils, GrammarAST, isReference, UriUtils } from 'langium';
import { isModel, isProgram, type Program, type TopLevelElement } from '../../language/generated/ast.js';
import { readablePath } from '../../language/validation/structure-rules.js';

/**
 * What a rename must refuse before it edits anything: a new name the
 * grammar does not accept as a name, and a new name that is taken in the
 * target's scope or would make a reference point elsewhere.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The keywords of the grammar that look like names but are not accepted as one (`program`, `metric`...). */
export function reservedWords(grammar: GrammarAST.Grammar): Set<string> {
    const nameRule = grammar.rules.find(r => r.name === 'Name');
    const allowed = new Set<string>();
    const seen = new Set<GrammarAST.AbstractRule>();
    const visit = (rule: GrammarAST.AbstractRule | undefined): void => {
        if (!GrammarAST.isParserRule(rule) || seen.has(rule)) return;
        seen.add(rule);
        for (const node of AstUtils.streamAst(rule.definition)) {
            if (GrammarAST.isKeyword(node)) allowed.add(node.value);
            else if (GrammarAST.isRuleCall(node)) visit(node.rule.ref);
        }
    };
    visit(nameRule);
    const reserved = new Set<string>();
    for (const node of AstUtils.streamAst(grammar)) {
        if (GrammarAST.isKeyword(node) && NAME.test(node.value) && !allowed.has(node.value)) reserved.add(node.value);
    }
    return reserved;
}

/** Why `newName` cannot be a name, or undefined when it can. */
export function invalidNameReason(newName: string, reserved: ReadonlySet<string>): string | undefined {
    if (reserved.has(newName)) return `'${newName}' is a keyword of Align and cannot be a name.`;
    if (!NAME.test(newName)) {
        return `'${newName}' is not a valid Align name: use a letter or _ followed by letters, digits and _ (no spaces, hyphens or dots).`;
    }
    return undefined;
}

type Named = AstNode & { name: string };

const isNamed = (node: AstNode | undefined): node is Named => typeof (node as { name?: unknown } | undefined)?.name === 'string';
const kindOf = (node: AstNode): string => node.$type.toLowerCase();

/** How the refusals name a declaration's file, as `duplicate-name` does: a catalog file by its name, any other by its path from the workspace root. */
export interface FileNaming {
    readonly root: URI | undefined;
    isCatalog(uri: string): boolean;
}

const fileOf = (node: AstNode, naming: FileNaming): string => {
    const uri = AstUtils.getDocument(node).uri;
    return naming.isCatalog(uri.toString()) ? UriUtils.basename(uri) : readablePath(uri.toString(), naming.root);
};

/**
 * Why renaming `target` to `newName` would break the workspace, or undefined:
 * - the name is taken in the target's scope (all global declarations and
 *   programs share one, each program's members form their own), which
 *   `duplicate-name` would report;
 * - a global's new name is the name of a member of the same kind in a program
 *   that refers to the global by its simple name: those references would
 *   point to the member;
 * - a member's new name is the name of a global of the same kind its program
 *   refers to by its simple name: those references would point to the member.
 */
export function conflictReason(documents: LangiumDocuments, target: AstNode, newName: string, naming: FileNaming): string | undefined {
    const program = isProgram(target.$container) ? target.$container : undefined;
    const targetName = isNamed(target) ? target.name : newName;
    if (program) {
        const taken = program.members.find(m => m !== target && isNamed(m) && m.name === newName);
        if (taken) return `'${newName}' is already the name of ${kindOf(taken)} ${program.name}.${newName} (${fileOf(taken, naming)}); names must be unique in a program.`;
        const global = globals(documents).find(g => g.name === newName && g.$type === target.$type);
        if (global && simpleReferencesIn(program, newName, ref => ref === global)) {
            return `Renaming '${program.name}.${targetName}' to '${newName}' would change what '${newName}' means in program ${program.name}: `
                + `its references to the global ${kindOf(global)} ${newName} would point to ${program.name}.${newName} instead.`;
        }
        return undefined;
    }
    const taken = globals(documents).find(g => g !== target && g.name === newName);
    if (taken) return `'${newName}' is already the name of ${kindOf(taken)} ${newName} (${fileOf(taken, naming)}); global names and program names must be unique.`;
    if (isProgram(target)) return undefined;
    for (const other of programs(documents)) {
        const member = other.members.find(m => isNamed(m) && m.name === newName && m.$type === target.$type);
        if (member && simpleReferencesIn(other, targetName, ref => ref === target)) {
            return `Renaming '${targetName}' to '${newName}' would change what '${newName}' means in program ${other.name}: `
                + `its references to ${targetName} would point to its own ${kindOf(member)} ${other.name}.${newName} instead.`;
        }
    }
    return undefined;
}

/** Every global declaration and program of the workspace. */
function globals(documents: LangiumDocuments): Named[] {
    return documents.all.toArray().flatMap(doc => {
        const model = doc.parseResult.value;
        return isModel(model) ? model.elements.filter((e): e is TopLevelElement & Named => isNamed(e)) : [];
    });
}

function programs(documents: LangiumDocuments): Program[] {
    return globals(documents).filter(isProgram);
}

/** Whether a program holds a reference written as the simple name `name` that resolves to a node `fits` accepts. */
function simpleReferencesIn(program: Program, name: string, fits: (ref: AstNode | undefined) => boolean): boolean {
    return AstUtils.streamAst(program).some(node =>
        AstUtils.streamReferences(node).some(info => isReference(info.reference) && info.reference.$refText === name && fits(info.reference.ref)));
}
