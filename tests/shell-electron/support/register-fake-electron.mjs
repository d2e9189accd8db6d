import { createRequire, register } from 'node:module';

// ESM imports of 'electron' (the bundle's own) go to the fake runtime through the loader hook; CommonJS
// require('electron') (electron-updater's, inside the bundle) is not seen by that hook on Node 20, so
// Module._load hands out the very same fake module instance.
register('./electron-loader.mjs', import.meta.url);
const fake = await import('./fake-electron-runtime.mjs');
const Module = createRequire(import.meta.url)('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};
