/**
 * Orders of text that do not depend on the locale: by UTF-16 code units,
 * and the same with runs of digits compared as the numbers they write
 * ("line 9" before "line 10"), for messages that name CSV lines.
 */

/** Compares by UTF-16 code units, independent of the locale. */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The end of the run of digits that starts at `start`. */
function digitsEnd(text: string, start: number): number {
    let end = start;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    return end;
}

/** Compares as `compareText`, but a run of digits against a run of digits by the number it writes. */
export function compareNatural(a: string, b: string): number {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const ca = a.charCodeAt(i);
        const cb = b.charCodeAt(j);
        if (isDigit(ca) && isDigit(cb)) {
            const [ea, eb] = [digitsEnd(a, i), digitsEnd(b, j)];
            const na = a.slice(i, ea).replace(/^0+(?=\d)/, '');
            const nb = b.slice(j, eb).replace(/^0+(?=\d)/, '');
            const byNumber = na.length - nb.length || compareText(na, nb);
            if (byNumber !== 0) return byNumber;
            [i, j] = [ea, eb];
        } else if (ca !== cb) {
            return ca - cb;
        } else {
            i++;
            j++;
        }
    }
    // One is a prefix of the other (as numbers); `007` and `7`: by text, so the order is total.
    return (a.length - i) - (b.length - j) || compareText(a, b);
}
