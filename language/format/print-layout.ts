import { isDocComment } from './attach-comments.js';
import { declarationTokens, type Comment, type Declaration, type Item, type Layout, type Token } from './layout.js';

/** How the printer indents and ends lines. */
export interface PrintStyle {
    /** One level of indentation, e.g. two spaces. */
    readonly indent: string;
    /** The line terminator, `\n` or `\r\n`. */
    readonly eol: string;
}

/**
 * Prints a layout in the canonical style (see `format-align.ts` for the
 * rules). Every line is free of trailing whitespace; a non-empty result ends
 * with exactly one line terminator.
 */
export function printLayout(layout: Layout, style: PrintStyle): string {
    const printer = new Printer(style);
    printer.items(layout.items, 0);
    printer.danglingComments(layout.trailing, 0, layout.items.length > 0);
    return printer.result();
}

const NO_SPACE_BEFORE = new Set([',', ':', '.']);

class Printer {
    private readonly lines: string[] = [];

    constructor(private readonly style: PrintStyle) { }

    result(): string {
        while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
        return this.lines.length === 0 ? '' : this.lines.join(this.style.eol) + this.style.eol;
    }

    /** The items of a block (or of the file) at `depth`, in the order given. */
    items(ordered: readonly Item[], depth: number): void {
        ordered.forEach((item, k) => {
            const first = firstToken(item);
            const leading = first.before;
            if (k > 0 && this.separated(ordered[k - 1]!, item)) this.blank();
            leading.forEach((c, j) => {
                if (j > 0 && c.blankBefore) this.blank();
                this.ownLineComment(c, depth);
            });
            if (leading.length > 0 && first.blankBefore) this.blank();
            if (item.kind === 'attribute') this.tokens(item.tokens, depth);
            else this.declaration(item, depth);
        });
    }

    /**
     * Whether a blank line separates `item` from the item printed before it.
     * Declarations are separated by one blank line, except a declaration of
     * the same kind that directly followed the previous one in the source
     * without a blank line (a group such as two bare skills). Attributes
     * follow each other directly, unless the source had a blank line before
     * the comment that leads the attribute.
     */
    private separated(previous: Item, item: Item): boolean {
        const first = firstToken(item);
        const firstThing = first.before[0] ?? first;
        if (item.kind === 'declaration') {
            if (previous.kind !== 'declaration' || previous.type !== item.type) return true;
            return firstThing.blankBefore || lastToken(previous).index + 1 !== first.index;
        }
        if (previous.kind === 'declaration') return true;
        return first.before.length > 0 && firstThing.blankBefore;
    }

    private declaration(declaration: Declaration, depth: number): void {
        const { header, close, items } = declaration;
        const open = header[header.length - 1];
        if (declaration.oneLine) {
            this.tokens(declarationTokens(declaration), depth);
            return;
        }
        if (!close || !open) {
            this.tokens(header, depth);
            return;
        }
        if (items.length === 0 && close.before.length === 0 && open.after.length === 0) {
            this.tokens([...header, close], depth);
            return;
        }
        // Ordered first: comments after the opening brace may move into the block.
        const ordered = declaration.type === 'Program' ? programItems(declaration, open, close) : items;
        this.tokens(header, depth);
        this.items(ordered, depth + 1);
        this.danglingComments(close.before, depth + 1, items.length > 0);
        this.tokens([close], depth);
    }

    /** Comments before a closing brace or at the end of the file, each on its own line. */
    danglingComments(comments: readonly Comment[], depth: number, afterItems: boolean): void {
        comments.forEach((c, j) => {
            if ((j > 0 || afterItems) && c.blankBefore) this.blank();
            this.ownLineComment(c, depth);
        });
    }

    /**
     * One attribute or header: tokens separated by single spaces (none before
     * `,` `:` `.` nor after `.`), trailing comments kept on their line. A line
     * comment inside the tokens breaks the line; the rest continues one
     * level deeper. Comments before the first token are the caller's.
     */
    tokens(tokens: readonly Token[], depth: number): void {
        let line = '';
        let lineDepth = depth;
        let previous: string | undefined;
        let breakPending = false;
        const flush = () => {
            if (line !== '') this.line(lineDepth, line);
            line = '';
            previous = undefined;
            lineDepth = depth + 1;
        };
        tokens.forEach((token, i) => {
            if (i > 0 && token.before.length > 0) {
                flush();
                for (const c of token.before) this.ownLineComment(c, depth + 1);
            } else if (breakPending) {
                flush();
            }
            breakPending = false;
            const glued = line === '' || NO_SPACE_BEFORE.has(token.text) || previous === '.' || (previous === '{' && token.text === '}');
            line += (glued ? '' : ' ') + token.text;
            previous = token.text;
            for (const c of token.after) {
                line += ' ';
                // What comes before the comment on its line (after a block comment's last line break, if any), as white space;
                // made only for a comment of several lines (200,000 comments on one line: not a margin each).
                const margin = (): string => {
                    const lastBreak = line.lastIndexOf('\n');
                    return lastBreak < 0 ? this.style.indent.repeat(lineDepth) + ' '.repeat(line.length) : ' '.repeat(line.length - lastBreak - 1);
                };
                line += trailingCommentText(c, margin);
                previous = undefined;
                breakPending = c.breakAfter;
            }
        });
        flush();
    }

