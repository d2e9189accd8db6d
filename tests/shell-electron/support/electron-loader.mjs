// Node module hook for the bundle smoke test: 'electron' resolves to the fake runtime below, everything
// else resolves as usual. Registered with `node --import <this folder>/register-fake-electron.mjs`.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./fake-electron-runtime.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
