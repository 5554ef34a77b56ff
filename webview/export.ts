/** Exports of the current drawing: a standalone SVG with the theme's colours written in, and a PNG drawn from it. */
import type { NodeFindings } from '../language/protocol.js';
import { renderSvg, type GraphLayout } from '../language/render/index.js';

/** Canvas limits that every Chromium handles; larger drawings are scaled down. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 40_000_000;

/** The layout as a standalone SVG document; CSS variables resolved against the current theme. */
export function exportSvg(layout: GraphLayout, findings: Readonly<Record<string, NodeFindings>>): string {
    const style = getComputedStyle(document.body);
    return renderSvg(layout, {
        findings, idPrefix: 'align-', title: 'Impact chain',
        resolveVariable: name => style.getPropertyValue(name) || undefined
    });
}

/** Draws an SVG document onto a canvas (2x when it fits) and returns a PNG data URL. */
export async function svgToPng(svg: string, width: number, height: number): Promise<string> {
    const scale = Math.min(2, Math.sqrt(MAX_PIXELS / (width * height)), MAX_SIDE / width, MAX_SIDE / height);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
}
