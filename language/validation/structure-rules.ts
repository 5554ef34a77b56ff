import type { AstNode, CstNode } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, URI, UriUtils } from 'langium';
import type { Declaration, Duration, Program, Window } from '../generated/ast.js';
import { isDuration, isPilot, isProgram, isWindow } from '../generated/ast.js';
import { attribute } from '../attributes.js';
import { catalogLabel } from '../catalogs/catalog-label.js';
import type { GraphNode } from '../graph/types.js';
import { addDuration, parsePeriod } from '../dates.js';
import { codeSpan } from '../present/index.js';
import { isValidDurationAmount } from '../graph/program-window.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';

/**
 * `duplicate-name`: marks each declaration whose name is taken again in its
 * scope, naming where the others are: their file relative to the workspace
 * root and their line (and column, on the marked declaration's line). When a catalog declares the name, the message names
 * the catalog's package and version and the file's name (a catalog file
 * itself is never reported).
 */
export function checkDuplicateName(node: Declaration | Program, { graph, report, settings }: RuleContext): void {
    const group = graph.duplicates.get(node);
    const self = graph.nodeOf(node);
    if (!group || !self) return;
    const { catalog, local } = groupNodes(graph, group);
    // Another declaration on this one's line is told apart by its column too (`a.align:2:14`).
    const column = (n: GraphNode) => n.uri === self.uri && n.nameRange.start.line === self.nameRange.start.line ? `:${n.nameRange.start.character + 1}` : '';
    const at = (n: GraphNode) => `${n.catalog ? UriUtils.basename(URI.parse(n.uri)) : readablePath(n.uri, settings.workspaceRoot)}:${n.nameRange.start.line + 1}${column(n)}`;
    const inCatalogs = othersThan(self, catalog, self.catalog !== undefined);
    const elsewhere = othersThan(self, local, self.catalog === undefined);
    if (inCatalogs.count + elsewhere.count === 0) return;
    const message = inCatalogs.count === 0
        ? `'${node.name}' is declared more than once in the same scope (also at ${listed(elsewhere, at)}). Rename one of them.`
        : `'${node.name}' is already declared in ${listed(inCatalogs, n => `catalog ${catalogLabel(n.catalog!)} (${at(n)})`)}`
            + `${elsewhere.count > 0 ? `, and also at ${listed(elsewhere, at)}` : ''}.`
            + ' Rename this declaration, or remove it and use the catalog\'s.';
    report('duplicate-name', message, { node, property: 'name' });
}

/** How many places a `duplicate-name` message names before "and N more": a name declared 3,000 times gave 3,000 messages of 3,000 places each (166 MB). */
export const PLACES_NAMED = 5;

/** The nodes of a group of declarations of one name, in catalogs and not; made once per group (8,000 declarations of one name made 64 million lookups). */
const groups = new WeakMap<readonly AstNode[], { catalog: GraphNode[]; local: GraphNode[] }>();

function groupNodes(graph: RuleContext['graph'], group: readonly AstNode[]): { catalog: GraphNode[]; local: GraphNode[] } {
    let nodes = groups.get(group);
    if (!nodes) {
        const all = group.map(o => graph.nodeOf(o)).filter(n => n !== undefined);
        nodes = { catalog: all.filter(n => n.catalog), local: all.filter(n => !n.catalog) };
        groups.set(group, nodes);
    }
    return nodes;
}

/** The first places of `nodes` other than `self` (as many as are named), and how many there are (`holdsSelf`: `self` is one of `nodes`). */
function othersThan(self: GraphNode, nodes: readonly GraphNode[], holdsSelf: boolean): { first: GraphNode[]; count: number } {
    const first: GraphNode[] = [];
    for (const n of nodes) {
        if (first.length > PLACES_NAMED) break;
        if (n !== self) first.push(n);
    }
    return { first: first.slice(0, PLACES_NAMED), count: nodes.length - (holdsSelf ? 1 : 0) };
}

/** The first places (only those are written out: each is a path made relative), and how many more. */
const listed = (places: { first: readonly GraphNode[]; count: number }, name: (place: GraphNode) => string): string => {
    const named = places.first.map(name).join(', ');
    return places.count <= PLACES_NAMED ? named : `${named} and ${(places.count - PLACES_NAMED).toLocaleString('en-US')} more`;
};

/**
 * A document's path as people read it: relative to the workspace root when
 * it lies inside, with `/` (`programs/sales q1.align`); else its file-system
 * path. Never percent-encoded.
 */
