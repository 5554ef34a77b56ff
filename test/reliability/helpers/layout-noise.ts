/**
 * Layout noise for the formatter fuzzer: the same tokens (comments
 * included, in the same order) laid out at random. Every gap between two
 * tokens becomes random white space (spaces, tabs, blank lines, `\r\n` or
 * a lone `\r`, sometimes nothing between punctuation), and new comments are
 * put in random gaps: line, block, multi-line block and doc comments, each
 * with a text of its own (`n3`, `b4`, `d5` ...), and in one file in four
 * `align-disable-next-line` comments. Sometimes a byte order mark first, a comment last without a line
 * break. A line comment is always followed by a line break, so the result
 * lexes to the same significant tokens as the text it was made from
 * (`relaidOut` checks it).
 */
import { formatterServices } from '../../../language/format/format-align.js';
import { seededRandom } from '../../unit/helpers/seeded-random.js';

/** Tokens that may touch their neighbour with no white space between them. */
const GLUE = new Set(['{', '}', ',', ':', '.']);

/** The comments the noise adds (`#` is replaced by a number of its own). */
const NEW_COMMENTS = [
    '// n#', '// n#   ', '//', '/* b# */', '/** d# */', '/**/', '/* m#\n     second line\n*/',
    '/** d#\n * more of d#\n */', '/** d#\n    unstarred line\n  */', '// align-disable-next-line', '// align-disable-next-line objective-without-kpi',
];

export interface Relaid {
    readonly text: string;
    /** The significant tokens of the original, which `text` has too. */
    readonly tokens: readonly string[];
}

/** `text` (which must lex without an error) laid out at random from `seed`: same tokens, same comments in the same order, plus new comments. */
export function relaidOut(text: string, seed: number): Relaid {
    const random = seededRandom(seed);
    const chance = (n: number) => random(n) === 0;
    const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
    const lexed = formatterServices().parser.Lexer.tokenize(text);
    const parts = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => t.image);
    const eol = pick(['\n', '\n', '\n', '\r\n', '\r']);
    const lineBreak = () => (chance(20) ? pick(['\n', '\r\n', '\r']) : eol);
    const indent = () => pick(['', '', '  ', '    ', '\t', '      ', ' \t ']);
    let counter = 0;
    // Suppressions in one file in four: a line after one keeps its text, so the formatter often refuses (documented).
    const comments = chance(4) ? NEW_COMMENTS : NEW_COMMENTS.filter(c => !c.includes('align-disable'));
    const newComment = () => pick(comments).replace(/#/g, String(++counter)).replace(/\n/g, eol);
    const gap = (before: string | undefined, after: string | undefined): string => {
        if (before?.startsWith('//')) return pick(['', '', ' \t', '  ']) + lineBreak() + (chance(4) ? lineBreak() : '') + indent();
        if (before !== undefined && after !== undefined && (GLUE.has(before) || GLUE.has(after)) && chance(6)) return '';
        switch (random(12)) {
            case 0: case 1: case 2: return lineBreak() + indent();
            case 3: return lineBreak() + indent() + lineBreak() + indent();
            case 4: return lineBreak() + lineBreak() + lineBreak() + indent();
            case 5: return '\t';
            case 6: return '   ';
            default: return ' ';
        }
    };
    /** The white space between two parts, with new comments in it now and then. */
    const between = (before: string | undefined, after: string | undefined): string => {
        let out = '';
        let last = before;
        while (chance(8)) {
            const comment = newComment();
            out += (last === undefined ? '' : gap(last, comment)) + comment;
            last = comment;
        }
        return out + (after === undefined ? (last?.startsWith('//') ? lineBreak() : '') : gap(last, after));
    };
    let result = chance(10) ? '\ufeff' : '';
    if (chance(5)) result += between(undefined, parts[0]);
    parts.forEach((part, i) => {
        result += part;
        if (i < parts.length - 1) result += between(part, parts[i + 1]);
    });
    // The end: nothing, a line break or a few, spaces, or a comment without a line break after it.
    switch (random(6)) {
        case 0: break;
        case 1: result += lineBreak() + lineBreak(); break;
        case 2: result += '  \t'; break;
        case 3: result += (parts.length > 0 ? lineBreak() : '') + newComment().replace(/^\/\/.*$/, '/* last */'); break;
        case 4: result += (parts.length > 0 && !parts[parts.length - 1]!.startsWith('//') ? ' ' : '') + pick(['// last', '/* last */']); break;
        default: result += eol;
    }
    if (parts[parts.length - 1]?.startsWith('//') && !/[\r\n]$/.test(result) && !result.endsWith('// last')) result += eol;
    const tokens = lexed.tokens.map(t => t.image);
    const again = formatterServices().parser.Lexer.tokenize(result);
    const same = again.errors.length === 0 && again.tokens.length === tokens.length && again.tokens.every((t, i) => t.image === tokens[i]);
    if (!same) throw new Error(`layout noise changed the tokens (a fault of the noise, seed ${seed}):\n${JSON.stringify(result)}`);
    return { text: result, tokens };
}
