export * from "./read";
export * from "./capaian";
export * from "./anggaran";
export * from "./aggregate";
