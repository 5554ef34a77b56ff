/**
 * `align report --output FILE` without `--format` writes the format the
 * file's extension names (`review.html`: the HTML page), Markdown for any
 * other name and standard output; a `--format` that the extension
 * contradicts is kept, with one warning on standard error naming both.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATE } from './report-helpers.js';
import { EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

/** Runs `align report EXAMPLES --date DATE ...args`, asserts exit 0, and gives standard error. */
function reportTo(args: readonly string[]): string {
    const result = runCli(['report', EXAMPLES, '--date', DATE, ...args]);
    assert.equal(result.status, 0, `align report ${args.join(' ')}\nstderr: ${result.stderr}`);
    return result.stderr;
}

const isHtml = (text: string) => text.startsWith('<!DOCTYPE html>\n');
const isMarkdown = (text: string) => text.startsWith('# Align impact review\n');

describe('align report --output: the format from the file\'s extension', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('writes HTML into .html and .htm (any case), Markdown into .md and any other name, without --format', () => {
        const dir = tempDir();
        for (const [name, html] of [['review.html', true], ['REVIEW.HTM', true], ['review.md', false], ['review.txt', false], ['review', false]] as const) {
            const file = path.join(dir, name);
            assert.equal(reportTo(['--output', file]), '', `${name}: nothing on stderr`);
            const text = fs.readFileSync(file, 'utf-8');
            assert.ok(html ? isHtml(text) : isMarkdown(text), `${name}: ${text.slice(0, 80)}`);
        }
        const stdout = runCli(['report', EXAMPLES, '--date', DATE, '--output', '-']);
        assert.ok(isMarkdown(stdout.stdout), 'standard output: Markdown');
    });

    it('keeps a --format that the extension contradicts, and says so on stderr', () => {
        const dir = tempDir();
        const html = path.join(dir, 'review.html');
        const warning = reportTo(['--format', 'md', '--output', html]).replace(/\n {2}/g, ' ');
        assert.ok(isMarkdown(fs.readFileSync(html, 'utf-8')), 'written as --format asks');
        assert.equal(warning, `align: --output ${html} is named for HTML, but --format md writes Markdown; it is written as --format asks. Leave --format out to write HTML, or name the file .md\n`);
        const md = path.join(dir, 'review.md');
        assert.match(reportTo(['-f', 'html', '-o', md]).replace(/\n {2}/g, ' '), /is named for Markdown, but --format html writes HTML;.* or name the file \.html\n$/);
        assert.ok(isHtml(fs.readFileSync(md, 'utf-8')));
        assert.equal(reportTo(['--format', 'html', '--output', path.join(dir, 'review.htm')]), '', 'an extension that agrees: no warning');
        assert.equal(reportTo(['--format', 'html', '--output', path.join(dir, 'review.txt')]), '', 'an extension no format claims: no warning');
    });

    it('says so in --help', () => {
        const help = runCli(['report', '--help']).stdout.replace(/\s+/g, ' ');
        assert.ok(help.includes('Default: the format the extension of --output names (.html or .htm: html; .md: md), else md.'), help);
        assert.ok(help.includes('align report --output review-2026-03.html'), help);
    });
});
