/**
 * Colour helpers for in-page functions (a string to put at the top of one):
 * `parse` reads a CSS `rgb()`/`rgba()` colour into numbers, `blend` lays a
 * colour with alpha over an opaque one, `luminance` is WCAG's relative
 * luminance, and `ratio(fg, bg)` the WCAG contrast ratio of two opaque
 * colours, rounded to two decimals; `rgba` reads any CSS colour
 * (`color-mix()` computes to `color(srgb ...)`, which `parse` does not read)
 * as RGBA numbers through a 1 px canvas. A string, so that the test runner's
 * transpiler adds nothing to it.
 */
export const COLOUR_HELPERS = `
    const parse = c => (/rgba?\\(([^)]+)\\)/.exec(c)?.[1] ?? '0,0,0').split(/[ ,/]+/).filter(Boolean).map(Number);
    const blend = (c, under) => [0, 1, 2].map(i => c[i] * (c[3] ?? 1) + under[i] * (1 - (c[3] ?? 1)));
    const luminance = c => {
        const [r, g, b] = c.map(v => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (fg, bg) => { const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x); return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100; };
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const rgba = c => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = c;
        context.fillRect(0, 0, 1, 1);
        const d = context.getImageData(0, 0, 1, 1).data;
        return [d[0], d[1], d[2], d[3] / 255];
    };
`;

/**
 * In-page (a string, as above): an async function from a PNG as base64 to
 * its pixels (RGBA bytes), decoded through an image and a canvas.
 */
export const PNG_PIXELS = `async source => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + source;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    return context.getImageData(0, 0, img.width, img.height).data;
}`;

/**
 * In-page (a string: the test runner's transpiler adds nothing to it): of two
 * PNG screenshots of the same place, as base64, the number of pixels whose
 * colour changed by a contrast ratio of 3:1 or more.
 */
export const CHANGED_PIXELS = `async ([a, b]) => {
    const load = ${PNG_PIXELS};
    const [p, q] = [await load(a), await load(b)];
    const luminance = (r, g, bl) => [r, g, bl].map(v => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; })
        .reduce((t, v, i) => t + v * [0.2126, 0.7152, 0.0722][i], 0);
    let changed = 0;
    for (let i = 0; i < p.length; i += 4) {
        if (p[i] === q[i] && p[i + 1] === q[i + 1] && p[i + 2] === q[i + 2]) continue;
        const [l1, l2] = [luminance(p[i], p[i + 1], p[i + 2]), luminance(q[i], q[i + 1], q[i + 2])];
        if ((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) >= 3) changed++;
    }
    return changed;
}`;
