/** The small part of fontkit 2 (no bundled types) that the PDF helper uses. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
    readonly postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
