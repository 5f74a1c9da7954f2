export * from "./parse";
export * from "./format";
export * from "./round";
export * from "./entry";
