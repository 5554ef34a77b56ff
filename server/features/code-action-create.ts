import type { AstNode, LangiumDocument, ReferenceInfo } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { isProgram, type Program } from '../../language/generated/ast.js';
import { appendToBlock, insertAfter } from './code-action-edits.js';

/** The kinds of declaration a reference can expect. */
export type CreatableKind = 'metric' | 'skill' | 'behavior' | 'outcome';

/** Where and what "Create kind X" inserts for an unresolved reference. */
export interface CreateDeclaration {
    readonly kind: CreatableKind;
    /** The name as the reference wrote it (`X` or `Program.X`). */
    readonly refText: string;
    /** The document the edit is for. */
    readonly document: LangiumDocument;
    readonly edit: TextEdit;
}

const KIND_OF_TYPE: Record<string, CreatableKind> = { Metric: 'metric', Skill: 'skill', Behavior: 'behavior', Outcome: 'outcome' };

/**
 * The declaration that would resolve an unresolved reference: its kind is
 * the reference's expected type; it goes at the end of the program the
 * reference names (`Program.X`) or stands in, else after the enclosing
 * top-level declaration. Undefined when the named program does not exist or
 * the name is already taken in that scope.
 */
export function createForUnresolved(services: AlignServices, document: LangiumDocument, diagnostic: Diagnostic, graph: GraphIndex): CreateDeclaration | undefined {
    const info = referenceAt(document, document.textDocument.offsetAt(diagnostic.range.start));
    if (!info) return undefined;
    const kind = KIND_OF_TYPE[services.shared.AstReflection.getReferenceType(info)];
    const refText = info.reference.$refText;
    const segments = refText.split('.').map(s => s.trim());
    if (!kind || segments.length > 2 || segments.some(s => s === '')) return undefined;
    const name = segments.at(-1)!;
    const program = segments.length === 2
        ? namedProgram(graph, segments[0]!)
        : AstUtils.getContainerOfType(info.container, isProgram);
    if (segments.length === 2 && !program) return undefined;
    if (graph.node(program ? `${program.name}.${name}` : name)) return undefined;
    const deadline = program ? graph.nodeOf(program)?.programFigures?.window?.end : undefined;
    const lines = skeleton(kind, name, info.property, deadline ?? defaultDeadline());
    if (program) {
        const target = AstUtils.getDocument(program);
        const edit = appendToBlock(target, program, lines);
        return edit ? { kind, refText, document: target, edit } : undefined;
    }
    const topLevel = topLevelOf(info.container);
    return { kind, refText, document, edit: insertAfter(document, topLevel, lines) };
}

/** The reference whose text covers `offset`, with its container and property. */
function referenceAt(document: LangiumDocument, offset: number): ReferenceInfo | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const found = AstUtils.streamReferences(node).find(r => {
            const cst = r.reference.$refNode;
            return cst !== undefined && cst.offset <= offset && offset < cst.end;
        });
        if (found) return found;
    }
    return undefined;
}

function namedProgram(graph: GraphIndex, name: string): Program | undefined {
    const ast = graph.astOf(name);
    return ast && isProgram(ast) && !graph.duplicates.has(ast) ? ast : undefined;
}

function topLevelOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container && current.$container.$type !== 'Model') current = current.$container;
    return current;
}

/** "RepeatContactRate" -> "Repeat contact rate". */
export function titleOf(name: string): string {
    const words = name.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().split(/\s+/);
    return words.map((w, i) => i === 0 ? w : /^[A-Z0-9]+$/.test(w) ? w : w.toLowerCase()).join(' ');
}

/** A deadline when no program window says one: the end of the year six months from now. */
function defaultDeadline(): string {
    const later = new Date(Date.now() + 183 * 24 * 3600 * 1000);
    return `${later.getUTCFullYear()}-12-31`;
}

/**
 * The text of a new declaration that passes the rules as far as its
 * context allows: a metric is a KPI with a full data definition (leading
 * where behaviors move it, lagging where it measures an outcome or is
 * driven), a behavior is observed, a skill says how it is assessed.
 */
export function skeleton(kind: CreatableKind, name: string, property: string, deadline: string): string[] {
    const head = `${kind} ${name} "${titleOf(name)}" {`;
    switch (kind) {
        case 'metric': return [head,
            `  kind ${property === 'measuredBy' || property === 'drives' ? 'lagging' : 'leading'}`,
            '  unit count',
            '  direction up',
            '  baseline 0',
            `  target 1 by ${deadline}`,
            '  source "TODO: system and report"',
            '  owner "TODO"',
            '  cadence monthly',
            '}'];
        case 'skill': return [head, '  assessed by "TODO: how the skill is assessed"', '}'];
        case 'behavior': return [head, '  observed by manager weekly', '}'];
        case 'outcome': return [head, '  // measured by KPIs with a baseline and a target ... by deadline', '  owner "TODO"', '}'];
    }
}
