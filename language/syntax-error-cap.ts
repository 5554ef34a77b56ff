import { EOF, MismatchedTokenException, type IRecognitionException, type IToken } from 'chevrotain';
import type { AstNode, LangiumParser, ParseResult, ParserOptions } from 'langium';

/**
 * The most syntax errors one parse reports. Past it the parse stops reading
 * the file, and one more error says so (`capSyntaxErrors`).
 */
export const MAX_SYNTAX_ERRORS = 10_000;

/** What the last error says: that the rest of the file was not read, and what to do. */
export function tooManySyntaxErrors(max: number): string {
    return `Too many syntax errors: after the first ${max.toLocaleString('en-US')}, Align reads no further in this file. `
        + 'Fix the first ones (one mistake often causes many), then check again.';
}

/** The parts of chevrotain's parser that the cap reads and sets (private fields, set in its constructor). */
interface Engine {
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
    _errors: IRecognitionException[];
    tokVector: IToken[];
    tokVectorLength: number;
    currIdx: number;
}

/**
 * Stops a parse at its `max`-th syntax error. Chevrotain's recovery goes on
 * after each error, and some texts make one error per token: a reference of
 * 5,000,000 dots (`drives X.....`) made 5,000,000 errors, each with its
 * exception, message and recovery (some 40 µs), and did not finish.
 *
 * At the `max`-th error the tokens after the one the parser is at are cut
 * off: the parser reads the end of the file there, closes what is open,
 * and keeps the errors it found so far (those it makes at that end are not
 * kept). The parse result then ends with one more error, at the first token
 * not read (or at the end of the last one read when every token was read),
 * that says so (`tooManySyntaxErrors`). The declarations after that place
 * are not in the tree.
 *
 * The cut depends only on the errors, counted from the start of the parse:
 * a parse of the text from a declaration that a whole parse reaches without
 * error (language/incremental-parse.ts) stops at the same token.
 */
export function capSyntaxErrors(parser: LangiumParser, max = MAX_SYNTAX_ERRORS): void {
    // A private field of LangiumParser (its chevrotain parser), set in its constructor. The unit test checks that it is used.
    const wrapper = (parser as unknown as { wrapper?: Partial<Engine> }).wrapper;
    if (typeof wrapper?.SAVE_ERROR !== 'function' || !Array.isArray(wrapper._errors) || !Array.isArray(wrapper.tokVector)) {
        throw new Error('Langium\'s parser no longer keeps a chevrotain parser with SAVE_ERROR, _errors and tokVector in `wrapper`');
    }
    const engine = wrapper as Engine;
    const save = engine.SAVE_ERROR;
    let stopped: IRecognitionException | undefined;
    engine.SAVE_ERROR = function (this: Engine, error) {
        // Past the cap (at the end of the file the cut made) recovery goes on as before; the error is not kept.
        if (stopped) return error;
        const saved = save.call(this, error);
        if (this._errors.length >= max) stopped = stop(this, tooManySyntaxErrors(max));
        return saved;
    };
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        stopped = undefined;
        const result = parse<T>(input, options);
        if (stopped) result.parserErrors = [...result.parserErrors, stopped];
        stopped = undefined;
        return result;
    };
}

/**
 * Cuts off the tokens after the one the parser is at, so that it reads the
 * end of the file next; the error that says so, at the first token cut off
 * (or after the last one read).
 */
function stop(engine: Engine, message: string): IRecognitionException {
    const tokens = engine.tokVector;
    const next = engine.currIdx + 1;
    // Chevrotain put its end-of-file token after the last token (as many times as it looks ahead) before the parse.
    const end = tokens[engine.tokVectorLength];
    if (end?.tokenType !== EOF) throw new Error('Chevrotain no longer ends the tokens it parses with its end-of-file token');
    const sentinels = tokens.length - engine.tokVectorLength;
    const unread = next < engine.tokVectorLength ? tokens[next] : undefined;
    const last = next > 0 && next <= engine.tokVectorLength ? tokens[next - 1] : undefined;
    if (unread) {
        // A new vector: the lexer's tokens stay as they were, without the end-of-file tokens the parse added.
        engine.tokVector = tokens.slice(0, next).concat(Array.from({ length: sentinels }, () => end));
        engine.tokVectorLength = next;
        tokens.length -= sentinels;
    }
    return new MismatchedTokenException(message, unread ?? end, last ?? end);
}
