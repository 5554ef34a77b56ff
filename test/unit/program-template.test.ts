/**
 * The built-in program template (language/templates), which `align init`
 * and VS Code's New Program from Template both write.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatAlign } from '../../language/format/format-align.js';
import { BUILTIN_PROGRAM_TEMPLATE, PILOT_DAYS } from '../../language/templates/builtin-program.js';
import {
    fillTemplate, programFileName, programFrom, programFromTemplate, programNameProblem, programTitle, programValues
} from '../../language/templates/fill-template.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples', import.meta.url));
const GRAMMAR = fileURLToPath(new URL('../../language/align.langium', import.meta.url));

/** The fixture workspace, path -> text. */
function examples(): Record<string, string> {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap(n => statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]);
    return Object.fromEntries(walk(EXAMPLES).filter(f => /\.(align|csv)$/.test(f)).map(f => [relative(EXAMPLES, f).split('\\').join('/'), readFileSync(f, 'utf-8')]));
}

describe('the built-in program template', () => {
    it('fills the name, the title and the pilot dates, and leaves no placeholder', () => {
        const text = programFromTemplate('CustomerEscalations', '2026-03-01');
        assert.match(text, /^program CustomerEscalations "Customer escalations" \{$/m);
        assert.match(text, new RegExp(`pilot ${PILOT_DAYS} days from 2026-03-01 // or: window 2026-03-01 to 2026-05-30`));
        assert.match(text, /target 10% by 2026-05-30/);
        assert.match(text, /^ {2}\/\/ {3}2026-03: 17\.5%$/m);
        assert.doesNotMatch(text, /\{\{|\}\}/);
        assert.deepEqual(programValues('HRBasics', '2026-12-15'),
            { name: 'HRBasics', title: 'HR basics', start: '2026-12-15', end: '2027-03-15', startMonth: '2026-12' });
        assert.throws(() => fillTemplate('{{name}} {{owner}}', programValues('A', '2026-01-01')), /unknown template placeholder \{\{owner\}\}/);
        assert.throws(() => programValues('A', '2026-02-30'), /not a date/);
    });

    it('is in the canonical layout of align fmt', () => {
        const text = programFromTemplate('ChurnPilot', '2026-05-04');
        const formatted = formatAlign(text);
        assert.equal('text' in formatted ? formatted.text : formatted.error, text);
        assert.ok(BUILTIN_PROGRAM_TEMPLATE.split('\n').filter(l => l.trim().startsWith('//')).length >= 15, 'commented');
    });

    it('passes every rule, alone, twice in one workspace, and next to the example workspace', async () => {
        for (const name of ['Escalations', 'Churn_2', '_Onboarding']) {
            const text = programFromTemplate(name, '2026-01-05');
            assert.deepEqual((await checkWorkspace({ 'new.align': text })).findings, [], name);
            const together = await checkWorkspace({ ...examples(), 'new.align': text, 'other.align': programFromTemplate('Other', '2026-01-05') });
            assert.deepEqual(together.findings.filter(f => f.file === 'new.align' || f.file === 'other.align'), [], `${name} with the examples`);
        }
    });

    it('refuses exactly the names that the grammar does not take as a program name', async () => {
        const grammar = readFileSync(GRAMMAR, 'utf-8').split('\n').filter(l => !l.trim().startsWith('//')).join('\n');
        const words = [...new Set([...grammar.matchAll(/'([A-Za-z_][A-Za-z0-9_]*)'/g)].map(m => m[1]!))].sort();
        assert.ok(words.includes('program') && words.includes('sponsor'), words.join(' '));
        for (const word of words) {
            const { findings } = await checkWorkspace({ 'a.align': programFromTemplate(word, '2026-01-05') });
            const parses = !findings.some(f => f.rule === 'syntax');
            assert.equal(programNameProblem(word) === undefined, parses, `${word}: ${findings.filter(f => f.rule === 'syntax').map(f => f.message).join('; ')}`);
        }
        for (const bad of ['9lives', 'my-program', 'My Program', 'café', '']) assert.equal(programNameProblem(bad), 'not-a-name', bad);
    });

    it('escapes a title inside string literals only: a comment keeps it as written', () => {
        const title = 'A "quoted" C:\\path\\';
        const builtin = programFrom({ text: BUILTIN_PROGRAM_TEMPLATE, builtin: true }, 'Quoted', title, '2026-03-01');
        assert.ok(builtin.startsWith(`// ${title}: an Align program`), builtin.slice(0, 80));
        assert.match(builtin, /^program Quoted "A \\"quoted\\" C:\\\\path\\\\" \{$/m);
        const configured = '/* "${title}" */ program ${name} "${title}" // ${title}\nskill S "in \\"${title}\\""\n';
        assert.equal(programFrom({ text: configured, builtin: false }, 'Q', 'x"y', '2026-03-01'),
            '/* "x"y" */ program Q "x\\"y" // x"y\nskill S "in \\"x\\"y\\""\n');
    });

    it('reads a configured template with lone \\r line breaks as the lexer does: a line comment ends at one', () => {
        const configured = '// ${title}\rprogram ${name} "${title}" {\r}\r';
        assert.equal(programFrom({ text: configured, builtin: false }, 'Q', 'x"y', '2026-03-01'), '// x"y\rprogram Q "x\\"y" {\r}\r');
    });

    it('names the file and the title after the program', () => {
        assert.equal(programFileName('ChurnPilot'), 'churn-pilot.align');
        assert.equal(programFileName('HRBasics'), 'hr-basics.align');
        assert.equal(programFileName('sales_bootcamp'), 'sales-bootcamp.align');
        assert.equal(programFileName('_Draft'), '_draft.align', 'a leading _ stays: _Draft and Draft are two programs');
        assert.equal(programTitle('CustomerEscalations'), 'Customer escalations');
        assert.equal(programTitle('my_program'), 'My program');
    });
});
