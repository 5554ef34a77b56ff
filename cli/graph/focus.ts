/**
 * `--focus NAME`: a program or an outcome, by its name, its qualified name
 * (`Program.Outcome`) or its graph id. Anything else is a usage error that
 * names it, in one line of 80 columns: the name meant when one is close
 * (`did you mean`), else as many known names as fit.
 */
import type { GraphNode, ImpactGraph } from '../../language/graph/types.js';
import { cellWidth } from '../cell-width.js';
import { didYouMean } from '../suggest.js';
import { InputError } from '../workspace/input-error.js';

const FOCUSABLE = new Set(['program', 'outcome']);
/** The width the message fits, with the `align: ` it is printed after. */
const WIDTH = 80 - 'align: '.length;

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
    const names = [...new Set(focusable.flatMap(n => [n.id, n.qualifiedName, n.name]))];
    const suggestion = didYouMean(wanted, names);
    const head = `--focus ${wanted}: no such program or outcome`;
    if (suggestion) throw new InputError(head + suggestion);
    throw new InputError(focusable.length === 0 ? `${head} (the workspace has none)` : `${head} (${knownList(head, focusable.map(n => n.id))})`);
}

/** `known: A, B, …`: as many ids as fit after `head` in {@link WIDTH} columns (`14 known` when none does). */
function knownList(head: string, ids: readonly string[]): string {
    const text = (count: number) => count === 0 ? `${ids.length} known` : `known: ${ids.slice(0, count).join(', ')}${count < ids.length ? ', …' : ''}`;
    let shown = 0;
    while (shown < ids.length && cellWidth(`${head} (${text(shown + 1)})`) <= WIDTH) shown++;
    return text(shown);
}
