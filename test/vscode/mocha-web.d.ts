// `mocha-web` is mocha 11 under another name (mocha 12 does not run inside VS Code for the Web).
declare module 'mocha-web' {
    import Mocha = require('mocha');
    export = Mocha;
}
