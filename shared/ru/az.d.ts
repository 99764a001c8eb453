// The few parts of `az` (deNULL/Az.js, OpenCorpora dictionaries) shared/ru/morph.ts uses; the package has no types.
declare module 'az' {
  export interface AzTag {
    readonly POS?: string;
    readonly GNdr?: string;
    readonly NMbr?: string;
    readonly CAse?: string;
    /** Every grammeme the form has is a true property: `tag.Geox`, `tag.Fixd`, `tag.nomn`… */
    readonly [grammeme: string]: unknown;
    toString(): string;
  }
  export interface AzParse {
    readonly word: string;
    readonly tag: AzTag;
    readonly score: number;
    /** 'Dictionary' for a word the dictionary has; 'SuffixKnown', 'Abbr', 'HyphenWords'… for guesses. */
    readonly parser: string;
    inflect(grammemes: string[]): AzParse | false;
    normalize(): AzParse | false;
  }
  export interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (err: unknown) => void): void;
  }
  const Az: {
    Morph: AzMorph;
    load: (url: string, responseType: string, callback: (err: unknown, data?: unknown) => void) => void;
  };
  export default Az;
}
