import * as assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { LIST_PROPERTIES } from '../../language/validation/structure-rules.js';
import { checkWorkspace } from './helpers/check-workspace.js';

/** Every attribute of every declaration, as written once in a block (language.md). */
const ATTRIBUTES: Record<string, string[]> = {
    program: ['sponsor "S"', 'owner "O"', 'stakeholders "A", "B"', 'serves Out', 'pilot 30 days from 2026-01-05',
        'review monthly', 'phase deliver', 'cost 100 USD'],
    outcome: ['measured by M', 'owner "O"'],
    metric: ['kind leading', 'unit percent', 'direction up', 'baseline 10', 'target 20 by 2026-06-30', 'source "S"',
        'owner "O"', 'cadence weekly', 'drives M2', 'value 5 USD per point'],
    skill: ['assessed by "Quiz"'],
    behavior: ['enabled by Sk', 'moves M', 'observed by manager weekly with "R"', 'actor "Agents"'],
    objective: ['builds Sk', 'kpi M', 'practice roleplay "R"', 'assessed by "A"'],
    toolkit: ['for B', 'talk-track "T"', 'rubric "R"', 'checklist "C"', 'micro-challenge "M"', 'dashboard "D"']
};

const syntaxLines = (findings: Array<{ rule: string; line: number; message: string }>) =>
    findings.filter(f => f.rule === 'syntax').map(f => ({ line: f.line, message: f.message }));

describe('an attribute given twice', () => {
    for (const [keyword, attributes] of Object.entries(ATTRIBUTES)) {
        for (const attribute of attributes) {
            it(`${keyword}: \`${attribute}\` twice is a syntax error on the second, once is none`, async () => {
                const word = attribute.split(' ')[0]!;
                const others = attributes.filter(a => a !== attribute);
                const twice = [`${keyword} X "X" {`, attribute, ...others, attribute, '}'].join('\n  ');
                const { findings } = await checkWorkspace({ 'a.align': twice });
                assert.deepEqual(syntaxLines(findings), [{
                    line: others.length + 3,
                    message: `'X' gives \`${word}\` twice. Give each attribute once (list several values with commas).`
                }]);
                const once = await checkWorkspace({ 'a.align': [`${keyword} X "X" {`, ...attributes, '}'].join('\n  ') });
                assert.deepEqual(syntaxLines(once.findings), []);
            });
        }
    }
});

describe('a list attribute written once with several values', () => {
    const cases: Array<[string, string, number[]]> = [
        // [block, what it says, lines of the syntax findings expected]
        ['metric A "A" {\n  drives B, C ,\t D\n}', 'values separated by commas and spaces', []],
        ['metric A "A" {\n  drives B,\n    C,\n    D\n}', 'values on several lines', []],
        ['metric A "A" {\n  drives B, /* and */ C\n}', 'a comment between values', []],
        ['metric A "A" {\n  drives B, C\n  drives D\n}', 'a second `drives` with values before it', [3]],
        ['metric A "A" {\n  drives B\n  kind leading\n  drives C, D\n}', 'a second `drives` after another attribute', [4]],
        ['program P "P" {\n  stakeholders "A", "B"\n}', 'strings', []],
        ['program P "P" {\n  stakeholders "A", "B"\n  stakeholders "C"\n}', 'strings given twice', [3]]
    ];
    const metrics = 'metric B "B"\nmetric C "C"\nmetric D "D"\n';
    for (const [block, says, lines] of cases) {
        it(`${says}: ${lines.length === 0 ? 'no finding' : `found on line ${lines.join(', ')}`}`, async () => {
            const { findings } = await checkWorkspace({ 'a.align': `${block}\n${metrics}` });
            assert.deepEqual(syntaxLines(findings).map(f => f.line), lines);
        });
    }

    it('LIST_PROPERTIES names every list attribute of the grammar (array properties besides attributes, members and isolate statements)', () => {
        const reflection = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.shared.AstReflection;
        for (const [type, lists] of Object.entries(LIST_PROPERTIES)) {
            const arrays = Object.values(reflection.getTypeMetaData(type).properties)
                .filter(p => Array.isArray(p.defaultValue) && !['attributes', 'members', 'isolations'].includes(p.name))
                .map(p => p.name);
            assert.deepEqual([...lists].sort(), arrays.sort(), type);
        }
    });
});
