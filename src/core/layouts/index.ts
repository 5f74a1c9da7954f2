export * from "./types";
export * from "./settings";
export * from "./standard";
export * from "./formulas";
export * from "./plan";
export * from "./shift";
