/** The version of Align, from package.json: esbuild defines `__ALIGN_VERSION__` in every bundle (esbuild.mjs); run from source, `0.0.0-dev`. */
declare const __ALIGN_VERSION__: string;
export const ALIGN_VERSION: string = typeof __ALIGN_VERSION__ === 'string' ? __ALIGN_VERSION__ : '0.0.0-dev';
