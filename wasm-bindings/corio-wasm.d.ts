// corio-wasm.d.ts — the Emscripten module factory (build/wasm/wasm-bindings/
// corio.mjs), which the page's bundler maps to the name 'corio-wasm'.
declare module 'corio-wasm' {
  export default function createCorio(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<unknown>;
}
