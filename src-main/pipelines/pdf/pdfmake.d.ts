/** The part of pdfmake 0.3's server API the app uses (the package ships no types). */
declare module 'pdfmake' {
  interface OutputDocument {
    write(path: string): Promise<void>;
    getBuffer(): Promise<Buffer>;
  }
  /** pdfmake's in-memory file system: a name it holds is read from here instead of the disk. */
  interface VirtualFileSystem {
    writeFileSync(name: string, content: Buffer): void;
    existsSync(name: string): boolean;
    /** Not part of its API: it has no way to remove a file, and the app's documents come and go. */
    storage: Record<string, Buffer | undefined>;
  }
  interface PdfMake {
    virtualfs: VirtualFileSystem;
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    setProgressCallback(callback: ((fraction: number) => void) | undefined): void;
    createPdf(definition: object, options?: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
