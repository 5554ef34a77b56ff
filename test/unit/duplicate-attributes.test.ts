import * as assert from 'node:assert/strict';
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
