// Types of scripts/manifest-check.js for the TypeScript tests.

/** Result of the offline manifest check. */
export interface ManifestReport {
  /** true when no error was found */
  ok: boolean;
  /** one Chinese sentence per problem */
  errors: string[];
  /** what was checked or skipped */
  notes: string[];
  /** declared requirement sets, e.g. { ExcelApi: "1.9" } */
  requirementSets: Record<string, string>;
}

export function checkManifest(
  xml: string,
  options?: { assetsDir?: string; schemaDir?: string },
): Promise<ManifestReport>;

export function runManifestCheck(file: string): Promise<boolean>;
