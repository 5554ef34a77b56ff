/** esbuild bundles `.css` files as text (loader `text` in esbuild.mjs). */
declare module '*.css' {
    const text: string;
    export default text;
}
