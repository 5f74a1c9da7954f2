/**
 * Jest stand-in for office-addin-manifest (mapped in jest.config.js): the real package pulls an
 * ESM-only dependency (strip-bom) that Jest's CommonJS runtime cannot load. office-addin-mock
 * only needs this enum.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
