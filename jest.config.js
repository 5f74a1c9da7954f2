/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.ts",
    // import.meta (webpack's worker syntax) does not compile to CommonJS; jsdom has no Worker anyway
    "/parse-worker-spawn$": "<rootDir>/test/stubs/parse-worker-spawn.ts",
  },
  testTimeout: 30000,
};