    /** A comment on its own line(s); continuation lines of a block comment keep their indentation relative to its start. */
    private ownLineComment(comment: Comment, depth: number): void {
        const [first, ...rest] = comment.text.split(/\r?\n/);
        this.line(depth, first!);
        const indent = this.style.indent.repeat(depth);
        for (const raw of rest) {
            const leading = raw.length - raw.trimStart().length;
            const text = raw.slice(Math.min(leading, comment.column)).trimEnd();
            this.lines.push(text === '' ? '' : indent + text);
        }
    }

    /** A line at `depth`; a block comment inside it may span several lines, which are taken as they are. */
    private line(depth: number, text: string): void {
        const [first, ...rest] = text.split('\n');
        this.lines.push((this.style.indent.repeat(depth) + first).trimEnd());
        for (const more of rest) this.lines.push(more.trimEnd());
    }

    /** At most one blank line, never at the start. */
    private blank(): void {
        if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    }
}

/**
 * A program's items as printed: its attributes first, then its members,
 * each in source order. A doc comment (`/** ... *\/`) documents what comes
 * right after it (`docComment` in graph/collect-nodes.ts), so the comments at
 * the end of a line that end with one stay right before what they preceded
 * in the source: when the item (or closing brace) after that line is not the
 * same once the items move, they go on their own line(s) before the item (or
 * brace) they preceded. No member gains or loses its doc comment.
 */
function programItems(program: Declaration, open: Token, close: Token): readonly Item[] {
    const items = program.items;
    const ordered = [...items.filter(i => i.kind === 'attribute'), ...items.filter(i => i.kind === 'declaration')];
    // What follows the last token of each item (and the opening brace) once ordered.
    const nextOf = new Map<Token, Token>();
    ordered.forEach((item, k) => nextOf.set(k === 0 ? open : lastToken(ordered[k - 1]!), firstToken(item)));
    nextOf.set(ordered.length > 0 ? lastToken(ordered[ordered.length - 1]!) : open, close);
    for (let k = 0; k <= items.length; k++) {
        const end = k === 0 ? open : lastToken(items[k - 1]!);
        const next = k < items.length ? firstToken(items[k]!) : close;
        const last = end.after[end.after.length - 1];
        if (nextOf.get(end) === next || !last || !isDocComment(last)) continue;
        const moved = end.after.map(c => ({ ...c, blankBefore: false }));
        end.after = [];
        // A blank line between the comments and what they precede goes before them.
        if (next.before.length === 0) {
            moved[0]!.blankBefore = next.blankBefore;
            next.blankBefore = false;
        }
        next.before = moved.concat(next.before); // not `unshift(...moved)`: too many comments for the call's arguments
    }
    return ordered;
}

/**
 * A comment after a token, after `marginOf()` (white space as wide as what
 * comes before it on its line): its text, with
 * trailing whitespace removed from every line, continuation lines keeping
 * their indentation relative to its start, as comments on their own lines
 * do (`ownLineComment`). A doc comment's documentation is read so (`docText`
 * in graph/collect-nodes.ts): moved to another column with its lines kept as
 * written, an unstarred line would gain or lose indentation in it.
 */
function trailingCommentText(comment: Comment, marginOf: () => string): string {
    const [first, ...rest] = comment.text.split(/\r?\n/);
    if (rest.length === 0) return first!.trimEnd();
    const margin = marginOf();
    const lines = rest.map(raw => {
        const leading = raw.length - raw.trimStart().length;
        const text = raw.slice(Math.min(leading, comment.column)).trimEnd();
        return text === '' ? '' : margin + text;
    });
    return [first!.trimEnd(), ...lines].join('\n');
}

function firstToken(item: Item): Token {
    const token = item.kind === 'attribute' ? item.tokens[0] : item.header[0];
    if (!token) throw new Error('an item without tokens');
    return token;
}

function lastToken(item: Item): Token {
    const token = item.kind === 'attribute' ? item.tokens[item.tokens.length - 1] : item.close ?? item.header[item.header.length - 1];
    if (!token) throw new Error('an item without tokens');
    return token;
}
