/**
 * `--focus NAME`: a program or an outcome, by its name, its qualified name
 * (`Program.Outcome`) or its graph id. Anything else is a usage error that
 * names it, in one line of 80 columns: the name meant when one is close
 * (`did you mean`), else as many known names as fit.
 */
import type { GraphNode, ImpactGraph } from '../../language/graph/types.js';
import { withArticle } from '../../language/present/index.js';
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
            const head = `--focus ${wanted}: ambiguous; give a qualified name`;
            const names = fitted(`${head}: `, matches.map(n => n.id), '', '');
            throw new InputError(names ? `${head}: ${names}` : `--focus ${wanted}: ambiguous (${matches.length} programs and outcomes); give a qualified name`);
        }
    }
    const other = graph.nodes.find(n => n.id === wanted || n.qualifiedName === wanted || n.name === wanted);
    if (other) throw new InputError(`--focus ${wanted}: '${wanted}' is ${withArticle(other.kind)}, not a program or outcome`);
    const names = [...new Set(focusable.flatMap(n => [n.id, n.qualifiedName, n.name]))];
    const suggestion = didYouMean(wanted, names);
    const head = `--focus ${wanted}: no such program or outcome`;
    if (suggestion) throw new InputError(head + suggestion);
    if (focusable.length === 0) throw new InputError(`${head} (the workspace has none)`);
    throw new InputError(`${head} (${fitted(`${head} (known: `, focusable.map(n => n.id), ')', `${focusable.length} known`, 'known: ')})`);
}

/**
 * `A, B, …`: as many items as fit between `before` and `after` in
 * {@link WIDTH} columns, with `label` before them; `none` (`14 known`)
 * when not even one does.
 */
function fitted(before: string, items: readonly string[], after: string, none: string, label = ''): string {
    const text = (count: number) => `${items.slice(0, count).join(', ')}${count < items.length ? ', …' : ''}`;
    const room = WIDTH - cellWidth(before) - cellWidth(after);
    let shown = 0;
    while (shown < items.length && cellWidth(text(shown + 1)) <= room) shown++;
    return shown === 0 ? none : label + text(shown);
}
