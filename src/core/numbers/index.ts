export * from "./parse";
export * from "./format";
export * from "./round";
