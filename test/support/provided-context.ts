// What test/global-setup.ts hands to every test file through vitest's `inject`.
declare module "vitest" {
  export interface ProvidedContext {
    /** The local ClickHouse HTTP server shared by the whole test run. */
    clickhouseUrl: string;
  }
}

export {};
