/**
 * Outside Excel (the task pane in a plain browser, node) there is no CustomFunctions runtime; the
 * associate calls the metadata plugin appends would throw. Give them a harmless stand-in there only.
 */
const g = globalThis as unknown as { CustomFunctions?: unknown };

if (typeof g.CustomFunctions === "undefined") {
  class FunctionError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  }
  g.CustomFunctions = {
    associate: () => undefined,
    Error: FunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };
}

export {};
