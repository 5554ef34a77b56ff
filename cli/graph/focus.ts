/**
 * `--focus NAME`: a program or an outcome, by its name, its qualified name
 * (`Program.Outcome`) or its graph id. Anything else is a usage error that
 * names it: the name meant when one is close (`did you mean`), else the
 * known names, sorted, wrapped to the terminal as every `align: ` message
 * is (the first {@link MAX_LISTED} of them when there are more, and how to
 * see the rest).
 */
import type { GraphNode, ImpactGraph } from '../../language/graph/types.js';
import { withArticle } from '../../language/present/index.js';
import { didYouMean } from '../../language/text/suggest.js';
import { InputError } from '../workspace/input-error.js';

const FOCUSABLE = new Set(['program', 'outcome']);
/** The most names a message lists: some lines of a terminal, not a screenful. */
export const MAX_LISTED = 40;

/** The program or outcome `name` means; an InputError when there is none, or more than one. */
export function resolveFocus(graph: ImpactGraph, name: string): GraphNode {
    const wanted = name.trim();
    const focusable = graph.nodes.filter(n => FOCUSABLE.has(n.kind));
    const byId = focusable.find(n => n.id === wanted);
    if (byId) return byId;
    for (const matches of [focusable.filter(n => n.qualifiedName === wanted), focusable.filter(n => n.name === wanted)]) {
        if (matches.length === 1) return matches[0]!;
        if (matches.length > 1) throw new InputError(`--focus ${wanted}: ambiguous; give a qualified name: ${listed(matches)}`);
    }
    const other = graph.nodes.find(n => n.id === wanted || n.qualifiedName === wanted || n.name === wanted);
    if (other) throw new InputError(`--focus ${wanted}: '${wanted}' is ${withArticle(other.kind)}, not a program or outcome`);
    const names = [...new Set(focusable.flatMap(n => [n.id, n.qualifiedName, n.name]))];
    const suggestion = didYouMean(wanted, names);
    const head = `--focus ${wanted}: no such program or outcome`;
    if (suggestion) throw new InputError(head + suggestion);
    if (focusable.length === 0) throw new InputError(`${head} (the workspace has none)`);
    throw new InputError(`${head} (${focusable.length} known: ${listed(focusable)})`);
}

/**
 * The ids of `nodes`, sorted, joined by commas; past {@link MAX_LISTED}, the
 * first that many and how to see the others.
 */
function listed(nodes: readonly GraphNode[]): string {
    const ids = nodes.map(n => n.id).sort((a, b) => a.localeCompare(b, 'en'));
    if (ids.length <= MAX_LISTED) return ids.join(', ');
    const more = ids.length - MAX_LISTED;
    return `${ids.slice(0, MAX_LISTED).join(', ')} and ${more} more; align graph --format json lists them all`;
}
