import type { Webview } from 'vscode';

/** The hash of the empty `<style>` element `@vscode/webview-ui-toolkit` inserts (FAST's focus-visible probe). */
export const TOOLKIT_EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** The Content-Security-Policy of the preview: only the extension's own script (by nonce) and styles. */
export function contentSecurityPolicy(webview: Pick<Webview, 'cspSource'>, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${webview.cspSource} ${TOOLKIT_EMPTY_STYLE_HASH}`,
        `img-src ${webview.cspSource} data:`,
        `font-src ${webview.cspSource}`
    ].join('; ');
}

/**
 * The page of the preview webview: nothing but the built UI script
 * (webview/main.ts builds its DOM and adopts constructed style sheets).
 */
export function previewHtml(webview: Pick<Webview, 'cspSource'>, script: string, nonce: string): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>Impact Chain</title>
</head>
<body>
    <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
