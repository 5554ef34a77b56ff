/**
 * `align.config.json` is JSON with comments (language.md, "Configuration",
 * whose example has a `//` comment; language/config/jsonc.ts): `//` and
 * `/* *\/` comments wherever whitespace may stand, never inside a string;
 * trailing commas stay errors. Every other finding keeps its exact line and
 * column, and a key written in a comment is not taken for the key.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { resolveConfig } from '../../language/config/extends.js';
import { blankComments, readConfigJson } from '../../language/config/jsonc.js';
import { parseAlignConfig } from '../../language/config/parse-config.js';
import { templatesPathIn } from '../../language/config/templates-folder.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config');
const messages = (text: string) => parseAlignConfig(text).problems.map(p => `${p.line}:${p.column} ${p.message}`);

describe('align.config.json: JSON with comments', () => {
    it('reads the example of language.md ("extends" with a // comment) without a finding', () => {
        const text = fs.readFileSync(path.join(FIXTURES, 'design-example.align.config.json'), 'utf-8');
        assert.match(text, /"@acme\/align-standards",\s+\/\/ or "\.\/standards\/align\.config\.json"/, 'the fixture is the example as language.md writes it');
        assert.deepEqual(parseAlignConfig(text), {
            settings: {},
            problems: [],
            references: { extends: '@acme/align-standards', catalogs: ['@acme/kpi-catalog', '../shared/kpis'], templates: '@acme/align-templates' }
        });
    });

    describe('comments before, after and inside objects are read as whitespace', () => {
        const cases: Array<{ name: string; text: string; settings?: object; references?: object }> = [
            { name: 'a line comment before the object', text: '// Acme standards\n{ "maxPilotDays": 30 }', settings: { maxPilotDays: 30 } },
            { name: 'a block comment before the object', text: '/* Acme\n   standards */{ "maxPilotDays": 30 }', settings: { maxPilotDays: 30 } },
            { name: 'comments after the object, the last one without a line break', text: '{ "maxPilotDays": 30 }\n/* end */ // really', settings: { maxPilotDays: 30 } },
            { name: 'a line comment after a value', text: '{\n  "maxPilotDays": 30, // a month\n  "maxLaggingKpis": 2\n}', settings: { maxPilotDays: 30, maxLaggingKpis: 2 } },
            { name: 'block comments around a key, the colon and a value', text: '{ /*a*/ "maxPilotDays" /*b*/ : /*c*/ 30 /*d*/ }', settings: { maxPilotDays: 30 } },
            { name: 'comments inside "rules" and a list', text: '{\n  "rules": {\n    // quiet\n    "metric-unused": /* for now */ "off"\n  },\n  "catalogs": [ /* ours */ "./kpis" // theirs later\n  ]\n}', settings: { rules: { 'metric-unused': 'off' } }, references: { catalogs: ['./kpis'] } },
            { name: 'a block comment over several lines, with * and / in it', text: '{\n  /*\n   * "rules": { "nope": "off" } // old\n   */\n  "maxPilotDays": 7\n}', settings: { maxPilotDays: 7 } },
            { name: 'line breaks of Windows', text: '{\r\n  // c\r\n  "maxPilotDays": 7 /* x\r\n  */\r\n}\r\n', settings: { maxPilotDays: 7 } },
            { name: 'lone \\r line breaks (classic Mac OS): a line comment ends at one', text: '{\r  // c\r  "maxPilotDays": 7\r}\r', settings: { maxPilotDays: 7 } },
            { name: 'a byte order mark, then a comment', text: '\uFEFF// c\n{ "maxPilotDays": 7 }', settings: { maxPilotDays: 7 } },
            { name: 'an empty object made of comments', text: '{ // nothing yet\n}', settings: {} },
            { name: '// and /* inside strings are kept', text: '{ "extends": "https://example.com//a/*b*/", "catalogs": ["../x//y", "./a/* b"], "templates": "./t // not a comment" }', references: { extends: 'https://example.com//a/*b*/', catalogs: ['../x//y', './a/* b'], templates: './t // not a comment' } },
            { name: 'an escaped quote does not end a string', text: '{ "templates": "./a\\"//b" // c\n}', references: { templates: './a"//b' } }
        ];
        for (const c of cases) {
            it(c.name, () => {
                assert.deepEqual(parseAlignConfig(c.text), { settings: c.settings ?? {}, problems: [], references: c.references ?? {} });
            });
        }
    });

    describe('a problem after a comment is told at its own line and column', () => {
        // JSON.parse's own words differ between Node versions: those messages are matched up to them.
        const cases: Array<{ name: string; text: string; expected: Array<string | RegExp> }> = [
            {
                name: 'a near-miss rule id after a block comment over two lines',
                text: '{\n  /* a\n  b */ "rules": { "metric-unsued": "off" }\n}',
                expected: ['3:19 unknown rule id "metric-unsued"; did you mean "metric-unused"?']
            },
            {
                name: 'an unknown key after a line comment that names it',
                text: '{\n  // "colour" is for later\n  "colour": 1\n}',
                expected: ['3:3 unknown key "colour"; remove it (the keys)']
            },
            {
                name: 'a threshold whose key a comment names first',
                text: '{\n  // "maxPilotDays": 90 is the default\n  "maxPilotDays": -1\n}',
                expected: ['3:3 "maxPilotDays" must be 0 or more, not -1; e.g. "maxPilotDays": 90 (the default)']
            },
            {
                name: 'a rule id that a comment in "rules" names first',
                text: '{ "rules": { /* "metric-unused": "warn" */ "metric-unused": "warn" } }',
                expected: ['1:44 rule "metric-unused": unknown severity "warn"; did you mean "warning"? (the severities are "off", "info", "warning", "error")']
            },
            {
                name: 'a syntax error after comments, with line breaks of Windows',
                text: '{\r\n  // c\r\n  /* d */ "rules": {} x\r\n}',
                expected: [/^3:23 align\.config\.json is not valid JSON: .*; correct the JSON there; the defaults apply$/]
            },
            {
                name: 'a problem after comments, with lone \\r line breaks: each starts a line, as in the editor',
                text: '{\r  // c\r  "rules": { "metric-unsued": "off" }\r}',
                expected: ['3:14 unknown rule id "metric-unsued"; did you mean "metric-unused"?']
            },
            {
                name: 'a trailing comma before a comment (trailing commas stay errors)',
                text: '{\n  "maxPilotDays": 1, // c\n}',
                expected: ['3:1 align.config.json is not valid JSON: a trailing comma (comments are allowed, trailing commas are not); remove the comma before the closing bracket; the defaults apply']
            },
            {
                name: 'a /* that is never closed, at the /*',
                text: '{\n  "rules": {} /* open\n}\n',
                expected: ['2:15 align.config.json is not valid JSON: a block comment /* is not closed; end it with */, or remove it; the defaults apply']
            },
            {
                name: 'a /* never closed after a whole object',
                text: '{ "maxPilotDays": 1 }\n\n /*',
                expected: ['3:2 align.config.json is not valid JSON: a block comment /* is not closed; end it with */, or remove it; the defaults apply']
            },
            {
                name: 'a lone / is no comment',
                text: '{\n  / "rules": {}\n}',
                expected: [/^2:3 align\.config\.json is not valid JSON: .*; correct the JSON there; the defaults apply$/]
            }
        ];
        for (const c of cases) {
            it(c.name, () => {
                const found = messages(c.text).map(m => m.replace(/ \(the keys are .*\)$/, ' (the keys)'));
                assert.equal(found.length, c.expected.length, found.join('\n'));
                c.expected.forEach((e, i) => typeof e === 'string' ? assert.equal(found[i], e) : assert.match(found[i]!, e));
            });
        }
    });

    it('keeps every offset: the comments become spaces, line breaks stay', () => {
        const text = '{ // a\r\n  "x": "//", /* b\n c */ "y": 1 }';
        const blanked = blankComments(text);
        assert.equal(blanked.text, '{     \r\n  "x": "//",     \n      "y": 1 }');
        assert.equal(blanked.text.length, text.length);
        assert.deepEqual(blankComments('{ "a": 1 } /* x\n y'), { text: '{ "a": 1 }     \n  ', unterminatedComment: 11 });
        assert.deepEqual(readConfigJson('{ "a": 1 } /* x'), { ok: false, text: '{ "a": 1 }     ', offset: 11, reason: 'a block comment /* is not closed; end it with */, or remove it' });
    });

    it('names binary data as such, even where its bytes look like // or /*', () => {
        for (const bytes of [[0x2f, 0x2f, 0x00, 0x41], [0x00, 0x2f, 0x2a, 0x41], [0x7b, 0x2f, 0x2a, 0x01, 0x2a, 0x2f, 0x7d]]) {
            assert.deepEqual(messages(Buffer.from(bytes).toString('utf-8')).map(m => m.replace(/: it (is not UTF-8 text|holds bytes that are not text).*/, ': binary')), ['1:1 align.config.json is not valid JSON: binary']);
        }
    });

    it('the templates folder that the file walks skip is read through the comments as well', () => {
        assert.equal(templatesPathIn('{\n  // our templates\n  "templates": "./templates" /* folder */\n}'), './templates');
        assert.equal(templatesPathIn('{ /* "templates": "./old" */ }'), undefined);
        assert.equal(templatesPathIn('{ "templates": "./t" /* open'), undefined);
    });

    describe('extends', () => {
        const dirs: string[] = [];
        after(() => dirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

        async function resolved(files: Record<string, string>) {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'align-config-comments-'));
            dirs.push(dir);
            for (const [name, text] of Object.entries(files)) {
                fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
                fs.writeFileSync(path.join(dir, name), text);
            }
            const file = path.join(dir, 'align.config.json');
            return resolveConfig(new NodeFileSystemProvider(), URI.file(file), fs.readFileSync(file, 'utf-8'));
        }

        it('merges an extended file (a standards package) that has comments', async () => {
            const result = await resolved({
                'align.config.json': '{\n  // Acme standards\n  "extends": "@acme/align-standards", // the package\n  "rules": { "metric-unused": "info" }\n}\n',
                'node_modules/@acme/align-standards/align.config.json': '/* Acme */\n{\n  "rules": {\n    "metric-unused": "warning", // no dead KPIs\n    "objective-without-practice": "error"\n  },\n  "maxPilotDays": 120 // a quarter\n}\n'
            });
            assert.deepEqual(result.problems, []);
            assert.deepEqual(result.settings, { rules: { 'metric-unused': 'info', 'objective-without-practice': 'error' }, maxPilotDays: 120 });
        });

        it('tells a missing target at the extends key, not at a comment that names it', async () => {
            const result = await resolved({ 'align.config.json': '{\n  // "extends": "./old.json"\n  "extends": "./base.json"\n}\n' });
            assert.deepEqual(result.problems.map(p => `${p.line}:${p.column}`), ['3:3']);
            assert.match(result.problems[0]!.message, /^extends: no file or folder \.\/base\.json/);
        });

        it('tells a problem of an extended file by its own line, after its comments, at the extends key', async () => {
            const result = await resolved({
                'align.config.json': '{\n  // "extends" names our base rules\n  "extends": "./base.json"\n}',
                'base.json': '{\n  // "metric-unsued" was a typo\n  "rules": { "metric-unsued": "off" }\n}'
            });
            assert.deepEqual(result.problems.map(p => `${p.line}:${p.column} ${p.message}`), ['3:3 extends ./base.json: base.json:3:14: unknown rule id "metric-unsued"; did you mean "metric-unused"?']);
        });

        it('tells the catalog that is not found at its name in the list, not in a comment', async () => {
            const result = await resolved({ 'align.config.json': '{\n  "catalogs": [\n    // "./kpis" moved\n    "./kpis"\n  ]\n}' });
            assert.deepEqual(result.problems.map(p => `${p.line}:${p.column}`), ['4:5']);
        });
    });
});
