import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, GrammarAST, GrammarUtils } from 'langium';
import type { IGrammar } from 'vscode-textmate';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { checkWorkspace } from './helpers/check-workspace.js';
import { describeTokens, GRAMMAR_PATH, loadAlignGrammar, REPO_ROOT, tokenize, type TmToken } from './helpers/textmate-grammar.js';
import { expandSnippet, expandSnippetChoices } from './helpers/textmate-snippets.js';

const EXAMPLES = path.join(REPO_ROOT, 'test/fixtures/examples');
const CONFIG_PATH = path.join(REPO_ROOT, 'syntaxes/language-configuration.json');
const SNIPPETS_PATH = path.join(REPO_ROOT, 'syntaxes/align.code-snippets');

const S = {
    declaration: (kind: string) => `storage.type.${kind}.align`,
    programName: 'entity.name.namespace.align',
    typeName: (kind: string) => `entity.name.type.${kind}.align`,
    behaviorName: 'entity.name.function.behavior.align',
    attribute: 'keyword.other.attribute.align',
    connector: 'keyword.other.connector.align',
    value: (category: string) => `constant.language.${category}.align`,
    reference: (kind: string) => `variable.other.reference.${kind}.align`,
    namespace: 'entity.name.namespace.align',
    accessor: 'punctuation.accessor.dot.align',
    string: 'string.quoted.double.align',
    escape: 'constant.character.escape.align',
    badEscape: 'invalid.illegal.unknown-escape.align',
    number: 'constant.numeric.align',
    percentage: 'constant.numeric.percentage.align',
    money: 'constant.numeric.money.align',
    currency: 'support.type.currency.align',
    date: 'constant.numeric.date.align',
    unit: 'keyword.other.unit.align',
    lineComment: 'comment.line.double-slash.align',
    blockComment: 'comment.block.align',
    docComment: 'comment.block.documentation.align',
    directive: 'keyword.other.directive.align',
    ruleId: 'constant.other.rule-id.align',
    blockBegin: 'punctuation.section.block.begin.align',
    blockEnd: 'punctuation.section.block.end.align',
    comma: 'punctuation.separator.comma.align',
    colon: 'punctuation.separator.key-value.align'
};

