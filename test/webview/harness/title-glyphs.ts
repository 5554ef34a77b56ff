/**
 * Where Chromium drew each character of a node's title lines
 * (`getExtentOfChar`, in the drawing's units), and the node's box: to check
 * the order a right-to-left title reads in, and that it stays in its box.
 * Shared by the HTML report's test and the preview's.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { TEXT_X } from '../../../language/render/index.js';

/** A horizontal extent in the drawing's units. */
export interface Span { readonly left: number; readonly right: number }

/** One drawn title line: its text, and one span per UTF-16 unit of it (a title's letters here are all in the BMP). */
export interface TitleLine { readonly text: string; readonly chars: readonly Span[] }

/** The node box and title lines of each drawing's node `id` (the report draws a node in each chain it is in). */
export async function titleGlyphs(page: Page, id: string): Promise<Array<{ box: Span; lines: TitleLine[] }>> {
    const drawn = await page.evaluate(id => [...document.querySelectorAll(`g.node[data-id="${CSS.escape(id)}"]`)].map(g => {
        const rect = g.querySelector<SVGRectElement>('rect.node-box')!;
        const x = rect.x.baseVal.value;
        return {
            box: { left: x, right: x + rect.width.baseVal.value },
            lines: [...g.querySelectorAll<SVGTextElement>('text.node-title')].map(t => ({
                text: t.textContent ?? '',
                chars: Array.from({ length: t.getNumberOfChars() }, (_, i) => {
                    const e = t.getExtentOfChar(i);
                    return { left: e.x, right: e.x + e.width };
                })
            }))
        };
    }), id);
    assert.ok(drawn.length > 0, `no node ${id} is drawn`);
    return drawn;
}

/** The span of the first `part` of a line. */
export function spanOf(line: TitleLine, part: string): Span {
    const at = line.text.indexOf(part);
    assert.ok(at >= 0, `"${line.text}" holds no "${part}"`);
    const chars = line.chars.slice(at, at + part.length);
    return { left: Math.min(...chars.map(c => c.left)), right: Math.max(...chars.map(c => c.right)) };
}

/** Asserts that `a` lies wholly left of `b` (half a unit's tolerance). */
export function assertLeftOf(a: Span, b: Span, what: string): void {
    assert.ok(a.right <= b.left + 0.5, `${what}: ${JSON.stringify(a)} is not left of ${JSON.stringify(b)}`);
}

/** Asserts that every character of the lines lies in the box's text column: from where a title starts (TEXT_X in) to the box's right edge. */
export function assertInTextColumn(box: Span, lines: readonly TitleLine[], what: string): void {
    for (const line of lines) {
        const all = spanOf(line, line.text);
        assert.ok(all.left >= box.left + TEXT_X - 0.5 && all.right <= box.right + 0.5,
            `${what}: "${line.text}" spans ${all.left.toFixed(1)}..${all.right.toFixed(1)}, outside its box's text column ${(box.left + TEXT_X).toFixed(1)}..${box.right.toFixed(1)}`);
    }
}
