/**
 * Fuzzing the BUILT CLI (`node bin/align.cjs check`) as a child process:
 * random binary files (exit 1, one `syntax` finding on the file), random UTF-8
 * text (exit 0 or 1, valid JSON, nothing on stderr), random bytes as an
 * actuals CSV file, and huge inputs (a 20 MB file, a file with one 5 MB
 * line). No run may print a stack trace or exit other than 0, 1 or 2.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { looksLikeUtf16 } from '../../language/files/decode-source.js';
import { parseFindings, removeTempDirs, requireBundle, runCli, tempDir, writeFile, type CliResult } from '../cli/run-cli.js';
import { announceSeed, fuzzParameters, runsOf, LONG_RUN, report } from './helpers/fuzz-config.js';
import { tokenStreamArb } from './helpers/vocabulary.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What the CLI must make of these bytes as an `.align` file. */
function kindOf(bytes: Uint8Array): 'utf16' | 'binary' | 'not-utf8' | 'text' {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf16';
    if (bytes.includes(0)) return looksLikeUtf16(bytes) ? 'utf16' : 'binary';
    try { utf8.decode(bytes); return 'text'; } catch { return 'not-utf8'; }
}

/** The start of the finding on a random file of each kind but text. */
const MESSAGES = {
    utf16: /^This file is saved as UTF-16, not UTF-8: save it as UTF-8\.$/,
    binary: /^This file is binary \(a NUL byte on line \d+\)/,
    'not-utf8': /^This file is not UTF-8 text \(byte 0x[0-9a-f]{2} on line \d+\)/
};

