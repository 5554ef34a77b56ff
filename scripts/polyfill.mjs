import './polyfill.cjs';
