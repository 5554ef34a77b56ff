import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { isBehavior, isProgram, type Behavior, type Program, type Skill } from '../../language/generated/ast.js';
import { addAttributeLines, emptyAt } from './code-action-edits.js';
import { visibleName } from './code-action-names.js';

/** How many choices (one quick fix each) a diagnostic offers at most. */
export const MAX_CHOICES = 8;

/** One quick fix among several: its title, the document it edits and the edit; `best` for the one to prefer. */
export interface Choice {
    readonly title: string;
    readonly document: LangiumDocument;
    readonly edit: TextEdit;
    readonly best: boolean;
}

/**
 * `program-without-outcome`: *Serve outcome X*, best first: the outcomes
 * its chain's KPIs measure (the first of them preferred), then those the
 * program declares, then the others of the workspace.
 */
export function serveChoices(document: LangiumDocument, program: Program, graph: GraphIndex): Choice[] {
    const self = graph.nodeOf(program);
    if (!self) return [];
    const measured = new Set((self.programFigures?.chain ?? []).flatMap(id => graph.adjacency.targets(id, 'measures')));
    const outcomes = graph.graph.nodes.filter(n => n.kind === 'outcome' && !graph.duplicates.has(graph.astOf(n.id)!));
    const rank = (n: { id: string; program?: string }) => measured.has(n.id) ? 0 : n.program === self.id ? 1 : 2;
    // A stable sort: in graph order within each rank.
    const ordered = outcomes.sort((a, b) => rank(a) - rank(b));
    const last = program.serves.at(-1)?.$refNode;
    const choices: Choice[] = [];
    for (const outcome of ordered) {
        const name = visibleName(outcome, graph, program);
        if (!name) continue;
        const edit = last ? { range: emptyAt(last.range.end), newText: `, ${name}` }
            : addAttributeLines(document, program, [`serves ${name}`], program.members[0]?.$cstNode?.offset);
        choices.push({ title: `Serve outcome ${name}`, document, edit, best: choices.length === 0 && measured.has(outcome.id) });
        if (choices.length === MAX_CHOICES) break;
    }
    return choices;
}

/**
 * `skill-enables-nothing`: *Add S to the `enabled by` of behavior B* (none
 * preferred: which behavior a skill enables is the author's call).
 * - A program's skill: the behaviors of its program, then the top-level
 *   (shared) ones. Not those of other programs: references run one way
 *   (language.md, "Program membership"), so the edit would put the skill
 *   into that other program's chain and change it, in what is usually
 *   another team's file, without connecting the skill to its own program.
 * - A top-level skill, which any program may use: the top-level
 *   behaviors, then those of the programs.
 * Catalog behaviors are never edited. The edit may be in another file.
 */
export function enableChoices(skill: Skill, graph: GraphIndex): Choice[] {
    const self = graph.nodeOf(skill);
    if (!self) return [];
    const behaviors = graph.graph.nodes.filter(n => n.kind === 'behavior' && !n.catalog);
    const shared = behaviors.filter(n => !n.program);
    const ordered = self.program
        ? [...behaviors.filter(n => n.program === self.program), ...shared]
        : [...shared, ...behaviors.filter(n => n.program)];
    const choices: Choice[] = [];
    for (const node of ordered) {
        const behavior = graph.astOf(node.id);
        if (!isBehavior(behavior) || graph.duplicates.has(behavior)) continue;
        const name = visibleName(self, graph, programOf(behavior));
        if (!name) continue;
        const document = AstUtils.getDocument(behavior);
        choices.push({ title: `Add ${name} to the \`enabled by\` of behavior ${node.qualifiedName}`, document, edit: enableEdit(document, behavior, name), best: false });
        if (choices.length === MAX_CHOICES) break;
    }
    return choices;
}

function programOf(behavior: Behavior): Program | undefined {
    return isProgram(behavior.$container) ? behavior.$container : undefined;
}

/** Appends to the behavior's `enabled by` list, or adds one. */
function enableEdit(document: LangiumDocument, behavior: Behavior, name: string): TextEdit {
    const last = behavior.enabledBy.at(-1)?.$refNode;
    if (last) return { range: emptyAt(last.range.end), newText: `, ${name}` };
    return addAttributeLines(document, behavior, [`enabled by ${name}`]);
}
