// The extension tests inside desktop VS Code (@vscode/test-electron calls `run`).
import Mocha from 'mocha-web';

export function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60000 });
    mocha.suite.emit('pre-require', globalThis, 'test/vscode/suite', mocha);
    require('vscode-suite:tests');
    return new Promise((resolve, reject) => {
        const runner = mocha.run(failures => {
            console.log(`vscode-desktop suite: ${runner.stats?.passes ?? 0} passing, ${failures} failing`);
            if (failures > 0) reject(new Error(`${failures} extension test(s) failed.`));
            else resolve();
        });
    });
}
