/** The part of the Frictionless JS library (`datapackage`, no types of its own) the tests use. */
declare module 'datapackage' {
  interface Resource {
    readonly name: string;
    read(options?: { keyed?: boolean; relations?: boolean; cast?: boolean }): Promise<unknown[]>;
  }
  export class Package {
    static load(
      descriptor: string | object,
      options?: { basePath?: string; strict?: boolean },
    ): Promise<Package>;
    readonly valid: boolean;
    readonly errors: readonly Error[];
    readonly resources: readonly Resource[];
    readonly descriptor: Record<string, unknown>;
  }
}
