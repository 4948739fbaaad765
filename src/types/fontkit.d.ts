// fontkit ships no type declarations; src/pdf/fonts.ts describes the part it uses.
declare module 'fontkit' {
  export function openSync(path: string): unknown
}
