/**
 * The user's text in the HTML report sits in a bidi isolate (`<bdi>`, or
 * code's `dir="ltr"`): a right-to-left title keeps its own order, and an
 * override (U+202E) in it ends where the text does. Chromium lays an
 * isolate out as if its text were framed by U+2068 ... U+2069, so the
 * text's own isolate controls must pair up: an unpaired U+2069 would end
 * the frame early, an unpaired U+2066-U+2068 would leave it open to the end
 * of the line, where the report's words after the text would take the
 * user's direction.
 */

const OPENS = /[\u2066-\u2068]/;
const CLOSE = '\u2069';

/** The text with its isolate controls paired: a U+2069 that closes nothing dropped, one added for each left open. */
export function pairedIsolates(text: string): string {
    if (!/[\u2066-\u2069]/.test(text)) return text;
    let open = 0;
    let out = '';
    for (const c of text) {
        if (OPENS.test(c)) open++;
        else if (c === CLOSE) {
            if (open === 0) continue;
            open--;
        }
        out += c;
    }
    return out + CLOSE.repeat(open);
}
