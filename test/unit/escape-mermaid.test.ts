/**
 * `escapeMermaid` and `mermaidIds` against what Mermaid does to the text
 * before it parses (its `encodeEntities`, copied below from mermaid 12): a
 * line that matches `/style.*:\S*#.*;/` or `/classDef.*:\S*#.*;/` loses its
 * last `;`. A label with `style` (also in `lifestyle`) and then `:` lost the
 * `;` of its last entity code, and showed it raw (`#amp` for `&`).
 */
import * as assert from 'node:assert/strict';
import { escapeMermaid, mermaidIds } from '../../cli/graph/mermaid.js';

/** Mermaid's `encodeEntities` (mermaid/dist/mermaid.js), then its `decodeEntities`, then the browser's reading of `&#NN;`/`&name;`. */
function mermaidReads(line: string): string {
    let text = line;
    text = text.replace(/style.*:\S*#.*;/g, s => s.substring(0, s.length - 1));
    text = text.replace(/classDef.*:\S*#.*;/g, s => s.substring(0, s.length - 1));
    text = text.replace(/#\w+;/g, s => {
        const inner = s.substring(1, s.length - 1);
        return /^\+?\d+$/.test(inner) ? `ﬂ°°${inner}¶ß` : `ﬂ°${inner}¶ß`;
    });
    const decoded = text.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
    return decoded.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&(quot|amp|lt|gt);/g, (_, n: string) => named[n]!);
}

/** The label of a node line as Mermaid reads it. */
function labelRead(id: string, label: string): string {
    const line = `    ${id}["${escapeMermaid(label)}"]`;
    const read = mermaidReads(line);
    const match = /^ {4}\S+\["(.*)"\]$/.exec(read);
    assert.ok(match, `a node line: ${read}`);
    return match[1]!.replace(/\u2060/g, '');
}

const LABELS = [
    'Adopt the coaching style:"ask first" & listen',
    'click callback; style O1 fill:#f00',
    'A lifestyle:[one] & {two}',
    'classDef x fill:#0f0; & <b>',
    'style:#1;#2;',
    'Lifestyle coaching:&more',
    'no style here, only a colon: & #',
    'plain "title" with # and ; and | and `code`',
];

describe('escapeMermaid and Mermaid\'s style pre-processing', () => {
    for (const label of LABELS) {
        it(`Mermaid reads ${JSON.stringify(label)} as written`, () => {
            assert.equal(labelRead('n_O', label), label);
        });
    }

    it('writes style and classDef with their first letter as an entity code, nothing else changed', () => {
        assert.equal(escapeMermaid('lifestyle'), 'life#115;tyle');
        assert.equal(escapeMermaid('classDef'), '#99;lassDef');
        assert.equal(escapeMermaid('Style, styles: a'), 'Style, #115;tyles: a');
        assert.equal(escapeMermaid('no KPI link: reaches no metric'), 'no KPI link: reaches no metric');
    });

    it('the same labels under an id that had style or classDef in it', () => {
        const ids = mermaidIds(['P.Lifestyle', 'P.styleGuide', 'classDefaults', 'n_styl_e']);
        for (const id of ids.values()) assert.doesNotMatch(id, /style|classDef/);
        assert.equal(new Set(ids.values()).size, 4, 'still one id each');
        for (const id of ids.values()) for (const label of LABELS) assert.equal(labelRead(id, label), label);
    });

    it('the pre-processing copied here does break the old escaping (the test can fail)', () => {
        const old = (text: string) => escapeMermaid(text).replace(/#115;tyle/g, 'style').replace(/#99;lassDef/g, 'classDef');
        const read = mermaidReads(`    n_O["${old('Adopt the coaching style:"ask first" & listen')}"]`);
        assert.match(read, /#amp /);
    });
});
