import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, type Finding, type RuleId } from '../../language/rules.js';
import { FORMATS, formatterFor, isFormatName, type FormatContext } from '../../cli/check-formats/index.js';
import { sortFindings } from '../../cli/check-formats/sort.js';
import { formatJson } from '../../cli/check-formats/json.js';
import { formatPretty } from '../../cli/check-formats/pretty.js';
import { escapeData, escapeProperty, formatGithub } from '../../cli/check-formats/github.js';
import { formatJunit } from '../../cli/check-formats/junit.js';
import { escapeXml } from '../../language/render/index.js';
import { formatSarif, ruleName } from '../../cli/check-formats/sarif.js';
import { outputWidth } from '../../language/text/wrap.js';
import { makeTempDir } from '../temp-dirs.js';
import { multitoolProblems, requireMultitool } from '../cli/sarif-multitool.js';

const ctx: FormatContext = { toolVersion: '1.2.3', color: false, filesChecked: 6, width: 200 };
const colorCtx: FormatContext = { ...ctx, color: true };
const ANSI = /\x1b\[[0-9;]*m/;

function finding(partial: Partial<Finding>): Finding {
    return {
        file: 'a.align', line: 1, column: 1, endLine: 1, endColumn: 5,
        severity: 'error', rule: 'objective-without-kpi', message: 'Objective has no KPI.', ...partial,
    };
}

/** Unsorted, with every severity, two files, a space and quotes and a newline. */
const sample: Finding[] = [
    finding({ file: 'programs/sales win.align', line: 12, column: 3, endLine: 12, endColumn: 20, severity: 'warning', rule: 'metric-without-source', message: 'KPI "Win rate" has no `source`.' }),
    finding({ file: 'a.align', line: 10, column: 2, endLine: 10, endColumn: 9, severity: 'info', rule: 'metric-unused', message: 'Metric \'Calls\' is unused.\nReference it or remove it.' }),
    finding({ file: 'a.align', line: 2, column: 7, endLine: 4, endColumn: 1, severity: 'error', rule: 'objective-without-kpi', message: 'Objective "Close" reaches no KPI.' }),
    finding({ file: 'a.align', line: 2, column: 3, endLine: 2, endColumn: 6, severity: 'error', rule: 'syntax', message: 'Expecting \'{\' but found \'<\'.' }),
];

describe('format: sorting', () => {
    it('orders by file, line, column without touching the input', () => {
        const before = [...sample];
        const sorted = sortFindings(sample);
        assert.deepEqual(sorted.map(f => `${f.file}:${f.line}:${f.column}`),
            ['a.align:2:3', 'a.align:2:7', 'a.align:10:2', 'programs/sales win.align:12:3']);
        assert.deepEqual(sample, before);
    });

    it('orders the messages of one place with their numbers as numbers (CSV lines), otherwise by code units', () => {
        const at = sample[0]!;
        const messages = ['file "x.csv" line 100000: a', 'file "x.csv" line 9: a', 'file "x.csv" line 10: b', 'file "x.csv" line 10: a',
            'file "x.csv" line 09: a', 'file "x.csv" lines 13 to 20: more', 'B', 'a'];
        assert.deepEqual(sortFindings(messages.map(message => ({ ...at, message }))).map(f => f.message),
            ['B', 'a', 'file "x.csv" line 09: a', 'file "x.csv" line 9: a', 'file "x.csv" line 10: a', 'file "x.csv" line 10: b',
                'file "x.csv" line 100000: a', 'file "x.csv" lines 13 to 20: more']);
    });
});

describe('format: formatterFor', () => {
    it('has a formatter for each format name', () => {
        assert.deepEqual([...FORMATS], ['pretty', 'json', 'sarif', 'github', 'junit', 'gitlab']);
        for (const name of FORMATS) assert.equal(typeof formatterFor(name), 'function');
        assert.equal(formatterFor('json'), formatJson);
        assert.ok(isFormatName('sarif'));
        assert.ok(!isFormatName('xml'));
    });
});

describe('format: json', () => {
    it('prints the sorted array with the normative key order', () => {
        const withExtra = { ...sample[0]!, extra: true } as Finding;
        const text = formatJson([withExtra, ...sample.slice(1)], ctx);
        assert.ok(text.endsWith(']\n'));
        const parsed = JSON.parse(text) as Finding[];
        assert.deepEqual(parsed, sortFindings(sample));
        for (const f of parsed) {
            assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
        }
        assert.equal(text, JSON.stringify(sortFindings(sample), null, 2) + '\n');
    });

    it('prints an empty array when there is no finding', () => {
        assert.equal(formatJson([], ctx), '[]\n');
    });
});

describe('format: pretty', () => {
    it('groups by file with aligned rows and no colour when color is off', () => {
        const text = formatPretty(sample, ctx);
        assert.doesNotMatch(text, ANSI);
        const lines = text.split('\n');
        assert.equal(lines.filter(l => l === 'a.align').length, 1);
        assert.equal(lines.filter(l => l === 'programs/sales win.align').length, 1);
        const docsAt = lines.indexOf('Rule docs: https://github.com/align-lang/align/blob/main/docs/rules/<id>.md');
        const rows = lines.slice(0, docsAt).filter(l => l.startsWith('  '));
        assert.equal(rows.length, 4);
        // Then the address of the pages once, and the ids of the rules with findings, sorted.
        const docs = lines.slice(docsAt + 1, lines.indexOf('', docsAt));
        assert.deepEqual(docs, [`  ${[...new Set(sample.map(f => f.rule))].sort().join(', ')}`]);
        assert.match(rows[0]!, /^ {2}2:3 {3}error {2}Expecting '\{' but found '<'\. +syntax$/);
        const aRows = rows.slice(0, 3);
        const ruleColumns = aRows.map((row, i) => row.lastIndexOf(sortFindings(sample)[i]!.rule));
        assert.equal(new Set(ruleColumns).size, 1, `rule ids not aligned:\n${aRows.join('\n')}`);
        assert.equal(new Set(aRows.map(row => row.search(/error|warning|info/))).size, 1);
        assert.ok(rows[2]!.includes('Metric \'Calls\' is unused. Reference it or remove it.'), 'newline in message kept on one row');
        assert.equal(lines.at(-2), '✖ 4 problems (2 errors, 1 warning, 1 info) in 2 of 6 files');
        assert.equal(lines.at(-3), '', 'a blank line before the summary');
        assert.equal(lines.at(-1), '', 'ends with a newline');
    });

    it('uses singular words for one', () => {
        const text = formatPretty([finding({})], { ...ctx, filesChecked: 1 });
        assert.ok(text.endsWith('✖ 1 problem (1 error, 0 warnings, 0 infos) in 1 file\n'), text);
        const infos = formatPretty([finding({ severity: 'info' }), finding({ line: 2, severity: 'info' })], ctx);
        assert.ok(infos.endsWith('ℹ 2 problems (0 errors, 0 warnings, 2 infos) in 1 of 6 files\n'), infos);
    });

    it('marks the summary ✖ when there is an error or a warning, ℹ when all are infos (advice, not a failure)', () => {
        const info = finding({ severity: 'info' });
        assert.match(formatPretty([info], ctx), /\nℹ 1 problem \(0 errors, 0 warnings, 1 info\) in 1 of 6 files\n$/);
        assert.match(formatPretty([info, finding({ line: 2, severity: 'warning' })], ctx), /\n✖ 2 problems /);
    });

    it('prints control characters of file names as \\xHH in pretty output; github keeps the real path in file= (GitHub matches it), escapes the message and title', () => {
        const f = finding({ file: 'evil\x1b[31m\x07\x9b.align' });
        const pretty = formatPretty([f], ctx);
        assert.ok(pretty.startsWith('evil\\x1b[31m\\x07\\x9b.align\n'), pretty);
        assert.doesNotMatch(pretty, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
        const hostile = finding({ file: 'a\nb.align', rule: 'x\u202ey\x1b' as RuleId, message: 'File "c\u202e\x1b\nd" is missing.\nNext line.' });
        const github = formatGithub([f, hostile], ctx);
        assert.ok(github.includes('file=evil\x1b[31m\x07\x9b.align,'), github);
        assert.ok(github.includes('file=a%0Ab.align,'), 'line breaks stay percent-escaped, as GitHub decodes them');
        assert.ok(github.includes(',title=x\\u202Ey\\x1b::File "c\\u202E\\x1b\\x0ad" is missing.%0ANext line.\n'), github);
    });

    it('counts the files with problems among the files checked, never more than were checked', () => {
        const inThree = ['a.align', 'b.align', 'c.align'].map(file => finding({ file }));
        assert.ok(formatPretty(inThree, { ...ctx, filesChecked: 5 }).endsWith('✖ 3 problems (3 errors, 0 warnings, 0 infos) in 3 of 5 files\n'));
        assert.ok(formatPretty(inThree, { ...ctx, filesChecked: 3 }).endsWith(' in 3 files\n'));
        const config = finding({ file: 'align.config.json', rule: 'config-invalid' });
        assert.ok(formatPretty([finding({}), config], { ...ctx, filesChecked: 1 }).endsWith(' in 2 files\n'));
    });

    it('fits a narrow width: messages wrap under themselves, the rule id after their last words', () => {
        const long = finding({ line: 16, column: 9, rule: 'outcome-not-measurable', message: `Outcome 'FasterRampUp' is not measurable: 'TicketQuality' has no baseline, target, deadline (\`target ... by\`). Give each measuring KPI a baseline and a \`target ... by\` deadline.` });
        const short = finding({ line: 30, column: 9, severity: 'warning', rule: 'program-without-leading', message: 'Program \'P\' has no leading KPI.' });
        const text = formatPretty([long, short], { ...ctx, width: 80 });
        const lines = text.split('\n');
        assert.deepEqual(lines.slice(0, 6), [
            'a.align',
            "  16:9  error    Outcome 'FasterRampUp' is not measurable: 'TicketQuality' has",
            '                 no baseline, target, deadline (`target ... by`). Give each',
            '                 measuring KPI a baseline and a `target ... by` deadline.',
            '                 outcome-not-measurable',
            "  30:9  warning  Program 'P' has no leading KPI.  program-without-leading"
        ]);
        // The rule docs: one layout at every width, the address once, then the ids.
        const docs = ['Rule docs: https://github.com/align-lang/align/blob/main/docs/rules/<id>.md', '  outcome-not-measurable, program-without-leading'];
        for (const line of lines) assert.ok(line.length <= 80, `wider than 80: ${line}`);
        assert.deepEqual(lines.slice(-5, -3), docs);
        assert.deepEqual(formatPretty([long, short], { ...ctx, width: 250 }).split('\n').slice(-5, -3), docs, 'the same layout when wide');
        const narrow = formatPretty([long, short], { ...ctx, width: 40 }).split('\n');
        assert.deepEqual(narrow.slice(narrow.indexOf('Rule docs:'), narrow.indexOf('Rule docs:') + 5), ['Rule docs:', '  https://github.com/align-lang/align/blob/main/docs/rules/<id>.md', '  outcome-not-measurable,', '  program-without-leading', ''], 'the address on its own line when it does not fit after the heading');
        const colored = formatPretty([long, short], { ...colorCtx, width: 80 });
        assert.equal(colored.replace(new RegExp(ANSI, 'g'), '').replace(/\x1b\]8;;[^\x1b]*\x1b\\/g, ''), text, 'colour does not change the wrapping');
    });

    it('shows a tab in a message as a space: a terminal would move to its tab stop, past the columns', () => {
        const tabbed = finding({ line: 3, rule: 'syntax', message: 'Expecting end of file but found `"a\tb\t\tc d e f g h i j k l m n o p q r s t u v w x y z"`.' });
        const other = finding({ line: 4, rule: 'objective-without-kpi', message: 'Objective has no KPI.' });
        for (const width of [200, 60]) {
            const text = formatPretty([tabbed, other], { ...ctx, width });
            assert.ok(!text.includes('\t'), text);
            assert.ok(text.includes('`"a b c d e'), text);
            const lines = text.split('\n').filter(l => /^ {2}\d+:|^ {4}/.test(l));
            for (const line of lines) assert.ok(line.length <= width, `wider than ${width}: ${line}`);
        }
        const rows = formatPretty([tabbed, other], ctx).split('\n').slice(1, 3);
        assert.equal(rows[0]!.lastIndexOf('syntax'), rows[1]!.lastIndexOf('objective-without-kpi'), `rule ids not aligned:\n${rows.join('\n')}`);
    });

    it('joins the lines of a message into its row, but shows a double-quoted name\'s tab and line break as \\x09 and \\x0a: a space would name another file', () => {
        const message = 'Actuals of \'K\': file "a\tb\nc.csv" is missing.\n  Fix the path `x\ty`.';
        const text = formatPretty([finding({ message })], ctx);
        assert.ok(text.includes('Actuals of \'K\': file "a\\x09b\\x0ac.csv" is missing. Fix the path `x y`.'), text);
    });

    it('takes the width of a terminal, and 80 columns elsewhere', () => {
        assert.equal(outputWidth({ isTTY: true, columns: 132 }), 132);
        assert.equal(outputWidth({ isTTY: false, columns: 132 }), 80);
        assert.equal(outputWidth({}), 80);
        assert.equal(outputWidth({ isTTY: true, columns: 0 }), 80);
    });

    it('says when there is no problem', () => {
        assert.equal(formatPretty([], ctx), '✔ No problems in 6 files\n');
        assert.equal(formatPretty([], { ...ctx, filesChecked: 1 }), '✔ No problems in 1 file\n');
        assert.equal(formatPretty([], { ...ctx, baselined: 1300 }), '✔ No new problems in 6 files (1,300 in the baseline)\n', 'a baseline holds them');
    });

    it('colours severities, rule ids and file names when color is on', () => {
        const text = formatPretty(sample, colorCtx);
        assert.match(text, ANSI);
        assert.ok(text.includes('\x1b[31merror'), 'red error');
        assert.ok(text.includes('\x1b[33mwarning'), 'yellow warning');
        assert.ok(text.includes('\x1b[36minfo'), 'cyan info');
        assert.ok(text.includes('\x1b[2m\x1b]8;;https://github.com/align-lang/align/blob/main/docs/rules/metric-unused.md\x1b\\metric-unused\x1b]8;;\x1b\\\x1b[0m'), 'dim rule id, a link to its page');
        assert.ok(text.includes('\x1b[1;4ma.align\x1b[0m'), 'bold underlined file');
        const plain = text.replace(new RegExp(ANSI, 'g'), '').replace(/\x1b\]8;;[^\x1b]*\x1b\\/g, '');
        assert.equal(plain, formatPretty(sample, ctx), 'colour and links wrap the same text');
        assert.match(formatPretty([], colorCtx), ANSI);
    });
});

