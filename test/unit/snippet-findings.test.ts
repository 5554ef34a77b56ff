import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace } from './helpers/check-workspace.js';
import { REPO_ROOT } from './helpers/textmate-grammar.js';
import { expandSnippet } from './helpers/textmate-snippets.js';

// A snippet inserted as is (every placeholder at its default) is what `align
// check` sees until the user fills it in: its findings must be only those its
// placeholders stand for (a name to replace, an unlinked declaration), never
// a finding about the defaults themselves (a target worse than the baseline).

interface Snippet { prefix: string; body: string[] }
const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes/align.code-snippets'), 'utf-8')) as Record<string, Snippet>;

/** The findings each snippet may have at its defaults: `rule` per finding, sorted. */
const EXPECTED: Record<string, string[]> = {
    // `serves Outcome`: a placeholder name.
    'program': ['program-without-leading', 'program-without-outcome', 'unresolved-reference'],
    'program-window': ['program-without-leading', 'program-without-outcome', 'unresolved-reference'],
    // `measured by Kpi`: a placeholder name, which leaves the outcome unmeasured (like `serves Outcome` above).
    'outcome': ['outcome-not-measurable', 'unresolved-reference'],
    // A declaration alone: nothing links it yet.
    'metric': ['leading-drives-nothing', 'metric-unused'],
    'kpi-metric': ['leading-drives-nothing', 'metric-unused', 'unresolved-reference'],
    'skill': ['skill-enables-nothing'],
    'behavior': ['behavior-moves-nothing', 'unresolved-reference', 'unresolved-reference'],
    'objective': ['objective-without-kpi', 'unresolved-reference'],
    'toolkit': ['unresolved-reference'],
    'actuals': ['unresolved-reference'],
    // `data/metric.csv`: a file to create (or to pull, then record in align.lock.json).
    'actuals-csv': ['actuals-invalid', 'unresolved-reference'],
    'actuals-sql': ['actuals-invalid', 'snapshot-drift', 'unresolved-reference'],
    'actuals-xapi': ['actuals-invalid', 'snapshot-drift', 'unresolved-reference'],
    'align-program': []
};

describe('snippets at their defaults: only the findings their placeholders stand for', () => {
    it('lists every snippet', () => {
        assert.deepEqual(Object.keys(snippets).sort(), Object.keys(EXPECTED).sort());
    });

    for (const [name, snippet] of Object.entries(snippets)) {
        it(name, async () => {
            const text = expandSnippet(snippet.body.join('\n'));
            const { findings } = await checkWorkspace({ 'a.align': text });
            assert.deepEqual(findings.map(f => f.rule).sort(), EXPECTED[name],
                `${text}\n${findings.map(f => `${f.line}: ${f.rule} ${f.message}`).join('\n')}`);
        });
    }
});
