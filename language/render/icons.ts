/**
 * Kind, severity and status glyphs as SVG shapes (no fonts, no remote
 * content), designed in a 16x16 (or 12x12) box and drawn at absolute
 * coordinates: no `transform`, so a whole tile of nodes paints as one chunk.
 */
import type { NodeKind } from '../graph/types.js';

type Shape =
    | { path: string; cls?: string; evenodd?: true }
    | { circle: [cx: number, cy: number, r: number]; cls?: string }
    | { rect: [x: number, y: number, width: number, height: number, rx: number]; cls?: string };

export type Glyph = readonly Shape[];

const KIND_GLYPHS: Partial<Record<NodeKind, Glyph>> = {
    objective: [{ circle: [8, 8, 6.5] }, { circle: [8, 8, 3.2] }, { circle: [8, 8, 1.2], cls: 'solid' }],
    skill: [{ path: 'M8 1.5 9.8 6.2 14.5 8 9.8 9.8 8 14.5 6.2 9.8 1.5 8 6.2 6.2Z' }],
    behavior: [{ path: 'M2 3.5h7l4.5 4.5L9 12.5H2L6.5 8Z' }],
    metric: [{ rect: [1.5, 9, 3, 5.5, 0.5], cls: 'solid' }, { rect: [6.5, 5.5, 3, 9, 0.5], cls: 'solid' }, { rect: [11.5, 1.5, 3, 13, 0.5], cls: 'solid' }],
    outcome: [{ path: 'M3.5 15V1.8M3.5 2.2h9.5l-2.2 3.6 2.2 3.6H3.5' }],
    toolkit: [{ rect: [1.5, 5.5, 13, 8.5, 1] }, { path: 'M5.5 5.5V3.2h5v2.3M1.5 9.2h13' }]
};

/** A warning triangle with an exclamation mark cut out, 12x12. */
export const WARNING_GLYPH: Glyph = [{ path: 'M6 0.8 11.6 11H0.4Z M5.3 4.2h1.4v3.6H5.3Z M5.3 8.6h1.4v1.3H5.3Z', evenodd: true }];

/** Severity glyphs for finding badges, 12x12: a cross, a triangle, an "i"; shape tells severity without colour. */
export const SEVERITY_GLYPHS = {
    error: [{ path: 'M2.2 3.6 3.6 2.2 6 4.6 8.4 2.2 9.8 3.6 7.4 6 9.8 8.4 8.4 9.8 6 7.4 3.6 9.8 2.2 8.4 4.6 6Z' }],
    warning: [{ path: 'M6 1.2 11 10.4H1Z M5.35 4.3h1.3v3.3h-1.3Z M5.35 8.2h1.3v1.2h-1.3Z', evenodd: true }],
    info: [{ circle: [6, 2.8, 1.2] }, { path: 'M5 5h2v5.5H5Z' }]
} as const satisfies Record<string, Glyph>;

/** On-track status glyphs, 12x12: a disc with a check, a disc with a cross, a ring: shape, not colour alone. */
export const STATUS_GLYPHS = {
    'on-track': [{ path: 'M6 0.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM3 6.2 5.1 8.3 9.2 4.2 8.3 3.3 5.1 6.5 3.9 5.3Z', evenodd: true }],
    'off-track': [{ path: 'M6 0.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM3.5 4.4 4.4 3.5 6 5.1 7.6 3.5 8.5 4.4 6.9 6 8.5 7.6 7.6 8.5 6 6.9 4.4 8.5 3.5 7.6 5.1 6Z', evenodd: true }],
    'unknown': [{ path: 'M6 0.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM6 1.8a4.2 4.2 0 1 0 0 8.4 4.2 4.2 0 0 0 0-8.4Z', evenodd: true }]
} as const satisfies Record<string, Glyph>;

export function kindGlyph(kind: NodeKind): Glyph {
    return KIND_GLYPHS[kind] ?? [];
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

/** The glyph's shapes with their top-left corner at (x, y), scaled by `scale`. */
export function drawGlyph(glyph: Glyph, x: number, y: number, scale = 1): string {
    return glyph.map(shape => {
        const cls = shape.cls ? ` class="${shape.cls}"` : '';
        if ('circle' in shape) {
            const [cx, cy, r] = shape.circle;
            return `<circle${cls} cx="${n(x + cx * scale)}" cy="${n(y + cy * scale)}" r="${n(r * scale)}"/>`;
        }
        if ('rect' in shape) {
            const [rx0, ry0, w, h, rx] = shape.rect;
            return `<rect${cls} x="${n(x + rx0 * scale)}" y="${n(y + ry0 * scale)}" width="${n(w * scale)}" height="${n(h * scale)}" rx="${n(rx * scale)}"/>`;
        }
        return `<path${cls}${shape.evenodd ? ' fill-rule="evenodd"' : ''} d="${movePath(shape.path, x, y, scale)}"/>`;
    }).join('');
}

/** Path data scaled by `scale` and moved by (dx, dy): absolute commands move, relative ones only scale. */
export function movePath(d: string, dx: number, dy: number, scale = 1): string {
    const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
    let out = '';
    let command = '';
    let index = 0;
    for (const token of tokens) {
        if (/[a-zA-Z]/.test(token)) {
            command = token;
            index = 0;
            out += token;
            continue;
        }
        const value = Number(token);
        const absolute = command === command.toUpperCase();
        const upper = command.toUpperCase();
        let moved = value * scale;
        if (absolute) {
            if (upper === 'H') moved += dx;
            else if (upper === 'V') moved += dy;
            else if (upper === 'A') {
                const k = index % 7;
                if (k === 5) moved += dx;
                else if (k === 6) moved += dy;
                else if (k === 2 || k === 3 || k === 4) moved = value;
            } else moved += index % 2 === 0 ? dx : dy;
        } else if (upper === 'A' && index % 7 >= 2 && index % 7 <= 4) {
            moved = value;
        }
        out += (out && !/[a-zA-Z]$/.test(out) ? ' ' : '') + n(moved);
        index++;
    }
    return out;
}