describe('format: github', () => {
    it('escapes data and properties as @actions/core does', () => {
        assert.equal(escapeData('50% a:b,c\r\nd'), '50%25 a:b,c%0D%0Ad');
        assert.equal(escapeProperty('50% a:b,c\r\nd'), '50%25 a%3Ab%2Cc%0D%0Ad');
    });

    it('prints one command per finding with the right level', () => {
        const lines = formatGithub(sample, ctx).split('\n');
        assert.equal(lines.pop(), '', 'ends with a newline');
        assert.deepEqual(lines.map(l => l.slice(0, l.indexOf(' '))), ['::error', '::error', '::notice', '::warning']);
        assert.equal(lines[1], '::error file=a.align,line=2,col=7,endLine=4,endColumn=1,title=objective-without-kpi::Objective "Close" reaches no KPI.');
        assert.equal(lines[2], '::notice file=a.align,line=10,col=2,endLine=10,endColumn=9,title=metric-unused::Metric \'Calls\' is unused.%0AReference it or remove it.');
    });

    it('escapes %, newlines, : and , in file and message', () => {
        const f = finding({ file: 'dir/a,b:c 100%.align', line: 3, column: 4, endLine: 3, endColumn: 8, severity: 'warning', rule: 'too-many-kpis', message: '100% off: a, b\r\nnext' });
        assert.equal(formatGithub([f], ctx),
            '::warning file=dir/a%2Cb%3Ac 100%25.align,line=3,col=4,endLine=3,endColumn=8,title=too-many-kpis::100%25 off: a, b%0D%0Anext\n');
    });

    it('prints nothing when there is no finding', () => {
        assert.equal(formatGithub([], ctx), '');
    });
});

