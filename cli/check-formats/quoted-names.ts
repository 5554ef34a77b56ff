/**
 * A finding's message in a text format (`pretty`, `github`), where the
 * user's text it quotes in double quotes (a file's name, a title, a CSV
 * cell: `file "data/a.csv" is missing`) is shown exactly: every control
 * character, tab and line break in it as `\xHH` and the separators and
 * bidirectional controls as `\uHHHH` (language/present/controls.ts), as the
 * file headers show a name. The format says what becomes of the rest, the
 * message's own words and its code spans (the source text a syntax message
 * quotes): `pretty` joins its lines into one row. The double-quoted parts
 * are those the report takes for the user's text (`messageSpans`: quotes
 * outside code spans, paired); the JSON and SARIF formats keep the message
 * as it is.
 */
import { codeSpan } from '../../language/present/index.js';
import { escapeUnseen } from '../../language/present/controls.js';
import { messageSpans, plainText } from '../report/blocks.js';

/** `message` with each double-quoted part escaped whole, and the rest, code spans included, as `rest` writes it. */
export function withQuotedNamesShown(message: string, rest: (text: string) => string): string {
    return messageSpans(message).map(span => {
        if (typeof span === 'string') return rest(span);
        if ('user' in span) return escapeUnseen(span.user);
        if ('code' in span) return rest(codeSpan(span.code));
        return rest(plainText([span]));
    }).join('');
}
