/**
 * VS Code snippet bodies as the text an editor inserts when the user accepts
 * every default: `${1:Name}` → `Name` (nested placeholders expanded),
 * `${1|a,b|}` → `a`, `$1` / `${1}` → the default of tab stop 1 (a mirror)
 * or nothing, `$0` → nothing; `\$`, `\}` and `\\` are unescaped.
 */
export function expandSnippet(body: string): string {
    const defaults = new Map<string, string>();
    // First pass: the default text of every tab stop that has a placeholder or choice.
    collect(body, defaults);
    return render(body, defaults);
}

interface Parsed { text: string; end: number }

function collect(body: string, defaults: Map<string, string>): void {
    parse(body, 0, false, defaults, true);
}

function render(body: string, defaults: Map<string, string>): string {
    return parse(body, 0, false, defaults, false).text;
}

/** Parses from `start` up to the end (or, inside a placeholder, up to its closing `}`). */
function parse(body: string, start: number, nested: boolean, defaults: Map<string, string>, collecting: boolean): Parsed {
    let text = '';
    let i = start;
    while (i < body.length) {
        const c = body[i]!;
        if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
            text += body[i + 1];
            i += 2;
        } else if (nested && c === '}') {
            return { text, end: i + 1 };
        } else if (c === '$') {
            const simple = /^\$(\d+)/.exec(body.slice(i));
            const braced = /^\$\{(\d+)(?=[:|}])/.exec(body.slice(i));
            if (simple) {
                text += collecting ? '' : defaults.get(simple[1]!) ?? '';
                i += simple[0].length;
            } else if (braced) {
                const stop = braced[1]!;
                let j = i + braced[0].length;
                if (body[j] === '}') {
                    text += collecting ? '' : defaults.get(stop) ?? '';
                    i = j + 1;
                } else if (body[j] === '|') {
                    const close = body.indexOf('|}', j + 1);
                    if (close < 0) throw new Error(`unterminated choice at ${i}`);
                    const first = body.slice(j + 1, close).split(',')[0]!;
                    if (collecting && !defaults.has(stop)) defaults.set(stop, first);
                    text += first;
                    i = close + 2;
                } else {
                    j += 1; // ':'
                    const inner = parse(body, j, true, defaults, collecting);
                    if (collecting && !defaults.has(stop)) defaults.set(stop, inner.text);
                    text += inner.text;
                    i = inner.end;
                }
            } else {
                throw new Error(`unsupported snippet syntax at ${i}: ${body.slice(i, i + 12)}`);
            }
        } else {
            text += c;
            i += 1;
        }
    }
    if (nested) throw new Error('unterminated placeholder');
    return { text, end: i };
}

/**
 * The texts an editor inserts for every combination of a snippet's choices
 * (`${1|a,b|}`), the other placeholders at their defaults: one text when
 * the body has no choice.
 */
export function expandSnippetChoices(body: string): string[] {
    const choice = /\$\{(\d+)\|([^|]*)\|\}/g;
    const stops = new Map<string, string[]>();
    for (const m of body.matchAll(choice)) stops.set(m[1]!, m[2]!.split(','));
    let combinations: Array<Map<string, string>> = [new Map()];
    for (const [stop, options] of stops) {
        combinations = combinations.flatMap(picked => options.map(option => new Map([...picked, [stop, option]])));
    }
    return combinations.map(picked => expandSnippet(body.replace(choice, (_, stop: string) => `\${${stop}:${picked.get(stop)!}}`)));
}
