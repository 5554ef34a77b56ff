// Gives CommonJS bundles the `import.meta.url` that ESM dependencies read.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