export function readablePath(uri: string, root: URI | undefined): string {
    const parsed = URI.parse(uri);
    if (root && UriUtils.contains(root, parsed) && !UriUtils.equals(root, parsed)) return UriUtils.relative(root, parsed);
    return parsed.scheme === 'file' ? parsed.fsPath : parsed.path;
}

/** Words that start a list attribute, written in the declaration's own block (`serves A, B`). */
const LIST_KEYWORDS = new Set(['stakeholders', 'serves', 'measured', 'drives', 'enabled', 'moves', 'builds', 'kpi', 'for']);

/** `syntax`: an attribute written twice in one declaration's block. */
export function checkDuplicateAttributes(node: Declaration | Program, { report }: LocalRuleContext): void {
    if (!node.$cstNode || !mayGiveTwice(node)) return;
    const starts: CstNode[] = [];
    listKeywords(node.$cstNode, node, starts);
    for (const a of node.attributes) {
        const first = a.$cstNode && firstVisibleLeaf(a.$cstNode);
        if (first) starts.push(first);
    }
    if (starts.length < 2) return;
    // Most blocks give each attribute once: that is known without sorting.
    const texts = new Set<string>();
    for (const leaf of starts) texts.add(leafText(leaf));
    if (texts.size === starts.length) return;
    starts.sort((a, b) => a.offset - b.offset);
    const seen = new Set<string>();
    for (const leaf of starts) {
        const text = leafText(leaf);
        if (seen.has(text)) {
            report('syntax', `'${node.name}' gives ${codeSpan(text)} twice. Give each attribute once (list several values with commas).`,
                { node, range: leaf.range });
        }
        seen.add(text);
    }
}

/** A leaf's text: a keyword's own value (the leaf's `text` walks up to the root for the document's text). */
function leafText(leaf: CstNode): string {
    const source = leaf.grammarSource;
    return source?.$type === 'Keyword' ? (source as GrammarAST.Keyword).value : leaf.text;
}

/**
 * The list attributes of each declaration type: the array properties of its
 * grammar rule that a keyword written in its own block fills (unit-tested
 * against the grammar's reflection).
 */
export const LIST_PROPERTIES: Readonly<Record<(Declaration | Program)['$type'], readonly string[]>> = {
    Program: ['stakeholders', 'serves'], Outcome: ['measuredBy'], Metric: ['drives'], Skill: [],
    Behavior: ['enabledBy', 'moves'], Objective: ['builds', 'kpis'], Toolkit: ['behaviors']
};

/**
 * False when the syntax tree shows without a walk of its leaves that no
 * attribute is given twice (most declarations): no two attribute nodes of
 * one type (each type has its own keyword, none a list keyword), and each
 * list's values written in one run separated by commas only. A document
 * with syntax errors is always walked (recovery can leave a keyword without
 * values).
 */
function mayGiveTwice(node: Declaration | Program): boolean {
    const document = AstUtils.getDocument(node);
    if (document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) return true;
    const attributes = node.attributes;
    for (let i = 1; i < attributes.length; i++) {
        for (let j = 0; j < i; j++) if (attributes[i]!.$type === attributes[j]!.$type) return true;
    }
    const text = node.$cstNode!.root.fullText;
    for (const property of LIST_PROPERTIES[node.$type]) {
        const values = (node as unknown as Record<string, unknown[]>)[property]!;
        if (values.length < 2) continue;
        let end = -1;
        for (const value of values) {
            const leaf = (value as { $refNode?: CstNode }).$refNode;
            if (!leaf) return true; // `stakeholders`: strings, without a syntax node of their own
            if (end >= 0 && !onlyCommas(text, end, leaf.offset)) return true;
            end = leaf.end;
        }
    }
    return false;
}

/** True when `text` between the offsets holds nothing but commas and white space. */
function onlyCommas(text: string, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c !== 44 && c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
    }
    return true;
}

/** The first leaf of a syntax node that is not hidden (a comment), in text order. */
function firstVisibleLeaf(cst: CstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst)) return cst.hidden ? undefined : cst;
    for (const child of cst.content) {
        const leaf = firstVisibleLeaf(child);
        if (leaf) return leaf;
    }
    return undefined;
}

/**
 * The keywords that start `owner`'s list attributes, in its own syntax
 * (not its attribute nodes', not its members'); keywords used as names
 * (data type rules such as `Name`) do not count.
 */
function listKeywords(cst: CstNode, owner: AstNode, into: CstNode[]): void {
    if (!isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        if (isLeafCstNode(child)) {
            if (isListKeyword(child)) into.push(child);
        } else if (child.astNode === owner) {
            listKeywords(child, owner, into);
        }
    }
}

