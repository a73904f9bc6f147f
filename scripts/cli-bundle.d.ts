/** Builds a TypeScript file of this repository into one CommonJS bundle for Node 20. See cli-bundle.js. @returns its source files */
export function bundleFile(entry: string, outfile: string): string[];
/** The path of an up-to-date bundle of the CLI (built first when missing or stale). */
export function cliBundle(): string;
