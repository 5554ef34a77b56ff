/** Reading a chart back from its SVG (as test/unit/render-charts.test.ts does), and screen boxes. */
import * as assert from 'node:assert/strict';
import { elementsWhere, type XmlElement } from '../../cli/xml.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const num = (e: XmlElement, name: string): number => Number(e.attributes[name]);

/** The circles of a class (`actual`), in document order. */
export function circles(root: XmlElement, cls: string): XmlElement[] {
    return elementsWhere(root, e => e.name === 'circle' && (e.attributes['class'] ?? '').split(' ').includes(cls));
}

/** The x of a date and the y of a value, from the chart's own grid lines (`data-date`, `data-value`). */
export function axes(root: XmlElement): { x: (iso: string) => number; y: (value: number) => number } {
    const xs = elementsWhere(root, e => e.name === 'line' && e.attributes['data-date'] !== undefined);
    const ys = elementsWhere(root, e => e.name === 'line' && e.attributes['data-value'] !== undefined);
    assert.ok(xs.length >= 2 && ys.length >= 2, 'at least two grid lines on each axis');
    const [a, b, c, d] = [xs[0]!, xs.at(-1)!, ys[0]!, ys.at(-1)!];
    const perDay = (num(b, 'x1') - num(a, 'x1')) / (day(b.attributes['data-date']!) - day(a.attributes['data-date']!));
    const perUnit = (num(d, 'y1') - num(c, 'y1')) / (Number(d.attributes['data-value']) - Number(c.attributes['data-value']));
    return {
        x: iso => num(a, 'x1') + (day(iso) - day(a.attributes['data-date']!)) * perDay,
        y: value => num(c, 'y1') + (value - Number(c.attributes['data-value'])) * perUnit
    };
}

/** An element's box on screen, CSS px. */
export interface ScreenRect { left: number; top: number; right: number; bottom: number; }

/** Runs in the page (`$eval(selector, rectOf)`): the element's bounding box. */
export function rectOf(element: Element): ScreenRect {
    const r = element.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}
