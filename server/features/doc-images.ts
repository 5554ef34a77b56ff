/**
 * A doc comment as a hover shows it: its Markdown as written, but no image.
 * A doc comment from a third-party catalog could otherwise make the editor
 * load a remote image (a tracking pixel) each time the hover shows, so an
 * image shows as a link to it instead, whatever its address:
 * `![chart](https://x/c.png)` as `[image: chart](https://x/c.png)`, a
 * reference image `![chart][c]` (`![chart][]`, `![chart]`) as
 * `[image: chart][c]`, an HTML `<img src="..." alt="chart">` as
 * `[image: chart](<...>)`; inside a link's text, as its words `image: chart`.
 * Other HTML that loads something (`<video poster>`, `<iframe>`,
 * `<svg>`...) shows as written. Code spans are left as they are; the rest
 * (bold, links, lists, code blocks) is unchanged.
 */
import { literalText } from '../../language/present/index.js';

/** An HTML open tag (CommonMark's grammar), from `<`: its name and attributes. */
const OPEN_TAG = /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*)\s*\/?>/y;
/** An autolink or any other HTML (closing tag, comment, declaration): skipped whole, so that a backtick in it opens no code span. */
const OTHER_HTML = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+|\/[A-Za-z][A-Za-z0-9-]*\s*|!--[\s\S]*?--|![A-Za-z][^>]*|\?[\s\S]*?\?)>/y;
const ATTRIBUTE = /([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*([^\s"'=<>`]+|'[^']*'|"[^"]*"))?/g;
/** Tags that load what they name (besides `img`), and the attributes that do on any tag. */
const LOADING_TAG = /^(?:image|picture|source|video|audio|track|iframe|frame|object|embed|input|link|style|script|svg|base|body)$/i;
const LOADING_ATTRIBUTE = /^(?:src|srcset|poster|background|data|xlink:href)$/i;
/** A link reference definition's label, at a line's start. */
const DEFINITION = /^ {0,3}\[((?:\\.|[^\\[\]])+)\]:/gm;

/** The doc comment with every image made a link (see the file's comment). */
export function docWithoutImages(doc: string): string {
    if (!/!\[|<[A-Za-z]/.test(doc)) return doc;
    const labels = new Set([...doc.matchAll(DEFINITION)].map(m => normalLabel(m[1]!)));
    return rewrite(doc, labels, 0);
}

/** A label as references match it: case and runs of white space ignored. */
function normalLabel(label: string): string {
    return label.trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase();
}

/** The text from `start`, where a bracket opens, to its closing bracket (nested ones balanced, escapes skipped); -1 when it does not close in the paragraph. */
function closingBracket(text: string, start: number): number {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (c === '\\') i++;
        else if (c === '[') depth++;
        else if (c === ']' && --depth === 0) return i;
        else if (c === '\n' && /^\n[ \t]*(?:\n|$)/.test(text.slice(i, i + 80))) return -1;
    }
    return -1;
}

/** The end (after `)`) of an inline link's destination and title starting at `(`, or -1 when they are not one. */
function inlineEnd(text: string, open: number): number {
    let i = open + 1;
    const spaces = (): void => { while (i < text.length && /[ \t\n]/.test(text[i]!)) i++; };
    spaces();
    if (text[i] === '<') {
        for (i++; i < text.length && text[i] !== '>'; i++) {
            if (text[i] === '\n' || text[i] === '<') return -1;
            if (text[i] === '\\') i++;
        }
        if (i >= text.length) return -1;
        i++;
    } else {
        let depth = 0;
        for (; i < text.length && !/[\s\x00-\x1f]/.test(text[i]!); i++) {
            if (text[i] === '\\') i++;
            else if (text[i] === '(') depth++;
            else if (text[i] === ')' && depth-- === 0) break;
        }
    }
    const beforeTitle = i;
    spaces();
    const close = { '"': '"', '\'': '\'', '(': ')' }[text[i] ?? ''];
    if (close && i > beforeTitle) {
        for (i++; i < text.length && text[i] !== close; i++) if (text[i] === '\\') i++;
        if (i >= text.length) return -1;
        i++;
        spaces();
    }
    return text[i] === ')' ? i + 1 : -1;
}

/** A reference `[label]` from `open`: its label and end, or undefined. */
function referenceAt(text: string, open: number): { label: string; end: number } | undefined {
    const match = /^\[((?:\\.|[^\\[\]]){0,999})\]/.exec(text.slice(open, open + 1002));
    return match ? { label: match[1]!, end: open + match[0].length } : undefined;
}

/** `text` with its images made links; `depth`: how many brackets are open around it (inside a link's text, an image becomes words). */
function rewrite(text: string, labels: ReadonlySet<string>, depth: number): string {
    let out = '';
    let i = 0;
    const defined = (label: string): boolean => labels.has(normalLabel(label));
    while (i < text.length) {
        const c = text[i]!;
        if (c === '\\') {
            out += text.slice(i, i + 2);
            i += 2;
        } else if (c === '`') {
            // A code span on this line is kept as it is; an unmatched run of backticks is literal.
            const run = /^`+/.exec(text.slice(i))![0];
            const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
            const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
            close.lastIndex = i + run.length;
            const found = close.exec(text.slice(0, lineEnd));
            const end = found ? found.index + run.length : i + run.length;
            out += text.slice(i, end);
            i = end;
        } else if (c === '<') {
            OPEN_TAG.lastIndex = i;
            const tag = OPEN_TAG.exec(text);
            OTHER_HTML.lastIndex = i;
            const other = tag ? undefined : OTHER_HTML.exec(text);
            if (tag) {
                out += htmlTag(tag[0], tag[1]!, tag[2]!, depth);
                i += tag[0].length;
            } else if (other) {
                out += other[0];
                i += other[0].length;
            } else {
                // Not HTML by CommonMark's rules; a lenient renderer might still take `<img` for a tag.
                out += /^<img/i.test(text.slice(i, i + 4)) ? '\\<' : '<';
                i++;
            }
        } else if (c === '!' && text[i + 1] === '[') {
            const close = closingBracket(text, i + 1);
            const image = close < 0 ? undefined : imageAt(text, i, close, defined);
            if (!image) {
                // Not an image (no closing bracket, no destination, no definition): `\!` reads the same and can make none.
                out += '\\!';
                i++;
                continue;
            }
            const alt = rewrite(text.slice(i + 2, close), labels, depth + 1);
            const words = alt === '' ? 'image' : `image: ${alt}`;
            out += depth > 0 ? words : `[${words}]${image.target}`;
            i = image.end;
        } else {
            if (c === '[') depth++;
            else if (c === ']' && depth > 0) depth--;
            out += c;
            i++;
        }
    }
    return out;
}

/** The image whose alt text ends at `close`: what its link is to (`(destination "title")` or `[label]`) and where it ends, or undefined. */
function imageAt(text: string, start: number, close: number, defined: (label: string) => boolean): { target: string; end: number } | undefined {
    const after = close + 1;
    if (text[after] === '(') {
        const end = inlineEnd(text, after);
        if (end > 0) return { target: text.slice(after, end), end };
    }
    const alt = text.slice(start + 2, close);
    const reference = text[after] === '[' ? referenceAt(text, after) : undefined;
    if (reference && reference.label.trim() !== '' && defined(reference.label)) return { target: `[${reference.label}]`, end: reference.end };
    if (reference && reference.label === '' && defined(alt)) return { target: `[${alt}]`, end: reference.end };
    return defined(alt) ? { target: `[${alt}]`, end: after } : undefined;
}

/** An HTML open tag: an `<img>` as a link to its source, another tag that loads something as written, the rest as it is. */
function htmlTag(tag: string, name: string, attributes: string, depth: number): string {
    const values = new Map<string, string>();
    for (const [, key, value] of attributes.matchAll(ATTRIBUTE)) values.set(key!.toLowerCase(), (value ?? '').replace(/^(["'])([\s\S]*)\1$/, '$2'));
    if (name.toLowerCase() === 'img') {
        const alt = values.get('alt')?.trim() ?? '';
        const words = alt === '' ? 'image' : `image: ${literalText(alt)}`;
        const src = values.get('src')?.trim() ?? '';
        return depth > 0 || src === '' ? words : `[${words}](<${src.replace(/[\s<>\\]/g, c => c === ' ' ? '%20' : encodeURIComponent(c))}>)`;
    }
    const loads = LOADING_TAG.test(name) || [...values.keys()].some(key => LOADING_ATTRIBUTE.test(key));
    return loads ? `\\${tag}` : tag;
}
