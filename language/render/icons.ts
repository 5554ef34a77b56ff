/** Kind and severity glyphs as inline SVG (no fonts, no remote content), drawn in a 16x16 box. */
import type { NodeKind } from '../graph/types.js';

const KIND_ICONS: Partial<Record<NodeKind, string>> = {
    objective: '<circle cx="8" cy="8" r="6.5"/><circle cx="8" cy="8" r="3.2"/><circle class="solid" cx="8" cy="8" r="1.2"/>',
    skill: '<path d="M8 1.5 9.8 6.2 14.5 8 9.8 9.8 8 14.5 6.2 9.8 1.5 8 6.2 6.2Z"/>',
    behavior: '<path d="M2 3.5h7l4.5 4.5L9 12.5H2L6.5 8Z"/>',
    metric: '<rect class="solid" x="1.5" y="9" width="3" height="5.5" rx="0.5"/><rect class="solid" x="6.5" y="5.5" width="3" height="9" rx="0.5"/><rect class="solid" x="11.5" y="1.5" width="3" height="13" rx="0.5"/>',
    outcome: '<path d="M3.5 15V1.8M3.5 2.2h9.5l-2.2 3.6 2.2 3.6H3.5"/>',
    toolkit: '<rect x="1.5" y="5.5" width="13" height="8.5" rx="1"/><path d="M5.5 5.5V3.2h5v2.3M1.5 9.2h13"/>'
};

/** The icon of a node kind, to put inside a `<g class="node-icon">`. */
export function kindIcon(kind: NodeKind): string {
    return KIND_ICONS[kind] ?? '';
}

/** A warning triangle with an exclamation mark cut out, 12x12, filled by CSS. */
export const WARNING_GLYPH = '<path d="M6 0.8 11.6 11H0.4Z M5.3 4.2h1.4v3.6H5.3Z M5.3 8.6h1.4v1.3H5.3Z" fill-rule="evenodd"/>';

/** Severity glyphs for finding badges, 12x12: a cross, a triangle, an "i"; shape tells severity without colour. */
export const SEVERITY_GLYPHS = {
    error: '<path d="M2.2 3.6 3.6 2.2 6 4.6 8.4 2.2 9.8 3.6 7.4 6 9.8 8.4 8.4 9.8 6 7.4 3.6 9.8 2.2 8.4 4.6 6Z"/>',
    warning: '<path d="M6 1.2 11 10.4H1Z M5.35 4.3h1.3v3.3h-1.3Z M5.35 8.2h1.3v1.2h-1.3Z" fill-rule="evenodd"/>',
    info: '<circle cx="6" cy="2.8" r="1.2"/><path d="M5 5h2v5.5H5Z"/>'
} as const;