/** Every `.align` file under the examples folder, relative with `/`. */
function exampleFiles(): string[] {
    return fs.readdirSync(EXAMPLES, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile() && e.name.endsWith('.align'))
        .map(e => path.relative(EXAMPLES, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .sort();
}

/** The innermost (most specific) scope of a token. */
const inner = (t: TmToken): string => t.scopes[t.scopes.length - 1]!;

/**
 * The tokens whose text is exactly `text`, optionally only on lines that
 * contain `onLine`. Fails when there is none.
 */
function find(tokens: readonly TmToken[], lines: readonly string[], text: string, onLine?: string): TmToken[] {
    const found = tokens.filter(t => t.text === text && (onLine === undefined || lines[t.line]!.includes(onLine)));
    assert.ok(found.length > 0, `no token ${JSON.stringify(text)}${onLine ? ` on a line with ${JSON.stringify(onLine)}` : ''}:\n${describeTokens(tokens)}`);
    return found;
}

/** Asserts that every token `text` (on lines containing `onLine`) has `scope` among its scopes. */
function expectScope(tokens: readonly TmToken[], lines: readonly string[], text: string, scope: string, onLine?: string): void {
    for (const t of find(tokens, lines, text, onLine)) {
        assert.ok(t.scopes.includes(scope), `${t.line + 1}:${t.column + 1} ${JSON.stringify(text)} has ${t.scopes.join(' ')}, expected ${scope}`);
    }
}

/** Tokenizes `text` and returns the tokens together with its lines. */
function lex(grammar: IGrammar, text: string): { tokens: TmToken[]; lines: string[] } {
    return { tokens: tokenize(grammar, text), lines: text.split(/\r\n|\r|\n/) };
}

/** Tokens that are neither whitespace nor given any scope besides the root. */
function unscoped(tokens: readonly TmToken[]): TmToken[] {
    return tokens.filter(t => t.text.trim() !== '' && t.scopes.length < 2);
}

describe('TextMate grammar (syntaxes/align.tmLanguage.json)', () => {
    let grammar: IGrammar;
    const examples = exampleFiles();
    const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf-8');

    before(async () => { grammar = await loadAlignGrammar(); });

    it('is JSON with scopeName source.align and a scope mapping comment', () => {
        const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf-8')) as { scopeName: string; comment: string; fileTypes: string[] };
        assert.equal(raw.scopeName, 'source.align');
        assert.deepEqual(raw.fileTypes, ['align']);
        assert.match(raw.comment, /storage\.type\.<kind>\.align/);
    });

    it('finds the example files', () => {
        assert.ok(examples.length >= 5, examples.join(', '));
    });

    for (const name of examples) {
        it(`${name}: every word, number and punctuation mark gets a scope`, () => {
            const tokens = tokenize(grammar, read(name));
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });
    }

    describe('churn-pilot.align', () => {
        let tokens: TmToken[];
        let lines: string[];
        before(() => ({ tokens, lines } = lex(grammar, read('churn-pilot.align'))));

        it('declaration keywords and names', () => {
            expectScope(tokens, lines, 'program', S.declaration('program'));
            expectScope(tokens, lines, 'ChurnPilot', S.programName, 'program');
            expectScope(tokens, lines, 'outcome', S.declaration('outcome'));
            expectScope(tokens, lines, 'ReduceChurn', S.typeName('outcome'), 'outcome ReduceChurn');
            expectScope(tokens, lines, 'metric', S.declaration('metric'));
            expectScope(tokens, lines, 'RepeatContactRate', S.typeName('metric'), 'metric RepeatContactRate');
            expectScope(tokens, lines, 'skill', S.declaration('skill'));
            expectScope(tokens, lines, 'ActiveListening', S.typeName('skill'), 'skill ActiveListening');
            expectScope(tokens, lines, 'behavior', S.declaration('behavior'));
            expectScope(tokens, lines, 'Summarizing', S.behaviorName, 'behavior Summarizing');
            expectScope(tokens, lines, 'toolkit', S.declaration('toolkit'));
            expectScope(tokens, lines, 'TeamLeadKit', S.typeName('toolkit'));
            expectScope(tokens, lines, 'objective', S.declaration('objective'));
            expectScope(tokens, lines, 'RestateNeeds', S.typeName('objective'));
            expectScope(tokens, lines, 'actuals', S.declaration('actuals'));
        });

        it('attribute keywords, including multi-word and hyphenated ones', () => {
            for (const word of ['sponsor', 'owner', 'stakeholders', 'serves', 'pilot', 'review', 'phase', 'kind', 'unit', 'direction',
                'baseline', 'target', 'source', 'cadence', 'drives', 'moves', 'for', 'rubric', 'dashboard', 'builds', 'kpi', 'practice']) {
                expectScope(tokens, lines, word, S.attribute);
            }
            for (const words of ['measured by', 'enabled by', 'assessed by', 'talk-track', 'micro-challenge']) {
                expectScope(tokens, lines, words, S.attribute);
            }
            expectScope(tokens, lines, 'from', S.connector, 'pilot');
            expectScope(tokens, lines, 'by', S.connector, 'target');
        });

        it('strings, numbers, durations, dates and percentages', () => {
            expectScope(tokens, lines, 'VP Customer Success', S.string);
            const open = find(tokens, lines, '"', 'VP Customer Success')[0]!;
            assert.ok(open.scopes.includes('punctuation.definition.string.begin.align'));
            expectScope(tokens, lines, '90', S.number, 'pilot');
            expectScope(tokens, lines, 'days', S.unit, 'pilot');
            expectScope(tokens, lines, '2026-01-05', S.date, 'pilot');
            expectScope(tokens, lines, '2026-04-05', S.date);
            expectScope(tokens, lines, '2026-01', S.date, '17.1%');
            expectScope(tokens, lines, ':', S.colon, '17.1%');
            expectScope(tokens, lines, '18%', S.percentage);
            expectScope(tokens, lines, '17.1%', S.percentage);
            // `2026-01-05` is one token, not 2026, -01 and -05.
            const pilotLine = tokens.filter(t => lines[t.line]!.includes('pilot 90') && t.text.trim() !== '');
            assert.deepEqual(pilotLine.map(t => t.text), ['pilot', '90', 'days', 'from', '2026-01-05']);
        });

        it('value words', () => {
            expectScope(tokens, lines, 'monthly', S.value('cadence'));
            expectScope(tokens, lines, 'weekly', S.value('cadence'), 'cadence');
            expectScope(tokens, lines, 'measure', S.value('phase'));
            expectScope(tokens, lines, 'leading', S.value('kind'));
            expectScope(tokens, lines, 'percent', S.value('unit'));
            expectScope(tokens, lines, 'down', S.value('direction'));
            expectScope(tokens, lines, 'roleplay', S.value('practice'));
            expectScope(tokens, lines, 'simulation', S.value('practice'));
        });

        it('references and comma lists', () => {
            expectScope(tokens, lines, 'ReduceChurn', S.reference('outcome'), 'serves');
            expectScope(tokens, lines, 'ChurnRate', S.reference('metric'), 'measured by');
            expectScope(tokens, lines, 'RenewalRate', S.reference('metric'), 'measured by');
            expectScope(tokens, lines, 'ChurnRate', S.reference('metric'), 'drives');
            expectScope(tokens, lines, 'NPS', S.reference('metric'), 'moves');
            expectScope(tokens, lines, 'NeedsDiscovery', S.reference('skill'), 'enabled by');
            expectScope(tokens, lines, 'NeedsDiscovery', S.reference('skill'), 'builds');
            expectScope(tokens, lines, 'Summarizing', S.reference('behavior'), 'for Probing');
            expectScope(tokens, lines, 'RepeatContactRate', S.reference('metric'), 'kpi');
            expectScope(tokens, lines, 'RepeatContactRate', S.reference('metric'), 'actuals');
            expectScope(tokens, lines, ',', S.comma, 'measured by');
        });

        it('comments and punctuation', () => {
            expectScope(tokens, lines, '/**', S.docComment);
            expectScope(tokens, lines, ' The behavior managers coach hardest in weekly 1:1s. ', S.docComment);
            expectScope(tokens, lines, '*/', S.docComment);
            expectScope(tokens, lines, ' A fully aligned 90-day pilot: no diagnostics expected.', S.lineComment);
            expectScope(tokens, lines, '{', S.blockBegin);
            expectScope(tokens, lines, '}', S.blockEnd);
        });
    });

    describe('the other examples', () => {
        it('sales-win-rate.align: half-year periods, windows and `// expect:` comments', () => {
            const { tokens, lines } = lex(grammar, read('sales-win-rate.align'));
            expectScope(tokens, lines, '2026-H2', S.date);
            expectScope(tokens, lines, 'window', S.attribute);
            expectScope(tokens, lines, 'to', S.connector, 'window');
            expectScope(tokens, lines, '2026-12-31', S.date, 'window');
            expectScope(tokens, lines, ' expect: objective-without-kpi', S.lineComment);
            expectScope(tokens, lines, 'case', S.value('practice'));
            expectScope(tokens, lines, 'deliver', S.value('phase'));
            expectScope(tokens, lines, 'PipelineHygiene', S.reference('metric'), 'actuals');
        });

        it('catalog/metrics.align: money values, actuals from a CSV file', () => {
            const { tokens, lines } = lex(grammar, read('catalog/metrics.align'));
            expectScope(tokens, lines, 'value', S.attribute);
            expectScope(tokens, lines, '18000', S.money);
            expectScope(tokens, lines, 'USD', S.currency);
            expectScope(tokens, lines, 'per', S.connector);
            expectScope(tokens, lines, 'point', S.value('per'));
            expectScope(tokens, lines, 'NPS', S.reference('metric'), 'actuals');
            expectScope(tokens, lines, 'from', S.connector, 'actuals');
            expectScope(tokens, lines, 'data/nps.csv', S.string);
            expectScope(tokens, lines, 'activity', S.value('kind'));
            expectScope(tokens, lines, 'score', S.value('unit'));
        });

        it('onboarding.align: observed by with observer, cadence and instrument; bare declarations', () => {
            const { tokens, lines } = lex(grammar, read('onboarding.align'));
            expectScope(tokens, lines, 'observed by', S.attribute);
            expectScope(tokens, lines, 'coach', S.value('observer'));
            expectScope(tokens, lines, 'weekly', S.value('cadence'), 'observed by');
            expectScope(tokens, lines, 'with', S.connector);
            expectScope(tokens, lines, 'ToolFluency', S.typeName('skill'), 'skill ToolFluency');
            expectScope(tokens, lines, '120', S.number);
            expectScope(tokens, lines, 'days', S.unit, 'pilot');
            expectScope(tokens, lines, 'days', S.value('unit'), 'unit days');
            expectScope(tokens, lines, '45', S.number);
            expectScope(tokens, lines, 'sandbox', S.value('practice'));
        });

        it('safety.align: decimals and one-line blocks', () => {
            const { tokens, lines } = lex(grammar, read('safety.align'));
            expectScope(tokens, lines, '3.1', S.number);
            expectScope(tokens, lines, 'supervisor', S.value('observer'));
            expectScope(tokens, lines, 'daily', S.value('cadence'));
            expectScope(tokens, lines, 'ratio', S.value('unit'));
            expectScope(tokens, lines, 'SpotHazards', S.typeName('objective'));
            expectScope(tokens, lines, 'HazardSpotting', S.reference('skill'), 'SpotHazards');
            expectScope(tokens, lines, 'practice', S.attribute, 'SpotHazards');
        });
    });

    describe('inline samples', () => {
        it('qualified references: program part, dot, name; across lines and with spaces', () => {
            const text = [
                'behavior B {',
                '  moves ChurnPilot.RepeatContactRate, NPS,',
                '    Other . Rate',
                '  enabled by ChurnPilot.ActiveListening',
                '}',
                'actuals ChurnPilot.RepeatContactRate from "a.csv"'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'ChurnPilot', S.namespace);
            expectScope(tokens, lines, '.', S.accessor);
            expectScope(tokens, lines, 'RepeatContactRate', S.reference('metric'));
            expectScope(tokens, lines, 'NPS', S.reference('metric'));
            expectScope(tokens, lines, 'Other', S.namespace);
            expectScope(tokens, lines, 'Rate', S.reference('metric'));
            expectScope(tokens, lines, 'ActiveListening', S.reference('skill'));
            expectScope(tokens, lines, 'from', S.connector);
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('keywords used as names are names in name position and references in reference position', () => {
            const text = [
                'metric source "Data source quality" { kind leading }',
                'outcome owner "Owner outcome" { measured by source }',
                'skill review',
                'metric',
                '  target "A name on the next line" { drives owner, kind }'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'source', S.typeName('metric'), 'metric source');
            expectScope(tokens, lines, 'owner', S.typeName('outcome'), 'outcome owner');
            expectScope(tokens, lines, 'source', S.reference('metric'), 'measured by');
            expectScope(tokens, lines, 'review', S.typeName('skill'));
            expectScope(tokens, lines, 'target', S.typeName('metric'));
            expectScope(tokens, lines, 'owner', S.reference('metric'), 'drives');
            expectScope(tokens, lines, 'kind', S.reference('metric'), 'drives');
            expectScope(tokens, lines, 'kind', S.attribute, 'kind leading');
            expectScope(tokens, lines, 'leading', S.value('kind'));
        });

        it('a reference list ends at the next attribute, also on the same line', () => {
            const text = 'program P { serves A review weekly cost 45000 USD phase design }';
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'A', S.reference('outcome'));
            expectScope(tokens, lines, 'review', S.attribute);
            expectScope(tokens, lines, 'weekly', S.value('cadence'));
            expectScope(tokens, lines, 'cost', S.attribute);
            expectScope(tokens, lines, '45000', S.money);
            expectScope(tokens, lines, 'USD', S.currency);
            expectScope(tokens, lines, 'phase', S.attribute);
            expectScope(tokens, lines, 'design', S.value('phase'));
            expectScope(tokens, lines, '}', S.blockEnd);
        });

        it('money, currencies and `per point | unit`', () => {
            const text = [
                'program P {',
                '  cost 45000 USD',
                '  cost 1200.50',
                '  review monthly',
                '}',
                'metric M { unit currency EUR value 12.5 EUR per unit }'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, '45000', S.money);
            expectScope(tokens, lines, 'USD', S.currency);
            expectScope(tokens, lines, '1200.50', S.money);
            expectScope(tokens, lines, 'review', S.attribute);
            expectScope(tokens, lines, 'currency', S.value('unit'));
            expectScope(tokens, lines, 'EUR', S.currency);
            expectScope(tokens, lines, '12.5', S.money);
            expectScope(tokens, lines, 'per', S.connector);
            const units = find(tokens, lines, 'unit');
            assert.deepEqual(units.map(inner), [S.attribute, S.value('per')], 'unit currency ... per unit');
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('isolate and pull: methods, references, sources, xAPI options and measures', () => {
            const text = [
                'program P {',
                '  isolate Sales by control-group Ctl.Sales',
                '  isolate NPS by estimate 60% confidence 80%',
                '  isolate Churn by trend',
                '}',
                'actuals Sales from "s.csv" { pull sql "q.sql" on env "DB_URL" }',
                'actuals Score from "x.csv" {',
                '  pull xapi env "LRS_URL" {',
                '    auth env "LRS_AUTH"',
                '    verb "http://adlnet.gov/expapi/verbs/scored"',
                '    since 2026-01-01',
                '    value share success',
                '  }',
                '}'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'isolate', S.attribute);
            expectScope(tokens, lines, 'Sales', S.reference('metric'), 'control-group');
            expectScope(tokens, lines, 'control-group', S.attribute);
            expectScope(tokens, lines, 'Ctl', S.namespace);
            expectScope(tokens, lines, 'NPS', S.reference('metric'));
            expectScope(tokens, lines, 'estimate', S.value('isolation'));
            expectScope(tokens, lines, 'trend', S.value('isolation'));
            expectScope(tokens, lines, 'confidence', S.connector);
            expectScope(tokens, lines, '80%', S.percentage);
            expectScope(tokens, lines, 'pull', S.attribute);
            expectScope(tokens, lines, 'sql', S.value('source'));
            expectScope(tokens, lines, 'xapi', S.value('source'));
            expectScope(tokens, lines, 'env', S.connector);
            expectScope(tokens, lines, 'DB_URL', S.string);
            expectScope(tokens, lines, 'auth', S.attribute);
            expectScope(tokens, lines, 'since', S.attribute);
            expectScope(tokens, lines, 'share success', S.value('measure'));
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('a keyword after an amount or `unit currency` is no currency code: `cost 45000 isolate WinRate by trend`', () => {
            const text = [
                'program P { cost 45000 isolate WinRate by trend }',
                'metric M { unit currency pull }',
                'program Q {',
                '  value 100 since',
                '}'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'isolate', S.attribute);
            expectScope(tokens, lines, 'WinRate', S.reference('metric'));
            expectScope(tokens, lines, 'trend', S.value('isolation'));
            expectScope(tokens, lines, 'pull', S.attribute);
            expectScope(tokens, lines, 'since', S.attribute);
            assert.deepEqual(tokens.filter(t => inner(t) === S.currency).map(t => t.text), []);
        });

        it('pull xapi: `activity "iri"` is an option keyword as `verb` and `since` are; `kind activity` stays a kind', () => {
            const text = [
                'actuals Score from "x.csv" {',
                '  pull xapi env "LRS_URL" {',
                '    verb "http://adlnet.gov/expapi/verbs/scored"',
                '    activity "http://example.com/course/1"',
                '    since 2026-01-01',
                '  }',
                '}',
                'metric M { kind activity }'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'activity', S.attribute, '"http://example.com');
            expectScope(tokens, lines, 'verb', S.attribute);
            expectScope(tokens, lines, 'activity', S.value('kind'), 'kind activity');
        });

        it('a reference list goes on past a block comment before its comma: `kpi A /* c */ , B`', () => {
            const text = [
                'program P { kpi A /* c */ , B }',
                'outcome O { measured by M1 /* one */ /* two */, M2 }',
                'program R { isolate X /* c */ by trend }'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'A', S.reference('metric'));
            expectScope(tokens, lines, 'B', S.reference('metric'));
            expectScope(tokens, lines, 'M1', S.reference('metric'));
            expectScope(tokens, lines, 'M2', S.reference('metric'));
            expectScope(tokens, lines, 'X', S.reference('metric'));
            expectScope(tokens, lines, 'by', S.connector, 'isolate X');
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('numbers, percentages, dates, periods and durations', () => {
            const text = [
                'metric M { baseline -3 target 2.5 by 2026-Q2 }',
                'metric N { baseline -1.5% target 12% by 2026-06 }',
                'program P { pilot 12 weeks from 2026-01-05 window 2026-01-05 to 2026-06-30 }',
                'program Q { pilot 3 months from 2026-02-01 }',
                'actuals M { 2026-H1: 4 2026-Q3: -2.25 2026-09-30: 1 }'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, '-3', S.number);
            expectScope(tokens, lines, '2.5', S.number);
            expectScope(tokens, lines, '-1.5%', S.percentage);
            expectScope(tokens, lines, '12%', S.percentage);
            for (const date of ['2026-Q2', '2026-06', '2026-01-05', '2026-06-30', '2026-02-01', '2026-H1', '2026-Q3', '2026-09-30']) {
                expectScope(tokens, lines, date, S.date);
            }
            expectScope(tokens, lines, '12', S.number, 'weeks');
            expectScope(tokens, lines, 'weeks', S.unit);
            expectScope(tokens, lines, 'months', S.unit);
            expectScope(tokens, lines, '-2.25', S.number);
            assert.ok(!tokens.some(t => /^-?\d+$/.test(t.text) && t.scopes.includes(S.date)), 'a date split into numbers');
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('strings: escapes, illegal escapes, keywords inside', () => {
            const text = 'skill S "program \\"quoted\\" C:\\\\dir \\n" { assessed by "metric kpi 12% 2026-Q2" }';
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, '\\"', S.escape);
            expectScope(tokens, lines, '\\\\', S.escape);
            expectScope(tokens, lines, '\\n', S.badEscape);
            expectScope(tokens, lines, 'program ', S.string);
            expectScope(tokens, lines, 'metric kpi 12% 2026-Q2', S.string);
            assert.ok(!tokens.some(t => t.scopes.includes(S.string) && (t.scopes.includes(S.declaration('program')) || t.scopes.includes(S.date))));
        });

        it('comments: line, block, doc, empty block, directives and region markers', () => {
            const text = [
                '// align-disable-next-line metric-unused, target-against-direction -- reviewed',
                'metric M "m" /* program X { } */ { kind leading }',
                '/**',
                ' * Multi-line doc comment: program, metric 12%.',
                ' */',
                '/**/ skill S // #region skills',
                '// #endregion',
                'objective O { builds S practice decision-game "Budget game" } // trailing',
                '/* block',
                '   spanning lines */ toolkit T { for B }'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, 'align-disable-next-line', S.directive);
            expectScope(tokens, lines, 'align-disable-next-line', S.lineComment);
            expectScope(tokens, lines, 'metric-unused', S.ruleId);
            expectScope(tokens, lines, 'target-against-direction', S.ruleId);
            expectScope(tokens, lines, ' program X { } ', S.blockComment);
            expectScope(tokens, lines, 'kind', S.attribute);
            expectScope(tokens, lines, ' * Multi-line doc comment: program, metric 12%.', S.docComment);
            const empty = find(tokens, lines, '/*', '/**/')[0]!;
            assert.ok(empty.scopes.includes(S.blockComment) && !empty.scopes.includes(S.docComment), empty.scopes.join(' '));
            expectScope(tokens, lines, 'S', S.typeName('skill'), '/**/');
            expectScope(tokens, lines, '#region', 'keyword.other.region.align');
            expectScope(tokens, lines, '#endregion', 'keyword.other.region.align');
            expectScope(tokens, lines, 'decision-game', S.value('practice'));
            expectScope(tokens, lines, ' trailing', S.lineComment);
            expectScope(tokens, lines, '   spanning lines ', S.blockComment);
            expectScope(tokens, lines, 'toolkit', S.declaration('toolkit'));
            expectScope(tokens, lines, 'B', S.reference('behavior'));
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('a comment between a declaration keyword and its name', () => {
            const { tokens, lines } = lex(grammar, 'program /* the pilot */ Pilot2026 {\n  serves // outcomes:\n    Grow, Keep\n}');
            expectScope(tokens, lines, ' the pilot ', S.blockComment);
            expectScope(tokens, lines, 'Pilot2026', S.programName);
            expectScope(tokens, lines, ' outcomes:', S.lineComment);
            expectScope(tokens, lines, 'Grow', S.reference('outcome'));
            expectScope(tokens, lines, 'Keep', S.reference('outcome'));
        });

        it('a line comment ending in a letter does not end a reference list: the names on the next lines keep their scope', () => {
            const text = [
                'outcome ReduceChurn "Reduce churn" {',
                '  measured by ChurnRate, // lagging',
                '    RenewalRate',
                '}',
                'objective O {',
                '  kpi A, // main',
                '    B',
                '  kpi C // last one',
                '  kind leading',
                '}',
                'program P {',
                '  serves // outcomes',
                '    Grow, Keep',
                '}',
                'behavior Probing {',
                '  measured by // c',
                '    Speed, Depth',
                '}'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            expectScope(tokens, lines, ' lagging', S.lineComment);
            expectScope(tokens, lines, 'RenewalRate', S.reference('metric'));
            expectScope(tokens, lines, 'B', S.reference('metric'));
            expectScope(tokens, lines, 'C', S.reference('metric'));
            // A list whose last name is followed by a comment still ends there.
            expectScope(tokens, lines, 'kind', S.attribute);
            expectScope(tokens, lines, 'leading', S.value('kind'));
            expectScope(tokens, lines, 'Grow', S.reference('outcome'));
            expectScope(tokens, lines, 'Keep', S.reference('outcome'));
            expectScope(tokens, lines, 'Speed', S.reference('metric'));
            expectScope(tokens, lines, 'Depth', S.reference('metric'));
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('a line comment after a declaration keyword: the name on the next line is a name, also a keyword-like one', () => {
            const names: [string, string][] = [
                ['program', S.programName], ['outcome', S.typeName('outcome')], ['metric', S.typeName('metric')],
                ['skill', S.typeName('skill')], ['behavior', S.behaviorName], ['objective', S.typeName('objective')],
                ['toolkit', S.typeName('toolkit')], ['actuals', S.reference('metric')]
            ];
            for (const [keyword, scope] of names) {
                for (const name of ['Foo', 'source']) {
                    const text = `${keyword} // c\n  ${name} {\n}`;
                    const { tokens } = lex(grammar, text);
                    const token = tokens.find(t => t.line === 1 && t.text === name);
                    assert.equal(token && inner(token), scope, `${JSON.stringify(text)}:\n${describeTokens(tokens)}`);
                }
            }
        });

        it('a line comment in every reference list: the next-line name is a reference, also a keyword-like one (`source`)', () => {
            const lists: [string, string][] = [
                ['serves', 'outcome'], ['measured by', 'metric'], ['drives', 'metric'], ['moves', 'metric'], ['kpi', 'metric'],
                ['enabled by', 'skill'], ['builds', 'skill'], ['for', 'behavior'], ['isolate', 'metric'], ['control-group', 'metric'],
                ['actuals', 'metric']
            ];
            for (const [keyword, kind] of lists) {
                for (const text of [`  ${keyword} A, // ab1\n    source`, `  ${keyword} // c\n    source`, `  ${keyword} A, // x\n    // y_\n    source`]) {
                    const { tokens } = lex(grammar, text);
                    const token = tokens.find(t => t.text === 'source');
                    assert.equal(token && inner(token), S.reference(kind), `${JSON.stringify(text)}:\n${describeTokens(tokens)}`);
                }
            }
        });

        it('a block comment in a reference list does not end it, also one that spans lines', () => {
            const text = [
                'objective O {',
                '  kpi A, /* x */',
                '    B',
                '  kpi C /* a comment',
                '    on two lines */, D',
                '  kpi E, /* x',
                '    y */ F',
                '  kpi /* x',
                '    y */ G, H',
                '  kpi I /* the last',
                '    one */ kind leading',
                '}'
            ].join('\n');
            const { tokens, lines } = lex(grammar, text);
            for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']) expectScope(tokens, lines, name, S.reference('metric'));
            expectScope(tokens, lines, ' a comment', S.blockComment);
            expectScope(tokens, lines, '    on two lines ', S.blockComment);
            expectScope(tokens, lines, ',', S.comma, 'on two lines');
            // A list whose last name is followed by a block comment spanning lines ends with the comment.
            expectScope(tokens, lines, '*/', S.blockComment, 'one */');
            expectScope(tokens, lines, 'kind', S.attribute);
            expectScope(tokens, lines, 'leading', S.value('kind'));
            assert.deepEqual(describeTokens(unscoped(tokens)), '');
        });

        it('a list with leading commas (comma first on each line) colours its items as one with trailing commas, in every reference list', () => {
            const lists: [string, string][] = [
                ['serves', 'outcome'], ['measured by', 'metric'], ['drives', 'metric'], ['moves', 'metric'], ['kpi', 'metric'],
                ['enabled by', 'skill'], ['builds', 'skill'], ['for', 'behavior'], ['isolate', 'metric'], ['control-group', 'metric'],
                ['actuals', 'metric']
            ];
            /** The innermost scope of each non-blank token, in order, with the leading/trailing commas left out. */
            const scopesOf = (text: string) => tokenize(grammar, text).filter(t => t.text.trim() !== '' && t.text !== ',').map(t => `${t.text} ${inner(t)}`);
            for (const [keyword, kind] of lists) {
                const trailing = `  ${keyword} A,\n    P.B, // b\n\n    C /* c */,\n    source\n  kind leading`;
                const leading = `  ${keyword} A\n    , P.B // b\n\n    , C /* c */\n    , source\n  kind leading`;
                const first = `  ${keyword}\n    A\n    // a\n    , source\n  kind leading`;
                const expected = scopesOf(trailing);
                assert.ok(expected.includes(`source ${S.reference(kind)}`) && expected.includes(`kind ${S.attribute}`), expected.join('\n'));
                assert.deepEqual(scopesOf(leading), expected, leading);
                const commas = tokenize(grammar, leading).filter(t => t.text === ',');
                assert.equal(commas.length, 3, describeTokens(commas));
                for (const comma of commas) assert.equal(inner(comma), S.comma, describeTokens([comma]));
                assert.deepEqual(scopesOf(first), scopesOf(`  ${keyword}\n    A,\n    // a\n    source\n  kind leading`), first);
            }
        });

        it('`// #region` inside a block or doc comment is comment text, no region marker', () => {
            const text = '/*\n// #region x\n  // #endregion\n*/\n/** // #region y */\nobjective O {\n  kpi A /* c\n// #region z\n  */, B\n}';
            const { tokens, lines } = lex(grammar, text);
            assert.ok(!tokens.some(t => t.scopes.includes('keyword.other.region.align')), describeTokens(tokens));
            expectScope(tokens, lines, '// #region x', S.blockComment);
            expectScope(tokens, lines, '  // #endregion', S.blockComment);
            expectScope(tokens, lines, '// #region z', S.blockComment);
            expectScope(tokens, lines, 'B', S.reference('metric'));
        });
    });

    describe('coverage of the Langium grammar', () => {
        const services = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;
        const keywords = AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).toArray();
        const words = [...new Set(keywords.map(k => k.value).filter(v => /^[A-Za-z]/.test(v)))].sort();
        const valueCategories: Record<string, string> = {
            MetricKind: 'kind', PlainUnit: 'unit', Direction: 'direction', Cadence: 'cadence',
            Phase: 'phase', Observer: 'observer', PracticeKind: 'practice'
        };

        it('every keyword of align.langium gets a keyword, storage or constant scope when it stands alone', () => {
            assert.ok(words.length > 60, `${words.length} keywords`);
            for (const word of words) {
                const tokens = tokenize(grammar, word).filter(t => t.text.trim() !== '');
                assert.equal(tokens.length, 1, `${word} is split: ${describeTokens(tokens)}`);
                assert.match(inner(tokens[0]!), /^(keyword|storage\.type|constant\.language)\..*\.align$/, `${word}: ${tokens[0]!.scopes.join(' ')}`);
            }
        });

        it('no keyword of align.langium is taken for a currency code after an amount or `unit currency`', () => {
            const plain = words.filter(word => /^[A-Za-z_][A-Za-z0-9_]*$/.test(word));
            assert.ok(plain.includes('isolate') && plain.includes('xapi'), plain.join(' '));
            for (const word of plain) {
                for (const text of [`program P { cost 45000 ${word} }`, `metric M { value 12.5 ${word} }`, `metric M { unit currency ${word} }`]) {
                    const currency = tokenize(grammar, text).filter(t => inner(t) === S.currency).map(t => t.text);
                    assert.deepEqual(currency, [], text);
                }
            }
            // A currency code is still one.
            assert.deepEqual(tokenize(grammar, 'program P { cost 45000 USD }').filter(t => inner(t) === S.currency).map(t => t.text), ['USD']);
        });

        it('value keywords get constant.language.<category> after their attribute', () => {
            const rules = services.Grammar.rules.filter(GrammarAST.isParserRule).filter(r => GrammarUtils.isDataTypeRule(r) && valueCategories[r.name]);
            assert.equal(rules.length, Object.keys(valueCategories).length);
            for (const rule of rules) {
                const values = AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => k.value).toArray();
                for (const value of values) {
                    const tokens = tokenize(grammar, `  x ${value}`).filter(t => t.text === value);
                    assert.equal(tokens.length, 1, value);
                    assert.equal(inner(tokens[0]!), S.value(valueCategories[rule.name]!), `${rule.name} ${value}`);
                }
            }
        });
    });
});

describe('language configuration (syntaxes/language-configuration.json)', () => {
    interface Config {
        comments: { lineComment: string; blockComment: [string, string] };
        brackets: [string, string][];
        autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
        surroundingPairs: [string, string][];
        folding: { offSide: boolean; markers: { start: string; end: string } };
        indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
        onEnterRules: { beforeText: string; afterText?: string; previousLineText?: string; action: { indent: string; appendText?: string; removeText?: number } }[];
        wordPattern: string;
    }
    const config = JSON.parse(fs.readFileSync(CONFIG_PATH, 'utf-8')) as Config;
    const words = (text: string) => text.match(new RegExp(config.wordPattern, 'g')) ?? [];

    it('declares comments, brackets, auto-closing and surrounding pairs', () => {
        assert.deepEqual(config.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
        assert.deepEqual(config.brackets, [['{', '}']]);
        const pairs = Object.fromEntries(config.autoClosingPairs.map(p => [p.open, p]));
        assert.equal(pairs['{']?.close, '}');
        assert.equal(pairs['"']?.close, '"');
        assert.ok(pairs['"']?.notIn?.includes('string'));
        assert.equal(pairs['/**']?.close, ' */');
        assert.deepEqual(config.surroundingPairs, [['{', '}'], ['"', '"']]);
    });

    it('wordPattern keeps qualified names, periods, percentages and hyphenated keywords whole', () => {
        assert.deepEqual(words('ChurnPilot.RepeatContactRate'), ['ChurnPilot.RepeatContactRate']);
        assert.deepEqual(words('  moves ChurnPilot.RepeatContactRate, NPS'), ['moves', 'ChurnPilot.RepeatContactRate', 'NPS']);
        assert.deepEqual(words('target 14% by 2026-Q2'), ['target', '14%', 'by', '2026-Q2']);
        assert.deepEqual(words('2026-06-30 2026-06 2026-H2 -3.5'), ['2026-06-30', '2026-06', '2026-H2', '-3.5']);
        assert.deepEqual(words('talk-track "x" decision-game'), ['talk-track', 'x', 'decision-game']);
    });

    it('folding markers and indentation rules', () => {
        assert.equal(config.folding.offSide, false);
        assert.match('  // #region Skills', new RegExp(config.folding.markers.start));
        assert.match('// #endregion', new RegExp(config.folding.markers.end));
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        assert.match('program ChurnPilot "Churn reduction pilot" {', increase);
        assert.match('  metric M { // comment', increase);
        assert.doesNotMatch('  skill S { assessed by "x" }', increase);
        assert.doesNotMatch('  // a comment {', increase);
        assert.doesNotMatch('  source "a { in a string"', increase);
        assert.match('  }', decrease);
        assert.doesNotMatch('  kind leading', decrease);
    });

    it('increaseIndentPattern skips strings and comments: a `//` in a string is no comment, a `{` in a string or comment opens nothing', () => {
        // VS Code builds the RegExp from the string with no flags.
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        for (const line of [
            'program P "See https://wiki/x" {',
            'program P {',
            'x "a\\" // {" {',
            '  metric M { // comment with a } brace',
            'metric M /* c */ {',
            'program P "a {" {',
            '  metric M { source "a } b"',
            '  metric M { /* a comment that goes on'
        ]) {
            assert.match(line, increase);
        }
        for (const line of [
            '// a { comment',
            'title "a {"',
            '  /* a { */',
            'x "a\\" {"',
            'program P "See https://wiki/x" { }',
            '  source "unterminated {'
        ]) {
            assert.doesNotMatch(line, increase);
        }
        // No catastrophic backtracking on a long line.
        const start = Date.now();
        assert.doesNotMatch(`${'{'.repeat(20000)}}`, increase);
        assert.ok(Date.now() - start < 1000, `${Date.now() - start} ms`);
    });

    it('onEnterRules continue doc comments with " * "', () => {
        const rules = config.onEnterRules.map(r => ({ ...r, before: new RegExp(r.beforeText), after: r.afterText ? new RegExp(r.afterText) : undefined }));
        const inDoc = rules.find(r => r.before.test('  /** Documentation') && !r.after);
        assert.equal(inDoc?.action.appendText, ' * ');
        const between = rules.find(r => r.before.test('/**') && r.after?.test(' */'));
        assert.equal(between?.action.indent, 'indentOutdent');
        const continued = rules.find(r => r.before.test('   * more text') && r.previousLineText);
        assert.equal(continued?.action.appendText, '* ');
        assert.ok(!rules.some(r => r.before.test('/* plain block') && r.action.appendText), 'plain block comments are not continued');
    });
});

describe('snippets (syntaxes/align.code-snippets)', () => {
    interface Snippet { prefix: string | string[]; body: string | string[]; description: string; scope?: string }
    const snippets = JSON.parse(fs.readFileSync(SNIPPETS_PATH, 'utf-8')) as Record<string, Snippet>;
    const entries = Object.entries(snippets);
    const textOf = (s: Snippet) => expandSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body);
    const parser = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.parser.LangiumParser;

    it('has a prefix, a description and a body for every snippet, no scope, unique prefixes', () => {
        const prefixes = entries.flatMap(([, s]) => Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
        assert.equal(new Set(prefixes).size, prefixes.length, prefixes.join(', '));
        for (const [name, s] of entries) {
            assert.ok(s.description.length > 10, name);
            assert.ok(s.body.length > 0, name);
            assert.equal(s.scope, undefined, `${name}: snippets are contributed per language`);
        }
        for (const required of ['program', 'outcome', 'metric', 'kpi-metric', 'skill', 'behavior', 'objective', 'toolkit', 'actuals', 'actuals-csv', 'align-program']) {
            assert.ok(prefixes.includes(required), `no snippet with prefix ${required}`);
        }
    });

    it('expands placeholders, choices and mirrors to their defaults', () => {
        assert.equal(expandSnippet('a ${1:Name} ${2|x,y|} $1 ${1} ${3:b ${4:c}} \\$x $0'), 'a Name x Name Name b c $x ');
    });

    for (const [name, snippet] of entries) {
        it(`${name}: parses without lexer or parser errors, and every word has a TextMate scope`, async () => {
            const text = textOf(snippet);
            const result = parser.parse(text);
            assert.deepEqual(result.lexerErrors.map(e => e.message), [], text);
            assert.deepEqual(result.parserErrors.map(e => e.message), [], text);
            const { findings } = await checkWorkspace({ 'a.align': text });
            assert.deepEqual(findings.filter(f => f.rule === 'syntax'), [], text);
            const grammar = await loadAlignGrammar();
            assert.deepEqual(describeTokens(unscoped(tokenize(grammar, text))), '');
        });
    }

    /** The texts of a snippet's choices: every combination, or for many (align-program), each choice on its own with the others at their defaults. */
    function choiceTexts(body: string): string[] {
        const all = expandSnippetChoices(body);
        if (all.length <= 256) return all;
        const stops = [...body.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)];
        return stops.flatMap(stop => stop[2]!.split(',').map(option => expandSnippet(body.replace(stop[0], `\${${stop[1]}:${option}}`))));
    }

    for (const [name, snippet] of entries) {
        const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
        if (!/\$\{\d+\|/.test(body)) continue;
        it(`${name}: no combination of its choices adds a finding to those of its defaults`, async function () {
            this.timeout(120000);
            const key = (f: { rule: string; message: string }) => `${f.rule}: ${f.message}`;
            const defaults = new Set((await checkWorkspace({ 'a.align': textOf(snippet) })).findings.map(key));
            const texts = choiceTexts(body);
            assert.ok(texts.length > 1, `${name}: ${texts.length} texts`);
            for (const text of texts) {
                const added = (await checkWorkspace({ 'a.align': text })).findings.map(key).filter(k => !defaults.has(k));
                assert.deepEqual(added, [], text);
            }
        });
    }

    it('align-program: a complete program that the rules accept without any finding', async () => {
        const entry = entries.find(([, s]) => s.prefix === 'align-program');
        assert.ok(entry);
        const text = textOf(entry[1]);
        const { findings } = await checkWorkspace({ 'a.align': text });
        assert.deepEqual(findings.map(f => `${f.line}:${f.column} ${f.rule} ${f.message}`), [], text);
        for (const part of ['outcome ', 'program ', 'pilot ', 'review ', 'sponsor ', 'skill ', 'behavior ', 'observed by ', 'objective ', 'practice ', 'kind leading', 'kind lagging']) {
            assert.ok(text.includes(part), `the complete program lacks ${part.trim()}`);
        }
    });
});
