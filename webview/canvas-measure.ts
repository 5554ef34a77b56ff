/**
 * Text widths in the font the drawing is actually drawn with: a canvas
 * `measureText` in the families the drawing's CSS resolves to (the VS Code
 * theme's fonts, or the declared stacks). One canvas context per font, whose
 * font is set once: a layout measures in several fonts in turn, and setting
 * a context's font parses it again each time.
 */
import { MONO_STACK, SANS_STACK, type MeasureText, type TextStyle } from '../language/render/index.js';

/** A measurer for the drawing inside `root` (an element with the drawing's styles). */
export function canvasMeasure(root: Element): MeasureText {
    const style = getComputedStyle(root);
    const sans = style.fontFamily || SANS_STACK;
    const mono = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-font-family').trim() || MONO_STACK;
    const contexts = new Map<string, CanvasRenderingContext2D>();
    const contextFor = (textStyle: TextStyle): CanvasRenderingContext2D => {
        const key = `${textStyle.bold ? 1 : 0}${textStyle.mono ? 1 : 0}${textStyle.size}`;
        let context = contexts.get(key);
        if (!context) {
            context = document.createElement('canvas').getContext('2d') ?? undefined;
            if (!context) throw new Error('no 2D canvas context to measure text with');
            context.font = `${textStyle.bold ? 600 : 400} ${textStyle.size}px ${textStyle.mono ? mono : sans}`;
            contexts.set(key, context);
        }
        return context;
    };
    return (text, textStyle) => contextFor(textStyle).measureText(text).width;
}