/** No stack trace, no internal error (unless allowed: a known limit), an exit status of 0, 1 or 2 and no signal. */
function assertControlled(result: CliResult, what: string): void {
    assert.equal(result.signal, null, `${what}: not killed (${result.signal})`);
    assert.ok(result.status === 0 || result.status === 1 || result.status === 2, `${what}: exit status ${result.status}\n${result.stderr.slice(0, 2000)}`);
    assert.ok(!/^\s+at .+[:(]/m.test(result.stderr), `${what}: no stack trace on stderr:\n${result.stderr.slice(0, 2000)}`);
    assert.ok(!/internal error|TypeError|RangeError|ReferenceError/i.test(result.stderr), `${what}: no internal error:\n${result.stderr.slice(0, 2000)}`);
}

/** Size of the big-file test: 5 MB by default, 20 MB in a long run or with ALIGN_HUGE_MB=20. */
const HUGE_MB = Number(process.env['ALIGN_HUGE_MB'] ?? (LONG_RUN ? 20 : 5));

const REVENUE = 'metric Revenue "Revenue" {\n  kind lagging\n  source "Finance"\n  owner "CFO"\n  cadence monthly\n}\n';

const GOOD = 'skill Listening "Active listening"\nbehavior Probing {\n  enabled by Listening\n  observed by coach\n}\n';

describe('reliability: fuzzing the CLI with random and huge input', function () {
    // Long runs (ALIGN_FUZZ_RUNS) take longer: at most 10 s a run, and never less than 10 minutes.
    this.timeout(Math.max(600_000, runsOf(12) * 10_000));
    before(() => { announceSeed(); requireBundle(); });
    after(removeTempDirs);

    it('random binary files: exit 1 and one `syntax` finding on the file (text that happens to be UTF-8: exit 0 or 1)', () => {
        const seen = { utf16: 0, binary: 0, 'not-utf8': 0, text: 0, bytes: 0 };
        fc.assert(
            fc.property(
                fc.uint8Array({ minLength: 1, maxLength: 8192, size: 'max' }),
                fc.constantFrom('nul', 'invalid', 'as-is'),
                fc.nat(),
                (raw, damage, at) => {
                    // Random bytes nearly always hold a NUL: take them out but for the `nul` case, so that the UTF-8 check is reached too.
                    const bytes = Buffer.from(damage === 'nul' ? raw : raw.map(b => (b === 0 ? 0x20 : b)));
                    const i = at % bytes.length;
                    if (damage === 'nul') bytes[i] = 0;
                    else if (damage === 'invalid') bytes[i] = 0xff; // never valid in UTF-8
                    const kind = kindOf(bytes);
                    seen[kind]++;
                    seen.bytes += bytes.length;
                    const dir = tempDir('align-rel-cli-');
                    writeFile(dir, 'a-good.align', GOOD);
                    writeFile(dir, 'random.align', bytes);
                    const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
                    assertControlled(result, kind);
                    if (kind === 'text') {
                        assert.notEqual(result.status, 2, result.stderr);
                        parseFindings(result.stdout);
                    } else {
                        // One `syntax` finding at the file's start; the other file is checked (docs/reliability.md).
                        assert.equal(result.status, 1, `exit 1 for a ${kind} file\n${result.stderr}`);
                        assert.equal(result.stderr, '');
                        const own = parseFindings(result.stdout).filter(f => f.file === 'random.align');
                        assert.deepEqual(own.map(f => `${f.line}:${f.column} ${f.severity} ${f.rule}`), ['1:1 error syntax'], JSON.stringify(own));
                        assert.match(own[0]!.message, MESSAGES[kind]);
                    }
                    removeTempDirs();
                },
            ),
            fuzzParameters(12),
        );
        report(`CLI random bytes: ${seen.binary} with NUL, ${seen['not-utf8']} not UTF-8, ${seen.utf16} saved as UTF-16, ${seen.text} valid UTF-8; ${seen.bytes} bytes`);
    });

    it('random UTF-8 text and token streams: exit 0 or 1 and valid JSON, nothing on stderr', () => {
        const figures = { runs: 0, files: 0, characters: 0, findings: 0, exit0: 0, exit1: 0 };
        const text = fc.oneof(
            tokenStreamArb(600),
            fc.string({ unit: 'binary', maxLength: 3000, size: 'max' }),
            fc.string({ unit: 'grapheme', maxLength: 1000 }),
        ).map(s => s.replace(/\0/g, ' ')); // a NUL makes it a binary file (the property above)
        fc.assert(
            fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), texts => {
                const dir = tempDir('align-rel-cli-');
                texts.forEach((t, i) => { writeFile(dir, `random${i}.align`, t); figures.characters += t.length; });
                const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
                assertControlled(result, 'text');
                assert.ok(result.status === 0 || result.status === 1, `exit 0 or 1 for text\n${result.stderr}`);
                assert.equal(result.stderr, '', 'nothing on stderr');
                const findings = parseFindings(result.stdout);
                for (const f of findings) assert.ok(/^random\d\.align$/.test(f.file), f.file);
                assert.equal(result.status, findings.some(f => f.severity === 'error') ? 1 : 0, 'exit 1 exactly when an error was found');
                figures.runs++;
                figures.files += texts.length;
                figures.findings += findings.length;
                if (result.status === 0) figures.exit0++; else figures.exit1++;
                removeTempDirs();
            }),
            fuzzParameters(12),
        );
        report(`CLI random text: ${figures.runs} runs, ${figures.files} files, ${figures.characters} characters, ${figures.findings} findings (exit 0: ${figures.exit0}, exit 1: ${figures.exit1})`);
    });

    it('random bytes as an actuals CSV file: actuals-invalid or rows, never a crash', () => {
        let runs = 0;
        let invalid = 0;
        fc.assert(
            fc.property(fc.oneof(fc.uint8Array({ maxLength: 4096, size: 'max' }), fc.string({ unit: 'binary', maxLength: 2000 }).map(s => Buffer.from(`period,value\n${s}`))), bytes => {
                const dir = tempDir('align-rel-cli-');
                writeFile(dir, 'kpi.align', 'metric Nps "NPS" {\n  kind leading\n  baseline 30\n  target 40 by 2026-12-31\n}\nactuals Nps from "data/nps.csv"\n');
                writeFile(dir, 'data/nps.csv', Buffer.from(bytes));
                const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
                assertControlled(result, 'csv');
                assert.notEqual(result.status, 2, result.stderr);
                assert.equal(result.stderr, '');
                const findings = parseFindings(result.stdout);
                const bad = findings.filter(f => f.rule === 'actuals-invalid');
                for (const f of bad) assert.match(f.message, /data\/nps\.csv/, 'names the file');
                if (kindOf(bytes) !== 'text') assert.ok(bad.length > 0, 'a binary or non-UTF-8 CSV file is actuals-invalid');
                runs++;
                if (bad.length > 0) invalid++;
                removeTempDirs();
            }),
            fuzzParameters(8),
        );
        report(`CLI random CSV: ${runs} runs, ${invalid} reported actuals-invalid`);
    });

    describe('huge input', () => {
        /** Runs the check, returning the result and the seconds it took. */
        function timed(args: string[], cwd: string): { result: CliResult; seconds: number } {
            const started = Date.now();
            const result = runCli(args, { cwd, timeout: 300_000 });
            return { result, seconds: (Date.now() - started) / 1000 };
        }

        it(`a ${HUGE_MB} MB file of declarations: completes with valid JSON (20 MB with ALIGN_HUGE_MB=20 or a long run)`, function () {
            this.timeout(900_000);
            const dir = tempDir('align-rel-huge-');
            // Complete chains, so that the findings are few and known: every 1000th objective builds nothing.
            const unit = (i: number) => `skill S${i} "Skill ${i}"\nbehavior B${i} "Behavior ${i}" {\n  enabled by S${i}\n  observed by coach weekly\n  moves M${i}\n}\nmetric M${i} "Metric ${i}" {\n  kind leading\n  source "CRM"\n  owner "Ops"\n  cadence weekly\n  drives Revenue\n}\nobjective O${i} "Objective ${i}" {\n${i % 1000 === 0 ? '' : `  builds S${i}\n`}  practice case "A case"\n}\n`;
            const parts = [REVENUE];
            let size = REVENUE.length;
            let units = 0;
            while (size < HUGE_MB * 1024 * 1024) { const u = unit(units++); parts.push(u); size += u.length; }
            writeFile(dir, 'huge.align', parts.join(''));
            const { result, seconds } = timed(['check', '.', '--format', 'json'], dir);
            assertControlled(result, `${HUGE_MB} MB`);
            assert.equal(result.status, 1, result.stderr);
            const findings = parseFindings(result.stdout);
            assert.deepEqual([...new Set(findings.map(f => f.rule))], ['objective-without-kpi']);
            assert.equal(findings.length, Math.ceil(units / 1000));
            report(`${HUGE_MB} MB file: ${(size / 1024 / 1024).toFixed(1)} MB, ${units * 4 + 1} declarations, ${findings.length} findings, ${seconds.toFixed(1)} s`);
        });

        it('a file with one 5 MB line of declarations: completes with valid JSON', function () {
            this.timeout(600_000);
            const dir = tempDir('align-rel-huge-');
            const parts: string[] = [];
            let size = 0;
            for (let i = 0; size < 5 * 1024 * 1024; i++) { const p = `skill S${i} behavior B${i} { enabled by S${i} moves Revenue observed by coach } `; parts.push(p); size += p.length; }
            writeFile(dir, 'line.align', `${REVENUE}${parts.join('')}\n`);
            const { result, seconds } = timed(['check', '.', '--format', 'json'], dir);
            assertControlled(result, '5 MB line');
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stderr, '');
            assert.deepEqual(parseFindings(result.stdout), [], 'every chain on the line is complete');
            report(`one 5 MB line: ${parts.length * 2} declarations on one line, ${seconds.toFixed(1)} s`);
        });

        it('150,000 findings of a rule in one document: all reported (Langium spread them into one call)', function () {
            this.timeout(600_000);
            const dir = tempDir('align-rel-huge-');
            const count = 150_000;
            const objectives: string[] = [];
            for (let i = 0; i < count; i++) objectives.push(`objective O${i} "O"`);
            writeFile(dir, 'many.align', `${objectives.join('\n')}\n`);
            const { result, seconds } = timed(['check', '.', '--format', 'json'], dir);
            assertControlled(result, `${count} findings`);
            assert.equal(result.status, 1, result.stderr);
            assert.equal(result.stderr, '');
            const byRule = new Map<string, number>();
            for (const f of parseFindings(result.stdout)) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
            // objective-without-practice is a rule of the declaration alone (Langium's validation); objective-without-kpi a workspace rule.
            assert.deepEqual(Object.fromEntries(byRule), { 'objective-without-kpi': count, 'objective-without-practice': count });
            report(`${count} objectives in one file: ${2 * count} findings, ${seconds.toFixed(1)} s`);
        });

        it('a 2 MB string literal and a 5 MB comment line: checked', function () {
            this.timeout(600_000);
            const dir = tempDir('align-rel-huge-');
            writeFile(dir, 'string.align', `skill Long "${'x'.repeat(2 * 1024 * 1024)}"\n// ${'y'.repeat(5 * 1024 * 1024)}\n/* ${'z'.repeat(5 * 1024 * 1024)} */\n`);
            const { result, seconds } = timed(['check', '.', '--format', 'json'], dir);
            assertControlled(result, '2 MB string');
            assert.equal(result.status, 0, result.stderr);
            assert.deepEqual(parseFindings(result.stdout).map(f => f.rule), ['skill-enables-nothing']);
            report(`2 MB string + 5 MB line comment + 5 MB block comment: ${seconds.toFixed(1)} s`);
        });

        it('a 5 MB string literal: checked (the STRING terminal once overflowed the stack, docs/reliability.md)', function () {
            this.timeout(600_000);
            const dir = tempDir('align-rel-huge-');
            writeFile(dir, 'string.align', `skill Long "${'x'.repeat(5 * 1024 * 1024)}"\n`);
            const { result, seconds } = timed(['check', '.', '--format', 'json'], dir);
            assertControlled(result, '5 MB string');
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stderr, '');
            assert.deepEqual(parseFindings(result.stdout).map(f => f.rule), ['skill-enables-nothing']);
            report(`5 MB string: checked in ${seconds.toFixed(1)} s`);
        });
    });
});

