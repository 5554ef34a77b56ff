/** Command ids, as contributed in package.json. */
export const Commands = {
    openPreview: 'align.openPreview',
    openPreviewToSide: 'align.openPreviewToSide',
    exportSvg: 'align.exportSvg',
    exportPng: 'align.exportPng',
    checkWorkspace: 'align.checkWorkspace',
    newProgram: 'align.newProgram',
    showImpactChain: 'align.showImpactChain',
    /** Desktop only, in a trusted workspace: runs `align pull` in a terminal. */
    pullActuals: 'align.pullActuals',
    /** Stops and starts the language server (after it stopped for good, or to read changed files anew). */
    restartServer: 'align.restartServer'
} as const;

/** Commands of the preview panel's title bar (client/preview/preview-commands.ts). */
export const PreviewCommands = {
    layoutDown: 'align.preview.layoutDown',
    layoutRight: 'align.preview.layoutRight',
    layoutAuto: 'align.preview.layoutAuto',
    /** Shown when the preview shows them (PreviewContext.hidesLearningMetrics false). */
    hideLearningMetrics: 'align.preview.hideLearningMetrics',
    /** Shown when the preview hides them. */
    showLearningMetrics: 'align.preview.showLearningMetrics',
    /** The former single menu item, kept for keybindings; hidden from the palette. */
    toggleLearningMetrics: 'align.preview.toggleLearningMetrics',
    /** Desktop only (the git extension's API): marks what changed since HEAD (client/compare). */
    compareWithLastCommit: 'align.preview.compareWithLastCommit',
    stopComparing: 'align.preview.stopComparing'
} as const;

/** Context keys of the comparison with the last commit: `available` is set only where the git extension's API is (never on the web). */
export const CompareContext = {
    available: 'align.canCompareWithCommit',
    comparing: 'align.previewComparing'
} as const;

/** Context keys of the preview's title bar, set from what the preview last reported (client/preview/preview-context.ts). */
export const PreviewContext = {
    /** The direction the active preview is laid out in; unset while no preview is active. */
    direction: 'align.previewDirection',
    /** True while the preview hides activity and learning metrics: picks Show or Hide in the "..." menu. */
    hidesLearningMetrics: 'align.previewHidesLearningMetrics'
} as const;

/** The webview panel type of the impact-chain preview (serializer and `onWebviewPanel:` activation). */
export const PREVIEW_VIEW_TYPE = 'align.preview';

/** The URI scheme of a catalog file's read-only view (client/catalog-documents.ts; `onFileSystem:` activation). */
export const CATALOG_SCHEME = 'align-catalog';

/** The language id and the file extension. */
export const LANGUAGE_ID = 'align';

/** The configuration section the server reads. */
export const CONFIG_SECTION = 'align';

/** Globs of the files the server reads besides open documents (snapshots, their query files and the lock of `align pull` too). */
export const WATCHED_GLOBS = ['**/*.align', '**/align.config.json', '**/*.csv', '**/*.sql', '**/align.lock.json'] as const;

/** Desktop only: the files `npm install` rewrites, after which the server reads the catalogs again (a new version of a package). */
export const PACKAGE_GLOBS = ['**/package-lock.json', '**/node_modules/.package-lock.json'] as const;
