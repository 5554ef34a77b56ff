/**
 * Text widths in the font the drawing is actually drawn with: a canvas
 * `measureText` in the families the drawing's CSS resolves to (the VS Code
 * theme's fonts, or the declared stacks).
 */
import { MONO_STACK, SANS_STACK, type MeasureText } from '../language/render/index.js';

/** A measurer for the drawing inside `root` (an element with the drawing's styles). */
export function canvasMeasure(root: Element): MeasureText {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no 2D canvas context to measure text with');
    const style = getComputedStyle(root);
    const sans = style.fontFamily || SANS_STACK;
    const mono = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-font-family').trim() || MONO_STACK;
    let font = '';
    return (text, textStyle) => {
        const wanted = `${textStyle.bold ? 600 : 400} ${textStyle.size}px ${textStyle.mono ? mono : sans}`;
        if (wanted !== font) context.font = font = wanted;
        return context.measureText(text).width;
    };
}
