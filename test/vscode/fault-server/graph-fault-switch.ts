/**
 * Loaded before the language server in the web worker of the fault run
 * (server-browser-fault.ts; scripts/vscode-test-web.mjs puts that bundle in
 * place of out/web/server-browser.js): a stand-in for a bug outside the
 * rules, as test/cli/fault/graph-build.cjs is for the Node server. The last
 * step of every graph build (the graph object made with its `nodes`,
 * `edges` and `coverage` properties) throws, until a message to the worker
 * carries FAULT_OFF (an edit that types it): then the next build succeeds.
 */
import { FAULT_OFF } from './fault-marker.js';

let faulty = true;
self.addEventListener('message', (event: MessageEvent) => {
    if (faulty && JSON.stringify(event.data ?? null).includes(FAULT_OFF)) faulty = false;
});

const defineProperties = Object.defineProperties;
Object.defineProperties = function <T>(this: unknown, target: T, properties: PropertyDescriptorMap & ThisType<unknown>): T {
    if (faulty && 'coverage' in properties && 'nodes' in properties) throw new TypeError('fault injected in the impact graph\'s build');
    return defineProperties.call(this, target, properties) as T;
};
