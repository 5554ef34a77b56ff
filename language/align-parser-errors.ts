import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import type { BlockWords } from './block-words.js';
import { codeSpan, orList, shortened } from './present/index.js';
import { lineEnd } from './line-starts.js';

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name', STRING: 'a "quoted string"', NUMBER: 'a number', PERCENT: 'a percentage such as 12%',
    DATE: 'a date such as 2026-06-30', MONTH: 'a month such as 2026-06', QUARTER: 'a quarter such as 2026-Q2', HALF: 'a half such as 2026-H2',
    EOF: 'the end of the file'
};

/** Past this many choices the message names the kinds of thing expected, not every keyword. */
const MAX_LISTED = 6;

/** Past this many characters a message shows the start of what it quotes and an ellipsis (a file may hold one 5 MB word). */
export const MAX_QUOTED = 40;

/** Text left over after the declarations (a stray word or `}`): what it is, and what to do. */
function unexpectedAfterDeclarations(token: IToken | undefined): string {
    return `Unexpected ${found(token)} outside a declaration: start a declaration (\`outcome\`, \`metric\`, \`skill\`, …) or remove it.`;
}

/**
 * Parser errors in words: "Expected a number or a percentage such as 12%,
 * but found `}`." instead of chevrotain's list of token sequences; where a
 * name may stand, the keywords that may also serve as names are not listed.
 */
export class AlignParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    /** The words of each declaration's block, for a word in a block that none of them is (`kidn` for `kind`). */
    constructor(private readonly blockWords?: BlockWords) {
        super();
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        if (options.expected.name === 'EOF') return unexpectedAfterDeclarations(options.actual);
        const message = `Expected ${describe([options.expected])}, but found ${found(options.actual)}`;
        const hint = options.expected.name === '}' ? this.blockWords?.hint(options.ruleName, options.actual.image) : undefined;
        return hint ? `${message}: ${hint}${hint.endsWith('?') ? '' : '.'}` : `${message}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const after = expectedAfter(options.expectedPathsPerAlt, options.actual);
        if (after) return after;
        let expected = this.expectedWords.get(options.expectedPathsPerAlt);
        if (expected === undefined) {
            expected = describe(options.expectedPathsPerAlt.flat().map(path => path[0]).filter((t): t is TokenType => t !== undefined));
            this.expectedWords.set(options.expectedPathsPerAlt, expected);
        }
        return `Expected ${expected}, but found ${found(options.actual[0])}.`;
    }

    /** What each choice expects, in words, by its paths (no-viable-alt-paths.ts gives a choice the same paths every time). */
    private readonly expectedWords = new WeakMap<TokenType[][][], string>();

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const first = options.expectedIterationPaths.map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return `Expected at least one ${describe(first)}, but found ${found(options.actual[0])}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return unexpectedAfterDeclarations(options.firstRedundant);
    }
}

/**
 * When the choice's alternatives start with the same words and the text
 * has them (`pull` before `sql` or `xapi`), what may follow them, as
 * "Expected `sql` or `xapi` after `pull`, but found `postgres`." (naming
 * the first words of each alternative would say "Expected `pull`, but
 * found `pull`"); undefined when the text differs from every alternative
 * at its first word.
 */
function expectedAfter(expectedPathsPerAlt: readonly TokenType[][][], actual: readonly IToken[]): string | undefined {
    const paths = expectedPathsPerAlt.flat();
    const matched = (path: readonly TokenType[]): number => {
        let count = 0;
        while (count < path.length && count < actual.length && tokenMatcher(actual[count]!, path[count]!)) count++;
        return count;
    };
    // How many words of the text some alternative has, short of the whole alternative.
    const depth = Math.max(0, ...paths.map(path => Math.min(matched(path), path.length - 1)));
    if (depth === 0 || depth >= actual.length) return undefined;
    const next = paths.filter(path => path.length > depth && matched(path) >= depth).map(path => path[depth]!);
    const words = actual.slice(0, depth).map(token => shortened(token.image, MAX_QUOTED)).join(' ');
    return `Expected ${describe(next)} after ${codeSpan(words)}, but found ${found(actual[depth])}.`;
}

