/**
 * What `align graph` and `align report` say on standard error about what
 * they could not read: the output is still written (exit 0), but it leaves
 * out what could not be read, so each file with syntax errors gets one line
 * with its first error and their count (a file that is not Align text,
 * left out whole, says that instead of its first error), and so does a
 * settings file with problems (`config-invalid`: its invalid parts are
 * ignored and the rest applies, or, when it gave no settings at all, the
 * defaults apply); a closing line says so and to run `align check`.
 */
import { plural } from '../../language/present/words.js';
import { cellWidth } from '../../language/text/cell-width.js';
import { escapeUnseen } from '../../language/present/controls.js';
import { fitMessage } from '../../language/text/wrap.js';
import type { PlacedFinding } from './load-graph.js';
import { leavesTextOut } from '../check/collect-findings.js';
import { defaultsApply } from '../../language/config/parse-config.js';

const WIDTH = 80;
/** The line of a file that is not Align text, instead of its first syntax error (which is at its first line of code). */
const NOT_ALIGN = 'is not Align text: left out whole';

/**
 * One line per file with syntax errors or invalid settings, in file order
 * (`findings` sorted by file, line, column), then the hint; none without.
 * `notAlign`: the URIs of the files that are not Align text (not-align-files.ts).
 */
export function syntaxNotices(findings: readonly PlacedFinding[], output: 'graph' | 'report' = 'graph', notAlign: ReadonlySet<string> = new Set()): string[] {
    const byFile = new Map<string, PlacedFinding[]>();
    for (const f of findings) {
        if (!leavesTextOut(f) && f.rule !== 'config-invalid') continue;
        const list = byFile.get(f.file);
        if (list) list.push(f);
        else byFile.set(f.file, [f]);
    }
    if (byFile.size === 0) return [];
    const isNotAlign = (f: PlacedFinding) => f.uri !== undefined && notAlign.has(f.uri);
    const lines = [...byFile.values()].map(list => {
        const first = list[0]!;
        const place = `${first.file}:${first.line}:${first.column}: `;
        const count = ` (${plural(list.length, first.rule === 'syntax' ? 'syntax error' : 'problem')})`;
        const message = isNotAlign(first) ? NOT_ALIGN : withoutName(first.message.trim().replace(/\.$/, ''), first.file);
        return place + fitted(message, WIDTH - cellWidth(place) - cellWidth(count)) + count;
    });
    const firsts = [...byFile.values()].map(list => list[0]!);
    const notAlignCount = firsts.filter(isNotAlign).length;
    const unread = firsts.some(f => f.rule === 'syntax' && !isNotAlign(f));
    const settings = findings.filter(f => f.rule === 'config-invalid');
    const settingsWhat = settings.length === 0 ? '' : settings.some(f => defaultsApply(f.message)) ? 'takes the default settings' : 'ignores the invalid settings';
    const notAlignWhat = notAlignCount === 0 ? '' : `leaves out ${notAlignCount === 1 ? 'the file that is' : 'the files that are'} not Align text${unread ? ' and what could not be read' : ''}`;
    const what = [notAlignWhat || (unread ? 'leaves out what could not be read' : ''), settingsWhat].filter(Boolean).join(' and ');
    // A file name or message may hold control characters: written as `\xHH`, not sent to the terminal.
    return [...lines.map(line => escapeUnseen(line)), ...fitMessage(`align: the ${output} ${what}; run align check`, WIDTH).split('\n')];
}

/**
 * A message that starts with its file's name (`bad.json is not valid JSON:
 * ...`, a settings problem) without it: the line names the file first
 * (`bad.json:1:2: is not valid JSON: ...`), once.
 */
function withoutName(message: string, file: string): string {
    const name = file.slice(file.lastIndexOf('/') + 1);
    return name !== '' && message.startsWith(`${name} `) ? message.slice(name.length + 1) : message;
}

/** `text` cut to `width` cells (at least 20) with an ellipsis when longer, after a whole word when one ends in the second half. */
function fitted(text: string, width: number): string {
    const room = Math.max(width, 20);
    if (cellWidth(text) <= room) return text;
    let cut = '';
    for (const ch of text) {
        if (cellWidth(`${cut}${ch}…`) > room) break;
        cut += ch;
    }
    const word = /\s\S*$/.exec(cut);
    if (word && text[cut.length] !== undefined && /\S/.test(text[cut.length]!) && word.index >= cut.length / 2) cut = cut.slice(0, word.index);
    return `${cut.trimEnd().replace(/[,;:]$/, '')}…`;
}
