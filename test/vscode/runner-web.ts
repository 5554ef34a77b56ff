// The extension tests inside the web extension host (VS Code for the Web):
// mocha 11's browser build, tdd interface, spec reporter to the console.
// `run` is what @vscode/test-web calls.

export function run(): Promise<void> {
    require('mocha-web/mocha.js');
    mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60000 });
    require('vscode-suite:tests');
    return new Promise((resolve, reject) => {
        const runner = mocha.run(failures => {
            console.log(`vscode-web suite: ${runner.stats?.passes ?? 0} passing, ${failures} failing, ${runner.stats?.pending ?? 0} pending`);
            if (failures > 0) reject(new Error(`${failures} extension test(s) failed.`));
            else resolve();
        });
    });
}
