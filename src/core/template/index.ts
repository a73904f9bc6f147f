export * from "./layout";
export * from "./lists";
export * from "./validations";
export * from "./sheetName";
