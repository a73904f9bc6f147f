/** esbuild's metafile: each input and output file, with each output's imports. */
export interface CliMetafile {
  inputs: Record<string, unknown>;
  outputs: Record<
    string,
    {
      imports: { path: string; kind: string; external?: boolean }[];
      entryPoint?: string;
    }
  >;
}
/** Builds the CLI (techfund.js, worker.js, readers.js) into `outdir` (default build/cli). See build-cli.js. */
export function buildCli(outdir?: string): CliMetafile;
export const DEFAULT_OUT: string;
