/**
 * The context keys of the preview's title bar: which direction button and
 * which of Hide / Show Activity & Learning Metrics the menus offer. VS Code
 * has no toggled state for an extension's menu item, so each state has its
 * own command, shown by these keys.
 */
import { PreviewContext } from '../constants.js';
import type { ViewReport } from '../../webview/protocol.js';

/** The keys for the open preview (undefined: none open, every key unset). */
export function previewContextKeys(preview: {
    /** The panel is the active editor. */
    readonly active: boolean;
    /** What the webview last reported it shows; undefined before its first drawing. */
    readonly shown: ViewReport | undefined;
    /** `align.preview.hideLearningMetrics`: what the webview starts with, until it reports. */
    readonly hiddenBySetting: boolean;
} | undefined): Record<string, unknown> {
    if (!preview) return { [PreviewContext.direction]: undefined, [PreviewContext.hidesLearningMetrics]: undefined };
    return {
        [PreviewContext.direction]: preview.active ? preview.shown?.direction : undefined,
        [PreviewContext.hidesLearningMetrics]: preview.shown?.hideLearningMetrics ?? preview.hiddenBySetting
    };
}
