/**
 * `--focus NAME`: a program or an outcome, by its name, its qualified name
 * (`Program.Outcome`) or its graph id. Anything else is a usage error that
 * names it.
 */
import type { GraphNode, ImpactGraph } from '../../language/graph/types.js';
import { didYouMean } from '../suggest.js';
import { InputError } from '../workspace/input-error.js';

const FOCUSABLE = new Set(['program', 'outcome']);
const LISTED = 8;

/** The program or outcome `name` means; an InputError when there is none, or more than one. */
export function resolveFocus(graph: ImpactGraph, name: string): GraphNode {
    const wanted = name.trim();
    const focusable = graph.nodes.filter(n => FOCUSABLE.has(n.kind));
    const byId = focusable.find(n => n.id === wanted);
    if (byId) return byId;
    for (const matches of [focusable.filter(n => n.qualifiedName === wanted), focusable.filter(n => n.name === wanted)]) {
        if (matches.length === 1) return matches[0]!;
        if (matches.length > 1) {
            throw new InputError(`--focus ${wanted}: ambiguous, it names ${matches.map(n => `${n.kind} ${n.id}`).join(', ')}; give the qualified name`);
        }
    }
    const other = graph.nodes.find(n => n.id === wanted || n.qualifiedName === wanted || n.name === wanted);
    if (other) throw new InputError(`--focus ${wanted}: '${wanted}' is a ${other.kind}, not a program or outcome`);
    const known = focusable.map(n => n.id);
    const list = known.length === 0 ? 'the workspace has none'
        : `known: ${known.slice(0, LISTED).join(', ')}${known.length > LISTED ? `, and ${known.length - LISTED} more` : ''}`;
    const names = [...new Set(focusable.flatMap(n => [n.id, n.qualifiedName, n.name]))];
    throw new InputError(`--focus ${wanted}: no program or outcome named '${wanted}'${didYouMean(wanted, names)} (${list})`);
}