/** Whether each element of the grammar is a keyword that starts a list attribute (asked once per element, not per use). */
const listKeywordOf = new WeakMap<AstNode, boolean>();

function isListKeyword(leaf: CstNode): boolean {
    const source = leaf.grammarSource;
    if (!source) return false;
    let starts = listKeywordOf.get(source);
    if (starts === undefined) {
        const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
        starts = GrammarAST.isKeyword(source) && LIST_KEYWORDS.has(source.value) && rule !== undefined && !GrammarUtils.isDataTypeRule(rule);
        listKeywordOf.set(source, starts);
    }
    return starts;
}

/**
 * `syntax`: dates that are not real calendar dates (not the period of an
 * actuals row: that row is `actuals-invalid`, as a CSV row would be, and one
 * finding is enough), durations that are not
 * whole positive numbers (marking the duration, `0 days`), and a `window A to B`
 * whose end comes before its start (marking both dates). While any of these
 * stands the program has no window (see `programWindow`).
 */
export function checkLiterals(node: AstNode, { report }: LocalRuleContext): void {
    for (const property of ['deadline', 'start', 'end'] as const) {
        const text = (node as unknown as Record<string, unknown>)[property];
        if (typeof text === 'string' && !parsePeriod(text)) {
            report('syntax', `${codeSpan(text)} is not a real date: use YYYY-MM-DD, YYYY-MM, YYYY-Qn (1-4) or YYYY-Hn (1-2).`, { node, property });
        }
    }
    if (isDuration(node) && node.amount !== undefined) checkDuration(node, report);
    if (isWindow(node)) checkWindowOrder(node, report);
}

/** A duration that is not a whole number greater than 0, or that ends after the last day a date can say (marking the duration). */
function checkDuration(duration: Duration, report: LocalRuleContext['report']): void {
    const pilot = isPilot(duration.$container) ? duration.$container : undefined;
    const program = pilot && isProgram(pilot.$container) ? pilot.$container.name : undefined;
    const lasts = `${program ? `The pilot of program '${program}'` : 'The pilot'} lasts ${duration.amount}${duration.unit ? ` ${duration.unit}` : ''}`;
    if (!isValidDurationAmount(duration.amount)) {
        report('syntax', `${lasts}: a duration must be a whole number of days, weeks or months greater than 0. `
            + 'Give a whole number of at least 1 (`pilot 90 days from 2026-01-05`).', { node: duration });
        return;
    }
    const start = pilot?.start ? parsePeriod(pilot.start)?.day : undefined;
    if (start !== undefined && duration.unit && addDuration(start, duration.amount, duration.unit) === undefined) {
        report('syntax', `${lasts}: from ${pilot!.start} it would end after 9999-12-31, the last day a date can be written. Give a shorter duration.`, { node: duration });
    }
}

/** A `window A to B` whose B comes before A (A == B is a one-day window); marks `A to B`. */
function checkWindowOrder(window: Window, report: LocalRuleContext['report']): void {
    const start = window.start ? parsePeriod(window.start) : undefined;
    const end = window.end ? parsePeriod(window.end) : undefined;
    if (!start || !end || end.day >= start.day) return;
    const from = GrammarUtils.findNodeForProperty(window.$cstNode, 'start');
    const to = GrammarUtils.findNodeForProperty(window.$cstNode, 'end');
    const range = from && to ? { start: from.range.start, end: to.range.end } : undefined;
    const program = isProgram(window.$container) ? window.$container.name : undefined;
    report('syntax', `${program ? `The window of program '${program}'` : 'The window'} ends on ${window.end}, before it starts on ${window.start}. `
        + `Swap the dates (${codeSpan(`window ${window.end} to ${window.start}`)}) or correct them: \`window START to END\`, both days included.`,
        range ? { node: window, range } : { node: window, property: 'start' });
}

/**
 * `syntax`: a program that gives both `pilot` and `window` (marking the
 * keyword of the later one). A program has one window; while both stand it
 * has none (see `programWindow`), rather than one of them silently.
 */
export function checkOneWindow(program: Program, { report }: LocalRuleContext): void {
    const pilot = attribute(program, 'Pilot');
    const window = attribute(program, 'Window');
    if (!pilot?.$cstNode || !window?.$cstNode) return;
    const later = pilot.$cstNode.offset > window.$cstNode.offset ? pilot : window;
    report('syntax', `Program '${program.name}' gives both \`pilot\` and \`window\`: a program has one window, so it has none until one is removed. `
        + 'Keep either the pilot (`pilot N days from START`) or the window (`window START to END`).',
        { node: later, keyword: later === pilot ? 'pilot' : 'window' });
}