/** Rough XML 1.0 well-formedness: balanced tags, escaped text, valid characters. */
function assertWellFormedXml(xml: string): void {
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
    const body = xml.slice(xml.indexOf('?>') + 2);
    assert.doesNotMatch(body, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u, 'invalid XML character');
    assert.doesNotMatch(body, /&(?!(amp|lt|gt|quot|apos|#\d+);)/, 'bare ampersand');
    const stack: string[] = [];
    for (const [tag] of body.matchAll(/<[^<>]*>/g)) {
        assert.doesNotMatch(tag.slice(1, -1), /[<>]/);
        const name = /^<\/?([\w:-]+)/.exec(tag)![1]!;
        assert.equal((tag.match(/"/g) ?? []).length % 2, 0, `unbalanced quotes in ${tag}`);
        if (tag.startsWith('</')) assert.equal(stack.pop(), name, `mismatched ${tag}`);
        else if (!tag.endsWith('/>')) stack.push(name);
    }
    assert.deepEqual(stack, [], 'unclosed tags');
    assert.doesNotMatch(body.replace(/<[^<>]*>/g, ''), /[<>]/, 'unescaped < or > in text');
}

describe('format: junit', () => {
    it('writes one test case per finding with consistent counts', () => {
        const xml = formatJunit(sample, ctx);
        assertWellFormedXml(xml);
        assert.match(xml, /<testsuites name="align check" tests="4" failures="3" errors="0" skipped="0">/);
        assert.match(xml, /<testsuite name="align" tests="4" failures="3" errors="0" skipped="0">/);
        assert.equal(xml.match(/<testcase /g)!.length, 4);
        assert.equal(xml.match(/<failure /g)!.length, 3);
        assert.equal(xml.match(/<failure [^>]*type="error"/g)!.length, 2);
        assert.equal(xml.match(/<failure [^>]*type="warning"/g)!.length, 1);
        assert.ok(xml.includes('<testcase classname="programs/sales win.align" name="metric-without-source: programs/sales win.align" file="programs/sales win.align">'));
        assert.match(xml, /<testcase classname="a.align" name="metric-unused: a.align" file="a.align">\n\s*<system-out>a.align:10:2: info: Metric &apos;Calls&apos; is unused.\nReference it or remove it. \(metric-unused\)<\/system-out>/);
        assert.ok(xml.includes('message="KPI &quot;Win rate&quot; has no `source`."'));
    });

    it('names a test case by rule and element, not line: moving code keeps its name; repeats are numbered', () => {
        const at = (line: number, element: string, key: string) => finding({ line, endLine: line, rule: 'unresolved-reference', identity: { element, key } });
        const names = (findings: Finding[]) => [...formatJunit(findings, ctx).matchAll(/<testcase [^>]*name="([^"]*)"/g)].map(m => m[1]);
        const before = names([at(3, 'Sales.Close', 'WinRate'), at(3, 'Sales.Close', 'Quota'), at(9, 'Sales.Open', 'WinRate')]);
        assert.deepEqual(before, ['unresolved-reference: Sales.Close', 'unresolved-reference: Sales.Close (2)', 'unresolved-reference: Sales.Open']);
        assert.deepEqual(names([at(30, 'Sales.Close', 'WinRate'), at(30, 'Sales.Close', 'Quota'), at(90, 'Sales.Open', 'WinRate')]), before);
    });

    it('escapes XML specials and strips invalid characters', () => {
        assert.equal(escapeXml('a & b < c > d " e \' f'), 'a &amp; b &lt; c &gt; d &quot; e &apos; f');
        assert.equal(escapeXml('x\u0000\u0001\u000by\uD800z\uFFFE\tw'), 'xyz\tw');
        assert.equal(escapeXml('emoji 😀 ok'), 'emoji 😀 ok');
        const xml = formatJunit([finding({ file: 'x&<y>.align', message: 'A "b" & <c> \'d\'\u0007\nline' })], ctx);
        assertWellFormedXml(xml);
        assert.ok(xml.includes('classname="x&amp;&lt;y&gt;.align"'));
        assert.ok(xml.includes('message="A &quot;b&quot; &amp; &lt;c&gt; &apos;d&apos;&#10;line"'));
    });

    it('writes one passing test case when there is no finding', () => {
        const xml = formatJunit([], ctx);
        assertWellFormedXml(xml);
        assert.match(xml, /<testsuite name="align" tests="1" failures="0" errors="0" skipped="0">/);
        assert.ok(xml.includes('<testcase classname="align" name="align check"/>'));
        assert.doesNotMatch(xml, /<failure/);
    });
});

interface SarifLog {
    $schema: string;
    version: string;
    runs: {
        tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
        invocations: { executionSuccessful: boolean }[];
        originalUriBaseIds: Record<string, { uri: string }>;
        columnKind: string;
        results: SarifResult[];
    }[];
}
interface SarifRule {
    id: string; name: string; helpUri: string;
    shortDescription: { text: string }; fullDescription: { text: string };
    help: { text: string; markdown: string };
    defaultConfiguration: { level: string };
    properties: { tags: string[] };
}
interface SarifResult {
    ruleId: string; ruleIndex: number; level?: string; message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
    partialFingerprints: Record<string, string>;
}

function parseSarif(text: string): SarifLog {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as SarifLog;
}

describe('format: sarif', () => {
    const log = parseSarif(formatSarif(sample, ctx));
    const run = log.runs[0]!;

    it('is one SARIF 2.1.0 run of the align tool', () => {
        assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
        assert.equal(log.version, '2.1.0');
        assert.equal(log.runs.length, 1);
        const driver = run.tool.driver;
        assert.equal(driver.name, 'align');
        assert.equal(driver.version, '1.2.3');
        assert.equal(driver.semanticVersion, '1.2.3');
        assert.equal(driver.informationUri, 'https://github.com/align-lang/align');
        assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
        assert.equal(run.columnKind, 'utf16CodeUnits');
        const root = run.originalUriBaseIds['%SRCROOT%']!.uri;
        assert.equal(root, pathToFileURL(process.cwd()).href + '/');
        assert.ok(root.startsWith('file:///') && root.endsWith('/') && !root.endsWith('//'));
    });

    it('describes every rule of the catalogue', () => {
        const rules = run.tool.driver.rules;
        const levels = { error: 'error', warning: 'warning', info: 'note' } as const;
        assert.equal(rules.length, ALL_RULES.length);
        ALL_RULES.forEach((info, i) => {
            const r = rules[i]!;
            assert.equal(r.id, info.id);
            assert.match(r.name, /^[A-Z][A-Za-z0-9]*$/);
            assert.notEqual(r.name.toLowerCase(), r.id.toLowerCase());
            assert.equal(r.shortDescription.text, info.description);
            assert.ok(r.fullDescription.text.startsWith(info.description));
            assert.equal(r.help.text, info.help);
            assert.ok(r.help.markdown.includes(info.help));
            assert.equal(r.helpUri, `https://github.com/align-lang/align/blob/v1.2.3/docs/rules/${info.id}.md`, 'the docs of the release, tag v<version>');
            assert.equal(r.defaultConfiguration.level, levels[info.defaultSeverity]);
            assert.ok(Array.isArray(r.properties.tags) && r.properties.tags.length > 0);
        });
        assert.equal(rules.find(r => r.id === 'objective-without-kpi')!.name, 'ObjectiveWithoutKpi');
        assert.equal(ruleName('syntax'), 'AlignSyntax');
    });

    it('maps findings to sorted results with levels, regions and relative URIs', () => {
        const results = run.results;
        assert.deepEqual(results.map(r => r.ruleId), ['syntax', 'objective-without-kpi', 'metric-unused', 'metric-without-source']);
        assert.deepEqual(results.map(r => r.level), ['error', 'error', 'note', 'warning']);
        for (const r of results) assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
        const [, objective, , source] = results;
        assert.deepEqual(objective!.locations[0]!.physicalLocation.region, { startLine: 2, startColumn: 7, endLine: 4, endColumn: 1 });
        assert.deepEqual(source!.locations[0]!.physicalLocation.artifactLocation,
            { uri: 'programs/sales%20win.align', uriBaseId: '%SRCROOT%' });
        assert.equal(source!.message.text, 'KPI "Win rate" has no `source`.');
        assert.equal(results[2]!.message.text, sample[1]!.message);
        const prints = results.map(r => Object.values(r.partialFingerprints)[0]);
        assert.equal(new Set(prints).size, results.length);
    });

    it('keeps fingerprints stable across line moves and distinct for repeats', () => {
        const fp = (fs: Finding[]) => parseSarif(formatSarif(fs, ctx)).runs[0]!.results.map(r => Object.values(r.partialFingerprints)[0]);
        const [moved] = fp([finding({ line: 40, endLine: 40 })]);
        const [original] = fp([finding({})]);
        assert.equal(moved, original);
        const twice = fp([finding({}), finding({ line: 9, endLine: 9 })]);
        assert.notEqual(twice[0], twice[1]);
    });

    it('encodes URI characters and describes unknown rule ids', () => {
        const out = parseSarif(formatSarif([finding({ file: 'c:d/x #1?.align', rule: 'future-rule' as RuleId /* from a newer validator */ })], ctx)).runs[0]!;
        assert.equal(out.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'c%3Ad/x%20%231%3F.align');
        assert.equal(out.tool.driver.rules[out.results[0]!.ruleIndex]!.id, 'future-rule');
        const slash = parseSarif(formatSarif([finding({ file: 'back\\slash.align' })], ctx)).runs[0]!;
        assert.equal(slash.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'back%5Cslash.align', 'a backslash in a POSIX name is not a separator');
        assert.equal(out.tool.driver.rules.length, ALL_RULES.length + 1);
    });

    it('keeps an empty results array when there is no finding', () => {
        const empty = parseSarif(formatSarif([], ctx));
        assert.deepEqual(empty.runs[0]!.results, []);
        assert.equal(empty.runs[0]!.tool.driver.rules.length, ALL_RULES.length);
    });
});

describe('format: sarif against the SARIF Multitool (GitHub rules)', function () {
    this.timeout(300_000);
    let dir = '';

    before(function () {
        requireMultitool(this);
        dir = makeTempDir('align-sarif-');
    });

    after(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const cases: [string, Finding[]][] = [
        ['findings', [...sample, finding({ file: 'a.align', line: 30, column: 1, endLine: 30, endColumn: 1, rule: 'config-invalid', message: 'Unknown rule "x" in align.config.json.' })]],
        ['empty', []],
    ];
    for (const [name, findings] of cases) {
        it(`reports no error and no warning for ${name}`, () => {
            const file = join(dir, `${name}.sarif`);
            writeFileSync(file, formatSarif(findings, ctx));
            assert.deepEqual(multitoolProblems(file), []);
        });
    }
});