function describe(tokens: readonly TokenType[]): string {
    const names = [...new Set(tokens.map(t => t.name))];
    const isKeyword = (n: string): boolean => !(n in TOKEN_WORDS);
    // Where a name may stand, the attribute words that may also be names are noise.
    const words = names.filter(n => !isKeyword(n) || !names.includes('ID'))
        .map(n => isKeyword(n) ? `\`${n}\`` : TOKEN_WORDS[n]!);
    const shown = words.length > MAX_LISTED ? [...words.slice(0, MAX_LISTED), 'another keyword'] : words;
    return shown.length === 0 ? 'something else' : orList(shown);
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === '') return 'the end of the file';
    return codeSpan(shortened(token.image, MAX_QUOTED));
}

/** A lexer error as chevrotain reports it: where the characters no token matches start, and how many there are. */
export interface LexerError {
    offset: number;
    line: number | undefined;
    column: number | undefined;
    length: number;
    message: string;
}

/** What went wrong at a place the lexer could not read, in words, and how far it reaches. */
export interface LexerProblem {
    readonly message: string;
    /** Characters the problem covers from its offset (on its line). */
    readonly length: number;
    /** Later lexer errors before this offset follow from this one (the rest of an unclosed string or comment). */
    readonly until: number;
}

/**
 * Lexer errors in words ("unexpected character: ->"<- at offset: 12,
 * skipped 1 characters." says nothing of an unclosed string): an
 * unterminated string runs to the end of its line, a string with an escape
 * other than `\"` and `\\` to its closing quote, an unclosed `/*` is named
 * at its start; anything else is an unexpected character, shown as written
 * (or as its code point when it cannot be seen).
 */
export function lexerProblem(text: string, offset: number, length: number): LexerProblem {
    if (text[offset] === '"') return stringProblem(text, offset);
    if (text.startsWith('/*', offset)) {
        return { message: 'Unterminated comment: add `*/` to close the comment that `/*` opens here.', length: 2, until: text.length };
    }
    if (text.startsWith('*/', offset)) {
        return { message: '`*/` closes no comment: remove it, or open the comment with `/*`.', length: 2, until: offset + 2 };
    }
    // Only the first characters are shown: a run of thousands would make a message line of thousands.
    const skipped = [...text.slice(offset, offset + Math.min(Math.max(length, 1), 2 * MAX_QUOTED + 2))];
    const cut = skipped.length > MAX_QUOTED + 1;
    const shown = `${shownCharacters(cut ? skipped.slice(0, MAX_QUOTED) : skipped)}${cut ? ' …' : ''}`;
    const many = skipped.length > 1;
    return {
        message: `Unexpected character${many ? 's' : ''} ${shown}: ${many ? 'they' : 'it'} may stand only in a "quoted string" or a comment.`,
        length, until: offset + length
    };
}

function stringProblem(text: string, offset: number): LexerProblem {
    let badEscape: string | undefined;
    for (let i = offset + 1; i < text.length; i++) {
        const c = text[i]!;
        if (c === '\n' || c === '\r') break;
        if (c === '\\') {
            const next = text[i + 1];
            if (next === undefined || next === '\n' || next === '\r') break;
            if (next !== '"' && next !== '\\') badEscape ??= `\\${next}`;
            i++;
            continue;
        }
        if (c === '"') {
            const escape = badEscape ?? '\\';
            return {
                message: `Invalid escape ${codeSpan(escape)} in a string: only \`\\"\` (a quote) and \`\\\\\` (a backslash) may follow a backslash.`,
                length: i + 1 - offset, until: i + 1
            };
        }
    }
    const end = lineEnd(text, offset);
    return { message: 'Unterminated string: add the closing `"` on the same line.', length: end - offset, until: end };
}

/** Characters as a message shows them: those that can be seen in backticks, the others by code point (`§§` U+200B). */
function shownCharacters(characters: readonly string[]): string {
    const parts: string[] = [];
    let run = '';
    for (const c of characters) {
        if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(c)) {
            run += c;
            continue;
        }
        if (run) parts.push(codeSpan(run));
        run = '';
        parts.push(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    if (run) parts.push(codeSpan(run));
    return parts.join(' ');
}

/**
 * The errors of one lexing with readable messages and ranges; errors that
 * lie in what an earlier one reports (the rest of an unclosed string or
 * comment) are left out. Linear in the text: each problem reads only up to
 * its own end, and the errors inside it are not read again.
 */
export function readableLexerErrors<E extends LexerError>(text: string, errors: readonly E[]): E[] {
    const result: E[] = [];
    let until = -1;
    for (const error of errors) {
        if (error.offset < until) continue;
        const problem = lexerProblem(text, error.offset, error.length);
        result.push({ ...error, message: problem.message, length: problem.length });
        until = problem.until;
    }
    return result;
}
