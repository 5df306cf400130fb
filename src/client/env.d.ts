/// <reference types="vite/client" />

/** Parts of the Swedish interface strings, split at build time (splitStrings in vite.config.ts). */
declare module 'virtual:vn-strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}
